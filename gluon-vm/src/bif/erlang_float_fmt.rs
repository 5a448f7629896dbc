//! `float_to_list/2` and `float_to_binary/1,2`: `{decimals, D}` (exact
//! value, ties rounded up, as OTP does), `{scientific, D}` (like C's
//! `%.De`, ties to even), `compact`, `short`; the last option wins.

use super::{native, BifDef, BifResult, Ctx, Exception};
use crate::heap::Heap;
use crate::term::{atom, Term};
use alloc::string::String;
use alloc::vec::Vec;

pub(crate) static BIFS: &[BifDef] = &[
    native("erlang", "float_to_list", 2, float_to_list2),
    native("erlang", "float_to_binary", 1, float_to_binary1),
    native("erlang", "float_to_binary", 2, float_to_binary2),
];

/// The exact decimal digits of a finite, non-negative `f` and the position
/// of the decimal point (digits before it). An f64 is m·2^e, which is
/// m·5^-e / 10^-e for negative e: both are integers a little arithmetic on
/// base-10^9 limbs can expand exactly.
fn exact_decimal(f: f64) -> (Vec<u8>, i32) {
    let bits = f.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), biased - 1075)
    };
    // Little-endian base-10^9 limbs.
    let mut limbs: Vec<u64> = alloc::vec![
        m % 1_000_000_000,
        m / 1_000_000_000 % 1_000_000_000,
        m / 1_000_000_000_000_000_000
    ];
    let mul = |limbs: &mut Vec<u64>, k: u64| {
        let mut carry = 0u64;
        for l in limbs.iter_mut() {
            let v = *l * k + carry;
            *l = v % 1_000_000_000;
            carry = v / 1_000_000_000;
        }
        while carry > 0 {
            limbs.push(carry % 1_000_000_000);
            carry /= 1_000_000_000;
        }
    };
    let (times, factor) = if e >= 0 { (e, 2) } else { (-e, 5) };
    for _ in 0..times {
        mul(&mut limbs, factor);
    }
    let mut digits: Vec<u8> = Vec::new();
    for (i, l) in limbs.iter().enumerate().rev() {
        let s = alloc::format!("{l:09}");
        digits.extend(s.bytes().map(|b| b - b'0'));
        let _ = i;
    }
    let first = digits.iter().position(|&d| d != 0).unwrap_or(digits.len());
    digits.drain(..first);
    let point = digits.len() as i32 + if e >= 0 { 0 } else { e };
    if digits.is_empty() {
        return (alloc::vec![0], 1);
    }
    (digits, point)
}

