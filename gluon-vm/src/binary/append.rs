//! Binaries that grow at their end without being copied each time, so that
//! `<<Acc/binary, X>>` (or `<<Acc/bits, X:3>>`) in a loop costs time in
//! proportion to the bits appended, not to the square of them.
//!
//! Appending to a bitstring that ends exactly where the used part of a
//! writable binary ends writes the new bits into that buffer's spare room
//! and returns a longer sub-binary over it. Earlier bitstrings over the
//! same buffer keep their own lengths and never see the new bits. Any other
//! bitstring is first copied into a new writable binary with room to grow.

use super::{bits, storage, storage_bytes};
use crate::heap::{Heap, OutOfMemory};
use crate::term::{HeaderTag, Term};

const W: usize = core::mem::size_of::<usize>();

/// The smallest spare room a new writable binary gets, in bytes.
const MIN_ROOM: usize = 32;

/// Where the appended bits go: write them with [`Appending::bytes`] at bit
/// [`Appending::at`], then call [`Appending::finish`].
pub struct Appending {
    buf: Term,
    base: usize,
    /// The bit where the appended bits start.
    pub at: usize,
    len: usize,
}

impl Appending {
    /// The writable bytes of the buffer.
    pub fn bytes(&mut self) -> &mut [u8] {
        bytes_mut(self.buf)
    }

    /// The bitstring of the old bits followed by the new ones.
    pub fn finish(self, heap: &mut Heap) -> Result<Term, OutOfMemory> {
        super::new_sub_binary(heap, self.buf, self.base, self.len)
    }
}

/// The buffer of a writable binary (all of its room).
fn bytes_mut(buf: Term) -> &'static mut [u8] {
    if buf.boxed_tag() == Some(HeaderTag::RefcBin) {
        return super::refc::bytes_mut(buf);
    }
    let body = buf.boxed_body();
    let cap = (body.len() - 1) * W;
    // SAFETY: the words after the used count are this buffer's bytes, owned
    // by the process appending (writable binaries are never literals and
    // never shared between heaps).
    unsafe { core::slice::from_raw_parts_mut(body.as_ptr().add(1) as *mut u8, cap) }
}

fn set_used(buf: Term, bits: usize) {
    if buf.boxed_tag() == Some(HeaderTag::RefcBin) {
        return super::refc::set_used(buf, bits);
    }
    // SAFETY: word 1 of a writable binary is its used-bits count.
    unsafe { *buf.ptr_mut().add(1) = Term::from_raw(bits) };
}

/// Where appending `extra` bits to `acc` can write in place: the buffer,
/// if `acc` ends where its used part does and the room suffices.
fn in_place(acc: Term, extra: usize) -> Option<(Term, usize, usize)> {
    let (orig, off, len) = storage(acc)?;
    if !matches!(
        orig.boxed_tag(),
        Some(HeaderTag::WritableBin | HeaderTag::RefcBin)
    ) {
        return None;
    }
    let (b, used) = storage_bytes(orig)?;
    (off + len == used && off + len + extra <= b.len() * 8).then_some((orig, off, len))
}

/// Heap words [`reserve`] and [`Appending::finish`] take together.
pub fn words_needed(acc: Term, extra: usize) -> usize {
    if in_place(acc, extra).is_some() {
        return super::SUB_BIN_WORDS;
    }
    let len = storage(acc).map_or(0, |(_, _, l)| l);
    let room = ((len + extra).div_ceil(8) * 2).max(MIN_ROOM);
    buffer_words(room) + super::SUB_BIN_WORDS
}

