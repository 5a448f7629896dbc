//! The small fixed-format chunks: atoms, imports, exports, locals, funs,
//! the code header and the type table.

use super::compact;
use super::error::{BeamError, ErrorKind};
use super::iff::Chunk;
use super::reader::Reader;
use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

/// An entry of the import table (`ImpT`): a function other modules define.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub struct Import {
    /// Atom index of the module.
    pub module: u32,
    /// Atom index of the function name.
    pub function: u32,
    /// Arity (0..=255).
    pub arity: u32,
}

/// An entry of the export (`ExpT`) or local-function (`LocT`) table.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub struct Export {
    /// Atom index of the function name.
    pub function: u32,
    /// Arity (0..=255).
    pub arity: u32,
    /// The function's entry label (the label just after `func_info`).
    pub label: u32,
}

/// An entry of the lambda table (`FunT`).
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub struct FunEntry {
    /// Atom index of the generated function name (`-f/1-fun-0-`).
    pub function: u32,
    /// Arity of the generated function: the fun's arity plus `num_free`.
    pub arity: u32,
    /// Entry label of the generated function.
    pub label: u32,
    /// The fun's index in this table, as the compiler numbered it.
    pub index: u32,
    /// How many values the fun captures.
    pub num_free: u32,
    /// The compiler's uniqueness value (part of a fun's identity in older
    /// releases and in the external format).
    pub old_uniq: u32,
}

/// The `Code` chunk's header and instruction stream.
#[derive(Copy, Clone, Debug)]
pub struct CodeInfo<'a> {
    /// Instruction-set (format) number; always 0.
    pub instruction_set: u32,
    /// The highest opcode the module uses.
    pub max_opcode: u32,
    /// One more than the highest label number.
    pub label_count: u32,
    /// Number of functions.
    pub function_count: u32,
    /// The compact-encoded instructions.
    pub bytes: &'a [u8],
    /// File offset of `bytes`.
    pub offset: usize,
}

/// The `Type` chunk (OTP 25+): type hints referenced by typed-register
/// operands. Kept raw; only the entry count is needed to validate operands.
/// The entry encoding changes between versions; a VM that does not use the
/// hints can ignore it.
#[derive(Copy, Clone, Debug)]
pub struct TypeTable<'a> {
    /// Format version (1 in OTP 25, 3 in OTP 27, 4 in OTP 29).
    pub version: u32,
    /// Number of entries.
    pub count: u32,
    /// The encoded entries (at least 2 bytes each), undecoded.
    pub entries: &'a [u8],
}

/// Parses `AtU8` (UTF-8) or, with `latin1`, the pre-OTP 20 `Atom` chunk.
///
/// A negative count (OTP 28+) means that each atom's byte length is a
/// compact term instead of a single byte, allowing atoms of 255 characters
/// that need more than 255 bytes.
pub(crate) fn atoms<'a>(chunk: &Chunk<'a>, latin1: bool) -> Result<Vec<Cow<'a, str>>, BeamError> {
    let mut r = chunk.reader();
    let at = r.offset();
    let raw = r.u32()? as i32;
    let long_lengths = raw < 0;
    let n = raw.unsigned_abs();
    if n == 0 {
        return Err(r.err_at(ErrorKind::NoAtoms, at));
    }
    // Each atom needs a length byte.
    let n = r.check_count(n, 1, at)?;
    let mut atoms = Vec::with_capacity(n);
    for _ in 0..n {
        let len_at = r.offset();
        let len = if long_lengths {
            // Only the value matters; the compiler uses tag `u`.
            let (_, v) = compact::read_raw(&mut r)?;
            let len = v
                .unsigned()
                .ok_or_else(|| r.err_at(ErrorKind::ValueTooLarge, len_at))?;
            usize::try_from(len).map_err(|_| r.err_at(ErrorKind::ValueTooLarge, len_at))?
        } else {
            usize::from(r.u8()?)
        };
        let bytes = r.bytes(len)?;
        atoms.push(if latin1 {
            latin1_to_utf8(bytes)
        } else {
            Cow::Borrowed(
                core::str::from_utf8(bytes).map_err(|_| r.err_at(ErrorKind::BadUtf8, len_at))?,
            )
        });
    }
    r.finish()?;
    Ok(atoms)
}

fn latin1_to_utf8(bytes: &[u8]) -> Cow<'_, str> {
    match core::str::from_utf8(bytes) {
        Ok(s) if bytes.is_ascii() => Cow::Borrowed(s),
        _ => Cow::Owned(bytes.iter().map(|&b| char::from(b)).collect::<String>()),
    }
}

