/* The sensor sample driven by a hardware interrupt (mps2-an385): the CMSDK
 * APB timer 0 of AN385 (0x40000000, IRQ 8, counting the 25 MHz PCLK)
 * interrupts every millisecond, and its handler sends a reading to the
 * Erlang process registered as sensor_srv (samples/sensor/sensor_srv.erl).
 * Both ways a handler can send take turns: gluon_freertos_send_from_isr,
 * the FreeRTOS way (the handler ends with portYIELD_FROM_ISR), and the C
 * API's gluon_send (the port yields inside the call, right on Cortex-M).
 * Every BURST_EVERY-th interrupt sends a burst of more readings than the
 * queue holds, so that the overflow path runs in the handler too: the
 * readings refused are dropped, as a driver would drop them, and counted.
 *
 * The C side checks that every reading the queue took reached Erlang and
 * was counted, every alarm was answered, every refusal is in the queue's
 * overflow counter, and that a burst's refusals are exactly its tail
 * (nothing drains the queue while a handler runs). */
#include "FreeRTOS.h"
#include "task.h"

#include "actuator.h"
#include "board.h"
#include "vm_task.h"

/* CMSDK APB timer (Cortex-M System Design Kit TRM): counts VALUE down at
 * PCLK, interrupts at zero and reloads. */
#define TIMER0_BASE 0x40000000u
#define TIMER0_IRQ 8
#define TIMER_REG(off) (*(volatile uint32_t *)(TIMER0_BASE + (off)))
#define TIMER_CTRL TIMER_REG(0x00)
#define TIMER_VALUE TIMER_REG(0x04)
#define TIMER_RELOAD TIMER_REG(0x08)
#define TIMER_INTCLEAR TIMER_REG(0x0C) /* write 1 to clear */
#define TIMER_CTRL_EN 0x1u
#define TIMER_CTRL_IRQEN 0x8u
#define PCLK_HZ 25000000u

/* NVIC: set-enable, clear-enable and priority (a byte per IRQ). */
#define NVIC_ISER0 (*(volatile uint32_t *)0xE000E100u)
#define NVIC_ICER0 (*(volatile uint32_t *)0xE000E180u)
#define NVIC_IPR ((volatile uint8_t *)0xE000E400u)
/* ICSR's PENDSVSET: a context switch (FreeRTOS's PendSV) is pending. */
#define SCB_ICSR (*(volatile uint32_t *)0xE000ED04u)
#define ICSR_PENDSVSET (1u << 28)

#define PERIOD_US 1000
#define INTERRUPTS 300 /* interrupts that send readings */
#define BURST_EVERY 100
#define BURST (GLUON_QUEUE_SLOTS + 8) /* readings of a burst */
#define BURSTS (INTERRUPTS / BURST_EVERY)
#define LIMIT 800 /* as in sensor_srv.erl */

static const gluon_queue *events;
static gluon_freertos *port;
static actuator_log actuator;

/* Written by the handler; the VM's task reads them once the timer is off
 * and sensor_srv has finished. */
static unsigned long interrupts, attempts, accepted, accepted_plain, refused, failures;
static unsigned long sent_sum, sent_over, woken_count, burst_errors, stop_refused;
/* Context switches requested inside gluon_send, inside
 * gluon_freertos_send_from_isr (none: it leaves that to the handler), and
 * by the handler's portYIELD_FROM_ISR. */
static unsigned long switches_in_send, switches_early, switches_by_handler;

/* A deterministic "sensor": mostly below the limit, now and then over. */
static int64_t sample(unsigned long i) { return (int64_t)((i * 7919u) % 900u); }

/* Sends the next reading with gluon_freertos_send_from_isr, or with
 * gluon_send if `woken` is NULL. */
static gluon_status send_reading(BaseType_t *woken) {
    unsigned long i = attempts++;
    int64_t v = sample(i);
    gluon_msg m;
    gluon_msg_init(&m);
    gluon_msg_tuple(&m, 3);
    gluon_msg_atom(&m, "reading");
    gluon_msg_int(&m, (int64_t)(i % ACTUATOR_CHANNELS));
    gluon_msg_int(&m, v);
    gluon_status s = woken != NULL
                         ? gluon_freertos_send_from_isr(port, events, "sensor_srv", &m, woken)
                         : gluon_send(events, "sensor_srv", &m);
    if (s == GLUON_OK) {
        accepted++;
        accepted_plain += woken == NULL;
        sent_sum += (unsigned long)v;
        sent_over += v > LIMIT;
    } else if (s == GLUON_E_FULL) {
        refused++; /* dropped: an interrupt handler cannot wait */
    } else {
        failures++;
    }
    return s;
}

/* More readings than the queue holds, in one handler: the queue takes what
 * it has room for, then refuses the rest, each refusal counted. `woken` as
 * for send_reading. */
static void burst(BaseType_t *woken) {
    /* The counters are read under the queue's critical section: safe here. */
    gluon_queue_stats before, after;
    gluon_queue_get_stats(events, &before);
    unsigned long ok = 0, full = 0;
    for (unsigned k = 0; k < BURST; k++) {
        gluon_status s = send_reading(woken);
        if (s == GLUON_OK) {
            if (full != 0) burst_errors++; /* taken after a refusal */
            ok++;
        } else if (s == GLUON_E_FULL) {
            full++;
        }
    }
    gluon_queue_get_stats(events, &after);
    if (full < BURST - GLUON_QUEUE_SLOTS || after.posted - before.posted != ok ||
        after.overflowed - before.overflowed != full) {
        burst_errors++;
    }
}

static void timer_stop(void) {
    TIMER_CTRL = 0;
    NVIC_ICER0 = 1u << TIMER0_IRQ;
}

