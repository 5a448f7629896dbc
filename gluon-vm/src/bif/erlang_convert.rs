//! Conversions between atoms, integers, strings and binaries.
//!
//! Atom names are UTF-8 in the atom table; strings are lists of code
//! points. Integer text is `[+-]digits` in bases 2 to 36, upper case on
//! output, either case on input.

use super::erlang_int::{digit_value, from_radix, to_radix};
use super::erlang_iolist::binary_bytes;
use super::{native, BifDef, BifResult, Ctx, Exception};
use crate::term::atom::{AtomError, LATIN1, UNICODE, UTF8};
use crate::term::{ListIter, Term};
use alloc::string::String;
use alloc::vec::Vec;

/// Conversion natives of module `erlang`.
pub(crate) static BIFS: &[BifDef] = &[
    native("erlang", "atom_to_list", 1, atom_to_list),
    native("erlang", "list_to_atom", 1, list_to_atom),
    native("erlang", "list_to_existing_atom", 1, list_to_existing_atom),
    native("erlang", "integer_to_list", 1, integer_to_list),
    native("erlang", "integer_to_list", 2, integer_to_list),
    native("erlang", "list_to_integer", 1, list_to_integer),
    native("erlang", "list_to_integer", 2, list_to_integer),
    native("erlang", "integer_to_binary", 1, integer_to_binary),
    native("erlang", "integer_to_binary", 2, integer_to_binary),
    native("erlang", "binary_to_integer", 1, binary_to_integer),
    native("erlang", "binary_to_integer", 2, binary_to_integer),
    native("erlang", "atom_to_binary", 1, atom_to_binary),
    native("erlang", "atom_to_binary", 2, atom_to_binary),
    native("erlang", "binary_to_atom", 1, binary_to_atom),
    native("erlang", "binary_to_atom", 2, binary_to_atom),
];

fn arg(args: &[Term], i: usize) -> Term {
    args.get(i).copied().unwrap_or(Term::NIL)
}

/// A proper list of code points as a string, or `None`.
fn char_list(t: Term) -> Option<String> {
    let mut s = String::new();
    let mut it = ListIter::new(t);
    for c in it.by_ref() {
        let n = c.as_small()?;
        s.push(char::from_u32(u32::try_from(n).ok()?)?);
    }
    it.tail().is_nil().then_some(s)
}

/// Interns `name`: `system_limit` if too long or the table is full.
fn make_atom(ctx: &mut Ctx, name: &str) -> BifResult {
    match ctx.atoms.intern(name) {
        Ok(a) => Ok(Term::atom(a)),
        Err(AtomError::TooLong | AtomError::TableFull) => Err(Exception::system_limit()),
    }
}

/// `atom_to_list(Atom)`.
pub fn atom_to_list(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let a = arg(args, 0).as_atom().ok_or_else(Exception::badarg)?;
    Ok(ctx.heap.unicode_string(ctx.atoms.name(a))?)
}

/// `list_to_atom(String)`.
pub fn list_to_atom(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let s = char_list(arg(args, 0)).ok_or_else(Exception::badarg)?;
    make_atom(ctx, &s)
}

/// `list_to_existing_atom(String)`: `badarg` if no such atom exists.
pub fn list_to_existing_atom(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let s = char_list(arg(args, 0)).ok_or_else(Exception::badarg)?;
    ctx.atoms
        .lookup(&s)
        .map(Term::atom)
        .ok_or_else(Exception::badarg)
}

/// The optional base argument: a small in `2..=36` (default 10).
fn base(args: &[Term]) -> Result<u32, Exception> {
    match args.get(1) {
        None => Ok(10),
        Some(b) => match b.as_small() {
            Some(n @ 2..=36) => Ok(n as u32),
            _ => Err(Exception::badarg()),
        },
    }
}

/// The text of the integer argument in the base argument.
fn int_text(args: &[Term]) -> Result<Vec<u8>, Exception> {
    let b = base(args)?;
    to_radix(arg(args, 0), b).ok_or_else(Exception::badarg)?
}

/// `integer_to_list(Integer)`, `integer_to_list(Integer, Base)`.
pub fn integer_to_list(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let s = int_text(args)?;
    Ok(ctx.heap.string(&s)?)
}

