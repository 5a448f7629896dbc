//! Integer paths of the arithmetic natives.
//!
//! Operands that fit in an `i64` are computed exactly in `i128` (the common
//! case, with no allocation beyond the result); anything larger goes
//! through [`crate::bignum`], which handles integers of any size up to the
//! BEAM's limit (`system_limit` beyond it).

use super::{BifResult, Exception};
use crate::bignum::{self, BigError, BitOp, Int};
use crate::heap::{Heap, OutOfMemory};
use crate::term::Term;
use alloc::vec::Vec;

/// A two-operand integer operation.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub(crate) enum IntOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    Band,
    Bor,
    Bxor,
    Bsl,
    Bsr,
}

impl From<BigError> for Exception {
    #[cold]
    fn from(e: BigError) -> Exception {
        match e {
            BigError::OutOfMemory => Exception::from(OutOfMemory),
            BigError::SystemLimit => Exception::system_limit(),
        }
    }
}

fn int(t: Term) -> Result<Int, Exception> {
    Int::of(t).ok_or_else(Exception::badarith)
}

/// `a op b` for two integers (the caller checked both are integers).
pub(crate) fn binop(heap: &mut Heap, op: IntOp, a: Term, b: Term) -> BifResult {
    if let (Some(x), Some(y)) = (a.as_small(), b.as_small()) {
        if let Some(r) = small_binop(op, x as i128, y as i128) {
            return Ok(bignum::int_result(heap, r?)?);
        }
    }
    let (x, y) = (int(a)?, int(b)?);
    let r = match op {
        IntOp::Add => bignum::add(heap, x, y)?,
        IntOp::Sub => bignum::sub(heap, x, y)?,
        IntOp::Mul => bignum::mul(heap, x, y)?,
        IntOp::Div | IntOp::Rem => {
            bignum::div_rem(heap, x, y, op == IntOp::Rem)?.ok_or_else(Exception::badarith)?
        }
        IntOp::Band => bignum::bitop(heap, BitOp::And, x, y)?,
        IntOp::Bor => bignum::bitop(heap, BitOp::Or, x, y)?,
        IntOp::Bxor => bignum::bitop(heap, BitOp::Xor, x, y)?,
        IntOp::Bsl => bignum::shift_left(heap, x, y)?,
        IntOp::Bsr => bignum::shift_left(heap, x, y.negated())?,
    };
    Ok(r)
}

/// `x op y` for two smalls when the result fits in an `i128` (shifts only
/// by small amounts); `None` sends the operation to the general path.
fn small_binop(op: IntOp, x: i128, y: i128) -> Option<Result<i128, Exception>> {
    Some(Ok(match op {
        IntOp::Add => x + y,
        IntOp::Sub => x - y,
        IntOp::Mul => x * y,
        IntOp::Div | IntOp::Rem if y == 0 => return Some(Err(Exception::badarith())),
        // Both truncate toward zero, as `div` and `rem` do.
        IntOp::Div => x / y,
        IntOp::Rem => x % y,
        IntOp::Band => x & y,
        IntOp::Bor => x | y,
        IntOp::Bxor => x ^ y,
        IntOp::Bsl | IntOp::Bsr => {
            let left = if op == IntOp::Bsl { y } else { -y };
            match left {
                0..=63 => x << left,
                -127..=-1 => x >> -left,
                ..=-128 => x >> 127,
                _ => return None,
            }
        }
    }))
}

/// `-a` for an integer.
pub(crate) fn neg(heap: &mut Heap, a: Term) -> BifResult {
    Ok(bignum::negate(heap, int(a)?)?)
}

/// `abs(a)` for an integer.
pub(crate) fn abs(heap: &mut Heap, a: Term) -> BifResult {
    let x = int(a)?;
    if x.is_negative() {
        Ok(bignum::negate(heap, x)?)
    } else {
        Ok(a)
    }
}

/// `bnot a` for an integer.
pub(crate) fn bnot(heap: &mut Heap, a: Term) -> BifResult {
    if let Some(x) = a.as_small() {
        return Ok(bignum::int_result(heap, !(x as i128))?);
    }
    Ok(bignum::bnot(heap, int(a)?)?)
}

/// An integer as the nearest float (ties to even), or `None` beyond the
/// float range.
pub(crate) fn to_f64(t: Term) -> Option<f64> {
    match t.as_small() {
        Some(n) => Some(n as f64),
        None => bignum::int_to_f64(Int::of(t)?),
    }
}

/// The integer equal to a finite float with no fractional part.
pub(crate) fn from_integral_f64(heap: &mut Heap, f: f64) -> BifResult {
    if f.abs() < 9.0e15 {
        return Ok(bignum::int_result(heap, f as i128)?);
    }
    Ok(bignum::from_integral_f64(heap, f)?)
}

/// The digits of an integer in `base` (2..=36), uppercase, with a leading
/// `-` when negative; `None` for non-integers.
pub(crate) fn to_radix(t: Term, base: u32) -> Option<Result<Vec<u8>, Exception>> {
    let x = Int::of(t)?;
    Some(bignum::to_text(x, base, true).map_err(Exception::from))
}

/// The value of a digit character in `base`, if valid.
pub(crate) fn digit_value(c: u32, base: u32) -> Option<u8> {
    let v = match c {
        0x30..=0x39 => c - 0x30,
        0x41..=0x5a => c - 0x41 + 10,
        0x61..=0x7a => c - 0x61 + 10,
        _ => return None,
    };
    if v < base {
        Some(v as u8)
    } else {
        None
    }
}

/// The integer with these digit values (most significant first) in `base`.
pub(crate) fn from_radix(heap: &mut Heap, neg: bool, digits: &[u8], base: u32) -> BifResult {
    Ok(bignum::from_digit_values(heap, neg, digits, base)?)
}
