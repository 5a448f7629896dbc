//! Why a `.beam` file was rejected, and where.
//!
//! Errors are small and `Copy` so that callers can embed them in their own
//! error types; every constructor is `#[cold]` to keep the happy path lean.

use core::fmt;

/// A four-character IFF chunk identifier such as `Code` or `LitT`.
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
pub struct ChunkId(pub [u8; 4]);

impl ChunkId {
    /// The atom table of OTP 20 and later (UTF-8).
    pub const ATU8: ChunkId = ChunkId(*b"AtU8");
    /// The atom table of OTP 19 and earlier (Latin-1).
    pub const ATOM: ChunkId = ChunkId(*b"Atom");
    /// The instructions.
    pub const CODE: ChunkId = ChunkId(*b"Code");
    /// The string table used by binary construction/matching.
    pub const STRT: ChunkId = ChunkId(*b"StrT");
    /// The import table.
    pub const IMPT: ChunkId = ChunkId(*b"ImpT");
    /// The export table.
    pub const EXPT: ChunkId = ChunkId(*b"ExpT");
    /// The table of local (non-exported) functions.
    pub const LOCT: ChunkId = ChunkId(*b"LocT");
    /// The lambda (fun) table.
    pub const FUNT: ChunkId = ChunkId(*b"FunT");
    /// The literal table.
    pub const LITT: ChunkId = ChunkId(*b"LitT");
    /// The line-number table.
    pub const LINE: ChunkId = ChunkId(*b"Line");
    /// The type-hint table (OTP 25+).
    pub const TYPE: ChunkId = ChunkId(*b"Type");
}

impl fmt::Display for ChunkId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for &b in &self.0 {
            if b.is_ascii_graphic() || b == b' ' {
                write!(f, "{}", b as char)?;
            } else {
                write!(f, "\\x{b:02x}")?;
            }
        }
        Ok(())
    }
}

/// What is wrong with a `.beam` file.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file does not start with `FOR1`, size, `BEAM`.
    NotBeam,
    /// The file is gzip-compressed (as `erlc +compressed` writes it); see
    /// [`super::gunzip`].
    Compressed,
    /// The gzip wrapper of a compressed file is malformed.
    BadGzip,
    /// The data ends in the middle of a field: `needed` bytes were wanted,
    /// `available` were left.
    Truncated { needed: u32, available: u32 },
    /// The IFF form header declares more bytes than the file holds.
    FormTooLong { declared: u32, available: u32 },
    /// A chunk's declared size (plus padding to 4 bytes) runs past the end
    /// of the IFF form.
    ChunkOverrun { declared: u32, available: u32 },
    /// A chunk that must be present is missing.
    MissingChunk,
    /// The same chunk occurs twice.
    DuplicateChunk,
    /// A table's entry count cannot fit in the bytes that follow it.
    CountTooLarge { count: u32, available: u32 },
    /// Bytes are left over after a table's last entry.
    TrailingBytes { count: u32 },
    /// The atom table has no atoms (there must be at least the module name).
    NoAtoms,
    /// A name (atom or file name) is not valid UTF-8.
    BadUtf8,
    /// An atom index is 0 or beyond the atom table.
    AtomOutOfRange { index: u32, count: u32 },
    /// An arity above 255.
    BadArity { arity: u32 },
    /// A label beyond the code header's label count.
    LabelOutOfRange { label: u32, count: u32 },
    /// The code header is shorter than its fixed fields.
    BadCodeHeader { header_size: u32 },
    /// The code uses an instruction-set (format) number other than 0.
    UnsupportedInstructionSet { set: u32 },
    /// The code header's highest opcode is newer than this parser knows: the
    /// module was compiled for a later Erlang/OTP release.
    MaxOpcodeTooNew { max_opcode: u32, supported: u8 },
    /// An opcode number that no known OTP release defines.
    UnknownOpcode { opcode: u8 },
    /// An opcode above the highest one the code header declares.
    OpcodeAboveMax { opcode: u8, max_opcode: u32 },
    /// The code ends without an `int_code_end` instruction.
    MissingCodeEnd,
    /// A compact-term extended tag (`z`) number that does not exist.
    BadExtendedTag { ext: u32 },
    /// A compact term whose tag is not allowed where it appears.
    UnexpectedTag { tag: u8 },
    /// A compact term's value is larger than its use allows.
    ValueTooLarge,
    /// A list operand that is not an instruction's last operand, or a list
    /// inside a list.
    MisplacedList,
    /// An allocation-list entry of a kind other than words, floats or funs.
    BadAllocKind { kind: u32 },
    /// An X, Y or float register number of 1024 or more.
    RegisterOutOfRange { reg: u32 },
    /// A literal index beyond the literal table.
    LiteralOutOfRange { index: u32, count: u32 },
    /// A type index beyond the type table.
    TypeOutOfRange { index: u32, count: u32 },
    /// The zlib stream of the literal table is corrupt.
    BadZlib,
    /// The literal table is compressed and the VM was built without its
    /// `inflate` feature (firmware's packed modules store it uncompressed).
    NoInflate,
    /// The literal table inflates to a size other than the declared one.
    SizeMismatch { declared: u32, actual: u32 },
    /// A literal that does not start with the external-term-format version
    /// byte 131.
    BadLiteral { index: u32 },
    /// A line-table item is neither a file switch (`a`) nor a line (`i`).
    BadLineItem,
    /// A line-table file index beyond the file-name table.
    FileOutOfRange { index: u32, count: u32 },
}