/// `integer_to_binary(Integer)`, `integer_to_binary(Integer, Base)`.
pub fn integer_to_binary(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let s = int_text(args)?;
    Ok(crate::binary::new_heap_binary(ctx.heap, &s)?)
}

/// Parses `[+-]digits` in base `b` (`badarg` if malformed).
fn parse_int(ctx: &mut Ctx, chars: &[u32], b: u32) -> BifResult {
    let (neg, body) = match chars.split_first() {
        Some((&0x2d, rest)) => (true, rest),
        Some((&0x2b, rest)) => (false, rest),
        _ => (false, chars),
    };
    if body.is_empty() {
        return Err(Exception::badarg());
    }
    let digits: Option<Vec<u8>> = body.iter().map(|&c| digit_value(c, b)).collect();
    let digits = digits.ok_or_else(Exception::badarg)?;
    from_radix(ctx.heap, neg, &digits, b)
}

/// `list_to_integer(String)`, `list_to_integer(String, Base)`.
pub fn list_to_integer(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let b = base(args)?;
    let mut it = ListIter::new(arg(args, 0));
    let chars: Option<Vec<u32>> = it
        .by_ref()
        .map(|c| c.as_small().and_then(|n| u32::try_from(n).ok()))
        .collect();
    match chars {
        Some(chars) if it.tail().is_nil() => parse_int(ctx, &chars, b),
        _ => Err(Exception::badarg()),
    }
}

/// `binary_to_integer(Binary)`, `binary_to_integer(Binary, Base)`.
pub fn binary_to_integer(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let b = base(args)?;
    let bytes = binary_bytes(arg(args, 0)).ok_or_else(Exception::badarg)?;
    let chars: Vec<u32> = bytes.iter().map(|&c| c as u32).collect();
    parse_int(ctx, &chars, b)
}

/// An encoding argument: `Some(true)` for `latin1`, `Some(false)` for
/// `utf8`/`unicode` (also the default), `None` otherwise.
fn latin1(args: &[Term]) -> Option<bool> {
    match args.get(1) {
        None => Some(false),
        Some(e) => match e.as_atom()? {
            LATIN1 => Some(true),
            UTF8 | UNICODE => Some(false),
            _ => None,
        },
    }
}

/// `atom_to_binary(Atom)`, `atom_to_binary(Atom, Encoding)`: `badarg` for
/// `latin1` when the name has characters above 255.
pub fn atom_to_binary(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let a = arg(args, 0).as_atom().ok_or_else(Exception::badarg)?;
    let enc = latin1(args).ok_or_else(Exception::badarg)?;
    let name = ctx.atoms.name(a);
    if !enc {
        return Ok(crate::binary::new_heap_binary(ctx.heap, name.as_bytes())?);
    }
    let bytes: Option<Vec<u8>> = name.chars().map(|c| u8::try_from(c).ok()).collect();
    let bytes = bytes.ok_or_else(Exception::badarg)?;
    Ok(crate::binary::new_heap_binary(ctx.heap, &bytes)?)
}

/// `binary_to_atom(Binary)`, `binary_to_atom(Binary, Encoding)`: UTF-8
/// text must be valid; `latin1` maps each byte to one character.
pub fn binary_to_atom(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let bytes = binary_bytes(arg(args, 0)).ok_or_else(Exception::badarg)?;
    let enc = latin1(args).ok_or_else(Exception::badarg)?;
    let name: String = if enc {
        bytes.iter().map(|&b| b as char).collect()
    } else {
        String::from(core::str::from_utf8(&bytes).map_err(|_| Exception::badarg())?)
    };
    make_atom(ctx, &name)
}

#[cfg(test)]
mod tests {
    // Without `bignum` the OTP case tables (which hold bignums) go unused.
    #![cfg_attr(not(feature = "bignum"), allow(dead_code, unused_imports))]
    use super::super::erlang_testkit::{check, Env};
    use super::*;
    use crate::term::AtomTable;

