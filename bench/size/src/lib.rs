//! One C entry point that loads a module and runs it, so that everything
//! a firmware's VM can reach stays in the image and the rest is dropped
//! by LTO. The allocator, clock and console are the firmware's C functions: only the size matters.
#![no_std]
extern crate alloc;

use alloc::boxed::Box;
use core::alloc::{GlobalAlloc, Layout};
use gluon_vm::os::Os;
use gluon_vm::vm::{Config, Vm};

/// The firmware's heap, through C functions (opaque to LTO, as a real
/// allocator is).
struct CHeap;

// SAFETY: forwards to the firmware's allocator.
unsafe impl GlobalAlloc for CHeap {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        probe_alloc(l.size(), l.align())
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        probe_free(p, l.size(), l.align())
    }
}

#[global_allocator]
static HEAP: CHeap = CHeap;

#[panic_handler]
fn halt(_: &core::panic::PanicInfo) -> ! {
    loop {}
}

struct Board;

extern "C" {
    fn probe_alloc(size: usize, align: usize) -> *mut u8;
    fn probe_free(p: *mut u8, size: usize, align: usize);
    fn probe_write(bytes: *const u8, len: usize);
    fn probe_ticks() -> u64;
}

impl Os for Board {
    fn console_write(&mut self, b: &[u8]) {
        // SAFETY: the firmware's function reads `len` bytes.
        unsafe { probe_write(b.as_ptr(), b.len()) }
    }
    fn monotonic_ns(&mut self) -> u64 {
        // SAFETY: a plain C function.
        unsafe { probe_ticks() }
    }
}

/// Loads the module in `beam[..len]` and runs its `start/0`.
///
/// # Safety
/// `beam` points to `len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn probe_run(beam: *const u8, len: usize) -> i32 {
    let bytes = core::slice::from_raw_parts(beam, len);
    let mut vm = Vm::new(Config::default(), Box::new(Board));
    let Ok(m) = gluon_vm::loader::load(&mut vm, bytes) else {
        return 2;
    };
    let Ok(f) = vm.atoms.intern("start") else {
        return 3;
    };
    if vm.spawn(m, f, &[]).is_err() {
        return 4;
    }
    let _ = vm.run(usize::MAX);
    0
}
