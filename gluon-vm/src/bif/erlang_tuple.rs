//! Tuple natives: element access and update, construction, conversion
//! to and from lists.

use super::{native, BifDef, BifResult, Ctx, Exception};
use crate::heap::Heap;
use crate::term::{HeaderTag, ListIter, Term};
use alloc::vec::Vec;

/// Tuple natives of module `erlang`.
pub(crate) static BIFS: &[BifDef] = &[
    native("erlang", "element", 2, element),
    native("erlang", "setelement", 3, setelement),
    native("erlang", "tuple_size", 1, tuple_size),
    native("erlang", "size", 1, size),
    native("erlang", "make_tuple", 2, make_tuple),
    native("erlang", "make_tuple", 3, make_tuple3),
    native("erlang", "append_element", 2, append_element),
    native("erlang", "delete_element", 2, delete_element),
    native("erlang", "insert_element", 3, insert_element),
    native("erlang", "tuple_to_list", 1, tuple_to_list),
    native("erlang", "list_to_tuple", 1, list_to_tuple),
];

/// The largest tuple `make_tuple` builds, as on the BEAM.
const MAX_TUPLE_SIZE: usize = (1 << 24) - 1;

fn arg(args: &[Term], i: usize) -> Term {
    args.get(i).copied().unwrap_or(Term::NIL)
}

/// A 1-based position as an index `1..=limit`, or `badarg`.
fn position(t: Term, limit: usize) -> Result<usize, Exception> {
    match t.as_small() {
        Some(n) if n >= 1 && n as usize <= limit => Ok(n as usize),
        _ => Err(Exception::badarg()),
    }
}

/// Element `k` (0-based) of `t`, or `[]` out of range (never reached).
fn at(t: &[Term], k: usize) -> Term {
    t.get(k).copied().unwrap_or(Term::NIL)
}

fn tuple(t: Term) -> Result<&'static [Term], Exception> {
    t.as_tuple().ok_or_else(Exception::badarg)
}

/// Builds a tuple of `n` elements, each produced by `f(i)` for `i` in `0..n`.
fn build(heap: &mut Heap, n: usize, mut f: impl FnMut(usize) -> Term) -> BifResult {
    let s = heap.alloc_slice(n + 1)?;
    s[0] = Term::header(HeaderTag::Tuple, n);
    for (i, w) in s[1..].iter_mut().enumerate() {
        *w = f(i);
    }
    Ok(Term::boxed_ptr(s.as_ptr()))
}

/// `element(N, Tuple)`.
pub fn element(_: &mut Ctx, args: &[Term]) -> BifResult {
    let t = tuple(arg(args, 1))?;
    let i = position(arg(args, 0), t.len())?;
    t.get(i - 1).copied().ok_or_else(Exception::badarg)
}

/// `setelement(N, Tuple, Value)`: a copy with element `N` replaced.
pub fn setelement(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let t = tuple(arg(args, 1))?;
    let i = position(arg(args, 0), t.len())?;
    let v = arg(args, 2);
    build(ctx.heap, t.len(), |k| if k + 1 == i { v } else { at(t, k) })
}

/// `tuple_size(Tuple)`.
pub fn tuple_size(_: &mut Ctx, args: &[Term]) -> BifResult {
    Ok(Term::small(tuple(arg(args, 0))?.len() as isize))
}

/// `size/1`: elements of a tuple or whole bytes of a bitstring.
pub fn size(_: &mut Ctx, args: &[Term]) -> BifResult {
    let t = arg(args, 0);
    if let Some(el) = t.as_tuple() {
        return Ok(Term::small(el.len() as isize));
    }
    match crate::binary::bit_view(t) {
        Some((_, _, bits)) => Ok(Term::small((bits / 8) as isize)),
        None => Err(Exception::badarg()),
    }
}

/// A tuple size argument: a small in `0..=MAX_TUPLE_SIZE`.
fn tuple_len(t: Term) -> Result<usize, Exception> {
    match t.as_small() {
        Some(n) if n >= 0 && n as usize <= MAX_TUPLE_SIZE => Ok(n as usize),
        _ => Err(Exception::badarg()),
    }
}

/// `erlang:make_tuple(N, Value)`.
pub fn make_tuple(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let n = tuple_len(arg(args, 0))?;
    let v = arg(args, 1);
    build(ctx.heap, n, |_| v)
}

/// `erlang:make_tuple(N, Default, [{Pos, Value}])`: later pairs win.
pub fn make_tuple3(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let n = tuple_len(arg(args, 0))?;
    let mut it = ListIter::new(arg(args, 2));
    let mut inits: Vec<(usize, Term)> = Vec::new();
    for e in it.by_ref() {
        match e.as_tuple() {
            Some(&[p, v]) => inits.push((position(p, n)?, v)),
            _ => return Err(Exception::badarg()),
        }
    }
    if !it.tail().is_nil() {
        return Err(Exception::badarg());
    }
    let t = build(ctx.heap, n, |_| arg(args, 1))?;
    // SAFETY: `t` is the fresh tuple of `n` elements built above and each
    // position was checked to be in `1..=n`.
    for (p, v) in inits {
        unsafe { *t.ptr_mut().add(p) = v };
    }
    Ok(t)
}

/// `erlang:append_element(Tuple, Value)`.
pub fn append_element(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let t = tuple(arg(args, 0))?;
    let v = arg(args, 1);
    build(ctx.heap, t.len() + 1, |k| t.get(k).copied().unwrap_or(v))
}