/// Makes room for `extra` bits after bitstring `acc` (the caller checked
/// that `acc` is one), reusing its buffer when `acc` ends where the
/// buffer's used part does.
pub fn reserve(heap: &mut Heap, acc: Term, extra: usize) -> Result<Appending, OutOfMemory> {
    if let Some((buf, off, len)) = in_place(acc, extra) {
        set_used(buf, off + len + extra);
        return Ok(Appending {
            buf,
            base: off,
            at: off + len,
            len: len + extra,
        });
    }
    let len = storage(acc).map_or(0, |(_, _, l)| l);
    let new_len = len + extra;
    let buf = new_buffer(heap, new_len.div_ceil(8) * 2, new_len)?;
    if let Some((src, soff, _)) = super::bit_view(acc) {
        bits::copy_bits(src, soff, bytes_mut(buf), 0, len);
    }
    Ok(Appending {
        buf,
        base: 0,
        at: len,
        len: new_len,
    })
}

/// Heap words of a writable binary with `room` bytes.
fn buffer_words(room: usize) -> usize {
    if room > super::refc::OFF_HEAP_ABOVE {
        super::refc::WORDS
    } else {
        2 + room.div_ceil(W)
    }
}

/// A writable binary of at least `room` bytes, `used` bits of them in
/// use: off-heap when large, so collections never copy the bytes.
fn new_buffer(heap: &mut Heap, room: usize, used: usize) -> Result<Term, OutOfMemory> {
    let room = room.max(MIN_ROOM);
    if room > super::refc::OFF_HEAP_ABOVE {
        return super::refc::alloc(heap, room, used).map(|(t, _)| t);
    }
    let words = room.div_ceil(W);
    let s = heap.alloc_slice(2 + words)?;
    s[0] = Term::header(HeaderTag::WritableBin, 1 + words);
    s[1] = Term::from_raw(used);
    for w in &mut s[2..] {
        *w = Term::from_raw(0);
    }
    Ok(Term::boxed_ptr(s.as_ptr()))
}

/// The largest room a size hint gets: the hint is the compiler's guess,
/// not a promise, so it must not reserve megabytes.
const MAX_HINT: usize = 4096;

/// Heap words [`empty_writable`] takes at most.
pub const EMPTY_WRITABLE_WORDS: usize = 2 + MAX_HINT / W + super::SUB_BIN_WORDS;

/// An empty bitstring over a new writable binary with room for about
/// `hint` bytes (`bs_init_writable`, which starts binary comprehensions).
pub fn empty_writable(heap: &mut Heap, hint: usize) -> Result<Term, OutOfMemory> {
    let buf = new_buffer(heap, hint.min(MAX_HINT), 0)?;
    super::new_sub_binary(heap, buf, 0, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appending_reuses_the_buffer_and_keeps_old_views() {
        let mut heap = Heap::new(4096).unwrap();
        let mut acc = super::super::new_heap_binary(&mut heap, &[]).unwrap();
        let mut views = alloc::vec::Vec::new();
        for i in 0..100u64 {
            let mut a = reserve(&mut heap, acc, 3).unwrap();
            let at = a.at;
            bits::write_u64(a.bytes(), at, 3, i % 8);
            acc = a.finish(&mut heap).unwrap();
            views.push(acc);
        }
        // The buffer is reallocated only when it doubles: 300 bits take
        // a buffer of 32 bytes, then one of 76.
        let mut bufs: alloc::vec::Vec<Term> =
            views.iter().map(|v| storage(*v).unwrap().0).collect();
        bufs.dedup();
        assert_eq!(bufs.len(), 2);
        let first = storage(views[99]).unwrap().0;
        for (i, v) in views.iter().enumerate() {
            let (b, off, len) = super::super::bit_view(*v).unwrap();
            assert_eq!(len, 3 * (i + 1));
            for k in 0..=i {
                assert_eq!(bits::read_u64(b, off + 3 * k, 3), k as u64 % 8);
            }
        }
        // Appending to an older view copies instead of overwriting.
        let mut a = reserve(&mut heap, views[10], 3).unwrap();
        let at = a.at;
        bits::write_u64(a.bytes(), at, 3, 7);
        let fork = a.finish(&mut heap).unwrap();
        assert_ne!(storage(fork).unwrap().0, first);
        let (b, off, _) = super::super::bit_view(views[11]).unwrap();
        assert_eq!(bits::read_u64(b, off + 33, 3), 11 % 8);
    }
}
