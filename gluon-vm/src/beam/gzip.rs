//! Unwrapping gzip-compressed `.beam` files (`erlc +compressed`, or
//! `beam_lib:strip`'s output). [`super::parse`] borrows from its input, so
//! decompression is a separate step: call [`gunzip`] and parse the result.

use super::error::{BeamError, ErrorKind};
use super::reader::Reader;
use alloc::boxed::Box;
use alloc::vec;
use alloc::vec::Vec;
use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;

const FHCRC: u8 = 0x02;
const FEXTRA: u8 = 0x04;
const FNAME: u8 = 0x08;
const FCOMMENT: u8 = 0x10;

/// Whether `bytes` starts like a gzip stream.
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// Decompresses a gzip stream (a single member, deflate method) whose
/// uncompressed size is at most `limit` bytes; checks size and CRC-32.
pub fn gunzip(bytes: &[u8], limit: usize) -> Result<Vec<u8>, BeamError> {
    let bad = |at: usize| BeamError::new(ErrorKind::BadGzip, at);
    let mut r = Reader::new(bytes, 0, None);
    let [m1, m2, method, flags] = r.array().map_err(|_| bad(0))?;
    if [m1, m2] != [0x1f, 0x8b] || method != 8 || flags & 0xe0 != 0 {
        return Err(bad(0));
    }
    // mtime (4), extra flags (1), OS (1).
    r.bytes(6)?;
    if flags & FEXTRA != 0 {
        let [lo, hi] = r.array()?;
        r.bytes(usize::from(u16::from_le_bytes([lo, hi])))?;
    }
    for flag in [FNAME, FCOMMENT] {
        if flags & flag != 0 {
            let rest = r.rest();
            let end = rest
                .iter()
                .position(|&b| b == 0)
                .ok_or_else(|| bad(r.offset()))?;
            r.bytes(end + 1)?;
        }
    }
    if flags & FHCRC != 0 {
        r.bytes(2)?;
    }
    let body_at = r.offset();
    let body = r.rest();
    let trailer_at = bytes
        .len()
        .checked_sub(8)
        .filter(|&t| t >= body_at)
        .ok_or_else(|| bad(body_at))?;
    let trailer = bytes.get(trailer_at..).unwrap_or(&[]);
    let mut t = Reader::new(trailer, trailer_at, None);
    let [c0, c1, c2, c3, s0, s1, s2, s3] = t.array()?;
    let crc = u32::from_le_bytes([c0, c1, c2, c3]);
    let size = usize::try_from(u32::from_le_bytes([s0, s1, s2, s3])).unwrap_or(usize::MAX);
    // The size field is the length modulo 2^32; larger files are refused.
    if size > limit || size > body.len().saturating_mul(1032).saturating_add(64) {
        return Err(BeamError::new(
            ErrorKind::SizeMismatch {
                declared: u32::try_from(size).unwrap_or(u32::MAX),
                actual: u32::MAX,
            },
            trailer_at,
        ));
    }
    let mut out = vec![0u8; size];
    let mut state = Box::<DecompressorOxide>::default();
    let (status, _, written) = decompress(
        &mut state,
        body,
        &mut out,
        0,
        inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF,
    );
    if status != TINFLStatus::Done || written != size {
        return Err(bad(body_at));
    }
    if crc32(&out) != crc {
        return Err(bad(trailer_at));
    }
    Ok(out)
}

/// CRC-32 (IEEE, reflected), bit by bit: no table to keep in flash.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xedb8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_of_check_string() {
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
    }

    #[test]
    fn rejects_garbage() {
        assert!(gunzip(b"", 100).is_err());
        assert!(gunzip(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3], 100).is_err());
        assert!(gunzip(&[0x1f, 0x8b, 8, 0x08, 0, 0, 0, 0, 0, 3, b'a'], 100).is_err());
    }

    #[test]
    fn stored_block_round_trip() {
        // A gzip member holding "hi" in a stored deflate block.
        let mut g = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3];
        g.extend_from_slice(&[1, 2, 0, 0xfd, 0xff, b'h', b'i']);
        g.extend_from_slice(&crc32(b"hi").to_le_bytes());
        g.extend_from_slice(&2u32.to_le_bytes());
        assert_eq!(gunzip(&g, 100).unwrap(), b"hi");
        assert!(gunzip(&g, 1).is_err());
        let last = g.len() - 5;
        g[last] ^= 1;
        assert!(gunzip(&g, 100).is_err());
    }
}
