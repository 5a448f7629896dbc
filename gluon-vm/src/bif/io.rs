//! `io` and `io_lib` natives: formatted output to the console through the
//! OS hooks. Output goes to the platform console (the group leader of
//! every process, until processes get their own).

use super::{native, BifDef, BifResult, Ctx, Exception};
use crate::heap::Heap;
use crate::term::{atom, Term};
use alloc::string::String;
use alloc::vec::Vec;

pub(crate) static BIFS: &[BifDef] = &[
    native("io", "format", 1, format1),
    native("io", "format", 2, format2),
    native("io", "fwrite", 1, format1),
    native("io", "fwrite", 2, format2),
    native("io", "put_chars", 1, put_chars),
    native("io", "nl", 0, nl),
    native("io_lib", "format", 2, io_lib_format),
    native("io_lib", "fwrite", 2, io_lib_format),
];

/// The code points of a format string: a character list, a binary
/// (UTF-8) or an atom.
pub(crate) fn format_chars(ctx: &Ctx<'_>, f: Term) -> Option<Vec<u32>> {
    if let Some(a) = f.as_atom() {
        return Some(ctx.atoms.name(a).chars().map(|c| c as u32).collect());
    }
    if let Some(b) = crate::binary::as_bytes(f) {
        return Some(
            core::str::from_utf8(b)
                .ok()?
                .chars()
                .map(|c| c as u32)
                .collect(),
        );
    }
    let mut out = Vec::new();
    chardata(f, &mut out)?;
    Some(out)
}

/// Flattens chardata (nested lists of characters and UTF-8 binaries).
pub(crate) fn chardata(t: Term, out: &mut Vec<u32>) -> Option<()> {
    let mut stack = alloc::vec![t];
    while let Some(t) = stack.pop() {
        if t.is_nil() {
            continue;
        }
        if let Some(n) = t.as_small() {
            out.push(
                u32::try_from(n)
                    .ok()
                    .filter(|&c| char::from_u32(c).is_some())?,
            );
        } else if let Some((h, tl)) = t.as_cons() {
            stack.push(tl);
            stack.push(h);
        } else if let Some(b) = crate::binary::as_bytes(t) {
            out.extend(core::str::from_utf8(b).ok()?.chars().map(|c| c as u32));
        } else {
            return None;
        }
    }
    Some(())
}

fn render(ctx: &mut Ctx<'_>, f: Term, args: Term) -> Result<String, Exception> {
    let fmt = format_chars(ctx, f).ok_or_else(Exception::badarg)?;
    let args = Heap::list_to_vec(args).ok_or_else(Exception::badarg)?;
    crate::format::format(&fmt, &args, ctx.atoms).map_err(|_| Exception::badarg())
}

fn format1(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    format2(ctx, &[a[0], Term::NIL])
}

fn format2(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let s = render(ctx, a[0], a[1])?;
    ctx.os.console_write(s.as_bytes());
    Ok(Term::atom(atom::OK))
}

fn io_lib_format(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let s = render(ctx, a[0], a[1])?;
    Ok(ctx.heap.unicode_string(&s)?)
}

fn put_chars(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let mut chars = Vec::new();
    chardata(a[0], &mut chars).ok_or_else(Exception::badarg)?;
    let s: String = chars.iter().filter_map(|&c| char::from_u32(c)).collect();
    ctx.os.console_write(s.as_bytes());
    Ok(Term::atom(atom::OK))
}

fn nl(ctx: &mut Ctx<'_>, _: &[Term]) -> BifResult {
    ctx.os.console_write(b"\n");
    Ok(Term::atom(atom::OK))
}
