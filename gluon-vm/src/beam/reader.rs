//! A bounds-checked cursor over one region of the file that knows where the
//! region sits, so every error carries a file offset and chunk id.

use super::error::{BeamError, ChunkId, ErrorKind};

/// Reads big-endian fields from `data`, which starts at file offset `base`.
#[derive(Clone)]
pub(crate) struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    base: usize,
    chunk: Option<ChunkId>,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(data: &'a [u8], base: usize, chunk: Option<ChunkId>) -> Reader<'a> {
        Reader {
            data,
            pos: 0,
            base,
            chunk,
        }
    }

    /// The file offset of the next byte.
    pub(crate) fn offset(&self) -> usize {
        self.base.saturating_add(self.pos)
    }

    pub(crate) fn remaining(&self) -> usize {
        self.data.len().saturating_sub(self.pos)
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.remaining() == 0
    }

    /// The bytes not read yet.
    pub(crate) fn rest(&self) -> &'a [u8] {
        self.data.get(self.pos..).unwrap_or(&[])
    }

    /// An error at the current position.
    #[cold]
    pub(crate) fn err(&self, kind: ErrorKind) -> BeamError {
        self.err_at(kind, self.offset())
    }

    /// An error at file offset `offset` in this reader's chunk.
    #[cold]
    pub(crate) fn err_at(&self, kind: ErrorKind, offset: usize) -> BeamError {
        match self.chunk {
            Some(id) => BeamError::in_chunk(kind, offset, id),
            None => BeamError::new(kind, offset),
        }
    }

    #[cold]
    fn truncated(&self, needed: usize) -> BeamError {
        self.err(ErrorKind::Truncated {
            needed: u32::try_from(needed).unwrap_or(u32::MAX),
            available: u32::try_from(self.remaining()).unwrap_or(u32::MAX),
        })
    }

    pub(crate) fn bytes(&mut self, n: usize) -> Result<&'a [u8], BeamError> {
        let end = self.pos.checked_add(n).ok_or_else(|| self.truncated(n))?;
        let b = self
            .data
            .get(self.pos..end)
            .ok_or_else(|| self.truncated(n))?;
        self.pos = end;
        Ok(b)
    }

    pub(crate) fn array<const N: usize>(&mut self) -> Result<[u8; N], BeamError> {
        let b = self.bytes(N)?;
        let mut out = [0u8; N];
        out.copy_from_slice(b);
        Ok(out)
    }

    pub(crate) fn u8(&mut self) -> Result<u8, BeamError> {
        Ok(self.array::<1>()?[0])
    }

    pub(crate) fn u16(&mut self) -> Result<u16, BeamError> {
        Ok(u16::from_be_bytes(self.array()?))
    }

    pub(crate) fn u32(&mut self) -> Result<u32, BeamError> {
        Ok(u32::from_be_bytes(self.array()?))
    }

    /// Reads a table's entry count and checks that `count` entries of at
    /// least `min_entry` bytes each fit in what is left, so that callers can
    /// allocate `count` entries without trusting the file.
    pub(crate) fn count(&mut self, min_entry: usize) -> Result<usize, BeamError> {
        let at = self.offset();
        let n = self.u32()?;
        self.check_count(n, min_entry, at)
    }

    /// Checks that `n` entries of at least `min_entry` bytes fit in what is
    /// left; `at` is where the count was read, for the error.
    pub(crate) fn check_count(
        &self,
        n: u32,
        min_entry: usize,
        at: usize,
    ) -> Result<usize, BeamError> {
        let n_usize = usize::try_from(n).unwrap_or(usize::MAX);
        if n_usize.saturating_mul(min_entry) > self.remaining() {
            return Err(self.err_at(
                ErrorKind::CountTooLarge {
                    count: n,
                    available: u32::try_from(self.remaining()).unwrap_or(u32::MAX),
                },
                at,
            ));
        }
        Ok(n_usize)
    }

    /// Fails unless everything has been read.
    pub(crate) fn finish(&self) -> Result<(), BeamError> {
        match self.remaining() {
            0 => Ok(()),
            n => Err(self.err(ErrorKind::TrailingBytes {
                count: u32::try_from(n).unwrap_or(u32::MAX),
            })),
        }
    }
}
