//! Unicode case mapping for module `string`: `uppercase/1`, `lowercase/1`,
//! `titlecase/1` and `casefold/1`, on chardata; a binary gives a binary,
//! anything else a flat list.
//!
//! Mappings are full (with special casing such as ß → SS), from the
//! compact table of [`super::case_table`] (about 4 KB of flash). On top
//! of them:
//!
//! - titlecase is uppercase except for the characters whose title form
//!   differs (the Latin digraphs DŽ, LJ, NJ, DZ, and Georgian letters,
//!   which stay as they are); a multi-character uppercase (ß → SS, ﬁ →
//!   FI) keeps only its first letter capital (Ss, Fi);
//! - casefold is lowercase of uppercase, which is full case folding for
//!   all but a few scripts (Cherokee folds to uppercase).
//!
//! The table follows the Unicode version of the Rust toolchain that
//! generated it, which may be newer than the OTP release compared against.

use super::{native, BifDef, BifResult, Ctx, Exception};
use crate::binary;
use crate::term::Term;
use alloc::vec::Vec;

/// Natives of module `string` for case mapping.
pub(crate) static BIFS: &[BifDef] = &[
    native("string", "uppercase", 1, uppercase),
    native("string", "lowercase", 1, lowercase),
    native("string", "titlecase", 1, titlecase),
    native("string", "casefold", 1, casefold),
];

/// Maps the characters of chardata `t` and returns the result in the
/// kind of `t`.
fn map(ctx: &mut Ctx, t: Term, f: impl Fn(&[u32], &mut Vec<u32>)) -> BifResult {
    let mut chars = Vec::new();
    super::io::chardata(t, &mut chars).ok_or_else(Exception::badarg)?;
    let mut out = Vec::with_capacity(chars.len());
    f(&chars, &mut out);
    if binary::is_binary(t) {
        let mut bytes = alloc::string::String::with_capacity(out.len());
        bytes.extend(out.iter().filter_map(|&c| char::from_u32(c)));
        return Ok(binary::new_heap_binary(ctx.heap, bytes.as_bytes())?);
    }
    let mut list = Term::NIL;
    for &c in out.iter().rev() {
        list = ctx.heap.cons(Term::small(c as isize), list)?;
    }
    Ok(list)
}

use super::case_table::{lower, upper};

/// `string:uppercase(String)`.
pub fn uppercase(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    map(ctx, args[0], |s, out| s.iter().for_each(|&c| upper(c, out)))
}

/// `string:lowercase(String)`.
pub fn lowercase(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    map(ctx, args[0], |s, out| s.iter().for_each(|&c| lower(c, out)))
}

/// `string:casefold(String)`.
pub fn casefold(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    map(ctx, args[0], |s, out| {
        let mut up = Vec::new();
        for &c in s {
            up.clear();
            upper(c, &mut up);
            up.iter().for_each(|&u| lower(u, out));
        }
    })
}

/// `string:titlecase(String)`: the first character in title case.
pub fn titlecase(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    map(ctx, args[0], |s, out| {
        if let Some((&first, rest)) = s.split_first() {
            title(first, out);
            out.extend_from_slice(rest);
        }
    })
}

/// The title case of one character.
fn title(c: u32, out: &mut Vec<u32>) {
    match c {
        // DŽ Dž dž, LJ Lj lj, NJ Nj nj: the middle one is the title form.
        0x1C4..=0x1CC => out.push(0x1C5 + (c - 0x1C4) / 3 * 3),
        0x1F1..=0x1F3 => out.push(0x1F2),
        // Georgian Mkhedruli letters are their own title case.
        0x10D0..=0x10FA | 0x10FD..=0x10FF => out.push(c),
        _ => {
            let start = out.len();
            upper(c, out);
            // Only the first letter of an expansion stays capital.
            if out.len() > start + 1 {
                let tail = out.split_off(start + 1);
                tail.iter().for_each(|&u| lower(u, out));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(c: char) -> alloc::string::String {
        let mut out = Vec::new();
        title(c as u32, &mut out);
        out.iter().filter_map(|&c| char::from_u32(c)).collect()
    }

    #[test]
    fn title_forms() {
        assert_eq!(t('a'), "A");
        assert_eq!(t('ß'), "Ss");
        assert_eq!(t('ﬁ'), "Fi");
        assert_eq!(t('ǆ'), "ǅ");
        assert_eq!(t('Ǆ'), "ǅ");
        assert_eq!(t('ǌ'), "ǋ");
        assert_eq!(t('ǳ'), "ǲ");
        assert_eq!(t('ა'), "ა");
        assert_eq!(t('1'), "1");
    }
}
