//! Natives of module `lists` (those OTP implements in C): `reverse/2`,
//! `keyfind/3`, `keymember/3`, `keysearch/3`, `member/2`.

use super::{native, BifDef, BifResult, Ctx, Exception};
use crate::term::{compare, exact_eq, AtomTable, ListIter, Ordering, Term};
use alloc::vec::Vec;

/// Natives of module `lists`.
pub(crate) static BIFS: &[BifDef] = &[
    native("lists", "reverse", 2, reverse),
    native("lists", "keyfind", 3, keyfind),
    native("lists", "keymember", 3, keymember),
    native("lists", "keysearch", 3, keysearch),
    native("lists", "member", 2, member),
];

fn arg(args: &[Term], i: usize) -> Term {
    args.get(i).copied().unwrap_or(Term::NIL)
}

/// `lists:reverse(List, Tail)`: `List` must be proper.
pub fn reverse(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let mut it = ListIter::new(arg(args, 0));
    let elems: Vec<Term> = it.by_ref().collect();
    if !it.tail().is_nil() {
        return Err(Exception::badarg());
    }
    let mut acc = arg(args, 1);
    if elems.is_empty() {
        return Ok(acc);
    }
    let cells = ctx.heap.alloc_slice(2 * elems.len())?;
    for (&e, cell) in elems.iter().zip(cells.chunks_exact_mut(2)) {
        cell[0] = e;
        cell[1] = acc;
        acc = Term::list_ptr(cell.as_ptr());
    }
    Ok(acc)
}

/// The first tuple of `list` whose `N`th element equals `key` (`==`).
/// `badarg` if `N` is not a positive small integer or the walk reaches an
/// improper tail; elements that are not tuples are skipped.
fn find(atoms: &AtomTable, key: Term, n: Term, list: Term) -> Result<Option<Term>, Exception> {
    let n = match n.as_small() {
        Some(n) if n >= 1 => n as usize,
        _ => return Err(Exception::badarg()),
    };
    let mut it = ListIter::new(list);
    for e in it.by_ref() {
        if let Some(&k) = e.as_tuple().and_then(|t| t.get(n - 1)) {
            if k == key || compare(k, key, atoms, false) == Ordering::Equal {
                return Ok(Some(e));
            }
        }
    }
    if it.tail().is_nil() {
        Ok(None)
    } else {
        Err(Exception::badarg())
    }
}

/// `lists:keyfind(Key, N, TupleList)`: the tuple or `false`.
pub fn keyfind(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let r = find(ctx.atoms, arg(args, 0), arg(args, 1), arg(args, 2))?;
    Ok(r.unwrap_or(Term::FALSE))
}

/// `lists:keymember(Key, N, TupleList)`.
pub fn keymember(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let r = find(ctx.atoms, arg(args, 0), arg(args, 1), arg(args, 2))?;
    Ok(Term::bool(r.is_some()))
}

/// `lists:keysearch(Key, N, TupleList)`: `{value, Tuple}` or `false`.
pub fn keysearch(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    match find(ctx.atoms, arg(args, 0), arg(args, 1), arg(args, 2))? {
        Some(t) => Ok(ctx.heap.tuple(&[Term::atom(crate::term::atom::VALUE), t])?),
        None => Ok(Term::FALSE),
    }
}

/// `lists:member(Elem, List)`: exact match (`=:=`); `badarg` if the walk
/// reaches an improper tail.
pub fn member(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let x = arg(args, 0);
    let mut it = ListIter::new(arg(args, 1));
    for e in it.by_ref() {
        if exact_eq(e, x, ctx.atoms) {
            return Ok(Term::TRUE);
        }
    }
    if it.tail().is_nil() {
        Ok(Term::FALSE)
    } else {
        Err(Exception::badarg())
    }
}

#[cfg(test)]
mod tests {
    // Without `bignum` the OTP case tables (which hold bignums) go unused.
    #![cfg_attr(not(feature = "bignum"), allow(dead_code, unused_imports))]
    use super::super::erlang_testkit::{check, Env};
    use super::*;
    use alloc::format;
    use alloc::string::String;

