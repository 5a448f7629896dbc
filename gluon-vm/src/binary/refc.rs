//! Off-heap binaries: bytes stored once outside every process heap,
//! reference-counted, and shared between processes without copying.
//!
//! ```text
//! on a heap   [header(RefcBin, 1)] *const Storage
//! off heap    Storage { refs, used_bits, cap } bytes[cap]
//! ```
//!
//! Each `RefcBin` object on a heap (or in a message) holds one reference.
//! The memory block holding the object lists it (see
//! [`crate::heap::Block`]); when the block is dropped, or a collection
//! finds the object dead, the reference is released, and the last one
//! frees the bytes. Sub-binaries and match contexts point at the `RefcBin`
//! object, so they keep it, and with it the bytes, alive.
//!
//! The bytes are charged to the VM's memory account ([`crate::memory`])
//! like term memory, and counted apart for `erlang:memory(binary)`.
//!
//! A `Storage` with room beyond `used_bits` is an append buffer (see
//! [`super::append`]). Appending writes only past `used_bits`, which no
//! existing bitstring sees; the VM runs on one core, so two processes
//! sharing a buffer never write to it at the same time.

use crate::heap::{Heap, OutOfMemory};
use crate::term::{HeaderTag, Term};
use core::sync::atomic::{AtomicUsize, Ordering};

/// Binaries of more bytes than this are stored off-heap.
pub const OFF_HEAP_ABOVE: usize = 64;

/// Words of the on-heap part.
pub const WORDS: usize = 2;

const W: usize = core::mem::size_of::<usize>();

/// The off-heap part: a header, then `cap` bytes.
#[repr(C)]
struct Storage {
    refs: AtomicUsize,
    used_bits: AtomicUsize,
    cap: usize,
}

const HEAD: usize = core::mem::size_of::<Storage>();

/// Bytes of off-heap binaries alive now.
static BYTES: AtomicUsize = AtomicUsize::new(0);

/// Bytes held by off-heap binaries (`erlang:memory(binary)`).
pub fn total_bytes() -> usize {
    BYTES.load(Ordering::Relaxed)
}

fn layout(cap: usize) -> Option<core::alloc::Layout> {
    core::alloc::Layout::from_size_align(HEAD.checked_add(cap)?, core::mem::align_of::<Storage>())
        .ok()
}

/// Words charged to the memory account for `cap` bytes.
fn charged_words(cap: usize) -> usize {
    (HEAD + cap).div_ceil(W)
}

fn storage(t: Term) -> &'static Storage {
    // SAFETY: word 1 of a RefcBin object points at live storage: the object
    // holds a reference.
    unsafe { &*(t.boxed_body()[0].raw() as *const Storage) }
}

fn bytes_ptr(s: *const Storage) -> *mut u8 {
    // SAFETY: the bytes follow the header in the same allocation.
    unsafe { (s as *mut u8).add(HEAD) }
}

/// Allocates zeroed storage of `cap` bytes (`used_bits` of them in use)
/// and its on-heap object, registered with `heap`; returns the object and
/// a pointer to the bytes.
pub fn alloc(
    heap: &mut Heap,
    cap: usize,
    used_bits: usize,
) -> Result<(Term, *mut u8), OutOfMemory> {
    let lay = layout(cap).ok_or(OutOfMemory)?;
    crate::memory::charge(charged_words(cap))?;
    // SAFETY: the layout has a non-zero size (the header).
    let p = unsafe { alloc::alloc::alloc_zeroed(lay) } as *mut Storage;
    if p.is_null() {
        crate::memory::release(charged_words(cap));
        return Err(OutOfMemory);
    }
    // SAFETY: fresh allocation of the right layout.
    unsafe {
        p.write(Storage {
            refs: AtomicUsize::new(1),
            used_bits: AtomicUsize::new(used_bits),
            cap,
        })
    };
    BYTES.fetch_add(cap, Ordering::Relaxed);
    let obj = match heap.alloc_slice(WORDS) {
        Ok(s) => s,
        Err(e) => {
            release(p);
            return Err(e);
        }
    };
    obj[0] = Term::header(HeaderTag::RefcBin, WORDS - 1);
    obj[1] = Term::from_raw(p as usize);
    let t = Term::boxed_ptr(obj.as_ptr());
    heap.register_offheap(t.ptr_mut());
    Ok((t, bytes_ptr(p)))
}

/// The bytes (all `cap` of them) of an off-heap binary object and how many
/// bits are in use.
pub fn view(t: Term) -> (&'static [u8], usize) {
    let s = storage(t);
    // SAFETY: `cap` bytes follow the header and live as long as the
    // reference held by `t`.
    let b = unsafe { core::slice::from_raw_parts(bytes_ptr(s), s.cap) };
    (b, s.used_bits.load(Ordering::Relaxed))
}

/// The writable bytes of an off-heap append buffer.
pub fn bytes_mut(t: Term) -> &'static mut [u8] {
    let s = storage(t);
    // SAFETY: as in `view`; only the appending process writes, and only
    // past the used bits, which nothing reads.
    unsafe { core::slice::from_raw_parts_mut(bytes_ptr(s), s.cap) }
}

/// Records that `bits` are now in use.
pub fn set_used(t: Term, bits: usize) {
    storage(t).used_bits.store(bits, Ordering::Relaxed);
}

/// The reference count of an off-heap binary object's storage.
pub fn ref_count(t: Term) -> usize {
    storage(t).refs.load(Ordering::Relaxed)
}

/// Takes one more reference for a copy of the object at `obj` (a message,
/// another heap).
pub(crate) fn retain(obj: *const Term) {
    // SAFETY: `obj` is a live RefcBin object.
    let s = unsafe { *obj.add(1) }.raw() as *const Storage;
    // SAFETY: the storage lives while `obj` holds its reference.
    unsafe { (*s).refs.fetch_add(1, Ordering::Relaxed) };
}

/// Drops the reference held by the object at `obj` (dead, or in a block
/// being freed); frees the storage with its last reference.
pub(crate) fn drop_ref(obj: *const Term) {
    // SAFETY: `obj` is a RefcBin object whose reference is being released.
    let s = unsafe { *obj.add(1) }.raw() as *mut Storage;
    release(s);
}

fn release(s: *mut Storage) {
    // SAFETY: `s` is live until its count reaches zero here.
    let cap = unsafe { (*s).cap };
    if unsafe { (*s).refs.fetch_sub(1, Ordering::Relaxed) } != 1 {
        return;
    }
    BYTES.fetch_sub(cap, Ordering::Relaxed);
    crate::memory::release(charged_words(cap));
    if let Some(lay) = layout(cap) {
        // SAFETY: allocated in `alloc` with this layout; no reference is
        // left.
        unsafe { alloc::alloc::dealloc(s as *mut u8, lay) };
    }
}
