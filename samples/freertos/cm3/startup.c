/* Reset and the vector table of the Cortex-M3 samples. */
#include <stdint.h>
#include <string.h>

#include "board.h"

extern uint32_t _sidata, _sdata, _edata, _sbss, _ebss, _estack;
extern int main(void);

/* FreeRTOS's ARM_CM3 port */
extern void vPortSVCHandler(void);
extern void xPortPendSVHandler(void);
extern void xPortSysTickHandler(void);

void Reset_Handler(void) {
    memcpy(&_sdata, &_sidata, (size_t)((char *)&_edata - (char *)&_sdata));
    memset(&_sbss, 0, (size_t)((char *)&_ebss - (char *)&_sbss));
    main();
    board_exit(2);
}

/* The VM is built with panic = "abort", but Rust's precompiled core keeps
 * unwind-table entries naming this personality routine, which would pull
 * libgcc's whole ARM EHABI unwinder (about 4 KB of flash) into a firmware
 * that never unwinds. Nothing here throws, so nothing calls it. */
void __aeabi_unwind_cpp_pr0(void);
void __aeabi_unwind_cpp_pr0(void) { board_exit(6); }

static void fault(const char *what) {
    board_puts(what);
    board_puts("\n");
    board_exit(7);
}

static void NMI_Handler(void) { fault("NMI"); }
static void HardFault_Handler(void) { fault("hard fault"); }
static void MemManage_Handler(void) { fault("memory management fault"); }
static void BusFault_Handler(void) { fault("bus fault"); }
static void UsageFault_Handler(void) { fault("usage fault"); }
static void Default_Handler(void) { fault("unexpected interrupt"); }

#if defined(BOARD_mps2_an385)
/* The CMSDK APB timer 0 (IRQ 8 of AN385), defined by a firmware that
 * uses it (sensor_irq). */
void TIMER0_Handler(void) __attribute__((weak, alias("Default_Handler")));
#define IRQ8_HANDLER TIMER0_Handler
#else
#define IRQ8_HANDLER Default_Handler
#endif

__attribute__((section(".isr_vector"), used)) static void (*const vectors[16 + 32])(void) = {
    (void (*)(void))&_estack,
    Reset_Handler,
    NMI_Handler,
    HardFault_Handler,
    MemManage_Handler,
    BusFault_Handler,
    UsageFault_Handler,
    0,
    0,
    0,
    0,
    vPortSVCHandler,
    Default_Handler, /* debug monitor */
    0,
    xPortPendSVHandler,
    xPortSysTickHandler,
    [16 ... 16 + 7] = Default_Handler,
    [16 + 8] = IRQ8_HANDLER,
    [16 + 9 ... 47] = Default_Handler,
};
