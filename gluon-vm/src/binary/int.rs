//! Integer segments of any size: reading them out of and writing them into
//! bit buffers, big-, little- or native-endian, signed or not.
//!
//! A little-endian segment whose size is not a whole number of bytes keeps
//! the bytes in little-endian order, and its last, partial byte holds the
//! low bits of the most significant byte (as on the BEAM).

use super::bits::{read_u64, write_u64};
use crate::heap::{Heap, OutOfMemory};
use crate::term::Term;
use alloc::vec::Vec;

const W: usize = core::mem::size_of::<usize>();

/// How a segment's bits are ordered and read.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub struct Flags {
    /// Least significant byte first.
    pub little: bool,
    /// Two's complement (when reading).
    pub signed: bool,
}

impl Flags {
    /// Decodes the BEAM's field-flag bits (2: little, 4: signed,
    /// 16: native, which is the machine's own byte order).
    pub fn from_bits(bits: u64) -> Flags {
        let native_little = cfg!(target_endian = "little");
        Flags {
            little: bits & 2 != 0 || (bits & 16 != 0 && native_little),
            signed: bits & 4 != 0,
        }
    }
}

/// Heap words an integer segment of `bits` bits may need once read: none
/// while it fits in a small integer, else a bignum's.
pub fn words_for(bits: usize) -> usize {
    if bits < crate::term::SMALL_BITS as usize {
        0
    } else {
        1 + bits.div_ceil(usize::BITS as usize)
    }
}

/// The `size`-bit value at `off` as little-endian bytes (most significant
/// byte last, holding `size % 8` bits when the size has a partial byte).
fn le_bytes(bytes: &[u8], off: usize, size: usize, little: bool) -> Vec<u8> {
    let n = size.div_ceil(8);
    let mut out = alloc::vec![0u8; n];
    for (j, b) in out.iter_mut().enumerate() {
        *b = if little {
            let take = (size - 8 * j).min(8);
            read_u64(bytes, off + 8 * j, take) as u8
        } else {
            let end = size - 8 * j;
            let start = end.saturating_sub(8);
            read_u64(bytes, off + start, end - start) as u8
        };
    }
    out
}

/// Reads a `size`-bit integer at bit `off` of `bytes` (the caller checked
/// the range) and returns it as a term.
pub fn get(
    heap: &mut Heap,
    bytes: &[u8],
    off: usize,
    size: usize,
    flags: Flags,
) -> Result<Term, OutOfMemory> {
    if size == 0 {
        return Ok(Term::small(0));
    }
    if size <= 64 {
        let v = if flags.little {
            let mut v = 0u64;
            for (j, &b) in le_bytes(bytes, off, size, true).iter().enumerate() {
                v |= (b as u64) << (8 * j);
            }
            v
        } else {
            read_u64(bytes, off, size)
        };
        return if flags.signed {
            let s = ((v << (64 - size)) as i64) >> (64 - size);
            crate::bignum::from_i64(heap, s)
        } else if let Ok(s) = i64::try_from(v) {
            crate::bignum::from_i64(heap, s)
        } else {
            crate::bignum::from_i128(heap, v as i128)
        };
    }
    let mut le = le_bytes(bytes, off, size, flags.little);
    let top_bits = size - 8 * (le.len() - 1);
    let neg = flags.signed && (le[le.len() - 1] >> (top_bits - 1)) & 1 == 1;
    if neg {
        // Sign-extend the top byte, then negate to get the magnitude.
        let last = le.len() - 1;
        if top_bits < 8 {
            le[last] |= 0xffu8 << top_bits;
        }
        negate(&mut le);
    }
    from_le_magnitude(heap, neg, &le)
}

/// Two's complement negation of a little-endian byte string in place.
pub(crate) fn negate(le: &mut [u8]) {
    let mut carry = true;
    for b in le.iter_mut() {
        let (v, c) = (!*b).overflowing_add(carry as u8);
        *b = v;
        carry = c;
    }
}

