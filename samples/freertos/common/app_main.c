/* A firmware whose one task runs an Erlang program (hello, ring) to its
 * end and exits with its status. */
#include "FreeRTOS.h"
#include "task.h"

#include "board.h"
#include "vm_task.h"

static void vm_task(void *arg) {
    (void)arg;
    sample_vm_finish(sample_vm_new());
}

int main(void) {
    board_init();
    if (xTaskCreate(vm_task, "gluon", SAMPLE_VM_STACK_WORDS, NULL, tskIDLE_PRIORITY + 1, NULL) !=
        pdPASS) {
        board_puts("cannot create the VM's task\n");
        board_exit(2);
    }
    vTaskStartScheduler();
    board_exit(2);
}
