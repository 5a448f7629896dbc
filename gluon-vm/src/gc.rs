//! The per-process generational copying collector.
//!
//! A process heap has a young generation (the block shared with the stack,
//! plus heap fragments) and an old generation (the old heap). As on the
//! BEAM, the words of the block below the *high-water mark* are those that
//! survived the previous collection:
//!
//! - a **minor** collection copies live young data (Cheney's algorithm)
//!   into a fresh block, except data below the high-water mark, which is
//!   promoted to the old heap; the old heap itself is neither scanned nor
//!   copied, because Erlang terms are immutable and an older object can
//!   never point at a younger one;
//! - a **major** collection (when promotion would not fit in the old heap,
//!   after `FULLSWEEP_AFTER` minor ones, or when asked for) copies all live
//!   data, young and old, into a fresh block and drops the old heap.
//!
//! Pointers outside the process's memory (module literals) are left alone.
//! Forwarding: a copied boxed object's header is overwritten with a boxed
//! pointer to its copy; a copied cons cell gets [`Term::NONE`] in its head
//! and the list pointer to its copy in its tail.

use crate::heap::{alloc_words, in_slice, Block, Heap, OutOfMemory};
use crate::term::Term;
use alloc::vec::Vec;

/// The smallest heap block, in words.
pub const MIN_HEAP_WORDS: usize = 8;

/// Minor collections between two major ones, at most (the BEAM's default
/// `fullsweep_after`).
pub const FULLSWEEP_AFTER: u32 = 65535;

/// Which collection to run.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Kind {
    /// Promote what survived before, copy the rest of the young data.
    Minor,
    /// Copy everything live, young and old, into one block.
    Major,
}

/// Collects `heap` so that at least `need` words are free afterwards,
/// choosing a minor collection when it can. `roots` are updated in place
/// (X registers and other process roots); the stack is a root too.
pub fn collect(heap: &mut Heap, roots: &mut [&mut [Term]], need: usize) -> Result<(), OutOfMemory> {
    collect_as(heap, roots, need, None)
}

/// Like [`collect`], but `force` can ask for a major collection
/// (`erlang:garbage_collect`); a minor one is only ever a preference, since
/// promotion must fit in the old heap.
pub fn collect_as(
    heap: &mut Heap,
    roots: &mut [&mut [Term]],
    need: usize,
    force: Option<Kind>,
) -> Result<(), OutOfMemory> {
    let kind = match force {
        Some(Kind::Major) => Kind::Major,
        _ => choose(heap),
    };
    if kind == Kind::Minor {
        make_room_for_promotion(heap)?;
    }
    let used = heap.heap_used() + heap.fragment_words();
    let stack = heap.stack_used();
    let old_cap = heap.capacity();
    let from_old = if kind == Kind::Major {
        heap.generations().map_or(0, |g| g.old_top)
    } else {
        0
    };
    // The survivors fit in what is in use now. Without fragments that is
    // the block itself, so the common case copies once into a block of the
    // same size.
    let size = grow_size(used + from_old + stack + need).max(old_cap);
    let mode = match kind {
        Kind::Minor => Mode::Promote,
        Kind::Major => Mode::All,
    };
    let live = copy_into(heap, roots, size, mode)?;
    let wanted = live + stack + need;
    let cap = heap.capacity();
    let target = if wanted > cap * 3 / 4 {
        // Too little room left: grow, or collections come ever faster.
        Some(grow_size(2 * wanted))
    } else if cap > old_cap {
        // Grown only to take in fragments (received messages): go back.
        Some(old_cap.max(grow_size(2 * wanted))).filter(|&t| t < cap)
    } else if cap > SHRINK_ABOVE && wanted * 8 < cap {
        // A large block that is mostly empty gives memory back.
        Some(grow_size(2 * wanted))
    } else {
        None
    };
    if let Some(t) = target {
        // Moving the survivors to a resized block is not a collection of
        // its own: nothing is promoted and the old heap stays.
        copy_into(heap, roots, t, Mode::Move)?;
    }
    let g = heap.generations_mut();
    g.hwm = live;
    match kind {
        Kind::Minor => {
            g.minor_gcs = g.minor_gcs.saturating_add(1);
            g.minor_since_major = g.minor_since_major.saturating_add(1);
        }
        Kind::Major => {
            g.major_gcs = g.major_gcs.saturating_add(1);
            g.minor_since_major = 0;
        }
    }
    let max = g.max_words;
    if max != 0 && heap.total_words() > max {
        // As on the BEAM, the limit is checked when the heap is collected:
        // the process has outgrown it for good.
        return Err(OutOfMemory);
    }
    Ok(())
}

