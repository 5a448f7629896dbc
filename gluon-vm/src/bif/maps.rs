//! `maps` natives and the map BIFs of `erlang` (`map_size`, `map_get`,
//! `is_map_key`), over the flat map representation of [`crate::map`].

use super::{native, BifDef, BifResult, Ctx, Exception};
use crate::heap::Heap;
use crate::map;
use crate::term::{atom, compare, Ordering, Term};
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
    native("maps", "keys", 1, keys),
    native("maps", "values", 1, values),
    native("maps", "size", 1, map_size),
    native("maps", "new", 0, new),
    native("maps", "merge", 2, merge),
];

/// `{Tag, V}` as an error reason.
fn tagged_error(ctx: &mut Ctx<'_>, tag: atom::Atom, v: Term) -> Exception {
    match ctx.heap.tuple(&[Term::atom(tag), v]) {
        Ok(r) => Exception::error(r),
        Err(e) => e.into(),
    }
}

/// The pairs of a map, or `{badmap, M}`.
fn pairs(ctx: &mut Ctx<'_>, m: Term) -> Result<&'static [Term], Exception> {
    map::as_flat(m).ok_or_else(|| tagged_error(ctx, atom::BADMAP, m))
}

fn rebuild(ctx: &mut Ctx<'_>, kv: &mut [(Term, Term)]) -> BifResult {
    Ok(map::from_pairs(ctx.heap, kv, ctx.atoms)?)
}

fn kv_of(body: &[Term]) -> Vec<(Term, Term)> {
    body.chunks(2).map(|c| (c[0], c[1])).collect()
}

fn map_size(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let body = pairs(ctx, a[0])?;
    Ok(Term::small((body.len() / 2) as isize))
}

fn get2(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    pairs(ctx, a[1])?;
    match map::get(a[1], a[0], ctx.atoms) {
        Some(v) => Ok(v),
        None => Err(tagged_error(ctx, atom::BADKEY, a[0])),
    }
}

fn get3(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    pairs(ctx, a[1])?;
    Ok(map::get(a[1], a[0], ctx.atoms).unwrap_or(a[2]))
}

fn find(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    pairs(ctx, a[1])?;
    match map::get(a[1], a[0], ctx.atoms) {
        Some(v) => Ok(ctx.heap.tuple(&[Term::atom(atom::OK), v])?),
        None => Ok(Term::atom(atom::ERROR)),
    }
}

fn is_key(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    pairs(ctx, a[1])?;
    Ok(Term::bool(map::get(a[1], a[0], ctx.atoms).is_some()))
}

fn put(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let mut kv = kv_of(pairs(ctx, a[2])?);
    kv.push((a[0], a[1]));
    rebuild(ctx, &mut kv)
}

fn update(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    pairs(ctx, a[2])?;
    if map::get(a[2], a[0], ctx.atoms).is_none() {
        return Err(tagged_error(ctx, atom::BADKEY, a[0]));
    }
    put(ctx, a)
}

fn without_key(ctx: &Ctx<'_>, body: &[Term], k: Term) -> Vec<(Term, Term)> {
    kv_of(body)
        .into_iter()
        .filter(|&(key, _)| compare(key, k, ctx.atoms, true) != Ordering::Equal)
        .collect()
}

fn remove(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let body = pairs(ctx, a[1])?;
    let mut kv = without_key(ctx, body, a[0]);
    rebuild(ctx, &mut kv)
}

fn take(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let body = pairs(ctx, a[1])?;
    let Some(v) = map::get(a[1], a[0], ctx.atoms) else {
        return Ok(Term::atom(atom::ERROR));
    };
    let mut kv = without_key(ctx, body, a[0]);
    let m = rebuild(ctx, &mut kv)?;
    Ok(ctx.heap.tuple(&[v, m])?)
}

fn to_list(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let body = pairs(ctx, a[0])?;
    let mut items = Vec::with_capacity(body.len() / 2);
    for c in body.chunks(2) {
        items.push(ctx.heap.tuple(&[c[0], c[1]])?);
    }
    Ok(ctx.heap.list_from(&items, Term::NIL)?)
}

fn from_list(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let items = Heap::list_to_vec(a[0]).ok_or_else(Exception::badarg)?;
    let mut kv = Vec::with_capacity(items.len());
    for t in items {
        match t.as_tuple() {
            Some(&[k, v]) => kv.push((k, v)),
            _ => return Err(Exception::badarg()),
        }
    }
    rebuild(ctx, &mut kv)
}

fn keys(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let body = pairs(ctx, a[0])?;
    let ks: Vec<Term> = body.chunks(2).map(|c| c[0]).collect();
    Ok(ctx.heap.list_from(&ks, Term::NIL)?)
}

fn values(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let body = pairs(ctx, a[0])?;
    let vs: Vec<Term> = body.chunks(2).map(|c| c[1]).collect();
    Ok(ctx.heap.list_from(&vs, Term::NIL)?)
}

fn new(ctx: &mut Ctx<'_>, _: &[Term]) -> BifResult {
    rebuild(ctx, &mut Vec::new())
}

fn merge(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let mut kv = kv_of(pairs(ctx, a[0])?);
    kv.extend(kv_of(pairs(ctx, a[1])?));
    rebuild(ctx, &mut kv)
}
