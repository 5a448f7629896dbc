//! Natives of module `binary` (OTP implements them in C): parts, copies,
//! bytes, common prefixes and suffixes, hex text, compiled patterns. The
//! searching ones are in [`super::binary_split`], the integer ones in
//! [`super::binary_unsigned`]; `replace/3,4` is Erlang
//! (`erlang-stdlib/binary.erl`) over `matches/3`.

use super::binary_args::{
    atom_is, index, part_range, part_tuple, patterns, proper_list, sub, subject, COMPILED_TAG,
};
use super::{binary_split, binary_unsigned, native, BifDef, BifResult, Ctx, Exception};
use crate::binary;
use crate::term::Term;
use alloc::vec::Vec;

/// Natives of module `binary`.
pub(crate) static BIFS: &[BifDef] = &[
    native("binary", "match", 2, binary_split::match_),
    native("binary", "match", 3, binary_split::match_),
    native("binary", "matches", 2, binary_split::matches),
    native("binary", "matches", 3, binary_split::matches),
    native("binary", "split", 2, binary_split::split),
    native("binary", "split", 3, binary_split::split),
    native("binary", "compile_pattern", 1, compile_pattern),
    native("binary", "part", 2, part2),
    native("binary", "part", 3, part3),
    native("binary", "copy", 1, copy),
    native("binary", "copy", 2, copy),
    native("binary", "at", 2, at),
    native("binary", "first", 1, first),
    native("binary", "last", 1, last),
    native("binary", "bin_to_list", 1, bin_to_list),
    native("binary", "bin_to_list", 2, bin_to_list),
    native("binary", "bin_to_list", 3, bin_to_list),
    native(
        "binary",
        "list_to_bin",
        1,
        super::erlang_iolist::list_to_binary,
    ),
    native("binary", "longest_common_prefix", 1, longest_common_prefix),
    native("binary", "longest_common_suffix", 1, longest_common_suffix),
    native("binary", "referenced_byte_size", 1, referenced_byte_size),
    native("binary", "encode_hex", 1, encode_hex),
    native("binary", "encode_hex", 2, encode_hex),
    native("binary", "decode_hex", 1, decode_hex),
    native(
        "binary",
        "encode_unsigned",
        1,
        binary_unsigned::encode_unsigned,
    ),
    native(
        "binary",
        "encode_unsigned",
        2,
        binary_unsigned::encode_unsigned,
    ),
    native(
        "binary",
        "decode_unsigned",
        1,
        binary_unsigned::decode_unsigned,
    ),
    native(
        "binary",
        "decode_unsigned",
        2,
        binary_unsigned::decode_unsigned,
    ),
];

/// `binary:compile_pattern(Pattern)`: the pattern checked and wrapped in
/// an opaque tuple that the searching natives accept. Tables are rebuilt
/// per search (256 words), which costs less than keeping them alive.
fn compile_pattern(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    patterns(ctx, args[0])?;
    let tag = super::binary_args::atom_term(ctx, COMPILED_TAG)?;
    Ok(ctx.heap.tuple(&[tag, args[0]])?)
}

/// `binary:part(Subject, {Pos, Len})`.
fn part2(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let n = subject(args[0])?.len();
    let (a, b) = part_tuple(args[1], n)?;
    sub(ctx, args[0], a, b)
}

/// `binary:part(Subject, Pos, Len)`.
fn part3(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let n = subject(args[0])?.len();
    let (a, b) = part_range(args[1], args[2], n)?;
    sub(ctx, args[0], a, b)
}

/// `binary:copy(Subject [, N])`: a fresh binary of `N` copies.
fn copy(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let bytes = subject(args[0])?;
    let times = match args.get(1) {
        Some(&n) => index(n)?,
        None => 1,
    };
    let total = bytes
        .len()
        .checked_mul(times)
        .filter(|&t| t <= isize::MAX as usize / 2)
        .ok_or_else(Exception::system_limit)?;
    let (bin, p) = binary::alloc_heap_binary(ctx.heap, total)?;
    // SAFETY: `p` points at `total` writable bytes of the fresh binary.
    let out = unsafe { core::slice::from_raw_parts_mut(p, total) };
    if !bytes.is_empty() {
        for chunk in out.chunks_exact_mut(bytes.len()) {
            chunk.copy_from_slice(&bytes);
        }
    }
    Ok(bin)
}