/// A minor collection unless the old heap must be collected too.
fn choose(heap: &Heap) -> Kind {
    match heap.generations() {
        None => Kind::Minor,
        Some(g) if g.minor_since_major >= FULLSWEEP_AFTER => Kind::Major,
        // Promotion must fit in the old heap's free part; an absent old
        // heap is created to size by `make_room_for_promotion`.
        Some(g) if !g.old.is_empty() && g.old.len() - g.old_top < g.hwm => Kind::Major,
        Some(_) => Kind::Minor,
    }
}

/// Gives the heap an old generation that can take every word below the
/// high-water mark, when it has none yet.
fn make_room_for_promotion(heap: &mut Heap) -> Result<(), OutOfMemory> {
    let Some(g) = heap.generations() else {
        return Ok(());
    };
    if g.hwm == 0 || g.old.len() - g.old_top >= g.hwm {
        return Ok(());
    }
    // Only reached with no old heap (see `choose`): size it for twice what
    // is promoted now, so that a few more minor collections fit.
    let block = alloc_words(grow_size(2 * g.hwm))?;
    heap.set_old(block, 0);
    Ok(())
}

/// Blocks smaller than this (in words) are never shrunk: too little to win.
const SHRINK_ABOVE: usize = 4096;

/// A heap size of at least `words` (at least [`MIN_HEAP_WORDS`]), rounded
/// up to limit the number of distinct sizes.
fn grow_size(words: usize) -> usize {
    let mut s = MIN_HEAP_WORDS;
    while s < words {
        s = s + s / 2;
    }
    s
}

/// What one copying pass does.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Mode {
    /// Minor collection: mature data to the old heap, the rest young.
    Promote,
    /// Major collection: everything, old heap included, to the new block.
    All,
    /// Resize: the block's data to the new block, the old heap untouched.
    Move,
}

/// Where an evacuated object goes.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Dest {
    /// Not in the from-space: left where it is.
    Stay,
    Young,
    Old,
}

/// The from-space of one collection, as address ranges.
struct From<'a> {
    /// Young data that survived a collection already (promoted by a minor).
    mature: &'a [Term],
    /// The rest of the block's heap part.
    young: &'a [Term],
    /// Address ranges of the heap fragments, sorted by start, so that
    /// finding a pointer's fragment is a binary search (BIFs can leave
    /// thousands of small fragments between two collections).
    fragments: Vec<core::ops::Range<usize>>,
    /// The old heap's used part, copied only by a major collection.
    old: &'a [Term],
    mode: Mode,
}

impl From<'_> {
    fn in_fragment(&self, p: *const Term) -> bool {
        let a = p as usize;
        let i = self.fragments.partition_point(|r| r.start <= a);
        i > 0 && self.fragments[i - 1].contains(&a)
    }

    fn dest(&self, p: *const Term) -> Dest {
        if in_slice(self.young, p) || self.in_fragment(p) {
            Dest::Young
        } else if in_slice(self.mature, p) {
            match self.mode {
                Mode::Promote => Dest::Old,
                Mode::All | Mode::Move => Dest::Young,
            }
        } else if self.mode == Mode::All && in_slice(self.old, p) {
            Dest::Young
        } else {
            Dest::Stay
        }
    }
}

