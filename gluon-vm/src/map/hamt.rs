//! Large maps: a persistent hash array mapped trie (HAMT).
//!
//! ```text
//! root       [header(HashMap, 2+k)]  size bitmap child1 .. childk
//! node       [header(HashNode, 1+k)] bitmap child1 .. childk
//! collision  [header(HashNode, 1+k)] 0 leaf1 .. leafk   (at depth 16 only)
//! child      a leaf (a cons cell [Key | Value]) or a node
//! ```
//!
//! Each level consumes 4 bits of the key's 64-bit [`hash`], most
//! significant first, so a node has at most 16 children and its bitmap (a
//! small integer, like `size`) fits a small on 32-bit targets too. Every
//! word of every node is a term, so the collector and the message copier
//! trace nodes like tuples. Keys whose 64 hash bits are all equal share a
//! collision node at depth 16, whose leaves are kept in key order.
//!
//! Updates copy the path from the root to the changed leaf and share the
//! rest, so they cost O(log n) words. A node other than the root always
//! holds at least two leaves below it: a removal that leaves one lifts that
//! leaf into the parent.

#[cfg(not(test))]
use super::hash::hash;

/// Under test, negative floats hash to only three values, so that tests
/// can fill collision nodes.
#[cfg(test)]
fn hash(t: Term) -> u64 {
    match t.as_float() {
        Some(f) if f < 0.0 => ((-f) as u64 % 3) << 62,
        _ => super::hash::hash(t),
    }
}
use crate::heap::{Heap, OutOfMemory};
use crate::term::{compare, exact_eq, AtomTable, HeaderTag, Ordering, Term};
use alloc::vec::Vec;

/// Hash bits consumed per level.
const BITS: u32 = 4;
/// Depth of collision nodes: all 64 hash bits consumed.
const MAX_DEPTH: u32 = 64 / BITS;

/// Child index of a hash at a depth (below [`MAX_DEPTH`]).
#[inline]
fn nibble(h: u64, depth: u32) -> u32 {
    ((h >> (64 - BITS * (depth + 1))) & ((1 << BITS) - 1)) as u32
}

/// Whether `t` is the root of a large map.
#[inline]
pub fn is_hamt(t: Term) -> bool {
    t.boxed_tag() == Some(HeaderTag::HashMap)
}

/// The number of pairs of a large map (the caller checked [`is_hamt`]).
pub fn size(root: Term) -> usize {
    root.boxed_body()[0].as_small().unwrap_or(0) as usize
}

/// The bitmap and children of a root or node.
fn view(t: Term) -> (u32, &'static [Term]) {
    let body = t.boxed_body();
    let skip = usize::from(t.boxed_tag() == Some(HeaderTag::HashMap));
    let bitmap = body[skip].as_small().unwrap_or(0) as u32;
    (bitmap, &body[skip + 1..])
}

#[inline]
fn leaf(t: Term) -> Option<(Term, Term)> {
    t.as_cons()
}

/// Position of child `i` among the children present in `bitmap`.
#[inline]
fn slot(bitmap: u32, i: u32) -> usize {
    (bitmap & ((1u32 << i) - 1)).count_ones() as usize
}

fn new_node(heap: &mut Heap, bitmap: u32, kids: &[Term]) -> Result<Term, OutOfMemory> {
    let s = heap.alloc_slice(2 + kids.len())?;
    s[0] = Term::header(HeaderTag::HashNode, 1 + kids.len());
    s[1] = Term::small(bitmap as isize);
    s[2..].copy_from_slice(kids);
    Ok(Term::boxed_ptr(s.as_ptr()))
}

fn new_root(heap: &mut Heap, size: usize, bitmap: u32, kids: &[Term]) -> Result<Term, OutOfMemory> {
    let s = heap.alloc_slice(3 + kids.len())?;
    s[0] = Term::header(HeaderTag::HashMap, 2 + kids.len());
    s[1] = Term::small(size as isize);
    s[2] = Term::small(bitmap as isize);
    s[3..].copy_from_slice(kids);
    Ok(Term::boxed_ptr(s.as_ptr()))
}

