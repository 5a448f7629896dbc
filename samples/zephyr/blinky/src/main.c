/* Blinky: Erlang drives the led0 alias through a native function,
 * led:set(true | false). Boards without led0 print the state instead. */
#include <string.h>
#include <zephyr/drivers/gpio.h>
#include <zephyr/kernel.h>

#include "gluon_zephyr.h"

#if DT_NODE_HAS_STATUS(DT_ALIAS(led0), okay)
static const struct gpio_dt_spec led = GPIO_DT_SPEC_GET(DT_ALIAS(led0), gpios);
#define HAVE_LED 1
#else
#define HAVE_LED 0
#endif

static bool led_ready;
static unsigned int changes;

/* led:set(On): drives led0 and prints the change. */
static gluon_term led_set(gluon_env *env, const gluon_term *args, size_t argc, void *user)
{
	char name[8];
	bool on;

	ARG_UNUSED(argc);
	ARG_UNUSED(user);
	if (!gluon_get_atom(env, args[0], name, sizeof(name))) {
		return gluon_raise_badarg(env);
	}
	if (strcmp(name, "true") == 0) {
		on = true;
	} else if (strcmp(name, "false") == 0) {
		on = false;
	} else {
		return gluon_raise_badarg(env);
	}
#if HAVE_LED
	if (led_ready && gpio_pin_set_dt(&led, on) != 0) {
		return gluon_raise_error(env, gluon_make_atom(env, "gpio"));
	}
#endif
	changes++;
	printk("led0 %s (change %u%s)\n", on ? "on" : "off", changes,
	       led_ready ? "" : ", no LED on this board");
	return gluon_make_atom(env, "ok");
}

/* Called by the VM thread before the Erlang program starts. */
void gluon_zephyr_setup(gluon_vm *vm)
{
#if HAVE_LED
	led_ready = gpio_is_ready_dt(&led) &&
		    gpio_pin_configure_dt(&led, GPIO_OUTPUT_INACTIVE) == 0;
#endif
	gluon_register_native(vm, "led", "set", 1, led_set, NULL);
}

int main(void)
{
	return 0;
}