/// Copies live data into a new block of `size` words (and, for a minor
/// collection, promotes mature data into the old heap) and installs it;
/// returns the number of live words in the new block.
fn copy_into(
    heap: &mut Heap,
    roots: &mut [&mut [Term]],
    size: usize,
    mode: Mode,
) -> Result<usize, OutOfMemory> {
    let mut block = alloc_words(size)?;
    let (mut old_block, old_top) = match mode {
        Mode::Promote => heap.take_old(),
        Mode::All | Mode::Move => (Block::empty(), 0),
    };
    let mut young_to = ToSpace {
        base: block.as_mut_ptr(),
        cap: block.len(),
        top: 0,
        scan: 0,
    };
    let mut old_to = ToSpace {
        base: old_block.as_mut_ptr(),
        cap: old_block.len(),
        top: old_top,
        scan: old_top,
    };
    let hwm = heap
        .generations()
        .map_or(0, |g| g.hwm)
        .min(heap.heap_used());
    // The stack is disjoint from the heap part of the block that `spaces`
    // lends out below, so it is updated through its own pointer.
    let stack = heap.stack_mut();
    let (stack_ptr, stack_len) = (stack.as_mut_ptr(), stack.len());
    {
        let (block_used, fragments, old) = heap.spaces();
        let mut ranges: Vec<core::ops::Range<usize>> = Vec::new();
        ranges
            .try_reserve_exact(fragments.len())
            .map_err(|_| OutOfMemory)?;
        ranges.extend(fragments.iter().map(|f| {
            let r = f.as_ptr_range();
            r.start as usize..r.end as usize
        }));
        crate::sort::sort_by_key(&mut ranges, |r| r.start);
        let from = From {
            mature: &block_used[..hwm],
            young: &block_used[hwm..],
            fragments: ranges,
            old,
            mode,
        };
        let mut to = Spaces {
            young: &mut young_to,
            old: &mut old_to,
        };
        for set in roots.iter_mut() {
            for r in set.iter_mut() {
                *r = evacuate(*r, &from, &mut to);
            }
        }
        // Stack words: continuation pointers read as headers and are skipped.
        for i in 0..stack_len {
            // SAFETY: i < stack_len, within the live stack.
            let w = unsafe { *stack_ptr.add(i) };
            if !w.is_header() {
                let n = evacuate(w, &from, &mut to);
                // SAFETY: as above.
                unsafe { *stack_ptr.add(i) = n };
            }
        }
        // Cheney scan of both to-spaces until neither has unscanned words.
        while to.young.scan < to.young.top || to.old.scan < to.old.top {
            scan(Which::Young, &from, &mut to);
            scan(Which::Old, &from, &mut to);
        }
    }
    let live = young_to.top;
    let promoted_top = old_to.top;
    sweep_offheap(heap, mode, &mut block, &mut old_block);
    heap.install(block, live);
    match mode {
        Mode::Promote => heap.set_old(old_block, promoted_top),
        Mode::All => heap.set_old(Block::empty(), 0),
        Mode::Move => {}
    }
    Ok(live)
}

/// Sorts the off-heap binary objects of the from-space once everything
/// live is copied: a forwarded one moves to the list of the block its copy
/// is in, the others are dead and release their references.
fn sweep_offheap(heap: &mut Heap, mode: Mode, young: &mut Block, old: &mut Block) {
    let mut objs = heap.take_young_offheap();
    if mode == Mode::All {
        objs.extend(heap.take_old_offheap());
    }
    for obj in objs {
        // SAFETY: the from-space is still allocated; a copied object's
        // header was replaced by a boxed pointer to its copy.
        let h = unsafe { *obj };
        if h.is_boxed() {
            let copy = h.ptr_mut();
            if in_slice(young, copy) {
                young.add_offheap(copy);
            } else {
                old.add_offheap(copy);
            }
        } else {
            crate::binary::refc::drop_ref(obj);
        }
    }
}

struct ToSpace {
    base: *mut Term,
    cap: usize,
    top: usize,
    scan: usize,
}

impl ToSpace {
    /// Copies `n` words from `src` and returns the copy's address.
    fn copy(&mut self, src: *const Term, n: usize) -> *mut Term {
        // SAFETY: the young to-space was sized to hold every word of the
        // from-space, and the old heap to hold every mature word (checked
        // by `choose`), so live data always fits.
        debug_assert!(self.top + n <= self.cap);
        unsafe {
            let dst = self.base.add(self.top);
            core::ptr::copy_nonoverlapping(src, dst, n);
            self.top += n;
            dst
        }
    }
}

struct Spaces<'a> {
    young: &'a mut ToSpace,
    old: &'a mut ToSpace,
}

#[derive(Copy, Clone)]
enum Which {
    Young,
    Old,
}