    /// Checked against OTP 25.
    #[rustfmt::skip]
    const CASES: &[(&str, &str, &str)] = &[
        ("reverse", "[[1, 2, 3], []]", "[3, 2, 1]"),
        ("reverse", "[[1, 2], a]", "[2, 1 | a]"),
        ("reverse", "[[], a]", "a"),
        ("reverse", "[[1 | 2], []]", "!badarg"),
        ("reverse", "[a, []]", "!badarg"),
        ("keyfind", "[a, 1, [{b}, {a, 1}]]", "{a, 1}"),
        ("keyfind", "[1, 1, [{1.0}]]", "{1.0}"),
        ("keyfind", "[{1}, 1, [{{1.0}}]]", "{{1.0}}"),
        ("keyfind", "[1, 1, [{1.0, 1}, {1, 2}]]", "{1.0, 1}"),
        ("keyfind", "[a, 2, [{a}, {b, a}]]", "{b, a}"),
        ("keyfind", "[a, 1, [x, {a}]]", "{a}"),
        ("keyfind", "[a, 1, []]", "false"),
        ("keyfind", "[a, 1, [{a} | c]]", "{a}"),
        ("keyfind", "[a, 1, [{b} | c]]", "!badarg"),
        ("keyfind", "[a, 1, a]", "!badarg"),
        ("keyfind", "[a, 0, [{a}]]", "!badarg"),
        ("keyfind", "[a, -1, []]", "!badarg"),
        ("keyfind", "[a, a, []]", "!badarg"),
        ("keyfind", "[a, 1180591620717411303424, []]", "!badarg"),
        ("keymember", "[a, 1, [{a, 1}]]", "true"),
        ("keymember", "[1.0, 1, [{1, 1}]]", "true"),
        ("keymember", "[{1}, 1, [{{1.0}}]]", "true"),
        ("keymember", "[b, 1, [{a, 1}]]", "false"),
        ("keymember", "[b, 1, [{a, 1} | x]]", "!badarg"),
        ("keysearch", "[a, 1, [{a, 1}]]", "{value, {a, 1}}"),
        ("keysearch", "[a, 1, []]", "false"),
        ("keysearch", "[a, 0, []]", "!badarg"),
        ("member", "[1, [1.0]]", "false"),
        ("member", "[{1}, [{1.0}]]", "false"),
        ("member", "[1, [2, 1]]", "true"),
        ("member", "[1, [1 | a]]", "true"),
        ("member", "[2, [1 | a]]", "!badarg"),
        ("member", "[2, a]", "!badarg"),
        ("member", "[2, []]", "false"),
        ("member", "[\"ab\", [x, \"ab\"]]", "true"),
    ];

    #[test]
    #[cfg(feature = "bignum")] // OTP cases with bignums
    fn lists_natives_match_otp() {
        check(BIFS, CASES);
    }

    /// Bignum keys match floats of equal value.
    #[test]
    #[cfg(feature = "bignum")] // OTP cases with bignums
    fn bignum_key_against_float() {
        check(
            BIFS,
            &[(
                "keyfind",
                "[1180591620717411303424, 1, [{1.1805916207174113e21}]]",
                "{1.1805916207174113e21}",
            )],
        );
    }

    #[test]
    fn long_lists() {
        let mut env = Env::new();
        let v: Vec<String> = (0..100_000).map(|i| format!("{{{i}}}")).collect();
        let list = format!("[{}]", v.join(","));
        let r = env.call(keyfind, &format!("[99999, 1, {list}]")).unwrap();
        assert_eq!(env.show(r), "{99999}");
        let r = env.call(member, &format!("[{{99999}}, {list}]")).unwrap();
        assert_eq!(r, Term::TRUE);
        let r = env.call(reverse, &format!("[{list}, []]")).unwrap();
        assert_eq!(r.as_cons().map(|c| env.show(c.0)), Some("{99999}".into()));
    }
}
