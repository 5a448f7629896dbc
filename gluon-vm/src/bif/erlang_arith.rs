//! Arithmetic natives: `+ - * / div rem`, the bitwise operators, `abs`,
//! `float` and rounding.
//!
//! Integers go through [`super::erlang_int`]; a float on either side makes
//! the operation a float one, which raises `badarith` on a non-finite
//! result, as the BEAM does.

use super::erlang_int::{self as int, IntOp};
use super::{native, BifDef, BifResult, Ctx, Exception};
use crate::term::Term;

/// Arithmetic natives of module `erlang`.
pub(crate) static BIFS: &[BifDef] = &[
    native("erlang", "+", 2, add),
    native("erlang", "-", 2, sub),
    native("erlang", "*", 2, mul),
    native("erlang", "/", 2, fdiv),
    native("erlang", "div", 2, div),
    native("erlang", "rem", 2, rem),
    native("erlang", "band", 2, band),
    native("erlang", "bor", 2, bor),
    native("erlang", "bxor", 2, bxor),
    native("erlang", "bsl", 2, bsl),
    native("erlang", "bsr", 2, bsr),
    native("erlang", "-", 1, neg),
    native("erlang", "+", 1, plus),
    native("erlang", "bnot", 1, bnot),
    native("erlang", "abs", 1, abs),
    native("erlang", "float", 1, float),
    native("erlang", "round", 1, round),
    native("erlang", "trunc", 1, trunc),
    native("erlang", "ceil", 1, ceil),
    native("erlang", "floor", 1, floor),
];

/// A number as a float for mixed arithmetic, or `None`.
fn num_f64(t: Term) -> Option<f64> {
    match t.as_float() {
        Some(f) => Some(f),
        None if t.is_integer() => int::to_f64(t),
        None => None,
    }
}

/// `a op b` where `op` is `+`, `-` or `*`.
fn arith(ctx: &mut Ctx, op: IntOp, a: Term, b: Term) -> BifResult {
    if a.is_integer() && b.is_integer() {
        return int::binop(ctx.heap, op, a, b);
    }
    let (Some(x), Some(y)) = (num_f64(a), num_f64(b)) else {
        return Err(Exception::badarith());
    };
    let r = match op {
        IntOp::Add => x + y,
        IntOp::Sub => x - y,
        _ => x * y,
    };
    finite(ctx, r)
}

fn finite(ctx: &mut Ctx, r: f64) -> BifResult {
    if r.is_finite() {
        Ok(ctx.heap.float(r)?)
    } else {
        Err(Exception::badarith())
    }
}

/// An integer-only operation: `badarith` unless both are integers.
fn int_only(ctx: &mut Ctx, op: IntOp, a: Term, b: Term) -> BifResult {
    if a.is_integer() && b.is_integer() {
        int::binop(ctx.heap, op, a, b)
    } else {
        Err(Exception::badarith())
    }
}

fn args2(args: &[Term]) -> (Term, Term) {
    (
        args.first().copied().unwrap_or(Term::NIL),
        args.get(1).copied().unwrap_or(Term::NIL),
    )
}

fn arg(args: &[Term]) -> Term {
    args.first().copied().unwrap_or(Term::NIL)
}

/// `erlang:'+'/2`.
pub fn add(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let (a, b) = args2(args);
    arith(ctx, IntOp::Add, a, b)
}

/// `erlang:'-'/2`.
pub fn sub(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let (a, b) = args2(args);
    arith(ctx, IntOp::Sub, a, b)
}

/// `erlang:'*'/2`.
pub fn mul(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let (a, b) = args2(args);
    arith(ctx, IntOp::Mul, a, b)
}

/// `erlang:'/'/2`: always a float; dividing by zero is `badarith`.
pub fn fdiv(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let (a, b) = args2(args);
    match (num_f64(a), num_f64(b)) {
        (Some(x), Some(y)) if y != 0.0 => finite(ctx, x / y),
        _ => Err(Exception::badarith()),
    }
}

/// `erlang:'div'/2`: truncating integer division.
pub fn div(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let (a, b) = args2(args);
    int_only(ctx, IntOp::Div, a, b)
}

/// `erlang:'rem'/2`: remainder with the sign of the dividend.
pub fn rem(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let (a, b) = args2(args);
    int_only(ctx, IntOp::Rem, a, b)
}

