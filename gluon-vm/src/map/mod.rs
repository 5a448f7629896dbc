//! Maps: small ones flat and sorted, large ones in a hash trie.
//!
//! A map of at most [`MAX_FLAT`] pairs is always a flat map
//! ([`flat`]: keys and values in exact key order), a larger one always a
//! hash array mapped trie ([`hamt`]); updates convert across the boundary
//! both ways, so the representation is a function of the size and equal
//! maps look alike. Keys are told apart by exact equality (`=:=`): `1`
//! and `1.0` are two keys.
//!
//! **Order.** Everything that enumerates a map here (`maps:to_list/keys/
//! values/fold`, iterators, printing, `term_to_binary`) goes in exact key
//! term order, for large maps too, which are sorted when enumerated (the
//! trie itself is in hash order). OTP 25 does the same for small maps but
//! enumerates large maps in its own hash order, which no other VM shares;
//! OTP 26 and later also order small maps with atom keys by the atoms'
//! internal indices. Programs that print maps or their key lists and must
//! agree with every OTP sort them first (or print `~kp` on OTP 26+).

mod flat;
#[cfg(feature = "hash-maps")]
mod hamt;
#[cfg(not(feature = "hash-maps"))]
#[path = "flat_only.rs"]
mod hamt;
#[cfg_attr(not(feature = "hash-maps"), allow(dead_code))]
mod hash;
#[cfg(test)]
mod tests;

pub use flat::as_flat;
pub use hash::hash;

use crate::heap::{Heap, OutOfMemory};
use crate::term::{compare, AtomTable, Ordering, Term};
use alloc::rc::Rc;
use alloc::vec::Vec;

/// The most pairs a flat map holds; larger maps are hash tries (as on the
/// BEAM).
#[cfg(feature = "hash-maps")]
pub const MAX_FLAT: usize = 32;
/// Without the `hash-maps` feature every map is flat, of any size.
#[cfg(not(feature = "hash-maps"))]
pub const MAX_FLAT: usize = usize::MAX / 4;

/// Number of pairs in a map, or `None` for other terms.
pub fn size(t: Term) -> Option<usize> {
    if let Some(body) = as_flat(t) {
        Some(body.len() / 2)
    } else if hamt::is_hamt(t) {
        Some(hamt::size(t))
    } else {
        None
    }
}

/// Looks up `key` in `map` (`None` also when `map` is not a map).
pub fn get(map: Term, key: Term, atoms: &AtomTable) -> Option<Term> {
    if let Some(body) = as_flat(map) {
        flat::search(body, key, atoms).ok().map(|i| body[2 * i + 1])
    } else if hamt::is_hamt(map) {
        hamt::get(map, key, atoms)
    } else {
        None
    }
}

/// Calls `f` on every pair in no particular order.
pub fn for_each_pair(map: Term, mut f: impl FnMut(Term, Term)) {
    if let Some(body) = as_flat(map) {
        for kv in body.chunks(2) {
            f(kv[0], kv[1]);
        }
    } else if hamt::is_hamt(map) {
        hamt::for_each(map, &mut f);
    }
}

/// The pairs of a map in key order, or `None` for other terms.
pub fn pairs(map: Term, atoms: &AtomTable) -> Option<Vec<(Term, Term)>> {
    if let Some(body) = as_flat(map) {
        return Some(body.chunks(2).map(|c| (c[0], c[1])).collect());
    }
    if !hamt::is_hamt(map) {
        return None;
    }
    let mut out = Vec::with_capacity(hamt::size(map));
    hamt::for_each(map, &mut |k, v| out.push((k, v)));
    crate::sort::sort_by(&mut out, |a, b| compare(a.0, b.0, atoms, true));
    Some(out)
}

