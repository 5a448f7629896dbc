//! Floats as `io_lib` writes them.
//!
//! `~w`/`~p` use OTP 25's shortest round-trip form (`float_to_list(F,
//! [short])`): the shortest digits that read back as the same float, in
//! decimal notation (`0.001`, `120.0`) or scientific notation (`1.0e-5`,
//! `1.2e3`), whichever is shorter, decimal on a tie; magnitudes of 2^53
//! and above are always scientific. Facts checked against OTP 25.
//!
//! `~f`, `~e` and `~g` start from the 21 significant digits of C's
//! `"%.20e"` (exactly rounded, half to even, as glibc does) and then round
//! that digit string half up to the requested precision, as OTP's
//! `io_lib_format` does; beyond 21 digits they write zeros (`~.25f` of
//! `0.1` is `0.1000000000000000055510000`).
//!
//! The digits come from [`crate::decimal`]. Text here is written into
//! `String`s, which abort when memory runs out; so does a failed digit
//! computation (a few hundred bytes at most), through the same handler.

use crate::bignum::BigError;
use crate::decimal;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

/// 2^53: from here on, the shortest form is always scientific.
const TWO_POW_53: f64 = 9_007_199_254_740_992.0;

/// The value of a digit computation, or the allocation-failure handler's
/// end, as a `String` that cannot grow would meet.
fn digits_of<T>(r: Result<T, BigError>) -> T {
    r.unwrap_or_else(
        |_| alloc::alloc::handle_alloc_error(core::alloc::Layout::new::<[usize; 64]>()),
    )
}

/// `f` as C's `%.De` prints it (`1.50e+00`): `D + 1` significant digits
/// rounded half to even, a two-digit exponent at least.
pub fn c_scientific(f: f64, d: usize) -> String {
    let (digits, exp) = digits_of(decimal::significant(f, d + 1));
    let mut out = String::new();
    if f.is_sign_negative() {
        out.push('-');
    }
    out.push(digits[0] as char);
    if d > 0 {
        out.push('.');
        push_digits(&mut out, &digits[1..]);
    }
    let sign = if exp < 0 { '-' } else { '+' };
    let _ = write!(out, "e{sign}{:02}", exp.unsigned_abs());
    out
}

/// Writes `f` in OTP's shortest round-trip form (`~w`).
pub fn write_float(out: &mut String, f: f64) {
    if f.is_sign_negative() {
        out.push('-');
    }
    let a = f.abs();
    if a == 0.0 {
        out.push_str("0.0");
        return;
    }
    let (digits, exp) = digits_of(decimal::shortest(a));
    let n = digits.len() as i32;
    let sci = scientific(&digits, exp);
    // Decimal length: integer part, point, fraction (at least one digit).
    let dec_len = if exp >= 0 {
        (exp + 1) + 1 + (n - exp - 1).max(1)
    } else {
        2 + (-exp - 1) + n
    };
    if a >= TWO_POW_53 || (sci.len() as i32) < dec_len {
        out.push_str(&sci);
        return;
    }
    let digit = |i: i32| {
        if (0..n).contains(&i) {
            digits[i as usize] as char
        } else {
            '0'
        }
    };
    if exp >= 0 {
        (0..=exp).for_each(|i| out.push(digit(i)));
        out.push('.');
        if n - exp - 1 > 0 {
            (exp + 1..n).for_each(|i| out.push(digit(i)));
        } else {
            out.push('0');
        }
    } else {
        out.push_str("0.");
        (0..-exp - 1).for_each(|_| out.push('0'));
        (0..n).for_each(|i| out.push(digit(i)));
    }
}

/// `d.ddde[-]x` with at least one fraction digit.
fn scientific(digits: &[u8], exp: i32) -> String {
    let mut s = String::new();
    s.push(digits[0] as char);
    s.push('.');
    if digits.len() > 1 {
        digits[1..].iter().for_each(|&d| s.push(d as char));
    } else {
        s.push('0');
    }
    let _ = write!(s, "e{exp}");
    s
}

/// The 21 significant digits of `"%.20e"` of `|f|` and the exponent of the
/// first one.
fn digits21(f: f64) -> (Vec<u8>, i32) {
    digits_of(decimal::significant(f, 21))
}

/// Rounds the digit string `ds` half up to its first `keep` digits (padding
/// with zeros when shorter); returns whether a carry came out of the top
/// (the digits are then `1000..`, still `keep` long).
fn round_half_up(ds: &mut Vec<u8>, keep: usize) -> bool {
    let round_up = ds.get(keep).is_some_and(|&d| d >= b'5');
    ds.resize(keep, b'0');
    if !round_up {
        return false;
    }
    for d in ds.iter_mut().rev() {
        if *d == b'9' {
            *d = b'0';
        } else {
            *d += 1;
            return false;
        }
    }
    if let Some(first) = ds.first_mut() {
        *first = b'1';
    }
    true
}

