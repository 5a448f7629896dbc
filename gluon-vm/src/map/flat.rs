//! Small maps: `[header(FlatMap, 2n)] k1 v1 k2 v2 .. kn vn`, the pairs
//! sorted by key in exact term order. Lookup is a binary search; an update
//! copies the map (at most [`super::MAX_FLAT`] pairs).

use crate::heap::{Heap, OutOfMemory};
use crate::term::{compare, AtomTable, HeaderTag, Ordering, Term};

/// The key/value words of a flat map, or `None`.
pub fn as_flat(t: Term) -> Option<&'static [Term]> {
    if t.boxed_tag()? == HeaderTag::FlatMap {
        Some(t.boxed_body())
    } else {
        None
    }
}

/// Where `key` is among the pairs of `body`: `Ok(pair index)` when
/// present, `Err(insertion index)` when not.
pub fn search(body: &[Term], key: Term, atoms: &AtomTable) -> Result<usize, usize> {
    let (mut lo, mut hi) = (0, body.len() / 2);
    while lo < hi {
        let mid = (lo + hi) / 2;
        match compare(body[2 * mid], key, atoms, true) {
            Ordering::Less => lo = mid + 1,
            Ordering::Greater => hi = mid,
            Ordering::Equal => return Ok(mid),
        }
    }
    Err(lo)
}

/// A flat map of `n` pairs whose words are filled by `fill`.
fn alloc(heap: &mut Heap, n: usize, fill: impl FnOnce(&mut [Term])) -> Result<Term, OutOfMemory> {
    let s = heap.alloc_slice(1 + 2 * n)?;
    s[0] = Term::header(HeaderTag::FlatMap, 2 * n);
    fill(&mut s[1..]);
    Ok(Term::boxed_ptr(s.as_ptr()))
}

/// A flat map of pairs already sorted by key, with distinct keys.
pub fn from_sorted(heap: &mut Heap, pairs: &[(Term, Term)]) -> Result<Term, OutOfMemory> {
    alloc(heap, pairs.len(), |w| {
        for (i, &(k, v)) in pairs.iter().enumerate() {
            w[2 * i] = k;
            w[2 * i + 1] = v;
        }
    })
}

/// `map` with the pair at index `i` set to `value`.
pub fn replace(heap: &mut Heap, body: &[Term], i: usize, value: Term) -> Result<Term, OutOfMemory> {
    alloc(heap, body.len() / 2, |w| {
        w.copy_from_slice(body);
        w[2 * i + 1] = value;
    })
}

/// `map` with a new pair inserted at pair index `i`.
pub fn insert(
    heap: &mut Heap,
    body: &[Term],
    i: usize,
    key: Term,
    value: Term,
) -> Result<Term, OutOfMemory> {
    alloc(heap, body.len() / 2 + 1, |w| {
        w[..2 * i].copy_from_slice(&body[..2 * i]);
        w[2 * i] = key;
        w[2 * i + 1] = value;
        w[2 * i + 2..].copy_from_slice(&body[2 * i..]);
    })
}

/// `map` without the pair at index `i`.
pub fn delete(heap: &mut Heap, body: &[Term], i: usize) -> Result<Term, OutOfMemory> {
    alloc(heap, body.len() / 2 - 1, |w| {
        w[..2 * i].copy_from_slice(&body[..2 * i]);
        w[2 * i..].copy_from_slice(&body[2 * i + 2..]);
    })
}
