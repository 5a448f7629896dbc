//! The external term format natives of module `erlang`:
//! `term_to_binary/1,2`, `binary_to_term/1,2`, `external_size/1,2`. The
//! format itself is [`crate::etf`].
//!
//! Option lists follow OTP 25, with two additions of later releases that
//! cost nothing here: `external_size/2` accepts `compressed` and
//! `deterministic` (ignored: the size is the uncompressed one), and
//! `{minor_version, 2}`. The default minor version is OTP 25's (1: Latin-1
//! atoms as `ATOM_EXT`); OTP 26 and later default to 2.

use super::{native, BifDef, BifResult, Ctx, Exception};
use crate::code::ExportEntry;
use crate::etf::{self, DecodeOptions, EncodeOptions, EtfError, FunResolver};
use crate::term::{Atom, ListIter, Term};
use crate::vm::ExportTable;

/// External term format natives of module `erlang`.
pub(crate) static BIFS: &[BifDef] = &[
    native("erlang", "term_to_binary", 1, term_to_binary_1),
    native("erlang", "term_to_binary", 2, term_to_binary_2),
    native("erlang", "binary_to_term", 1, binary_to_term_1),
    native("erlang", "binary_to_term", 2, binary_to_term_2),
    native("erlang", "external_size", 1, external_size_1),
    native("erlang", "external_size", 2, external_size_2),
];

fn arg(args: &[Term], i: usize) -> Term {
    args.get(i).copied().unwrap_or(Term::NIL)
}

/// The exception for an ETF error: a term this VM cannot encode yet
/// (closures, ...) is `notsup`, memory exhaustion kills the process, a
/// size beyond the machine is `system_limit`, anything else `badarg`.
#[cold]
fn raise(e: EtfError) -> Exception {
    match e {
        EtfError::Unsupported { .. } => Exception::notsup(),
        EtfError::OutOfMemory => Exception::from(crate::heap::OutOfMemory),
        EtfError::TooLarge => Exception::system_limit(),
        _ => Exception::badarg(),
    }
}

/// The elements of a proper list, or `badarg`.
fn options(list: Term) -> Result<ListIter, Exception> {
    if crate::term::proper_list_len(list).is_none() {
        return Err(Exception::badarg());
    }
    Ok(ListIter::new(list))
}

/// `{Name, Value}` with an atom name and a small value.
fn pair(ctx: &Ctx, t: Term) -> Option<(&'static str, isize)> {
    let &[k, v] = t.as_tuple()? else {
        return None;
    };
    let name = ctx.atoms.name(k.as_atom()?);
    let name = match name {
        "compressed" => "compressed",
        "minor_version" => "minor_version",
        _ => return None,
    };
    Some((name, v.as_small()?))
}

/// Reads `term_to_binary/2` (and `external_size/2`) options.
fn encode_options(ctx: &Ctx, list: Term) -> Result<EncodeOptions, Exception> {
    let mut opts = EncodeOptions::DEFAULT;
    for o in options(list)? {
        match (o.as_atom().map(|a| ctx.atoms.name(a)), pair(ctx, o)) {
            (Some("compressed"), _) => opts.compression = EncodeOptions::DEFAULT_COMPRESSION,
            (Some("deterministic"), _) => {} // maps are always written in key order
            (_, Some(("compressed", n @ 0..=9))) => opts.compression = n as u8,
            (_, Some(("minor_version", n @ 0..=2))) => opts.minor_version = n as u8,
            _ => return Err(Exception::badarg()),
        }
    }
    Ok(opts)
}

fn encode(ctx: &mut Ctx, t: Term, opts: EncodeOptions) -> BifResult {
    let bytes = etf::encode(t, ctx.atoms, opts).map_err(raise)?;
    Ok(crate::binary::new_heap_binary(ctx.heap, &bytes)?)
}

/// `term_to_binary(Term)`.
pub fn term_to_binary_1(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    encode(ctx, arg(args, 0), EncodeOptions::DEFAULT)
}

/// `term_to_binary(Term, Options)`: `compressed`, `{compressed, 0..9}`,
/// `{minor_version, 0..2}`, `deterministic`.
pub fn term_to_binary_2(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let opts = encode_options(ctx, arg(args, 1))?;
    encode(ctx, arg(args, 0), opts)
}

fn size(ctx: &mut Ctx, t: Term, opts: EncodeOptions) -> BifResult {
    let n = etf::encoded_size(t, ctx.atoms, opts).map_err(raise)?;
    Ok(crate::bignum::from_i64(ctx.heap, n as i64)?)
}

/// `erlang:external_size(Term)`: the size of `term_to_binary(Term)`.
pub fn external_size_1(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    size(ctx, arg(args, 0), EncodeOptions::DEFAULT)
}

/// `erlang:external_size(Term, Options)`.
pub fn external_size_2(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let opts = encode_options(ctx, arg(args, 1))?;
    size(ctx, arg(args, 0), opts)
}

/// Export funs under `safe`: only entries that exist already.
struct ExistingExports<'a>(&'a mut ExportTable);

impl FunResolver for ExistingExports<'_> {
    fn export(&mut self, m: Atom, f: Atom, a: u32) -> Option<*const ExportEntry> {
        self.0.find(m, f, a).map(|e| e as *const ExportEntry)
    }
}

/// Decodes `bin` (trailing bytes are allowed, as on the BEAM); returns the
/// term and the bytes it took.
fn decode(ctx: &mut Ctx, bin: Term, safe: bool) -> Result<(Term, usize), Exception> {
    let bytes = super::erlang_iolist::binary_bytes(bin).ok_or_else(Exception::badarg)?;
    let opts = DecodeOptions { safe };
    let result = if safe {
        let mut existing = ExistingExports(ctx.exports);
        etf::decode_opts(&bytes, ctx.heap, ctx.atoms, Some(&mut existing), opts)
    } else {
        etf::decode_opts(&bytes, ctx.heap, ctx.atoms, Some(ctx.exports), opts)
    };
    result.map_err(|e| match e {
        // Malformed input is the caller's error, whatever part failed.
        EtfError::OutOfMemory => raise(e),
        _ => Exception::badarg(),
    })
}

/// `binary_to_term(Binary)`.
pub fn binary_to_term_1(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    decode(ctx, arg(args, 0), false).map(|(t, _)| t)
}

/// `binary_to_term(Binary, Options)`: `safe` refuses new atoms and export
/// funs of unknown functions; `used` returns `{Term, BytesUsed}`.
pub fn binary_to_term_2(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let (mut safe, mut used) = (false, false);
    for o in options(arg(args, 1))? {
        match o.as_atom().map(|a| ctx.atoms.name(a)) {
            Some("safe") => safe = true,
            Some("used") => used = true,
            _ => return Err(Exception::badarg()),
        }
    }
    let (t, n) = decode(ctx, arg(args, 0), safe)?;
    if !used {
        return Ok(t);
    }
    let n = crate::bignum::from_i64(ctx.heap, n as i64)?;
    Ok(ctx.heap.tuple(&[t, n])?)
}
