//! `gluon_file`: the natives under Gluon's `file` module
//! (`erlang-stdlib/file.erl`), over the platform's [`crate::os::Files`].
//! A platform without a file system answers `{error, enotsup}`. Open files
//! are platform handles (small integers) that `file.erl` wraps in an
//! io-device tuple.

use super::drv_args::{error_atom, iodata, is_atom, ok, path, posix, u32_arg, unit};
use super::{native, BifDef, BifResult, Ctx, Exception};
use crate::os::{FileType, Files, OpenMode, PosixError, SeekFrom};
use crate::term::{atom, Term};
use alloc::vec::Vec;

pub(crate) static BIFS: &[BifDef] = &[
    native("gluon_file", "read_file", 1, read_file),
    native("gluon_file", "write_file", 3, write_file),
    native("gluon_file", "open", 2, open),
    native("gluon_file", "read", 2, read),
    native("gluon_file", "write", 2, write),
    native("gluon_file", "close", 1, close),
    native("gluon_file", "position", 3, position),
    native("gluon_file", "list_dir", 1, list_dir),
    native("gluon_file", "delete", 1, delete),
    native("gluon_file", "make_dir", 1, make_dir),
    native("gluon_file", "del_dir", 1, del_dir),
    native("gluon_file", "rename", 2, rename),
    native("gluon_file", "info", 1, info),
];

/// Runs `f` over the file system, or says `enotsup`.
fn with_files<R>(
    ctx: &mut Ctx<'_>,
    f: impl FnOnce(&mut dyn Files) -> Result<R, PosixError>,
) -> Result<R, PosixError> {
    match ctx.os.files() {
        Some(fs) => f(fs),
        None => Err(PosixError::Enotsup),
    }
}

/// A path argument; `Err` carries the `{error, badarg}` OTP returns for
/// a name that is not one.
fn path_arg(ctx: &mut Ctx<'_>, t: Term) -> Result<Vec<u8>, BifResult> {
    path(ctx, t).ok_or_else(|| error_atom(ctx, "badarg"))
}

/// Reads from `h` until the end or `limit` bytes.
fn read_up_to(fs: &mut dyn Files, h: u32, limit: usize) -> Result<Vec<u8>, PosixError> {
    let mut out = Vec::new();
    let mut buf = alloc::vec![0u8; 4096.min(limit.max(1))];
    while out.len() < limit {
        let want = buf.len().min(limit - out.len());
        match fs.read(h, &mut buf[..want])? {
            0 => break,
            k => out.extend_from_slice(&buf[..k]),
        }
    }
    Ok(out)
}

fn write_all(fs: &mut dyn Files, h: u32, mut data: &[u8]) -> Result<(), PosixError> {
    while !data.is_empty() {
        match fs.write(h, data)? {
            0 => return Err(PosixError::Eio),
            k => data = &data[k..],
        }
    }
    Ok(())
}

fn read_file(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let p = match path_arg(ctx, a[0]) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let r = with_files(ctx, |fs| {
        let h = fs.open(&p, OpenMode::Read)?;
        let r = read_up_to(fs, h, usize::MAX);
        let _ = fs.close(h);
        r
    });
    match r {
        Ok(bytes) => {
            let b = crate::binary::new_heap_binary(ctx.heap, &bytes)?;
            ok(ctx, b)
        }
        Err(e) => posix(ctx, e),
    }
}

/// `write_file(Path, Data, Append)`.
fn write_file(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let p = match path_arg(ctx, a[0]) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let Some(data) = iodata(a[1]) else {
        return error_atom(ctx, "badarg");
    };
    let mode = if a[2] == Term::TRUE {
        OpenMode::Append
    } else {
        OpenMode::Write
    };
    let r = with_files(ctx, |fs| {
        let h = fs.open(&p, mode)?;
        let r = write_all(fs, h, &data);
        let c = fs.close(h);
        r.and(c)
    });
    unit(ctx, r)
}

/// `open(Path, Mode)` with Mode `read`, `write`, `append` or
/// `read_write`: `{ok, Handle}`.
fn open(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let p = match path_arg(ctx, a[0]) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let mode = if is_atom(ctx, a[1], "read") {
        OpenMode::Read
    } else if is_atom(ctx, a[1], "write") {
        OpenMode::Write
    } else if is_atom(ctx, a[1], "append") {
        OpenMode::Append
    } else if is_atom(ctx, a[1], "read_write") {
        OpenMode::ReadWrite
    } else {
        return Err(Exception::badarg());
    };
    match with_files(ctx, |fs| fs.open(&p, mode)) {
        Ok(h) => {
            let t = crate::bignum::from_i64(ctx.heap, h as i64)?;
            ok(ctx, t)
        }
        Err(e) => posix(ctx, e),
    }
}

/// `read(Handle, N)`: `{ok, Binary}` or `eof`.
fn read(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let h = u32_arg(a[0])?;
    let n = u32_arg(a[1])? as usize;
    match with_files(ctx, |fs| read_up_to(fs, h, n)) {
        Ok(b) if b.is_empty() && n > 0 => Ok(Term::atom(
            ctx.atoms
                .intern("eof")
                .map_err(|_| Exception::system_limit())?,
        )),
        Ok(b) => {
            let t = crate::binary::new_heap_binary(ctx.heap, &b)?;
            ok(ctx, t)
        }
        Err(e) => posix(ctx, e),
    }
}

fn write(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let h = u32_arg(a[0])?;
    let Some(data) = iodata(a[1]) else {
        return error_atom(ctx, "badarg");
    };
    let r = with_files(ctx, |fs| write_all(fs, h, &data));
    unit(ctx, r)
}

