//! Integer paths of the arithmetic natives, kept apart so that full bignum
//! arithmetic can replace them later.
//!
//! Operands that fit in an `i64` are computed exactly in `i128` and the
//! result is boxed as needed. Operations on larger bignums raise `notsup`
//! for now, except where no arithmetic is needed (negation, shifts that
//! only depend on the sign). Radix conversion and float truncation work on
//! integers of any size.

use super::{BifResult, Exception};
use crate::bignum;
use crate::heap::{Heap, OutOfMemory};
use crate::term::{HeaderTag, Term};
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

fn is_negative(t: Term) -> bool {
    match t.as_small() {
        Some(n) => n < 0,
        None => t.boxed_tag() == Some(HeaderTag::NegBig),
    }
}

/// `a op b` for two integers (the caller checked both are integers).
pub(crate) fn binop(heap: &mut Heap, op: IntOp, a: Term, b: Term) -> BifResult {
    if matches!(op, IntOp::Bsl | IntOp::Bsr) {
        return shift(heap, a, b, op == IntOp::Bsr);
    }
    if matches!(op, IntOp::Div | IntOp::Rem) && bignum::to_i64(b) == Some(0) {
        return Err(Exception::badarith());
    }
    let (Some(x), Some(y)) = (bignum::to_i64(a), bignum::to_i64(b)) else {
        return Err(Exception::notsup());
    };
    let (x, y) = (x as i128, y as i128);
    let r = match op {
        IntOp::Add => x + y,
        IntOp::Sub => x - y,
        IntOp::Mul => x * y,
        // Both truncate toward zero, as `div` and `rem` do.
        IntOp::Div => x / y,
        IntOp::Rem => x % y,
        IntOp::Band => x & y,
        IntOp::Bor => x | y,
        IntOp::Bxor => x ^ y,
        IntOp::Bsl | IntOp::Bsr => 0,
    };
    Ok(bignum::from_i128(heap, r)?)
}

/// `a bsl b` (or `a bsr b` when `right`).
fn shift(heap: &mut Heap, a: Term, b: Term, right: bool) -> BifResult {
    if a == Term::small(0) {
        return Ok(a);
    }
    let Some(count) = bignum::to_i64(b) else {
        // A count beyond i64: the result is either huge or only the sign.
        return if is_negative(b) == right {
            Err(Exception::system_limit())
        } else {
            Ok(Term::small(if is_negative(a) { -1 } else { 0 }))
        };
    };
    let Some(v) = bignum::to_i64(a) else {
        return Err(Exception::notsup());
    };
    let left = if right {
        -(count as i128)
    } else {
        count as i128
    };
    let v = v as i128;
    let r = if left >= 0 {
        if left > 126 || (v << left) >> left != v {
            return Err(Exception::notsup());
        }
        v << left
    } else {
        v >> (-left).min(127)
    };
    Ok(bignum::from_i128(heap, r)?)
}

/// `-a` for an integer.
pub(crate) fn neg(heap: &mut Heap, a: Term) -> BifResult {
    if let Some(x) = bignum::to_i64(a) {
        return Ok(bignum::from_i128(heap, -(x as i128))?);
    }
    match bignum::as_big(a) {
        // Beyond i64 the negation cannot fit a small: flip the sign.
        Some((n, d)) => Ok(bignum::from_digits(heap, !n, d)?),
        None => Err(Exception::badarith()),
    }
}

/// `abs(a)` for an integer.
pub(crate) fn abs(heap: &mut Heap, a: Term) -> BifResult {
    if is_negative(a) {
        neg(heap, a)
    } else {
        Ok(a)
    }
}

/// `bnot a` for an integer.
pub(crate) fn bnot(heap: &mut Heap, a: Term) -> BifResult {
    match bignum::to_i64(a) {
        Some(x) => Ok(bignum::from_i128(heap, !(x as i128))?),
        None => Err(Exception::notsup()),
    }
}

/// An integer as the nearest float, or `None` beyond the float range.
pub(crate) fn to_f64(t: Term) -> Option<f64> {
    match t.as_small() {
        Some(n) => Some(n as f64),
        None => bignum::to_f64(t),
    }
}

/// The integer equal to a finite float with no fractional part.
pub(crate) fn from_integral_f64(heap: &mut Heap, f: f64) -> Result<Term, OutOfMemory> {
    // 2^127: every float below it converts exactly through i128.
    const LIMIT: f64 = 170_141_183_460_469_231_731_687_303_715_884_105_728.0;
    if f.abs() < LIMIT {
        return bignum::from_i128(heap, f as i128);
    }
    let bits = f.to_bits();
    let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let shift = ((bits >> 52) & 0x7ff) as usize - 1075; // >= 74 here
    let v = (mant as u128) << (shift % 32);
    let mut limbs = alloc::vec![0u32; shift / 32];
    limbs.extend((0..3).map(|k| (v >> (32 * k)) as u32));
    from_limbs(heap, f < 0.0, limbs)
}