/// Returns the new location of `t`, copying its top object if needed.
fn evacuate(t: Term, from: &From<'_>, to: &mut Spaces<'_>) -> Term {
    if !(t.is_list() || t.is_boxed()) {
        return t;
    }
    let p = t.ptr_mut();
    let space = match from.dest(p) {
        Dest::Stay => return t,
        Dest::Young => &mut *to.young,
        Dest::Old => &mut *to.old,
    };
    // SAFETY: p is an object in the from-space, which stays readable (and
    // writable, for forwarding) for the whole collection.
    unsafe {
        if t.is_list() {
            if (*p).is_none() {
                return *p.add(1); // already forwarded
            }
            let n = Term::list_ptr(space.copy(p, 2));
            *p = Term::NONE;
            *p.add(1) = n;
            n
        } else {
            let h = *p;
            if h.is_boxed() {
                return h; // already forwarded
            }
            let n = Term::boxed_ptr(space.copy(p, 1 + h.header_arity()));
            *p = n;
            n
        }
    }
}

/// Cheney scan of one to-space: walks the objects copied into it,
/// evacuating what they point to.
fn scan(which: Which, from: &From<'_>, to: &mut Spaces<'_>) {
    loop {
        let space = match which {
            Which::Young => &mut *to.young,
            Which::Old => &mut *to.old,
        };
        let (base, i) = (space.base, space.scan);
        if i >= space.top {
            return;
        }
        // SAFETY: i < top, within the to-space.
        let w = unsafe { *base.add(i) };
        if w.is_header() {
            let arity = w.header_arity();
            space.scan = i + 1 + arity;
            let (skip, traced) = w.header_tag().traced(arity);
            for k in 0..traced {
                let at = i + 1 + skip + k;
                // SAFETY: within the object just copied; `base` stays valid
                // because to-spaces never move during a collection.
                unsafe {
                    let v = *base.add(at);
                    *base.add(at) = evacuate(v, from, to);
                }
            }
        } else {
            space.scan = i + 1;
            // SAFETY: a word of a copied cons cell.
            unsafe { *base.add(i) = evacuate(w, from, to) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::term::ListIter;

    #[test]
    fn collects_garbage_and_keeps_live_data() {
        let mut heap = Heap::new(64).unwrap();
        let mut x = [Term::NIL; 2];
        for round in 0..50 {
            // Build garbage and one live list that grows each round.
            let _junk = heap.tuple(&[Term::small(1), Term::small(2)]).unwrap();
            let t = heap.tuple(&[Term::small(round), x[0]]).unwrap();
            x[0] = heap.cons(t, x[0]).unwrap();
            if heap.free() < 16 {
                collect(&mut heap, &mut [&mut x[..]], 16).unwrap();
            }
        }
        collect(&mut heap, &mut [&mut x[..]], 0).unwrap();
        let v: alloc::vec::Vec<isize> = ListIter::new(x[0])
            .map(|t| t.as_tuple().unwrap()[0].small_value())
            .collect();
        assert_eq!(v, (0..50).rev().collect::<alloc::vec::Vec<_>>());
        // Shared structure stays shared: element 2 of each tuple is the tail.
        let (h, t) = x[0].as_cons().unwrap();
        assert_eq!(h.as_tuple().unwrap()[1], t);
        assert!(heap.heap_used() <= 50 * 6);
    }

    /// A small deterministic generator for the property test.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            // xorshift64*
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    /// A random term built from `pool` (earlier terms, so that structure is
    /// shared) and fresh leaves.
    fn random_term(heap: &mut Heap, rng: &mut Rng, pool: &[Term]) -> Term {
        let pick = |rng: &mut Rng| {
            if pool.is_empty() || rng.below(3) == 0 {
                Term::small(rng.below(1000) as isize)
            } else {
                pool[rng.below(pool.len())]
            }
        };
        match rng.below(5) {
            0 => {
                let (h, t) = (pick(rng), pick(rng));
                heap.cons(h, t).unwrap()
            }
            1 => {
                let n = rng.below(5);
                let elems: alloc::vec::Vec<Term> = (0..n).map(|_| pick(rng)).collect();
                heap.tuple(&elems).unwrap()
            }
            2 => heap.float(rng.below(1 << 20) as f64 / 7.0).unwrap(),
            3 => {
                let bytes: alloc::vec::Vec<u8> =
                    (0..rng.below(20)).map(|_| rng.next() as u8).collect();
                crate::binary::new_heap_binary(heap, &bytes).unwrap()
            }
            _ => {
                let n = rng.below(4);
                let elems: alloc::vec::Vec<Term> = (0..n).map(|_| pick(rng)).collect();
                heap.list_from(&elems, Term::NIL).unwrap()
            }
        }
    }

    /// Random term graphs with random live roots survive any sequence of
    /// minor and major collections unchanged; promoted data ends up in the
    /// old heap and is not copied by minor collections.
    #[test]
    fn random_graphs_survive_minor_and_major_collections() {
        let atoms = crate::term::AtomTable::new(100);
        for seed in 1..40u64 {
            let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15));
            let mut heap = Heap::new(MIN_HEAP_WORDS).unwrap();
            // Reference copies live in a heap the collector never sees.
            let mut shadow = Heap::new(1 << 16).unwrap();
            let mut roots: alloc::vec::Vec<Term> = alloc::vec::Vec::new();
            let mut copies: alloc::vec::Vec<Term> = alloc::vec::Vec::new();
            for step in 0..300 {
                let t = random_term(&mut heap, &mut rng, &roots);
                if rng.below(3) != 0 {
                    copies.push(crate::copy::copy_to_heap(t, &mut shadow).unwrap());
                    roots.push(t);
                }
                // Drop some roots: their terms become garbage.
                if roots.len() > 20 && rng.below(2) == 0 {
                    let i = rng.below(roots.len());
                    roots.swap_remove(i);
                    copies.swap_remove(i);
                }
                if step % 7 == 0 || heap.free() < 64 {
                    let force = match rng.below(4) {
                        0 => Some(Kind::Major),
                        1 => Some(Kind::Minor),
                        _ => None,
                    };
                    collect_as(&mut heap, &mut [&mut roots[..]], 64, force).unwrap();
                    for (r, c) in roots.iter().zip(&copies) {
                        assert!(
                            crate::term::exact_eq(*r, *c, &atoms),
                            "seed {seed} step {step}"
                        );
                        assert!(r.is_immediate() || heap.contains(r.ptr()));
                    }
                }
            }
            let g = heap.generations().unwrap();
            assert!(g.minor_gcs > 0 && g.major_gcs > 0, "seed {seed}");
        }
    }

    /// A minor collection promotes data that survived once and leaves the
    /// old heap alone afterwards.
    #[test]
    fn survivors_are_promoted_after_two_collections() {
        let mut heap = Heap::new(64).unwrap();
        let mut x = [heap.tuple(&[Term::small(1), Term::small(2)]).unwrap()];
        collect_as(&mut heap, &mut [&mut x[..]], 0, Some(Kind::Minor)).unwrap();
        assert_eq!(heap.old_words(), 0, "first survival stays young");
        collect_as(&mut heap, &mut [&mut x[..]], 0, Some(Kind::Minor)).unwrap();
        let g = heap.generations().unwrap();
        assert_eq!((g.old_top, g.hwm), (3, 0), "promoted on the second");
        let at = x[0].ptr();
        collect_as(&mut heap, &mut [&mut x[..]], 0, Some(Kind::Minor)).unwrap();
        assert_eq!(x[0].ptr(), at, "old data is not moved by a minor");
        collect_as(&mut heap, &mut [&mut x[..]], 0, Some(Kind::Major)).unwrap();
        assert_eq!(heap.old_words(), 0, "a major empties the old heap");
        assert_eq!(x[0].as_tuple().unwrap(), &[Term::small(1), Term::small(2)]);
    }

    #[test]
    fn literals_outside_the_heap_are_not_copied() {
        let mut lit = Heap::new(8).unwrap();
        let l = lit.tuple(&[Term::small(7)]).unwrap();
        let mut heap = Heap::new(16).unwrap();
        let mut x = [heap.cons(l, Term::NIL).unwrap()];
        collect(&mut heap, &mut [&mut x[..]], 0).unwrap();
        assert_eq!(x[0].as_cons().unwrap().0, l);
    }
}
