//! Binaries and bitstrings.
//!
//! ```text
//! heap binary      [header(HeapBin, 1+w)]     byte_len  bytes (w words, padded)
//! writable binary  [header(WritableBin, 1+w)] used_bits bytes (w words of room)
//! sub-binary       [header(SubBin, 3)]        bit_len  bit_offset  original
//! match context    [header(MatchCtx, 3)]      position end  original
//! ```
//!
//! `original` is the storage object (a heap or writable binary, never a
//! sub-binary): the only traced word of a sub-binary or match context.
//! Bitstrings whose length is not a whole number of bytes, and every
//! binary built by appending, are sub-binaries. A writable binary is never
//! handed to Erlang code itself, only through sub-binaries over its used
//! part (see [`append`]).

pub mod append;
pub mod bits;
pub mod float;
pub mod int;
pub mod matchctx;
pub mod refc;
pub mod utf;

use crate::heap::{Heap, OutOfMemory};
use crate::term::{HeaderTag, Ordering, Term};

const W: usize = core::mem::size_of::<usize>();

/// Words of a sub-binary (header included).
pub const SUB_BIN_WORDS: usize = 4;

/// Bitstrings longer than this many bits cannot be built: sizes are kept
/// in words and bit counts must not overflow (the BEAM's `system_limit`).
pub const MAX_BITS: usize = usize::MAX / 8;

/// Words of a heap binary of `n` bytes (header included).
pub const fn heap_bin_words(n: usize) -> usize {
    2 + n.div_ceil(W)
}

/// Builds a heap binary holding `bytes`.
pub fn new_heap_binary(heap: &mut Heap, bytes: &[u8]) -> Result<Term, OutOfMemory> {
    let (t, p) = alloc_heap_binary(heap, bytes.len())?;
    // SAFETY: `p` points at `bytes.len()` writable bytes of the new binary.
    unsafe { core::ptr::copy_nonoverlapping(bytes.as_ptr(), p, bytes.len()) };
    Ok(t)
}

/// Allocates a zeroed binary of `n` bytes and returns it with a pointer to
/// its bytes, for builders that fill it in place. Binaries of more than
/// [`refc::OFF_HEAP_ABOVE`] bytes are stored off-heap (see [`refc`]).
pub fn alloc_heap_binary(heap: &mut Heap, n: usize) -> Result<(Term, *mut u8), OutOfMemory> {
    if n > refc::OFF_HEAP_ABOVE {
        return refc::alloc(heap, n, n * 8);
    }
    let words = heap_bin_words(n);
    let s = heap.alloc_slice(words)?;
    s[0] = Term::header(HeaderTag::HeapBin, words - 1);
    s[1] = Term::from_raw(n);
    for w in &mut s[2..] {
        *w = Term::from_raw(0);
    }
    // SAFETY: the words after the length belong to this binary.
    let p = unsafe { s.as_mut_ptr().add(2) as *mut u8 };
    Ok((Term::boxed_ptr(s.as_ptr()), p))
}

/// Builds a sub-binary of `bit_len` bits starting `bit_offset` bits into
/// the bitstring `original`. A sub-binary of a sub-binary points at the
/// storage underneath, so sub-binaries never chain.
pub fn new_sub_binary(
    heap: &mut Heap,
    original: Term,
    bit_offset: usize,
    bit_len: usize,
) -> Result<Term, OutOfMemory> {
    let (original, bit_offset) = match original.boxed_tag() {
        Some(HeaderTag::SubBin | HeaderTag::MatchCtx) => match storage(original) {
            Some((orig, base, _)) => (orig, base + bit_offset),
            None => (original, bit_offset),
        },
        _ => (original, bit_offset),
    };
    let s = heap.alloc_slice(SUB_BIN_WORDS)?;
    s[0] = Term::header(HeaderTag::SubBin, SUB_BIN_WORDS - 1);
    s[1] = Term::from_raw(bit_len);
    s[2] = Term::from_raw(bit_offset);
    s[3] = original;
    Ok(Term::boxed_ptr(s.as_ptr()))
}

/// A bitstring of `bits` bits made of the first bits of `bytes`: a heap
/// binary, wrapped in a sub-binary when the length has a partial byte.
pub fn new_bitstring(heap: &mut Heap, bytes: &[u8], bits: usize) -> Result<Term, OutOfMemory> {
    let bin = new_heap_binary(heap, &bytes[..bits.div_ceil(8)])?;
    if bits.is_multiple_of(8) {
        Ok(bin)
    } else {
        new_sub_binary(heap, bin, 0, bits)
    }
}

