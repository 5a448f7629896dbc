/* Board-independent console helpers (see board.h). */
#include "board.h"

#include <string.h>

void board_puts(const char *s) { board_write(NULL, (const uint8_t *)s, strlen(s)); }

void board_putu(unsigned long v) {
    char buf[24];
    char *p = buf + sizeof buf;
    do {
        *--p = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    board_write(NULL, (const uint8_t *)p, (size_t)(buf + sizeof buf - p));
}

void board_stat(const char *what, unsigned long value) {
    board_puts("stats: ");
    board_puts(what);
    board_puts(" ");
    board_putu(value);
    board_puts("\n");
}