/// `erlang:'band'/2`.
pub fn band(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let (a, b) = args2(args);
    int_only(ctx, IntOp::Band, a, b)
}

/// `erlang:'bor'/2`.
pub fn bor(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let (a, b) = args2(args);
    int_only(ctx, IntOp::Bor, a, b)
}

/// `erlang:'bxor'/2`.
pub fn bxor(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let (a, b) = args2(args);
    int_only(ctx, IntOp::Bxor, a, b)
}

/// `erlang:'bsl'/2` (a negative count shifts right).
pub fn bsl(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let (a, b) = args2(args);
    int_only(ctx, IntOp::Bsl, a, b)
}

/// `erlang:'bsr'/2` (arithmetic shift; a negative count shifts left).
pub fn bsr(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let (a, b) = args2(args);
    int_only(ctx, IntOp::Bsr, a, b)
}

/// `erlang:'-'/1`.
pub fn neg(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let a = arg(args);
    match a.as_float() {
        Some(f) => Ok(ctx.heap.float(-f)?),
        None if a.is_integer() => int::neg(ctx.heap, a),
        None => Err(Exception::badarith()),
    }
}

/// `erlang:'+'/1`: the number itself.
pub fn plus(_: &mut Ctx, args: &[Term]) -> BifResult {
    let a = arg(args);
    if a.is_number() {
        Ok(a)
    } else {
        Err(Exception::badarith())
    }
}

/// `erlang:'bnot'/1`.
pub fn bnot(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let a = arg(args);
    if a.is_integer() {
        int::bnot(ctx.heap, a)
    } else {
        Err(Exception::badarith())
    }
}

/// `abs/1` (`badarg` on non-numbers; `abs(-0.0)` stays `-0.0` as in OTP 25).
pub fn abs(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let a = arg(args);
    match a.as_float() {
        Some(f) if f < 0.0 => Ok(ctx.heap.float(-f)?),
        Some(_) => Ok(a),
        None if a.is_integer() => int::abs(ctx.heap, a),
        None => Err(Exception::badarg()),
    }
}

/// `float/1` (`badarg` for integers beyond the float range).
pub fn float(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let a = arg(args);
    if a.is_float() {
        return Ok(a);
    }
    match a.is_integer().then(|| int::to_f64(a)).flatten() {
        Some(f) => Ok(ctx.heap.float(f)?),
        None => Err(Exception::badarg()),
    }
}

/// Applies a float rounding function; integers are returned unchanged.
fn to_integer(ctx: &mut Ctx, args: &[Term], f: fn(f64) -> f64) -> BifResult {
    let a = arg(args);
    match a.as_float() {
        Some(x) => Ok(int::from_integral_f64(ctx.heap, f(x))?),
        None if a.is_integer() => Ok(a),
        None => Err(Exception::badarg()),
    }
}

/// `round/1`: halves round away from zero.
pub fn round(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    to_integer(ctx, args, libm::round)
}

/// `trunc/1`.
pub fn trunc(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    to_integer(ctx, args, libm::trunc)
}

/// `ceil/1`.
pub fn ceil(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    to_integer(ctx, args, libm::ceil)
}

/// `floor/1`.
pub fn floor(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    to_integer(ctx, args, libm::floor)
}

#[cfg(test)]
mod tests {
    // Without `bignum` the OTP case tables (which hold bignums) go unused.
    #![cfg_attr(not(feature = "bignum"), allow(dead_code, unused_imports))]
    use super::super::erlang_testkit::check;
    use super::BIFS;

