//! A zlib-format (RFC 1950) deflate (RFC 1951) encoder whose output is
//! byte for byte that of zlib's `compress2` (`deflateInit(level)`: 32 KB
//! window, memory level 8, default strategy, one `deflate(Z_FINISH)` over
//! the whole input), which is what OTP's `term_to_binary(T, [compressed])`
//! writes. OTP links the system zlib; the behaviour reproduced here is
//! that of zlib 1.2.12 to 1.3.x (checked against OTP 25 on zlib 1.2.13,
//! OTP 27 on 1.3.1 and OTP 29 on 1.3.2).
//!
//! Being identical means making zlib's choices, not just producing a
//! valid stream, so this follows zlib's documented algorithm step by step
//! (see [`lz77`] for matching and [`blocks`] for block encoding): the same
//! hash function and chain limits per level, the same lazy-match rules,
//! the same window management (even the bytes a match search reads past
//! the end of the input), the same block boundaries (every 16383 symbols),
//! the same Huffman tree construction and length limiting, and the same
//! stored/fixed/dynamic choice per block.
//!
//! Level 0 (stored only) is not provided: OTP does not compress at level 0.

mod blocks;
mod heads;
mod lz77;

use alloc::vec::Vec;

/// Compresses `input` at `level` (1..=9) as zlib would, returning the zlib
/// stream if it takes at most `limit` bytes and `None` otherwise (giving
/// up as soon as the output passes `limit`; also `None` for other levels).
/// The working memory, allocated fallibly (`Err` when it cannot be), is
/// zlib's for inputs from about 6 KB on (some 250 KB from 64 KB on);
/// below, 7 KB of trees and under 20 bytes per input byte (the hash heads
/// then fit a table sized to the input: [`heads`]), 14 KB for a 200-byte
/// term.
pub fn zlib(input: &[u8], level: u8, limit: usize) -> Result<Option<Vec<u8>>, OutOfMemory> {
    let Some(cfg) = lz77::Config::for_level(level) else {
        return Ok(None);
    };
    let mut out = blocks::Blocks::new(input.len(), limit)?;
    // The header: 32 KB deflate, a compression-level hint, no dictionary,
    // and a check value making the first two bytes a multiple of 31.
    let hint: u16 = match level {
        0 | 1 => 0,
        2..=5 => 1,
        6 => 2,
        _ => 3,
    };
    let header = (0x78u16 << 8) | (hint << 6);
    let header = header + 31 - header % 31;
    out.put_bytes(&header.to_be_bytes());
    if !lz77::Matcher::new(input, cfg)?.run(&mut out) {
        return Ok(None);
    }
    out.put_bytes(&adler32(input).to_be_bytes());
    Ok(out.finish())
}

/// RFC 1950's Adler-32 checksum. (The `adler2` crate is optional here,
/// tied to the `hashes` family; this is the plain loop, reduced modulo
/// 65521 often enough that the sums cannot overflow.)
fn adler32(data: &[u8]) -> u32 {
    const MOD: u32 = 65521;
    // The largest run of bytes after which the sums still fit in 32 bits.
    const NMAX: usize = 5552;
    let (mut a, mut b) = (1u32, 0u32);
    for chunk in data.chunks(NMAX) {
        for &x in chunk {
            a += x as u32;
            b += a;
        }
        a %= MOD;
        b %= MOD;
    }
    (b << 16) | a
}

/// The working memory of [`zlib`] could not be allocated.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub struct OutOfMemory;

/// A zeroed boxed slice of `n` elements, allocated fallibly.
fn zeroed<T: Copy + Default>(n: usize) -> Result<alloc::boxed::Box<[T]>, OutOfMemory> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| OutOfMemory)?;
    v.resize(n, T::default());
    Ok(v.into_boxed_slice())
}

#[cfg(test)]
mod tests;