static int switch_pending(void) { return (SCB_ICSR & ICSR_PENDSVSET) != 0; }

void TIMER0_Handler(void) {
    TIMER_INTCLEAR = 1;
    BaseType_t woken = pdFALSE;
    BaseType_t *w = &woken;
    /* PendSV has the lowest priority: nothing else pends it while this
     * handler runs, so a switch pending later and not now was requested
     * by a send. */
    int pending_at_entry = switch_pending();
    interrupts++;
    if (interrupts <= INTERRUPTS) {
        int is_burst = interrupts % BURST_EVERY == 0;
        /* Odd turns send with gluon_send, even ones the FreeRTOS way. */
        if ((is_burst ? interrupts / BURST_EVERY : interrupts) % 2 != 0) w = NULL;
        if (is_burst) {
            burst(w);
        } else {
            (void)send_reading(w);
        }
    } else {
        /* The last word, sent again at the next interrupt while the queue
         * is full. */
        gluon_msg m;
        gluon_msg_init(&m);
        gluon_msg_tuple(&m, 2);
        gluon_msg_atom(&m, "stop");
        gluon_msg_atom(&m, "done");
        gluon_status s = gluon_freertos_send_from_isr(port, events, "sensor_srv", &m, &woken);
        if (s == GLUON_E_FULL) {
            stop_refused++;
        } else {
            timer_stop();
            if (s != GLUON_OK) {
                failures++;
                (void)gluon_stop(events); /* end gluon_run: the check fails */
            }
        }
    }
    if (!pending_at_entry && switch_pending()) {
        if (w == NULL) {
            switches_in_send++;
        } else {
            switches_early++;
        }
    }
    /* pdTRUE when gluon_freertos_send_from_isr woke the VM's task, which
     * outranks the task this interrupt preempted (the idle task, mostly):
     * switch to it as the handler returns. */
    portYIELD_FROM_ISR(woken);
    if (woken != pdFALSE) {
        woken_count++;
        switches_by_handler += switch_pending();
    }
}

static void timer_start(void) {
    /* The handler calls FreeRTOS (through the port), so its priority must
     * be at or below configMAX_SYSCALL_INTERRUPT_PRIORITY: numerically at
     * or above it on Cortex-M. At the reset priority, 0, the kernel's
     * configASSERT (vPortValidateInterruptPriority) stops the firmware. */
    NVIC_IPR[TIMER0_IRQ] = configMAX_SYSCALL_INTERRUPT_PRIORITY;
    TIMER_RELOAD = PCLK_HZ / 1000000u * PERIOD_US - 1;
    TIMER_VALUE = TIMER_RELOAD;
    TIMER_CTRL = TIMER_CTRL_EN | TIMER_CTRL_IRQEN;
    NVIC_ISER0 = 1u << TIMER0_IRQ;
}

static void report(const char *what, unsigned long v, const char *then) {
    board_puts(what);
    board_putu(v);
    board_puts(then);
}

static void vm_task(void *arg) {
    (void)arg;
    gluon_vm *vm = sample_vm_new();
    gluon_status s = actuator_register(vm, &actuator);
    if (s != GLUON_OK) sample_fail("actuator_register", s);
    /* Run until sensor_srv has registered its name and waits, then start
     * the timer: events for a name not yet registered are lost. */
    gluon_state st;
    if ((s = gluon_run_until_idle(vm, 0, &st)) != GLUON_OK) sample_fail("run", s);
    events = gluon_queue_of(vm);
    port = sample_port();
    timer_start();
    s = gluon_run(vm, &st);
    timer_stop();
    gluon_queue_stats q;
    gluon_queue_get_stats(events, &q);
    report("sensor_irq: sent ", accepted, " readings");
    report(", sum ", sent_sum, "");
    report(", mean ", accepted != 0 ? sent_sum / accepted : 0, "");
    report(", over the limit ", sent_over, "");
    report(" (", accepted_plain, " with gluon_send)\n");
    report("sensor_irq: ", interrupts, " interrupts");
    report(" (", BURSTS, " bursts of ");
    report("", BURST, ")");
    report("; refused as the queue was full: ", refused, " readings");
    report(", the stop message ", stop_refused, " times");
    report("; the VM's task woken and switched to ", switches_in_send, " times inside gluon_send");
    report(", ", switches_by_handler, " times by portYIELD_FROM_ISR after");
    report(" gluon_freertos_send_from_isr set woken (", woken_count, " times)\n");
    report("sensor_irq: queue posted ", q.posted, "");
    report(", delivered ", q.delivered, "");
    report(", high water ", q.high_water, "");
    report(", full ", q.overflowed, "\n");
    int ok = s == GLUON_OK && st == GLUON_FINISHED && gluon_exit_status(vm) == 0 &&
             failures == 0 && burst_errors == 0 && accepted + refused == attempts &&
             refused >= BURSTS * (BURST - GLUON_QUEUE_SLOTS) && actuator.done &&
             actuator.done_count == accepted && actuator.offs == sent_over &&
             q.posted == accepted + 1 && q.delivered == q.posted && q.undeliverable == 0 &&
             q.overflowed == refused + stop_refused && q.high_water == GLUON_QUEUE_SLOTS &&
             accepted_plain > 0 && accepted_plain < accepted && switches_in_send > 0 &&
             switches_early == 0 && woken_count > 0 && switches_by_handler == woken_count;
    board_puts(ok ? "sensor_irq: ok\n" : "sensor_irq: FAILED\n");
    board_exit(ok ? 0 : 1);
}

int main(void) { sample_main(vm_task, NULL); }
