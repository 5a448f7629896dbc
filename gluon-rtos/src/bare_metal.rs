//! What a static library linked into C firmware needs when no Rust port
//! crate provides it (features `region-heap` or `c-allocator`,
//! `panic-halt`, `c-critical-section`; a Rust firmware picks its own
//! instead).

/// The allocator over `gluon_config.heap_region` (feature `region-heap`).
///
/// A linked-list first-fit heap (`embedded-alloc`'s LLFF): the smallest
/// bookkeeping of the well-kept embedded allocators, where TLSF's constant
/// time costs a control block of several KB, a lot on a 64 KB part.
#[cfg(feature = "region-heap")]
pub(crate) mod region {
    use core::cell::Cell;

    #[global_allocator]
    static HEAP: embedded_alloc::LlffHeap = embedded_alloc::LlffHeap::empty();

    /// The region the heap was given, once it has been.
    static REGION: critical_section::Mutex<Cell<Option<(usize, usize)>>> =
        critical_section::Mutex::new(Cell::new(None));

    /// Gives the heap its region the first time; later calls must name the
    /// same region (one heap per program). Returns whether the heap is
    /// ready with this region.
    ///
    /// # Safety
    /// `start..start + len` is memory nothing else uses, for the rest of
    /// the program.
    pub(crate) unsafe fn init(start: usize, len: usize) -> bool {
        critical_section::with(|cs| match REGION.borrow(cs).get() {
            Some(r) => r == (start, len),
            None => {
                // SAFETY: the caller's promise; this runs once.
                unsafe { HEAP.init(start, len) };
                REGION.borrow(cs).set(Some((start, len)));
                true
            }
        })
    }

    /// Bytes of the region not allocated now.
    pub(crate) fn free() -> usize {
        HEAP.free()
    }
}

/// The allocator as two C functions (feature `c-allocator`), so the VM
/// draws from the RTOS's own heap (FreeRTOS: `pvPortMalloc`, whose
/// `xPortGetMinimumEverFreeHeapSize` then accounts for the VM too).
#[cfg(feature = "c-allocator")]
mod c_allocator {
    use core::alloc::{GlobalAlloc, Layout};
    use core::ffi::c_void;

    extern "C" {
        /// Defined by the firmware (feature `c-allocator`): `size` bytes
        /// aligned to `align` (a power of two), or NULL. Called from the
        /// VM's task only.
        fn gluon_port_alloc(size: usize, align: usize) -> *mut c_void;
        /// Defined by the firmware (feature `c-allocator`): frees what
        /// `gluon_port_alloc(size, align)` returned.
        fn gluon_port_free(ptr: *mut c_void, size: usize, align: usize);
    }

    struct PortAllocator;

    #[global_allocator]
    static ALLOCATOR: PortAllocator = PortAllocator;

    // SAFETY: the firmware's functions allocate and free as documented
    // above; a null result is passed on as an allocation failure.
    unsafe impl GlobalAlloc for PortAllocator {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            unsafe { gluon_port_alloc(layout.size(), layout.align()).cast() }
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            unsafe { gluon_port_free(ptr.cast(), layout.size(), layout.align()) }
        }
    }
}

#[cfg(feature = "panic-halt")]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    // A bug, not bad input: stop here for the debugger or the watchdog.
    loop {
        core::hint::spin_loop();
    }
}

/// The critical section as two C functions (feature `c-critical-section`):
/// `uint32_t gluon_port_critical_enter(void)` masks interrupts (or enters
/// the RTOS's critical section) and returns the previous state, which
/// `void gluon_port_critical_exit(uint32_t)` restores. Both are called
/// from tasks and interrupt handlers alike, and may nest.
#[cfg(feature = "c-critical-section")]
mod c_critical_section {
    extern "C" {
        /// Defined by the firmware (feature `c-critical-section`): masks
        /// interrupts or enters the RTOS's critical section; returns the
        /// state to restore. Called from tasks and ISRs; may nest.
        fn gluon_port_critical_enter() -> u32;
        /// Defined by the firmware (feature `c-critical-section`):
        /// restores the state `gluon_port_critical_enter` returned.
        fn gluon_port_critical_exit(state: u32);
    }

    struct PortCriticalSection;
    critical_section::set_impl!(PortCriticalSection);

    // SAFETY: the firmware's functions implement a critical section as
    // documented above.
    unsafe impl critical_section::Impl for PortCriticalSection {
        unsafe fn acquire() -> u32 {
            unsafe { gluon_port_critical_enter() }
        }
        unsafe fn release(state: u32) {
            unsafe { gluon_port_critical_exit(state) }
        }
    }
}
