//! `float_to_list/1`, `list_to_float/1` and `binary_to_float/1`.
//!
//! `float_to_list/1` prints like C's `"%.20e"` (OTP's default): 21
//! significant digits of the exact binary value, rounded half to even
//! (see [`crate::format::c_scientific`]).
//! `list_to_float/1` and `binary_to_float/1` accept OTP's syntax: `[+-]D+[.,]D+([eE][+-]?D+)?`,
//! ending at the first NUL character as OTP does.

use super::{native, BifDef, BifResult, Ctx, Exception};
use crate::term::{ListIter, Term};
use alloc::vec::Vec;

/// Float text natives of module `erlang`.
pub(crate) static BIFS: &[BifDef] = &[
    native("erlang", "float_to_list", 1, float_to_list),
    native("erlang", "list_to_float", 1, list_to_float),
    native("erlang", "binary_to_float", 1, binary_to_float),
];

/// `float_to_list(Float)`.
pub fn float_to_list(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let f = args
        .first()
        .and_then(|t| t.as_float())
        .ok_or_else(Exception::badarg)?;
    Ok(ctx
        .heap
        .string(crate::format::c_scientific(f, 20).as_bytes())?)
}

/// Whether `s` is `[+-]D+[.,]D+([eE][+-]?D+)?`.
fn well_formed(s: &[u8]) -> bool {
    let mut i = 0;
    let digits = |i: &mut usize| {
        let start = *i;
        while s.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i > start
    };
    if matches!(s.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    if !digits(&mut i) || !matches!(s.get(i), Some(b'.' | b',')) {
        return false;
    }
    i += 1;
    if !digits(&mut i) {
        return false;
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(s.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if !digits(&mut i) {
            return false;
        }
    }
    i == s.len()
}

/// `list_to_float(String)`: `badarg` if malformed or out of range
/// (values too small to represent become `0.0`).
pub fn list_to_float(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let mut it = ListIter::new(args.first().copied().unwrap_or(Term::NIL));
    let bytes: Option<Vec<u8>> = it
        .by_ref()
        .map(|c| c.as_small().and_then(|n| u8::try_from(n).ok()))
        .collect();
    match bytes {
        Some(b) if it.tail().is_nil() => parse(ctx, b),
        _ => Err(Exception::badarg()),
    }
}

/// `binary_to_float(Binary)`, with the syntax of `list_to_float/1`.
pub fn binary_to_float(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let t = args.first().copied().unwrap_or(Term::NIL);
    let bytes = super::erlang_iolist::binary_bytes(t).ok_or_else(Exception::badarg)?;
    parse(ctx, bytes.to_vec())
}

/// The float written in `bytes` (up to the first NUL).
fn parse(ctx: &mut Ctx, mut bytes: Vec<u8>) -> BifResult {
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        bytes.truncate(nul);
    }
    if !well_formed(&bytes) {
        return Err(Exception::badarg());
    }
    match crate::decimal::parse(&bytes)? {
        Some(f) => Ok(ctx.heap.float(f)?),
        None => Err(Exception::badarg()),
    }
}

#[cfg(test)]
mod tests {
    use super::super::erlang_testkit::{check, Env};
    use super::*;

    /// Checked against OTP 25.
    #[rustfmt::skip]
    const CASES: &[(&str, &str, &str)] = &[
        ("float_to_list", "[1.5]", "\"1.50000000000000000000e+00\""),
        ("float_to_list", "[0.1]", "\"1.00000000000000005551e-01\""),
        ("float_to_list", "[0.0]", "\"0.00000000000000000000e+00\""),
        ("float_to_list", "[-0.0]", "\"-0.00000000000000000000e+00\""),
        ("float_to_list", "[9.5]", "\"9.50000000000000000000e+00\""),
        ("float_to_list", "[123.0]", "\"1.23000000000000000000e+02\""),
        ("float_to_list", "[123456.789]", "\"1.23456789000000004307e+05\""),
        ("float_to_list", "[1.0e300]", "\"1.00000000000000005250e+300\""),
        ("float_to_list", "[-1.0e-300]", "\"-1.00000000000000002506e-300\""),
        ("float_to_list", "[1.0e22]", "\"1.00000000000000000000e+22\""),
        ("float_to_list", "[1.0e23]", "\"9.99999999999999916114e+22\""),
        ("float_to_list", "[5.0e-324]", "\"4.94065645841246544177e-324\""),
        ("float_to_list", "[2.2250738585072014e-308]", "\"2.22507385850720138309e-308\""),
        ("float_to_list", "[1.7976931348623157e308]", "\"1.79769313486231570815e+308\""),
        // Exact ties at the 22nd digit round to even.
        ("float_to_list", "[17592186044416.00390625]", "\"1.75921860444160039062e+13\""),
        ("float_to_list", "[17592186044416.01171875]", "\"1.75921860444160117188e+13\""),
        ("float_to_list", "[1]", "!badarg"),
        ("float_to_list", "[a]", "!badarg"),
        ("list_to_float", "[\"1.5\"]", "1.5"),
        ("list_to_float", "[\"+1.5\"]", "1.5"),
        ("list_to_float", "[\"-1.5\"]", "-1.5"),
        ("list_to_float", "[\"-0.0\"]", "-0.0"),
        ("list_to_float", "[\"0001.5000\"]", "1.5"),
        ("list_to_float", "[\"1.0e5\"]", "1.0e5"),
        ("list_to_float", "[\"1.0E+5\"]", "1.0e5"),
        ("list_to_float", "[\"1.0e-5\"]", "1.0e-5"),
        ("list_to_float", "[\"1.5e0010\"]", "1.5e10"),
        ("list_to_float", "[\"1,5\"]", "1.5"),
        ("list_to_float", "[\"1,5e3\"]", "1.5e3"),
        ("list_to_float", "[\"1.0e-400\"]", "0.0"),
        ("list_to_float", "[\"1.5e-99999999999999999999\"]", "0.0"),
        ("list_to_float", "[\"0.0e99999999999999999999\"]", "0.0"),
        ("list_to_float", "[\"4.9e-324\"]", "5.0e-324"),
        ("list_to_float", "[\"2.0e-324\"]", "0.0"),
        ("list_to_float", "[\"1.7976931348623158e308\"]", "1.7976931348623157e308"),
        ("list_to_float", "[\"1.7976931348623159e308\"]", "!badarg"),
        ("list_to_float", "[\"1.0e400\"]", "!badarg"),
        ("list_to_float", "[\"1.5e99999999999999999999\"]", "!badarg"),
        ("list_to_float", "[[49, 46, 53, 0]]", "1.5"),
        ("list_to_float", "[[49, 46, 53, 0, 120]]", "1.5"),
        ("list_to_float", "[[49, 46, 53, 0, a]]", "!badarg"),
        ("list_to_float", "[[49, 46, 53, 0, 300]]", "!badarg"),
        ("list_to_float", "[[49, 46, 53, 0 | a]]", "!badarg"),
        ("list_to_float", "[[0]]", "!badarg"),
        ("list_to_float", "[[49, 46, 53, 255]]", "!badarg"),
        ("list_to_float", "[\"1\"]", "!badarg"),
        ("list_to_float", "[\"1.\"]", "!badarg"),
        ("list_to_float", "[\".5\"]", "!badarg"),
        ("list_to_float", "[\"1e5\"]", "!badarg"),
        ("list_to_float", "[\"1.e5\"]", "!badarg"),
        ("list_to_float", "[\"1.0e\"]", "!badarg"),
        ("list_to_float", "[\"1.0e+\"]", "!badarg"),
        ("list_to_float", "[\"1.5 \"]", "!badarg"),
        ("list_to_float", "[\" 1.5\"]", "!badarg"),
        ("list_to_float", "[\"1.5x\"]", "!badarg"),
        ("list_to_float", "[\"1.5.5\"]", "!badarg"),
        ("list_to_float", "[\"1,5,5\"]", "!badarg"),
        ("list_to_float", "[\"1.5e5e5\"]", "!badarg"),
        ("list_to_float", "[\"1.5e+-5\"]", "!badarg"),
        ("list_to_float", "[\"+-1.5\"]", "!badarg"),
        ("list_to_float", "[\"1_0.5\"]", "!badarg"),
        ("list_to_float", "[\"inf\"]", "!badarg"),
        ("list_to_float", "[\"-\"]", "!badarg"),
        ("list_to_float", "[\"\"]", "!badarg"),
        ("list_to_float", "[1.5]", "!badarg"),
        ("list_to_float", "[<<\"1.5\">>]", "!badarg"),
        ("binary_to_float", "[<<\"1.5\">>]", "1.5"),
        ("binary_to_float", "[<<\"1,5e3\">>]", "1.5e3"),
        ("binary_to_float", "[<<\"-0.0\">>]", "-0.0"),
        ("binary_to_float", "[<<49, 46, 53, 0, 120>>]", "1.5"),
        ("binary_to_float", "[<<\"1\">>]", "!badarg"),
        ("binary_to_float", "[<<\"1.0e400\">>]", "!badarg"),
        ("binary_to_float", "[\"1.5\"]", "!badarg"),
    ];

    #[test]
    fn float_text_matches_otp() {
        check(BIFS, CASES);
    }

    #[test]
    fn round_trips() {
        let mut env = Env::new();
        for f in [1.0, -2.5e-10, 6.02214076e23, 1.0e-320, 123456789.0] {
            let t = env.heap.float(f).unwrap();
            let l = float_to_list(&mut env.ctx(), &[t]).unwrap();
            let back = list_to_float(&mut env.ctx(), &[l]).unwrap();
            assert_eq!(back.as_float(), Some(f));
        }
    }
}
