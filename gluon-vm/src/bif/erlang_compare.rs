//! Term comparison and boolean operators as functions, `min/2`, `max/2`.

use super::{native, BifDef, BifResult, Ctx, Exception};
use crate::term::{compare, exact_eq, Ordering, Term};

/// Comparison and boolean natives of module `erlang`.
pub(crate) static BIFS: &[BifDef] = &[
    native("erlang", "==", 2, eq),
    native("erlang", "/=", 2, ne),
    native("erlang", "=:=", 2, exact_eq2),
    native("erlang", "=/=", 2, exact_ne),
    native("erlang", "<", 2, lt),
    native("erlang", ">", 2, gt),
    native("erlang", "=<", 2, le),
    native("erlang", ">=", 2, ge),
    native("erlang", "not", 1, not),
    native("erlang", "and", 2, and),
    native("erlang", "or", 2, or),
    native("erlang", "xor", 2, xor),
    native("erlang", "min", 2, min),
    native("erlang", "max", 2, max),
];

fn args2(args: &[Term]) -> (Term, Term) {
    (
        args.first().copied().unwrap_or(Term::NIL),
        args.get(1).copied().unwrap_or(Term::NIL),
    )
}

/// Term order of the two arguments (`==` semantics: `1 == 1.0`).
fn order(ctx: &Ctx, args: &[Term]) -> Ordering {
    let (a, b) = args2(args);
    if a == b {
        Ordering::Equal
    } else {
        compare(a, b, ctx.atoms, false)
    }
}

/// `'=='/2`.
pub fn eq(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    Ok(Term::bool(order(ctx, args) == Ordering::Equal))
}

/// `'/='/2`.
pub fn ne(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    Ok(Term::bool(order(ctx, args) != Ordering::Equal))
}

/// `'=:='/2`.
pub fn exact_eq2(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let (a, b) = args2(args);
    Ok(Term::bool(exact_eq(a, b, ctx.atoms)))
}

/// `'=/='/2`.
pub fn exact_ne(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let (a, b) = args2(args);
    Ok(Term::bool(!exact_eq(a, b, ctx.atoms)))
}

/// `'<'/2`.
pub fn lt(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    Ok(Term::bool(order(ctx, args) == Ordering::Less))
}

/// `'>'/2`.
pub fn gt(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    Ok(Term::bool(order(ctx, args) == Ordering::Greater))
}

/// `'=<'/2`.
pub fn le(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    Ok(Term::bool(order(ctx, args) != Ordering::Greater))
}

/// `'>='/2`.
pub fn ge(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    Ok(Term::bool(order(ctx, args) != Ordering::Less))
}

/// Both arguments as booleans, or `badarg`.
fn bools(args: &[Term]) -> Result<(bool, bool), super::Exception> {
    let (a, b) = args2(args);
    if a.is_boolean() && b.is_boolean() {
        Ok((a == Term::TRUE, b == Term::TRUE))
    } else {
        Err(Exception::badarg())
    }
}

/// `'not'/1`.
pub fn not(_: &mut Ctx, args: &[Term]) -> BifResult {
    match args.first() {
        Some(&t) if t.is_boolean() => Ok(Term::bool(t == Term::FALSE)),
        _ => Err(Exception::badarg()),
    }
}

/// `'and'/2` (both arguments must be booleans).
pub fn and(_: &mut Ctx, args: &[Term]) -> BifResult {
    let (a, b) = bools(args)?;
    Ok(Term::bool(a && b))
}

/// `'or'/2` (both arguments must be booleans).
pub fn or(_: &mut Ctx, args: &[Term]) -> BifResult {
    let (a, b) = bools(args)?;
    Ok(Term::bool(a || b))
}

/// `'xor'/2`.
pub fn xor(_: &mut Ctx, args: &[Term]) -> BifResult {
    let (a, b) = bools(args)?;
    Ok(Term::bool(a != b))
}

/// `min/2`: the first argument when they compare equal.
pub fn min(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let (a, b) = args2(args);
    Ok(if compare(a, b, ctx.atoms, false) == Ordering::Greater {
        b
    } else {
        a
    })
}

/// `max/2`: the first argument when they compare equal.
pub fn max(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let (a, b) = args2(args);
    Ok(if compare(a, b, ctx.atoms, false) == Ordering::Less {
        b
    } else {
        a
    })
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
        ("==", "[1, 1.0]", "true"),
        ("==", "[1, 2]", "false"),
        ("==", "[{a, [1]}, {a, [1.0]}]", "true"),
        ("/=", "[1, 1.0]", "false"),
        ("/=", "[a, b]", "true"),
        ("=:=", "[1, 1.0]", "false"),
        ("=:=", "[{a, \"b\"}, {a, \"b\"}]", "true"),
        ("=:=", "[1180591620717411303424, 1180591620717411303424]", "true"),
        ("=:=", "[0.0, -0.0]", "true"),
        ("=/=", "[1, 1.0]", "true"),
        ("=/=", "[<<1>>, <<1>>]", "false"),
        ("<", "[a, 1]", "false"),
        ("<", "[1, a]", "true"),
        ("<", "[1, 1.5]", "true"),
        ("<", "[{a}, [a]]", "true"),
        ("<", "[[], [a]]", "true"),
        ("<", "[[a], <<>>]", "true"),
        ("<", "[-1180591620717411303424, -134217729]", "true"),
        (">", "[b, a]", "true"),
        (">", "[1, 1.0]", "false"),
        ("=<", "[1, 1.0]", "true"),
        ("=<", "[2, 1.0]", "false"),
        (">=", "[1.0, 1]", "true"),
        (">=", "[a, b]", "false"),
        ("not", "[true]", "false"),
        ("not", "[false]", "true"),
        ("not", "[1]", "!badarg"),
        ("and", "[true, true]", "true"),
        ("and", "[true, false]", "false"),
        ("and", "[true, 1]", "!badarg"),
        ("and", "[false, 1]", "!badarg"),
        ("or", "[false, false]", "false"),
        ("or", "[false, true]", "true"),
        ("or", "[true, 1]", "!badarg"),
        ("xor", "[true, false]", "true"),
        ("xor", "[true, true]", "false"),
        ("xor", "[a, true]", "!badarg"),
        ("min", "[1, 1.0]", "1"),
        ("min", "[1.0, 1]", "1.0"),
        ("max", "[1, 1.0]", "1"),
        ("max", "[1.0, 1]", "1.0"),
        ("max", "[a, 1]", "a"),
        ("min", "[{a}, [a]]", "{a}"),
    ];

    #[test]
    #[cfg(feature = "bignum")] // OTP cases with bignums
    fn comparisons_match_otp() {
        check(BIFS, CASES);
    }

    /// Bignums against floats compare by value.
    #[test]
    #[cfg(feature = "bignum")] // OTP cases with bignums
    fn bignum_against_float() {
        check(
            BIFS,
            &[
                (
                    "==",
                    "[1180591620717411303424, 1.1805916207174113e21]",
                    "true",
                ),
                ("<", "[1180591620717411303424, 1.0e300]", "true"),
            ],
        );
    }
}