/// `erlang:delete_element(N, Tuple)`.
pub fn delete_element(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let t = tuple(arg(args, 1))?;
    let i = position(arg(args, 0), t.len())?;
    build(ctx.heap, t.len() - 1, |k| {
        if k + 1 < i {
            at(t, k)
        } else {
            at(t, k + 1)
        }
    })
}

/// `erlang:insert_element(N, Tuple, Value)`, `N` up to size + 1.
pub fn insert_element(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let t = tuple(arg(args, 1))?;
    let i = position(arg(args, 0), t.len() + 1)?;
    let v = arg(args, 2);
    build(ctx.heap, t.len() + 1, |k| match (k + 1).cmp(&i) {
        core::cmp::Ordering::Less => at(t, k),
        core::cmp::Ordering::Equal => v,
        core::cmp::Ordering::Greater => at(t, k - 1),
    })
}

/// `tuple_to_list(Tuple)`.
pub fn tuple_to_list(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let t = tuple(arg(args, 0))?;
    Ok(ctx.heap.list_from(t, Term::NIL)?)
}

/// `list_to_tuple(List)`: `badarg` for improper lists.
pub fn list_to_tuple(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let v = Heap::list_to_vec(arg(args, 0)).ok_or_else(Exception::badarg)?;
    Ok(ctx.heap.tuple(&v)?)
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
        ("element", "[1, {a, b}]", "a"),
        ("element", "[2, {a, b}]", "b"),
        ("element", "[0, {a}]", "!badarg"),
        ("element", "[3, {a, b}]", "!badarg"),
        ("element", "[-1, {a, b}]", "!badarg"),
        ("element", "[1180591620717411303424, {a}]", "!badarg"),
        ("element", "[1, [a]]", "!badarg"),
        ("element", "[1.0, {a}]", "!badarg"),
        ("setelement", "[1, {a}, b]", "{b}"),
        ("setelement", "[2, {a, b, c}, x]", "{a, x, c}"),
        ("setelement", "[2, {a}, b]", "!badarg"),
        ("setelement", "[0, {a}, b]", "!badarg"),
        ("setelement", "[1, a, b]", "!badarg"),
        ("tuple_size", "[{}]", "0"),
        ("tuple_size", "[{a, b}]", "2"),
        ("tuple_size", "[[]]", "!badarg"),
        ("size", "[{a, b}]", "2"),
        ("size", "[<<1, 2>>]", "2"),
        ("size", "[<<1, 2:3>>]", "1"),
        ("size", "[[]]", "!badarg"),
        ("size", "[a]", "!badarg"),
        ("make_tuple", "[3, a]", "{a, a, a}"),
        ("make_tuple", "[0, a]", "{}"),
        ("make_tuple", "[-1, a]", "!badarg"),
        ("make_tuple", "[3.0, a]", "!badarg"),
        ("make_tuple", "[16777216, a]", "!badarg"),
        ("make_tuple", "[1180591620717411303424, a]", "!badarg"),
        ("make_tuple", "[3, a, [{1, b}, {1, c}, {3, d}]]", "{c, a, d}"),
        ("make_tuple", "[2, a, [{1, b}]]", "{b, a}"),
        ("make_tuple", "[2, a, []]", "{a, a}"),
        ("make_tuple", "[3, a, [{4, b}]]", "!badarg"),
        ("make_tuple", "[3, a, [{0, b}]]", "!badarg"),
        ("make_tuple", "[3, a, [x]]", "!badarg"),
        ("make_tuple", "[3, a, [{1, b} | x]]", "!badarg"),
        ("make_tuple", "[3, a, [{1, b, c}]]", "!badarg"),
        ("make_tuple", "[0, a, [{1, b}]]", "!badarg"),
        ("make_tuple", "[3, a, x]", "!badarg"),
        ("make_tuple", "[16777216, a, []]", "!badarg"),
        ("append_element", "[{a}, b]", "{a, b}"),
        ("append_element", "[{}, b]", "{b}"),
        ("append_element", "[x, b]", "!badarg"),
        ("delete_element", "[1, {a, b}]", "{b}"),
        ("delete_element", "[2, {a, b, c}]", "{a, c}"),
        ("delete_element", "[3, {a, b}]", "!badarg"),
        ("delete_element", "[1, {}]", "!badarg"),
        ("delete_element", "[0, {a}]", "!badarg"),
        ("insert_element", "[3, {a, b}, c]", "{a, b, c}"),
        ("insert_element", "[1, {a, b}, c]", "{c, a, b}"),
        ("insert_element", "[2, {a, b}, c]", "{a, c, b}"),
        ("insert_element", "[4, {a, b}, c]", "!badarg"),
        ("insert_element", "[1, {}, c]", "{c}"),
        ("insert_element", "[0, {}, c]", "!badarg"),
        ("insert_element", "[1, [], c]", "!badarg"),
        ("tuple_to_list", "[{a, b}]", "[a, b]"),
        ("tuple_to_list", "[{}]", "[]"),
        ("tuple_to_list", "[[a]]", "!badarg"),
        ("list_to_tuple", "[[a, b]]", "{a, b}"),
        ("list_to_tuple", "[[]]", "{}"),
        ("list_to_tuple", "[[a | b]]", "!badarg"),
        ("list_to_tuple", "[a]", "!badarg"),
    ];

    #[test]
    #[cfg(feature = "bignum")] // OTP cases with bignums
    fn tuple_natives_match_otp() {
        check(BIFS, CASES);
    }
}
