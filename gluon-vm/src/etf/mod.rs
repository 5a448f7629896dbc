//! The external term format (ETF): `term_to_binary`, `binary_to_term`,
//! `external_size`, and the literal table of BEAM files.
//!
//! Decoding is built for untrusted input: every malformed input yields an
//! [`EtfError`] (never a panic or an out-of-bounds read), nesting depth is
//! unlimited yet needs no recursion and no memory proportional to depth,
//! and heap use is at most two words per input byte (per inflated byte for
//! compressed input, whose declared size is itself checked against the
//! most zlib can inflate), all checked before anything is allocated. It
//! runs in two passes over the bytes:
//!
//! 1. a validating pass ([`decoded_words`]) that checks everything that can
//!    be checked without the atom table and computes the exact number of
//!    heap words the term needs, with a single counter of pending terms
//!    (ETF is prefix notation, so no stack is needed);
//! 2. a building pass that allocates those words once and fills them in
//!    prefix order. Slots still waiting for their subterm form a linked
//!    stack threaded through the empty slots themselves, so the build also
//!    needs no stack proportional to depth.
//!
//! With [`DecodeOptions::safe`] (`binary_to_term/2`'s `safe`) atoms are
//! looked up, never created, so untrusted input cannot fill the atom
//! table. `tests/etf_fuzz.rs` holds the decoder to all of this on random,
//! mutated and adversarial input, counting every byte it allocates.
//!
//! Encoding ([`encode()`]) matches OTP 25's `term_to_binary/1,2` byte for byte
//! (facts checked against OTP 25; see the tests), `compressed` included:
//! [`deflate`] reproduces zlib's output exactly. The one documented
//! exception: maps of more than 32 pairs are written in key order, whereas
//! OTP writes its hash-trie order (which differs between OTP releases and
//! depends on atom-table indices; docs/etf.md).
//! Decoding builds maps of more than 32 pairs as hash tries, whatever
//! order their pairs come in; those tries take heap words beyond
//! [`decoded_words`] (about two per pair plus the trie's nodes), so for
//! them the two-words-per-byte bound above is typical, not guaranteed.
//!
//! Node-bound terms: this VM is the node `nonode@nohost` with creation 0,
//! as an OTP 25 node without distribution. Pids, ports and references of
//! that node decode to local ones; others are [`EtfError::Unsupported`].

mod decode;
mod deflate;
mod encode;
mod float;
#[cfg(test)]
mod tests;

pub use decode::{decode, decode_opts, decode_with, decoded_words, DecodeOptions, FunResolver};
pub use encode::{encode, encoded_size, EncodeOptions};

use core::fmt;

/// ETF tag bytes (names as in OTP's documentation of the format).
#[allow(dead_code)]
pub(crate) mod tag {
    pub const VERSION: u8 = 131;
    pub const COMPRESSED: u8 = 80;
    pub const NEW_FLOAT_EXT: u8 = 70;
    pub const BIT_BINARY_EXT: u8 = 77;
    pub const ATOM_CACHE_REF: u8 = 82;
    pub const NEW_PID_EXT: u8 = 88;
    pub const NEW_PORT_EXT: u8 = 89;
    pub const NEWER_REFERENCE_EXT: u8 = 90;
    pub const SMALL_INTEGER_EXT: u8 = 97;
    pub const INTEGER_EXT: u8 = 98;
    pub const FLOAT_EXT: u8 = 99;
    pub const ATOM_EXT: u8 = 100;
    pub const REFERENCE_EXT: u8 = 101;
    pub const PORT_EXT: u8 = 102;
    pub const PID_EXT: u8 = 103;
    pub const SMALL_TUPLE_EXT: u8 = 104;
    pub const LARGE_TUPLE_EXT: u8 = 105;
    pub const NIL_EXT: u8 = 106;
    pub const STRING_EXT: u8 = 107;
    pub const LIST_EXT: u8 = 108;
    pub const BINARY_EXT: u8 = 109;
    pub const SMALL_BIG_EXT: u8 = 110;
    pub const LARGE_BIG_EXT: u8 = 111;
    pub const NEW_FUN_EXT: u8 = 112;
    pub const EXPORT_EXT: u8 = 113;
    pub const NEW_REFERENCE_EXT: u8 = 114;
    pub const SMALL_ATOM_EXT: u8 = 115;
    pub const MAP_EXT: u8 = 116;
    pub const FUN_EXT: u8 = 117;
    pub const ATOM_UTF8_EXT: u8 = 118;
    pub const SMALL_ATOM_UTF8_EXT: u8 = 119;
    pub const V4_PORT_EXT: u8 = 120;
    pub const LOCAL_EXT: u8 = 121;
}

/// The name of the only node this VM knows: itself, as a node without
/// distribution.
pub(crate) const LOCAL_NODE: &str = "nonode@nohost";

