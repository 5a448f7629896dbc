//! `binary:encode_unsigned/1,2` and `binary:decode_unsigned/1,2`:
//! non-negative integers as big- or little-endian bytes, of any size.

use super::binary_args::{atom_is, subject};
use super::{BifResult, Ctx, Exception};
use crate::binary;
use crate::term::{Term, MAX_SMALL};
use alloc::vec::Vec;

const W: usize = core::mem::size_of::<usize>();

/// The `Endianness` argument: `true` for `little`, `false` for `big`.
fn little(ctx: &Ctx, args: &[Term]) -> Result<bool, Exception> {
    match args.get(1) {
        None => Ok(false),
        Some(&e) if atom_is(ctx, e, "big") => Ok(false),
        Some(&e) if atom_is(ctx, e, "little") => Ok(true),
        Some(_) => Err(Exception::badarg()),
    }
}

/// `binary:encode_unsigned(Unsigned [, Endianness])`: the fewest bytes
/// that hold it (`<<0>>` for zero).
pub fn encode_unsigned(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let little = little(ctx, args)?;
    // Little-endian bytes of the magnitude.
    let mut bytes: Vec<u8> = if let Some(n) = args[0].as_small() {
        if n < 0 {
            return Err(Exception::badarg());
        }
        (n as usize).to_le_bytes().to_vec()
    } else {
        match crate::bignum::as_big(args[0]) {
            Some((false, digits)) => digits.iter().flat_map(|d| d.to_le_bytes()).collect(),
            _ => return Err(Exception::badarg()),
        }
    };
    while bytes.len() > 1 && bytes.last() == Some(&0) {
        bytes.pop();
    }
    if !little {
        bytes.reverse();
    }
    Ok(binary::new_heap_binary(ctx.heap, &bytes)?)
}

/// `binary:decode_unsigned(Subject [, Endianness])`: `<<>>` is zero.
pub fn decode_unsigned(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let little = little(ctx, args)?;
    let bytes = subject(args[0])?;
    // Word digits, least significant first.
    let mut digits: Vec<usize> = Vec::with_capacity(bytes.len() / W + 1);
    let mut le: Vec<u8> = bytes.to_vec();
    if !little {
        le.reverse();
    }
    for chunk in le.chunks(W) {
        let mut word = [0u8; W];
        word[..chunk.len()].copy_from_slice(chunk);
        digits.push(usize::from_le_bytes(word));
    }
    while digits.last() == Some(&0) {
        digits.pop();
    }
    match digits[..] {
        [] => Ok(Term::small(0)),
        [d] if d <= MAX_SMALL as usize => Ok(Term::small(d as isize)),
        _ => Ok(crate::bignum::from_digits(ctx.heap, false, &digits)?),
    }
}
