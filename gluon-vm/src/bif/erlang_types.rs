//! Type tests as functions: `is_atom/1` and friends, `is_function/2`,
//! `is_record/2,3`.

use super::{native, BifDef, BifResult, Ctx, Exception};
use crate::term::{HeaderTag, Term};

/// Type-test natives of module `erlang`.
pub(crate) static BIFS: &[BifDef] = &[
    native("erlang", "is_atom", 1, is_atom),
    native("erlang", "is_integer", 1, is_integer),
    native("erlang", "is_float", 1, is_float),
    native("erlang", "is_number", 1, is_number),
    native("erlang", "is_list", 1, is_list),
    native("erlang", "is_tuple", 1, is_tuple),
    native("erlang", "is_pid", 1, is_pid),
    native("erlang", "is_port", 1, is_port),
    native("erlang", "is_reference", 1, is_reference),
    native("erlang", "is_binary", 1, is_binary),
    native("erlang", "is_bitstring", 1, is_bitstring),
    native("erlang", "is_boolean", 1, is_boolean),
    native("erlang", "is_function", 1, is_function),
    native("erlang", "is_function", 2, is_function2),
    native("erlang", "is_map", 1, is_map),
    native("erlang", "is_record", 2, is_record2),
    native("erlang", "is_record", 3, is_record3),
];

fn test(args: &[Term], f: fn(Term) -> bool) -> BifResult {
    Ok(Term::bool(args.first().is_some_and(|&t| f(t))))
}

/// `is_atom/1`.
pub fn is_atom(_: &mut Ctx, args: &[Term]) -> BifResult {
    test(args, Term::is_atom)
}

/// `is_integer/1`.
pub fn is_integer(_: &mut Ctx, args: &[Term]) -> BifResult {
    test(args, Term::is_integer)
}

/// `is_float/1`.
pub fn is_float(_: &mut Ctx, args: &[Term]) -> BifResult {
    test(args, Term::is_float)
}

/// `is_number/1`.
pub fn is_number(_: &mut Ctx, args: &[Term]) -> BifResult {
    test(args, Term::is_number)
}

/// `is_list/1`: `[]` or a cons cell (proper or not).
pub fn is_list(_: &mut Ctx, args: &[Term]) -> BifResult {
    test(args, Term::is_list_or_nil)
}

/// `is_tuple/1`.
pub fn is_tuple(_: &mut Ctx, args: &[Term]) -> BifResult {
    test(args, Term::is_tuple)
}

/// `is_pid/1`.
pub fn is_pid(_: &mut Ctx, args: &[Term]) -> BifResult {
    test(args, Term::is_pid)
}

/// `is_port/1`.
pub fn is_port(_: &mut Ctx, args: &[Term]) -> BifResult {
    test(args, Term::is_port)
}

/// `is_reference/1`.
pub fn is_reference(_: &mut Ctx, args: &[Term]) -> BifResult {
    test(args, Term::is_reference)
}

/// `is_binary/1`: a bitstring of whole bytes.
pub fn is_binary(_: &mut Ctx, args: &[Term]) -> BifResult {
    test(args, crate::binary::is_binary)
}

/// `is_bitstring/1`.
pub fn is_bitstring(_: &mut Ctx, args: &[Term]) -> BifResult {
    test(args, Term::is_bitstring)
}

/// `is_boolean/1`.
pub fn is_boolean(_: &mut Ctx, args: &[Term]) -> BifResult {
    test(args, Term::is_boolean)
}

/// `is_function/1`.
pub fn is_function(_: &mut Ctx, args: &[Term]) -> BifResult {
    test(args, Term::is_function)
}

/// `is_map/1`.
pub fn is_map(_: &mut Ctx, args: &[Term]) -> BifResult {
    test(args, Term::is_map)
}

/// `is_function(F, Arity)`: `badarg` unless `Arity` is a non-negative
/// integer (a huge one is simply never the arity).
pub fn is_function2(_: &mut Ctx, args: &[Term]) -> BifResult {
    let (f, a) = match args {
        [f, a, ..] => (*f, *a),
        _ => return Err(Exception::badarg()),
    };
    match a.as_small() {
        Some(n) if n >= 0 => Ok(Term::bool(crate::fun::arity(f) == Some(n as usize))),
        None if a.boxed_tag() == Some(HeaderTag::PosBig) => Ok(Term::FALSE),
        _ => Err(Exception::badarg()),
    }
}

/// Whether `t` is a tuple of at least one element headed by `tag`.
fn tagged_tuple(t: Term, tag: Term) -> Option<&'static [Term]> {
    t.as_tuple().filter(|el| el.first() == Some(&tag))
}

/// `is_record(Term, Tag)`: `badarg` unless `Tag` is an atom.
pub fn is_record2(_: &mut Ctx, args: &[Term]) -> BifResult {
    let (t, tag) = match args {
        [t, tag, ..] if tag.is_atom() => (*t, *tag),
        _ => return Err(Exception::badarg()),
    };
    Ok(Term::bool(tagged_tuple(t, tag).is_some()))
}

