//! Argument helpers shared by the `binary` module's natives: subjects,
//! positions, `{Pos, Len}` parts, option atoms, search patterns, and the
//! sub-binaries results are made of.
//!
//! Binaries are read and built only through [`crate::binary`]'s public
//! functions, so these natives follow any change of binary layout.

use super::erlang_iolist::binary_bytes;
use super::{Ctx, Exception};
use crate::binary;
use crate::heap::Heap;
use crate::term::{ListIter, Term};
use alloc::borrow::Cow;
use alloc::vec::Vec;

/// The bytes of a binary argument, or `badarg`.
pub(crate) fn subject(t: Term) -> Result<Cow<'static, [u8]>, Exception> {
    binary_bytes(t).ok_or_else(Exception::badarg)
}

/// A non-negative small integer argument, or `badarg`.
pub(crate) fn index(t: Term) -> Result<usize, Exception> {
    match t.as_small() {
        Some(n) if n >= 0 => Ok(n as usize),
        _ => Err(Exception::badarg()),
    }
}

/// Whether `t` is the atom named `name`.
pub(crate) fn atom_is(ctx: &Ctx, t: Term, name: &str) -> bool {
    t.as_atom().is_some_and(|a| ctx.atoms.name(a) == name)
}

/// The atom named `name` as a term (`system_limit` if the table is full).
pub(crate) fn atom_term(ctx: &mut Ctx, name: &str) -> Result<Term, Exception> {
    ctx.atoms
        .intern(name)
        .map(Term::atom)
        .map_err(|_| Exception::system_limit())
}

/// The byte range `[from, to)` of part `Pos, Len` of a binary of `size`
/// bytes: a negative `Len` counts back from `Pos`. `badarg` when it falls
/// outside the binary.
pub(crate) fn part_range(pos: Term, len: Term, size: usize) -> Result<(usize, usize), Exception> {
    let (Some(p), Some(l)) = (pos.as_small(), len.as_small()) else {
        return Err(Exception::badarg());
    };
    let (from, to) = if l < 0 { (p + l, p) } else { (p, p + l) };
    if p < 0 || from < 0 || to as usize > size {
        return Err(Exception::badarg());
    }
    Ok((from as usize, to as usize))
}

/// The range of a `{Pos, Len}` tuple.
pub(crate) fn part_tuple(t: Term, size: usize) -> Result<(usize, usize), Exception> {
    match t.as_tuple() {
        Some(&[p, l]) => part_range(p, l, size),
        _ => Err(Exception::badarg()),
    }
}

/// The elements of a proper list, or `badarg`.
pub(crate) fn proper_list(t: Term) -> Result<Vec<Term>, Exception> {
    Heap::list_to_vec(t).ok_or_else(Exception::badarg)
}

/// A part of `subject` (bytes `from..to`) as a sub-binary sharing its
/// storage, as OTP's parts do.
pub(crate) fn sub(ctx: &mut Ctx, subject: Term, from: usize, to: usize) -> Result<Term, Exception> {
    // `slice` resolves a sub-binary subject to its storage: a sub-binary
    // always refers to a storage object directly.
    Ok(binary::slice(ctx.heap, subject, from * 8, (to - from) * 8)?)
}

/// The tag of compiled patterns: `{Tag, Patterns}` with the patterns as
/// given (a binary or a list of binaries). Opaque to Erlang code, as OTP's
/// `{bm, Ref}` / `{ac, Ref}` are.
pub(crate) const COMPILED_TAG: &str = "$gluon_pattern";

/// The pattern bytes of a search pattern argument: a non-empty binary, a
/// non-empty list of non-empty binaries, or a compiled pattern.
pub(crate) fn patterns(ctx: &Ctx, t: Term) -> Result<Vec<Cow<'static, [u8]>>, Exception> {
    let t = match t.as_tuple() {
        Some(&[tag, p]) if atom_is(ctx, tag, COMPILED_TAG) => p,
        _ => t,
    };
    let mut out = Vec::new();
    if t.is_list_or_nil() {
        let mut it = ListIter::new(t);
        for p in it.by_ref() {
            out.push(subject(p)?);
        }
        if !it.tail().is_nil() {
            return Err(Exception::badarg());
        }
    } else {
        out.push(subject(t)?);
    }
    if out.is_empty() || out.iter().any(|p| p.is_empty()) {
        return Err(Exception::badarg());
    }
    Ok(out)
}

/// The `{scope, {Pos, Len}}` options of `match`/`matches`/`split`, plus
/// the flags among `flags` that are present (in the order of `flags`).
/// Any other option is `badarg`. Returns the searched range.
pub(crate) fn search_options(
    ctx: &Ctx,
    opts: Term,
    size: usize,
    flags: &[&str],
    set: &mut [bool],
) -> Result<(usize, usize), Exception> {
    let mut range = (0, size);
    for o in proper_list(opts)? {
        if let Some(&[tag, part]) = o.as_tuple() {
            if atom_is(ctx, tag, "scope") {
                range = part_tuple(part, size)?;
                continue;
            }
            return Err(Exception::badarg());
        }
        match flags.iter().position(|f| atom_is(ctx, o, f)) {
            Some(i) => set[i] = true,
            None => return Err(Exception::badarg()),
        }
    }
    Ok(range)
}

/// `{A, B}` of two non-negative integers.
pub(crate) fn pair(ctx: &mut Ctx, a: usize, b: usize) -> Result<Term, Exception> {
    let a = crate::bignum::from_i64(ctx.heap, a as i64)?;
    let b = crate::bignum::from_i64(ctx.heap, b as i64)?;
    Ok(ctx.heap.tuple(&[a, b])?)
}
