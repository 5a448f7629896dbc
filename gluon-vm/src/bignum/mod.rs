//! Integers beyond the small range, stored as boxed magnitudes.
//!
//! Layout: `[header(PosBig|NegBig, n)] d0 d1 .. d(n-1)` — little-endian
//! word-sized digits of the magnitude, no leading zero digit. A value that
//! fits in a small integer is always a small: bignums are normalized.
//!
//! The functions on terms here accept smalls and bignums alike and return
//! normalized results; the digit-level algorithms live in the submodules:
//! `digits` (add, subtract, schoolbook and Karatsuba multiply), `divide`
//! (Knuth's algorithm D), `bitwise` (two's-complement logic and shifts),
//! `radix` (text in bases 2 to 36) and `float` (exact conversions).
//!
//! Where OTP releases differ, Gluon follows OTP 25 except for float
//! conversion:
//! - The size limit is OTP 25's ([`MAX_BITS`]); OTP 27 lowered it to
//!   4,194,240 bits (2^16 - 1 digits).
//! - `float/1` (and mixed arithmetic) rounds a bignum to the nearest float,
//!   ties to even, as OTP 29 does. OTP 25 and 27 add digit by digit in
//!   floating point and can round twice: `float(2^128 + 2^75 + 1)` is
//!   2^128 there, 2^128 + 2^76 (the nearest) on OTP 29.

// Without `bignum`, only `small_only` does arithmetic; the digit
// algorithms stay for printing and comparing bignums that arrive anyway.
#[cfg_attr(not(feature = "bignum"), allow(dead_code))]
mod bitwise;
#[cfg_attr(not(feature = "bignum"), allow(dead_code))]
pub(crate) mod digits;
#[cfg_attr(not(feature = "bignum"), allow(dead_code))]
pub(crate) mod divide;
#[cfg_attr(not(feature = "bignum"), allow(dead_code))]
mod float;
#[cfg_attr(not(feature = "bignum"), allow(dead_code))]
pub(crate) mod radix;
#[cfg(not(feature = "bignum"))]
mod small_only;
#[cfg(not(feature = "bignum"))]
pub use small_only::{
    add, bitop, bnot, div_rem, from_digit_values, from_integral_f64, int_result, mul, negate,
    shift_left, sub,
};
#[cfg(test)]
mod tests;

pub use bitwise::BitOp;
use digits::Word;

use crate::heap::{Heap, OutOfMemory};
use crate::term::{HeaderTag, Ordering, Term};
use alloc::vec::Vec;

/// The most bits an integer's magnitude may have, as on the BEAM (whose
/// limit is 2^19 - 1 64-bit digits); larger results raise `system_limit`.
pub const MAX_BITS: usize = 33_554_368;

/// Why an integer operation produced no result.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum BigError {
    /// Memory ran out.
    OutOfMemory,
    /// The result would exceed [`MAX_BITS`].
    SystemLimit,
}

impl From<OutOfMemory> for BigError {
    fn from(_: OutOfMemory) -> BigError {
        BigError::OutOfMemory
    }
}

/// An integer term seen as a sign and a magnitude.
#[derive(Copy, Clone, Debug)]
pub struct Int {
    neg: bool,
    small: [Word; 1],
    big: &'static [Word],
}

impl Int {
    /// The integer `t` (small or big), or `None` for other terms.
    pub fn of(t: Term) -> Option<Int> {
        if let Some(n) = t.as_small() {
            return Some(Int {
                neg: n < 0,
                small: [n.unsigned_abs()],
                big: &[],
            });
        }
        let (neg, big) = as_big(t)?;
        Some(Int {
            neg,
            small: [0],
            big,
        })
    }
    /// Whether the integer is below zero.
    pub fn is_negative(&self) -> bool {
        self.neg
    }
    /// The magnitude's digits, without high zero digits (empty for 0).
    pub fn mag(&self) -> &[Word] {
        if self.big.is_empty() {
            digits::trimmed(&self.small)
        } else {
            self.big
        }
    }
    /// `-self`.
    pub fn negated(self) -> Int {
        let neg = !self.neg && !self.mag().is_empty();
        Int { neg, ..self }
    }
    #[cfg_attr(not(feature = "bignum"), allow(dead_code))]
    fn parts(&self) -> (bool, &[Word]) {
        (self.neg, self.mag())
    }
}