    /// Checked against OTP 25.
    #[rustfmt::skip]
    const CASES: &[(&str, &str, &str)] = &[
        ("+", "[1, 2]", "3"),
        ("+", "[1, 2.5]", "3.5"),
        ("+", "[a, 1]", "!badarith"),
        ("+", "[1, a]", "!badarith"),
        ("+", "[1.0e308, a]", "!badarith"),
        ("+", "[1.0e308, 1.0e308]", "!badarith"),
        ("-", "[5, 2.5]", "2.5"),
        ("-", "[0.0, 0]", "0.0"),
        ("*", "[2, 2.5]", "5.0"),
        ("*", "[1.0e308, 10]", "!badarith"),
        ("*", "[1180591620717411303424, 0.5]", "5.902958103587057e20"),
        ("+", "[13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165376, 1.0]", "!badarith"),
        // Around the small-integer limits of both word sizes.
        ("+", "[134217727, 1]", "134217728"),
        ("-", "[-134217728, 1]", "-134217729"),
        ("-", "[134217728, 1]", "134217727"),
        ("+", "[-134217729, 1]", "-134217728"),
        ("*", "[134217728, 134217728]", "18014398509481984"),
        ("+", "[576460752303423487, 1]", "576460752303423488"),
        ("-", "[576460752303423488, 1]", "576460752303423487"),
        ("-", "[-576460752303423488, 1]", "-576460752303423489"),
        ("+", "[-576460752303423489, 1]", "-576460752303423488"),
        ("+", "[576460752303423488, 576460752303423488]", "1152921504606846976"),
        ("*", "[9223372036854775807, 9223372036854775807]", "85070591730234615847396907784232501249"),
        ("*", "[-9223372036854775808, 9223372036854775807]", "-85070591730234615856620279821087277056"),
        ("-", "[-9223372036854775808, 9223372036854775807]", "-18446744073709551615"),
        ("/", "[5, 2]", "2.5"),
        ("/", "[4, 2]", "2.0"),
        ("/", "[1, 0]", "!badarith"),
        ("/", "[1, 0.0]", "!badarith"),
        ("/", "[1, -0.0]", "!badarith"),
        ("/", "[0.0, 0]", "!badarith"),
        ("/", "[1.0e300, 1.0e-300]", "!badarith"),
        ("/", "[a, 1]", "!badarith"),
        ("div", "[7, 2]", "3"),
        ("div", "[-7, 2]", "-3"),
        ("div", "[7, -2]", "-3"),
        ("div", "[-7, -2]", "3"),
        ("div", "[1, 0]", "!badarith"),
        ("div", "[1.0, 1]", "!badarith"),
        ("div", "[-9223372036854775808, -1]", "9223372036854775808"),
        ("rem", "[7, -2]", "1"),
        ("rem", "[-7, 2]", "-1"),
        ("rem", "[-7, -2]", "-1"),
        ("rem", "[1, 0]", "!badarith"),
        ("rem", "[1.0, 1]", "!badarith"),
        ("band", "[-8, 13]", "8"),
        ("band", "[1.0, 1]", "!badarith"),
        ("bor", "[-8, 3]", "-5"),
        ("bxor", "[-1, 3]", "-4"),
        ("bxor", "[a, 3]", "!badarith"),
        ("bsl", "[1, 3]", "8"),
        ("bsl", "[-1, 3]", "-8"),
        ("bsl", "[1, 27]", "134217728"),
        ("bsl", "[1, 59]", "576460752303423488"),
        ("bsl", "[1, 100]", "1267650600228229401496703205376"),
        ("bsl", "[-1, 126]", "-85070591730234615865843651857942052864"),
        ("bsl", "[7, -2]", "1"),
        ("bsl", "[1, a]", "!badarith"),
        ("bsl", "[1, 1.0]", "!badarith"),
        ("bsl", "[1, 1180591620717411303424]", "!system_limit"),
        ("bsl", "[0, 1180591620717411303424]", "0"),
        ("bsl", "[0, 100000000000000]", "0"),
        ("bsl", "[1, -1180591620717411303424]", "0"),
        ("bsl", "[-5, -1180591620717411303424]", "-1"),
        ("bsr", "[-7, 1]", "-4"),
        ("bsr", "[7, -2]", "28"),
        ("bsr", "[-1, 64]", "-1"),
        ("bsr", "[5, 64]", "0"),
        ("bsr", "[-5, 1000000]", "-1"),
        ("bsr", "[9223372036854775807, 62]", "1"),
        ("bsr", "[1, 1180591620717411303424]", "0"),
        ("bsr", "[-1, 1180591620717411303424]", "-1"),
        ("bsr", "[1, -1180591620717411303424]", "!system_limit"),
        ("-", "[5]", "-5"),
        ("-", "[-576460752303423488]", "576460752303423488"),
        ("-", "[576460752303423488]", "-576460752303423488"),
        ("-", "[-134217728]", "134217728"),
        ("-", "[134217728]", "-134217728"),
        ("-", "[1180591620717411303424]", "-1180591620717411303424"),
        ("-", "[0.0]", "-0.0"),
        ("-", "[-0.0]", "0.0"),
        ("-", "[a]", "!badarith"),
        ("+", "[a]", "!badarith"),
        ("+", "[1.5]", "1.5"),
        ("bnot", "[0]", "-1"),
        ("bnot", "[134217727]", "-134217728"),
        ("bnot", "[-576460752303423489]", "576460752303423488"),
        ("bnot", "[1.0]", "!badarith"),
        ("bnot", "[a]", "!badarith"),
        ("abs", "[-5]", "5"),
        ("abs", "[-1.5]", "1.5"),
        ("abs", "[-0.0]", "-0.0"),
        ("abs", "[-1180591620717411303424]", "1180591620717411303424"),
        ("abs", "[-576460752303423488]", "576460752303423488"),
        ("abs", "[a]", "!badarg"),
        ("float", "[1]", "1.0"),
        ("float", "[-1180591620717411303424]", "-1.1805916207174113e21"),
        ("float", "[a]", "!badarg"),
        ("float", "[2.5]", "2.5"),
        ("round", "[-2.5]", "-3"),
        ("round", "[2.5]", "3"),
        ("round", "[0.5]", "1"),
        ("round", "[-0.5]", "-1"),
        ("round", "[0.49999999999999994]", "0"),
        ("round", "[4503599627370497.0]", "4503599627370497"),
        ("round", "[5]", "5"),
        ("round", "[a]", "!badarg"),
        ("trunc", "[-2.5]", "-2"),
        ("trunc", "[1.0e20]", "100000000000000000000"),
        ("trunc", "[1.0e300]", "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160"),
        ("trunc", "[-1.0e40]", "-10000000000000000303786028427003666890752"),
        ("ceil", "[-2.5]", "-2"),
        ("ceil", "[1.0e30]", "1000000000000000019884624838656"),
        ("floor", "[-2.5]", "-3"),
        ("floor", "[1208925819614629174706176]", "1208925819614629174706176"),
        ("floor", "[-0.5]", "-1"),
    ];

