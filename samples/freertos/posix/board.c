/* The board of FreeRTOS's POSIX simulator: stdout and exit. */
#include "board.h"

#include <errno.h>
#include <unistd.h>

#include "FreeRTOS.h"
#include "task.h"

void board_init(void) {}

void board_write(void *ctx, const uint8_t *bytes, size_t len) {
    (void)ctx;
    while (len > 0) {
        ssize_t n = write(1, bytes, len);
        if (n < 0) {
            if (errno == EINTR) continue; /* the simulator's tick signal */
            return;
        }
        bytes += n;
        len -= (size_t)n;
    }
}

/* Exits the process from the task: deleting a task whose stack holds Rust
 * frames, or ending the scheduler, would cancel its thread, and a
 * pthread cancellation must not unwind through Rust code. */
void board_exit(int status) { _exit(status); }

/* ---- hooks the configuration asks for */

void vApplicationMallocFailedHook(void) {
    static const char msg[] = "FreeRTOS: out of heap\n";
    board_write(NULL, (const uint8_t *)msg, sizeof msg - 1);
}

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
