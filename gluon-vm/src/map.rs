//! Maps.
//!
//! A flat map keeps its pairs sorted by key in exact term order:
//! `[header(FlatMap, 2n)] k1 v1 k2 v2 .. kn vn`. Lookup is a binary search.

use crate::heap::{Heap, OutOfMemory};
use crate::term::{compare, AtomTable, HeaderTag, Ordering, Term};
use alloc::vec::Vec;

/// The key/value words of a flat map, or `None`.
pub fn as_flat(t: Term) -> Option<&'static [Term]> {
    if t.boxed_tag()? == HeaderTag::FlatMap {
        Some(t.boxed_body())
    } else {
        None
    }
}

/// Number of pairs in a map.
pub fn size(t: Term) -> Option<usize> {
    as_flat(t).map(|b| b.len() / 2)
}

/// The key/value pairs of a map (none for other terms), in no order
/// callers may rely on.
pub fn pairs(t: Term) -> impl Iterator<Item = (Term, Term)> {
    as_flat(t)
        .unwrap_or(&[])
        .chunks_exact(2)
        .map(|kv| (kv[0], kv[1]))
}

/// Looks up `key` in `map`.
pub fn get(map: Term, key: Term, atoms: &AtomTable) -> Option<Term> {
    let body = as_flat(map)?;
    let n = body.len() / 2;
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        match compare(body[2 * mid], key, atoms, true) {
            Ordering::Less => lo = mid + 1,
            Ordering::Greater => hi = mid,
            Ordering::Equal => return Some(body[2 * mid + 1]),
        }
    }
    None
}

/// Builds a map from pairs; later pairs win over earlier ones with an
/// equal key.
pub fn from_pairs(
    heap: &mut Heap,
    pairs: &mut [(Term, Term)],
    atoms: &AtomTable,
) -> Result<Term, OutOfMemory> {
    // Stable sort keeps insertion order among equal keys; keep the last.
    pairs.sort_by(|a, b| compare(a.0, b.0, atoms, true));
    let mut out: Vec<(Term, Term)> = Vec::with_capacity(pairs.len());
    for &(k, v) in pairs.iter() {
        match out.last_mut() {
            Some(last) if compare(last.0, k, atoms, true) == Ordering::Equal => last.1 = v,
            _ => out.push((k, v)),
        }
    }
    let s = heap.alloc_slice(1 + 2 * out.len())?;
    s[0] = Term::header(HeaderTag::FlatMap, 2 * out.len());
    for (i, (k, v)) in out.into_iter().enumerate() {
        s[1 + 2 * i] = k;
        s[2 + 2 * i] = v;
    }
    Ok(Term::boxed_ptr(s.as_ptr()))
}

/// Map order: by size, then keys in order, then values in key order.
pub fn compare_maps(
    a: Term,
    b: Term,
    _atoms: &AtomTable,
    work: &mut Vec<(Term, Term)>,
) -> Ordering {
    let (Some(x), Some(y)) = (as_flat(a), as_flat(b)) else {
        return Ordering::Equal;
    };
    if x.len() != y.len() {
        return x.len().cmp(&y.len());
    }
    let n = x.len() / 2;
    // Values are compared after all keys: push them first (popped last).
    for i in (0..n).rev() {
        work.push((x[2 * i + 1], y[2 * i + 1]));
    }
    for i in (0..n).rev() {
        work.push((x[2 * i], y[2 * i]));
    }
    Ordering::Equal
}
