//! Hash functions with Erlang-visible values: `erlang:phash2/1,2`,
//! `erlang:phash/2`, and the checksums `crc32`, `adler32` and `md5`.
//!
//! The term hashes must give the BEAM's values bit for bit, because
//! applications store them (sharding keys, `erlang:phash2/2` buckets on
//! disk, hashes exchanged between nodes). They are defined on the value of
//! a term, never on its representation: small and big integers, heap and
//! sub-binaries, aligned and unaligned bitstrings hash alike whenever
//! they are equal, and 32- and 64-bit machines agree.

pub mod crc32;
pub mod md5;
pub mod phash;
pub mod phash2;

/// The hash of an atom's name that both term hashes start from: the
/// "hashpjw" string hash (from the Dragon Book) over the UTF-8 bytes of
/// the name, where a two-byte UTF-8 sequence for a character in
/// U+0080..U+00FF counts as that one Latin-1 byte. The BEAM computes the
/// same value when it creates an atom and keeps it in its atom table; it
/// can never change without changing every `phash2` of an atom.
pub fn atom_name_hash(name: &[u8]) -> u32 {
    let mut h: u32 = 0;
    let mut i = 0;
    while i < name.len() {
        let mut v = name[i];
        i += 1;
        if let Some(&next) = name.get(i) {
            // 0xC2/0xC3 lead bytes encode U+0080..U+00FF.
            if v & 0xFE == 0xC2 && next & 0xC0 == 0x80 {
                v = (v << 6) | (next & 0x3F);
                i += 1;
            }
        }
        h = (h << 4).wrapping_add(v as u32);
        let top = h & 0xF000_0000;
        if top != 0 {
            h ^= top >> 24;
            h ^= top;
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atom_hash_matches_otp() {
        // OTP 25: erlang:phash2(Atom) is the atom hash masked to 27 bits.
        assert_eq!(atom_name_hash(b""), 0);
        assert_eq!(atom_name_hash(b"a"), 97);
        assert_eq!(atom_name_hash(b"hello") & 0x7ff_ffff, 7258927);
        assert_eq!(atom_name_hash("héllo".as_bytes()) & 0x7ff_ffff, 7799599);
    }
}
