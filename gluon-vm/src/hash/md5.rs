//! MD5 (RFC 1321) with a state that can be saved as bytes, for
//! `erlang:md5/1` and the `md5_init/0`, `md5_update/2`, `md5_final/1`
//! trio, whose context is an immutable Erlang binary.
//!
//! Written here rather than taken from RustCrypto's `md-5`: its 0.10
//! series (the one that builds with this workspace's minimum Rust 1.80)
//! cannot export or import an intermediate state, which a context binary
//! needs, and 0.11 (which can) needs Rust 1.85 and five more crates. The
//! algorithm is a page of the RFC and takes about 1 KB of flash here.

/// Bytes of a saved context (OTP 27's size for the same purpose): the
/// four state words, the message length in bits, the pending block, and
/// how many of its bytes are filled.
pub const CONTEXT_BYTES: usize = 16 + 8 + 64 + 4;

/// An MD5 computation in progress.
#[derive(Clone)]
pub struct Md5 {
    state: [u32; 4],
    /// Message bytes so far.
    len: u64,
    block: [u8; 64],
}

/// Per-step additive constants: `floor(abs(sin(i + 1)) * 2^32)`.
const K: [u32; 64] = [
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
];

/// Left rotations, four per round.
const R: [[u32; 4]; 4] = [
    [7, 12, 17, 22],
    [5, 9, 14, 20],
    [4, 11, 16, 23],
    [6, 10, 15, 21],
];

const INIT: [u32; 4] = [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476];

impl Default for Md5 {
    fn default() -> Md5 {
        Md5::new()
    }
}

impl Md5 {
    /// A fresh computation.
    pub const fn new() -> Md5 {
        Md5 {
            state: INIT,
            len: 0,
            block: [0; 64],
        }
    }

    /// Adds `bytes` to the message.
    pub fn update(&mut self, mut bytes: &[u8]) {
        let mut fill = (self.len % 64) as usize;
        self.len = self.len.wrapping_add(bytes.len() as u64);
        while !bytes.is_empty() {
            let n = (64 - fill).min(bytes.len());
            self.block[fill..fill + n].copy_from_slice(&bytes[..n]);
            bytes = &bytes[n..];
            fill += n;
            if fill == 64 {
                compress(&mut self.state, &self.block);
                fill = 0;
            }
        }
    }

    /// The digest of the message.
    pub fn finish(mut self) -> [u8; 16] {
        let bits = self.len.wrapping_mul(8);
        let fill = (self.len % 64) as usize;
        // 0x80, zeros up to 56 mod 64, then the length in bits.
        let pad = if fill < 56 { 56 - fill } else { 120 - fill };
        let mut tail = [0u8; 72];
        tail[0] = 0x80;
        tail[pad..pad + 8].copy_from_slice(&bits.to_le_bytes());
        let len = self.len;
        self.update(&tail[..pad + 8]);
        self.len = len;
        let mut out = [0u8; 16];
        for (o, s) in out.chunks_exact_mut(4).zip(self.state) {
            o.copy_from_slice(&s.to_le_bytes());
        }
        out
    }

    /// The state as [`CONTEXT_BYTES`] bytes (little-endian words; unused
    /// block bytes zero).
    pub fn save(&self) -> [u8; CONTEXT_BYTES] {
        let mut out = [0u8; CONTEXT_BYTES];
        for (o, s) in out[..16].chunks_exact_mut(4).zip(self.state) {
            o.copy_from_slice(&s.to_le_bytes());
        }
        out[16..24].copy_from_slice(&self.len.wrapping_mul(8).to_le_bytes());
        let fill = (self.len % 64) as usize;
        out[24..24 + fill].copy_from_slice(&self.block[..fill]);
        out[88..].copy_from_slice(&(fill as u32).to_le_bytes());
        out
    }

    /// A state saved by [`Md5::save`], or `None` for bytes that cannot be
    /// one (wrong size, a whole number of bits that is not of bytes, a
    /// fill that disagrees with the length).
    pub fn restore(bytes: &[u8]) -> Option<Md5> {
        if bytes.len() != CONTEXT_BYTES {
            return None;
        }
        let word =
            |i: usize| u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
        let bits = u64::from(word(16)) | u64::from(word(20)) << 32;
        let fill = word(88) as u64;
        if bits % 8 != 0 || (bits / 8) % 64 != fill {
            return None;
        }
        let mut block = [0u8; 64];
        block.copy_from_slice(&bytes[24..88]);
        Some(Md5 {
            state: [word(0), word(4), word(8), word(12)],
            len: bits / 8,
            block,
        })
    }
}

/// The MD5 compression function over one 64-byte block.
fn compress(state: &mut [u32; 4], block: &[u8; 64]) {
    let mut m = [0u32; 16];
    for (w, b) in m.iter_mut().zip(block.chunks_exact(4)) {
        *w = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
    }
    let [mut a, mut b, mut c, mut d] = *state;
    for i in 0..64 {
        let round = i / 16;
        let (f, g) = match round {
            0 => ((b & c) | (!b & d), i),
            1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
            2 => (b ^ c ^ d, (3 * i + 5) % 16),
            _ => (c ^ (b | !d), (7 * i) % 16),
        };
        let sum = a.wrapping_add(f).wrapping_add(K[i]).wrapping_add(m[g]);
        (a, d, c) = (d, c, b);
        b = b.wrapping_add(sum.rotate_left(R[round][i % 4]));
    }
    for (s, v) in state.iter_mut().zip([a, b, c, d]) {
        *s = s.wrapping_add(v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(d: [u8; 16]) -> std::string::String {
        d.iter().map(|b| std::format!("{b:02x}")).collect()
    }

    fn md5(bytes: &[u8]) -> [u8; 16] {
        let mut m = Md5::new();
        m.update(bytes);
        m.finish()
    }

    #[test]
    fn rfc_1321_test_suite() {
        let cases: &[(&[u8], &str)] = &[
            (b"", "d41d8cd98f00b204e9800998ecf8427e"),
            (b"a", "0cc175b9c0f1b6a831c399e269772661"),
            (b"abc", "900150983cd24fb0d6963f7d28e17f72"),
            (b"message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
            (
                b"abcdefghijklmnopqrstuvwxyz",
                "c3fcd3d76192e4007dfb496cca67e13b",
            ),
            (
                b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
                "d174ab98d277d9f5a5611c2c9f419d9f",
            ),
            (
                b"12345678901234567890123456789012345678901234567890123456789012345678901234567890",
                "57edf4a22be3c955ac49da2e2107b67a",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(hex(md5(input)), *want);
        }
    }

    #[test]
    fn saved_state_resumes_at_every_split() {
        let data: std::vec::Vec<u8> = (0..200u32).map(|i| (i * 7) as u8).collect();
        for cut in 0..data.len() {
            let mut m = Md5::new();
            m.update(&data[..cut]);
            let mut r = Md5::restore(&m.save()).unwrap();
            r.update(&data[cut..]);
            assert_eq!(r.finish(), md5(&data));
        }
        assert!(Md5::restore(&[0u8; 10]).is_none());
    }
}