fn push_digits(out: &mut String, ds: &[u8]) {
    ds.iter().for_each(|&d| out.push(d as char));
}

/// `~.Pe`: `P` significant digits (`P >= 2`), exponent without padding
/// (`1.00000e+0`).
pub fn fwrite_e(f: f64, p: usize) -> String {
    let (mut ds, mut exp) = digits21(f);
    if round_half_up(&mut ds, p) {
        exp += 1;
    }
    let mut out = String::new();
    if f.is_sign_negative() {
        out.push('-');
    }
    push_digits(&mut out, &ds[..1]);
    out.push('.');
    push_digits(&mut out, &ds[1..]);
    let _ = write!(
        out,
        "e{}{}",
        if exp < 0 { '-' } else { '+' },
        exp.unsigned_abs()
    );
    out
}

/// `~.Pf`: `P` digits after the point (`P >= 1`).
pub fn fwrite_f(f: f64, p: usize) -> String {
    let (mut ds, exp) = digits21(f);
    // Number of digits before the point; values below 1 get zeros in front
    // so that the integer part is a single `0`.
    let mut int_len = exp + 1;
    if int_len <= 0 {
        let zeros = (1 - int_len) as usize;
        let mut padded = alloc::vec![b'0'; zeros];
        padded.extend_from_slice(&ds);
        ds = padded;
        int_len = 1;
    }
    let mut int_len = int_len as usize;
    if round_half_up(&mut ds, int_len + p) {
        // `99.95` -> `100.0`: the carry made one more integer digit.
        ds.push(b'0');
        int_len += 1;
    }
    let mut out = String::new();
    if f.is_sign_negative() {
        out.push('-');
    }
    push_digits(&mut out, &ds[..int_len]);
    out.push('.');
    push_digits(&mut out, &ds[int_len..]);
    out
}

/// `~.Pg`: `~f` with `P` significant digits for `0.1 <= |f| < 10000`,
/// else `~e` (`P >= 1`; precision 1 becomes 2 for `~e`).
pub fn fwrite_g(f: f64, p: usize) -> String {
    let a = f.abs();
    let e: i64 = if a < 0.1 {
        -2
    } else if a < 1.0 {
        -1
    } else if a < 10.0 {
        0
    } else if a < 100.0 {
        1
    } else if a < 1000.0 {
        2
    } else if a < 10000.0 {
        3
    } else {
        i64::MAX
    };
    let p = p as i64;
    if (p <= 1 && e == -1) || ((-1..=3).contains(&e) && p - 1 > e) {
        fwrite_f(f, (p - 1 - e) as usize)
    } else {
        fwrite_e(f, p.max(2) as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(f: f64) -> String {
        let mut s = String::new();
        write_float(&mut s, f);
        s
    }

    #[test]
    fn shortest_form_switches_like_otp() {
        // Expected strings produced by OTP 25 (io_lib:format("~w", [F])).
        let cases: &[(f64, &str)] = &[
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (100.0, "100.0"),
            (120.0, "120.0"),
            (1200.0, "1.2e3"),
            (1.0e-4, "0.0001"),
            (1.0e-5, "1.0e-5"),
            (1.234e-4, "1.234e-4"),
            (0.001234, "0.001234"),
            (9007199254740991.0, "9007199254740991.0"),
            (9007199254740992.0, "9.007199254740992e15"),
            (5.0e-324, "5.0e-324"),
            (0.30000000000000004, "0.30000000000000004"),
        ];
        for &(f, s) in cases {
            assert_eq!(w(f), s, "{f:e}");
        }
    }

    #[test]
    fn fixed_and_exponent_round_half_up_on_21_digits() {
        // Expected strings produced by OTP 25.
        assert_eq!(fwrite_f(0.125, 2), "0.13");
        assert_eq!(fwrite_f(2.675, 2), "2.67");
        assert_eq!(fwrite_f(9999.9999999, 6), "10000.000000");
        assert_eq!(fwrite_f(-4.0e-7, 6), "-0.000000");
        assert_eq!(fwrite_f(0.1, 25), "0.1000000000000000055510000");
        assert_eq!(fwrite_e(9.96, 2), "1.0e+1");
        assert_eq!(fwrite_e(5.0e-324, 6), "4.94066e-324");
        assert_eq!(fwrite_e(-0.0, 6), "-0.00000e+0");
        assert_eq!(fwrite_g(9999.5, 6), "9999.50");
        assert_eq!(fwrite_g(1.0, 1), "1.0e+0");
        assert_eq!(fwrite_g(0.5, 1), "0.5");
        assert_eq!(fwrite_g(0.05, 6), "5.00000e-2");
    }
}