/// An integer term from a sign and little-endian magnitude bytes.
pub fn from_le_magnitude(heap: &mut Heap, neg: bool, le: &[u8]) -> Result<Term, OutOfMemory> {
    let mut digits: Vec<usize> = le
        .chunks(W)
        .map(|c| {
            c.iter()
                .rev()
                .fold(0usize, |acc, &b| (acc << 8) | b as usize)
        })
        .collect();
    while digits.last() == Some(&0) {
        digits.pop();
    }
    if digits.len() * W <= 8 {
        let mut v: u64 = 0;
        for (i, &d) in digits.iter().enumerate() {
            v |= (d as u64) << (i * W * 8);
        }
        let n = if neg { -(v as i128) } else { v as i128 };
        return crate::bignum::from_i128(heap, n);
    }
    crate::bignum::from_digits(heap, neg, &digits)
}

/// Little-endian two's-complement bytes of integer `v`, `n` bytes long
/// (truncated or sign-extended), or `None` if `v` is not an integer.
fn twos_complement(v: Term, n: usize) -> Option<Vec<u8>> {
    let mut out = alloc::vec![0u8; n];
    if let Some(s) = v.as_small() {
        let fill = if s < 0 { 0xff } else { 0 };
        for (j, b) in out.iter_mut().enumerate() {
            *b = if j < 8 {
                (s as i64 >> (8 * j)) as u8
            } else {
                fill
            };
        }
        return Some(out);
    }
    let (neg, digits) = crate::bignum::as_big(v)?;
    for (j, b) in out.iter_mut().enumerate() {
        *b = digits.get(j / W).map_or(0, |d| (d >> (8 * (j % W))) as u8);
    }
    if neg {
        negate(&mut out);
    }
    Some(out)
}

/// Writes integer `v` as a `size`-bit segment at bit `off` of `dst`
/// (which has room); `false` if `v` is not an integer.
pub fn put(dst: &mut [u8], off: usize, size: usize, v: Term, flags: Flags) -> bool {
    if size == 0 {
        return v.is_integer();
    }
    if let (Some(s), false, true) = (v.as_small(), flags.little, size <= 64) {
        write_u64(dst, off, size, s as i64 as u64);
        return true;
    }
    let n = size.div_ceil(8);
    let Some(le) = twos_complement(v, n) else {
        return false;
    };
    for (j, &b) in le.iter().enumerate() {
        if flags.little {
            let take = (size - 8 * j).min(8);
            write_u64(dst, off + 8 * j, take, b as u64);
        } else {
            let end = size - 8 * j;
            let start = end.saturating_sub(8);
            write_u64(dst, off + start, end - start, b as u64);
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(v: i64, size: usize, flags: Flags) -> i64 {
        let mut heap = Heap::new(64).unwrap();
        let mut buf = [0u8; 16];
        assert!(put(&mut buf, 3, size, Term::small(v as isize), flags));
        let t = get(&mut heap, &buf, 3, size, flags).unwrap();
        crate::bignum::to_i64(t).unwrap()
    }

    #[test]
    fn integers_round_trip() {
        for little in [false, true] {
            for size in [1, 7, 8, 12, 16, 31, 33, 57] {
                let f = Flags {
                    little,
                    signed: true,
                };
                for v in [0i64, 1, -1, 5, -6, 100, -100] {
                    let lim = 1i64 << (size - 1);
                    if v >= -lim && v < lim {
                        assert_eq!(round_trip(v, size, f), v, "{v} {size} {little}");
                    }
                }
            }
        }
    }

    #[test]
    fn little_endian_partial_byte_layout() {
        // <<16#ABC:12/little>> is <<16#BC, 16#A:4>> on the BEAM.
        let mut buf = [0u8; 2];
        let f = Flags {
            little: true,
            signed: false,
        };
        assert!(put(&mut buf, 0, 12, Term::small(0xABC), f));
        assert_eq!(buf, [0xBC, 0xA0]);
    }
}
