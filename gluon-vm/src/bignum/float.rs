//! Exact conversions between magnitudes and floats, and exact comparison.

use super::digits::{self, Word, BITS};
use super::BigError;
use alloc::vec::Vec;
use core::cmp::Ordering;

/// The bits `[from, from + 64)` of `a` as a `u64` (bits beyond `a` are 0).
fn bits_at(a: &[Word], from: usize) -> u64 {
    let mut r: u64 = 0;
    let mut got = 0u32;
    let mut pos = from;
    while got < 64 {
        let (w, s) = (pos / BITS as usize, pos as u32 % BITS);
        let Some(&d) = a.get(w) else { break };
        let part = (d >> s) as u64;
        r |= part << got;
        let took = BITS - s;
        got += took;
        pos += took as usize;
    }
    r
}

/// `mag` as the nearest float (ties to even), or `None` if it rounds to
/// 2^1024 or beyond.
pub fn to_f64(mag: &[Word]) -> Option<f64> {
    let mag = digits::trimmed(mag);
    let len = digits::bit_len(mag);
    if len <= 64 {
        // u64 → f64 rounds correctly.
        return Some(bits_at(mag, 0) as f64);
    }
    // Keep the top 64 bits and fold every lower bit into a sticky bit, so
    // the one rounding `u64 as f64` does is the exact one.
    let drop = len - 64;
    let top = bits_at(mag, drop) | digits::any_low_bits(mag, drop) as u64;
    // 2^drop built from its exponent bits (no `exp2`, whose 4 KB table
    // firmware would carry for this one use); from 2^1024 on the result,
    // at least 2^63 times that, is infinite anyway.
    if drop >= 1024 {
        return None;
    }
    let f = top as f64 * f64::from_bits((drop as u64 + 1023) << 52);
    f.is_finite().then_some(f)
}

/// The magnitude of a finite float with no fractional part.
pub fn from_integral(f: f64) -> Result<Vec<Word>, BigError> {
    let f = f.abs();
    if f < 18_446_744_073_709_551_616.0 {
        let n = f as u64;
        let mut v = alloc::vec![n as Word];
        if BITS < 64 {
            v.push((n >> 32) as Word);
        }
        digits::trim(&mut v);
        return Ok(v);
    }
    let bits = f.to_bits();
    let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let exp = ((bits >> 52) & 0x7ff) as usize - 1075;
    let m = if BITS < 64 {
        alloc::vec![mant as Word, (mant >> 32) as Word]
    } else {
        alloc::vec![mant as Word]
    };
    digits::shl(&m, exp)
}

/// Compares the signed magnitude `(neg, mag)` with the float `f` exactly.
pub fn cmp_f64(neg: bool, mag: &[Word], f: f64) -> Ordering {
    let mag = digits::trimmed(mag);
    let int_neg = neg && !mag.is_empty();
    let f_neg = f < 0.0;
    if int_neg != f_neg {
        return if int_neg {
            Ordering::Less
        } else {
            Ordering::Greater
        };
    }
    let t = libm::trunc(f);
    let mags = match from_integral(t) {
        Ok(m) => digits::cmp(mag, &m).then(if t != f {
            // Equal integer parts: the float's fraction makes it larger.
            Ordering::Less
        } else {
            Ordering::Equal
        }),
        // Out of memory for a float-sized number cannot really happen;
        // fall back to comparing magnitudes through floats.
        Err(_) => to_f64(mag)
            .and_then(|x| x.partial_cmp(&f.abs()))
            .unwrap_or(Ordering::Greater),
    };
    if int_neg {
        mags.reverse()
    } else {
        mags
    }
}
