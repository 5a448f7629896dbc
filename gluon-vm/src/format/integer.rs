//! Integers (small and big) as text in any base from 2 to 36.
//!
//! Bignum magnitudes are word digits (32 or 64 bits, little-endian, see
//! [`crate::bignum::as_big`]); they are split into 32-bit limbs so that one
//! long division by `base^k` (the largest power that fits in 32 bits) works
//! the same on every target with 64-bit intermediate products.

use crate::bignum::as_big;
use crate::term::Term;
use alloc::string::String;
use alloc::vec::Vec;

const DIGITS_LOWER: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
const DIGITS_UPPER: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// Appends `n` in `base` (`2..=36`) to `out`, most significant digit first.
fn push_u128(out: &mut Vec<u8>, mut n: u128, base: u32, digits: &[u8; 36]) {
    let start = out.len();
    loop {
        out.push(digits[(n % base as u128) as usize]);
        n /= base as u128;
        if n == 0 {
            break;
        }
    }
    out[start..].reverse();
}

/// The sign and digits of the integer term `t` in `base` (`2..=36`),
/// or `None` if `t` is not an integer.
pub(super) fn integer_digits(t: Term, base: u32, upper: bool) -> Option<(bool, String)> {
    debug_assert!((2..=36).contains(&base));
    let table = if upper { DIGITS_UPPER } else { DIGITS_LOWER };
    let mut out = Vec::new();
    let neg;
    if let Some(n) = t.as_small() {
        neg = n < 0;
        push_u128(&mut out, (n as i128).unsigned_abs(), base, table);
    } else {
        let (sign, words) = as_big(t)?;
        neg = sign;
        big_digits(&mut out, words, base, table);
    }
    // Only ASCII digits were pushed.
    Some((neg, String::from_utf8(out).ok()?))
}

/// Appends the digits of a magnitude given as word digits.
fn big_digits(out: &mut Vec<u8>, words: &[usize], base: u32, table: &[u8; 36]) {
    let mut limbs: Vec<u32> = Vec::with_capacity(words.len() * 2);
    for &w in words {
        let w = w as u64;
        limbs.push(w as u32);
        if usize::BITS > 32 {
            limbs.push((w >> 32) as u32);
        }
    }
    while limbs.last() == Some(&0) {
        limbs.pop();
    }
    // The largest power of `base` that fits in a limb, and its exponent.
    let (mut chunk, mut per_chunk) = (base as u64, 1usize);
    while chunk * base as u64 <= u32::MAX as u64 {
        chunk *= base as u64;
        per_chunk += 1;
    }
    // Remainders, least significant chunk first.
    let mut chunks: Vec<u32> = Vec::new();
    while !limbs.is_empty() {
        let mut rem = 0u64;
        for limb in limbs.iter_mut().rev() {
            let cur = (rem << 32) | *limb as u64;
            *limb = (cur / chunk) as u32;
            rem = cur % chunk;
        }
        chunks.push(rem as u32);
        while limbs.last() == Some(&0) {
            limbs.pop();
        }
    }
    let Some((&top, rest)) = chunks.split_last() else {
        out.push(b'0');
        return;
    };
    push_u128(out, top as u128, base, table);
    for &c in rest.iter().rev() {
        let start = out.len();
        push_u128(out, c as u128, base, table);
        // Inner chunks keep their leading zeros.
        let written = out.len() - start;
        for _ in written..per_chunk {
            out.insert(start, b'0');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heap::Heap;

    #[test]
    fn small_and_big_in_bases() {
        let mut heap = Heap::new(256).unwrap();
        let d = |t, b, u| integer_digits(t, b, u).unwrap();
        assert_eq!(d(Term::small(255), 16, false), (false, "ff".into()));
        assert_eq!(d(Term::small(-255), 16, true), (true, "FF".into()));
        assert_eq!(d(Term::small(0), 2, false), (false, "0".into()));
        // 2^100 and -(2^100) + 1 computed by OTP 25 (integer_to_list/2).
        let mut digits = [0usize; 128 / usize::BITS as usize];
        let bit = 100 % usize::BITS;
        digits[(100 / usize::BITS) as usize] = 1 << bit;
        let len = 100 / usize::BITS as usize + 1;
        let big = crate::bignum::from_digits(&mut heap, false, &digits[..len]).unwrap();
        assert_eq!(d(big, 10, false).1, "1267650600228229401496703205376");
        assert_eq!(d(big, 36, false).1, "3ewfdnca0n6ld1ggvfgg");
        assert_eq!(d(big, 16, true).1, "10000000000000000000000000");
        let neg = crate::bignum::from_i128(&mut heap, -(1i128 << 100) + 1).unwrap();
        assert_eq!(
            d(neg, 10, false),
            (true, "1267650600228229401496703205375".into())
        );
        assert_eq!(d(neg, 8, false).1, "1777777777777777777777777777777777");
    }
}
