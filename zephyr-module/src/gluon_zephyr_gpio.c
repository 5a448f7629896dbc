/* The peripherals group's GPIO over devicetree (CONFIG_GLUON_GPIO):
 * Erlang's gpio module. Pin N is entry N of the gluon-gpios property of
 * /zephyr,user, or, without that property, the ledN alias (led0..led3).
 * A pin the board lacks answers {error, enoent}. */

#include <zephyr/devicetree.h>
#include <zephyr/drivers/gpio.h>
#include <zephyr/kernel.h>

#include "gluon_zephyr_caps.h"

#define USER_NODE DT_PATH(zephyr_user)

#if DT_NODE_HAS_PROP(USER_NODE, gluon_gpios)
#define PIN_SPEC(node, prop, i) GPIO_DT_SPEC_GET_BY_IDX(node, prop, i)
static const struct gpio_dt_spec pins[] = {
	DT_FOREACH_PROP_ELEM_SEP(USER_NODE, gluon_gpios, PIN_SPEC, (,))};
#else
/* An absent alias leaves its pin's port NULL. */
#define LED_SPEC(n)                                                                                \
	COND_CODE_1(DT_NODE_HAS_STATUS(DT_ALIAS(led##n), okay),                                    \
		    (GPIO_DT_SPEC_GET(DT_ALIAS(led##n), gpios)), ({0}))
static const struct gpio_dt_spec pins[] = {LED_SPEC(0), LED_SPEC(1), LED_SPEC(2), LED_SPEC(3)};
#endif

static const struct gpio_dt_spec *pin_of(uint32_t pin)
{
	if (pin >= ARRAY_SIZE(pins) || pins[pin].port == NULL || !gpio_is_ready_dt(&pins[pin])) {
		return NULL;
	}
	return &pins[pin];
}

static int32_t gpio_set_mode(void *ctx, uint32_t pin, gluon_pin_mode mode)
{
	static const gpio_flags_t flags[] = {
		[GLUON_PIN_INPUT] = GPIO_INPUT,
		[GLUON_PIN_INPUT_PULL_UP] = GPIO_INPUT | GPIO_PULL_UP,
		[GLUON_PIN_INPUT_PULL_DOWN] = GPIO_INPUT | GPIO_PULL_DOWN,
		[GLUON_PIN_OUTPUT] = GPIO_OUTPUT_INACTIVE,
	};
	const struct gpio_dt_spec *p = pin_of(pin);

	ARG_UNUSED(ctx);
	if (p == NULL) {
		return -GLUON_ENOENT;
	}
	if ((unsigned int)mode >= ARRAY_SIZE(flags)) {
		return -GLUON_EINVAL;
	}
	return gluon_zephyr_status(gpio_pin_configure_dt(p, flags[mode]));
}

/* Levels are logical: high is "active" (an active-low LED lights). */
static int32_t gpio_write(void *ctx, uint32_t pin, bool high)
{
	const struct gpio_dt_spec *p = pin_of(pin);

	ARG_UNUSED(ctx);
	return p ? gluon_zephyr_status(gpio_pin_set_dt(p, high)) : -GLUON_ENOENT;
}

static int32_t gpio_read(void *ctx, uint32_t pin, bool *high)
{
	const struct gpio_dt_spec *p = pin_of(pin);

	ARG_UNUSED(ctx);
	if (p == NULL) {
		return -GLUON_ENOENT;
	}
	int v = gpio_pin_get_dt(p);

	if (v < 0) {
		return gluon_zephyr_status(v);
	}
	*high = v != 0;
	return 0;
}

const gluon_peripherals gluon_zephyr_peripherals = {
	.gpio_set_mode = gpio_set_mode,
	.gpio_write = gpio_write,
	.gpio_read = gpio_read,
};
