//! Floats to decimal digits.

use super::{log10_estimate, mag, mul_pow10, parts, shl, Mag};
use crate::bignum::digits;
use crate::bignum::divide::divrem;
use crate::bignum::radix;
use crate::bignum::BigError;
use alloc::vec::Vec;
use core::cmp::Ordering;

/// `|f|` as the exact ratio `num / den`.
fn ratio(f: f64) -> Result<(Mag, Mag), BigError> {
    let (m, e) = parts(f);
    if e >= 0 {
        Ok((shl(m, e as u32)?, mag(1)?))
    } else {
        Ok((mag(m)?, shl(1, e.unsigned_abs())?))
    }
}

/// `num·10^p / den`: quotient, remainder and the divisor used.
fn divide_scaled(num: &Mag, den: &Mag, p: i32) -> Result<(Mag, Mag, Mag), BigError> {
    let mut n = digits::copy(num, 0)?;
    let mut d = digits::copy(den, 0)?;
    if p >= 0 {
        mul_pow10(&mut n, p as u32)?;
    } else {
        mul_pow10(&mut d, p.unsigned_abs())?;
    }
    let (q, r) = divrem(&n, &d)?;
    Ok((q, r, d))
}

/// Rounds the quotient `q` of a division by `d` with remainder `r` to the
/// nearest integer: ties to even, or up.
fn round(q: &mut Mag, r: &Mag, d: &Mag, ties_even: bool) -> Result<(), BigError> {
    let up = match digits::cmp(&digits::shl(r, 1)?, d) {
        Ordering::Greater => true,
        Ordering::Less => false,
        Ordering::Equal => !ties_even || q.first().is_some_and(|&w| w & 1 == 1),
    };
    if up {
        digits::mul_word_add(q, 1, 1)?;
    }
    Ok(())
}

/// The decimal digits of `q` (`"0"` for zero).
fn text(q: &Mag) -> Result<Vec<u8>, BigError> {
    let mut out = Vec::new();
    radix::to_text(&mut out, q, 10, false, 0)?;
    Ok(out)
}

/// `floor(log10(|f|))` for a non-zero `f = num / den`.
fn exponent(num: &Mag, den: &Mag, f: f64) -> Result<i32, BigError> {
    let mut k = log10_estimate(f);
    // Step up while |f| >= 10^(k+1).
    while !divide_scaled(num, den, -(k + 1))?.0.is_empty() {
        k += 1;
    }
    Ok(k)
}

/// The first `n` (at least 1) significant digits of `|f|`, rounded half to
/// even on its exact value, and the exponent of the first; zero is `n`
/// zeros with exponent 0.
pub fn significant(f: f64, n: usize) -> Result<(Vec<u8>, i32), BigError> {
    let n = n.max(1);
    if f == 0.0 {
        return Ok((alloc::vec![b'0'; n], 0));
    }
    let (num, den) = ratio(f)?;
    let mut k = exponent(&num, &den, f)?;
    let (mut q, r, d) = divide_scaled(&num, &den, n as i32 - 1 - k)?;
    round(&mut q, &r, &d, true)?;
    let mut t = text(&q)?;
    if t.len() > n {
        // 9.96 to two digits: the carry made 10^n, one digit too many.
        t.truncate(n);
        k += 1;
    }
    Ok((t, k))
}

/// The digits of `round(|f|·10^p)`, ties up (away from zero): the digits of
/// `|f|` down to 10^-p, as `float_to_list(F, [{decimals, P}])` wants them.
pub fn scaled(f: f64, p: u32) -> Result<Vec<u8>, BigError> {
    let (num, den) = ratio(f)?;
    let (mut q, r, d) = divide_scaled(&num, &den, p as i32)?;
    round(&mut q, &r, &d, false)?;
    text(&q)
}

/// The shortest digits that read back as `|f|` (non-zero, finite) and the
/// exponent of the first; of equally short ones, the nearest to `|f|`,
/// ties to even.
///
/// Steele and White's free-format method, as Burger and Dybvig state it:
/// with `|f| = r/s` and the midpoints to its neighbours `(r ± m)/s`, digits
/// are generated until the digits so far, or the next number up at the
/// last digit, lie strictly between the midpoints (or on one, when the
/// mantissa is even: reading rounds a tie to the even mantissa).
pub fn shortest(f: f64) -> Result<(Vec<u8>, i32), BigError> {
    let (m, e) = parts(f);
    let even = m & 1 == 0;
    // The lower neighbour is half as far when `m` starts a binade.
    let closer = (m == 1 << 52 && e > -1074) as u32;
    let (up, down) = (e.max(0) as u32, (-e).max(0) as u32);
    // Doubled (and doubled again when `closer`) so that midpoints are
    // integers.
    let mut r = shl(m, up + 1 + closer)?;
    let mut s = shl(1, down + 1 + closer)?;
    let mut m_up = shl(1, up + closer)?;
    let mut m_down = shl(1, up)?;
    let mut k = log10_estimate(f) + 1;
    if k >= 0 {
        mul_pow10(&mut s, k as u32)?;
    } else {
        for v in [&mut r, &mut m_up, &mut m_down] {
            mul_pow10(v, k.unsigned_abs())?;
        }
    }
    // The upper midpoint, `high / s`; reaching 1 means reaching 10^k.
    let mut high = digits::add(&r, &m_up)?;
    let reaches = |high: &Mag, s: &Mag| match digits::cmp(high, s) {
        Ordering::Greater => true,
        Ordering::Equal => even,
        Ordering::Less => false,
    };
    // The smallest k with the interval below 10^k: the first digit is
    // then that of 10^(k-1).
    while reaches(&high, &s) {
        mul_pow10(&mut s, 1)?;
        k += 1;
    }
    let mut out = Vec::new();
    loop {
        for v in [&mut r, &mut high, &mut m_down] {
            mul_pow10(v, 1)?;
        }
        let mut d = 0u8;
        while digits::cmp(&r, &s) != Ordering::Less {
            digits::sub_in_place(&mut r, &s);
            digits::trim(&mut r);
            digits::sub_in_place(&mut high, &s);
            digits::trim(&mut high);
            d += 1;
        }
        let low = match digits::cmp(&r, &m_down) {
            Ordering::Less => true,
            Ordering::Equal => even,
            Ordering::Greater => false,
        };
        // When `high` is true, `d + 1` is a digit: the previous step (or
        // the choice of k) left the interval below the next unit up.
        let d = match (low, reaches(&high, &s)) {
            (false, false) => {
                out.push(b'0' + d);
                continue;
            }
            (true, false) => d,
            (false, true) => d + 1,
            (true, true) => match digits::cmp(&digits::shl(&r, 1)?, &s) {
                Ordering::Less => d,
                Ordering::Greater => d + 1,
                Ordering::Equal => d + (d & 1),
            },
        };
        out.push(b'0' + d);
        return Ok((out, k - 1));
    }
}
