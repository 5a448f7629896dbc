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
fn hash(t: Term, atoms: &AtomTable) -> u64 {
    match t.as_float() {
        Some(f) if f < 0.0 => ((-f) as u64 % 3) << 62,
        _ => super::hash::hash(t, atoms),
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

/// A child of a node being built: an existing term, or an object built
/// in the same [`Out`] (by offset).
#[derive(Copy, Clone)]
enum Kid {
    Old(Term),
    Leaf(usize),
    Node(usize),
}

impl Kid {
    fn is_leaf(self) -> bool {
        match self {
            Kid::Old(t) => t.is_list(),
            Kid::Leaf(_) => true,
            Kid::Node(_) => false,
        }
    }
}

/// The objects one update creates, laid out in a local buffer and copied
/// to the heap in one allocation at the end (so that an update leaves one
/// heap fragment at most, not one per node). Pointers between new objects
/// are offsets until then.
#[derive(Default)]
struct Out {
    words: Vec<Term>,
    /// (word, offset of the object it points at, whether a list pointer).
    links: Vec<(usize, usize, bool)>,
}

impl Out {
    fn leaf(&mut self, k: Term, v: Term) -> Kid {
        let at = self.words.len();
        self.words.extend([k, v]);
        Kid::Leaf(at)
    }

    fn push_kids(&mut self, kids: &[Kid]) {
        for &kid in kids {
            let at = self.words.len();
            match kid {
                Kid::Old(t) => self.words.push(t),
                Kid::Leaf(o) | Kid::Node(o) => {
                    self.words.push(Term::NIL);
                    self.links.push((at, o, kid.is_leaf()));
                }
            }
        }
    }

    fn node(&mut self, bitmap: u32, kids: &[Kid]) -> Kid {
        let at = self.words.len();
        self.words
            .push(Term::header(HeaderTag::HashNode, 1 + kids.len()));
        self.words.push(Term::small(bitmap as isize));
        self.push_kids(kids);
        Kid::Node(at)
    }

    /// Adds the root and copies everything to `heap`; returns the root.
    fn root(
        mut self,
        heap: &mut Heap,
        size: usize,
        bitmap: u32,
        kids: &[Kid],
    ) -> Result<Term, OutOfMemory> {
        let at = self.words.len();
        self.words
            .push(Term::header(HeaderTag::HashMap, 2 + kids.len()));
        self.words.push(Term::small(size as isize));
        self.words.push(Term::small(bitmap as isize));
        self.push_kids(kids);
        let dst = heap.alloc_slice(self.words.len())?;
        dst.copy_from_slice(&self.words);
        for &(w, o, list) in &self.links {
            let p: *const Term = &dst[o];
            dst[w] = if list {
                Term::list_ptr(p)
            } else {
                Term::boxed_ptr(p)
            };
        }
        Ok(Term::boxed_ptr(&dst[at]))
    }
}

fn old_kids(kids: &[Term]) -> Vec<Kid> {
    kids.iter().map(|&t| Kid::Old(t)).collect()
}

/// Looks `key` up.
pub fn get(root: Term, key: Term, atoms: &AtomTable) -> Option<Term> {
    let h = hash(key, atoms);
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
    let mut items: Vec<(u64, Term, Term)> =
        pairs.iter().map(|&(k, v)| (hash(k, atoms), k, v)).collect();
    // Grouped by hash prefix at every level; full collisions in key order.
    crate::sort::sort_by(&mut items, |a, b| {
        a.0.cmp(&b.0).then_with(|| compare(a.1, b.1, atoms, true))
    });
    let mut out = Out::default();
    let (bitmap, kids) = build_level(&mut out, &items, 0);
    out.root(heap, items.len(), bitmap, &kids)
}

/// The children of a node at `depth` holding `items` (sorted by hash).
fn build_level(out: &mut Out, items: &[(u64, Term, Term)], depth: u32) -> (u32, Vec<Kid>) {
    if depth == MAX_DEPTH {
        let kids = items.iter().map(|&(_, k, v)| out.leaf(k, v)).collect();
        return (0, kids);
    }
    let mut bitmap = 0u32;
    let mut kids = Vec::new();
    let mut rest = items;
    while let Some(&(h, k, v)) = rest.first() {
        let i = nibble(h, depth);
        let n = rest.iter().take_while(|x| nibble(x.0, depth) == i).count();
        let kid = if n == 1 {
            out.leaf(k, v)
        } else {
            let (b, sub) = build_level(out, &rest[..n], depth + 1);
            out.node(b, &sub)
        };
        bitmap |= 1 << i;
        kids.push(kid);
        rest = &rest[n..];
    }
    (bitmap, kids)
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
    let mut out = Out::default();
    match insert(
        &mut out,
        bitmap,
        kids,
        0,
        key,
        hash(key, atoms),
        value,
        atoms,
    ) {
        None => Ok(root),
        Some((b, k, added)) => out.root(heap, size(root) + usize::from(added), b, &k),
    }
}

/// New children after inserting, whether a pair was added, or `None`
/// when the key is already bound to this very value.
#[allow(clippy::too_many_arguments)]
fn insert(
    out: &mut Out,
    bitmap: u32,
    kids: &[Term],
    depth: u32,
    key: Term,
    h: u64,
    value: Term,
    atoms: &AtomTable,
) -> Option<(u32, Vec<Kid>, bool)> {
    let mut new = old_kids(kids);
    if depth == MAX_DEPTH {
        let at = kids.partition_point(|&c| {
            leaf(c).is_some_and(|(k, _)| compare(k, key, atoms, true) == Ordering::Less)
        });
        if let Some((k, v)) = kids.get(at).and_then(|&c| leaf(c)) {
            if exact_eq(k, key, atoms) {
                if v == value {
                    return None;
                }
                new[at] = out.leaf(key, value);
                return Some((bitmap, new, false));
            }
        }
        new.insert(at, out.leaf(key, value));
        return Some((bitmap, new, true));
    }
    let i = nibble(h, depth);
    let at = slot(bitmap, i);
    if bitmap & (1 << i) == 0 {
        new.insert(at, out.leaf(key, value));
        return Some((bitmap | (1 << i), new, true));
    }
    let child = kids[at];
    let added = match leaf(child) {
        Some((k, v)) if exact_eq(k, key, atoms) => {
            if v == value {
                return None;
            }
            new[at] = out.leaf(key, value);
            false
        }
        Some((k, v)) => {
            new[at] = two_leaves(
                out,
                depth + 1,
                (k, v, hash(k, atoms)),
                (key, value, h),
                atoms,
            );
            true
        }
        None => {
            let (b, sub) = view(child);
            let (nb, nk, added) = insert(out, b, sub, depth + 1, key, h, value, atoms)?;
            new[at] = out.node(nb, &nk);
            added
        }
    };
    Some((bitmap, new, added))
}

/// A node at `depth` holding the pairs `a` and `b` (distinct keys, with
/// their hashes).
fn two_leaves(
    out: &mut Out,
    depth: u32,
    a: (Term, Term, u64),
    b: (Term, Term, u64),
    atoms: &AtomTable,
) -> Kid {
    if depth == MAX_DEPTH {
        let (first, second) = if compare(a.0, b.0, atoms, true) == Ordering::Less {
            (a, b)
        } else {
            (b, a)
        };
        let kids = [out.leaf(first.0, first.1), out.leaf(second.0, second.1)];
        return out.node(0, &kids);
    }
    let (ia, ib) = (nibble(a.2, depth), nibble(b.2, depth));
    if ia == ib {
        let sub = two_leaves(out, depth + 1, a, b, atoms);
        return out.node(1 << ia, &[sub]);
    }
    let (first, second) = if ia < ib { (a, b) } else { (b, a) };
    let kids = [out.leaf(first.0, first.1), out.leaf(second.0, second.1)];
    out.node((1 << ia) | (1 << ib), &kids)
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
    let mut out = Out::default();
    match delete(&mut out, bitmap, kids, 0, key, hash(key, atoms), atoms) {
        None => Ok(None),
        Some((b, k)) => Ok(Some(out.root(heap, size(root) - 1, b, &k)?)),
    }
}

/// New children after removing `key`, or `None` if it is absent.
fn delete(
    out: &mut Out,
    bitmap: u32,
    kids: &[Term],
    depth: u32,
    key: Term,
    h: u64,
    atoms: &AtomTable,
) -> Option<(u32, Vec<Kid>)> {
    if depth == MAX_DEPTH {
        let at = kids
            .iter()
            .position(|&c| leaf(c).is_some_and(|(k, _)| exact_eq(k, key, atoms)))?;
        let mut new = old_kids(kids);
        new.remove(at);
        return Some((bitmap, new));
    }
    let i = nibble(h, depth);
    if bitmap & (1 << i) == 0 {
        return None;
    }
    let at = slot(bitmap, i);
    let child = kids[at];
    let mut new = old_kids(kids);
    match leaf(child) {
        Some((k, _)) => {
            if !exact_eq(k, key, atoms) {
                return None;
            }
            new.remove(at);
            Some((bitmap & !(1 << i), new))
        }
        None => {
            let (b, sub) = view(child);
            let (nb, nk) = delete(out, b, sub, depth + 1, key, h, atoms)?;
            // A node left with one leaf gives the leaf to its parent.
            new[at] = match nk.as_slice() {
                [only] if only.is_leaf() => *only,
                _ => out.node(nb, &nk),
            };
            Some((bitmap, new))
        }
    }
}
