/* What the capability groups of the Zephyr glue share with the hooks
 * in gluon_zephyr.c. Internal to the module. */

#ifndef GLUON_ZEPHYR_CAPS_H
#define GLUON_ZEPHYR_CAPS_H

#include <stdint.h>
#include "gluon.h"

/* A Zephyr result (>= 0, or -errno) as a hook result (>= 0, or a negated
 * gluon_errno). */
int32_t gluon_zephyr_status(int err);

#ifdef CONFIG_GLUON_FILES
extern const gluon_files gluon_zephyr_files;
#endif

#ifdef CONFIG_GLUON_SOCKETS
extern const gluon_sockets gluon_zephyr_sockets;
/* How many sockets Erlang has open (the VM thread's sleep is bounded
 * while there are any). */
int gluon_zephyr_sockets_open(void);
#endif

#ifdef CONFIG_GLUON_GPIO
extern const gluon_peripherals gluon_zephyr_peripherals;
#endif

#endif /* GLUON_ZEPHYR_CAPS_H */
