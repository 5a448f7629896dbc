//! Arithmetic on magnitudes: little-endian slices of word digits.
//!
//! Results are `Vec`s that the caller trims with [`trim`]; inputs are
//! expected trimmed (no high zero digit) unless a function says otherwise.
//! A double word ([`Wide`]) holds every digit product plus carries.

use super::BigError;
use alloc::vec::Vec;
use core::cmp::Ordering;

/// One digit of a magnitude.
pub type Word = usize;
/// Bits in a digit.
pub const BITS: u32 = Word::BITS;

/// A double-width digit, for products and two-digit dividends.
#[cfg(target_pointer_width = "64")]
pub type Wide = u128;
/// A double-width digit, for products and two-digit dividends.
#[cfg(target_pointer_width = "32")]
pub type Wide = u64;

/// Operands at least this long (in digits) multiply by Karatsuba's method;
/// below it the schoolbook method is faster.
const KARATSUBA_MIN: usize = 32;

/// A zeroed vector of `n` digits, or `OutOfMemory` if it cannot be had.
pub fn zeros(n: usize) -> Result<Vec<Word>, BigError> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| BigError::OutOfMemory)?;
    v.resize(n, 0);
    Ok(v)
}

/// A copy of `a` with room for `extra` more digits.
pub fn copy(a: &[Word], extra: usize) -> Result<Vec<Word>, BigError> {
    let mut v = Vec::new();
    v.try_reserve_exact(a.len() + extra)
        .map_err(|_| BigError::OutOfMemory)?;
    v.extend_from_slice(a);
    Ok(v)
}

/// Drops high zero digits.
pub fn trim(v: &mut Vec<Word>) {
    while v.last() == Some(&0) {
        v.pop();
    }
}

/// `a` without its high zero digits.
pub fn trimmed(a: &[Word]) -> &[Word] {
    let n = a.iter().rposition(|&d| d != 0).map_or(0, |p| p + 1);
    &a[..n]
}

/// Compares two trimmed magnitudes.
pub fn cmp(a: &[Word], b: &[Word]) -> Ordering {
    a.len()
        .cmp(&b.len())
        .then_with(|| a.iter().rev().cmp(b.iter().rev()))
}

/// The number of significant bits of a trimmed magnitude.
pub fn bit_len(a: &[Word]) -> usize {
    match a.last() {
        None => 0,
        Some(&top) => a.len() * BITS as usize - top.leading_zeros() as usize,
    }
}

/// `a += b` over `a`'s length (which must be at least `b`'s); returns the
/// carry out of the top digit.
pub fn add_in_place(a: &mut [Word], b: &[Word]) -> bool {
    let mut carry = false;
    for (i, x) in a.iter_mut().enumerate() {
        let y = b.get(i).copied().unwrap_or(0);
        if i >= b.len() && !carry {
            break;
        }
        let (s, c1) = x.overflowing_add(y);
        let (s, c2) = s.overflowing_add(carry as Word);
        *x = s;
        carry = c1 || c2;
    }
    carry
}

/// `a -= b` over `a`'s length (at least `b`'s); returns the borrow out.
pub fn sub_in_place(a: &mut [Word], b: &[Word]) -> bool {
    let mut borrow = false;
    for (i, x) in a.iter_mut().enumerate() {
        let y = b.get(i).copied().unwrap_or(0);
        if i >= b.len() && !borrow {
            break;
        }
        let (s, c1) = x.overflowing_sub(y);
        let (s, c2) = s.overflowing_sub(borrow as Word);
        *x = s;
        borrow = c1 || c2;
    }
    borrow
}

/// `a + b`.
pub fn add(a: &[Word], b: &[Word]) -> Result<Vec<Word>, BigError> {
    let (a, b) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let mut v = copy(a, 1)?;
    if add_in_place(&mut v, b) {
        v.push(1);
    }
    Ok(v)
}

/// `a - b` for `a >= b`.
pub fn sub(a: &[Word], b: &[Word]) -> Result<Vec<Word>, BigError> {
    let mut v = copy(a, 0)?;
    sub_in_place(&mut v, b);
    trim(&mut v);
    Ok(v)
}

/// `a * b`.
pub fn mul(a: &[Word], b: &[Word]) -> Result<Vec<Word>, BigError> {
    if a.is_empty() || b.is_empty() {
        return Ok(Vec::new());
    }
    let mut out = zeros(a.len() + b.len())?;
    mul_into(&mut out, a, b)?;
    trim(&mut out);
    Ok(out)
}

