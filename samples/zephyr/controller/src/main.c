/* The event-driven controller: a sensor thread in C feeds readings to
 * the Erlang process `controller` through gluon_send (the VM's event
 * queue, usable from threads and ISRs); Erlang answers by calling the
 * native actuator:set/2. A k_timer's expiry function, which runs in the
 * system timer's interrupt handler, sends a second stream of readings
 * from interrupt context. */
#include <string.h>
#include <zephyr/kernel.h>

#include "gluon_zephyr.h"

/* Readings of three channels, in the order the sensor takes them. */
static const int16_t readings[][2] = {
	{1, 20}, {2, 40}, {3, 65}, {1, 72}, {2, 55}, {3, 71}, {1, 68},
	{2, 49}, {3, 52}, {1, 45}, {2, 80}, {3, 50}, {1, 30}, {2, 60},
	{3, 90}, {1, 75}, {2, 51}, {3, 40}, {1, 71}, {2, 50},
};

static K_SEM_DEFINE(controller_ready, 0, 1);

/* sensor:ready(): the controller has registered its name. */
static gluon_term sensor_ready(gluon_env *env, const gluon_term *args, size_t argc, void *user)
{
	ARG_UNUSED(args);
	ARG_UNUSED(argc);
	ARG_UNUSED(user);
	k_sem_give(&controller_ready);
	return gluon_make_atom(env, "ok");
}

/* actuator:set(Channel, on | off): switches an actuator. */
static gluon_term actuator_set(gluon_env *env, const gluon_term *args, size_t argc, void *user)
{
	int64_t ch;
	char state[4];

	ARG_UNUSED(argc);
	ARG_UNUSED(user);
	if (!gluon_get_int(args[0], &ch) || !gluon_get_atom(env, args[1], state, sizeof(state)) ||
	    (strcmp(state, "on") != 0 && strcmp(state, "off") != 0)) {
		return gluon_raise_badarg(env);
	}
	printk("actuator %d -> %s\n", (int)ch, state);
	return gluon_make_atom(env, "ok");
}

void gluon_zephyr_setup(gluon_vm *vm)
{
	gluon_register_native(vm, "sensor", "ready", 0, sensor_ready, NULL);
	gluon_register_native(vm, "actuator", "set", 2, actuator_set, NULL);
}

/* ---- readings from an interrupt handler */

#define TIMER_READINGS 10

static const gluon_queue *timer_queue;
static unsigned int timer_sent, timer_refused, timer_in_isr;
static K_SEM_DEFINE(timer_done, 0, 1);

/* Runs in the system timer's ISR: no blocking, no retry. A full queue
 * refuses the message and counts it (gluon_queue_stats.overflowed). */
static void timer_expired(struct k_timer *timer)
{
	gluon_msg m;
	bool in_isr = k_is_in_isr();

	gluon_msg_init(&m);
	gluon_msg_tuple(&m, 3);
	gluon_msg_atom(&m, "isr_reading");
	gluon_msg_int(&m, (int64_t)timer_sent + timer_refused + 1);
	gluon_msg_atom(&m, in_isr ? "true" : "false");
	if (gluon_send(timer_queue, "controller", &m) == GLUON_OK) {
		timer_sent++;
	} else {
		timer_refused++;
	}
	timer_in_isr += in_isr;
	if (timer_sent + timer_refused == TIMER_READINGS) {
		k_timer_stop(timer);
		k_sem_give(&timer_done);
	}
}

static K_TIMER_DEFINE(reading_timer, timer_expired, NULL);

static void send(const gluon_queue *q, const gluon_msg *m)
{
	/* A full queue refuses the message (and counts it): try again. */
	while (gluon_send(q, "controller", m) == GLUON_E_FULL) {
		k_sleep(K_MSEC(1));
	}
}

static void sensor_thread(void *a, void *b, void *c)
{
	const gluon_queue *q = gluon_zephyr_queue(K_SECONDS(10));
	gluon_msg m;

	ARG_UNUSED(a);
	ARG_UNUSED(b);
	ARG_UNUSED(c);
	if (q == NULL || k_sem_take(&controller_ready, K_SECONDS(10)) != 0) {
		printk("sensor: the controller did not start\n");
		return;
	}
	timer_queue = q;
	k_timer_start(&reading_timer, K_MSEC(15), K_MSEC(15));
	for (size_t i = 0; i < ARRAY_SIZE(readings); i++) {
		gluon_msg_init(&m);
		gluon_msg_tuple(&m, 3);
		gluon_msg_atom(&m, "reading");
		gluon_msg_int(&m, readings[i][0]);
		gluon_msg_int(&m, readings[i][1]);
		send(q, &m);
		k_sleep(K_MSEC(20));
	}
	if (k_sem_take(&timer_done, K_SECONDS(10)) != 0) {
		printk("timer: did not finish\n");
	}
	printk("timer: %u readings sent from its expiry function, %u refused, %u in ISR context\n",
	       timer_sent, timer_refused, timer_in_isr);
	gluon_msg_init(&m);
	gluon_msg_atom(&m, "stop");
	send(q, &m);

	gluon_queue_stats st;

	gluon_queue_get_stats(q, &st);
	printk("sensor: %u sent, %u refused while full\n", st.posted, st.overflowed);
}

K_THREAD_DEFINE(sensor, 1024, sensor_thread, NULL, NULL, NULL, 5, 0, 0);

int main(void)
{
	return 0;
}
