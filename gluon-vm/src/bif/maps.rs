//! `maps` natives and the map BIFs of `erlang` (`map_size`, `map_get`,
//! `is_map_key`), over [`crate::map`]. The `maps` functions that take a
//! fun are Erlang, in `erlang-stdlib/maps.erl`.
//!
//! Errors are OTP 25's: `{badmap, M}` for a map argument that is not one
//! (checked before anything else), `{badkey, K}`, and `badarg` for other
//! arguments.

use super::{native, BifDef, BifResult, Ctx, Exception};
use crate::map;
use crate::term::{atom, ListIter, Term};
use alloc::vec::Vec;

pub(crate) static BIFS: &[BifDef] = &[
    native("erlang", "map_size", 1, map_size),
    native("erlang", "map_get", 2, get2),
    native("erlang", "is_map_key", 2, is_key),
    native("maps", "get", 2, get2),
    native("maps", "get", 3, get3),
    native("maps", "find", 2, find),
    native("maps", "is_key", 2, is_key),
    native("maps", "put", 3, put),
    native("maps", "update", 3, update),
    native("maps", "remove", 2, remove),
    native("maps", "take", 2, take),
    native("maps", "to_list", 1, to_list),
    native("maps", "from_list", 1, from_list),
    native("maps", "from_keys", 2, from_keys),
    native("maps", "keys", 1, keys),
    native("maps", "values", 1, values),
    native("maps", "size", 1, map_size),
    native("maps", "new", 0, new),
    native("maps", "merge", 2, merge),
    native("maps", "with", 2, with),
    native("maps", "without", 2, without),
    native("maps", "intersect", 2, intersect),
    native("maps", "iterator", 1, iterator),
    native("maps", "next", 1, next),
];

/// `{Tag, V}` as an error reason.
fn tagged_error(ctx: &mut Ctx<'_>, tag: atom::Atom, v: Term) -> Exception {
    match ctx.heap.tuple(&[Term::atom(tag), v]) {
        Ok(r) => Exception::error(r),
        Err(e) => e.into(),
    }
}

/// `Ok` for a map, else `{badmap, M}`.
fn need_map(ctx: &mut Ctx<'_>, m: Term) -> Result<(), Exception> {
    if m.is_map() {
        Ok(())
    } else {
        Err(tagged_error(ctx, atom::BADMAP, m))
    }
}

/// The pairs of a map in key order, or `{badmap, M}`.
fn pairs(ctx: &mut Ctx<'_>, m: Term) -> Result<Vec<(Term, Term)>, Exception> {
    match map::pairs(m, ctx.atoms) {
        Some(kv) => Ok(kv),
        None => Err(tagged_error(ctx, atom::BADMAP, m)),
    }
}

/// The elements of a proper list, or `err`.
fn list(t: Term, err: fn() -> Exception) -> Result<Vec<Term>, Exception> {
    let mut it = ListIter::new(t);
    let v: Vec<Term> = it.by_ref().collect();
    if it.tail().is_nil() {
        Ok(v)
    } else {
        Err(err())
    }
}

/// What OTP's Erlang-coded `with/2` and `without/2` raise for an improper
/// list.
fn function_clause() -> Exception {
    Exception::error(Term::atom(atom::FUNCTION_CLAUSE))
}

fn map_size(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    match map::size(a[0]) {
        Some(n) => Ok(Term::small(n as isize)),
        None => Err(tagged_error(ctx, atom::BADMAP, a[0])),
    }
}

fn get2(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    need_map(ctx, a[1])?;
    match map::get(a[1], a[0], ctx.atoms) {
        Some(v) => Ok(v),
        None => Err(tagged_error(ctx, atom::BADKEY, a[0])),
    }
}

fn get3(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    need_map(ctx, a[1])?;
    Ok(map::get(a[1], a[0], ctx.atoms).unwrap_or(a[2]))
}

fn find(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    need_map(ctx, a[1])?;
    match map::get(a[1], a[0], ctx.atoms) {
        Some(v) => Ok(ctx.heap.tuple(&[Term::atom(atom::OK), v])?),
        None => Ok(Term::atom(atom::ERROR)),
    }
}

fn is_key(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    need_map(ctx, a[1])?;
    Ok(Term::bool(map::get(a[1], a[0], ctx.atoms).is_some()))
}

fn put(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    need_map(ctx, a[2])?;
    Ok(map::put(ctx.heap, a[2], a[0], a[1], ctx.atoms)?)
}

fn update(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    need_map(ctx, a[2])?;
    if map::get(a[2], a[0], ctx.atoms).is_none() {
        return Err(tagged_error(ctx, atom::BADKEY, a[0]));
    }
    Ok(map::put(ctx.heap, a[2], a[0], a[1], ctx.atoms)?)
}

fn remove(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    need_map(ctx, a[1])?;
    Ok(map::remove(ctx.heap, a[1], a[0], ctx.atoms)?)
}

fn take(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    need_map(ctx, a[1])?;
    let Some(v) = map::get(a[1], a[0], ctx.atoms) else {
        return Ok(Term::atom(atom::ERROR));
    };
    let m = map::remove(ctx.heap, a[1], a[0], ctx.atoms)?;
    Ok(ctx.heap.tuple(&[v, m])?)
}

