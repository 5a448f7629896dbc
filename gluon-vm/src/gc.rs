//! The per-process copying collector (Cheney's algorithm).
//!
//! Live data reachable from the roots (X registers, the stack, and any
//! extra roots the process owns) is copied from the heap block and its
//! fragments into a fresh block; everything else is dropped with the old
//! block. Pointers outside the heap (module literals) are left alone.
//!
//! Forwarding: a copied boxed object's header is overwritten with a boxed
//! pointer to its copy; a copied cons cell gets [`Term::NONE`] in its head
//! and the list pointer to its copy in its tail.

use crate::heap::{alloc_words, Heap, OutOfMemory};
use crate::term::Term;

/// The smallest heap block, in words.
pub const MIN_HEAP_WORDS: usize = 8;

/// Collects `heap` so that at least `need` words are free afterwards.
/// `roots` are updated in place (X registers and other process roots);
/// the stack is a root too.
pub fn collect(heap: &mut Heap, roots: &mut [&mut [Term]], need: usize) -> Result<(), OutOfMemory> {
    let used = heap.heap_used() + heap.fragment_words();
    let stack = heap.stack_used();
    let old_cap = heap.capacity();
    // The survivors fit in what is in use now. Without fragments that is
    // the block itself, so the common case copies once into a block of the
    // same size.
    let size = grow_size(used + stack + need).max(old_cap);
    let live = copy_into(heap, roots, size)?;
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
        copy_into(heap, roots, t)?;
    }
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

/// Copies live data into a new block of `size` words and installs it;
/// returns the number of live heap words.
fn copy_into(
    heap: &mut Heap,
    roots: &mut [&mut [Term]],
    size: usize,
) -> Result<usize, OutOfMemory> {
    let mut block = alloc_words(size)?;
    let mut to = ToSpace {
        base: block.as_mut_ptr(),
        top: 0,
    };
    for set in roots.iter_mut() {
        for r in set.iter_mut() {
            *r = evacuate(*r, heap, &mut to);
        }
    }
    // Stack words: continuation pointers read as headers and are skipped.
    let stack_len = heap.stack().len();
    for i in 0..stack_len {
        let w = heap.stack()[i];
        if !w.is_header() {
            let n = evacuate(w, heap, &mut to);
            heap.stack_mut()[i] = n;
        }
    }
    scan(heap, &mut to);
    let live = to.top;
    heap.install(block, live);
    Ok(live)
}

struct ToSpace {
    base: *mut Term,
    top: usize,
}

impl ToSpace {
    /// Copies `n` words from `src` and returns the copy's address.
    fn copy(&mut self, src: *const Term, n: usize) -> *mut Term {
        // SAFETY: the to-space was sized to hold every word of the heap and
        // its fragments, so live data always fits.
        unsafe {
            let dst = self.base.add(self.top);
            core::ptr::copy_nonoverlapping(src, dst, n);
            self.top += n;
            dst
        }
    }
}

/// Returns the new location of `t`, copying its top object if needed.
fn evacuate(t: Term, heap: &Heap, to: &mut ToSpace) -> Term {
    if t.is_list() {
        let p = t.ptr_mut();
        if !heap.contains(p) {
            return t;
        }
        // SAFETY: p is a cons cell in the from-space.
        unsafe {
            if (*p).is_none() {
                return *p.add(1);
            }
            let n = Term::list_ptr(to.copy(p, 2));
            *p = Term::NONE;
            *p.add(1) = n;
            n
        }
    } else if t.is_boxed() {
        let p = t.ptr_mut();
        if !heap.contains(p) {
            return t;
        }
        // SAFETY: p is a boxed object in the from-space.
        unsafe {
            let h = *p;
            if h.is_boxed() {
                return h; // already forwarded
            }
            let n = Term::boxed_ptr(to.copy(p, 1 + h.header_arity()));
            *p = n;
            n
        }
    } else {
        t
    }
}

/// Cheney scan: walks the copied objects, evacuating what they point to.
fn scan(heap: &Heap, to: &mut ToSpace) {
    let mut i = 0;
    while i < to.top {
        // SAFETY: i < top, within the to-space.
        let w = unsafe { *to.base.add(i) };
        if w.is_header() {
            let arity = w.header_arity();
            let (skip, traced) = w.header_tag().traced(arity);
            for k in 0..traced {
                let at = i + 1 + skip + k;
                // SAFETY: within the object just copied.
                unsafe {
                    let v = *to.base.add(at);
                    *to.base.add(at) = evacuate(v, heap, to);
                }
            }
            i += 1 + arity;
        } else {
            // SAFETY: a word of a copied cons cell.
            unsafe { *to.base.add(i) = evacuate(w, heap, to) };
            i += 1;
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
