//! The text arguments of `~s` and the prefix argument of `~x`/`~X`.
//!
//! Facts (checked against OTP 25):
//! - `~s` takes an atom, a binary, or a deep list of characters and
//!   binaries, possibly ending in a binary tail (`[$a|<<"c">>]`);
//! - without `t`, characters must be 0..255 (an atom with a larger
//!   character is `badarg` too) and binaries are read as Latin-1 bytes;
//! - with `t`, each binary is decoded as UTF-8 if it is valid UTF-8 and
//!   read as Latin-1 bytes otherwise;
//! - the `~x` prefix is an atom or a deep list of characters (no binary).
//!
//! OTP accepts any non-negative integer as a character with `t`; Gluon
//! returns text, so integers that are not Unicode scalar values are
//! `badarg` here.

use super::FormatError;
use crate::binary::as_bytes;
use crate::term::{AtomTable, Term};
use alloc::vec;
use alloc::vec::Vec;

/// A character of an argument, checked against the encoding.
fn char_of(t: Term, unicode: bool) -> Result<char, FormatError> {
    let n = t.as_small().ok_or(FormatError::BadArg)?;
    let limit = if unicode { 0x10ffff } else { 255 };
    if !(0..=limit).contains(&n) {
        return Err(FormatError::BadArg);
    }
    char::from_u32(n as u32).ok_or(FormatError::BadArg)
}

/// The characters of a binary: UTF-8 with `t` when valid, else Latin-1.
fn binary_chars(bytes: &[u8], unicode: bool, out: &mut Vec<char>) {
    match core::str::from_utf8(bytes) {
        Ok(s) if unicode => out.extend(s.chars()),
        _ => out.extend(bytes.iter().map(|&b| b as char)),
    }
}

/// The characters of an atom name, checked against the encoding.
fn atom_chars(name: &str, unicode: bool, out: &mut Vec<char>) -> Result<(), FormatError> {
    if !unicode && name.chars().any(|c| c as u32 > 255) {
        return Err(FormatError::BadArg);
    }
    out.extend(name.chars());
    Ok(())
}

/// Walks a deep list of characters (and binaries, if `binaries`), without
/// recursion.
fn deep_list(
    list: Term,
    unicode: bool,
    binaries: bool,
    out: &mut Vec<char>,
) -> Result<(), FormatError> {
    let mut stack = vec![list];
    while let Some(mut t) = stack.pop() {
        loop {
            if t.is_nil() {
                break;
            }
            if let Some((h, tail)) = t.as_cons() {
                if h.is_list_or_nil() {
                    stack.push(tail);
                    t = h;
                    continue;
                }
                match as_bytes(h) {
                    Some(b) if binaries => binary_chars(b, unicode, out),
                    _ => out.push(char_of(h, unicode)?),
                }
                t = tail;
                continue;
            }
            match as_bytes(t) {
                Some(b) if binaries => binary_chars(b, unicode, out),
                _ => return Err(FormatError::BadArg),
            }
            break;
        }
    }
    Ok(())
}

/// The characters `~s` (`~ts` if `unicode`) prints for `t`.
pub(super) fn string_arg(
    t: Term,
    atoms: &AtomTable,
    unicode: bool,
) -> Result<Vec<char>, FormatError> {
    let mut out = Vec::new();
    if let Some(a) = t.as_atom() {
        atom_chars(atoms.name(a), unicode, &mut out)?;
    } else if let Some(b) = as_bytes(t) {
        binary_chars(b, unicode, &mut out);
    } else if t.is_list_or_nil() {
        deep_list(t, unicode, true, &mut out)?;
    } else {
        return Err(FormatError::BadArg);
    }
    Ok(out)
}

/// The characters of the prefix argument of `~x` and `~X`.
pub(super) fn prefix_arg(t: Term, atoms: &AtomTable) -> Result<Vec<char>, FormatError> {
    let mut out = Vec::new();
    if let Some(a) = t.as_atom() {
        out.extend(atoms.name(a).chars());
    } else if t.is_list_or_nil() {
        // Any character is accepted here, even without `t`.
        deep_list(t, true, false, &mut out)?;
    } else {
        return Err(FormatError::BadArg);
    }
    Ok(out)
}
