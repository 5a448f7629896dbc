//! A global allocator that counts the bytes live and their peak, for the
//! tests that measure memory. Each such test is its own test binary, so
//! that the counts are its allocations only; it installs the allocator
//! with `#[global_allocator] static A: Counting = Counting;`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};

/// The system allocator, counting.
pub struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicIsize = AtomicIsize::new(0);

fn grow(n: usize) {
    let now = LIVE.fetch_add(n as isize, Ordering::Relaxed) + n as isize;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        grow(l.size());
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        // Both blocks are live while the contents move.
        grow(new);
        let q = unsafe { System.realloc(p, l, new) };
        LIVE.fetch_sub(l.size() as isize, Ordering::Relaxed);
        q
    }
}

/// Bytes live now.
#[allow(dead_code)]
pub fn live() -> isize {
    LIVE.load(Ordering::Relaxed)
}

/// Runs `f`: its result, the bytes it left allocated, and the peak above
/// what was live when it started. (Other threads' allocations count too:
/// tests that measure run one at a time.)
#[allow(dead_code)]
pub fn measure<T>(f: impl FnOnce() -> T) -> (T, isize, isize) {
    let before = live();
    PEAK.store(before, Ordering::Relaxed);
    let t = f();
    (t, live() - before, PEAK.load(Ordering::Relaxed) - before)
}
