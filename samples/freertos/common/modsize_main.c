/* Measures the RAM each module costs once loaded: for every embedded
 * module, the FreeRTOS heap's free bytes before and after loading it (in
 * place from flash, as the other samples do) by running its
 * module_info/0. Prints "stats: module_<name>_ram <bytes>" (what stays,
 * heap_4's 8 bytes per block included),
 * "_load_peak" (the most in use while loading) and "_beam" (its size in
 * flash), and the VM's own cost before any module. docs/footprint.md reads
 * these numbers. */
#include "FreeRTOS.h"
#include "task.h"

#include "board.h"
#include "gluon_app.h"
#include "vm_task.h"

static gluon_freertos port;

static void stat2(const char *prefix, const char *name, const char *suffix, unsigned long v) {
    board_puts("stats: ");
    board_puts(prefix);
    board_puts(name);
    board_puts(suffix);
    board_puts(" ");
    board_putu(v);
    board_puts("\n");
}

/* Runs `module:function()` in a new process to its end. */
static void run(gluon_vm *vm, const char *module, const char *function) {
    gluon_status s = gluon_start(vm, module, function, false);
    if (s != GLUON_OK) sample_fail(module, s);
    gluon_state st;
    if ((s = gluon_run_until_idle(vm, 0, &st)) != GLUON_OK) sample_fail(module, s);
}

static void vm_task(void *arg) {
    (void)arg;
    size_t before = xPortGetFreeHeapSize();
    gluon_freertos_init(&port, board_write, NULL);
    gluon_config cfg;
    gluon_config_default(&cfg);
    cfg.platform = &port.platform;
    gluon_vm *vm;
    gluon_status s = gluon_vm_new(&cfg, &vm);
    if (s != GLUON_OK) sample_fail("gluon_vm_new", s);
    board_stat("vm_new_ram", before - xPortGetFreeHeapSize());
    /* Warm-up: the first process grows the VM's tables. */
    run(vm, "erlang", "self");
    /* What one short process costs at its peak (part of every load peak
     * below, which runs module_info/0 in a process). */
    size_t used0 = gluon_freertos_heap_used(NULL), peak;
    gluon_freertos_heap_reset_peak();
    run(vm, "erlang", "self");
    gluon_freertos_heap_used(&peak);
    board_stat("process_peak", peak - used0);
    for (size_t i = 0; i < gluon_app_module_count; i++) {
        const gluon_app_module *m = &gluon_app_modules[i];
        size_t free0 = xPortGetFreeHeapSize();
        used0 = gluon_freertos_heap_used(NULL);
        gluon_freertos_heap_reset_peak();
        s = gluon_add_flash_beam(vm, m->name, m->beam, m->len);
        if (s != GLUON_OK) sample_fail(m->name, s);
        run(vm, m->name, "module_info");
        stat2("module_", m->name, "_ram", free0 - xPortGetFreeHeapSize());
        gluon_freertos_heap_used(&peak);
        stat2("module_", m->name, "_load_peak", peak - used0);
        stat2("module_", m->name, "_beam", m->len);
    }
    board_exit(0);
}

int main(void) { sample_main(vm_task, NULL); }
