//! Arguments and results shared by the driver natives (`file`, sockets,
//! peripherals): paths, iodata, `{ok, _}` and `{error, Posix}`.

use super::{BifResult, Ctx, Exception};
use crate::os::{error_tuple, PosixError};
use crate::term::{atom, Term};
use alloc::vec::Vec;

/// A file name as bytes: a string (deep, with binaries inside), a binary
/// or an atom, as OTP's `file` accepts. Characters are encoded in UTF-8.
pub(crate) fn path(ctx: &Ctx<'_>, t: Term) -> Option<Vec<u8>> {
    if let Some(a) = t.as_atom() {
        return Some(ctx.atoms.name(a).as_bytes().to_vec());
    }
    if let Some(b) = crate::binary::as_bytes(t) {
        return Some(b.to_vec());
    }
    if !t.is_list_or_nil() {
        return None;
    }
    let mut out = Vec::new();
    let mut stack = alloc::vec![t];
    while let Some(t) = stack.pop() {
        if t.is_nil() {
            continue;
        }
        if let Some((h, tl)) = t.as_cons() {
            stack.push(tl);
            stack.push(h);
        } else if let Some(c) = t.as_small() {
            let c = char::from_u32(u32::try_from(c).ok()?)?;
            let mut b = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
        } else if let Some(a) = t.as_atom() {
            out.extend_from_slice(ctx.atoms.name(a).as_bytes());
        } else if let Some(b) = crate::binary::as_bytes(t) {
            out.extend_from_slice(b);
        } else {
            return None;
        }
    }
    // A NUL would cut the name short in the platform's C string.
    (!out.contains(&0)).then_some(out)
}

/// The bytes of iodata (a binary or a deep list of bytes and binaries).
pub(crate) fn iodata(t: Term) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    super::erlang_iolist::walk(t, |b| out.extend_from_slice(b)).then_some(out)
}

/// `{error, Reason}`.
pub(crate) fn posix(ctx: &mut Ctx<'_>, e: PosixError) -> BifResult {
    error_tuple(ctx.heap, ctx.atoms, e)
}

/// `{error, Name}` for a reason that is not a POSIX error (`closed`,
/// `timeout`, `not_owner`, `badarg`).
pub(crate) fn error_atom(ctx: &mut Ctx<'_>, name: &str) -> BifResult {
    let a = ctx
        .atoms
        .intern(name)
        .map_err(|_| Exception::system_limit())?;
    Ok(ctx.heap.tuple(&[Term::atom(atom::ERROR), Term::atom(a)])?)
}

/// `{ok, T}`.
pub(crate) fn ok(ctx: &mut Ctx<'_>, t: Term) -> BifResult {
    Ok(ctx.heap.tuple(&[Term::atom(atom::OK), t])?)
}

/// `ok`, or `{error, Reason}`.
pub(crate) fn unit(ctx: &mut Ctx<'_>, r: Result<(), PosixError>) -> BifResult {
    match r {
        Ok(()) => Ok(Term::atom(atom::OK)),
        Err(e) => posix(ctx, e),
    }
}

/// An atom by name.
pub(crate) fn atom_term(ctx: &mut Ctx<'_>, name: &str) -> BifResult {
    ctx.atoms
        .intern(name)
        .map(Term::atom)
        .map_err(|_| Exception::system_limit())
}

/// Whether `t` is the atom `name`.
pub(crate) fn is_atom(ctx: &Ctx<'_>, t: Term, name: &str) -> bool {
    t.as_atom().is_some_and(|a| ctx.atoms.name(a) == name)
}

/// A non-negative integer argument that fits a `u32`.
pub(crate) fn u32_arg(t: Term) -> Result<u32, Exception> {
    t.as_small()
        .and_then(|n| u32::try_from(n).ok())
        .ok_or_else(Exception::badarg)
}
