/* The Gluon VM on Zephyr: the OS hooks over the kernel, the critical
 * section the static library asks for, and the VM thread. */

#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>
#include <zephyr/sys/printk.h>

#include "gluon_zephyr.h"
#include "gluon_zephyr_caps.h"

LOG_MODULE_REGISTER(gluon, CONFIG_GLUON_LOG_LEVEL);

/* The critical section of the event queue (feature c-critical-section).
 * Interrupt masking nests through the returned key, and covers ISRs that
 * post events. */
uint32_t gluon_port_critical_enter(void)
{
	return (uint32_t)irq_lock();
}

void gluon_port_critical_exit(uint32_t state)
{
	irq_unlock((unsigned int)state);
}

#ifdef CONFIG_ARCH_POSIX
/* native_sim links the VM built for the host's Rust target, whose
 * precompiled core library refers to the unwinder's personality routine.
 * The library is built with panic=abort and never unwinds, so nothing
 * calls it; the definition only satisfies the partial link. */
void rust_eh_personality(void)
{
	k_panic();
}
#endif

#if defined(CONFIG_ARM) && !defined(CONFIG_ARCH_POSIX)
/* The library is built with panic=abort, but Rust's precompiled core keeps
 * unwind-table entries that name this personality routine, and resolving
 * it from libgcc pulls in the whole ARM EHABI unwinder (about 4 KB of
 * flash). Nothing unwinds, so nothing calls it. */
void __aeabi_unwind_cpp_pr0(void);
void __aeabi_unwind_cpp_pr0(void)
{
	k_panic();
}
#endif

/* Every allocation of the VM comes from here (feature region-heap). */
static uint8_t heap_region[CONFIG_GLUON_HEAP_SIZE] __aligned(8);

/* Remembers a wake-up that comes before the wait: a binary semaphore. */
static K_SEM_DEFINE(wake_sem, 0, 1);

static void console_write(void *ctx, const uint8_t *bytes, size_t len)
{
	char chunk[65];

	ARG_UNUSED(ctx);
	while (len > 0) {
		size_t n = MIN(len, sizeof(chunk) - 1);

		memcpy(chunk, bytes, n);
		chunk[n] = '\0';
		printk("%s", chunk);
		bytes += n;
		len -= n;
	}
}

#ifdef CONFIG_GLUON_REPORTS_TO_LOG
/* Reports come in pieces; each line becomes one log message. */
static char report_line[160];
static size_t report_len;

static void report_flush(void)
{
	report_line[report_len] = '\0';
	LOG_ERR("%s", report_line);
	report_len = 0;
}

static void report_write(void *ctx, const uint8_t *bytes, size_t len)
{
	ARG_UNUSED(ctx);
	for (size_t i = 0; i < len; i++) {
		if (bytes[i] == '\n') {
			report_flush();
		} else {
			if (report_len == sizeof(report_line) - 1) {
				report_flush();
			}
			report_line[report_len++] = (char)bytes[i];
		}
	}
}
#endif

static uint64_t monotonic_ns(void *ctx)
{
	ARG_UNUSED(ctx);
	return k_ticks_to_ns_floor64(k_uptime_ticks());
}

/* Sleeps on the semaphore until a wake or the deadline: an absolute
 * timeout in ticks, rounded up so the VM never wakes early and spins. */
static void wait_event(void *ctx, bool has_deadline, uint64_t deadline_ns)
{
	k_timeout_t timeout = K_FOREVER;

	ARG_UNUSED(ctx);
	if (has_deadline) {
		timeout = K_TIMEOUT_ABS_TICKS(k_ns_to_ticks_ceil64(deadline_ns));
	}
#ifdef CONFIG_GLUON_SOCKETS
	/* Zephyr cannot wait on sockets and the semaphore at once: while
	 * sockets are open, look at them again after a short sleep. */
	if (gluon_zephyr_sockets_open() > 0) {
		k_timeout_t poll = K_MSEC(CONFIG_GLUON_SOCKETS_POLL_MS);

		if (!has_deadline ||
		    k_ns_to_ticks_ceil64(deadline_ns) > k_uptime_ticks() + poll.ticks) {
			timeout = poll;
		}
	}
#endif
	(void)k_sem_take(&wake_sem, timeout);
}

static void wake(void *ctx)
{
	ARG_UNUSED(ctx);
	k_sem_give(&wake_sem);
}