/// Reads an atom index that must name an existing atom.
fn atom_index(r: &mut Reader<'_>, atom_count: usize) -> Result<u32, BeamError> {
    let at = r.offset();
    let i = r.u32()?;
    if i == 0 || usize::try_from(i).map_or(true, |i| i > atom_count) {
        let count = u32::try_from(atom_count).unwrap_or(u32::MAX);
        return Err(r.err_at(ErrorKind::AtomOutOfRange { index: i, count }, at));
    }
    Ok(i)
}

fn arity(r: &mut Reader<'_>) -> Result<u32, BeamError> {
    let at = r.offset();
    let a = r.u32()?;
    if a > 255 {
        return Err(r.err_at(ErrorKind::BadArity { arity: a }, at));
    }
    Ok(a)
}

fn label(r: &mut Reader<'_>, label_count: u32) -> Result<u32, BeamError> {
    let at = r.offset();
    let l = r.u32()?;
    if l >= label_count {
        return Err(r.err_at(
            ErrorKind::LabelOutOfRange {
                label: l,
                count: label_count,
            },
            at,
        ));
    }
    Ok(l)
}

/// Parses `ImpT`.
pub(crate) fn imports(chunk: &Chunk<'_>, atom_count: usize) -> Result<Vec<Import>, BeamError> {
    let mut r = chunk.reader();
    let n = r.count(12)?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let module = atom_index(&mut r, atom_count)?;
        let function = atom_index(&mut r, atom_count)?;
        out.push(Import {
            module,
            function,
            arity: arity(&mut r)?,
        });
    }
    r.finish()?;
    Ok(out)
}

/// Parses `ExpT` or `LocT`.
pub(crate) fn exports(
    chunk: &Chunk<'_>,
    atom_count: usize,
    label_count: u32,
) -> Result<Vec<Export>, BeamError> {
    let mut r = chunk.reader();
    let n = r.count(12)?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let function = atom_index(&mut r, atom_count)?;
        let arity = arity(&mut r)?;
        out.push(Export {
            function,
            arity,
            label: label(&mut r, label_count)?,
        });
    }
    r.finish()?;
    Ok(out)
}

/// Parses `FunT`.
pub(crate) fn funs(
    chunk: &Chunk<'_>,
    atom_count: usize,
    label_count: u32,
) -> Result<Vec<FunEntry>, BeamError> {
    let mut r = chunk.reader();
    let n = r.count(24)?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let function = atom_index(&mut r, atom_count)?;
        let arity = arity(&mut r)?;
        let label = label(&mut r, label_count)?;
        let index = r.u32()?;
        let num_free = r.u32()?;
        let old_uniq = r.u32()?;
        out.push(FunEntry {
            function,
            arity,
            label,
            index,
            num_free,
            old_uniq,
        });
    }
    r.finish()?;
    Ok(out)
}

/// Parses the `Code` chunk's header; the instructions are decoded lazily.
pub(crate) fn code<'a>(chunk: &Chunk<'a>) -> Result<CodeInfo<'a>, BeamError> {
    let mut r = chunk.reader();
    let at = r.offset();
    let header_size = r.u32()?;
    let header = r.bytes(usize::try_from(header_size).unwrap_or(usize::MAX))?;
    if header_size < 16 {
        return Err(r.err_at(ErrorKind::BadCodeHeader { header_size }, at));
    }
    let offset = r.offset();
    let bytes = r.rest();
    let mut h = Reader::new(header, at.saturating_add(4), Some(chunk.id));
    let instruction_set = h.u32()?;
    if instruction_set != 0 {
        return Err(h.err_at(
            ErrorKind::UnsupportedInstructionSet {
                set: instruction_set,
            },
            at.saturating_add(4),
        ));
    }
    let max_opcode = h.u32()?;
    let label_count = h.u32()?;
    let function_count = h.u32()?;
    // Any further header fields of a future release are ignored.
    Ok(CodeInfo {
        instruction_set,
        max_opcode,
        label_count,
        function_count,
        bytes,
        offset,
    })
}

/// Type-chunk versions whose header layout (version, count, entries of at
/// least 2 bytes) is known: 1 (OTP 25), 3 (OTP 27) and 4 (OTP 29) were seen
/// in `erlc` output; 2, between them, is assumed to share the header.
const TYPE_VERSIONS: core::ops::RangeInclusive<u32> = 1..=4;

/// Parses the `Type` chunk's header; `None` for a version of unknown
/// layout, which is then ignored as the BEAM ignores it (the hints are
/// optional).
pub(crate) fn types<'a>(chunk: &Chunk<'a>) -> Result<Option<TypeTable<'a>>, BeamError> {
    let mut r = chunk.reader();
    let version = r.u32()?;
    if !TYPE_VERSIONS.contains(&version) {
        return Ok(None);
    }
    let at = r.offset();
    let count = r.u32()?;
    r.check_count(count, 2, at)?;
    Ok(Some(TypeTable {
        version,
        count,
        entries: r.rest(),
    }))
}