/// Why a term could not be decoded or encoded. Offsets count bytes from the
/// start of the input (for compressed input: of the inflated data, which
/// starts with the outermost term's tag).
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub enum EtfError {
    /// The input ends inside a term at `offset`, or a count claims more
    /// elements than there are bytes left (each needs at least one).
    Truncated { offset: usize },
    /// The first byte is not the version byte 131.
    BadVersion { byte: u8 },
    /// An unknown tag, or a tag not allowed where it appears.
    BadTag { tag: u8, offset: usize },
    /// A field holds an impossible value: a float that is not finite or
    /// badly written, a bit count outside 1..=8, a reference length
    /// outside 1..=5, a fun arity out of range.
    BadValue { offset: usize },
    /// An atom longer than 255 characters (a `system_limit` on the BEAM).
    BadAtom { offset: usize },
    /// A UTF-8 atom that is not valid UTF-8.
    BadUtf8 { offset: usize },
    /// Valid ETF this VM cannot represent: funs (without a resolver),
    /// pids, ports and references of other nodes, atom cache references,
    /// `LOCAL_EXT`. `tag` is the tag concerned.
    Unsupported { tag: u8 },
    /// A map with two equal keys (`binary_to_term` rejects these).
    DuplicateKey,
    /// Compressed data that does not inflate to exactly its declared size,
    /// or declares a size no zlib stream of its length can produce.
    BadCompressed,
    /// The atom table is full.
    AtomTableFull,
    /// Decoding with [`DecodeOptions::safe`]: an atom that does not exist.
    NewAtom { offset: usize },
    /// A size beyond what this machine can represent.
    TooLarge,
    /// Memory ran out.
    OutOfMemory,
    /// Encoding: not an Erlang value (a catch tag, a match context, ...).
    BadTerm,
    /// Encoding: a minor version above 2 or a compression level above 9.
    BadOption,
}

impl EtfError {
    #[cold]
    #[inline(never)]
    pub(crate) fn truncated(offset: usize) -> EtfError {
        EtfError::Truncated { offset }
    }
    #[cold]
    #[inline(never)]
    pub(crate) fn bad_tag(tag: u8, offset: usize) -> EtfError {
        EtfError::BadTag { tag, offset }
    }
    #[cold]
    #[inline(never)]
    pub(crate) fn bad_value(offset: usize) -> EtfError {
        EtfError::BadValue { offset }
    }
    #[cold]
    #[inline(never)]
    pub(crate) fn bad_atom(offset: usize) -> EtfError {
        EtfError::BadAtom { offset }
    }
    #[cold]
    #[inline(never)]
    pub(crate) fn bad_utf8(offset: usize) -> EtfError {
        EtfError::BadUtf8 { offset }
    }
    #[cold]
    #[inline(never)]
    pub(crate) fn unsupported(tag: u8) -> EtfError {
        EtfError::Unsupported { tag }
    }
    #[cold]
    #[inline(never)]
    pub(crate) fn too_large() -> EtfError {
        EtfError::TooLarge
    }
    #[cold]
    #[inline(never)]
    pub(crate) fn out_of_memory() -> EtfError {
        EtfError::OutOfMemory
    }
    #[cold]
    #[inline(never)]
    pub(crate) fn bad_compressed() -> EtfError {
        EtfError::BadCompressed
    }
}

impl From<crate::heap::OutOfMemory> for EtfError {
    #[cold]
    fn from(_: crate::heap::OutOfMemory) -> EtfError {
        EtfError::OutOfMemory
    }
}

impl fmt::Display for EtfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            EtfError::Truncated { offset } => write!(f, "external term truncated at byte {offset}"),
            EtfError::BadVersion { byte } => {
                write!(f, "external term version byte is {byte}, not 131")
            }
            EtfError::BadTag { tag, offset } => {
                write!(f, "bad external term tag {tag} at byte {offset}")
            }
            EtfError::BadValue { offset } => {
                write!(f, "bad value in external term at byte {offset}")
            }
            EtfError::BadAtom { offset } => write!(f, "atom too long at byte {offset}"),
            EtfError::BadUtf8 { offset } => write!(f, "atom is not valid UTF-8 at byte {offset}"),
            EtfError::Unsupported { tag } => write!(f, "unsupported external term (tag {tag})"),
            EtfError::DuplicateKey => f.write_str("map with duplicate keys"),
            EtfError::BadCompressed => f.write_str("bad compressed external term"),
            EtfError::AtomTableFull => f.write_str("atom table full"),
            EtfError::NewAtom { offset } => write!(f, "unknown atom at byte {offset}"),
            EtfError::TooLarge => f.write_str("external term too large"),
            EtfError::OutOfMemory => f.write_str("out of memory"),
            EtfError::BadTerm => f.write_str("not an encodable term"),
            EtfError::BadOption => f.write_str("bad external term option"),
        }
    }
}
