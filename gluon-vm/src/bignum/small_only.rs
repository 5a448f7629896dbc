//! Integer arithmetic without the `bignum` feature: operands and results
//! are small integers only. An operation on a bignum (bignums still arrive
//! as literals, from `binary_to_term` or from natives such as
//! `erlang:monotonic_time/0`, and can be stored, compared, matched and
//! printed) or whose result would not be a small integer raises
//! `system_limit`, the BEAM's error for an integer too large to represent.
//! Smalls fit in 60 bits (28 on 32-bit targets), so every operation on
//! two of them is exact in `i128`.

use super::{BigError, BitOp, Int};
use crate::heap::Heap;
use crate::term::Term;

/// The value of a small integer, `SystemLimit` for a bignum.
fn value(a: &Int) -> Result<i128, BigError> {
    if !a.big.is_empty() {
        return Err(BigError::SystemLimit);
    }
    let m = a.small[0] as i128;
    Ok(if a.neg { -m } else { m })
}

/// `v` as a small integer term, `SystemLimit` beyond the small range.
pub fn int_result(_: &mut Heap, v: i128) -> Result<Term, BigError> {
    i64::try_from(v)
        .ok()
        .and_then(Term::try_small)
        .ok_or(BigError::SystemLimit)
}

/// `a + b`.
pub fn add(heap: &mut Heap, a: Int, b: Int) -> Result<Term, BigError> {
    int_result(heap, value(&a)? + value(&b)?)
}

/// `a - b`.
pub fn sub(heap: &mut Heap, a: Int, b: Int) -> Result<Term, BigError> {
    int_result(heap, value(&a)? - value(&b)?)
}

/// `a * b`.
pub fn mul(heap: &mut Heap, a: Int, b: Int) -> Result<Term, BigError> {
    int_result(heap, value(&a)? * value(&b)?)
}

/// Truncating `a div b` or `a rem b`; `None` when `b` is zero.
pub fn div_rem(heap: &mut Heap, a: Int, b: Int, want_rem: bool) -> Result<Option<Term>, BigError> {
    let (x, y) = (value(&a)?, value(&b)?);
    if y == 0 {
        return Ok(None);
    }
    int_result(heap, if want_rem { x % y } else { x / y }).map(Some)
}

/// `-a`.
pub fn negate(heap: &mut Heap, a: Int) -> Result<Term, BigError> {
    int_result(heap, -value(&a)?)
}

/// `a band b`, `a bor b`, `a bxor b`.
pub fn bitop(heap: &mut Heap, op: BitOp, a: Int, b: Int) -> Result<Term, BigError> {
    let (x, y) = (value(&a)?, value(&b)?);
    int_result(
        heap,
        match op {
            BitOp::And => x & y,
            BitOp::Or => x | y,
            BitOp::Xor => x ^ y,
        },
    )
}

/// `bnot a`.
pub fn bnot(heap: &mut Heap, a: Int) -> Result<Term, BigError> {
    int_result(heap, !value(&a)?)
}

/// `a bsl count` (a negative count shifts right, arithmetically).
pub fn shift_left(heap: &mut Heap, a: Int, count: Int) -> Result<Term, BigError> {
    let x = value(&a)?;
    if x == 0 {
        return Ok(Term::small(0));
    }
    // A right shift of any size (even by a bignum) is exact.
    if count.neg {
        let c = if count.big.is_empty() {
            count.small[0]
        } else {
            usize::MAX
        };
        return int_result(heap, x >> c.min(127));
    }
    match value(&count)? {
        c if c < 64 => int_result(heap, x << c),
        _ => Err(BigError::SystemLimit),
    }
}

/// The integer with digit values `ds` (most significant first) in `base`.
pub fn from_digit_values(
    heap: &mut Heap,
    neg: bool,
    ds: &[u8],
    base: u32,
) -> Result<Term, BigError> {
    let mut v: i128 = 0;
    for &d in ds {
        v = v
            .checked_mul(base as i128)
            .and_then(|v| v.checked_add(d as i128))
            .ok_or(BigError::SystemLimit)?;
    }
    int_result(heap, if neg { -v } else { v })
}

/// The integer equal to a finite float with no fractional part.
pub fn from_integral_f64(heap: &mut Heap, f: f64) -> Result<Term, BigError> {
    // 2^100 is far beyond any small and exact in both types.
    if f.abs() >= 1.0e30 {
        return Err(BigError::SystemLimit);
    }
    int_result(heap, f as i128)
}