fn to_list(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let kv = pairs(ctx, a[0])?;
    let mut items = Vec::with_capacity(kv.len());
    for (k, v) in kv {
        items.push(ctx.heap.tuple(&[k, v])?);
    }
    Ok(ctx.heap.list_from(&items, Term::NIL)?)
}

fn from_list(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let mut kv = Vec::new();
    for t in list(a[0], Exception::badarg)? {
        match t.as_tuple() {
            Some(&[k, v]) => kv.push((k, v)),
            _ => return Err(Exception::badarg()),
        }
    }
    Ok(map::from_pairs(ctx.heap, &mut kv, ctx.atoms)?)
}

fn from_keys(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let mut kv: Vec<(Term, Term)> = list(a[0], Exception::badarg)?
        .into_iter()
        .map(|k| (k, a[1]))
        .collect();
    Ok(map::from_pairs(ctx.heap, &mut kv, ctx.atoms)?)
}

fn keys(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let ks: Vec<Term> = pairs(ctx, a[0])?.into_iter().map(|(k, _)| k).collect();
    Ok(ctx.heap.list_from(&ks, Term::NIL)?)
}

fn values(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let vs: Vec<Term> = pairs(ctx, a[0])?.into_iter().map(|(_, v)| v).collect();
    Ok(ctx.heap.list_from(&vs, Term::NIL)?)
}

fn new(ctx: &mut Ctx<'_>, _: &[Term]) -> BifResult {
    Ok(map::from_pairs(ctx.heap, &mut [], ctx.atoms)?)
}

fn merge(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    need_map(ctx, a[0])?;
    need_map(ctx, a[1])?;
    // Insert the smaller map's pairs into the larger one.
    let (n0, n1) = (map::size(a[0]).unwrap_or(0), map::size(a[1]).unwrap_or(0));
    if n1 >= n0 {
        let mut kv = Vec::with_capacity(n0);
        map::for_each_pair(a[0], |k, v| kv.push((k, v)));
        kv.retain(|&(k, _)| map::get(a[1], k, ctx.atoms).is_none());
        Ok(map::put_all(ctx.heap, a[1], &kv, ctx.atoms)?)
    } else {
        let mut kv = Vec::with_capacity(n1);
        map::for_each_pair(a[1], |k, v| kv.push((k, v)));
        Ok(map::put_all(ctx.heap, a[0], &kv, ctx.atoms)?)
    }
}

fn with(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    need_map(ctx, a[1])?;
    if !a[0].is_list_or_nil() {
        return Err(Exception::badarg());
    }
    let mut kv = Vec::new();
    for k in list(a[0], function_clause)? {
        if let Some(v) = map::get(a[1], k, ctx.atoms) {
            kv.push((k, v));
        }
    }
    Ok(map::from_pairs(ctx.heap, &mut kv, ctx.atoms)?)
}

fn without(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    need_map(ctx, a[1])?;
    if !a[0].is_list_or_nil() {
        return Err(Exception::badarg());
    }
    let ks = list(a[0], function_clause)?;
    let mut m = a[1];
    for k in ks {
        m = map::remove(ctx.heap, m, k, ctx.atoms)?;
    }
    Ok(m)
}

fn intersect(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    need_map(ctx, a[0])?;
    need_map(ctx, a[1])?;
    // Keys of both, values of the second.
    let mut kv = Vec::new();
    map::for_each_pair(a[1], |k, v| {
        if map::get(a[0], k, ctx.atoms).is_some() {
            kv.push((k, v));
        }
    });
    Ok(map::from_pairs(ctx.heap, &mut kv, ctx.atoms)?)
}

/// `[0 | Map]`, OTP's iterator shape: the integer is how many pairs (in
/// key order) were consumed.
fn iterator(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    need_map(ctx, a[0])?;
    Ok(ctx.heap.cons(Term::small(0), a[0])?)
}

/// `maps:next/1`. As on OTP, the answer is a chain of `{K, V, Next}`
/// tuples for every pair left, ending in `none`: `[N | Map]` iterates
/// from the `N`th pair in key order, `[Keys | Map]` (the ordered
/// iterators of `maps:iterator/2`) over `Keys`, and a chain is its own
/// next step.
fn next(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let it = a[0];
    // `none` is not predefined: interned here (the table has room for it
    // whenever a module naming it was loaded).
    let none = Term::atom(
        ctx.atoms
            .intern("none")
            .map_err(|_| Exception::system_limit())?,
    );
    if it == none {
        return Ok(it);
    }
    if let Some(&[_, _, _]) = it.as_tuple() {
        return Ok(it);
    }
    let Some((p, m)) = it.as_cons().filter(|&(_, m)| m.is_map()) else {
        return Err(Exception::badarg());
    };
    let kv: Vec<(Term, Term)> = if let Some(n) = p.as_small() {
        let all = map::pairs(m, ctx.atoms).unwrap_or_default();
        let from = usize::try_from(n).map_err(|_| Exception::badarg())?;
        all.get(from..).unwrap_or_default().to_vec()
    } else {
        let mut kv = Vec::new();
        for k in list(p, Exception::badarg)? {
            let v = map::get(m, k, ctx.atoms).ok_or_else(Exception::badarg)?;
            kv.push((k, v));
        }
        kv
    };
    let mut acc = none;
    for &(k, v) in kv.iter().rev() {
        acc = ctx.heap.tuple(&[k, v, acc])?;
    }
    Ok(acc)
}