fn close(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let h = u32_arg(a[0])?;
    let r = with_files(ctx, |fs| fs.close(h));
    unit(ctx, r)
}

/// `position(Handle, bof | cur | eof, Offset)`: `{ok, NewPosition}`.
fn position(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let h = u32_arg(a[0])?;
    let off = crate::bignum::to_i64(a[2]).ok_or_else(Exception::badarg)?;
    let to = if is_atom(ctx, a[1], "bof") {
        SeekFrom::Start(u64::try_from(off).map_err(|_| Exception::badarg())?)
    } else if is_atom(ctx, a[1], "cur") {
        SeekFrom::Current(off)
    } else if is_atom(ctx, a[1], "eof") {
        SeekFrom::End(off)
    } else {
        return Err(Exception::badarg());
    };
    match with_files(ctx, |fs| fs.seek(h, to)) {
        Ok(p) => {
            let t = crate::bignum::from_i64(ctx.heap, p as i64)?;
            ok(ctx, t)
        }
        Err(e) => posix(ctx, e),
    }
}

/// `list_dir(Path)`: `{ok, Names}`, names as character lists (UTF-8
/// decoded; a name that is not UTF-8 stays a binary, as OTP's raw names).
fn list_dir(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let p = match path_arg(ctx, a[0]) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let mut names: Vec<Vec<u8>> = Vec::new();
    let r = with_files(ctx, |fs| fs.list_dir(&p, &mut |n| names.push(n.to_vec())));
    if let Err(e) = r {
        return posix(ctx, e);
    }
    let mut list = Term::NIL;
    for n in names.iter().rev() {
        let t = match core::str::from_utf8(n) {
            Ok(s) => ctx.heap.unicode_string(s)?,
            Err(_) => crate::binary::new_heap_binary(ctx.heap, n)?,
        };
        list = ctx.heap.cons(t, list)?;
    }
    ok(ctx, list)
}

/// A native taking one path and returning `ok` or `{error, _}`.
fn path_op(
    ctx: &mut Ctx<'_>,
    t: Term,
    op: impl FnOnce(&mut dyn Files, &[u8]) -> Result<(), PosixError>,
) -> BifResult {
    let p = match path_arg(ctx, t) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let r = with_files(ctx, |fs| op(fs, &p));
    unit(ctx, r)
}

fn delete(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    // OTP reports unlinking a directory as `eperm` (POSIX's word for it)
    // where Linux says `eisdir`.
    path_op(ctx, a[0], |fs, p| {
        fs.delete(p).map_err(|e| match e {
            PosixError::Eisdir => PosixError::Eperm,
            e => e,
        })
    })
}

fn make_dir(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    path_op(ctx, a[0], |fs, p| fs.make_dir(p))
}

fn del_dir(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    // OTP reports a directory that is not empty as `eexist`.
    path_op(ctx, a[0], |fs, p| {
        fs.del_dir(p).map_err(|e| match e {
            PosixError::Enotempty => PosixError::Eexist,
            e => e,
        })
    })
}

fn rename(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let to = match path_arg(ctx, a[1]) {
        Ok(p) => p,
        Err(r) => return r,
    };
    path_op(ctx, a[0], |fs, from| fs.rename(from, &to))
}

/// `info(Path)`: `{ok, {Size, Type, Access, Mode, Mtime}}`, which
/// `file.erl` turns into a `#file_info{}` record.
fn info(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let p = match path_arg(ctx, a[0]) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let i = match with_files(ctx, |fs| fs.info(&p)) {
        Ok(i) => i,
        Err(e) => return posix(ctx, e),
    };
    let kind = match i.kind {
        FileType::Regular => "regular",
        FileType::Directory => "directory",
        FileType::Other => "other",
    };
    let access = match (i.readable, i.writable) {
        (true, true) => "read_write",
        (true, false) => "read",
        (false, true) => "write",
        (false, false) => "none",
    };
    let size = crate::bignum::from_i64(ctx.heap, i.size as i64)?;
    let kind = super::drv_args::atom_term(ctx, kind)?;
    let access = super::drv_args::atom_term(ctx, access)?;
    let mode = crate::bignum::from_i64(ctx.heap, i.mode as i64)?;
    let mtime = match i.mtime {
        Some(t) => crate::bignum::from_i64(ctx.heap, t)?,
        None => Term::atom(atom::UNDEFINED),
    };
    let t = ctx.heap.tuple(&[size, kind, access, mode, mtime])?;
    ok(ctx, t)
}

/// `io:format(Fd, ...)` and friends on a file opened by `file:open/2`
/// (`{file_descriptor, gluon_file, {Handle, _}}`); `badarg` for any other
/// device.
pub(crate) fn device_write(ctx: &mut Ctx<'_>, dev: Term, bytes: &[u8]) -> Result<(), Exception> {
    let h = match dev.as_tuple() {
        Some([tag, m, data])
            if is_atom(ctx, *tag, "file_descriptor") && is_atom(ctx, *m, "gluon_file") =>
        {
            match data.as_tuple() {
                Some([h, _]) => u32_arg(*h)?,
                _ => return Err(Exception::badarg()),
            }
        }
        _ => return Err(Exception::badarg()),
    };
    with_files(ctx, |fs| write_all(fs, h, bytes)).map_err(|e| {
        let reason = ctx
            .atoms
            .intern(e.name())
            .map(Term::atom)
            .unwrap_or(Term::atom(atom::BADARG));
        Exception::error(reason)
    })
}
