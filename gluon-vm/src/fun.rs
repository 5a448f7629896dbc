//! Funs: closures (a lambda of some module plus its captured values) and
//! export funs (`fun M:F/A`).
//!
//! ```text
//! closure [header(Fun, 1+k)]  *const FunDef       free1 .. freek
//! export  [header(Export, 1)] *const ExportEntry
//! ```
//!
//! Both definitions live as long as the VM (modules are never freed while
//! a fun can refer to them), so the raw pointers stay valid.

use crate::code::{ExportEntry, FunDef};
use crate::heap::{Heap, OutOfMemory};
use crate::term::{AtomTable, HeaderTag, Ordering, Term};
use alloc::vec::Vec;

/// A closure's definition and captured values.
pub fn as_closure(t: Term) -> Option<(&'static FunDef, &'static [Term])> {
    if t.boxed_tag()? != HeaderTag::Fun {
        return None;
    }
    let body = t.boxed_body();
    // SAFETY: word 1 of a closure is a pointer to a FunDef that outlives it.
    let def = unsafe { &*(body[0].raw() as *const FunDef) };
    Some((def, &body[1..]))
}

/// An export fun's entry.
pub fn as_export(t: Term) -> Option<&'static ExportEntry> {
    if t.boxed_tag()? != HeaderTag::Export {
        return None;
    }
    // SAFETY: word 1 of an export fun points at an ExportEntry of the VM.
    Some(unsafe { &*(t.boxed_body()[0].raw() as *const ExportEntry) })
}

/// The arity a fun is called with.
pub fn arity(t: Term) -> Option<usize> {
    if let Some((def, _)) = as_closure(t) {
        return Some(def.arity as usize - def.num_free as usize);
    }
    as_export(t).map(|e| e.arity as usize)
}

/// Builds a closure over `free`.
pub fn new_closure(heap: &mut Heap, def: &FunDef, free: &[Term]) -> Result<Term, OutOfMemory> {
    let s = heap.alloc_slice(2 + free.len())?;
    s[0] = Term::header(HeaderTag::Fun, 1 + free.len());
    s[1] = Term::from_raw(def as *const FunDef as usize);
    s[2..].copy_from_slice(free);
    Ok(Term::boxed_ptr(s.as_ptr()))
}

/// Builds an export fun.
pub fn new_export(heap: &mut Heap, e: &ExportEntry) -> Result<Term, OutOfMemory> {
    let s = heap.alloc_slice(2)?;
    s[0] = Term::header(HeaderTag::Export, 1);
    s[1] = Term::from_raw(e as *const ExportEntry as usize);
    Ok(Term::boxed_ptr(s.as_ptr()))
}

/// Fun order: closures by module, index and uniq, then captured values;
/// export funs by module, name and arity; closures before export funs.
pub fn compare_funs(a: Term, b: Term, atoms: &AtomTable, work: &mut Vec<(Term, Term)>) -> Ordering {
    match (as_closure(a), as_closure(b), as_export(a), as_export(b)) {
        (Some((da, fa)), Some((db, fb)), _, _) => {
            let o = atoms
                .name(da.module)
                .cmp(atoms.name(db.module))
                .then(da.index.cmp(&db.index))
                .then(da.old_uniq.cmp(&db.old_uniq))
                .then(fa.len().cmp(&fb.len()));
            if o == Ordering::Equal {
                for (&x, &y) in fa.iter().zip(fb).rev() {
                    work.push((x, y));
                }
            }
            o
        }
        (_, _, Some(ea), Some(eb)) => atoms
            .name(ea.module)
            .cmp(atoms.name(eb.module))
            .then(atoms.name(ea.function).cmp(atoms.name(eb.function)))
            .then(ea.arity.cmp(&eb.arity)),
        (Some(_), None, _, _) => Ordering::Less,
        _ => Ordering::Greater,
    }
}
