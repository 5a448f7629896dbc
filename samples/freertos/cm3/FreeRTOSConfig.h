/* FreeRTOS configuration of the Cortex-M3 samples (QEMU mps2-an385 and
 * lm3s6965evb). */
#ifndef FREERTOS_CONFIG_H
#define FREERTOS_CONFIG_H

#define configUSE_PREEMPTION 1
#define configUSE_IDLE_HOOK 0
#define configUSE_TICK_HOOK 0
#define configCPU_CLOCK_HZ 25000000u /* mps2-an385's SYSCLK */
#define configTICK_RATE_HZ 1000
#define configMINIMAL_STACK_SIZE 128 /* words */
#define configMAX_PRIORITIES 5
#define configMAX_TASK_NAME_LEN 8
#define configTICK_TYPE_WIDTH_IN_BITS TICK_TYPE_WIDTH_32_BITS
#define configUSE_MUTEXES 1
#define configUSE_TIMERS 0
#define configCHECK_FOR_STACK_OVERFLOW 2
#define configUSE_MALLOC_FAILED_HOOK 1
#define configSUPPORT_DYNAMIC_ALLOCATION 1
#define configSUPPORT_STATIC_ALLOCATION 0

/* The FreeRTOS heap (heap_4): task stacks and everything the VM
 * allocates. The rest of RAM is .data/.bss (under 0.5 KB) and the 2 KB
 * main stack (sections.ld checks they fit). */
#if defined(BOARD_lm3s6965evb)
#define configTOTAL_HEAP_SIZE ((size_t)(61u * 1024))
#else
#define configTOTAL_HEAP_SIZE ((size_t)(3u * 1024 * 1024))
#endif

/* Interrupt priorities (the top 3 bits are implemented on both boards):
 * the kernel at the lowest, FreeRTOS API (and gluon_send) allowed from
 * priority 5 (0xA0) down. */
#define configKERNEL_INTERRUPT_PRIORITY 0xE0
#define configMAX_SYSCALL_INTERRUPT_PRIORITY 0xA0

#define INCLUDE_vTaskDelay 1
#define INCLUDE_vTaskSuspend 1 /* portMAX_DELAY waits for ever */
#define INCLUDE_xTaskGetCurrentTaskHandle 1
#define INCLUDE_uxTaskGetStackHighWaterMark 1

void vAssertCalled(const char *file, unsigned long line);
#define configASSERT(x) \
    if (!(x)) vAssertCalled(__FILE__, __LINE__)

#endif /* FREERTOS_CONFIG_H */
