//! `io:setopts/1,2`: the console always writes UTF-8, as an OTP device
//! set to `{encoding, unicode}` does, so options are checked for shape
//! and otherwise accepted.

use super::{native, BifDef, BifResult, Ctx, Exception};
use crate::heap::Heap;
use crate::term::{atom, Term};

/// Option natives of module `io`.
pub(crate) static BIFS: &[BifDef] = &[
    native("io", "setopts", 1, setopts1),
    native("io", "setopts", 2, setopts2),
];

/// `io:setopts(Opts)`: `Opts` must be a proper list.
fn setopts1(_: &mut Ctx, args: &[Term]) -> BifResult {
    Heap::list_to_vec(args[0]).ok_or_else(Exception::badarg)?;
    Ok(Term::atom(atom::OK))
}

/// `io:setopts(Device, Opts)`.
fn setopts2(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    setopts1(ctx, &args[1..])
}
