//! The line table (`Line`): maps the operand of each `line` instruction to
//! a source file and line number.
//!
//! Layout (version 0, the only one so far): version, flags, number of
//! `line` instructions, item count, file-name count (u32 each); then the
//! items as compact terms, where an `a`-tagged term switches the current
//! file (0 = the module's own `<module>.erl`, k = the k-th name) and an
//! `i`-tagged term is a line in the current file; then the file names, each
//! a u16 byte length and UTF-8 bytes.
//!
//! Item numbering is 1-based: a `line` instruction with operand 0 has no
//! location.

use super::compact::{self, tag};
use super::error::{BeamError, ErrorKind};
use super::iff::Chunk;
use alloc::vec::Vec;

/// A source location: (file index, line). File index 0 is the module's own
/// source file (`<module>.erl`, not stored in the table); index k ≥ 1 is
/// [`LineTable::file`]`(k)`.
pub type Location = (u32, u32);

/// The parsed `Line` chunk (empty when absent or of an unknown version).
#[derive(Clone, Debug, Default)]
pub struct LineTable<'a> {
    /// Format version; a table of a version other than 0 is ignored (left
    /// empty), as the BEAM does.
    pub version: u32,
    /// Flags (unused so far).
    pub flags: u32,
    /// Number of `line` instructions in the code.
    pub instruction_count: u32,
    items: Vec<Location>,
    names: Vec<&'a str>,
}

impl<'a> LineTable<'a> {
    /// The location of item `index` (a `line` instruction's operand); `None`
    /// for 0 ("no location") or an index beyond the table.
    pub fn location(&self, index: u32) -> Option<Location> {
        let i = usize::try_from(index).ok()?.checked_sub(1)?;
        self.items.get(i).copied()
    }

    /// Number of items (valid `line` operands are 0..=len).
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the table has no items.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// File name number `index` (1-based; 0 is the module's own source file
    /// and has no stored name).
    pub fn file(&self, index: u32) -> Option<&'a str> {
        let i = usize::try_from(index).ok()?.checked_sub(1)?;
        self.names.get(i).copied()
    }

    /// The stored file names in order: file index 1, 2, ...
    pub fn files(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.names.iter().copied()
    }
}

/// Parses a `Line` chunk.
pub(crate) fn parse<'a>(chunk: &Chunk<'a>) -> Result<LineTable<'a>, BeamError> {
    let mut r = chunk.reader();
    let version = r.u32()?;
    if version != 0 {
        return Ok(LineTable {
            version,
            ..LineTable::default()
        });
    }
    let flags = r.u32()?;
    let instruction_count = r.u32()?;
    let items_at = r.offset();
    let item_count = r.u32()?;
    let names_at = r.offset();
    let name_count = r.u32()?;
    // Each item takes at least one byte, each name at least two.
    let item_count = r.check_count(item_count, 1, items_at)?;
    let names_len = r.check_count(name_count, 2, names_at)?;
    let mut items = Vec::with_capacity(item_count);
    let mut file = 0u32;
    while items.len() < item_count {
        let at = r.offset();
        let (t, v) = compact::read_raw(&mut r)?;
        let value = v
            .unsigned()
            .and_then(|v| u32::try_from(v).ok())
            .ok_or_else(|| r.err_at(ErrorKind::ValueTooLarge, at))?;
        match t {
            tag::A if value <= name_count => file = value,
            tag::A => {
                return Err(r.err_at(
                    ErrorKind::FileOutOfRange {
                        index: value,
                        count: name_count,
                    },
                    at,
                ))
            }
            // A negative line would be multi-byte with the sign bit set,
            // which `unsigned` accepts as a huge value; refuse it here.
            tag::I if matches!(v.signed(), Ok(n) if n >= 0) => items.push((file, value)),
            tag::I => return Err(r.err_at(ErrorKind::ValueTooLarge, at)),
            _ => return Err(r.err_at(ErrorKind::BadLineItem, at)),
        }
    }
    let mut names = Vec::with_capacity(names_len);
    for _ in 0..names_len {
        let at = r.offset();
        let len = r.u16()?;
        let bytes = r.bytes(usize::from(len))?;
        names.push(core::str::from_utf8(bytes).map_err(|_| r.err_at(ErrorKind::BadUtf8, at))?);
    }
    // Bytes after the names are ignored: room for future extensions.
    Ok(LineTable {
        version,
        flags,
        instruction_count,
        items,
        names,
    })
}
