//! Copying a term out of one heap into fresh memory: messages, spawn
//! arguments, exit reasons. Sharing is not preserved (as on the BEAM), so
//! the copy's size is the term's flat size.

use crate::heap::{Heap, OutOfMemory};
use crate::term::Term;
use alloc::vec::Vec;

/// Words a flat copy of `t` takes.
pub fn flat_size(t: Term) -> usize {
    let mut words = 0;
    let mut todo: Vec<Term> = alloc::vec![t];
    while let Some(t) = todo.pop() {
        if t.is_list() {
            let (h, tl) = t.as_cons().unwrap_or((Term::NIL, Term::NIL));
            words += 2;
            todo.push(tl);
            todo.push(h);
        } else if t.is_boxed() {
            let h = t.boxed_header();
            let arity = h.header_arity();
            words += 1 + arity;
            let (skip, n) = h.header_tag().traced(arity);
            todo.extend_from_slice(&t.boxed_body()[skip..skip + n]);
        }
    }
    words
}

/// Copies `t` into `dst`, which must hold exactly [`flat_size`]`(t)`
/// words; returns the copy. Each off-heap binary object copied takes a
/// reference of its own and is passed to `offheap`, for the owner of
/// `dst` to list (see [`crate::heap::Block::add_offheap`]).
pub fn copy_into(t: Term, dst: &mut [Term], offheap: &mut dyn FnMut(*mut Term)) -> Term {
    let mut top = 0usize;
    let root = shallow(t, dst, &mut top);
    // Cheney-style scan of what has been copied so far: every pointer in
    // the copy still refers to the source until its turn comes.
    let mut scan = 0usize;
    while scan < top {
        let w = dst[scan];
        if w.is_header() {
            let arity = w.header_arity();
            if w.header_tag() == crate::term::HeaderTag::RefcBin {
                let obj = &mut dst[scan] as *mut Term;
                crate::binary::refc::retain(obj);
                offheap(obj);
            }
            let (skip, n) = w.header_tag().traced(arity);
            for k in scan + 1 + skip..scan + 1 + skip + n {
                let c = dst[k];
                dst[k] = shallow(c, dst, &mut top);
            }
            scan += 1 + arity;
        } else {
            dst[scan] = shallow(w, dst, &mut top);
            scan += 1;
        }
    }
    root
}

/// Copies the top object of `t` (not its children) to `dst[top..]`.
fn shallow(t: Term, dst: &mut [Term], top: &mut usize) -> Term {
    let n = if t.is_list() {
        2
    } else if t.is_boxed() {
        1 + t.boxed_header().header_arity()
    } else {
        return t;
    };
    let at = *top;
    // SAFETY: the source object has `n` readable words.
    let src = unsafe { core::slice::from_raw_parts(t.ptr(), n) };
    dst[at..at + n].copy_from_slice(src);
    *top += n;
    let p = dst[at..].as_ptr();
    if t.is_list() {
        Term::list_ptr(p)
    } else {
        Term::boxed_ptr(p)
    }
}

/// Copies `t` onto `heap`.
pub fn copy_to_heap(t: Term, heap: &mut Heap) -> Result<Term, OutOfMemory> {
    if t.is_immediate() {
        return Ok(t);
    }
    let n = flat_size(t);
    let dst = heap.alloc_slice(n)?;
    let mut objs = Vec::new();
    let c = copy_into(t, dst, &mut |o| objs.push(o));
    for o in objs {
        heap.register_offheap(o);
    }
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::term::{exact_eq, AtomTable};

    #[test]
    fn copies_are_equal_and_independent() {
        let atoms = AtomTable::new(1000);
        let mut a = Heap::new(1024).unwrap();
        let f = a.float(2.5).unwrap();
        let inner = a.tuple(&[Term::small(1), f]).unwrap();
        let l = a
            .list_from(&[inner, inner, Term::NIL], Term::small(7))
            .unwrap();
        let t = a.tuple(&[l, Term::atom(crate::term::atom::OK)]).unwrap();
        // Shared `inner` is copied twice: 2 tuples of 3 + 2 floats + cells.
        assert_eq!(flat_size(t), 3 + 3 * 2 + 2 * (3 + crate::term::FLOAT_WORDS));
        let mut b = Heap::new(8).unwrap();
        let c = copy_to_heap(t, &mut b).unwrap();
        assert!(exact_eq(t, c, &atoms));
        assert!(b.contains(c.ptr()));
        assert!(!a.contains(c.ptr()));
    }
}
