//! CRC-32 (the zlib/PNG/Ethernet polynomial, reflected), as
//! `erlang:crc32/1,2` and `crc32_combine/3` compute it.
//!
//! One 256-entry table built at compile time (1 KB of flash) and a byte
//! at a time: a fraction of the speed of slicing-by-16 crates such as
//! `crc32fast` (whose tables take 16 KB of flash, too much on the
//! microcontrollers this VM targets, for checksums that Erlang programs
//! rarely run over more than a few kilobytes).

/// The reflected CRC-32 polynomial.
const POLY: u32 = 0xEDB8_8320;

/// The CRC of every byte value, starting from a zero register.
static TABLE: [u32; 256] = table();

const fn table() -> [u32; 256] {
    let mut t = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 { (c >> 1) ^ POLY } else { c >> 1 };
            k += 1;
        }
        t[i] = c;
        i += 1;
    }
    t
}

/// Continues the CRC-32 `crc` (0 for none yet) over `bytes`.
pub fn update(crc: u32, bytes: &[u8]) -> u32 {
    let mut c = !crc;
    for &b in bytes {
        c = TABLE[((c ^ b as u32) & 0xFF) as usize] ^ (c >> 8);
    }
    !c
}

/// The CRC-32 of `bytes`.
pub fn crc32(bytes: &[u8]) -> u32 {
    update(0, bytes)
}

/// The CRC-32 of `A ++ B` from the CRC-32 of `A`, that of `B` and the
/// length of `B`.
///
/// The CRC register is linear over GF(2): running `A ++ B` equals running
/// `A`'s register through `len_b` zero bytes, xored with `B`'s CRC (the
/// pre- and post-inversions cancel out). Running through `n` zero bytes is
/// multiplying by `x^(8n)` modulo the polynomial, done by squaring in
/// `O(log n)` steps.
pub fn combine(crc_a: u32, crc_b: u32, len_b: u64) -> u32 {
    multiply(x_to_8n(len_b), crc_a) ^ crc_b
}

/// `x^(8n)` modulo the polynomial, in the reflected bit order (`x^k` is
/// bit `31 - k` while `k < 32`).
fn x_to_8n(mut n: u64) -> u32 {
    let mut result = 1u32 << 31; // x^0
    let mut square = 1u32 << 23; // x^8, then x^16, x^32, ...
    while n != 0 {
        if n & 1 != 0 {
            result = multiply(result, square);
        }
        square = multiply(square, square);
        n >>= 1;
    }
    result
}

/// The product of two polynomials modulo the CRC polynomial (reflected).
fn multiply(a: u32, mut b: u32) -> u32 {
    let mut product = 0;
    let mut bit = 1u32 << 31;
    while bit != 0 {
        if a & bit != 0 {
            product ^= b;
        }
        b = if b & 1 != 0 { (b >> 1) ^ POLY } else { b >> 1 };
        bit >>= 1;
    }
    product
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
        assert_eq!(update(crc32(b"1234"), b"56789"), 0xCBF4_3926);
    }

    #[test]
    fn combine_matches_concatenation() {
        let data = b"The quick brown fox jumps over the lazy dog, twice over";
        for cut in 0..data.len() {
            let (a, b) = data.split_at(cut);
            assert_eq!(combine(crc32(a), crc32(b), b.len() as u64), crc32(data));
        }
    }
}
