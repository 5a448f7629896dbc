/* The FreeRTOS hooks of Gluon (see gluon_freertos.h). Compiled with the
 * firmware's FreeRTOSConfig.h, so tick rate, tick width, notification
 * indices and heap are the firmware's own. */
#include "gluon_freertos.h"

#include <string.h>

/* The notification index the VM's task waits on; a firmware that uses
 * index 0 of that task for something else picks another (it needs
 * configTASK_NOTIFICATION_ARRAY_ENTRIES above it). */
#ifndef GLUON_FREERTOS_NOTIFY_INDEX
#define GLUON_FREERTOS_NOTIFY_INDEX 0
#endif

/* Whether the caller is an interrupt handler. Cortex-M: the IPSR holds the
 * active exception number (0 in thread mode). Other architectures: define
 * GLUON_FREERTOS_IN_ISR() to the port's test (the POSIX simulator has no
 * interrupt handlers that call Gluon). */
#ifndef GLUON_FREERTOS_IN_ISR
#if defined(__ARM_ARCH_PROFILE) && __ARM_ARCH_PROFILE == 'M'
static inline int in_isr(void) {
    uint32_t ipsr;
    __asm volatile("mrs %0, ipsr" : "=r"(ipsr));
    return ipsr != 0;
}
#define GLUON_FREERTOS_IN_ISR() in_isr()
#else
#define GLUON_FREERTOS_IN_ISR() 0
#endif
#endif

/* ---- time: the tick count, extended by the kernel's overflow count */

static uint64_t ticks_to_ns(uint64_t ticks) {
    const uint64_t hz = configTICK_RATE_HZ;
    return ticks / hz * 1000000000u + ticks % hz * 1000000000u / hz;
}

uint64_t gluon_freertos_now_ns(gluon_freertos *port) {
    (void)port;
    /* Both counts read together, in the kernel's critical section. */
    TimeOut_t t;
    vTaskSetTimeOutState(&t);
    uint64_t ticks = (uint64_t)t.xTimeOnEntering;
    if (sizeof(TickType_t) < sizeof(uint64_t)) {
        ticks |= (uint64_t)(UBaseType_t)t.xOverflowCount << (8 * sizeof(TickType_t) % 64);
    }
    return ticks_to_ns(ticks);
}

static uint64_t monotonic_ns(void *ctx) { return gluon_freertos_now_ns(ctx); }

/* ---- waiting and waking: a task notification of the VM's task */

static void wait_event(void *ctx, bool has_deadline, uint64_t deadline_ns) {
    gluon_freertos *port = ctx;
    TickType_t timeout = portMAX_DELAY;
    if (has_deadline) {
        uint64_t now = gluon_freertos_now_ns(port);
        uint64_t left = deadline_ns > now ? deadline_ns - now : 0;
        /* Round up: waking a tick early would only spin once more, but
         * rounding down to 0 ticks would spin until the tick. */
        const uint64_t ns_per_tick = 1000000000u / configTICK_RATE_HZ;
        uint64_t ticks = (left + ns_per_tick - 1) / ns_per_tick;
        timeout = ticks >= (uint64_t)portMAX_DELAY ? portMAX_DELAY - 1 : (TickType_t)ticks;
    }
    /* A wake given before this call is remembered by the notification
     * count, so it ends this wait at once. */
    (void)ulTaskNotifyTakeIndexed(GLUON_FREERTOS_NOTIFY_INDEX, pdTRUE, timeout);
}

/* Handlers now inside gluon_freertos_send_from_isr (nested ones included:
 * each leaves it as it found it before the handler it interrupted goes
 * on). Tells the critical section it runs in a handler on architectures
 * where GLUON_FREERTOS_IN_ISR() cannot. */
static volatile unsigned isr_sends;

static void wake(void *ctx) {
    gluon_freertos *port = ctx;
    if (port->isr_woken != NULL) {
        /* gluon_freertos_send_from_isr: the handler yields at its end, as
         * every FreeRTOS port allows. */
        vTaskNotifyGiveIndexedFromISR(port->task, GLUON_FREERTOS_NOTIFY_INDEX, port->isr_woken);
    } else if (GLUON_FREERTOS_IN_ISR()) {
        /* gluon_send from a handler: the switch is requested here, which
         * ports that pend it (Cortex-M's PendSV, RISC-V) allow anywhere
         * in the handler. */
        BaseType_t woken = pdFALSE;
        vTaskNotifyGiveIndexedFromISR(port->task, GLUON_FREERTOS_NOTIFY_INDEX, &woken);
        portYIELD_FROM_ISR(woken);
    } else {
        (void)xTaskNotifyGiveIndexed(port->task, GLUON_FREERTOS_NOTIFY_INDEX);
    }
}

