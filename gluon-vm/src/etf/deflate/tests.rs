//! The encoder against zlib's own output (zlib 1.2.13's `compress2`, the
//! library OTP 25 links; the difftest `etf_compressed` checks OTP 25, 27
//! and 29 through `term_to_binary`).

use super::*;
use miniz_oxide::inflate::decompress_to_vec_zlib;

/// Test inputs from a 32-bit LCG: `kind` 0 is text over ten letters, 1
/// bytes with geometric frequencies (codes past 15 bits before limiting),
/// 2 random bytes mixed with copies of earlier runs.
fn sample(kind: u8, n: usize, seed: u32) -> Vec<u8> {
    let mut s = seed;
    let mut out = Vec::with_capacity(n + 64);
    while out.len() < n {
        s = s.wrapping_mul(1664525).wrapping_add(1013904223);
        let v = s >> 8;
        match kind {
            0 => out.push(b"abcdefgh \n"[v as usize % 10]),
            1 => out.push(24 - (32 - (v & 0xff_ffff).leading_zeros()) as u8),
            _ => {
                if v.is_multiple_of(4) && out.len() > 10 {
                    let at = (v as usize >> 2) % out.len();
                    let len = 3 + (v as usize >> 17) % 40;
                    let end = (at + len).min(out.len());
                    out.extend_from_within(at..end);
                } else {
                    out.push(v as u8);
                }
            }
        }
    }
    out.truncate(n);
    out
}

fn z(data: &[u8], level: u8) -> Vec<u8> {
    zlib(data, level, data.len() * 2 + 64).unwrap().unwrap()
}

#[test]
fn small_inputs_as_zlib() {
    // zlib: compress2(b"hello hello hello", level) for levels 1, 6, 9
    // (only the header's level hint differs).
    let body = [203, 72, 205, 201, 201, 87, 200, 64, 144, 0, 58, 46, 6, 125];
    for (level, hint) in [(1, 1), (6, 156), (9, 218)] {
        let got = z(b"hello hello hello", level);
        assert_eq!(got[..2], [120, hint]);
        assert_eq!(got[2..], body);
    }
    // zlib: compress2(b"a", 6).
    assert_eq!(z(b"a", 6), [120, 156, 75, 4, 0, 0, 98, 0, 98]);
    // Levels 2..=5 and 7, 8 carry the hints 94 and 218 too.
    assert_eq!(z(b"a", 3)[..2], [120, 94]);
    assert_eq!(z(b"a", 8)[..2], [120, 218]);
}

#[test]
fn large_inputs_as_zlib() {
    // zlib 1.2.13: (length, adler32) of compress2(sample(kind, n, kind + 1),
    // level) for levels 1..=9.
    /// Output length and checksum per level.
    type PerLevel = [(usize, u32); 9];
    #[rustfmt::skip]
    let want: [(u8, usize, PerLevel); 4] = [
        (0, 100000, [(49909, 2342898656), (49934, 677698533), (48831, 2303949572),
                     (48345, 985457221), (48153, 1613291330), (48139, 2921150901),
                     (48139, 993737203), (48139, 993737203), (48139, 993737203)]),
        (1, 50000, [(18563, 3372090903), (17983, 2966825327), (17395, 1085926731),
                    (17157, 2777063756), (16647, 2699291700), (16252, 1231969795),
                    (16070, 1287147063), (15906, 2856284252), (15858, 2245674910)]),
        (2, 200000, [(91020, 138281537), (87961, 305988809), (85152, 2450537758),
                     (76838, 1853959121), (74236, 2767389493), (71963, 4156953192),
                     (71335, 1579695294), (71019, 1936820798), (71019, 1936820798)]),
        (2, 1000, [(289, 2608698264), (282, 915116215), (279, 2583335856),
                   (241, 718175950), (237, 3682891845), (237, 347830403),
                   (237, 1306753217), (237, 1306753217), (237, 1306753217)]),
    ];
    for (kind, n, levels) in want {
        let data = sample(kind, n, kind as u32 + 1);
        for (i, (len, sum)) in levels.into_iter().enumerate() {
            let got = z(&data, i as u8 + 1);
            assert_eq!(
                (got.len(), adler32(&got)),
                (len, sum),
                "kind {kind} n {n} level {}",
                i + 1
            );
            assert_eq!(decompress_to_vec_zlib(&got).unwrap(), data);
        }
    }
}

#[test]
fn round_trips() {
    for kind in 0..3 {
        // Around where the window is cut (64 KB less 262) and where it
        // starts to slide.
        for n in [
            1, 2, 3, 4, 258, 262, 263, 4096, 32768, 65273, 65274, 65537, 100_003,
        ] {
            let data = sample(kind, n, n as u32);
            for level in 1..=9 {
                assert_eq!(decompress_to_vec_zlib(&z(&data, level)).unwrap(), data);
            }
        }
    }
}

#[test]
fn limit() {
    let data = sample(0, 5000, 9);
    let full = z(&data, 6);
    assert_eq!(zlib(&data, 6, full.len()).unwrap(), Some(full.clone()));
    assert_eq!(zlib(&data, 6, full.len() - 1).unwrap(), None);
    assert_eq!(zlib(&data, 6, 0).unwrap(), None);
    // Level 0 (and anything above 9) is not compression.
    assert_eq!(zlib(&data, 0, 10000).unwrap(), None);
    assert_eq!(zlib(&data, 10, 10000).unwrap(), None);
}

#[test]
fn adler32_of_known_data() {
    // RFC 1950's checksum of "Wikipedia" is 0x11E60398.
    assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
    assert_eq!(adler32(b""), 1);
    let big = alloc::vec![255u8; 100_000];
    // Computed with the modulus after every byte.
    let (mut a, mut b) = (1u64, 0u64);
    for &x in &big {
        a = (a + x as u64) % 65521;
        b = (b + a) % 65521;
    }
    assert_eq!(adler32(&big), (b << 16 | a) as u32);
}
