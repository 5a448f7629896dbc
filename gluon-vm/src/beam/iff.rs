//! The IFF container: `FOR1`, form size, `BEAM`, then chunks of
//! id (4 bytes), size (4 bytes, big-endian) and data padded to 4 bytes.

use super::error::{BeamError, ChunkId, ErrorKind};
use super::reader::Reader;
use alloc::vec::Vec;

/// One chunk of the file, borrowed from it.
#[derive(Copy, Clone, Debug)]
pub struct Chunk<'a> {
    /// The chunk's identifier.
    pub id: ChunkId,
    /// File offset of the chunk's data (just after its 8-byte header).
    pub offset: usize,
    /// The chunk's data, without padding.
    pub data: &'a [u8],
}

impl<'a> Chunk<'a> {
    /// A reader over the chunk's data that reports errors in this chunk.
    pub(crate) fn reader(&self) -> Reader<'a> {
        Reader::new(self.data, self.offset, Some(self.id))
    }
}

/// Splits a file into its chunks. Bytes after the end of the IFF form are
/// ignored (as the BEAM does), which lets a file sit in a flash partition
/// padded with erased bytes.
pub fn chunks(bytes: &[u8]) -> Result<Vec<Chunk<'_>>, BeamError> {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        return Err(BeamError::new(ErrorKind::Compressed, 0));
    }
    let mut r = Reader::new(bytes, 0, None);
    let head: [u8; 12] = r
        .array()
        .map_err(|_| BeamError::new(ErrorKind::NotBeam, 0))?;
    if head.get(0..4) != Some(b"FOR1") || head.get(8..12) != Some(b"BEAM") {
        return Err(BeamError::new(ErrorKind::NotBeam, 0));
    }
    let form_size = u32::from_be_bytes([head[4], head[5], head[6], head[7]]);
    // The form size counts `BEAM` and the chunks.
    let available = bytes.len().saturating_sub(8);
    let form_len = usize::try_from(form_size).unwrap_or(usize::MAX);
    if form_len < 4 {
        return Err(BeamError::new(ErrorKind::NotBeam, 4));
    }
    if form_len > available {
        let available = u32::try_from(available).unwrap_or(u32::MAX);
        return Err(BeamError::new(
            ErrorKind::FormTooLong {
                declared: form_size,
                available,
            },
            4,
        ));
    }
    let body = bytes.get(12..8 + form_len).unwrap_or(&[]);
    // Two passes: validate and count, then allocate exactly (a file has
    // about a dozen chunks; no need to reserve for the worst case).
    let count = Walk::new(body).try_fold(0usize, |n, c| c.map(|_| n + 1))?;
    let mut out = Vec::with_capacity(count);
    for c in Walk::new(body) {
        out.push(c?);
    }
    Ok(out)
}

/// Walks the chunks of a form body (the bytes after `BEAM`).
struct Walk<'a> {
    r: Reader<'a>,
    failed: bool,
}

impl<'a> Walk<'a> {
    fn new(body: &'a [u8]) -> Walk<'a> {
        Walk {
            r: Reader::new(body, 12, None),
            failed: false,
        }
    }

    fn chunk(&mut self) -> Result<Chunk<'a>, BeamError> {
        let r = &mut self.r;
        let header_at = r.offset();
        let id = ChunkId(r.array()?);
        let size = r.u32()?;
        let size_usize = usize::try_from(size).unwrap_or(usize::MAX);
        let padded = size_usize.checked_add(3).map_or(usize::MAX, |n| n & !3);
        if padded > r.remaining() {
            let available = u32::try_from(r.remaining()).unwrap_or(u32::MAX);
            let kind = ErrorKind::ChunkOverrun {
                declared: size,
                available,
            };
            return Err(BeamError::in_chunk(kind, header_at, id));
        }
        let offset = r.offset();
        let data = r.bytes(size_usize)?;
        r.bytes(padded - size_usize)?;
        Ok(Chunk { id, offset, data })
    }
}

impl<'a> Iterator for Walk<'a> {
    type Item = Result<Chunk<'a>, BeamError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.r.is_empty() {
            return None;
        }
        let c = self.chunk();
        self.failed = c.is_err();
        Some(c)
    }
}
