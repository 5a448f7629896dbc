//! Integers (small and big) as text in any base from 2 to 36.
//!
//! Bignums are printed by [`crate::bignum::magnitude_text`].

use crate::bignum::Int;
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
        let x = Int::of(t)?;
        neg = x.is_negative();
        out = crate::bignum::magnitude_text(x, base, upper).ok()?;
    }
    // Only ASCII digits were pushed.
    Some((neg, String::from_utf8(out).ok()?))
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
