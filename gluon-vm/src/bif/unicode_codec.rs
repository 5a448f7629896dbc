//! Text encodings of module `unicode`: decoding bytes to code points with
//! the distinction OTP makes between an invalid sequence (`error`) and
//! one cut short by the end of the data (`incomplete`), and encoding code
//! points back to bytes.

use crate::term::{AtomTable, Term};
use alloc::vec::Vec;

/// An encoding of `unicode`'s API.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub(crate) enum Encoding {
    /// One byte per character, 0..=255.
    Latin1,
    /// UTF-8 (`unicode`, `utf8`).
    Utf8,
    /// UTF-16, big-endian unless `little`.
    Utf16 { little: bool },
    /// UTF-32, big-endian unless `little`.
    Utf32 { little: bool },
}

impl Encoding {
    /// The encoding named by `t`: `latin1`, `unicode`, `utf8`, `utf16`,
    /// `utf32`, or `{utf16 | utf32, big | little}`.
    pub fn from_term(t: Term, atoms: &AtomTable) -> Option<Encoding> {
        let name = |t: Term| t.as_atom().map(|a| atoms.name(a));
        if let Some(&[kind, order]) = t.as_tuple() {
            let little = match name(order)? {
                "big" => false,
                "little" => true,
                _ => return None,
            };
            return match name(kind)? {
                "utf16" => Some(Encoding::Utf16 { little }),
                "utf32" => Some(Encoding::Utf32 { little }),
                _ => None,
            };
        }
        match name(t)? {
            "latin1" => Some(Encoding::Latin1),
            "unicode" | "utf8" => Some(Encoding::Utf8),
            "utf16" => Some(Encoding::Utf16 { little: false }),
            "utf32" => Some(Encoding::Utf32 { little: false }),
            _ => None,
        }
    }

    /// The largest code point this encoding can hold.
    pub fn max_char(self) -> u32 {
        match self {
            Encoding::Latin1 => 255,
            _ => 0x10FFFF,
        }
    }

    /// Appends the encoding of code point `c` (which it can hold).
    pub fn encode(self, c: u32, out: &mut Vec<u8>) {
        match self {
            Encoding::Latin1 => out.push(c as u8),
            Encoding::Utf8 => {
                let mut buf = [0u8; 4];
                if let Some(ch) = char::from_u32(c) {
                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                }
            }
            Encoding::Utf16 { little } => {
                let mut units = [0u16; 2];
                if let Some(ch) = char::from_u32(c) {
                    for u in ch.encode_utf16(&mut units) {
                        let b = if little {
                            u.to_le_bytes()
                        } else {
                            u.to_be_bytes()
                        };
                        out.extend_from_slice(&b);
                    }
                }
            }
            Encoding::Utf32 { little } => {
                let b = if little {
                    c.to_le_bytes()
                } else {
                    c.to_be_bytes()
                };
                out.extend_from_slice(&b);
            }
        }
    }

    /// Decodes one character from the start of `b` (not empty).
    pub fn decode(self, b: &[u8]) -> Decoded {
        match self {
            Encoding::Latin1 => Decoded::Char(b[0] as u32, 1),
            Encoding::Utf8 => decode_utf8(b),
            Encoding::Utf16 { little } => {
                let unit = |i: usize| -> Option<u32> {
                    let pair = [*b.get(i)?, *b.get(i + 1)?];
                    Some(if little {
                        u16::from_le_bytes(pair)
                    } else {
                        u16::from_be_bytes(pair)
                    } as u32)
                };
                let Some(hi) = unit(0) else {
                    return Decoded::Incomplete;
                };
                match hi {
                    0xD800..=0xDBFF => match unit(2) {
                        None => Decoded::Incomplete,
                        Some(lo @ 0xDC00..=0xDFFF) => {
                            Decoded::Char(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00), 4)
                        }
                        Some(_) => Decoded::Invalid,
                    },
                    0xDC00..=0xDFFF => Decoded::Invalid,
                    c => Decoded::Char(c, 2),
                }
            }
            Encoding::Utf32 { little } => {
                let Some(&w) = b.first_chunk::<4>() else {
                    return Decoded::Incomplete;
                };
                let c = if little {
                    u32::from_le_bytes(w)
                } else {
                    u32::from_be_bytes(w)
                };
                if char::from_u32(c).is_some() {
                    Decoded::Char(c, 4)
                } else {
                    Decoded::Invalid
                }
            }
        }
    }
}

/// One step of decoding.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub(crate) enum Decoded {
    /// A character and the bytes it took.
    Char(u32, usize),
    /// The bytes are a valid start cut short by the end of the data.
    Incomplete,
    /// The bytes are not valid in this encoding.
    Invalid,
}

/// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF
/// (checked once the sequence is whole).
fn decode_utf8(b: &[u8]) -> Decoded {
    let lead = b[0];
    let (len, min, init) = match lead {
        0x00..=0x7F => return Decoded::Char(lead as u32, 1),
        0xC2..=0xDF => (2, 0x80, (lead & 0x1F) as u32),
        0xE0..=0xEF => (3, 0x800, (lead & 0x0F) as u32),
        0xF0..=0xF4 => (4, 0x10000, (lead & 0x07) as u32),
        _ => return Decoded::Invalid,
    };
    let mut c = init;
    for i in 1..len {
        match b.get(i) {
            None => return Decoded::Incomplete,
            Some(&x) if x & 0xC0 == 0x80 => c = (c << 6) | (x & 0x3F) as u32,
            Some(_) => return Decoded::Invalid,
        }
    }
    if c < min || c > 0x10FFFF || (0xD800..=0xDFFF).contains(&c) {
        return Decoded::Invalid;
    }
    Decoded::Char(c, len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_edges() {
        let d = |b: &[u8]| decode_utf8(b);
        assert_eq!(d(&[0xE2, 0x98, 0x83]), Decoded::Char(0x2603, 3));
        assert_eq!(d(&[0xE2, 0x98]), Decoded::Incomplete);
        assert_eq!(d(&[0xE2, 0x28, 0x83]), Decoded::Invalid);
        assert_eq!(d(&[0xED, 0xA0, 0x80]), Decoded::Invalid);
        assert_eq!(d(&[0xC0, 0x80]), Decoded::Invalid);
        // OTP calls a cut-short sequence incomplete before checking its
        // value.
        assert_eq!(d(&[0xED, 0xA0]), Decoded::Incomplete);
        assert_eq!(d(&[0xF4, 0x90]), Decoded::Incomplete);
        assert_eq!(d(&[0xF0, 0x90, 0x80, 0x80]), Decoded::Char(0x10000, 4));
        assert_eq!(d(&[0xFF]), Decoded::Invalid);
    }

    #[test]
    fn utf16_and_32() {
        let be = Encoding::Utf16 { little: false };
        assert_eq!(be.decode(&[0xD8, 1, 0xDC, 0x37]), Decoded::Char(0x10437, 4));
        assert_eq!(be.decode(&[0xD8, 1]), Decoded::Incomplete);
        assert_eq!(be.decode(&[0xDC, 1]), Decoded::Invalid);
        let mut out = Vec::new();
        be.encode(0x10437, &mut out);
        assert_eq!(out, [0xD8, 1, 0xDC, 0x37]);
        let le32 = Encoding::Utf32 { little: true };
        assert_eq!(le32.decode(&[0x61, 0, 0]), Decoded::Incomplete);
        assert_eq!(le32.decode(&[0, 0, 0x11, 0]), Decoded::Invalid);
    }
}