/// The integer term with this sign and magnitude: a small when it fits,
/// `SystemLimit` beyond [`MAX_BITS`].
#[cfg_attr(not(feature = "bignum"), allow(dead_code))]
pub fn make(heap: &mut Heap, neg: bool, mag: &[Word]) -> Result<Term, BigError> {
    let mag = digits::trimmed(mag);
    match mag {
        [] => return Ok(Term::small(0)),
        &[d] if d <= crate::term::MAX_SMALL as usize + neg as usize => {
            // -(MAX_SMALL + 1) is MIN_SMALL: wrapping gets it right.
            let v = d as isize;
            return Ok(Term::small(if neg { v.wrapping_neg() } else { v }));
        }
        _ => {}
    }
    if digits::bit_len(mag) > MAX_BITS {
        return Err(BigError::SystemLimit);
    }
    Ok(from_digits(heap, neg, mag)?)
}

#[cfg_attr(not(feature = "bignum"), allow(dead_code))]
fn make_pair(heap: &mut Heap, r: (bool, Vec<Word>)) -> Result<Term, BigError> {
    make(heap, r.0, &r.1)
}

/// Signed `a + b` on signed magnitudes.
#[cfg_attr(not(feature = "bignum"), allow(dead_code))]
fn signed_add(an: bool, a: &[Word], bn: bool, b: &[Word]) -> Result<(bool, Vec<Word>), BigError> {
    if an == bn {
        return Ok((an, digits::add(a, b)?));
    }
    match digits::cmp(a, b) {
        Ordering::Less => Ok((bn, digits::sub(b, a)?)),
        _ => Ok((an, digits::sub(a, b)?)),
    }
}

/// `a + b` for integers.
#[cfg(feature = "bignum")]
pub fn add(heap: &mut Heap, a: Int, b: Int) -> Result<Term, BigError> {
    let r = signed_add(a.neg, a.mag(), b.neg, b.mag())?;
    make_pair(heap, r)
}

/// `a - b` for integers.
#[cfg(feature = "bignum")]
pub fn sub(heap: &mut Heap, a: Int, b: Int) -> Result<Term, BigError> {
    let r = signed_add(a.neg, a.mag(), !b.neg, b.mag())?;
    make_pair(heap, r)
}

/// `a * b` for integers.
#[cfg(feature = "bignum")]
pub fn mul(heap: &mut Heap, a: Int, b: Int) -> Result<Term, BigError> {
    let (x, y) = (a.mag(), b.mag());
    if x.is_empty() || y.is_empty() {
        return Ok(Term::small(0));
    }
    // The product has at least this many bits: refuse before computing.
    if digits::bit_len(x) + digits::bit_len(y) - 1 > MAX_BITS {
        return Err(BigError::SystemLimit);
    }
    let p = digits::mul(x, y)?;
    make(heap, a.neg != b.neg, &p)
}

/// Truncating `a div b` and `a rem b` (the remainder has the dividend's
/// sign); `None` when `b` is zero.
#[cfg(feature = "bignum")]
pub fn div_rem(heap: &mut Heap, a: Int, b: Int, want_rem: bool) -> Result<Option<Term>, BigError> {
    if b.mag().is_empty() {
        return Ok(None);
    }
    let (q, r) = divide::divrem(a.mag(), b.mag())?;
    let t = if want_rem {
        make(heap, a.neg, &r)?
    } else {
        make(heap, a.neg != b.neg, &q)?
    };
    Ok(Some(t))
}

/// `-a`.
#[cfg(feature = "bignum")]
pub fn negate(heap: &mut Heap, a: Int) -> Result<Term, BigError> {
    make(heap, !a.neg, a.mag())
}

/// `a band b`, `a bor b`, `a bxor b` (two's complement on negatives).
#[cfg(feature = "bignum")]
pub fn bitop(heap: &mut Heap, op: BitOp, a: Int, b: Int) -> Result<Term, BigError> {
    let r = bitwise::bitop(op, a.parts(), b.parts())?;
    make_pair(heap, r)
}