/// `is_record(Term, Tag, Size)`: `badarg` unless `Tag` is an atom and
/// `Size` a small integer.
pub fn is_record3(_: &mut Ctx, args: &[Term]) -> BifResult {
    let (t, tag, size) = match args {
        [t, tag, s, ..] if tag.is_atom() && s.is_small() => (*t, *tag, s.small_value()),
        _ => return Err(Exception::badarg()),
    };
    let ok = tagged_tuple(t, tag).is_some_and(|el| el.len() as isize == size);
    Ok(Term::bool(ok))
}

#[cfg(test)]
mod tests {
    // Without `bignum` the OTP case tables (which hold bignums) go unused.
    #![cfg_attr(not(feature = "bignum"), allow(dead_code, unused_imports))]
    use super::super::erlang_testkit::check;
    use super::BIFS;

    /// Checked against OTP 25 (cases with `#Pid`, `#Port`, `#Ref` by hand).
    #[rustfmt::skip]
    const CASES: &[(&str, &str, &str)] = &[
        ("is_atom", "[a]", "true"),
        ("is_atom", "[[]]", "false"),
        ("is_atom", "[\"a\"]", "false"),
        ("is_integer", "[1]", "true"),
        ("is_integer", "[1180591620717411303424]", "true"),
        ("is_integer", "[-134217729]", "true"),
        ("is_integer", "[1.0]", "false"),
        ("is_float", "[1.0]", "true"),
        ("is_float", "[1]", "false"),
        ("is_number", "[-1180591620717411303424]", "true"),
        ("is_number", "[1.5]", "true"),
        ("is_number", "[a]", "false"),
        ("is_list", "[[]]", "true"),
        ("is_list", "[[a|b]]", "true"),
        ("is_list", "[{}]", "false"),
        ("is_tuple", "[{}]", "true"),
        ("is_tuple", "[[]]", "false"),
        ("is_pid", "[#Pid<3>]", "true"),
        ("is_pid", "[#Port<3>]", "false"),
        ("is_port", "[#Port<3>]", "true"),
        ("is_port", "[3]", "false"),
        ("is_reference", "[#Ref<7>]", "true"),
        ("is_reference", "[#Pid<7>]", "false"),
        ("is_binary", "[<<1,2>>]", "true"),
        ("is_binary", "[<<>>]", "true"),
        ("is_binary", "[<<1,2:3>>]", "false"),
        ("is_binary", "[\"ab\"]", "false"),
        ("is_bitstring", "[<<1,2:3>>]", "true"),
        ("is_bitstring", "[<<1>>]", "true"),
        ("is_bitstring", "[1]", "false"),
        ("is_boolean", "[true]", "true"),
        ("is_boolean", "[false]", "true"),
        ("is_boolean", "[undefined]", "false"),
        ("is_function", "[fun lists:map/2]", "true"),
        ("is_function", "[{lists, map}]", "false"),
        ("is_map", "[#{}]", "true"),
        ("is_map", "[#{a => 1}]", "true"),
        ("is_map", "[[]]", "false"),
        ("is_function", "[fun erlang:abs/1, 1]", "true"),
        ("is_function", "[fun erlang:abs/1, 2]", "false"),
        ("is_function", "[fun erlang:abs/1, 0]", "false"),
        ("is_function", "[fun erlang:abs/1, 1180591620717411303424]", "false"),
        ("is_function", "[fun erlang:abs/1, -1]", "!badarg"),
        ("is_function", "[fun erlang:abs/1, a]", "!badarg"),
        ("is_function", "[a, 256]", "false"),
        ("is_function", "[a, 1180591620717411303424]", "false"),
        ("is_function", "[a, -1180591620717411303424]", "!badarg"),
        ("is_function", "[a, -1]", "!badarg"),
        ("is_function", "[a, 1.0]", "!badarg"),
        ("is_record", "[{a, 1}, a]", "true"),
        ("is_record", "[{a}, a]", "true"),
        ("is_record", "[{b, 1}, a]", "false"),
        ("is_record", "[{}, a]", "false"),
        ("is_record", "[x, a]", "false"),
        ("is_record", "[x, 1]", "!badarg"),
        ("is_record", "[{a, 1}, 1]", "!badarg"),
        ("is_record", "[{a, 1}, a, 2]", "true"),
        ("is_record", "[{a, 1}, a, 3]", "false"),
        ("is_record", "[{a, 1}, b, 2]", "false"),
        ("is_record", "[{a, 1}, a, x]", "!badarg"),
        ("is_record", "[{a, 1}, b, x]", "!badarg"),
        ("is_record", "[{a, 1}, 1, 2]", "!badarg"),
        ("is_record", "[{a, 1}, a, 2.0]", "!badarg"),
        ("is_record", "[x, a, -1]", "false"),
        ("is_record", "[{}, a, 0]", "false"),
        ("is_record", "[{a}, a, 1180591620717411303424]", "!badarg"),
    ];

    #[test]
    #[cfg(feature = "bignum")] // OTP cases with bignums
    fn type_tests_match_otp() {
        check(BIFS, CASES);
    }
}