static const gluon_platform platform = {
	.ctx = NULL,
	.console_write = console_write,
#ifdef CONFIG_GLUON_REPORTS_TO_LOG
	.report_write = report_write,
#else
	.report_write = NULL,
#endif
	.monotonic_ns = monotonic_ns,
	.system_time_ns = NULL,
	.wait_event = wait_event,
	.wake = wake,
#ifdef CONFIG_GLUON_FILES
	.files = &gluon_zephyr_files,
#endif
#ifdef CONFIG_GLUON_SOCKETS
	.sockets = &gluon_zephyr_sockets,
#endif
#ifdef CONFIG_GLUON_GPIO
	.peripherals = &gluon_zephyr_peripherals,
#endif
};

const gluon_platform *gluon_zephyr_platform(void)
{
	return &platform;
}

void gluon_zephyr_config(gluon_config *config)
{
	gluon_config_default(config);
	config->platform = &platform;
	config->heap_region = heap_region;
	config->heap_region_len = sizeof(heap_region);
	config->memory_limit = CONFIG_GLUON_MEMORY_LIMIT;
	config->slice_reductions = CONFIG_GLUON_SLICE_REDUCTIONS;
}

__weak void gluon_zephyr_setup(gluon_vm *vm)
{
	ARG_UNUSED(vm);
}

__weak void gluon_zephyr_finished(gluon_state state, int32_t status)
{
	ARG_UNUSED(state);
	ARG_UNUSED(status);
}

#ifdef CONFIG_GLUON_AUTOSTART

/* Weak, so that an image without a bundle links and says so at run time. */
extern const uint8_t gluon_app_bundle[] __weak;
extern const size_t gluon_app_bundle_len __weak;

static const gluon_queue *vm_queue;
static K_SEM_DEFINE(started_sem, 0, 1);

const gluon_queue *gluon_zephyr_queue(k_timeout_t timeout)
{
	if (vm_queue == NULL && k_sem_take(&started_sem, timeout) == 0) {
		/* Let the next caller through too. */
		k_sem_give(&started_sem);
	}
	return vm_queue;
}

static bool check(gluon_status s, const char *what)
{
	if (s != GLUON_OK) {
		LOG_ERR("%s: %s", what, gluon_strerror(s));
		return false;
	}
	return true;
}

static void gluon_thread(void *a, void *b, void *c)
{
	gluon_config cfg;
	gluon_vm *vm;
	gluon_state state;
	const char *module = CONFIG_GLUON_ENTRY_MODULE;

	ARG_UNUSED(a);
	ARG_UNUSED(b);
	ARG_UNUSED(c);
	if (gluon_app_bundle == NULL || &gluon_app_bundle_len == NULL) {
		LOG_ERR("no Erlang bundle in the image (gluon_add_erlang_bundle)");
		return;
	}
	gluon_zephyr_config(&cfg);
	if (!check(gluon_vm_new(&cfg, &vm), "creating the VM") ||
	    !check(gluon_load_bundle(vm, gluon_app_bundle, gluon_app_bundle_len, true),
		   "loading the bundle")) {
		return;
	}
	gluon_zephyr_setup(vm);
	if (!check(gluon_start(vm, module[0] ? module : NULL, CONFIG_GLUON_ENTRY_FUNCTION,
			       true),
		   "starting the entry function")) {
		return;
	}
	vm_queue = gluon_queue_of(vm);
	k_sem_give(&started_sem);

	if (!check(gluon_run(vm, &state), "running")) {
		return;
	}
	int32_t status = gluon_exit_status(vm);
	size_t peak;

	(void)gluon_memory_used(&peak);
	LOG_INF("VM stopped (state %d, status %d); peak process memory %zu bytes, heap free %zu",
		(int)state, (int)status, peak, gluon_heap_free());
#ifdef CONFIG_INIT_STACKS
	size_t unused;

	if (k_thread_stack_space_get(k_current_get(), &unused) == 0) {
		LOG_INF("VM thread stack: %zu of %d bytes never used", unused,
			CONFIG_GLUON_THREAD_STACK_SIZE);
	}
#endif
	gluon_zephyr_finished(state, status);
}

K_THREAD_DEFINE(gluon_vm_thread, CONFIG_GLUON_THREAD_STACK_SIZE, gluon_thread, NULL, NULL, NULL,
		CONFIG_GLUON_THREAD_PRIORITY, 0, 0);

#else

const gluon_queue *gluon_zephyr_queue(k_timeout_t timeout)
{
	ARG_UNUSED(timeout);
	return NULL;
}

#endif /* CONFIG_GLUON_AUTOSTART */
