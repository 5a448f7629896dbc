/* The Cortex-M3 boards under QEMU: console and exit through semihosting
 * (qemu-system-arm -semihosting). */
#include "board.h"

#include "FreeRTOS.h"
#include "task.h"

#define SYS_OPEN 0x01
#define SYS_WRITE 0x05
#define SYS_EXIT 0x18
#define ADP_STOPPED_APPLICATION_EXIT 0x20026
#define ADP_STOPPED_RUNTIME_ERROR 0x20023

static int semihost(int op, void *arg) {
    register int r0 __asm__("r0") = op;
    register void *r1 __asm__("r1") = arg;
    __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

static int console = -1;

void board_init(void) {
    /* ":tt" is the debugger's console; mode 4 is "w". */
    static const char tt[] = ":tt";
    uintptr_t args[3] = {(uintptr_t)tt, 4, sizeof tt - 1};
    console = semihost(SYS_OPEN, args);
}

void board_write(void *ctx, const uint8_t *bytes, size_t len) {
    (void)ctx;
    if (console < 0) board_init();
    uintptr_t args[3] = {(uintptr_t)console, (uintptr_t)bytes, len};
    semihost(SYS_WRITE, args);
}

void board_exit(int status) {
    /* The 32-bit SYS_EXIT takes only the reason: QEMU exits with 0 for a
     * normal end and 1 otherwise. */
    semihost(SYS_EXIT, (void *)(uintptr_t)(status == 0 ? ADP_STOPPED_APPLICATION_EXIT
                                                       : ADP_STOPPED_RUNTIME_ERROR));
    for (;;) {
    }
}

/* ---- hooks the configuration asks for */

void vApplicationMallocFailedHook(void) { board_puts("FreeRTOS: out of heap\n"); }

void vApplicationStackOverflowHook(TaskHandle_t task, char *name) {
    (void)task;
    board_puts("FreeRTOS: stack overflow in ");
    board_puts(name);
    board_puts("\n");
    board_exit(5);
}

void vAssertCalled(const char *file, unsigned long line) {
    board_puts("FreeRTOS: assertion failed at ");
    board_puts(file);
    board_puts(":");
    board_putu(line);
    board_puts("\n");
    board_exit(6);
}

