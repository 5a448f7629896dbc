/* The VM's task (see vm_task.h). */
#include "vm_task.h"

#include "board.h"
#include "gluon_app.h"

static gluon_freertos port;
/* Free FreeRTOS heap when the VM's task began: what the VM takes is
 * measured from here. */
static size_t heap_free_at_start;

void sample_fail(const char *what, gluon_status s) {
    board_puts(what);
    board_puts(": ");
    board_puts(gluon_strerror(s));
    board_puts("\n");
    board_exit(3);
}

gluon_vm *sample_vm_new(void) {
    heap_free_at_start = xPortGetFreeHeapSize();
    gluon_freertos_init(&port, board_write, NULL);
    gluon_config cfg;
    gluon_config_default(&cfg);
    cfg.platform = &port.platform;
#ifdef SAMPLE_HEAP_REGION_BYTES
    /* freertos-port built with GLUON_FREERTOS_HEAP=region: the VM gets a
     * dedicated region, here carved once from the FreeRTOS heap. */
    cfg.heap_region = pvPortMalloc(SAMPLE_HEAP_REGION_BYTES);
    cfg.heap_region_len = SAMPLE_HEAP_REGION_BYTES;
    if (cfg.heap_region == NULL) sample_fail("heap region", GLUON_E_NOMEM);
#endif
    gluon_vm *vm;
    gluon_status s = gluon_vm_new(&cfg, &vm);
    if (s != GLUON_OK) sample_fail("gluon_vm_new", s);
    if ((s = gluon_app_add(vm)) != GLUON_OK) sample_fail("gluon_app_add", s);
    if ((s = gluon_start(vm, gluon_app_start, "start", true)) != GLUON_OK) {
        sample_fail("gluon_start", s);
    }
    return vm;
}

gluon_freertos *sample_port(void) { return &port; }

void sample_vm_finish(gluon_vm *vm) {
    gluon_state st;
    gluon_status s = gluon_run(vm, &st);
    if (s != GLUON_OK) sample_fail("gluon_run", s);
    int status = st == GLUON_FINISHED ? gluon_exit_status(vm) : 4;
    size_t peak;
    gluon_memory_used(&peak);
    board_stat("process_memory_peak", peak);
    board_stat("vm_heap_peak", heap_free_at_start - xPortGetMinimumEverFreeHeapSize());
    board_stat("heap_total", configTOTAL_HEAP_SIZE);
    board_stat("vm_stack_peak",
               SAMPLE_VM_STACK_WORDS * sizeof(StackType_t) -
                   uxTaskGetStackHighWaterMark(NULL) * sizeof(StackType_t));
    board_stat("vm_stack_size", SAMPLE_VM_STACK_WORDS * sizeof(StackType_t));
    /* The VM is not destroyed: the program ends here (and on the POSIX
     * simulator a task running Rust code must not be deleted). */
    board_exit(status);
}

void sample_main(TaskFunction_t fn, TaskHandle_t *handle) {
    board_init();
    if (xTaskCreate(fn, "gluon", SAMPLE_VM_STACK_WORDS, NULL, tskIDLE_PRIORITY + 1, handle) !=
        pdPASS) {
        board_puts("cannot create the VM's task\n");
        board_exit(2);
    }
    vTaskStartScheduler();
    board_exit(2);
}