/// The storage object under a bitstring (or the unmatched part of a match
/// context), with the bit offset and bit length of the bitstring within it.
pub fn storage(t: Term) -> Option<(Term, usize, usize)> {
    match t.boxed_tag()? {
        HeaderTag::HeapBin => Some((t, 0, t.boxed_body()[0].raw() * 8)),
        HeaderTag::RefcBin => Some((t, 0, refc::view(t).1)),
        HeaderTag::SubBin => {
            let body = t.boxed_body();
            Some((body[2], body[1].raw(), body[0].raw()))
        }
        // OTP 26+ passes match contexts to `byte_size/1` and `bit_size/1`:
        // they stand for the part not matched yet.
        HeaderTag::MatchCtx => {
            let body = t.boxed_body();
            let (pos, end) = (body[0].raw(), body[1].raw());
            Some((body[2], pos, end.saturating_sub(pos)))
        }
        _ => None,
    }
}

/// A bitstring of `len` bits starting `off` bits into bitstring `t` (the
/// caller checked that the range lies within `t`). Shares `t`'s storage.
pub fn slice(heap: &mut Heap, t: Term, off: usize, len: usize) -> Result<Term, OutOfMemory> {
    let Some((orig, base, _)) = storage(t) else {
        return new_heap_binary(heap, &[]);
    };
    if off == 0 && is_whole_binary(t, len) {
        return Ok(t);
    }
    new_sub_binary(heap, orig, base + off, len)
}

/// Whether storage object `orig` is a complete binary of `len` bits that
/// can be handed out as it is: a heap binary, or an off-heap one with no
/// room to append (an append buffer is only ever seen through
/// sub-binaries, since its length grows).
pub fn is_whole_binary(orig: Term, len: usize) -> bool {
    match orig.boxed_tag() {
        Some(HeaderTag::HeapBin) => orig.boxed_body()[0].raw() * 8 == len,
        Some(HeaderTag::RefcBin) => {
            let (b, used) = refc::view(orig);
            used == len && used == b.len() * 8
        }
        _ => false,
    }
}

/// The bytes of a storage object (heap or writable binary) and how many
/// bits of them are in use.
pub fn storage_bytes(orig: Term) -> Option<(&'static [u8], usize)> {
    let body = orig.boxed_body();
    match orig.boxed_tag()? {
        HeaderTag::HeapBin => {
            let n = body[0].raw();
            // SAFETY: a heap binary's words after its length hold `n` bytes.
            let b = unsafe { core::slice::from_raw_parts(body.as_ptr().add(1) as *const u8, n) };
            Some((b, n * 8))
        }
        HeaderTag::RefcBin => Some(refc::view(orig)),
        HeaderTag::WritableBin => {
            let cap = (body.len() - 1) * W;
            // SAFETY: the words after the used count are the buffer.
            let b = unsafe { core::slice::from_raw_parts(body.as_ptr().add(1) as *const u8, cap) };
            Some((b, body[0].raw()))
        }
        _ => None,
    }
}

/// The bytes of the underlying storage of a bitstring, with the bit offset
/// and bit length of this bitstring within them.
pub fn bit_view(t: Term) -> Option<(&'static [u8], usize, usize)> {
    let (orig, off, len) = storage(t)?;
    let (bytes, _) = storage_bytes(orig)?;
    Some((bytes, off, len))
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

/// The bytes of a binary (a whole number of bytes) at any bit offset:
/// borrowed when byte-aligned, else copied. `None` for other terms.
pub fn binary_bytes(t: Term) -> Option<alloc::borrow::Cow<'static, [u8]>> {
    let (bytes, off, len) = bit_view(t)?;
    if len % 8 != 0 {
        return None;
    }
    if off % 8 == 0 {
        return bytes
            .get(off / 8..off / 8 + len / 8)
            .map(alloc::borrow::Cow::Borrowed);
    }
    let mut v = alloc::vec![0u8; len / 8];
    bits::copy_bits(bytes, off, &mut v, 0, len);
    Some(alloc::borrow::Cow::Owned(v))
}

/// Whether this is a binary (a whole number of bytes).
pub fn is_binary(t: Term) -> bool {
    t.is_bitstring() && matches!(bit_view(t), Some((_, _, len)) if len % 8 == 0)
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
    let common = la.min(lb);
    let mut i = 0;
    // Whole 64-bit chunks first: this is what `=:=` on binaries costs.
    while i + 64 <= common {
        let x = bits::read_u64(ba, oa + i, 64);
        let y = bits::read_u64(bb, ob + i, 64);
        if x != y {
            return x.cmp(&y);
        }
        i += 64;
    }
    if i < common {
        let n = common - i;
        let x = bits::read_u64(ba, oa + i, n);
        let y = bits::read_u64(bb, ob + i, n);
        if x != y {
            return x.cmp(&y);
        }
    }
    la.cmp(&lb)
}
