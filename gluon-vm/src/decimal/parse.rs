//! Decimal text to floats.

use super::{mag, mul_pow10, Mag};
use crate::bignum::digits::{self, Word};
use crate::bignum::divide::divrem;
use crate::bignum::radix;
use crate::bignum::BigError;
use alloc::vec::Vec;

/// Significant digits kept; the rest only tell whether any is non-zero.
/// Deciding between two floats never needs more than 768 digits (the
/// longest midpoint between two floats has 767), so the rounding of 800
/// digits and a sticky one is that of the whole text.
const KEPT_DIGITS: usize = 800;

/// The float nearest to the decimal `text`, ties to even: text of the form
/// `[+-]D*[(.|,)D*][(e|E)[+-]D+]`, whose syntax the caller has checked
/// (anything else ends the number). `None` when it rounds beyond the
/// largest float; below half the smallest subnormal it is zero, with the
/// text's sign.
pub fn parse(text: &[u8]) -> Result<Option<f64>, BigError> {
    let (neg, text) = match text.first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    // Digit values from the first non-zero digit on, with the value being
    // `digits · 10^exp`.
    let mut ds: Vec<u8> = Vec::new();
    let mut exp: i64 = 0;
    let mut sticky = false;
    let mut point = false;
    let mut i = 0;
    while let Some(&c) = text.get(i) {
        match c {
            b'0'..=b'9' => {
                if ds.len() < KEPT_DIGITS {
                    if !ds.is_empty() || c != b'0' {
                        ds.try_reserve(1).map_err(|_| BigError::OutOfMemory)?;
                        ds.push(c - b'0');
                    }
                    exp -= point as i64;
                } else {
                    sticky |= c != b'0';
                    exp += !point as i64;
                }
            }
            b'.' | b',' if !point => point = true,
            _ => break,
        }
        i += 1;
    }
    if matches!(text.get(i), Some(b'e' | b'E')) {
        exp = exp.saturating_add(exponent(&text[i + 1..]));
    }
    if sticky {
        ds.try_reserve(1).map_err(|_| BigError::OutOfMemory)?;
        ds.push(1);
        exp -= 1;
    }
    // The decimal exponent of the first digit bounds the value: from 10^309
    // on it is beyond the largest float (1.8·10^308), below 10^-324 it is
    // under half the smallest subnormal (4.9·10^-324).
    let lead = ds.len() as i64 - 1 + exp;
    if ds.is_empty() || lead < -324 {
        return Ok(Some(if neg { -0.0 } else { 0.0 }));
    }
    if lead >= 309 {
        return Ok(None);
    }
    let mut num = radix::from_digit_values(&ds, 10)?;
    let mut den = mag(1)?;
    if exp >= 0 {
        mul_pow10(&mut num, exp as u32)?;
    } else {
        mul_pow10(&mut den, exp.unsigned_abs() as u32)?;
    }
    // Scale by 2^t so that the quotient has 63 or 64 bits: the value is
    // within a factor of two of 2^est.
    let est = digits::bit_len(&num) as i64 - digits::bit_len(&den) as i64;
    let t = 63 - est;
    if t >= 0 {
        num = digits::shl(&num, t as usize)?;
    } else {
        den = digits::shl(&den, t.unsigned_abs() as usize)?;
    }
    let (q, r) = divrem(&num, &den)?;
    Ok(assemble(to_u64(&q), t, !r.is_empty()).map(|f| if neg { -f } else { f }))
}

/// The exponent after `e`: `[+-]D+`, saturated far beyond any float's.
fn exponent(text: &[u8]) -> i64 {
    let (neg, text) = match text.first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let v = text
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .fold(0i64, |v, &c| (v * 10 + (c - b'0') as i64).min(1 << 40));
    if neg {
        -v
    } else {
        v
    }
}

/// A magnitude known to fit in 64 bits.
fn to_u64(q: &Mag) -> u64 {
    q.iter().enumerate().fold(0, |v, (i, &w)| {
        v | (w as u64).checked_shl(i as u32 * Word::BITS).unwrap_or(0)
    })
}

/// The float nearest to `(q + x)·2^-t`, where `0 <= x < 1` and `x > 0`
/// exactly when `sticky`, ties to even; `q` has 63 or 64 bits. `None` when
/// that rounds beyond the largest float.
fn assemble(q: u64, t: i64, sticky: bool) -> Option<f64> {
    let msb = 63 - q.leading_zeros() as i64;
    let mut exp = msb - t;
    if exp > 1023 {
        return None;
    }
    // Bits below the last one kept: 53 are kept of a normal float, those
    // down to 2^-1074 of a subnormal.
    let shift = if exp >= -1022 { msb - 52 } else { t - 1074 };
    let (mut mant, up) = if shift >= 64 {
        // Everything is below the last bit: only a value of at least half
        // of it (shift 64, top bit set) can round up to it.
        let half = 1 << 63;
        (0, shift == 64 && (q > half || (q == half && sticky)))
    } else {
        let (rest, half) = (q & ((1 << shift) - 1), 1 << (shift - 1));
        let mant = q >> shift;
        (
            mant,
            rest > half || (rest == half && (sticky || mant & 1 == 1)),
        )
    };
    mant += up as u64;
    if exp < -1022 {
        // A subnormal; one that rounded up to 2^52 is the smallest normal,
        // which has the same bits.
        return Some(f64::from_bits(mant));
    }
    if mant == 1 << 53 {
        mant >>= 1;
        exp += 1;
        if exp > 1023 {
            return None;
        }
    }
    Some(f64::from_bits(
        ((exp + 1023) as u64) << 52 | (mant & ((1 << 52) - 1)),
    ))
}
