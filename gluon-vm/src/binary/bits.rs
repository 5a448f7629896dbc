//! Bit-level reading, writing and copying over byte buffers. Bit 0 is the
//! most significant bit of byte 0 (the bit syntax's order). Reads past the
//! end of a buffer see zeros; callers check ranges before calling.

/// Reads `n` bits (at most 64) starting at bit `off`, as the low bits of
/// the result.
#[inline]
pub fn read_u64(bytes: &[u8], off: usize, n: usize) -> u64 {
    debug_assert!(n <= 64);
    if n == 0 {
        return 0;
    }
    let byte = |i: usize| bytes.get(i).copied().unwrap_or(0) as u64;
    let first = off / 8;
    let shift = off % 8;
    // Gather enough whole bytes to cover the range (at most 9).
    let span = (shift + n).div_ceil(8);
    let mut acc: u128 = 0;
    for k in 0..span {
        acc = (acc << 8) | byte(first + k) as u128;
    }
    let total = span * 8;
    let v = acc >> (total - shift - n);
    (v as u64) & mask(n)
}

/// The low `n` bits set.
#[inline]
fn mask(n: usize) -> u64 {
    if n >= 64 {
        u64::MAX
    } else {
        (1u64 << n) - 1
    }
}

/// Writes the low `n` bits (at most 64) of `v` at bit `off` of `dst`,
/// leaving the other bits of the bytes it touches unchanged.
#[inline]
pub fn write_u64(dst: &mut [u8], off: usize, n: usize, v: u64) {
    debug_assert!(n <= 64);
    let mut left = n;
    let mut at = off;
    while left > 0 {
        let i = at / 8;
        let used = at % 8;
        let room = 8 - used;
        let take = room.min(left);
        // The next `take` bits of v, from its top end.
        let chunk = ((v >> (left - take)) & mask(take)) as u8;
        let shift = room - take;
        let m = (((1u16 << take) - 1) as u8) << shift;
        if let Some(b) = dst.get_mut(i) {
            *b = (*b & !m) | (chunk << shift);
        }
        left -= take;
        at += take;
    }
}

/// Copies `n` bits from bit `src_off` of `src` to bit `dst_off` of `dst`;
/// bits of `dst` outside the range keep their values.
pub fn copy_bits(src: &[u8], src_off: usize, dst: &mut [u8], dst_off: usize, n: usize) {
    if n == 0 {
        return;
    }
    if src_off.is_multiple_of(8) && dst_off.is_multiple_of(8) {
        let whole = n / 8;
        let (s, d) = (src_off / 8, dst_off / 8);
        dst[d..d + whole].copy_from_slice(&src[s..s + whole]);
        let rest = n % 8;
        if rest != 0 {
            let v = read_u64(src, src_off + whole * 8, rest);
            write_u64(dst, dst_off + whole * 8, rest, v);
        }
        return;
    }
    let mut done = 0;
    // Unaligned: move 56 bits at a time (whole bytes keep writes simple).
    while n - done >= 56 {
        let v = read_u64(src, src_off + done, 56);
        write_u64(dst, dst_off + done, 56, v);
        done += 56;
    }
    if done < n {
        let v = read_u64(src, src_off + done, n - done);
        write_u64(dst, dst_off + done, n - done, v);
    }
}

/// Compares `n` bits at `a_off` of `a` with `n` bits at `b_off` of `b`.
pub fn equal_bits(a: &[u8], a_off: usize, b: &[u8], b_off: usize, n: usize) -> bool {
    let mut i = 0;
    while i < n {
        let k = (n - i).min(64);
        if read_u64(a, a_off + i, k) != read_u64(b, b_off + i, k) {
            return false;
        }
        i += k;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bit(b: &[u8], i: usize) -> u8 {
        (b[i / 8] >> (7 - i % 8)) & 1
    }

    #[test]
    fn read_and_write_round_trip_at_every_offset() {
        for off in 0..17 {
            for n in 0..=64 {
                let mut buf = [0xA5u8; 12];
                let v = 0x9E37_79B9_7F4A_7C15u64 & mask(n);
                write_u64(&mut buf, off, n, v);
                assert_eq!(read_u64(&buf, off, n), v, "off {off} n {n}");
                // Bits around the range are untouched.
                let orig = [0xA5u8; 12];
                for i in (0..off).chain(off + n..96) {
                    assert_eq!(bit(&buf, i), bit(&orig, i));
                }
            }
        }
    }

    #[test]
    fn copy_matches_bit_by_bit_copy() {
        let src: [u8; 20] = core::array::from_fn(|i| (i as u8).wrapping_mul(37) ^ 0x5c);
        for so in [0, 1, 3, 8, 13] {
            for d in [0, 2, 7, 8, 9] {
                for n in [0, 1, 7, 8, 9, 63, 64, 65, 100] {
                    let mut dst = [0x33u8; 20];
                    let mut want = dst;
                    for i in 0..n {
                        let b = bit(&src, so + i);
                        let j = d + i;
                        want[j / 8] = (want[j / 8] & !(1 << (7 - j % 8))) | (b << (7 - j % 8));
                    }
                    copy_bits(&src, so, &mut dst, d, n);
                    assert_eq!(dst, want, "so {so} d {d} n {n}");
                    assert!(equal_bits(&src, so, &dst, d, n));
                }
            }
        }
    }
}