/// Magnitude of an integer as little-endian 32-bit limbs, with its sign.
fn to_limbs(t: Term) -> Option<(bool, Vec<u32>)> {
    if let Some(n) = t.as_small() {
        let m = (n as i64).unsigned_abs();
        return Some((n < 0, alloc::vec![m as u32, (m >> 32) as u32]));
    }
    let (neg, d) = bignum::as_big(t)?;
    let mut v = Vec::with_capacity(d.len() * 2);
    for &w in d {
        let w = w as u64;
        v.push(w as u32);
        if usize::BITS == 64 {
            v.push((w >> 32) as u32);
        }
    }
    Some((neg, v))
}

/// The integer with this sign and magnitude, normalized.
fn from_limbs(heap: &mut Heap, neg: bool, mut limbs: Vec<u32>) -> Result<Term, OutOfMemory> {
    while limbs.last() == Some(&0) {
        limbs.pop();
    }
    if limbs.len() <= 4 {
        let mag = limbs
            .iter()
            .rev()
            .fold(0u128, |acc, &l| (acc << 32) | l as u128);
        if mag <= i128::MAX as u128 {
            let v = mag as i128;
            return bignum::from_i128(heap, if neg { -v } else { v });
        }
    }
    let per = (usize::BITS / 32) as usize;
    let digits: Vec<usize> = limbs
        .chunks(per)
        .map(|c| {
            c.iter()
                .enumerate()
                .fold(0usize, |acc, (i, &l)| acc | ((l as usize) << (32 * i)))
        })
        .collect();
    bignum::from_digits(heap, neg, &digits)
}

/// Multiplies `limbs` in place by `m`, growing them as needed.
pub(crate) fn mul_small(limbs: &mut Vec<u32>, m: u32) {
    let mut carry = 0u64;
    for l in limbs.iter_mut() {
        let v = *l as u64 * m as u64 + carry;
        *l = v as u32;
        carry = v >> 32;
    }
    if carry != 0 {
        limbs.push(carry as u32);
    }
}

/// Divides `limbs` in place by `d` (non-zero), returning the remainder.
pub(crate) fn div_small(limbs: &mut [u32], d: u32) -> u32 {
    let mut rem = 0u64;
    for l in limbs.iter_mut().rev() {
        let cur = (rem << 32) | *l as u64;
        *l = (cur / d as u64) as u32;
        rem = cur % d as u64;
    }
    rem as u32
}

/// Adds `a` to `limbs` in place.
fn add_small(limbs: &mut Vec<u32>, a: u32) {
    let mut carry = a as u64;
    for l in limbs.iter_mut() {
        if carry == 0 {
            return;
        }
        let v = *l as u64 + carry;
        *l = v as u32;
        carry = v >> 32;
    }
    if carry != 0 {
        limbs.push(carry as u32);
    }
}

/// The digits of an integer in `base` (2..=36), uppercase, with a leading
/// `-` when negative; `None` for non-integers.
pub(crate) fn to_radix(t: Term, base: u32) -> Option<Vec<u8>> {
    let (neg, mut limbs) = to_limbs(t)?;
    // The largest power of `base` that fits a limb, and its exponent.
    let (mut chunk, mut per) = (base, 1);
    while let Some(c) = chunk.checked_mul(base) {
        chunk = c;
        per += 1;
    }
    let mut out = Vec::new();
    loop {
        while limbs.last() == Some(&0) {
            limbs.pop();
        }
        if limbs.is_empty() {
            break;
        }
        let mut r = div_small(&mut limbs, chunk);
        let last = limbs.iter().all(|&l| l == 0);
        for _ in 0..per {
            if last && r == 0 {
                break;
            }
            out.push(digit_char(r % base));
            r /= base;
        }
    }
    if out.is_empty() {
        out.push(b'0');
    }
    if neg {
        out.push(b'-');
    }
    out.reverse();
    Some(out)
}

fn digit_char(d: u32) -> u8 {
    if d < 10 {
        b'0' + d as u8
    } else {
        b'A' + (d - 10) as u8
    }
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
pub(crate) fn from_radix(
    heap: &mut Heap,
    neg: bool,
    digits: &[u8],
    base: u32,
) -> Result<Term, OutOfMemory> {
    let mut acc: u128 = 0;
    let mut rest = digits;
    while let Some((&d, tail)) = rest.split_first() {
        match acc
            .checked_mul(base as u128)
            .and_then(|v| v.checked_add(d as u128))
        {
            Some(v) => acc = v,
            None => break,
        }
        rest = tail;
    }
    let mut limbs: Vec<u32> = (0..4).map(|k| (acc >> (32 * k)) as u32).collect();
    for &d in rest {
        mul_small(&mut limbs, base);
        add_small(&mut limbs, d as u32);
    }
    from_limbs(heap, neg, limbs)
}
