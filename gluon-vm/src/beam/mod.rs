//! The `.beam` file format: parsing a compiled Erlang module into its
//! tables, and decoding its code into generic instructions.
//!
//! This layer knows nothing about terms, heaps or the interpreter. It
//! borrows from the input (which may sit in flash) wherever it can, checks
//! every index and count against the data before using or allocating it,
//! and never panics on malformed input.
//!
//! Files written by `erlc` of OTP 24 to OTP 29 are supported, including the
//! OTP 28 changes (atom table with a negative count and compact-term atom
//! lengths; literal table stored uncompressed, flagged by an uncompressed
//! size of 0) and, for completeness, the Latin-1 `Atom` chunk of OTP 19 and
//! earlier. gzip-compressed files are reported as
//! [`ErrorKind::Compressed`]; unwrap them with [`gunzip`] first.

mod chunks;
mod code;
mod compact;
mod error;
#[cfg(feature = "inflate")]
mod gzip;
mod iff;
mod lines;
mod literals;
mod opcodes;
mod reader;

#[cfg(test)]
mod tests;

pub use chunks::{CodeInfo, Export, FunEntry, Import, TypeTable};
pub use code::{Args, CodeReader, GenericOp};
pub use compact::{tag, Operand, Reg, MAX_REG};
pub use error::{BeamError, ChunkId, ErrorKind};
#[cfg(feature = "inflate")]
pub use gzip::{gunzip, is_gzip};
pub use iff::Chunk;
pub use lines::{LineTable, Location};
pub use literals::Literals;
#[allow(unused_imports)] // for the loader
pub(crate) use opcodes::for_each_opcode;
pub use opcodes::{op, opcode_arity, opcode_name, MAX_ARGS, MAX_OPCODE};

use alloc::borrow::Cow;
use alloc::vec::Vec;

/// A parsed, validated `.beam` file, borrowing from the file's bytes.
#[derive(Clone, Debug)]
pub struct BeamFile<'a> {
    /// The atom table; [`BeamFile::atom`] looks atoms up by their 1-based
    /// file index. Atom 1 is the module name.
    pub atoms: Vec<Cow<'a, str>>,
    /// Functions of other modules this module calls (`ImpT`).
    pub imports: Vec<Import>,
    /// Exported functions (`ExpT`).
    pub exports: Vec<Export>,
    /// Local functions (`LocT`; empty if absent).
    pub locals: Vec<Export>,
    /// Lambdas (`FunT`; empty if absent).
    pub funs: Vec<FunEntry>,
    /// Literal constants (`LitT`; empty if absent).
    pub literals: Literals<'a>,
    /// The string table (`StrT`; empty if absent), used by binary
    /// instructions that take an offset and length into it.
    pub strings: &'a [u8],
    /// Line numbers (`Line`; empty if absent).
    pub lines: LineTable<'a>,
    /// Type hints (`Type`, OTP 25+), if present and of a known version.
    pub types: Option<TypeTable<'a>>,
    /// The code header and instruction bytes.
    pub code: CodeInfo<'a>,
    /// Every chunk of the file, including those not parsed here (`Attr`,
    /// `CInf`, `Meta`, `Dbgi`, `Docs`, ...).
    pub chunks: Vec<Chunk<'a>>,
}

impl<'a> BeamFile<'a> {
    /// The atom with 1-based file index `index` (as in `a`-tagged operands
    /// and the import/export tables).
    pub fn atom(&self, index: u32) -> Option<&str> {
        let i = usize::try_from(index).ok()?.checked_sub(1)?;
        self.atoms.get(i).map(|a| &**a)
    }

    /// The module's name (atom 1).
    pub fn module_name(&self) -> &str {
        self.atom(1).unwrap_or("")
    }

    /// Number of literals.
    pub fn literal_count(&self) -> usize {
        self.literals.len()
    }

    /// The external-term-format bytes of literal `index` (0-based).
    pub fn literal(&self, index: usize) -> Option<&[u8]> {
        self.literals.get(index)
    }

