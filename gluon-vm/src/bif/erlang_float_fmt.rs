//! `float_to_list/2` and `float_to_binary/1,2`: `{decimals, D}` (exact
//! value, ties rounded up, as OTP does), `{scientific, D}` (like C's
//! `%.De`, ties to even), `compact`, `short`; the last option wins. The
//! digits come from [`crate::decimal`].

use super::{native, BifDef, BifResult, Ctx, Exception};
use crate::format::c_scientific;
use crate::heap::Heap;
use crate::term::{atom, Term};
use alloc::string::String;

pub(crate) static BIFS: &[BifDef] = &[
    native("erlang", "float_to_list", 2, float_to_list2),
    native("erlang", "float_to_binary", 1, float_to_binary1),
    native("erlang", "float_to_binary", 2, float_to_binary2),
];

/// `{decimals, D}`: `|f|` rounded to `D` decimals, ties up; with
/// `compact`, trailing zeros of the fraction dropped (one stays). `badarg`
/// when the text before compacting is over 255 characters: OTP writes it
/// into a 256-byte buffer first.
fn decimals(f: f64, d: usize, compact: bool) -> Result<String, Exception> {
    // The digits of round(|f|·10^D), padded so that the integer part has
    // at least one.
    let mut digits = crate::decimal::scaled(f, d as u32)?;
    if digits.len() <= d {
        let pad = d + 1 - digits.len();
        digits.splice(0..0, core::iter::repeat_n(b'0', pad));
    }
    let neg = f.is_sign_negative();
    if neg as usize + digits.len() + (d > 0) as usize > 255 {
        return Err(Exception::badarg());
    }
    let (int, mut fr) = digits.split_at(digits.len() - d);
    if compact {
        while fr.len() > 1 && fr.last() == Some(&b'0') {
            fr = &fr[..fr.len() - 1];
        }
    }
    let mut s = String::new();
    if neg {
        s.push('-');
    }
    s.extend(int.iter().map(|&c| c as char));
    if !fr.is_empty() {
        s.push('.');
        s.extend(fr.iter().map(|&c| c as char));
    }
    Ok(s)
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
        Style::Decimals(d) => decimals(f, d, compact)?,
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
            assert_eq!(decimals(f, d, false).unwrap(), dec, "{f} decimals");
            assert_eq!(c_scientific(f, 1), sci, "{f} scientific");
        }
        assert_eq!(decimals(2.5, 4, true).unwrap(), "2.5");
        assert_eq!(decimals(100.0, 3, true).unwrap(), "100.0");
        assert_eq!(decimals(0.5, 0, false).unwrap(), "1");
        assert_eq!(decimals(2.5, 0, false).unwrap(), "3");
        // The 255-character limit counts the sign and the text before
        // compacting.
        assert_eq!(decimals(1.0e250, 4, true).unwrap().len(), 252);
        assert!(decimals(-1.0e250, 4, false).is_err());
        assert!(decimals(2.0229563831437332e247, 8, true).is_err());
        assert_eq!(c_scientific(2.5, 0), "2e+00");
        assert_eq!(c_scientific(3.5, 0), "4e+00");
        assert_eq!(c_scientific(5.0e-324, 3), "4.941e-324");
        assert_eq!(c_scientific(1.5, 20), "1.50000000000000000000e+00");
    }
}
