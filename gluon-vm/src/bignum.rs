//! Integers beyond the small range, stored as boxed magnitudes.
//!
//! Layout: `[header(PosBig|NegBig, n)] d0 d1 .. d(n-1)` — little-endian
//! word-sized digits of the magnitude, no leading zero digit. A value that
//! fits in a small integer is always a small: bignums are normalized.

use crate::heap::{Heap, OutOfMemory};
use crate::term::{HeaderTag, Ordering, Term};

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

/// A bignum's value as the nearest float, or `None` for other terms or
/// values beyond the float range.
pub fn to_f64(t: Term) -> Option<f64> {
    let (neg, d) = as_big(t)?;
    let mut f = 0.0f64;
    for &w in d.iter().rev() {
        f = f * libm::exp2(usize::BITS as f64) + w as f64;
    }
    if !f.is_finite() {
        return None;
    }
    Some(if neg { -f } else { f })
}
