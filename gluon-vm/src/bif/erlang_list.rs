//! List natives of module `erlang`: `hd`, `tl`, `length`, `++`, `--`.
//! All walk lists iteratively, so long lists cannot exhaust the Rust stack.

use super::{native, BifDef, BifResult, Ctx, Exception};
use crate::heap::Heap;
use crate::term::{compare, proper_list_len, Ordering, Term};
use alloc::vec::Vec;

/// List natives of module `erlang`.
pub(crate) static BIFS: &[BifDef] = &[
    native("erlang", "hd", 1, hd),
    native("erlang", "tl", 1, tl),
    native("erlang", "length", 1, length),
    native("erlang", "++", 2, append),
    native("erlang", "--", 2, subtract),
];

fn arg(args: &[Term], i: usize) -> Term {
    args.get(i).copied().unwrap_or(Term::NIL)
}

/// `hd(List)`.
pub fn hd(_: &mut Ctx, args: &[Term]) -> BifResult {
    arg(args, 0)
        .as_cons()
        .map(|c| c.0)
        .ok_or_else(Exception::badarg)
}

/// `tl(List)`.
pub fn tl(_: &mut Ctx, args: &[Term]) -> BifResult {
    arg(args, 0)
        .as_cons()
        .map(|c| c.1)
        .ok_or_else(Exception::badarg)
}

/// `length(List)`: `badarg` for improper lists.
pub fn length(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    match proper_list_len(arg(args, 0)) {
        Some(n) => Ok(crate::bignum::from_i64(ctx.heap, n as i64)?),
        None => Err(Exception::badarg()),
    }
}

/// `'++'(A, B)`: copies the proper list `A` onto `B` (any term).
pub fn append(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let (a, b) = (arg(args, 0), arg(args, 1));
    if a.is_nil() {
        return Ok(b);
    }
    let v = Heap::list_to_vec(a).ok_or_else(Exception::badarg)?;
    Ok(ctx.heap.list_from(&v, b)?)
}

/// Below this many elements on the right, `--` scans linearly.
const LINEAR_LIMIT: usize = 16;

/// `'--'(A, B)`: `A` without the first occurrence (by `=:=`) of each
/// element of `B`. Both must be proper lists. Runs in O((|A| + |B|) log |B|).
pub fn subtract(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let (a, b) = (arg(args, 0), arg(args, 1));
    let left = Heap::list_to_vec(a).ok_or_else(Exception::badarg)?;
    let mut right = Heap::list_to_vec(b).ok_or_else(Exception::badarg)?;
    if left.is_empty() || right.is_empty() {
        return Ok(a);
    }
    let atoms = &*ctx.atoms;
    let mut kept: Vec<Term> = Vec::with_capacity(left.len());
    if right.len() <= LINEAR_LIMIT {
        for &x in &left {
            let hit = right
                .iter()
                .position(|&y| x == y || compare(x, y, atoms, true) == Ordering::Equal);
            match hit {
                Some(i) => {
                    right.swap_remove(i);
                }
                None => kept.push(x),
            }
        }
    } else {
        // A multiset of the right-hand elements: sorted distinct terms
        // with how many of each remain to be removed.
        crate::sort::sort_by(&mut right, |&x, &y| compare(x, y, atoms, true));
        let mut counts: Vec<(Term, usize)> = Vec::new();
        for &y in &right {
            match counts.last_mut() {
                Some((t, n)) if compare(*t, y, atoms, true) == Ordering::Equal => *n += 1,
                _ => counts.push((y, 1)),
            }
        }
        for &x in &left {
            match counts.binary_search_by(|(t, _)| compare(*t, x, atoms, true)) {
                Ok(i) if counts.get(i).is_some_and(|c| c.1 > 0) => {
                    if let Some(c) = counts.get_mut(i) {
                        c.1 -= 1;
                    }
                }
                _ => kept.push(x),
            }
        }
    }
    Ok(ctx.heap.list_from(&kept, Term::NIL)?)
}

#[cfg(test)]
mod tests {
    use super::super::erlang_testkit::{check, Env};
    use super::*;
    use alloc::format;
    use alloc::string::String;

    /// Checked against OTP 25.
    #[rustfmt::skip]
    const CASES: &[(&str, &str, &str)] = &[
        ("hd", "[[a | b]]", "a"),
        ("hd", "[[]]", "!badarg"),
        ("hd", "[a]", "!badarg"),
        ("tl", "[[a | b]]", "b"),
        ("tl", "[[a]]", "[]"),
        ("tl", "[[]]", "!badarg"),
        ("length", "[[]]", "0"),
        ("length", "[[a, b, c]]", "3"),
        ("length", "[[a | b]]", "!badarg"),
        ("length", "[a]", "!badarg"),
        ("++", "[[1, 2], [3]]", "[1, 2, 3]"),
        ("++", "[[], a]", "a"),
        ("++", "[[1], a]", "[1 | a]"),
        ("++", "[a, []]", "!badarg"),
        ("++", "[[1 | 2], [3]]", "!badarg"),
        ("--", "[[1, 2, 1, 3], [1, 4]]", "[2, 1, 3]"),
        ("--", "[[a, b, c, a, b], [b, a, b, b]]", "[c, a]"),
        ("--", "[[1], [1.0]]", "[1]"),
        ("--", "[[{1}], [{1.0}]]", "[{1}]"),
        ("--", "[[1, 2], []]", "[1, 2]"),
        ("--", "[[], [1]]", "[]"),
        ("--", "[[1 | a], []]", "!badarg"),
        ("--", "[[], [1 | a]]", "!badarg"),
        ("--", "[[], a]", "!badarg"),
        ("--", "[a, []]", "!badarg"),
        (
            "--",
            "[[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 1, 2.0, \"x\", <<1>>], [18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1, 2, \"x\", <<1>>, z]]",
            "[2.0]",
        ),
    ];

    #[test]
    fn list_natives_match_otp() {
        check(BIFS, CASES);
    }

    /// Builds `[0, 1, .., n-1]` as Erlang source.
    fn seq(r: impl Iterator<Item = usize>) -> String {
        let v: Vec<String> = r.map(|i| format!("{i}")).collect();
        format!("[{}]", v.join(","))
    }

    #[test]
    fn long_lists() {
        let mut env = Env::new();
        // 20 000 elements minus the odd ones, given in reverse order.
        let args = format!(
            "[{}, {}]",
            seq(0..20_000),
            seq((0..20_000).rev().step_by(2))
        );
        let r = env.call(subtract, &args).unwrap();
        let want = env.parse(&seq((0..20_000).step_by(2)));
        assert!(env.show(r) == env.show(want), "wrong difference");
        let n = env.call(length, &format!("[{}]", seq(0..100_000))).unwrap();
        assert_eq!(n.as_small(), Some(100_000));
        let r = env
            .call(append, &format!("[{}, [x]]", seq(0..100_000)))
            .unwrap();
        assert_eq!(crate::term::proper_list_len(r), Some(100_001));
    }
}