/// Looks `key` up.
pub fn get(root: Term, key: Term, atoms: &AtomTable) -> Option<Term> {
    let h = hash(key);
    let mut node = root;
    let mut depth = 0;
    loop {
        let (bitmap, kids) = view(node);
        let child = if depth == MAX_DEPTH {
            return kids
                .iter()
                .filter_map(|&c| leaf(c))
                .find(|&(k, _)| exact_eq(k, key, atoms))
                .map(|(_, v)| v);
        } else {
            let i = nibble(h, depth);
            if bitmap & (1 << i) == 0 {
                return None;
            }
            kids[slot(bitmap, i)]
        };
        match leaf(child) {
            Some((k, v)) => return exact_eq(k, key, atoms).then_some(v),
            None => {
                node = child;
                depth += 1;
            }
        }
    }
}

/// Calls `f` on every pair, in trie order (not key order).
pub fn for_each(root: Term, f: &mut impl FnMut(Term, Term)) {
    let mut todo: Vec<Term> = alloc::vec![root];
    while let Some(node) = todo.pop() {
        for &c in view(node).1 {
            match leaf(c) {
                Some((k, v)) => f(k, v),
                None => todo.push(c),
            }
        }
    }
}

/// Builds a large map from pairs with distinct keys (at least two).
pub fn build(
    heap: &mut Heap,
    pairs: &[(Term, Term)],
    atoms: &AtomTable,
) -> Result<Term, OutOfMemory> {
    let mut items: Vec<(u64, Term, Term)> = pairs.iter().map(|&(k, v)| (hash(k), k, v)).collect();
    // Grouped by hash prefix at every level; full collisions in key order.
    items.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| compare(a.1, b.1, atoms, true)));
    let (bitmap, kids) = build_level(heap, &items, 0)?;
    new_root(heap, items.len(), bitmap, &kids)
}

/// The children of a node at `depth` holding `items` (sorted by hash).
fn build_level(
    heap: &mut Heap,
    items: &[(u64, Term, Term)],
    depth: u32,
) -> Result<(u32, Vec<Term>), OutOfMemory> {
    if depth == MAX_DEPTH {
        let mut kids = Vec::with_capacity(items.len());
        for &(_, k, v) in items {
            kids.push(heap.cons(k, v)?);
        }
        return Ok((0, kids));
    }
    let mut bitmap = 0u32;
    let mut kids = Vec::new();
    let mut rest = items;
    while let Some(&(h, k, v)) = rest.first() {
        let i = nibble(h, depth);
        let n = rest.iter().take_while(|x| nibble(x.0, depth) == i).count();
        let kid = if n == 1 {
            heap.cons(k, v)?
        } else {
            let (b, sub) = build_level(heap, &rest[..n], depth + 1)?;
            new_node(heap, b, &sub)?
        };
        bitmap |= 1 << i;
        kids.push(kid);
        rest = &rest[n..];
    }
    Ok((bitmap, kids))
}

/// `root` with `key` bound to `value`; the same term if nothing changes.
pub fn put(
    heap: &mut Heap,
    root: Term,
    key: Term,
    value: Term,
    atoms: &AtomTable,
) -> Result<Term, OutOfMemory> {
    let (bitmap, kids) = view(root);
    match insert(heap, bitmap, kids, 0, key, hash(key), value, atoms)? {
        None => Ok(root),
        Some((b, k, added)) => new_root(heap, size(root) + usize::from(added), b, &k),
    }
}

