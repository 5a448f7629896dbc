//! `binary_to_existing_atom/1,2`: like `binary_to_atom`, but only atoms
//! that already exist (`badarg` otherwise), so untrusted text cannot fill
//! the atom table.

use super::binary_args::atom_is;
use super::erlang_iolist::binary_bytes;
use super::{native, BifDef, BifResult, Ctx, Exception};
use crate::term::Term;
use alloc::string::String;

/// Natives of module `erlang` for existing atoms.
pub(crate) static BIFS: &[BifDef] = &[
    native(
        "erlang",
        "binary_to_existing_atom",
        1,
        binary_to_existing_atom,
    ),
    native(
        "erlang",
        "binary_to_existing_atom",
        2,
        binary_to_existing_atom,
    ),
];

/// `binary_to_existing_atom(Binary [, utf8 | unicode | latin1])`.
fn binary_to_existing_atom(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let bytes = binary_bytes(args[0]).ok_or_else(Exception::badarg)?;
    let latin1 = match args.get(1) {
        None => false,
        Some(&e) if atom_is(ctx, e, "utf8") || atom_is(ctx, e, "unicode") => false,
        Some(&e) if atom_is(ctx, e, "latin1") => true,
        Some(_) => return Err(Exception::badarg()),
    };
    let name: String = if latin1 {
        bytes.iter().map(|&b| b as char).collect()
    } else {
        String::from(core::str::from_utf8(&bytes).map_err(|_| Exception::badarg())?)
    };
    ctx.atoms
        .lookup(&name)
        .map(Term::atom)
        .ok_or_else(Exception::badarg)
}
