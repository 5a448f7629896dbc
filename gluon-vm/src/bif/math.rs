//! The `math` module, over the `libm` crate.
//!
//! As on the BEAM: arguments may be integers or floats (`badarg` for other
//! terms; `badarith` for integers beyond the float range), and a result
//! that is not a finite number (a domain error, a pole, an overflow)
//! raises `badarith`. `libm` is a port of musl's; for a few functions its
//! last bit can differ from glibc's (which the BEAM on Linux uses).

use super::erlang_int;
use super::{native, BifDef, BifResult, Ctx, Exception};
use crate::term::Term;

/// Natives of module `math`.
pub(crate) static BIFS: &[BifDef] = &[
    native("math", "pi", 0, pi),
    native("math", "tau", 0, tau),
    native("math", "sin", 1, sin),
    native("math", "cos", 1, cos),
    native("math", "tan", 1, tan),
    native("math", "asin", 1, asin),
    native("math", "acos", 1, acos),
    native("math", "atan", 1, atan),
    native("math", "sinh", 1, sinh),
    native("math", "cosh", 1, cosh),
    native("math", "tanh", 1, tanh),
    native("math", "asinh", 1, asinh),
    native("math", "acosh", 1, acosh),
    native("math", "atanh", 1, atanh),
    native("math", "exp", 1, exp),
    native("math", "log", 1, log),
    native("math", "log2", 1, log2),
    native("math", "log10", 1, log10),
    native("math", "sqrt", 1, sqrt),
    native("math", "erf", 1, erf),
    native("math", "erfc", 1, erfc),
    native("math", "ceil", 1, ceil),
    native("math", "floor", 1, floor),
    native("math", "atan2", 2, atan2),
    native("math", "pow", 2, pow),
    native("math", "fmod", 2, fmod),
];

/// A numeric argument as a float.
fn num(args: &[Term], i: usize) -> Result<f64, Exception> {
    let t = args.get(i).copied().unwrap_or(Term::NIL);
    if let Some(f) = t.as_float() {
        return Ok(f);
    }
    if !t.is_integer() {
        return Err(Exception::badarg());
    }
    erlang_int::to_f64(t).ok_or_else(Exception::badarith)
}

/// A float result, `badarith` unless finite.
fn result(ctx: &mut Ctx, r: f64) -> BifResult {
    if r.is_finite() {
        Ok(ctx.heap.float(r)?)
    } else {
        Err(Exception::badarith())
    }
}

fn unary(ctx: &mut Ctx, args: &[Term], f: fn(f64) -> f64) -> BifResult {
    let x = num(args, 0)?;
    result(ctx, f(x))
}

fn binary(ctx: &mut Ctx, args: &[Term], f: fn(f64, f64) -> f64) -> BifResult {
    let (x, y) = (num(args, 0)?, num(args, 1)?);
    result(ctx, f(x, y))
}

/// `math:pi()`.
pub fn pi(ctx: &mut Ctx, _: &[Term]) -> BifResult {
    result(ctx, core::f64::consts::PI)
}

/// `math:tau()` (OTP 26 and later).
pub fn tau(ctx: &mut Ctx, _: &[Term]) -> BifResult {
    result(ctx, core::f64::consts::TAU)
}

macro_rules! unary_natives {
    ($($name:ident),* $(,)?) => {$(
        #[doc = concat!("`math:", stringify!($name), "/1`.")]
        pub fn $name(ctx: &mut Ctx, args: &[Term]) -> BifResult {
            unary(ctx, args, libm::$name)
        }
    )*};
}

unary_natives!(
    sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, asinh, acosh, atanh, exp, log, log2, log10,
    sqrt, erf, erfc, ceil, floor,
);

/// `math:atan2/2`.
pub fn atan2(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    binary(ctx, args, libm::atan2)
}

/// `math:pow/2`.
pub fn pow(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    binary(ctx, args, libm::pow)
}

/// `math:fmod/2`.
pub fn fmod(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    binary(ctx, args, libm::fmod)
}

#[cfg(test)]
mod tests {
    use super::super::erlang_testkit::check;
    use super::BIFS;

    /// Checked against OTP 25 (values exact in every libm).
    #[rustfmt::skip]
    const CASES: &[(&str, &str, &str)] = &[
        ("sqrt", "[4]", "2.0"),
        ("sqrt", "[-0.0]", "-0.0"),
        ("sqrt", "[-1]", "!badarith"),
        ("log", "[0]", "!badarith"),
        ("log", "[-0.0]", "!badarith"),
        ("log", "[a]", "!badarg"),
        ("log", "[1]", "0.0"),
        ("exp", "[1000]", "!badarith"),
        ("exp", "[-1000]", "0.0"),
        ("acos", "[2]", "!badarith"),
        ("atanh", "[1]", "!badarith"),
        ("acosh", "[0.5]", "!badarith"),
        ("pow", "[0, -1]", "!badarith"),
        ("pow", "[-8, 0.3333333333333333]", "!badarith"),
        ("pow", "[2, 1024]", "!badarith"),
        ("pow", "[0, 0]", "1.0"),
        ("pow", "[2, 10]", "1024.0"),
        ("fmod", "[1, 0]", "!badarith"),
        ("fmod", "[-7, 2]", "-1.0"),
        ("fmod", "[5.5, a]", "!badarg"),
        ("atan2", "[0, 0]", "0.0"),
        ("atan2", "[-0.0, -1]", "-3.141592653589793"),
        ("floor", "[-2.5]", "-3.0"),
        ("ceil", "[3]", "3.0"),
        ("floor", "[1208925819614629174706176]", "1.2089258196146292e24"),
        ("sin", "[0]", "0.0"),
        ("cosh", "[1000]", "!badarith"),
        ("log2", "[1024]", "10.0"),
        ("log10", "[1000]", "3.0"),
        ("log10", "[-1]", "!badarith"),
        ("pi", "[]", "3.141592653589793"),
    ];

    #[test]
    fn math_matches_otp() {
        check(BIFS, CASES);
    }
}
