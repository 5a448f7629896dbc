/* The VM's task as the samples run it: create, load the embedded modules,
 * start, run, report, exit. */
#ifndef VM_TASK_H
#define VM_TASK_H

#include "FreeRTOS.h"
#include "gluon_freertos.h"
#include "task.h"

/* Stack of the VM's task, in words. */
#ifndef SAMPLE_VM_STACK_WORDS
#define SAMPLE_VM_STACK_WORDS 8192
#endif

/* Creates the VM in the calling task (the VM's task) with the port's
 * hooks, adds the embedded modules and starts the first one's start/0,
 * ending the program on failure. */
gluon_vm *sample_vm_new(void);

/* The FreeRTOS hooks of the VM sample_vm_new made (interrupt handlers
 * send through them: gluon_freertos_send_from_isr). */
gluon_freertos *sample_port(void);

/* Runs `vm` to its end, prints the memory statistics and ends the program
 * with the entry process's exit status. */
void sample_vm_finish(gluon_vm *vm) __attribute__((noreturn));

/* The samples' main: initialises the board, creates the VM's task running
 * `fn` (its handle to `*handle` unless NULL) and starts the scheduler. */
void sample_main(TaskFunction_t fn, TaskHandle_t *handle) __attribute__((noreturn));

/* Ends the program after printing what failed. */
void sample_fail(const char *what, gluon_status s) __attribute__((noreturn));

#endif /* VM_TASK_H */
