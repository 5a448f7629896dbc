/* FreeRTOS configuration of the samples on the POSIX simulator. */
#ifndef FREERTOS_CONFIG_H
#define FREERTOS_CONFIG_H

#define configUSE_PREEMPTION 1
#define configUSE_IDLE_HOOK 0
#define configUSE_TICK_HOOK 0
#define configTICK_RATE_HZ 1000
#define configMINIMAL_STACK_SIZE 4096 /* words; above PTHREAD_STACK_MIN */
#define configMAX_PRIORITIES 5
#define configMAX_TASK_NAME_LEN 12
#define configUSE_16_BIT_TICKS 0
#define configUSE_MUTEXES 1
#define configUSE_TIMERS 0
#define configCHECK_FOR_STACK_OVERFLOW 0 /* the simulator's stacks are threads' */
#define configUSE_MALLOC_FAILED_HOOK 1
#define configSUPPORT_DYNAMIC_ALLOCATION 1
#define configSUPPORT_STATIC_ALLOCATION 0
/* The FreeRTOS heap (heap_4) the VM allocates from. */
#define configTOTAL_HEAP_SIZE ((size_t)(64u * 1024 * 1024))

#define INCLUDE_vTaskDelay 1
#define INCLUDE_vTaskSuspend 1 /* portMAX_DELAY waits for ever */
#define INCLUDE_xTaskGetCurrentTaskHandle 1
#define INCLUDE_uxTaskGetStackHighWaterMark 1

void vAssertCalled(const char *file, unsigned long line);
#define configASSERT(x) \
    if (!(x)) vAssertCalled(__FILE__, __LINE__)

#endif /* FREERTOS_CONFIG_H */
