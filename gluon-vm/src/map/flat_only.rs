//! Stands in for [`hamt`](self) when the `hash-maps` feature is off: no
//! hash trie is ever built, so every map is flat (sorted keys and values)
//! whatever its size. Lookups stay O(log n) by binary search; an insert or
//! a removal copies the map, O(n), which is the price of the flash saved.
//! The functions mirror the trie's for the callers in `map/mod.rs`; as no
//! term is ever a trie, only [`build`] is reached (with `MAX_FLAT` at
//! `usize::MAX / 4` even that is not, but it stays correct regardless).

use super::flat;
use crate::heap::{Heap, OutOfMemory};
use crate::term::{AtomTable, Term};

/// Never a trie in this build.
#[inline]
pub fn is_hamt(_: Term) -> bool {
    false
}

/// Not reached (no trie exists): no pairs.
pub fn size(_: Term) -> usize {
    0
}

/// Not reached (no trie exists): no value.
pub fn get(_: Term, _: Term, _: &AtomTable) -> Option<Term> {
    None
}

/// Not reached (no trie exists): no pairs.
pub fn for_each(_: Term, _: &mut impl FnMut(Term, Term)) {}

/// A flat map of `pairs` (sorted by key, distinct keys).
pub fn build(heap: &mut Heap, pairs: &[(Term, Term)], _: &AtomTable) -> Result<Term, OutOfMemory> {
    flat::from_sorted(heap, pairs)
}

/// Not reached (no trie exists): the map unchanged.
pub fn put(_: &mut Heap, root: Term, _: Term, _: Term, _: &AtomTable) -> Result<Term, OutOfMemory> {
    Ok(root)
}

/// Not reached (no trie exists): nothing removed.
pub fn remove(_: &mut Heap, _: Term, _: Term, _: &AtomTable) -> Result<Option<Term>, OutOfMemory> {
    Ok(None)
}
