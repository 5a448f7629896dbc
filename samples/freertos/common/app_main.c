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

int main(void) { sample_main(vm_task, NULL); }
