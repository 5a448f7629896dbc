//! UTF-8, UTF-16 and UTF-32 segments.

use super::bits::{read_u64, write_u64};
use super::int::Flags;

/// Whether `c` is a Unicode scalar value (what utf segments accept).
pub fn is_scalar(c: i64) -> bool {
    (0..=0x10ffff).contains(&c) && !(0xd800..=0xdfff).contains(&c)
}

/// Bits a UTF-8 segment of `c` takes (the caller checked `c`).
pub fn utf8_bits(c: u32) -> usize {
    8 * match c {
        0..=0x7f => 1,
        0x80..=0x7ff => 2,
        0x800..=0xffff => 3,
        _ => 4,
    }
}

/// Bits a UTF-16 segment of `c` takes.
pub fn utf16_bits(c: u32) -> usize {
    if c >= 0x10000 {
        32
    } else {
        16
    }
}

/// Writes `c` as UTF-8 at bit `off`; returns the bits written.
pub fn put_utf8(dst: &mut [u8], off: usize, c: u32) -> usize {
    let mut buf = [0u8; 4];
    let s = char::from_u32(c).map_or(&[][..], |ch| ch.encode_utf8(&mut buf).as_bytes());
    for (k, &b) in s.iter().enumerate() {
        write_u64(dst, off + 8 * k, 8, b as u64);
    }
    8 * s.len()
}

/// Writes `c` as UTF-16 at bit `off`; returns the bits written.
pub fn put_utf16(dst: &mut [u8], off: usize, c: u32, flags: Flags) -> usize {
    let mut units = [0u16; 2];
    let s = char::from_u32(c).map_or(&[][..], |ch| &*ch.encode_utf16(&mut units));
    for (k, &u) in s.iter().enumerate() {
        let u = if flags.little { u.swap_bytes() } else { u };
        write_u64(dst, off + 16 * k, 16, u as u64);
    }
    16 * s.len()
}

/// Writes `c` as UTF-32 at bit `off`.
pub fn put_utf32(dst: &mut [u8], off: usize, c: u32, flags: Flags) {
    let v = if flags.little { c.swap_bytes() } else { c };
    write_u64(dst, off, 32, v as u64);
}

/// Decodes one UTF-8 character at `off` within `avail` bits: the code
/// point and bits used, or `None` if it is not valid (shortest-form) UTF-8.
pub fn get_utf8(bytes: &[u8], off: usize, avail: usize) -> Option<(u32, usize)> {
    if avail < 8 {
        return None;
    }
    let b0 = read_u64(bytes, off, 8) as u8;
    let n = match b0 {
        0x00..=0x7f => return Some((b0 as u32, 8)),
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return None,
    };
    if avail < 8 * n {
        return None;
    }
    let mut buf = [0u8; 4];
    for (k, b) in buf.iter_mut().enumerate().take(n) {
        *b = read_u64(bytes, off + 8 * k, 8) as u8;
    }
    let s = core::str::from_utf8(&buf[..n]).ok()?;
    Some((s.chars().next()? as u32, 8 * n))
}

/// Decodes one UTF-16 character at `off` within `avail` bits.
pub fn get_utf16(bytes: &[u8], off: usize, avail: usize, flags: Flags) -> Option<(u32, usize)> {
    let unit = |k: usize| {
        let u = read_u64(bytes, off + 16 * k, 16) as u16;
        if flags.little {
            u.swap_bytes()
        } else {
            u
        }
    };
    if avail < 16 {
        return None;
    }
    let u0 = unit(0);
    match u0 {
        0xd800..=0xdbff => {
            if avail < 32 {
                return None;
            }
            let u1 = unit(1);
            if !(0xdc00..=0xdfff).contains(&u1) {
                return None;
            }
            let c = 0x10000 + (((u0 as u32) - 0xd800) << 10) + (u1 as u32 - 0xdc00);
            Some((c, 32))
        }
        0xdc00..=0xdfff => None,
        _ => Some((u0 as u32, 16)),
    }
}

/// Decodes one UTF-32 character at `off` within `avail` bits.
pub fn get_utf32(bytes: &[u8], off: usize, avail: usize, flags: Flags) -> Option<(u32, usize)> {
    if avail < 32 {
        return None;
    }
    let v = read_u64(bytes, off, 32) as u32;
    let c = if flags.little { v.swap_bytes() } else { v };
    is_scalar(c as i64).then_some((c, 32))
}
