//! Bitstring natives of module `erlang`: `binary_part/2,3`,
//! `split_binary/2`, `binary_to_list/3`, `bitstring_to_list/1`,
//! `list_to_bitstring/1`. Parts share the storage of their argument.
//!
//! Byte positions count whole bytes only: a trailing partial byte is never
//! part of a byte range.

use super::{native, BifDef, BifResult, Ctx, Exception};
use crate::binary::{self, bits};
use crate::term::Term;
use alloc::vec::Vec;

/// Bitstring natives of module `erlang`.
pub(crate) static BIFS: &[BifDef] = &[
    native("erlang", "binary_part", 2, binary_part_2),
    native("erlang", "binary_part", 3, binary_part_3),
    native("erlang", "split_binary", 2, split_binary),
    native("erlang", "binary_to_list", 3, binary_to_list_3),
    native("erlang", "bitstring_to_list", 1, bitstring_to_list),
    native("erlang", "list_to_bitstring", 1, list_to_bitstring),
];

fn arg(args: &[Term], i: usize) -> Term {
    args.get(i).copied().unwrap_or(Term::NIL)
}

/// Whole bytes of bitstring `t`, or `badarg`.
fn whole_bytes(t: Term) -> Result<usize, Exception> {
    binary::bit_view(t)
        .map(|(_, _, len)| len / 8)
        .ok_or_else(Exception::badarg)
}

fn small(t: Term) -> Result<isize, Exception> {
    t.as_small().ok_or_else(Exception::badarg)
}

/// The byte range `Start, Len` (a negative `Len` counting back from
/// `Start`) if it lies within `n` bytes.
fn part_range(n: usize, start: Term, len: Term) -> Result<(usize, usize), Exception> {
    let (s, l) = (small(start)?, small(len)?);
    let (from, to) = if l < 0 { (s + l, s) } else { (s, s + l) };
    if from < 0 || to as usize > n || from > to {
        return Err(Exception::badarg());
    }
    Ok((from as usize, (to - from) as usize))
}

fn part(ctx: &mut Ctx, bin: Term, start: Term, len: Term) -> BifResult {
    let (from, n) = part_range(whole_bytes(bin)?, start, len)?;
    Ok(binary::slice(ctx.heap, bin, from * 8, n * 8)?)
}

/// `binary_part(Bin, {Start, Len})`.
pub fn binary_part_2(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    match arg(args, 1).as_tuple() {
        Some(&[s, l]) => part(ctx, arg(args, 0), s, l),
        _ => Err(Exception::badarg()),
    }
}

/// `binary_part(Bin, Start, Len)`.
pub fn binary_part_3(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    part(ctx, arg(args, 0), arg(args, 1), arg(args, 2))
}

/// `split_binary(Bin, Pos)`: the first `Pos` bytes and the rest (which
/// keeps any partial byte).
pub fn split_binary(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let bin = arg(args, 0);
    let n = whole_bytes(bin)?;
    let pos = small(arg(args, 1))?;
    if pos < 0 || pos as usize > n {
        return Err(Exception::badarg());
    }
    let (_, _, bits) = binary::bit_view(bin).ok_or_else(Exception::badarg)?;
    let at = pos as usize * 8;
    let a = binary::slice(ctx.heap, bin, 0, at)?;
    let b = binary::slice(ctx.heap, bin, at, bits - at)?;
    Ok(ctx.heap.tuple(&[a, b])?)
}

/// The bytes `n` of bitstring `t` from whole byte `from`.
fn bytes_of(t: Term, from: usize, n: usize) -> Vec<u8> {
    let Some((src, off, _)) = binary::bit_view(t) else {
        return Vec::new();
    };
    let mut out = alloc::vec![0u8; n];
    bits::copy_bits(src, off + from * 8, &mut out, 0, n * 8);
    out
}

/// `binary_to_list(Bin, Start, Stop)`: bytes `Start..=Stop`, 1-based.
pub fn binary_to_list_3(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let bin = arg(args, 0);
    let n = whole_bytes(bin)?;
    let (s, e) = (small(arg(args, 1))?, small(arg(args, 2))?);
    if s < 1 || s > e || e as usize > n {
        return Err(Exception::badarg());
    }
    let b = bytes_of(bin, s as usize - 1, (e - s + 1) as usize);
    Ok(ctx.heap.string(&b)?)
}

/// `bitstring_to_list(Bits)`: the whole bytes, then the partial byte as a
/// bitstring if there is one.
pub fn bitstring_to_list(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let t = arg(args, 0);
    let (_, _, bits) = binary::bit_view(t).ok_or_else(Exception::badarg)?;
    let n = bits / 8;
    let tail = if bits % 8 != 0 {
        let rest = binary::slice(ctx.heap, t, n * 8, bits % 8)?;
        ctx.heap.cons(rest, Term::NIL)?
    } else {
        Term::NIL
    };
    let b = bytes_of(t, 0, n);
    let elems: Vec<Term> = b.iter().map(|&x| Term::small(x as isize)).collect();
    Ok(ctx.heap.list_from(&elems, tail)?)
}

/// Visits the pieces of a bitstring list (bytes and bitstrings, nested,
/// with bitstring tails) in order; `false` if `root` is not one.
fn walk(root: Term, mut f: impl FnMut(Piece)) -> bool {
    let mut pending: Vec<Term> = alloc::vec![root];
    while let Some(t) = pending.pop() {
        if t.is_nil() {
            continue;
        }
        if let Some((h, tl)) = t.as_cons() {
            pending.push(tl);
            match h.as_small() {
                Some(b @ 0..=255) => f(Piece::Byte(b as u8)),
                Some(_) => return false,
                None if h.is_list_or_nil() || h.is_bitstring() => pending.push(h),
                None => return false,
            }
        } else if let Some(v) = binary::bit_view(t) {
            f(Piece::Bits(v));
        } else {
            return false;
        }
    }
    true
}

enum Piece {
    Byte(u8),
    Bits((&'static [u8], usize, usize)),
}

/// `list_to_bitstring(BitstringList)`.
pub fn list_to_bitstring(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let t = arg(args, 0);
    if !t.is_list_or_nil() {
        return Err(Exception::badarg());
    }
    let mut total = 0usize;
    let ok = walk(t, |p| {
        total += match p {
            Piece::Byte(_) => 8,
            Piece::Bits((_, _, n)) => n,
        }
    });
    if !ok {
        return Err(Exception::badarg());
    }
    let mut out = alloc::vec![0u8; total.div_ceil(8)];
    let mut at = 0;
    walk(t, |p| match p {
        Piece::Byte(b) => {
            bits::write_u64(&mut out, at, 8, b as u64);
            at += 8;
        }
        Piece::Bits((src, off, n)) => {
            bits::copy_bits(src, off, &mut out, at, n);
            at += n;
        }
    });
    Ok(binary::new_bitstring(ctx.heap, &out, total)?)
}