    /// Beyond 128 bits and at the BEAM's size limit. Checked against OTP 25.
    #[rustfmt::skip]
    const HUGE: &[(&str, &str, &str)] = &[
        ("+", "[18446744073709551616, 1]", "18446744073709551617"),
        ("-", "[18446744073709551616, 18446744073709551617]", "-1"),
        ("*", "[170141183460469231731687303715884105728, 2]", "340282366920938463463374607431768211456"),
        ("*", "[-340282366920938463463374607431768211457, 340282366920938463463374607431768211457]", "-115792089237316195423570985008687907853950549399482440966384333222776666062849"),
        ("div", "[115792089237316195423570985008687907853950549399482440966384333222776666062849, -340282366920938463463374607431768211457]", "-340282366920938463463374607431768211457"),
        ("rem", "[-115792089237316195423570985008687907853950549399482440966384333222776666062850, 340282366920938463463374607431768211457]", "-1"),
        ("bsl", "[1, 127]", "170141183460469231731687303715884105728"),
        ("bsl", "[1, 100000000000000]", "!system_limit"),
        ("bsl", "[1, 33554368]", "!system_limit"),
        ("bsr", "[-340282366920938463463374607431768211457, 128]", "-2"),
        ("band", "[-340282366920938463463374607431768211457, 340282366920938463463374607431768211455]", "340282366920938463463374607431768211455"),
        ("bor", "[-340282366920938463463374607431768211457, 1]", "-340282366920938463463374607431768211457"),
        ("bxor", "[-1, 340282366920938463463374607431768211456]", "-340282366920938463463374607431768211457"),
        ("bnot", "[18446744073709551616]", "-18446744073709551617"),
        ("div", "[18446744073709551616, 0]", "!badarith"),
        ("float", "[340282366920938463463374607431768211457]", "3.402823669209385e38"),
    ];

    #[test]
    #[cfg(feature = "bignum")] // OTP cases with bignums
    fn arithmetic_matches_otp() {
        check(BIFS, CASES);
    }

    #[test]
    #[cfg(feature = "bignum")] // OTP cases with bignums
    fn huge_operands_match_otp() {
        check(BIFS, HUGE);
    }
}
