//! `io` and `io_lib` natives: formatted output to the console through the
//! OS hooks. Output goes to the platform console (the group leader of
//! every process, until processes get their own).

use super::{native, BifDef, BifResult, Ctx, Exception};
use crate::format::WriteOpts;
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
    native("io", "format", 3, format3),
    native("io", "fwrite", 3, format3),
    native("io", "put_chars", 2, put_chars2),
    native("io", "nl", 1, nl1),
    native("io", "write", 1, io_write),
    native("io_lib", "format", 2, io_lib_format),
    native("io_lib", "fwrite", 2, io_lib_format),
    native("io_lib", "format", 3, io_lib_format3),
    native("io_lib", "write", 1, write1),
    native("io_lib", "write", 2, write2),
    native("io_lib", "print", 1, print1),
    native("io_lib", "write_atom", 1, write_atom),
    native("io_lib", "write_string", 1, write_string),
    native("io_lib", "write_char", 1, write_char),
    native("io_lib", "printable_list", 1, printable_list),
    native("io_lib", "printable_latin1_list", 1, printable_list),
    native(
        "io_lib",
        "printable_unicode_list",
        1,
        printable_unicode_list,
    ),
    native("io_lib", "nl", 0, io_lib_nl),
];

/// Where `io` output with an explicit device goes: the console, or the
/// report channel for `standard_error`.
fn device_write(ctx: &mut Ctx<'_>, dev: Term, bytes: &[u8]) -> Result<(), Exception> {
    match dev.as_atom() {
        Some(atom::STANDARD_ERROR) => ctx.os.report_write(bytes),
        Some(atom::STANDARD_IO) | Some(atom::USER) => ctx.os.console_write(bytes),
        // Any process stands for its group leader: the console.
        _ if dev.is_pid() => ctx.os.console_write(bytes),
        _ => return super::file::device_write(ctx, dev, bytes),
    }
    Ok(())
}

fn format3(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let s = render(ctx, a[1], a[2])?;
    device_write(ctx, a[0], s.as_bytes())?;
    Ok(Term::atom(atom::OK))
}

fn put_chars2(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let mut chars = Vec::new();
    chardata(a[1], &mut chars).ok_or_else(Exception::badarg)?;
    let s: String = chars.iter().filter_map(|&c| char::from_u32(c)).collect();
    device_write(ctx, a[0], s.as_bytes())?;
    Ok(Term::atom(atom::OK))
}

fn nl1(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    device_write(ctx, a[0], b"\n")?;
    Ok(Term::atom(atom::OK))
}

/// Formats a term as `~w` (or `~W` with a depth).
fn written(ctx: &Ctx<'_>, t: Term, depth: Option<usize>) -> String {
    let mut s = String::new();
    let opts = WriteOpts {
        depth,
        ..WriteOpts::plain()
    };
    crate::format::write_term(&mut s, t, ctx.atoms, opts);
    s
}

fn io_write(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let s = written(ctx, a[0], None);
    ctx.os.console_write(s.as_bytes());
    Ok(Term::atom(atom::OK))
}

fn io_lib_format3(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    // Options (`chars_limit`) are accepted but not applied.
    Heap::list_to_vec(a[2]).ok_or_else(Exception::badarg)?;
    io_lib_format(ctx, &a[..2])
}

fn write1(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let s = written(ctx, a[0], None);
    Ok(ctx.heap.unicode_string(&s)?)
}

fn write2(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let depth = match a[1].as_small() {
        Some(d) if d > 0 => Some(d as usize),
        Some(_) => None,
        None => return Err(Exception::badarg()),
    };
    let s = written(ctx, a[0], depth);
    Ok(ctx.heap.unicode_string(&s)?)
}

fn print1(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let mut s = String::new();
    crate::format::print(
        &mut s,
        a[0],
        ctx.atoms,
        1,
        crate::format::LINE_LENGTH,
        WriteOpts::plain(),
    );
    Ok(ctx.heap.unicode_string(&s)?)
}

fn write_atom(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let name = a[0].as_atom().ok_or_else(Exception::badarg)?;
    let mut s = String::new();
    crate::format::write_atom(&mut s, ctx.atoms.name(name), true);
    Ok(ctx.heap.unicode_string(&s)?)
}

fn write_string(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    if crate::term::proper_list_len(a[0]).is_none() {
        return Err(Exception::badarg());
    }
    let mut s = String::new();
    crate::format::write_string(&mut s, a[0], true);
    Ok(ctx.heap.unicode_string(&s)?)
}

fn write_char(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let c = a[0].as_small().ok_or_else(Exception::badarg)?;
    let mut s = String::from("$");
    match char::from_u32(c as u32) {
        Some(ch) if c >= 0 => s.push(ch),
        _ => return Err(Exception::badarg()),
    }
    Ok(ctx.heap.unicode_string(&s)?)
}

fn printable_list(_: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    Ok(Term::bool(crate::format::is_printable_list(a[0])))
}

/// Printable Unicode: as OTP's `io_lib:printable_unicode_list/1`.
fn printable_unicode_list(_: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let mut it = crate::term::ListIter::new(a[0]);
    let ok = it.by_ref().all(|c| match c.as_small() {
        Some(n) if n >= 0 => {
            let n = n as u32;
            (32..127).contains(&n)
                || (160..0xD800).contains(&n)
                || (0xE000..0xFFFE).contains(&n)
                || (0x10000..0x110000).contains(&n)
                || matches!(n, 8..=13 | 27)
        }
        _ => false,
    });
    Ok(Term::bool(ok && it.tail().is_nil()))
}

fn io_lib_nl(ctx: &mut Ctx<'_>, _: &[Term]) -> BifResult {
    Ok(ctx.heap.string(b"\n")?)
}

/// The code points of a format string: a character list, a binary
/// (Latin-1) or an atom.
pub(crate) fn format_chars(ctx: &Ctx<'_>, f: Term) -> Option<Vec<u32>> {
    if let Some(a) = f.as_atom() {
        return Some(ctx.atoms.name(a).chars().map(|c| c as u32).collect());
    }
    // A binary format is taken byte by byte, as Latin-1 (as OTP's
    // `binary_to_list` of it).
    if let Some(b) = crate::binary::as_bytes(f) {
        return Some(b.iter().map(|&c| c as u32).collect());
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