/// `bnot a`.
#[cfg(feature = "bignum")]
pub fn bnot(heap: &mut Heap, a: Int) -> Result<Term, BigError> {
    let r = bitwise::bnot(a.neg, a.mag())?;
    make_pair(heap, r)
}

/// `a bsl count` (a negative count shifts right); right shifts are
/// arithmetic. Counts beyond any possible result size give `0`, `-1` or
/// `SystemLimit`.
#[cfg(feature = "bignum")]
pub fn shift_left(heap: &mut Heap, a: Int, count: Int) -> Result<Term, BigError> {
    let len = digits::bit_len(a.mag());
    if len == 0 {
        return Ok(Term::small(0));
    }
    let c = match count.mag() {
        [] => 0,
        &[c] => c,
        _ => Word::MAX,
    };
    if !count.neg {
        if c > MAX_BITS || len + c > MAX_BITS {
            return Err(BigError::SystemLimit);
        }
        let r = bitwise::shift_left(a.neg, a.mag(), c)?;
        return make_pair(heap, r);
    }
    if c >= len {
        return Ok(Term::small(if a.neg { -1 } else { 0 }));
    }
    let r = bitwise::shift_right(a.neg, a.mag(), c)?;
    make_pair(heap, r)
}

/// `v` as an integer term (a bignum if needed); without the `bignum`
/// feature, `SystemLimit` beyond the small range.
#[cfg(feature = "bignum")]
pub fn int_result(heap: &mut Heap, v: i128) -> Result<Term, BigError> {
    Ok(from_i128(heap, v)?)
}

/// The text of `a` in `base` (2..=36), with a leading `-` when negative.
pub fn to_text(a: Int, base: u32, upper: bool) -> Result<Vec<u8>, BigError> {
    let mut out = Vec::new();
    if a.neg {
        out.push(b'-');
    }
    radix::to_text(&mut out, a.mag(), base, upper, 0)?;
    Ok(out)
}

/// The digits of `|a|` in `base` (2..=36), without a sign.
pub fn magnitude_text(a: Int, base: u32, upper: bool) -> Result<Vec<u8>, BigError> {
    let mut out = Vec::new();
    radix::to_text(&mut out, a.mag(), base, upper, 0)?;
    Ok(out)
}

/// The integer with digit values `ds` (most significant first) in `base`.
#[cfg(feature = "bignum")]
pub fn from_digit_values(
    heap: &mut Heap,
    neg: bool,
    ds: &[u8],
    base: u32,
) -> Result<Term, BigError> {
    // Each digit carries at most log2(36) < 6 bits: refuse texts whose
    // value could not fit before converting them.
    let first = ds.iter().position(|&d| d != 0).unwrap_or(ds.len());
    let ds = &ds[first..];
    let bits_per = 32 - (base - 1).leading_zeros() as usize;
    if ds.len().saturating_sub(1) * (bits_per - 1) > MAX_BITS {
        return Err(BigError::SystemLimit);
    }
    let mag = radix::from_digit_values(ds, base)?;
    make(heap, neg, &mag)
}

/// The nearest float to an integer (ties to even), or `None` beyond the
/// float range.
pub fn int_to_f64(a: Int) -> Option<f64> {
    let f = float::to_f64(a.mag())?;
    Some(if a.neg { -f } else { f })
}

/// The integer equal to a finite float with no fractional part.
#[cfg(feature = "bignum")]
pub fn from_integral_f64(heap: &mut Heap, f: f64) -> Result<Term, BigError> {
    let mag = float::from_integral(f)?;
    make(heap, f < 0.0, &mag)
}

/// Compares an integer with a (non-NaN) float exactly.
pub fn cmp_int_f64(a: Int, f: f64) -> Ordering {
    float::cmp_f64(a.neg, a.mag(), f)
}

