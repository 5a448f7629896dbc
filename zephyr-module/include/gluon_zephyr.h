/* Gluon on Zephyr: the OS hooks over the kernel and the VM thread.
 * The C API itself is gluon.h; see docs/zephyr.md. */

#ifndef GLUON_ZEPHYR_H
#define GLUON_ZEPHYR_H

#include <zephyr/kernel.h>
#include "gluon.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The bundle gluon_add_erlang_bundle() embeds (default symbol). */
extern const uint8_t gluon_app_bundle[];
extern const size_t gluon_app_bundle_len;

/* The OS hooks over Zephyr: printk for output, the Zephyr log (or the
 * console) for reports, the kernel's uptime for time, a semaphore for
 * waiting with a timeout and for wake-ups from threads and ISRs. */
const gluon_platform *gluon_zephyr_platform(void);

/* A configuration from Kconfig: the hooks above, the static heap region
 * of CONFIG_GLUON_HEAP_SIZE bytes, CONFIG_GLUON_MEMORY_LIMIT. */
void gluon_zephyr_config(gluon_config *config);

/* Defined (weakly) by the application to register natives: the VM
 * thread calls it after loading the bundle, before starting it. */
void gluon_zephyr_setup(gluon_vm *vm);

/* Called (weakly) by the VM thread when the VM has stopped: `state` says
 * why, `status` is gluon_exit_status(). */
void gluon_zephyr_finished(gluon_state state, int32_t status);

/* The event queue of the VM thread (CONFIG_GLUON_AUTOSTART), for other
 * threads and ISRs; waits up to `timeout` for the VM to start. NULL if
 * it has not started by then or failed to. */
const gluon_queue *gluon_zephyr_queue(k_timeout_t timeout);

#ifdef __cplusplus
}
#endif

#endif /* GLUON_ZEPHYR_H */