/* ---- console */

static void console_write(void *ctx, const uint8_t *bytes, size_t len) {
    gluon_freertos *port = ctx;
    port->console(port->console_ctx, bytes, len);
}

static void report_write(void *ctx, const uint8_t *bytes, size_t len) {
    gluon_freertos *port = ctx;
    port->report(port->report_ctx, bytes, len);
}

void gluon_freertos_init(gluon_freertos *port, gluon_freertos_write_fn console, void *ctx) {
    memset(port, 0, sizeof *port);
    port->task = xTaskGetCurrentTaskHandle();
    port->console = console;
    port->console_ctx = ctx;
    port->report = console;
    port->report_ctx = ctx;
    port->platform.ctx = port;
    port->platform.console_write = console_write;
    port->platform.report_write = report_write;
    port->platform.monotonic_ns = monotonic_ns;
    port->platform.wait_event = wait_event;
    port->platform.wake = wake;
}

gluon_status gluon_freertos_send_from_isr(gluon_freertos *port, const gluon_queue *q,
                                          const char *to, const gluon_msg *m,
                                          BaseType_t *woken) {
    if (port == NULL || woken == NULL) return GLUON_E_INVALID;
    /* Saved and restored: a nested handler may send through the same port
     * while this one is inside gluon_send. */
    BaseType_t *outer = port->isr_woken;
    port->isr_woken = woken;
    isr_sends++;
    gluon_status s = gluon_send(q, to, m);
    isr_sends--;
    port->isr_woken = outer;
    return s;
}

void gluon_freertos_set_report(gluon_freertos *port, gluon_freertos_write_fn report, void *ctx) {
    port->report = report;
    port->report_ctx = ctx;
}

/* ---- the critical section of the event queue (feature c-critical-section) */

/* Marks a state saved by a task (taskENTER_CRITICAL nests by its own
 * count); any other value is an interrupt mask saved by a handler. */
#define TASK_STATE 0xFFFFFFFFu

uint32_t gluon_port_critical_enter(void) {
    if (GLUON_FREERTOS_IN_ISR() || isr_sends != 0) {
        return (uint32_t)portSET_INTERRUPT_MASK_FROM_ISR();
    }
    taskENTER_CRITICAL();
    return TASK_STATE;
}

void gluon_port_critical_exit(uint32_t state) {
    if (state == TASK_STATE) {
        taskEXIT_CRITICAL();
    } else {
        portCLEAR_INTERRUPT_MASK_FROM_ISR((UBaseType_t)state);
    }
}

/* ---- memory (feature c-allocator): the FreeRTOS heap */

#ifndef GLUON_FREERTOS_REGION_HEAP
/* pvPortMalloc aligns to portBYTE_ALIGNMENT; a larger alignment (rare:
 * the VM asks for word alignment) over-allocates and keeps the block's
 * start just below the aligned pointer. */

/* Bytes the VM asked for and holds now, and the most it ever held (only
 * the VM's task allocates). */
static size_t in_use, peak;

void *gluon_port_alloc(size_t size, size_t align) {
    void *p;
    if (align <= portBYTE_ALIGNMENT) {
        p = pvPortMalloc(size);
    } else {
        uint8_t *raw = pvPortMalloc(size + align + sizeof(void *));
        if (raw == NULL) return NULL;
        uintptr_t a = ((uintptr_t)raw + sizeof(void *) + align - 1) & ~(uintptr_t)(align - 1);
        ((void **)a)[-1] = raw;
        p = (void *)a;
    }
    if (p != NULL) {
        in_use += size;
        if (in_use > peak) peak = in_use;
    }
    return p;
}

void gluon_port_free(void *ptr, size_t size, size_t align) {
    if (ptr == NULL) return;
    in_use -= size;
    if (align <= portBYTE_ALIGNMENT) {
        vPortFree(ptr);
    } else {
        vPortFree(((void **)ptr)[-1]);
    }
}

size_t gluon_freertos_heap_used(size_t *peak_out) {
    if (peak_out != NULL) *peak_out = peak;
    return in_use;
}

void gluon_freertos_heap_reset_peak(void) { peak = in_use; }
#else
size_t gluon_freertos_heap_used(size_t *peak_out) {
    if (peak_out != NULL) *peak_out = 0;
    return 0;
}

void gluon_freertos_heap_reset_peak(void) {}
#endif