    /// Checked against OTP 25.
    #[rustfmt::skip]
    const CASES: &[(&str, &str, &str)] = &[
        ("atom_to_list", "[a]", "\"a\""),
        ("atom_to_list", "['\\x{e4}b']", "[228, 98]"),
        ("atom_to_list", "['\\x{3e8}']", "[1000]"),
        ("atom_to_list", "[1]", "!badarg"),
        ("list_to_atom", "[\"abc\"]", "abc"),
        ("list_to_atom", "[[]]", "''"),
        ("list_to_atom", "[[228]]", "'\\x{e4}'"),
        ("list_to_atom", "[[1114111]]", "'\\x{10FFFF}'"),
        ("list_to_atom", "[[1114112]]", "!badarg"),
        ("list_to_atom", "[[55296]]", "!badarg"),
        ("list_to_atom", "[[-1]]", "!badarg"),
        ("list_to_atom", "[[a]]", "!badarg"),
        ("list_to_atom", "[[97 | <<\"b\">>]]", "!badarg"),
        ("list_to_atom", "[[97 | b]]", "!badarg"),
        ("list_to_atom", "[<<\"a\">>]", "!badarg"),
        ("list_to_existing_atom", "[\"nonexistingatom_xyz\"]", "!badarg"),
        ("list_to_existing_atom", "[\"badarg\"]", "badarg"),
        ("list_to_existing_atom", "[badarg]", "!badarg"),
        ("integer_to_list", "[0]", "\"0\""),
        ("integer_to_list", "[-123]", "\"-123\""),
        ("integer_to_list", "[134217728]", "\"134217728\""),
        ("integer_to_list", "[-576460752303423489]", "\"-576460752303423489\""),
        ("integer_to_list", "[-255, 16]", "\"-FF\""),
        ("integer_to_list", "[255, 36]", "\"73\""),
        ("integer_to_list", "[255, 2]", "\"11111111\""),
        ("integer_to_list", "[255, 37]", "!badarg"),
        ("integer_to_list", "[255, 1]", "!badarg"),
        ("integer_to_list", "[255, a]", "!badarg"),
        ("integer_to_list", "[1.0]", "!badarg"),
        ("integer_to_list", "[1267650600228229401496703205376, 7]", "\"322653455556104044451560330542514132\""),
        ("integer_to_list", "[-340282366920938463463374607431768211456, 36]", "\"-F5LXX1ZZ5PNORYNQGLHZMSP34\""),
        ("integer_to_list", "[123456789012345678901234567890123456789012345678901234567890]", "\"123456789012345678901234567890123456789012345678901234567890\""),
        ("list_to_integer", "[\"+12\"]", "12"),
        ("list_to_integer", "[\"-12\"]", "-12"),
        ("list_to_integer", "[\"-0\"]", "0"),
        ("list_to_integer", "[\"007\"]", "7"),
        ("list_to_integer", "[\"134217728\"]", "134217728"),
        ("list_to_integer", "[\"-134217729\"]", "-134217729"),
        ("list_to_integer", "[\"576460752303423488\"]", "576460752303423488"),
        ("list_to_integer", "[\"123456789012345678901234567890\"]", "123456789012345678901234567890"),
        ("list_to_integer", "[\"-340282366920938463463374607431768211456\"]", "-340282366920938463463374607431768211456"),
        ("list_to_integer", "[\"\"]", "!badarg"),
        ("list_to_integer", "[\"+\"]", "!badarg"),
        ("list_to_integer", "[\"--1\"]", "!badarg"),
        ("list_to_integer", "[\"1_000\"]", "!badarg"),
        ("list_to_integer", "[\" 1\"]", "!badarg"),
        ("list_to_integer", "[\"1 \"]", "!badarg"),
        ("list_to_integer", "[[49 | a]]", "!badarg"),
        ("list_to_integer", "[[49, 256]]", "!badarg"),
        ("list_to_integer", "[<<\"1\">>]", "!badarg"),
        ("list_to_integer", "[\"ff\", 16]", "255"),
        ("list_to_integer", "[\"FF\", 16]", "255"),
        ("list_to_integer", "[\"zZ\", 36]", "1295"),
        ("list_to_integer", "[\"-1010\", 2]", "-10"),
        ("list_to_integer", "[\"2\", 2]", "!badarg"),
        ("list_to_integer", "[\"1\", 37]", "!badarg"),
        ("list_to_integer", "[\"1\", a]", "!badarg"),
        ("integer_to_binary", "[10]", "<<\"10\">>"),
        ("integer_to_binary", "[-255, 16]", "<<\"-FF\">>"),
        ("integer_to_binary", "[1.0]", "!badarg"),
        ("integer_to_binary", "[7, 1180591620717411303424]", "!badarg"),
        ("binary_to_integer", "[<<\"+12\">>]", "12"),
        ("binary_to_integer", "[<<\"-99999999999999999999\">>]", "-99999999999999999999"),
        ("binary_to_integer", "[<<\"z\">>, 36]", "35"),
        ("binary_to_integer", "[<<\"12\">>, a]", "!badarg"),
        ("binary_to_integer", "[<<1:3>>]", "!badarg"),
        ("binary_to_integer", "[\"12\"]", "!badarg"),
        ("binary_to_integer", "[<<\"1_0\">>]", "!badarg"),
        ("binary_to_integer", "[<<>>]", "!badarg"),
        ("binary_to_integer", "[<<\"-\">>]", "!badarg"),
        ("atom_to_binary", "[a]", "<<\"a\">>"),
        ("atom_to_binary", "['\\x{e4}']", "<<195, 164>>"),
        ("atom_to_binary", "['\\x{e4}', latin1]", "<<228>>"),
        ("atom_to_binary", "['\\x{3e8}', latin1]", "!badarg"),
        ("atom_to_binary", "[a, unicode]", "<<\"a\">>"),
        ("atom_to_binary", "[a, utf8]", "<<\"a\">>"),
        ("atom_to_binary", "[a, foo]", "!badarg"),
        ("atom_to_binary", "[1, utf8]", "!badarg"),
        ("binary_to_atom", "[<<\"abc\">>]", "abc"),
        ("binary_to_atom", "[<<>>]", "''"),
        ("binary_to_atom", "[<<195, 164>>]", "'\\x{e4}'"),
        ("binary_to_atom", "[<<228>>]", "!badarg"),
        ("binary_to_atom", "[<<228>>, utf8]", "!badarg"),
        ("binary_to_atom", "[<<228>>, latin1]", "'\\x{e4}'"),
        ("binary_to_atom", "[<<1:3>>]", "!badarg"),
        ("binary_to_atom", "[<<\"a\">>, foo]", "!badarg"),
        ("binary_to_atom", "[\"a\", utf8]", "!badarg"),
    ];

