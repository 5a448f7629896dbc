/* What the samples need from a board: console bytes, an exit, and a few
 * numbers to print without pulling printf into the firmware. */
#ifndef BOARD_H
#define BOARD_H

#include <stddef.h>
#include <stdint.h>

/* Sets up the console (before the scheduler starts). */
void board_init(void);

/* Writes bytes to the console (a gluon_freertos_write_fn). */
void board_write(void *ctx, const uint8_t *bytes, size_t len);

/* Ends the program with `status` (0: success): the POSIX simulator exits
 * the process, QEMU exits through semihosting. Never returns. */
void board_exit(int status) __attribute__((noreturn));

/* Console helpers. */
void board_puts(const char *s);
void board_putu(unsigned long v);

/* "stats: <what> <value>\n", the lines the footprint measurements read. */
void board_stat(const char *what, unsigned long value);

#endif /* BOARD_H */
