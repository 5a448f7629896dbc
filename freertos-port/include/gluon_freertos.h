/* Gluon on FreeRTOS: the OS hooks over the firmware's own kernel.
 *
 * The VM runs as one FreeRTOS task. This port gives it
 * - time: the tick count, extended to 64 bits (configTICK_RATE_HZ);
 * - waiting: a task notification of the VM's task (ulTaskNotifyTake with
 *   the time to the VM's next timer as timeout); gluon_send, from any task
 *   or interrupt handler, wakes it (vTaskNotifyGiveFromISR in ISRs);
 * - memory: pvPortMalloc/vPortFree (the firmware's heap_N), unless the
 *   library was built with the dedicated region instead;
 * - the critical section of the event queue: taskENTER_CRITICAL in tasks,
 *   portSET_INTERRUPT_MASK_FROM_ISR in interrupt handlers.
 * Console output is the firmware's: it passes a function writing bytes.
 *
 * Typical VM task (see samples/freertos/):
 *
 *     static gluon_freertos port;
 *     void erlang_task(void *arg) {
 *         gluon_freertos_init(&port, uart_write, NULL);   // in this task
 *         gluon_config cfg;
 *         gluon_config_default(&cfg);
 *         cfg.platform = &port.platform;
 *         gluon_vm *vm;
 *         gluon_vm_new(&cfg, &vm);
 *         gluon_load_bundle(vm, app_avm, app_avm_len, true);
 *         gluon_start(vm, NULL, "start", true);
 *         gluon_state st;
 *         gluon_run(vm, &st);
 *         ...
 *     }
 *
 * Interrupt handlers send with gluon_freertos_send_from_isr and end with
 * portYIELD_FROM_ISR, as for any FreeRTOS FromISR call, and run at or
 * below configMAX_SYSCALL_INTERRUPT_PRIORITY:
 *
 *     void TIMER0_Handler(void) {
 *         BaseType_t woken = pdFALSE;
 *         gluon_msg m;
 *         ... build m ...
 *         if (gluon_freertos_send_from_isr(&port, queue, "sensor_srv", &m, &woken)
 *                 == GLUON_E_FULL) dropped++;   // counted in `overflowed` too
 *         portYIELD_FROM_ISR(woken);
 *     }
 */
#ifndef GLUON_FREERTOS_H
#define GLUON_FREERTOS_H

#include "FreeRTOS.h"
#include "task.h"

#include "gluon.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Writes `len` bytes of console output (a UART, semihosting, stdout). */
typedef void (*gluon_freertos_write_fn)(void *ctx, const uint8_t *bytes, size_t len);

/* One VM's hooks. Keep it alive as long as the VM (static storage). */
typedef struct gluon_freertos {
    /* The hooks: give &platform as gluon_config.platform. The optional
     * groups start NULL (Erlang's file, gen_tcp and gpio answer
     * {error, enotsup}); a firmware with a file system, a network stack
     * (FreeRTOS-Plus-TCP, lwIP) or pins points platform.files,
     * .sockets or .peripherals at its own tables (gluon.h) before
     * gluon_vm_new. Their hooks get `port` as ctx. */
    gluon_platform platform;
    /* The task that runs the VM (waits on its notification). */
    TaskHandle_t task;
    gluon_freertos_write_fn console;
    void *console_ctx;
    gluon_freertos_write_fn report;
    void *report_ctx;
    /* While a handler is in gluon_freertos_send_from_isr: its `woken`. */
    BaseType_t *volatile isr_woken;
} gluon_freertos;

/* Fills `port` with the FreeRTOS hooks. Call it from the task that will
 * run the VM: wake-ups notify that task. `console` is required; error
 * reports go to the console too until gluon_freertos_set_report. */
void gluon_freertos_init(gluon_freertos *port, gluon_freertos_write_fn console, void *ctx);

/* gluon_send for interrupt handlers, the FreeRTOS way: queues the message
 * for the process registered as `to` without blocking, wakes the VM's
 * task with vTaskNotifyGiveFromISR and sets `*woken` to pdTRUE when that
 * task should run next (it never sets it to pdFALSE), so that the handler
 * ends with portYIELD_FROM_ISR(woken). GLUON_E_FULL: the queue is full,
 * the message is dropped and counted in the queue's `overflowed`.
 * `q` is gluon_queue_of(vm) of the VM this port runs. The handler's
 * priority must be at or below configMAX_SYSCALL_INTERRUPT_PRIORITY.
 * (gluon_send works in handlers too, yielding inside the call: fine on
 * ports where portYIELD_FROM_ISR only pends a switch, as on Cortex-M.) */
gluon_status gluon_freertos_send_from_isr(gluon_freertos *port, const gluon_queue *q,
                                          const char *to, const gluon_msg *m,
                                          BaseType_t *woken);

/* Sends the VM's error reports (crashed processes) elsewhere. */
void gluon_freertos_set_report(gluon_freertos *port, gluon_freertos_write_fn report, void *ctx);

/* Monotonic nanoseconds from the tick count (the clock of the VM's
 * timers), from a task. */
uint64_t gluon_freertos_now_ns(gluon_freertos *port);

/* Bytes the VM holds in the FreeRTOS heap now (code, tables, process
 * memory: everything it allocates, without heap_N's per-block overhead),
 * and in `*peak` (if not NULL) the most it ever held. 0 when the VM uses
 * a region (GLUON_FREERTOS_HEAP=region). From the VM's task. */
size_t gluon_freertos_heap_used(size_t *peak);

/* Starts a new peak at what the VM holds now (to measure one step). */
void gluon_freertos_heap_reset_peak(void);

#ifdef __cplusplus
}
#endif

#endif /* GLUON_FREERTOS_H */