    #[test]
    #[cfg(feature = "bignum")] // OTP cases with bignums
    fn conversions_match_otp() {
        check(BIFS, CASES);
    }

    #[test]
    fn atom_length_limits() {
        let mut env = Env::new();
        let ok = alloc::format!("[\"{}\"]", "a".repeat(255));
        assert!(env.call(list_to_atom, &ok).is_ok());
        let long = alloc::format!("[\"{}\"]", "a".repeat(256));
        let r = env.call(list_to_atom, &long);
        assert_eq!(env.outcome(r), "!error:\"system_limit\"");
        let r = env.call(list_to_existing_atom, &long);
        assert_eq!(env.outcome(r), "!error:\"badarg\"");
        let bin = alloc::format!("[<<\"{}\">>]", "b".repeat(256));
        let r = env.call(binary_to_atom, &bin);
        assert_eq!(env.outcome(r), "!error:\"system_limit\"");
        // 255 two-byte characters are fine.
        let bytes: Vec<Term> = (0..255).map(|_| Term::small(228)).collect();
        let l = env.heap.list_from(&bytes, Term::NIL).unwrap();
        let b = super::super::erlang_iolist::list_to_binary(&mut env.ctx(), &[l]).unwrap();
        let latin = Term::atom(LATIN1);
        assert!(binary_to_atom(&mut env.ctx(), &[b, latin]).is_ok());
        let a = list_to_atom(&mut env.ctx(), &[l]).unwrap();
        assert_eq!(env.atoms.name(a.as_atom().unwrap()).chars().count(), 255);
    }

    #[test]
    fn full_atom_table_is_system_limit() {
        let mut env = Env::new();
        env.atoms = AtomTable::new(crate::term::atom::PREDEFINED.len());
        let r = env.call(list_to_atom, "[\"fresh\"]");
        assert_eq!(env.outcome(r), "!error:\"system_limit\"");
        let r = env.call(list_to_atom, "[\"ok\"]");
        assert_eq!(env.outcome(r), "\"ok\"");
    }
}
