//! `band`, `bor`, `bxor`, `bnot` and shifts with the two's-complement
//! semantics Erlang gives negative integers (an infinite run of sign bits).
//!
//! Sign-magnitude operands are expanded to two's complement one digit wider
//! than the longer magnitude, combined digit by digit, and converted back.

use super::digits::{self, Word};
use super::BigError;
use alloc::vec::Vec;

/// A bitwise operator.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum BitOp {
    /// `band`.
    And,
    /// `bor`.
    Or,
    /// `bxor`.
    Xor,
}

/// Negates `v` in place as a two's-complement number of its length.
fn negate(v: &mut [Word]) {
    let mut carry = true;
    for d in v.iter_mut() {
        let (s, c) = (!*d).overflowing_add(carry as Word);
        *d = s;
        carry = c;
    }
}

/// The two's-complement form of a signed magnitude in `len` digits.
fn twos(neg: bool, mag: &[Word], len: usize) -> Result<Vec<Word>, BigError> {
    let mut v = digits::copy(mag, len - mag.len())?;
    v.resize(len, 0);
    if neg {
        negate(&mut v);
    }
    Ok(v)
}

/// `a op b` on signed magnitudes; returns the result's sign and magnitude.
pub fn bitop(
    op: BitOp,
    (an, a): (bool, &[Word]),
    (bn, b): (bool, &[Word]),
) -> Result<(bool, Vec<Word>), BigError> {
    let len = a.len().max(b.len()) + 1;
    let mut x = twos(an, a, len)?;
    let y = twos(bn, b, len)?;
    for (p, &q) in x.iter_mut().zip(&y) {
        *p = match op {
            BitOp::And => *p & q,
            BitOp::Or => *p | q,
            BitOp::Xor => *p ^ q,
        };
    }
    let neg = x[len - 1] >> (digits::BITS - 1) == 1;
    if neg {
        negate(&mut x);
    }
    digits::trim(&mut x);
    Ok((neg, x))
}

/// `bnot a` = `-a - 1`.
pub fn bnot(neg: bool, a: &[Word]) -> Result<(bool, Vec<Word>), BigError> {
    if neg {
        // -|a| - 1 → |a| - 1 (non-negative).
        Ok((false, digits::sub(a, &[1])?))
    } else {
        Ok((true, digits::add(a, &[1])?))
    }
}

/// `a << bits` for a signed magnitude.
pub fn shift_left(neg: bool, a: &[Word], bits: usize) -> Result<(bool, Vec<Word>), BigError> {
    Ok((neg, digits::shl(a, bits)?))
}

/// `a >> bits`, arithmetic: negative values round toward minus infinity,
/// as `-((|a| - 1) >> bits) - 1`.
pub fn shift_right(neg: bool, a: &[Word], bits: usize) -> Result<(bool, Vec<Word>), BigError> {
    if !neg {
        return Ok((false, digits::shr(a, bits)?));
    }
    let less = digits::sub(a, &[1])?;
    let shifted = digits::shr(&less, bits)?;
    Ok((true, digits::add(&shifted, &[1])?))
}
