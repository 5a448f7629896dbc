//! Binaries and bitstrings.
//!
//! ```text
//! heap binary  [header(HeapBin, 1+w)] byte_len  bytes (w words, padded)
//! sub-binary   [header(SubBin, 3)]    bit_len  bit_offset  original
//! ```
//!
//! `original` is a heap (or, later, reference-counted) binary term: the
//! only traced word of a sub-binary. Bitstrings whose length is not a whole
//! number of bytes are always sub-binaries.

use crate::heap::{Heap, OutOfMemory};
use crate::term::{HeaderTag, Ordering, Term};

const W: usize = core::mem::size_of::<usize>();

/// Words of a heap binary of `n` bytes (header included).
pub const fn heap_bin_words(n: usize) -> usize {
    2 + n.div_ceil(W)
}

/// Builds a heap binary holding `bytes`.
pub fn new_heap_binary(heap: &mut Heap, bytes: &[u8]) -> Result<Term, OutOfMemory> {
    let words = heap_bin_words(bytes.len());
    let s = heap.alloc_slice(words)?;
    s[0] = Term::header(HeaderTag::HeapBin, words - 1);
    s[1] = Term::from_raw(bytes.len());
    let last = words - 1;
    s[last] = Term::from_raw(0); // zero the padding
                                 // SAFETY: the words after the length hold at least `bytes.len()` bytes.
    unsafe {
        core::ptr::copy_nonoverlapping(
            bytes.as_ptr(),
            s.as_mut_ptr().add(2) as *mut u8,
            bytes.len(),
        );
    }
    Ok(Term::boxed_ptr(s.as_ptr()))
}

/// Allocates a zeroed heap binary of `n` bytes and returns it with a
/// pointer to its bytes, for builders that fill it in place.
pub fn alloc_heap_binary(heap: &mut Heap, n: usize) -> Result<(Term, *mut u8), OutOfMemory> {
    let words = heap_bin_words(n);
    let s = heap.alloc_slice(words)?;
    s[0] = Term::header(HeaderTag::HeapBin, words - 1);
    s[1] = Term::from_raw(n);
    for w in &mut s[2..] {
        *w = Term::from_raw(0);
    }
    let p = unsafe { s.as_mut_ptr().add(2) as *mut u8 };
    Ok((Term::boxed_ptr(s.as_ptr()), p))
}

/// Builds a sub-binary of `bit_len` bits starting `bit_offset` bits into
/// the heap binary `original`.
pub fn new_sub_binary(
    heap: &mut Heap,
    original: Term,
    bit_offset: usize,
    bit_len: usize,
) -> Result<Term, OutOfMemory> {
    let s = heap.alloc_slice(4)?;
    s[0] = Term::header(HeaderTag::SubBin, 3);
    s[1] = Term::from_raw(bit_len);
    s[2] = Term::from_raw(bit_offset);
    s[3] = original;
    Ok(Term::boxed_ptr(s.as_ptr()))
}

/// The bytes of the underlying storage of a bitstring, with the bit offset
/// and bit length of this bitstring within them.
pub fn bit_view(t: Term) -> Option<(&'static [u8], usize, usize)> {
    match t.boxed_tag()? {
        HeaderTag::HeapBin => {
            let body = t.boxed_body();
            let n = body[0].raw();
            // SAFETY: a heap binary's words after its length hold `n` bytes.
            let bytes =
                unsafe { core::slice::from_raw_parts(body.as_ptr().add(1) as *const u8, n) };
            Some((bytes, 0, n * 8))
        }
        HeaderTag::SubBin => {
            let body = t.boxed_body();
            let (bytes, off, _) = bit_view(body[2])?;
            Some((bytes, off + body[1].raw(), body[0].raw()))
        }
        _ => None,
    }
}

/// The bytes of a binary whose content is byte-aligned and a whole number
/// of bytes, or `None` (not a binary, or a bitstring with a bit tail or an
/// unaligned start).
pub fn as_bytes(t: Term) -> Option<&'static [u8]> {
    let (bytes, off, len) = bit_view(t)?;
    if off % 8 != 0 || len % 8 != 0 {
        return None;
    }
    bytes.get(off / 8..off / 8 + len / 8)
}

/// Whether this is a binary (a whole number of bytes).
pub fn is_binary(t: Term) -> bool {
    matches!(bit_view(t), Some((_, _, len)) if len % 8 == 0)
}

/// Bit `i` (0 = most significant of the first byte) of `bytes`.
#[inline]
pub fn bit_at(bytes: &[u8], i: usize) -> u8 {
    (bytes.get(i / 8).copied().unwrap_or(0) >> (7 - (i % 8))) & 1
}

/// Compares bitstrings bit by bit, a shorter prefix first (Erlang order).
pub fn compare_bitstrings(a: Term, b: Term) -> Ordering {
    let (Some((ba, oa, la)), Some((bb, ob, lb))) = (bit_view(a), bit_view(b)) else {
        return Ordering::Equal;
    };
    if oa % 8 == 0 && ob % 8 == 0 {
        let (fa, fb) = (la / 8, lb / 8);
        let common = fa.min(fb);
        let o = ba[oa / 8..oa / 8 + common].cmp(&bb[ob / 8..ob / 8 + common]);
        if o != Ordering::Equal {
            return o;
        }
    }
    for i in 0..la.min(lb) {
        let o = bit_at(ba, oa + i).cmp(&bit_at(bb, ob + i));
        if o != Ordering::Equal {
            return o;
        }
    }
    la.cmp(&lb)
}

/// A part of any bitstring `t`: `bit_len` bits from `bit_offset` within
/// it, sharing the underlying binary. Parts of parts point at that binary
/// directly, so repeated splitting (`{_, Rest} = split(Rest)`) never
/// builds chains of sub-binaries.
pub fn sub_bitstring(
    heap: &mut Heap,
    t: Term,
    bit_offset: usize,
    bit_len: usize,
) -> Result<Term, OutOfMemory> {
    if t.boxed_tag() == Some(HeaderTag::SubBin) {
        let body = t.boxed_body();
        return new_sub_binary(heap, body[2], body[1].raw() + bit_offset, bit_len);
    }
    new_sub_binary(heap, t, bit_offset, bit_len)
}