/// `out += a * b`; `out` has at least `a.len() + b.len()` digits and the
/// sum fits in it.
fn mul_into(out: &mut [Word], a: &[Word], b: &[Word]) -> Result<(), BigError> {
    let (a, b) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    if b.len() < KARATSUBA_MIN {
        mul_school(out, a, b);
        return Ok(());
    }
    if a.len() >= 2 * b.len() {
        // Unbalanced: multiply `b` by slices of `a` of its own length.
        for (k, part) in a.chunks(b.len()).enumerate() {
            let at = k * b.len();
            mul_into(&mut out[at..], part, b)?;
        }
        return Ok(());
    }
    karatsuba(out, a, b)
}

/// Schoolbook `out += a * b`.
fn mul_school(out: &mut [Word], a: &[Word], b: &[Word]) {
    for (j, &y) in b.iter().enumerate() {
        if y == 0 {
            continue;
        }
        let mut carry: Word = 0;
        for (i, &x) in a.iter().enumerate() {
            let t = x as Wide * y as Wide + out[i + j] as Wide + carry as Wide;
            out[i + j] = t as Word;
            carry = (t >> BITS) as Word;
        }
        let mut k = a.len() + j;
        while carry != 0 && k < out.len() {
            let (s, c) = out[k].overflowing_add(carry);
            out[k] = s;
            carry = c as Word;
            k += 1;
        }
    }
}

/// Karatsuba `out += a * b` for `b.len() <= a.len() < 2 * b.len()`:
/// with `a = a1·B^m + a0` and `b = b1·B^m + b0`, three half-size products
/// `a0·b0`, `a1·b1` and `(a0+a1)(b0+b1)` replace four.
fn karatsuba(out: &mut [Word], a: &[Word], b: &[Word]) -> Result<(), BigError> {
    let m = b.len() / 2;
    let (a0, a1) = (trimmed(&a[..m]), &a[m..]);
    let (b0, b1) = (trimmed(&b[..m]), &b[m..]);
    let z0 = mul(a0, b0)?;
    let z2 = mul(a1, b1)?;
    let sa = add(a0, a1)?;
    let sb = add(b0, b1)?;
    let mut z1 = mul(trimmed(&sa), trimmed(&sb))?;
    // z1 = (a0+a1)(b0+b1) - z0 - z2 = a0·b1 + a1·b0 >= 0.
    sub_in_place(&mut z1, &z0);
    sub_in_place(&mut z1, &z2);
    trim(&mut z1);
    add_in_place(&mut out[..], &z0);
    add_in_place(&mut out[m..], &z1);
    add_in_place(&mut out[2 * m..], &z2);
    Ok(())
}

/// `v = v * m + a`, growing `v` as needed.
pub fn mul_word_add(v: &mut Vec<Word>, m: Word, a: Word) -> Result<(), BigError> {
    let mut carry = a;
    for d in v.iter_mut() {
        let t = *d as Wide * m as Wide + carry as Wide;
        *d = t as Word;
        carry = (t >> BITS) as Word;
    }
    if carry != 0 {
        v.try_reserve(1).map_err(|_| BigError::OutOfMemory)?;
        v.push(carry);
    }
    Ok(())
}

/// Divides `v` in place by a non-zero `d`; returns the remainder.
pub fn div_word(v: &mut [Word], d: Word) -> Word {
    let mut rem: Word = 0;
    for x in v.iter_mut().rev() {
        let cur = ((rem as Wide) << BITS) | *x as Wide;
        *x = (cur / d as Wide) as Word;
        rem = (cur % d as Wide) as Word;
    }
    rem
}

/// `a << bits`.
pub fn shl(a: &[Word], bits: usize) -> Result<Vec<Word>, BigError> {
    let (words, s) = (bits / BITS as usize, bits as u32 % BITS);
    let mut v = zeros(words + a.len() + 1)?;
    for (i, &d) in a.iter().enumerate() {
        v[words + i] |= d << s;
        if s != 0 {
            v[words + i + 1] = d >> (BITS - s);
        }
    }
    trim(&mut v);
    Ok(v)
}

/// `a >> bits` (truncating).
pub fn shr(a: &[Word], bits: usize) -> Result<Vec<Word>, BigError> {
    let (words, s) = (bits / BITS as usize, bits as u32 % BITS);
    if words >= a.len() {
        return Ok(Vec::new());
    }
    let mut v = zeros(a.len() - words)?;
    for (i, x) in v.iter_mut().enumerate() {
        let lo = a[words + i] >> s;
        let hi = match (s, a.get(words + i + 1)) {
            (0, _) | (_, None) => 0,
            (_, Some(&h)) => h << (BITS - s),
        };
        *x = lo | hi;
    }
    trim(&mut v);
    Ok(v)
}

/// Whether any of the low `bits` bits of `a` is set.
pub fn any_low_bits(a: &[Word], bits: usize) -> bool {
    let (words, s) = (bits / BITS as usize, bits as u32 % BITS);
    if a.iter().take(words).any(|&d| d != 0) {
        return true;
    }
    s != 0 && a.get(words).is_some_and(|&d| d & ((1 << s) - 1) != 0)
}