/// Sign and magnitude digits of a bignum, or `None` for other terms.
pub fn as_big(t: Term) -> Option<(bool, &'static [usize])> {
    let neg = match t.boxed_tag()? {
        HeaderTag::PosBig => false,
        HeaderTag::NegBig => true,
        _ => return None,
    };
    let body = t.boxed_body();
    // SAFETY: a Term is a transparent usize.
    let digits = unsafe { core::slice::from_raw_parts(body.as_ptr() as *const usize, body.len()) };
    Some((neg, digits))
}

/// The value of an integer term if it fits in an `i64`.
pub fn to_i64(t: Term) -> Option<i64> {
    if let Some(n) = t.as_small() {
        return Some(n as i64);
    }
    let (neg, d) = as_big(t)?;
    let mut mag: u128 = 0;
    for (i, &w) in d.iter().enumerate() {
        let shift = i as u32 * usize::BITS;
        if shift >= 128 || (w as u128) >> (128 - shift).min(127) > 1 {
            return None;
        }
        mag |= (w as u128) << shift;
    }
    if neg {
        if mag <= 1u128 << 63 {
            Some((mag as i128).wrapping_neg() as i64)
        } else {
            None
        }
    } else {
        i64::try_from(mag).ok()
    }
}

/// An integer term for `n`: a small if it fits, else a bignum on `heap`.
pub fn from_i64(heap: &mut Heap, n: i64) -> Result<Term, OutOfMemory> {
    if let Some(t) = Term::try_small(n) {
        return Ok(t);
    }
    from_i128(heap, n as i128)
}

/// An integer term for `n`.
pub fn from_i128(heap: &mut Heap, n: i128) -> Result<Term, OutOfMemory> {
    if let Ok(v) = i64::try_from(n) {
        if let Some(t) = Term::try_small(v) {
            return Ok(t);
        }
    }
    let neg = n < 0;
    let mut mag = n.unsigned_abs();
    let mut digits = [0usize; 128 / 32];
    let mut len = 0;
    while mag != 0 {
        digits[len] = mag as usize;
        mag >>= usize::BITS;
        len += 1;
    }
    from_digits(heap, neg, &digits[..len])
}

/// A bignum from sign and magnitude digits (no leading zero digits; the
/// caller has checked that the value does not fit in a small).
pub fn from_digits(heap: &mut Heap, neg: bool, digits: &[usize]) -> Result<Term, OutOfMemory> {
    let s = heap.alloc_slice(1 + digits.len())?;
    let tag = if neg {
        HeaderTag::NegBig
    } else {
        HeaderTag::PosBig
    };
    s[0] = Term::header(tag, digits.len());
    for (w, &d) in s[1..].iter_mut().zip(digits) {
        *w = Term::from_raw(d);
    }
    Ok(Term::boxed_ptr(s.as_ptr()))
}

/// Compares two integers (small or big) by value. Non-integers compare
/// equal here; callers only pass integers.
pub fn compare_integers(a: Term, b: Term) -> Ordering {
    let key = |t: Term| -> (i8, usize, &'static [usize]) {
        if let Some(n) = t.as_small() {
            return (n.signum() as i8, 0, &[]);
        }
        match as_big(t) {
            Some((true, d)) => (-2, d.len(), d),
            Some((false, d)) => (2, d.len(), d),
            None => (0, 0, &[]),
        }
    };
    match (a.as_small(), b.as_small()) {
        (Some(x), Some(y)) => return x.cmp(&y),
        (Some(_), None) => {
            return if key(b).0 > 0 {
                Ordering::Less
            } else {
                Ordering::Greater
            }
        }
        (None, Some(_)) => {
            return if key(a).0 > 0 {
                Ordering::Greater
            } else {
                Ordering::Less
            }
        }
        _ => {}
    }
    let (sa, la, da) = key(a);
    let (sb, lb, db) = key(b);
    if sa != sb {
        return sa.cmp(&sb);
    }
    let mag = la
        .cmp(&lb)
        .then_with(|| da.iter().rev().cmp(db.iter().rev()));
    if sa < 0 {
        mag.reverse()
    } else {
        mag
    }
}

/// A bignum's value as the nearest float (ties to even), or `None` for
/// other terms or values beyond the float range.
pub fn to_f64(t: Term) -> Option<f64> {
    as_big(t)?;
    int_to_f64(Int::of(t)?)
}
