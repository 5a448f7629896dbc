//! The literal table (`LitT`): constant terms in external term format.
//!
//! Layout: the uncompressed size (u32), then a zlib stream (OTP 27 and
//! earlier) or, when that size is 0, the table itself uncompressed (OTP 28+,
//! which lets a VM borrow literals straight from flash). The table is an
//! entry count (u32) followed by, per literal, its size (u32) and its
//! external-term-format bytes (starting with the version byte 131).

use super::error::{BeamError, ErrorKind};
use super::iff::Chunk;
use super::reader::Reader;
use alloc::borrow::Cow;
#[cfg(feature = "inflate")]
use alloc::boxed::Box;
#[cfg(feature = "inflate")]
use alloc::vec;
use alloc::vec::Vec;
#[cfg(feature = "inflate")]
use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
#[cfg(feature = "inflate")]
use miniz_oxide::inflate::TINFLStatus;

/// Deflate cannot expand data by more than this factor (a 258-byte match
/// in 2 bits), so a declared size beyond it is a lie that must not make us
/// allocate.
#[cfg(feature = "inflate")]
const MAX_DEFLATE_RATIO: usize = 1032;

/// The literals of a module: one buffer (borrowed from the file when the
/// table is stored uncompressed) and each literal's place in it.
#[derive(Clone, Debug)]
pub struct Literals<'a> {
    data: Cow<'a, [u8]>,
    /// (start, length) of each literal in `data`.
    spans: Vec<(u32, u32)>,
}

impl Default for Literals<'_> {
    fn default() -> Self {
        Literals {
            data: Cow::Borrowed(&[]),
            spans: Vec::new(),
        }
    }
}

impl<'a> Literals<'a> {
    /// Number of literals.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether there are no literals.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The external-term-format bytes of literal `index` (0-based, as
    /// [`super::Operand::Literal`] numbers them), including the leading 131.
    pub fn get(&self, index: usize) -> Option<&[u8]> {
        let &(start, len) = self.spans.get(index)?;
        let start = usize::try_from(start).ok()?;
        self.data
            .get(start..start.checked_add(usize::try_from(len).ok()?)?)
    }

    /// The literals in order.
    pub fn iter(&self) -> impl Iterator<Item = &[u8]> + '_ {
        (0..self.len()).filter_map(move |i| self.get(i))
    }

    /// Whether the literals are borrowed from the file (no copy was made).
    pub fn is_borrowed(&self) -> bool {
        matches!(self.data, Cow::Borrowed(_))
    }
}

/// Parses a `LitT` chunk.
pub(crate) fn parse<'a>(chunk: &Chunk<'a>) -> Result<Literals<'a>, BeamError> {
    let mut r = chunk.reader();
    let at = r.offset();
    let declared = r.u32()?;
    if declared == 0 {
        let table_at = r.offset();
        let data = r.rest();
        let spans = spans(Reader::new(data, table_at, Some(chunk.id)))?;
        return Ok(Literals {
            data: Cow::Borrowed(data),
            spans,
        });
    }
    #[cfg(not(feature = "inflate"))]
    return Err(r.err_at(ErrorKind::NoInflate, at));
    #[cfg(feature = "inflate")]
    parse_compressed(chunk, r, declared, at)
}

/// A compressed table: inflated into RAM.
#[cfg(feature = "inflate")]
fn parse_compressed<'a>(
    chunk: &Chunk<'a>,
    r: Reader<'a>,
    declared: u32,
    at: usize,
) -> Result<Literals<'a>, BeamError> {
    let compressed = r.rest();
    let data = inflate(&r, compressed, declared, at)?;
    // Offsets inside inflated data are reported relative to the start of the
    // compressed stream: the best the file can offer.
    let spans = spans(Reader::new(&data, r.offset(), Some(chunk.id)))?;
    Ok(Literals {
        data: Cow::Owned(data),
        spans,
    })
}

#[cfg(feature = "inflate")]
/// Inflates a zlib stream into exactly `declared` bytes, in one allocation
/// of that size (checked against the input size first).
fn inflate(r: &Reader<'_>, input: &[u8], declared: u32, at: usize) -> Result<Vec<u8>, BeamError> {
    let size = usize::try_from(declared).unwrap_or(usize::MAX);
    if size
        > input
            .len()
            .saturating_mul(MAX_DEFLATE_RATIO)
            .saturating_add(64)
    {
        return Err(r.err_at(
            ErrorKind::SizeMismatch {
                declared,
                actual: u32::MAX,
            },
            at,
        ));
    }
    let mut out = vec![0u8; size];
    let mut state = Box::<DecompressorOxide>::default();
    let flags = inflate_flags::TINFL_FLAG_PARSE_ZLIB_HEADER
        | inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF
        | inflate_flags::TINFL_FLAG_COMPUTE_ADLER32;
    let (status, _, written) = decompress(&mut state, input, &mut out, 0, flags);
    let actual = u32::try_from(written).unwrap_or(u32::MAX);
    match status {
        TINFLStatus::Done if written == size => Ok(out),
        TINFLStatus::Done => Err(r.err_at(ErrorKind::SizeMismatch { declared, actual }, at)),
        // The output buffer is full but the stream goes on.
        TINFLStatus::HasMoreOutput => Err(r.err_at(
            ErrorKind::SizeMismatch {
                declared,
                actual: actual.saturating_add(1),
            },
            at,
        )),
        _ => Err(r.err(ErrorKind::BadZlib)),
    }
}

/// Splits the (uncompressed) table into literals.
fn spans(mut r: Reader<'_>) -> Result<Vec<(u32, u32)>, BeamError> {
    let start = r.offset();
    // Each literal has at least a 4-byte size.
    let n = r.count(4)?;
    let mut spans = Vec::with_capacity(n);
    for index in 0..n {
        let len = r.u32()?;
        let pos = r.offset().saturating_sub(start);
        let at = r.offset();
        let bytes = r.bytes(usize::try_from(len).unwrap_or(usize::MAX))?;
        let index = u32::try_from(index).unwrap_or(u32::MAX);
        if bytes.first() != Some(&131) {
            return Err(r.err_at(ErrorKind::BadLiteral { index }, at));
        }
        spans.push((u32::try_from(pos).unwrap_or(u32::MAX), len));
    }
    r.finish()?;
    Ok(spans)
}