/// New children after inserting, whether a pair was added, or `None`
/// when the key is already bound to this very value.
#[allow(clippy::too_many_arguments)]
fn insert(
    heap: &mut Heap,
    bitmap: u32,
    kids: &[Term],
    depth: u32,
    key: Term,
    h: u64,
    value: Term,
    atoms: &AtomTable,
) -> Result<Option<(u32, Vec<Term>, bool)>, OutOfMemory> {
    let mut out: Vec<Term> = kids.to_vec();
    if depth == MAX_DEPTH {
        let at = kids.partition_point(|&c| {
            leaf(c).is_some_and(|(k, _)| compare(k, key, atoms, true) == Ordering::Less)
        });
        if let Some((k, v)) = kids.get(at).and_then(|&c| leaf(c)) {
            if exact_eq(k, key, atoms) {
                if v == value {
                    return Ok(None);
                }
                out[at] = heap.cons(key, value)?;
                return Ok(Some((bitmap, out, false)));
            }
        }
        out.insert(at, heap.cons(key, value)?);
        return Ok(Some((bitmap, out, true)));
    }
    let i = nibble(h, depth);
    let at = slot(bitmap, i);
    if bitmap & (1 << i) == 0 {
        out.insert(at, heap.cons(key, value)?);
        return Ok(Some((bitmap | (1 << i), out, true)));
    }
    let child = kids[at];
    let added = match leaf(child) {
        Some((k, v)) if exact_eq(k, key, atoms) => {
            if v == value {
                return Ok(None);
            }
            out[at] = heap.cons(key, value)?;
            false
        }
        Some((k, _)) => {
            let new = heap.cons(key, value)?;
            out[at] = two_leaves(heap, depth + 1, child, hash(k), new, h, atoms)?;
            true
        }
        None => {
            let (b, sub) = view(child);
            match insert(heap, b, sub, depth + 1, key, h, value, atoms)? {
                None => return Ok(None),
                Some((nb, nk, added)) => {
                    out[at] = new_node(heap, nb, &nk)?;
                    added
                }
            }
        }
    };
    Ok(Some((bitmap, out, added)))
}

/// A node at `depth` holding leaves `a` and `b` (distinct keys).
fn two_leaves(
    heap: &mut Heap,
    depth: u32,
    a: Term,
    ha: u64,
    b: Term,
    hb: u64,
    atoms: &AtomTable,
) -> Result<Term, OutOfMemory> {
    if depth == MAX_DEPTH {
        let key = |t: Term| leaf(t).map_or(Term::NIL, |(k, _)| k);
        let pair = if compare(key(a), key(b), atoms, true) == Ordering::Less {
            [a, b]
        } else {
            [b, a]
        };
        return new_node(heap, 0, &pair);
    }
    let (ia, ib) = (nibble(ha, depth), nibble(hb, depth));
    if ia == ib {
        let sub = two_leaves(heap, depth + 1, a, ha, b, hb, atoms)?;
        return new_node(heap, 1 << ia, &[sub]);
    }
    let bitmap = (1 << ia) | (1 << ib);
    let kids = if ia < ib { [a, b] } else { [b, a] };
    new_node(heap, bitmap, &kids)
}

/// `root` without `key`, or `None` if the key is absent. The caller turns
/// maps that shrink to the flat size back into flat maps beforehand.
pub fn remove(
    heap: &mut Heap,
    root: Term,
    key: Term,
    atoms: &AtomTable,
) -> Result<Option<Term>, OutOfMemory> {
    let (bitmap, kids) = view(root);
    match delete(heap, bitmap, kids, 0, key, hash(key), atoms)? {
        None => Ok(None),
        Some((b, k)) => Ok(Some(new_root(heap, size(root) - 1, b, &k)?)),
    }
}

/// New children after removing `key`, or `None` if it is absent.
fn delete(
    heap: &mut Heap,
    bitmap: u32,
    kids: &[Term],
    depth: u32,
    key: Term,
    h: u64,
    atoms: &AtomTable,
) -> Result<Option<(u32, Vec<Term>)>, OutOfMemory> {
    if depth == MAX_DEPTH {
        let Some(at) = kids
            .iter()
            .position(|&c| leaf(c).is_some_and(|(k, _)| exact_eq(k, key, atoms)))
        else {
            return Ok(None);
        };
        let mut out = kids.to_vec();
        out.remove(at);
        return Ok(Some((bitmap, out)));
    }
    let i = nibble(h, depth);
    if bitmap & (1 << i) == 0 {
        return Ok(None);
    }
    let at = slot(bitmap, i);
    let child = kids[at];
    let mut out = kids.to_vec();
    match leaf(child) {
        Some((k, _)) => {
            if !exact_eq(k, key, atoms) {
                return Ok(None);
            }
            out.remove(at);
            Ok(Some((bitmap & !(1 << i), out)))
        }
        None => {
            let (b, sub) = view(child);
            let Some((nb, nk)) = delete(heap, b, sub, depth + 1, key, h, atoms)? else {
                return Ok(None);
            };
            // A node left with one leaf gives the leaf to its parent.
            out[at] = match nk.as_slice() {
                [only] if only.is_list() => *only,
                _ => new_node(heap, nb, &nk)?,
            };
            Ok(Some((bitmap, out)))
        }
    }
}