    /// The data of chunk `id`, if the file has it.
    pub fn chunk(&self, id: ChunkId) -> Option<&'a [u8]> {
        self.chunks.iter().find(|c| c.id == id).map(|c| c.data)
    }

    /// Decodes the code, one instruction at a time, checking operands
    /// against this file's tables.
    pub fn instructions(&self) -> CodeReader<'a> {
        let limits = compact::Limits {
            atoms: u32::try_from(self.atoms.len()).unwrap_or(u32::MAX),
            labels: self.code.label_count,
            literals: u32::try_from(self.literals.len()).unwrap_or(u32::MAX),
            types: self.types.map(|t| t.count),
        };
        CodeReader::new(
            self.code.bytes,
            self.code.offset,
            self.code.max_opcode,
            limits,
        )
    }
}

/// The chunk `id`, if present; an error if it occurs twice.
fn find<'c, 'a>(all: &'c [Chunk<'a>], id: ChunkId) -> Result<Option<&'c Chunk<'a>>, BeamError> {
    let mut found = all.iter().filter(|c| c.id == id);
    let first = found.next();
    if let Some(dup) = found.next() {
        return Err(BeamError::in_chunk(
            ErrorKind::DuplicateChunk,
            dup.offset.saturating_sub(8),
            id,
        ));
    }
    Ok(first)
}

fn require<'c, 'a>(all: &'c [Chunk<'a>], id: ChunkId) -> Result<&'c Chunk<'a>, BeamError> {
    find(all, id)?.ok_or_else(|| BeamError::in_chunk(ErrorKind::MissingChunk, 0, id))
}

/// Parses and validates a `.beam` file. The code is validated lazily, as
/// [`BeamFile::instructions`] decodes it.
pub fn parse(bytes: &[u8]) -> Result<BeamFile<'_>, BeamError> {
    let chunks = iff::chunks(bytes)?;

    let code_chunk = require(&chunks, ChunkId::CODE)?;
    let code = chunks::code(code_chunk)?;
    if code.max_opcode > u32::from(MAX_OPCODE) {
        return Err(BeamError::in_chunk(
            ErrorKind::MaxOpcodeTooNew {
                max_opcode: code.max_opcode,
                supported: MAX_OPCODE,
            },
            code_chunk.offset.saturating_add(8),
            ChunkId::CODE,
        ));
    }

    let atoms = match (find(&chunks, ChunkId::ATU8)?, find(&chunks, ChunkId::ATOM)?) {
        (Some(c), _) => chunks::atoms(c, false)?,
        (None, Some(c)) => chunks::atoms(c, true)?,
        (None, None) => {
            return Err(BeamError::in_chunk(
                ErrorKind::MissingChunk,
                0,
                ChunkId::ATU8,
            ))
        }
    };
    let n_atoms = atoms.len();
    let labels = code.label_count;

    let imports = chunks::imports(require(&chunks, ChunkId::IMPT)?, n_atoms)?;
    let exports = chunks::exports(require(&chunks, ChunkId::EXPT)?, n_atoms, labels)?;
    let locals = match find(&chunks, ChunkId::LOCT)? {
        Some(c) => chunks::exports(c, n_atoms, labels)?,
        None => Vec::new(),
    };
    let funs = match find(&chunks, ChunkId::FUNT)? {
        Some(c) => chunks::funs(c, n_atoms, labels)?,
        None => Vec::new(),
    };
    let literals = match find(&chunks, ChunkId::LITT)? {
        Some(c) => literals::parse(c)?,
        None => Literals::default(),
    };
    let strings = find(&chunks, ChunkId::STRT)?.map_or(&[][..], |c| c.data);
    let lines = match find(&chunks, ChunkId::LINE)? {
        Some(c) => lines::parse(c)?,
        None => LineTable::default(),
    };
    let types = match find(&chunks, ChunkId::TYPE)? {
        Some(c) => chunks::types(c)?,
        None => None,
    };

    Ok(BeamFile {
        atoms,
        imports,
        exports,
        locals,
        funs,
        literals,
        strings,
        lines,
        types,
        code,
        chunks,
    })
}