/// A `.beam` parse error: what is wrong, the byte offset in the file where
/// it was found, and the chunk it is in (when it is in one).
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub struct BeamError {
    kind: ErrorKind,
    offset: u32,
    chunk: Option<ChunkId>,
}

impl BeamError {
    /// An error at byte `offset` of the file, outside any chunk.
    #[cold]
    #[inline(never)]
    pub fn new(kind: ErrorKind, offset: usize) -> BeamError {
        BeamError {
            kind,
            offset: u32::try_from(offset).unwrap_or(u32::MAX),
            chunk: None,
        }
    }

    /// An error at byte `offset` of the file, inside chunk `chunk`.
    #[cold]
    #[inline(never)]
    pub fn in_chunk(kind: ErrorKind, offset: usize, chunk: ChunkId) -> BeamError {
        BeamError {
            kind,
            offset: u32::try_from(offset).unwrap_or(u32::MAX),
            chunk: Some(chunk),
        }
    }

    /// What is wrong.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Byte offset within the file (saturated at `u32::MAX`).
    pub fn offset(&self) -> u32 {
        self.offset
    }

    /// The chunk the error is in, if any.
    pub fn chunk(&self) -> Option<ChunkId> {
        self.chunk
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ErrorKind::*;
        match *self {
            NotBeam => f.write_str("not a BEAM file (expected `FOR1` <size> `BEAM`)"),
            Compressed => f.write_str("BEAM file is gzip-compressed; decompress it first"),
            BadGzip => f.write_str("corrupt gzip wrapper"),
            Truncated { needed, available } => {
                write!(f, "truncated: {needed} bytes needed, {available} left")
            }
            FormTooLong { declared, available } => {
                write!(f, "IFF form declares {declared} bytes but the file holds {available}")
            }
            ChunkOverrun { declared, available } => write!(
                f,
                "declared size {declared} (padded to 4 bytes) exceeds the {available} bytes left in the file"
            ),
            MissingChunk => f.write_str("required chunk is missing"),
            DuplicateChunk => f.write_str("chunk occurs more than once"),
            CountTooLarge { count, available } => {
                write!(f, "entry count {count} cannot fit in the {available} bytes that follow")
            }
            TrailingBytes { count } => write!(f, "{count} unexpected bytes after the last entry"),
            NoAtoms => f.write_str("atom table is empty (no module name)"),
            BadUtf8 => f.write_str("name is not valid UTF-8"),
            AtomOutOfRange { index, count } => {
                write!(f, "atom index {index} out of range 1..={count}")
            }
            BadArity { arity } => write!(f, "arity {arity} exceeds 255"),
            LabelOutOfRange { label, count } => {
                write!(f, "label {label} out of range (label count {count})")
            }
            BadCodeHeader { header_size } => {
                write!(f, "code header size {header_size} is less than 16")
            }
            UnsupportedInstructionSet { set } => {
                write!(f, "unsupported instruction set {set} (expected 0)")
            }
            MaxOpcodeTooNew { max_opcode, supported } => write!(
                f,
                "highest opcode {max_opcode} is newer than the highest known {supported}: \
                 compiled for a later Erlang/OTP release"
            ),
            UnknownOpcode { opcode } => write!(f, "unknown opcode {opcode}"),
            OpcodeAboveMax { opcode, max_opcode } => write!(
                f,
                "opcode {opcode} is above the highest opcode {max_opcode} declared by the code header"
            ),
            MissingCodeEnd => f.write_str("code ends without `int_code_end`"),
            BadExtendedTag { ext } => write!(f, "unknown extended compact-term tag {ext}"),
            UnexpectedTag { tag } => {
                write!(f, "compact term with tag {} not allowed here", tag_name(tag))
            }
            ValueTooLarge => f.write_str("compact-term value too large for its use"),
            MisplacedList => {
                f.write_str("list operand must be an instruction's last operand and not nested")
            }
            BadAllocKind { kind } => write!(f, "unknown allocation-list kind {kind}"),
            RegisterOutOfRange { reg } => write!(f, "register number {reg} exceeds 1023"),
            LiteralOutOfRange { index, count } => {
                write!(f, "literal index {index} out of range (literal count {count})")
            }
            TypeOutOfRange { index, count } => {
                write!(f, "type index {index} out of range (type count {count})")
            }
            BadZlib => f.write_str("corrupt zlib stream"),
            NoInflate => f.write_str(
                "compressed literal table, and this VM is built without `inflate` \
                 (pack the module: gluon_pack.py stores it uncompressed)",
            ),
            SizeMismatch { declared, actual } => write!(
                f,
                "declared uncompressed size {declared} but the data inflates to {actual}{}",
                if actual > declared { " or more" } else { "" }
            ),
            BadLiteral { index } => {
                write!(f, "literal {index} is not in external term format (no 131 version byte)")
            }
            BadLineItem => f.write_str("line-table item is neither a file nor a line"),
            FileOutOfRange { index, count } => {
                write!(f, "file index {index} out of range (file count {count})")
            }
        }
    }
}

/// The one-letter names used by `beam_disasm` and the OTP sources.
fn tag_name(tag: u8) -> char {
    match tag {
        0 => 'u',
        1 => 'i',
        2 => 'a',
        3 => 'x',
        4 => 'y',
        5 => 'f',
        6 => 'h',
        _ => 'z',
    }
}

impl fmt::Display for BeamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.chunk {
            Some(id) => write!(
                f,
                "chunk `{id}` at offset {:#x}: {}",
                self.offset, self.kind
            ),
            None => write!(f, "at offset {:#x}: {}", self.offset, self.kind),
        }
    }
}