/// `binary:at(Subject, Pos)`.
fn at(_: &mut Ctx, args: &[Term]) -> BifResult {
    let bytes = subject(args[0])?;
    let i = index(args[1])?;
    let b = bytes.get(i).ok_or_else(Exception::badarg)?;
    Ok(Term::small(*b as isize))
}

/// `binary:first(Subject)`.
fn first(_: &mut Ctx, args: &[Term]) -> BifResult {
    let bytes = subject(args[0])?;
    let b = bytes.first().ok_or_else(Exception::badarg)?;
    Ok(Term::small(*b as isize))
}

/// `binary:last(Subject)`.
fn last(_: &mut Ctx, args: &[Term]) -> BifResult {
    let bytes = subject(args[0])?;
    let b = bytes.last().ok_or_else(Exception::badarg)?;
    Ok(Term::small(*b as isize))
}

/// `binary:bin_to_list(Subject [, {Pos, Len} | Pos, Len])`.
fn bin_to_list(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let bytes = subject(args[0])?;
    let (a, b) = match args.len() {
        1 => (0, bytes.len()),
        2 => part_tuple(args[1], bytes.len())?,
        _ => part_range(args[1], args[2], bytes.len())?,
    };
    Ok(ctx.heap.string(&bytes[a..b])?)
}

/// The binaries of a non-empty proper list, or `badarg`.
fn binaries(t: Term) -> Result<Vec<alloc::borrow::Cow<'static, [u8]>>, Exception> {
    let list = proper_list(t)?;
    if list.is_empty() {
        return Err(Exception::badarg());
    }
    list.into_iter().map(subject).collect()
}

/// `binary:longest_common_prefix(Binaries)`: its length in bytes.
fn longest_common_prefix(_: &mut Ctx, args: &[Term]) -> BifResult {
    let bins = binaries(args[0])?;
    let n = bins.iter().skip(1).fold(bins[0].len(), |n, b| {
        n.min(
            bins[0]
                .iter()
                .zip(b.iter())
                .take_while(|(x, y)| x == y)
                .count(),
        )
    });
    Ok(Term::small(n as isize))
}

/// `binary:longest_common_suffix(Binaries)`: its length in bytes.
fn longest_common_suffix(_: &mut Ctx, args: &[Term]) -> BifResult {
    let bins = binaries(args[0])?;
    let n = bins.iter().skip(1).fold(bins[0].len(), |n, b| {
        n.min(
            bins[0]
                .iter()
                .rev()
                .zip(b.iter().rev())
                .take_while(|(x, y)| x == y)
                .count(),
        )
    });
    Ok(Term::small(n as isize))
}

/// `binary:referenced_byte_size(Binary)`: the size of the storage this
/// binary shares (its own size unless it is a part of a larger one).
fn referenced_byte_size(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let (bytes, _, _) = binary::bit_view(args[0]).ok_or_else(Exception::badarg)?;
    Ok(crate::bignum::from_i64(ctx.heap, bytes.len() as i64)?)
}

/// `binary:encode_hex(Bin [, uppercase | lowercase])`.
fn encode_hex(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let bytes = subject(args[0])?;
    let digits: &[u8; 16] = match args.get(1) {
        None => b"0123456789ABCDEF",
        Some(&c) if atom_is(ctx, c, "uppercase") => b"0123456789ABCDEF",
        Some(&c) if atom_is(ctx, c, "lowercase") => b"0123456789abcdef",
        Some(_) => return Err(Exception::badarg()),
    };
    let (bin, p) = binary::alloc_heap_binary(ctx.heap, 2 * bytes.len())?;
    // SAFETY: `p` points at `2 * len` writable bytes of the fresh binary.
    let out = unsafe { core::slice::from_raw_parts_mut(p, 2 * bytes.len()) };
    for (o, &b) in out.chunks_exact_mut(2).zip(bytes.iter()) {
        o[0] = digits[(b >> 4) as usize];
        o[1] = digits[(b & 15) as usize];
    }
    Ok(bin)
}

/// `binary:decode_hex(HexBin)`: an even number of hex digits, either case.
fn decode_hex(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let text = subject(args[0])?;
    if text.len() % 2 != 0 {
        return Err(Exception::badarg());
    }
    let digit = |c: u8| (c as char).to_digit(16).ok_or_else(Exception::badarg);
    let mut out = Vec::with_capacity(text.len() / 2);
    for pair in text.chunks_exact(2) {
        out.push((digit(pair[0])? * 16 + digit(pair[1])?) as u8);
    }
    Ok(binary::new_heap_binary(ctx.heap, &out)?)
}