/// Rounds `digits` to keep `keep` of them (adding a digit on carry-out);
/// returns whether a carry added a leading digit.
fn round_at(digits: &mut Vec<u8>, keep: usize, ties_even: bool) -> bool {
    if digits.len() <= keep {
        digits.resize(keep, 0);
        return false;
    }
    let rest = &digits[keep..];
    let up = match rest[0].cmp(&5) {
        core::cmp::Ordering::Greater => true,
        core::cmp::Ordering::Less => false,
        core::cmp::Ordering::Equal => {
            let beyond = rest[1..].iter().any(|&d| d != 0);
            beyond || !ties_even || keep.checked_sub(1).is_some_and(|i| digits[i] % 2 == 1)
        }
    };
    digits.truncate(keep);
    if up {
        let mut i = keep;
        loop {
            if i == 0 {
                digits.insert(0, 1);
                return true;
            }
            i -= 1;
            if digits[i] == 9 {
                digits[i] = 0;
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    false
}

/// `{decimals, D}`.
fn decimals(f: f64, d: usize, compact: bool) -> String {
    let (mut digits, point) = exact_decimal(f.abs());
    // Pad with leading zeros so the point falls inside the digits.
    let mut point = point;
    if point < 1 {
        let pad = (1 - point) as usize;
        digits.splice(0..0, core::iter::repeat_n(0, pad));
        point = 1;
    }
    let keep = point as usize + d;
    if round_at(&mut digits, keep, false) {
        point += 1;
    }
    let mut s = String::new();
    if f.is_sign_negative() {
        s.push('-');
    }
    let (int, fr) = digits.split_at(point as usize);
    s.extend(int.iter().map(|&c| (b'0' + c) as char));
    let mut fr: Vec<u8> = fr.to_vec();
    if compact {
        while fr.len() > 1 && fr.last() == Some(&0) {
            fr.pop();
        }
    }
    if !fr.is_empty() {
        s.push('.');
        s.extend(fr.iter().map(|&c| (b'0' + c) as char));
    }
    s
}

/// `f` as C's `%.De` prints it (`1.50e+00`). Rust's exact-precision
/// formatting already rounds the exact binary value half to even, as
/// glibc does; only the exponent is spelled differently (`e0`).
pub(crate) fn c_scientific(f: f64, d: usize) -> String {
    let t = alloc::format!("{f:.d$e}");
    let Some((mantissa, exp)) = t.split_once('e') else {
        return t; // not finite: Erlang floats never are
    };
    let (sign, digits) = match exp.strip_prefix('-') {
        Some(rest) => ('-', rest),
        None => ('+', exp),
    };
    alloc::format!("{mantissa}e{sign}{digits:0>2}")
}

/// The text `float_to_list(F, Opts)` produces.
fn render(f: f64, opts: Term) -> Result<String, Exception> {
    #[derive(Copy, Clone)]
    enum Style {
        Default,
        Decimals(usize),
        Scientific(usize),
        Short,
    }
    let mut style = Style::Default;
    let mut compact = false;
    for o in Heap::list_to_vec(opts).ok_or_else(Exception::badarg)? {
        if o == Term::atom(atom::COMPACT) {
            compact = true;
        } else if o == Term::atom(atom::SHORT) {
            style = Style::Short;
        } else {
            match o.as_tuple() {
                Some(&[k, n]) if k == Term::atom(atom::DECIMALS) => {
                    let n = n
                        .as_small()
                        .filter(|&n| (0..=253).contains(&n))
                        .ok_or_else(Exception::badarg)?;
                    style = Style::Decimals(n as usize);
                }
                Some(&[k, n]) if k == Term::atom(atom::SCIENTIFIC) => {
                    let n = n
                        .as_small()
                        .filter(|&n| (0..=249).contains(&n))
                        .ok_or_else(Exception::badarg)?;
                    style = Style::Scientific(n as usize);
                }
                _ => return Err(Exception::badarg()),
            }
        }
    }
    Ok(match style {
        Style::Default => c_scientific(f, 20),
        Style::Scientific(d) => c_scientific(f, d),
        Style::Short => {
            let mut s = String::new();
            crate::format::write_float(&mut s, f);
            s
        }
        Style::Decimals(d) => {
            let s = decimals(f, d, compact);
            // OTP formats into a 256-byte buffer.
            if s.len() > 255 {
                return Err(Exception::badarg());
            }
            s
        }
    })
}

fn float_arg(t: Term) -> Result<f64, Exception> {
    t.as_float().ok_or_else(Exception::badarg)
}

fn float_to_list2(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let s = render(float_arg(a[0])?, a[1])?;
    Ok(ctx.heap.string(s.as_bytes())?)
}

fn float_to_binary1(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let s = c_scientific(float_arg(a[0])?, 20);
    Ok(crate::binary::new_heap_binary(ctx.heap, s.as_bytes())?)
}

fn float_to_binary2(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let s = render(float_arg(a[0])?, a[1])?;
    Ok(crate::binary::new_heap_binary(ctx.heap, s.as_bytes())?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_otp_25() {
        // Expected strings printed by OTP 25's float_to_list/2.
        let cases: &[(f64, usize, &str, &str)] = &[
            (0.125, 2, "0.13", "1.2e-01"),
            (2.675, 2, "2.67", "2.7e+00"),
            (1.005, 2, "1.00", "1.0e+00"),
            (0.375, 2, "0.38", "3.8e-01"),
            (1.0e20, 2, "100000000000000000000.00", "1.0e+20"),
            (1.0e23, 2, "99999999999999991611392.00", "1.0e+23"),
            (123.456, 2, "123.46", "1.2e+02"),
            (-0.0, 2, "-0.00", "-0.0e+00"),
            (1.0e-10, 2, "0.00", "1.0e-10"),
        ];
        for &(f, d, dec, sci) in cases {
            assert_eq!(decimals(f, d, false), dec, "{f} decimals");
            assert_eq!(c_scientific(f, 1), sci, "{f} scientific");
        }
        assert_eq!(decimals(2.5, 4, true), "2.5");
        assert_eq!(decimals(100.0, 3, true), "100.0");
        assert_eq!(decimals(0.5, 0, false), "1");
        assert_eq!(decimals(2.5, 0, false), "3");
        assert_eq!(c_scientific(2.5, 0), "2e+00");
        assert_eq!(c_scientific(3.5, 0), "4e+00");
        assert_eq!(c_scientific(5.0e-324, 3), "4.941e-324");
        assert_eq!(c_scientific(1.5, 20), "1.50000000000000000000e+00");
    }
}