/// Keys and values alternating in key order (`k1 v1 k2 v2 ..`): a flat
/// map's own words, or a sorted copy for a large map.
#[derive(Clone)]
pub enum Body {
    /// A flat map's body.
    Flat(&'static [Term]),
    /// The sorted pairs of a large map.
    Sorted(Rc<[Term]>),
}

impl Body {
    /// The words.
    pub fn words(&self) -> &[Term] {
        match self {
            Body::Flat(b) => b,
            Body::Sorted(b) => b,
        }
    }
}

/// A map's keys and values in key order, or `None` for other terms.
pub fn body(map: Term, atoms: &AtomTable) -> Option<Body> {
    if let Some(b) = as_flat(map) {
        return Some(Body::Flat(b));
    }
    let kv = pairs(map, atoms)?;
    let words: Vec<Term> = kv.iter().flat_map(|&(k, v)| [k, v]).collect();
    Some(Body::Sorted(Rc::from(words)))
}

/// A map of `pairs` (any order; a later pair wins over an earlier one with
/// an exactly equal key).
pub fn from_pairs(
    heap: &mut Heap,
    pairs: &mut [(Term, Term)],
    atoms: &AtomTable,
) -> Result<Term, OutOfMemory> {
    // A stable sort keeps insertion order among equal keys: keep the last.
    crate::sort::sort_by(pairs, |a, b| compare(a.0, b.0, atoms, true));
    let mut out: Vec<(Term, Term)> = Vec::with_capacity(pairs.len());
    for &(k, v) in pairs.iter() {
        match out.last_mut() {
            Some(last) if compare(last.0, k, atoms, true) == Ordering::Equal => last.1 = v,
            _ => out.push((k, v)),
        }
    }
    from_distinct_sorted(heap, &out, atoms)
}

/// A map of pairs sorted by key with distinct keys.
pub fn from_distinct_sorted(
    heap: &mut Heap,
    pairs: &[(Term, Term)],
    atoms: &AtomTable,
) -> Result<Term, OutOfMemory> {
    if pairs.len() <= MAX_FLAT {
        flat::from_sorted(heap, pairs)
    } else {
        hamt::build(heap, pairs, atoms)
    }
}

/// `map` with `key` bound to `value` (the caller checked that `map` is a
/// map; the same term comes back if nothing changes).
pub fn put(
    heap: &mut Heap,
    map: Term,
    key: Term,
    value: Term,
    atoms: &AtomTable,
) -> Result<Term, OutOfMemory> {
    let Some(body) = as_flat(map) else {
        return hamt::put(heap, map, key, value, atoms);
    };
    match flat::search(body, key, atoms) {
        Ok(i) if body[2 * i + 1] == value => Ok(map),
        Ok(i) => flat::replace(heap, body, i, value),
        Err(i) if body.len() / 2 < MAX_FLAT => flat::insert(heap, body, i, key, value),
        Err(i) => {
            // One pair too many for a flat map: becomes a trie.
            let mut kv: Vec<(Term, Term)> = body.chunks(2).map(|c| (c[0], c[1])).collect();
            kv.insert(i, (key, value));
            hamt::build(heap, &kv, atoms)
        }
    }
}

/// `map` without `key` (the same term if the key is absent).
pub fn remove(
    heap: &mut Heap,
    map: Term,
    key: Term,
    atoms: &AtomTable,
) -> Result<Term, OutOfMemory> {
    if let Some(body) = as_flat(map) {
        return match flat::search(body, key, atoms) {
            Ok(i) => flat::delete(heap, body, i),
            Err(_) => Ok(map),
        };
    }
    if !hamt::is_hamt(map) {
        return Ok(map);
    }
    if hamt::size(map) == MAX_FLAT + 1 {
        // Shrinking to the flat size: back to a flat map.
        if hamt::get(map, key, atoms).is_none() {
            return Ok(map);
        }
        let mut kv = pairs(map, atoms).unwrap_or_default();
        kv.retain(|&(k, _)| compare(k, key, atoms, true) != Ordering::Equal);
        return flat::from_sorted(heap, &kv);
    }
    Ok(hamt::remove(heap, map, key, atoms)?.unwrap_or(map))
}

/// `map` with all of `updates` applied in order (later pairs win).
pub fn put_all(
    heap: &mut Heap,
    map: Term,
    updates: &[(Term, Term)],
    atoms: &AtomTable,
) -> Result<Term, OutOfMemory> {
    if let Some(body) = as_flat(map) {
        if body.len() / 2 + updates.len() <= MAX_FLAT || updates.len() > MAX_FLAT {
            // One rebuild instead of one copy per pair.
            let mut kv: Vec<(Term, Term)> = body.chunks(2).map(|c| (c[0], c[1])).collect();
            kv.extend_from_slice(updates);
            return from_pairs(heap, &mut kv, atoms);
        }
    }
    let mut m = map;
    for &(k, v) in updates {
        m = put(heap, m, k, v, atoms)?;
    }
    Ok(m)
}

/// About how many heap words [`put_all`] of `n` pairs into `map` takes
/// (exact for flat results, typical for tries): what the `put_map`
/// instructions reserve before updating.
pub fn update_words(map: Term, n: usize) -> usize {
    let Some(size) = size(map) else {
        return 0;
    };
    let total = size + n;
    if total <= MAX_FLAT {
        1 + 2 * total
    } else if as_flat(map).is_some() {
        // Built afresh: leaves, and nodes of about 3 words per pair.
        5 * total + 8
    } else {
        // One path per pair: root, a node per level (16 children at most
        // each; 16^levels > size), a leaf, and a split.
        let mut levels = 1;
        while levels < 16 && (1usize << (4 * levels)) <= size {
            levels += 1;
        }
        n * (19 + 18 * levels + 8)
    }
}

/// Map order: by size, then keys in exact order, then values in key order
/// (values compare as the caller asked: `==` or `=:=`). Keys are compared
/// here, exactly; the value pairs are left on `work` for the caller.
pub fn compare_maps(a: Term, b: Term, atoms: &AtomTable, work: &mut Vec<(Term, Term)>) -> Ordering {
    let (Some(x), Some(y)) = (body(a, atoms), body(b, atoms)) else {
        return Ordering::Equal;
    };
    let (x, y) = (x.words(), y.words());
    if x.len() != y.len() {
        return x.len().cmp(&y.len());
    }
    for (p, q) in x.chunks(2).zip(y.chunks(2)) {
        let o = compare(p[0], q[0], atoms, true);
        if o != Ordering::Equal {
            return o;
        }
    }
    for (p, q) in x.chunks(2).zip(y.chunks(2)).rev() {
        work.push((p[1], q[1]));
    }
    Ordering::Equal
}
