/* An event-driven firmware: a C task samples "sensors" and sends each
 * reading through Gluon's event queue to the Erlang process registered as
 * sensor_srv (samples/sensor/sensor_srv.erl); Erlang answers through
 * actuator:set/2, a native function registered here. The shape of a POS
 * terminal or an industrial controller: drivers in C, logic in Erlang.
 *
 * The C side knows what it sent and checks what Erlang did with it:
 * every reading counted, every reading over the limit switched off. */
#include "FreeRTOS.h"
#include "task.h"

#include "actuator.h"
#include "board.h"
#include "vm_task.h"

#define READINGS 500
#define LIMIT 800 /* as in sensor_srv.erl */

static const gluon_queue *events;
static TaskHandle_t vm_handle;
static actuator_log actuator;

/* A deterministic "sensor": mostly below the limit, now and then over. */
static int64_t sample(unsigned i) { return (int64_t)((i * 7919u) % 900u); }

static unsigned long sent_sum, sent_over, retries;

static void send(const gluon_msg *m) {
    gluon_status s;
    while ((s = gluon_send(events, "sensor_srv", m)) == GLUON_E_FULL) {
        retries++; /* the queue is full: let the VM's task drain it */
        vTaskDelay(1);
    }
    if (s != GLUON_OK) sample_fail("gluon_send", s);
}

/* Runs above the VM's priority, so bursts fill the queue faster than the
 * VM empties it. */
static void sensor_task(void *arg) {
    (void)arg;
    gluon_msg m;
    for (unsigned i = 0; i < READINGS; i++) {
        int64_t v = sample(i);
        sent_sum += (unsigned long)v;
        sent_over += v > LIMIT;
        gluon_msg_init(&m);
        gluon_msg_tuple(&m, 3);
        gluon_msg_atom(&m, "reading");
        gluon_msg_int(&m, (int64_t)(i % ACTUATOR_CHANNELS));
        gluon_msg_int(&m, v);
        send(&m);
        if (i % 100 == 99) vTaskDelay(2); /* between bursts */
    }
    gluon_msg_init(&m);
    gluon_msg_tuple(&m, 2);
    gluon_msg_atom(&m, "stop");
    gluon_msg_atom(&m, "done");
    send(&m);
    /* This task's work is done; it must not return. */
    for (;;) vTaskDelay(portMAX_DELAY);
}

static void vm_task(void *arg) {
    (void)arg;
    gluon_vm *vm = sample_vm_new();
    gluon_status s = actuator_register(vm, &actuator);
    if (s != GLUON_OK) sample_fail("actuator_register", s);
    /* Run until sensor_srv has registered its name and waits, then let
     * the sensors go: events for a name not yet registered are lost. */
    gluon_state st;
    if ((s = gluon_run_until_idle(vm, 0, &st)) != GLUON_OK) sample_fail("run", s);
    events = gluon_queue_of(vm);
    if (xTaskCreate(sensor_task, "sensor", configMINIMAL_STACK_SIZE * 4, NULL,
                    tskIDLE_PRIORITY + 2, NULL) != pdPASS) {
        sample_fail("xTaskCreate", GLUON_E_NOMEM);
    }
    gluon_run(vm, &st);
    gluon_queue_stats q;
    gluon_queue_get_stats(events, &q);
    board_puts("sensor: sent ");
    board_putu(READINGS);
    board_puts(" readings, sum ");
    board_putu(sent_sum);
    board_puts(", mean ");
    board_putu(sent_sum / READINGS);
    board_puts(", over the limit ");
    board_putu(sent_over);
    board_puts("\nsensor: queue posted ");
    board_putu(q.posted);
    board_puts(", delivered ");
    board_putu(q.delivered);
    board_puts(", high water ");
    board_putu(q.high_water);
    board_puts(", full ");
    board_putu(q.overflowed);
    board_puts("\n");
    int ok = st == GLUON_FINISHED && gluon_exit_status(vm) == 0 && actuator.done &&
             actuator.done_count == READINGS && actuator.offs == sent_over &&
             q.posted == READINGS + 1 && q.delivered == q.posted && q.undeliverable == 0 &&
             q.overflowed == retries;
    board_puts(ok ? "sensor: ok\n" : "sensor: FAILED\n");
    board_exit(ok ? 0 : 1);
}

int main(void) { sample_main(vm_task, &vm_handle); }
