//! Tests of the external term format. Expected bytes marked "OTP 25" were
//! produced by `term_to_binary` on OTP 25 (`erl -noshell -eval ...`), and
//! the accept/reject cases by `binary_to_term` there.

use super::*;
use crate::code::{ExportEntry, Target};
use crate::heap::Heap;
use crate::term::{
    exact_eq, write_u64, Atom, AtomTable, HeaderTag, Term, REF_WORDS, WORDS_PER_U64,
};
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;
use core::cell::Cell;

const MV0: EncodeOptions = EncodeOptions {
    minor_version: 0,
    compression: 0,
};
const MV2: EncodeOptions = EncodeOptions {
    minor_version: 2,
    compression: 0,
};

struct Cx {
    heap: Heap,
    atoms: AtomTable,
}

fn cx() -> Cx {
    Cx {
        heap: Heap::new(1024).unwrap(),
        atoms: AtomTable::new(1 << 20),
    }
}

impl Cx {
    fn used(&self) -> usize {
        self.heap.heap_used() + self.heap.fragment_words()
    }

    /// Decodes, checking that the words allocated are exactly those
    /// `decoded_words` announced and stay within twice the input length.
    fn try_dec(&mut self, b: &[u8]) -> Result<(Term, usize), EtfError> {
        let before = self.used();
        let words = decoded_words(b);
        let r = decode(b, &mut self.heap, &mut self.atoms);
        let grown = self.used() - before;
        // Words per byte of (inflated) input stay below 2; zlib inflates at
        // most 1032 times.
        let plain = match b {
            [131, 80, s0, s1, s2, s3, z @ ..] => {
                let size = u32::from_be_bytes([*s0, *s1, *s2, *s3]) as usize;
                if r.is_ok() {
                    assert!(size as u64 <= 1032 * z.len() as u64);
                }
                size
            }
            _ => b.len(),
        };
        assert!(
            grown as u64 <= 2 * plain as u64 + 8,
            "{grown} words for {} bytes",
            b.len()
        );
        match r {
            // Tries of large maps are built beyond the counted words.
            Ok((t, _)) if has_trie(t) => assert!(words.is_ok_and(|w| grown > w)),
            Ok(_) => assert_eq!(Ok(grown), words),
            Err(_) if words.is_err() => assert_eq!(grown, 0, "allocated before failing validation"),
            Err(_) => {}
        }
        r
    }

    /// Decodes a complete encoding.
    fn dec(&mut self, b: &[u8]) -> Term {
        let (t, n) = self
            .try_dec(b)
            .unwrap_or_else(|e| panic!("{e} decoding {b:?}"));
        assert_eq!(n, b.len());
        t
    }

    fn enc(&self, t: Term) -> Vec<u8> {
        self.enc_with(t, EncodeOptions::DEFAULT)
    }

    fn enc_with(&self, t: Term, o: EncodeOptions) -> Vec<u8> {
        let b = encode(t, &self.atoms, o).unwrap();
        if o.compression == 0 {
            assert_eq!(encoded_size(t, &self.atoms, o), Ok(b.len()));
        }
        b
    }

    fn atom(&mut self, s: &str) -> Term {
        Term::atom(self.atoms.intern(s).unwrap())
    }

    fn eq(&self, a: Term, b: Term) -> bool {
        exact_eq(a, b, &self.atoms)
    }

    fn int(&mut self, n: i128) -> Term {
        crate::bignum::from_i128(&mut self.heap, n).unwrap()
    }

    fn float(&mut self, f: f64) -> Term {
        self.heap.float(f).unwrap()
    }

    fn bin(&mut self, b: &[u8]) -> Term {
        crate::binary::new_heap_binary(&mut self.heap, b).unwrap()
    }

    fn reference(&mut self, id: u64) -> Term {
        let s = self.heap.alloc_slice(REF_WORDS).unwrap();
        s[0] = Term::header(HeaderTag::Ref, WORDS_PER_U64);
        write_u64(&mut s[1..], id);
        Term::boxed_ptr(s.as_ptr())
    }

    fn map(&mut self, pairs: &[(Term, Term)]) -> Term {
        let mut v = pairs.to_vec();
        crate::map::from_pairs(&mut self.heap, &mut v, &self.atoms).unwrap()
    }

    /// encode → decode → same term, same bytes again, for all versions.
    fn round_trip(&mut self, t: Term) {
        for o in [EncodeOptions::DEFAULT, MV0, MV2] {
            let b = self.enc_with(t, o);
            let u = self.dec(&b);
            assert!(self.eq(t, u), "round trip of {b:?}");
            assert_eq!(self.enc_with(u, o), b);
        }
        let z = self.enc_with(
            t,
            EncodeOptions {
                minor_version: 1,
                compression: 6,
            },
        );
        if cfg!(feature = "inflate") {
            let u = self.dec(&z);
            assert!(self.eq(t, u));
        } else if z[1] == 80 {
            // Without inflate, compressed input is refused, not misread.
            assert!(self.try_dec(&z).is_err());
        }
    }
}

/// `text` padded with NUL bytes to a `FLOAT_EXT` field, after the tag.
fn float_ext(text: &str) -> Vec<u8> {
    let mut v = vec![131, 99];
    v.extend_from_slice(text.as_bytes());
    v.resize(2 + 31, 0);
    v
}

fn with_node(prefix: &[u8], node: &[u8], rest: &[u8]) -> Vec<u8> {
    let mut v = prefix.to_vec();
    v.extend_from_slice(node);
    v.extend_from_slice(rest);
    v
}

const NODE: &[u8] = b"\x64\x00\x0dnonode@nohost";
const NODE_UTF8: &[u8] = b"\x77\x0dnonode@nohost";

// ---------------------------------------------------------------------
// Byte-exact encodings (OTP 25).

#[test]
fn atoms_match_otp() {
    let mut c = cx();
    let hello = c.atom("hello");
    // OTP 25: term_to_binary(hello) with minor versions 0, 1 (default), 2.
    assert_eq!(c.enc(hello), b"\x83\x64\x00\x05hello");
    assert_eq!(c.enc_with(hello, MV0), b"\x83\x64\x00\x05hello");
    assert_eq!(c.enc_with(hello, MV2), b"\x83\x77\x05hello");
    // OTP 25: 'hé€' (not Latin-1), 'hé' (Latin-1), '€' with minor version 0.
    let a = c.atom("hé€");
    assert_eq!(c.enc(a), [131, 119, 6, 104, 195, 169, 226, 130, 172]);
    let a = c.atom("hé");
    assert_eq!(c.enc(a), [131, 100, 0, 2, 104, 233]);
    assert_eq!(c.enc_with(a, MV2), [131, 119, 3, 104, 195, 169]);
    let a = c.atom("€");
    assert_eq!(c.enc_with(a, MV0), [131, 119, 3, 226, 130, 172]);
    // OTP 25: 255 × $a is ATOM_EXT (259 bytes), UTF-8 with minor version 2;
    // 255 × € and 200 × é (minor version 2) need ATOM_UTF8_EXT.
    let s: String = "a".repeat(255);
    let a = c.atom(&s);
    assert_eq!(c.enc(a).len(), 259);
    assert_eq!(c.enc_with(a, MV2)[..4], [131, 119, 255, 97]);
    let s: String = "€".repeat(255);
    let a = c.atom(&s);
    assert_eq!(c.enc(a)[..4], [131, 118, 2, 253]);
    let s: String = "é".repeat(200);
    let a = c.atom(&s);
    assert_eq!(c.enc_with(a, MV2)[..4], [131, 118, 1, 144]);
    assert_eq!(c.enc(a)[..4], [131, 100, 0, 200]);
}

#[test]
fn integers_match_otp() {
    let mut c = cx();
    // OTP 25: term_to_binary of each value.
    let cases: &[(i128, &[u8])] = &[
        (0, &[131, 97, 0]),
        (255, &[131, 97, 255]),
        (256, &[131, 98, 0, 0, 1, 0]),
        (-1, &[131, 98, 255, 255, 255, 255]),
        (2147483647, &[131, 98, 127, 255, 255, 255]),
        (-2147483648, &[131, 98, 128, 0, 0, 0]),
        (2147483648, &[131, 110, 4, 0, 0, 0, 0, 128]),
        (-2147483649, &[131, 110, 4, 1, 1, 0, 0, 128]),
        (1 << 27, &[131, 98, 8, 0, 0, 0]),
        (-(1 << 27), &[131, 98, 248, 0, 0, 0]),
        (1 << 59, &[131, 110, 8, 0, 0, 0, 0, 0, 0, 0, 0, 8]),
        (
            (1 << 59) - 1,
            &[131, 110, 8, 0, 255, 255, 255, 255, 255, 255, 255, 7],
        ),
        (-(1 << 59), &[131, 110, 8, 1, 0, 0, 0, 0, 0, 0, 0, 8]),
        (1 << 60, &[131, 110, 8, 0, 0, 0, 0, 0, 0, 0, 0, 16]),
        (1 << 63, &[131, 110, 8, 0, 0, 0, 0, 0, 0, 0, 0, 128]),
        (-(1 << 63), &[131, 110, 8, 1, 0, 0, 0, 0, 0, 0, 0, 128]),
        (
            (1 << 64) - 1,
            &[131, 110, 8, 0, 255, 255, 255, 255, 255, 255, 255, 255],
        ),
        (1 << 64, &[131, 110, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]),
        (-(1 << 64), &[131, 110, 9, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1]),
        (
            -0x123456789ABCDEF0123,
            &[131, 110, 10, 1, 35, 1, 239, 205, 171, 137, 103, 69, 35, 1],
        ),
    ];
    for &(n, bytes) in cases {
        let t = c.int(n);
        assert_eq!(c.enc(t), bytes, "{n}");
        let u = c.dec(bytes);
        assert!(c.eq(t, u), "{n}");
        assert_eq!(
            crate::bignum::to_i64(u).map(i128::from),
            i64::try_from(n).ok().map(i128::from)
        );
    }
}

#[test]
fn large_bignums_match_otp() {
    let mut c = cx();
    // OTP 25: 1 bsl 2040 and 1 bsl 2048 (LARGE_BIG_EXT, 256 and 257 bytes).
    for (bits, n) in [(2040usize, 256u32), (2048, 257)] {
        let mut want = vec![131, 111];
        want.extend_from_slice(&n.to_be_bytes());
        want.push(0);
        want.resize(want.len() + n as usize - 1, 0);
        want.push(1);
        let t = c.dec(&want);
        let (neg, d) = crate::bignum::as_big(t).unwrap();
        assert!(!neg);
        assert_eq!(d.len(), bits / usize::BITS as usize + 1);
        assert_eq!(*d.last().unwrap(), 1usize << (bits % usize::BITS as usize));
        assert_eq!(c.enc(t), want);
        // Negative, and with SMALL_BIG for the same value when it fits.
        want[6] = 1;
        let u = c.dec(&want);
        assert!(crate::bignum::as_big(u).unwrap().0);
        assert_eq!(c.enc(u), want);
    }
}

/// Bignums made by arithmetic, of every byte length up to LARGE_BIG_EXT
/// sizes: the encoding is SMALL_BIG_EXT up to 255 magnitude bytes and
/// LARGE_BIG_EXT beyond, sign byte, little-endian magnitude (OTP's
/// format), and decodes back to an equal term.
#[test]
#[cfg(feature = "bignum")] // OTP cases with bignums
fn computed_bignums_round_trip() {
    let mut c = cx();
    // 3^k as little-endian bytes, computed independently of the VM.
    let mut bytes: Vec<u8> = vec![1];
    let mut value = c.int(1);
    let three = crate::bignum::Int::of(Term::small(3)).unwrap();
    for k in 1..=700 {
        let mut carry = 0u32;
        for b in bytes.iter_mut() {
            let v = *b as u32 * 3 + carry;
            *b = v as u8;
            carry = v >> 8;
        }
        if carry != 0 {
            bytes.push(carry as u8);
        }
        let x = crate::bignum::Int::of(value).unwrap();
        value = crate::bignum::mul(&mut c.heap, x, three).unwrap();
        if k < 40 {
            continue;
        }
        for neg in [false, true] {
            let t = if neg {
                let x = crate::bignum::Int::of(value).unwrap();
                crate::bignum::negate(&mut c.heap, x).unwrap()
            } else {
                value
            };
            let mut want = vec![131];
            match u8::try_from(bytes.len()) {
                Ok(n) => want.extend_from_slice(&[110, n]),
                Err(_) => {
                    want.push(111);
                    want.extend_from_slice(&(bytes.len() as u32).to_be_bytes());
                }
            }
            want.push(neg as u8);
            want.extend_from_slice(&bytes);
            assert_eq!(c.enc(t), want, "3^{k}");
            let back = c.dec(&want);
            assert!(c.eq(back, t), "3^{k}");
        }
    }
}

#[test]
fn floats_match_otp() {
    let mut c = cx();
    let t = c.float(1.5);
    // OTP 25: term_to_binary(1.5) and with {minor_version, 0}.
    assert_eq!(c.enc(t), [131, 70, 63, 248, 0, 0, 0, 0, 0, 0]);
    assert_eq!(c.enc_with(t, MV0), float_ext("1.50000000000000000000e+00"));
    // OTP 25, {minor_version, 0}: the text is C's "%.20e", rounding half
    // to even on the exact binary value (10.00000095367431640625 is a tie).
    let cases: &[(f64, &str)] = &[
        (-0.0, "-0.00000000000000000000e+00"),
        (10.0 + 1.0 / (1 << 20) as f64, "1.00000009536743164062e+01"),
        (1.0e300, "1.00000000000000005250e+300"),
        (5.0e-324, "4.94065645841246544177e-324"),
        (0.1, "1.00000000000000005551e-01"),
        (1.5e-300, "1.50000000000000012048e-300"),
        (2.0e10, "2.00000000000000000000e+10"),
        (123.456, "1.23456000000000003070e+02"),
    ];
    for &(f, text) in cases {
        let t = c.float(f);
        let want = float_ext(text);
        assert_eq!(c.enc_with(t, MV0), want, "{f}");
        let u = c.dec(&want);
        assert_eq!(u.as_float().map(f64::to_bits), Some(f.to_bits()));
    }
    // OTP 25: {1.5e-300, -123456789012345678901234567890, <<"bin">>, "str", [a|b]}.
    let otp = [
        131, 104, 5, 70, 1, 176, 18, 151, 210, 58, 182, 131, 110, 13, 1, 210, 10, 63, 78, 238, 224,
        115, 195, 246, 15, 233, 142, 1, 109, 0, 0, 0, 3, 98, 105, 110, 107, 0, 3, 115, 116, 114,
        108, 0, 0, 0, 1, 100, 0, 1, 97, 100, 0, 1, 98,
    ];
    let t = c.dec(&otp);
    assert_eq!(c.enc(t), otp);
}

#[test]
fn float_text_matches_printf_on_many_values() {
    // Values whose "%.20e" form was printed by C (via OTP 25 above) are
    // checked there; here the shape is checked on many values and the
    // text read back must give the same float when it has 17+ digits.
    let mut s = 0x9e37_79b9_7f4a_7c15u64;
    for _ in 0..20000 {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        let f = f64::from_bits(s);
        if !f.is_finite() {
            continue;
        }
        let field = float::format(f);
        let text_len = field.iter().position(|&b| b == 0).unwrap_or(31);
        assert!(text_len <= 28);
        assert_eq!(float::parse(&field).map(f64::to_bits), Some(f.to_bits()));
    }
}

#[test]
fn lists_and_strings_match_otp() {
    let mut c = cx();
    // OTP 25 encodings.
    let cases: &[&[u8]] = &[
        &[131, 106],
        &[131, 107, 0, 3, 97, 98, 99],
        &[131, 108, 0, 0, 0, 3, 97, 1, 97, 2, 98, 0, 0, 1, 44, 106],
        &[131, 108, 0, 0, 0, 2, 97, 1, 97, 2, 97, 3],
        &[131, 108, 0, 0, 0, 2, 97, 1, 97, 2, 109, 0, 0, 0, 0],
        &[131, 108, 0, 0, 0, 2, 107, 0, 1, 1, 106, 106],
        &[131, 108, 0, 0, 0, 2, 97, 1, 98, 255, 255, 255, 255, 106],
        &[131, 104, 2, 100, 0, 1, 97, 97, 1],
        &[131, 104, 0],
        &[131, 116, 0, 0, 0, 0],
        &[131, 109, 0, 0, 0, 0],
        &[131, 109, 0, 0, 0, 3, 1, 2, 3],
        &[131, 77, 0, 0, 0, 3, 5, 1, 2, 24],
        &[131, 77, 0, 0, 0, 1, 1, 128],
    ];
    for &b in cases {
        let t = c.dec(b);
        assert_eq!(c.enc(t), b);
    }
    // OTP 25: 65535 ones are a STRING_EXT, 65536 a LIST_EXT.
    let ones: Vec<Term> = vec![Term::small(1); 65536];
    let l = c.heap.list_from(&ones[..65535], Term::NIL).unwrap();
    assert_eq!(c.enc(l)[..6], [131, 107, 255, 255, 1, 1]);
    let l = c.heap.list_from(&ones, Term::NIL).unwrap();
    let b = c.enc(l);
    assert_eq!(b[..6], [131, 108, 0, 1, 0, 0]);
    assert_eq!(b.len(), 6 + 2 * 65536 + 1);
    // OTP 25: a 256-tuple is a LARGE_TUPLE_EXT.
    let zeros = vec![Term::small(0); 256];
    let t = c.heap.tuple(&zeros).unwrap();
    assert_eq!(c.enc(t)[..6], [131, 105, 0, 0, 1, 0]);
    c.round_trip(t);
}

#[test]
fn maps_match_otp() {
    let mut c = cx();
    // OTP 25: #{zz=>1, a=>2, c=>3}, keys in order.
    let otp = [
        131, 116, 0, 0, 0, 3, 100, 0, 1, 97, 97, 2, 100, 0, 1, 99, 97, 3, 100, 0, 2, 122, 122, 97,
        1,
    ];
    let (zz, a, cc) = (c.atom("zz"), c.atom("a"), c.atom("c"));
    let m = c.map(&[
        (zz, Term::small(1)),
        (a, Term::small(2)),
        (cc, Term::small(3)),
    ]);
    assert_eq!(c.enc(m), otp);
    let u = c.dec(&otp);
    assert!(c.eq(m, u));
    // OTP 25: #{b=>1, a=>2, 1=>x, 1.0=>y, "s"=>z, {t}=>w}.
    let otp = [
        131, 116, 0, 0, 0, 6, 97, 1, 100, 0, 1, 120, 70, 63, 240, 0, 0, 0, 0, 0, 0, 100, 0, 1, 121,
        100, 0, 1, 97, 97, 2, 100, 0, 1, 98, 97, 1, 104, 1, 100, 0, 1, 116, 100, 0, 1, 119, 107, 0,
        1, 115, 100, 0, 1, 122,
    ];
    let m = c.dec(&otp);
    assert_eq!(c.enc(m), otp);
    // Pairs given out of order are sorted (OTP 25 accepts this input as
    // #{a => 2, b => 1}).
    let u = c.dec(&[
        131, 116, 0, 0, 0, 2, 100, 0, 1, 98, 97, 1, 100, 0, 1, 97, 97, 2,
    ]);
    let b = c.atom("b");
    assert_eq!(crate::map::get(u, a, &c.atoms), Some(Term::small(2)));
    assert_eq!(crate::map::get(u, b, &c.atoms), Some(Term::small(1)));
    assert_eq!(
        c.enc(u),
        [131, 116, 0, 0, 0, 2, 100, 0, 1, 97, 97, 2, 100, 0, 1, 98, 97, 1]
    );
}

/// OTP 25: #{#{b=>1,a=>2} => x, #{a=>1} => y, [1] => z, 3 => w, <<"k">> => v,
/// 2.5 => u, {} => t, c => s}. Maps used as keys, unsorted, are sorted
/// before their parent.
const OTP_MAP_KEYS: [u8; 93] = [
    131, 116, 0, 0, 0, 8, 97, 3, 100, 0, 1, 119, 70, 64, 4, 0, 0, 0, 0, 0, 0, 100, 0, 1, 117, 100,
    0, 1, 99, 100, 0, 1, 115, 104, 0, 100, 0, 1, 116, 116, 0, 0, 0, 1, 100, 0, 1, 97, 97, 1, 100,
    0, 1, 121, 116, 0, 0, 0, 2, 100, 0, 1, 97, 97, 2, 100, 0, 1, 98, 97, 1, 100, 0, 1, 120, 107, 0,
    1, 1, 100, 0, 1, 122, 109, 0, 0, 0, 1, 107, 100, 0, 1, 118,
];

#[test]
fn maps_with_map_keys() {
    let mut c = cx();
    let m = c.dec(&OTP_MAP_KEYS);
    // Same keys built independently, checked by lookup (binary search
    // relies on the order).
    let (a, b) = (c.atom("a"), c.atom("b"));
    let inner = c.map(&[(b, Term::small(1)), (a, Term::small(2))]);
    let x = c.atom("x");
    assert_eq!(crate::map::get(m, inner, &c.atoms), Some(x));
    let one = c.map(&[(a, Term::small(1))]);
    let y = c.atom("y");
    assert_eq!(crate::map::get(m, one, &c.atoms), Some(y));
    let k = c.bin(b"k");
    let v = c.atom("v");
    assert_eq!(crate::map::get(m, k, &c.atoms), Some(v));
    c.round_trip(m);
}

#[test]
fn map_key_order_integers_before_floats() {
    let mut c = cx();
    let m = c.dec(&OTP_MAP_KEYS);
    assert_eq!(c.enc(m), OTP_MAP_KEYS);
}

#[test]
fn bitstrings_match_otp() {
    let mut c = cx();
    // OTP 25: <<_:3, R:10/bits, _/bits>> = <<255,255,255>>, term_to_binary(R).
    let bin = c.bin(&[255, 255, 255]);
    let sub = crate::binary::new_sub_binary(&mut c.heap, bin, 3, 10).unwrap();
    assert_eq!(c.enc(sub), [131, 77, 0, 0, 0, 2, 2, 255, 192]);
    c.round_trip(sub);
    // Unaligned, byte-sized.
    let bin = c.bin(&[0x12, 0x34, 0x56]);
    let sub = crate::binary::new_sub_binary(&mut c.heap, bin, 4, 16).unwrap();
    assert_eq!(c.enc(sub), [131, 109, 0, 0, 0, 2, 0x23, 0x45]);
    // Aligned sub-binary with a bit tail.
    let sub = crate::binary::new_sub_binary(&mut c.heap, bin, 8, 12).unwrap();
    assert_eq!(c.enc(sub), [131, 77, 0, 0, 0, 2, 4, 0x34, 0x50]);
    // OTP 25 reads unused bits as zero: <<1:1>> from 255.
    let t = c.dec(&[131, 77, 0, 0, 0, 1, 1, 255]);
    assert_eq!(crate::binary::bit_view(t).map(|(_, _, n)| n), Some(1));
    assert_eq!(c.enc(t), [131, 77, 0, 0, 0, 1, 1, 128]);
    // OTP 25: 8 used bits are a binary; no bytes and no bits is <<>>.
    let t = c.dec(&[131, 77, 0, 0, 0, 1, 8, 255]);
    assert_eq!(crate::binary::as_bytes(t), Some(&[255u8][..]));
    let t = c.dec(&[131, 77, 0, 0, 0, 0, 0]);
    assert_eq!(crate::binary::as_bytes(t), Some(&[][..]));
    // A long binary spanning several words.
    let bytes: Vec<u8> = (0..=255u8).cycle().take(1000).collect();
    let t = c.bin(&bytes);
    c.round_trip(t);
    let t2 = c.dec(&c.enc(t));
    assert_eq!(crate::binary::as_bytes(t2), Some(&bytes[..]));
}

#[test]
fn pids_ports_refs_match_otp() {
    let mut c = cx();
    // OTP 25: term_to_binary(c:pid(0,80,0)), default and minor version 2.
    let pid = with_node(&[131, 88], NODE, &[0, 0, 0, 80, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert_eq!(c.enc(Term::pid(80)), pid);
    assert_eq!(c.dec(&pid), Term::pid(80));
    let pid2 = with_node(
        &[131, 88],
        NODE_UTF8,
        &[0, 0, 0, 80, 0, 0, 0, 0, 0, 0, 0, 0],
    );
    assert_eq!(c.enc_with(Term::pid(80), MV2), pid2);
    assert_eq!(c.dec(&pid2), Term::pid(80));
    // OTP 25: the old PID_EXT of <0.80.0>.
    let old = with_node(&[131, 103], NODE, &[0, 0, 0, 80, 0, 0, 0, 0, 0]);
    assert_eq!(c.dec(&old), Term::pid(80));
    // OTP 25: #Port<0.0>.
    let port = with_node(&[131, 89], NODE, &[0, 0, 0, 0, 0, 0, 0, 0]);
    assert_eq!(c.enc(Term::port(0)), port);
    assert_eq!(c.dec(&port), Term::port(0));
    let port = with_node(&[131, 89], NODE_UTF8, &[0, 0, 0, 7, 0, 0, 0, 0]);
    assert_eq!(c.enc_with(Term::port(7), MV2), port);
    let old = with_node(&[131, 102], NODE, &[0, 0, 0, 7, 0]);
    assert_eq!(c.dec(&old), Term::port(7));
    let v4 = with_node(&[131, 120], NODE, &[0, 0, 0, 0, 0, 0, 0, 7, 0, 0, 0, 0]);
    assert_eq!(c.dec(&v4), Term::port(7));
    // References: OTP 25 decodes these bytes to #Ref<0.16383.4294967295.262143>
    // and re-encodes them identically: the largest 64-bit id.
    let r = c.reference(u64::MAX);
    let want = with_node(
        &[131, 90, 0, 3],
        NODE,
        &[
            0, 0, 0, 0, 0, 3, 255, 255, 255, 255, 255, 255, 0, 0, 63, 255,
        ],
    );
    assert_eq!(c.enc(r), want);
    assert_eq!(c.dec(&want).as_reference(), Some(u64::MAX));
    // OTP 25: #Ref<0.0.18641.118255> is id 0x1234_5678_9ABC... shaped.
    let id = 118255u64 | 18641 << 18;
    let want = with_node(
        &[131, 90, 0, 3],
        NODE,
        &[0, 0, 0, 0, 0, 1, 205, 239, 0, 0, 72, 209, 0, 0, 0, 0],
    );
    let r = c.reference(id);
    assert_eq!(c.enc(r), want);
    c.round_trip(r);
    // OTP 25 accepts one-word references and the older forms.
    let one = with_node(&[131, 90, 0, 1], NODE, &[0, 0, 0, 0, 0, 0, 0, 7]);
    assert_eq!(c.dec(&one).as_reference(), Some(7));
    let old = with_node(&[131, 101], NODE, &[0, 0, 0, 7, 0]);
    assert_eq!(c.dec(&old).as_reference(), Some(7));
    let new = with_node(&[131, 114, 0, 1], NODE, &[0, 0, 0, 0, 7]);
    assert_eq!(c.dec(&new).as_reference(), Some(7));
    // A reference of OTP itself: more than 64 bits, not representable.
    let otp = with_node(
        &[131, 90, 0, 3],
        NODE,
        &[0, 0, 0, 0, 0, 3, 17, 236, 60, 184, 0, 1, 56, 234, 6, 183],
    );
    assert_eq!(c.try_dec(&otp), Err(EtfError::Unsupported { tag: 90 }));
}

/// Boxed entries keep their addresses while the table grows.
#[allow(clippy::vec_box)]
struct Exports(Vec<Box<ExportEntry>>);

impl FunResolver for Exports {
    fn export(&mut self, module: Atom, function: Atom, arity: u32) -> Option<*const ExportEntry> {
        if let Some(e) = self
            .0
            .iter()
            .find(|e| e.module == module && e.function == function && e.arity == arity)
        {
            return Some(&**e);
        }
        self.0.push(Box::new(ExportEntry {
            module,
            function,
            arity,
            target: Cell::new(Target::Undefined),
            code: Cell::new(None),
        }));
        self.0.last().map(|e| &**e as *const ExportEntry)
    }
}

#[test]
fn export_funs() {
    let mut c = cx();
    // OTP 25: term_to_binary(fun lists:map/2), default and minor version 2.
    let otp = b"\x83\x71\x64\x00\x05lists\x64\x00\x03map\x61\x02";
    let otp2 = b"\x83\x71\x77\x05lists\x77\x03map\x61\x02";
    assert_eq!(c.try_dec(otp), Err(EtfError::Unsupported { tag: 113 }));
    let mut exports = Exports(Vec::new());
    let before = c.used();
    let (t, n) = decode_with(otp, &mut c.heap, &mut c.atoms, Some(&mut exports)).unwrap();
    assert_eq!(n, otp.len());
    assert_eq!(c.used() - before, decoded_words(otp).unwrap());
    let e = crate::fun::as_export(t).unwrap();
    assert_eq!(
        (c.atoms.name(e.module), c.atoms.name(e.function), e.arity),
        ("lists", "map", 2)
    );
    assert_eq!(c.enc(t), otp);
    assert_eq!(c.enc_with(t, MV2), otp2);
    // OTP 25 also accepts the arity as INTEGER_EXT.
    let int = b"\x83\x71\x64\x00\x05lists\x64\x00\x03map\x62\x00\x00\x00\x02";
    let (u, _) = decode_with(int, &mut c.heap, &mut c.atoms, Some(&mut exports)).unwrap();
    assert!(c.eq(t, u));
    assert_eq!(exports.0.len(), 1);
    // Arities beyond 255 do not exist here (OTP 25 accepts them).
    let big = b"\x83\x71\x64\x00\x05lists\x64\x00\x03map\x62\x00\x00\x01\x00";
    assert!(decode_with(big, &mut c.heap, &mut c.atoms, Some(&mut exports)).is_err());
    // A resolver refusing the fun.
    struct No;
    impl FunResolver for No {
        fn export(&mut self, _: Atom, _: Atom, _: u32) -> Option<*const ExportEntry> {
            None
        }
    }
    assert_eq!(
        decode_with(otp, &mut c.heap, &mut c.atoms, Some(&mut No)),
        Err(EtfError::Unsupported { tag: 113 })
    );
}

#[test]
#[cfg(feature = "inflate")]
fn compressed() {
    let mut c = cx();
    // OTP 25: term_to_binary(lists:duplicate(20,0), [compressed]).
    let otp = [
        131, 80, 0, 0, 0, 23, 120, 156, 203, 102, 16, 97, 192, 2, 0, 11, 88, 0, 128,
    ];
    let t = c.dec(&otp);
    assert_eq!(Heap::list_to_vec(t).map(|v| v.len()), Some(20));
    let z = c.enc_with(
        t,
        EncodeOptions {
            minor_version: 1,
            compression: 6,
        },
    );
    assert_eq!(z, otp);
    let u = c.dec(&z);
    assert!(c.eq(u, t));
    // OTP 25: level 0 is no compression.
    let plain = c.enc_with(
        t,
        EncodeOptions {
            minor_version: 1,
            compression: 0,
        },
    );
    assert_eq!(plain[..4], [131, 107, 0, 20]);
    // OTP 25: compressing 'a' does not pay, so it stays plain.
    let a = c.atom("a");
    assert_eq!(
        c.enc_with(
            a,
            EncodeOptions {
                minor_version: 1,
                compression: 6
            }
        ),
        [131, 100, 0, 1, 97]
    );
    // OTP 25: a 21-byte binary compresses to as many bytes as it has, and
    // OTP keeps the compressed form on such a tie.
    let otp = [
        131, 80, 0, 0, 0, 26, 120, 156, 203, 101, 96, 96, 16, 101, 100, 98, 102, 97, 101, 99, 64,
        165, 0, 15, 154, 0, 194,
    ];
    let t = c.dec(&otp);
    let want: Vec<u8> = (1..=21).map(|x| x % 7).collect();
    assert_eq!(crate::binary::as_bytes(t), Some(&want[..]));
    let tie = c.enc_with(
        t,
        EncodeOptions {
            minor_version: 1,
            compression: 6,
        },
    );
    assert_eq!(tie, otp);
    // OTP 25 (binary_to_term with `used`): trailing bytes after the zlib
    // stream are not part of the term; inside it they are ignored.
    let mut trailing = z.clone();
    trailing.extend_from_slice(&[1, 2, 3]);
    assert_eq!(c.try_dec(&trailing).map(|(_, n)| n), Ok(z.len()));
    let inner_trailing = [131, 80, 0, 0, 0, 2, 120, 156, 203, 202, 2, 0, 1, 64, 0, 213];
    assert_eq!(c.try_dec(&inner_trailing), Ok((Term::NIL, 16)));
    // OTP 25 rejects: wrong size, nested COMPRESSED, a version byte inside,
    // an empty payload.
    let mut wrong = otp;
    wrong[5] = 25;
    assert_eq!(c.try_dec(&wrong), Err(EtfError::BadCompressed));
    wrong[5] = 27;
    assert_eq!(c.try_dec(&wrong), Err(EtfError::BadCompressed));
    let nested = [131, 80, 0, 0, 0, 2, 120, 156, 11, 96, 0, 0, 0, 162, 0, 81];
    assert!(matches!(
        c.try_dec(&nested),
        Err(EtfError::BadTag { tag: 80, .. })
    ));
    let version = [
        131, 80, 0, 0, 0, 2, 120, 156, 107, 206, 2, 0, 1, 114, 0, 238,
    ];
    assert!(matches!(
        c.try_dec(&version),
        Err(EtfError::BadTag { tag: 131, .. })
    ));
    let empty = [131, 80, 0, 0, 0, 0, 120, 156, 3, 0, 0, 0, 0, 1];
    assert_eq!(c.try_dec(&empty), Err(EtfError::BadCompressed));
    // A bad checksum.
    let mut bad = otp;
    bad[otp.len() - 1] ^= 1;
    assert_eq!(c.try_dec(&bad), Err(EtfError::BadCompressed));
    // A size no zlib stream this short can produce is refused up front.
    let bomb = [131, 80, 255, 255, 255, 255, 120, 156, 3, 0, 0, 0, 0, 1];
    assert_eq!(c.try_dec(&bomb), Err(EtfError::BadCompressed));
    // Levels 1..=9 all decode back.
    let seq: Vec<Term> = (1..1000).map(Term::small).collect();
    let l = c.heap.list_from(&seq, Term::NIL).unwrap();
    for level in 1..=9 {
        let z = c.enc_with(
            l,
            EncodeOptions {
                minor_version: 1,
                compression: level,
            },
        );
        assert_eq!(z[1], 80);
        let u = c.dec(&z);
        assert!(c.eq(u, l));
    }
}

#[test]
fn external_size_matches_otp() {
    let mut c = cx();
    // OTP 25: erlang:external_size(a), (1.5, [{minor_version,0}]),
    // (lists:seq(1,1000)).
    let a = c.atom("a");
    assert_eq!(encoded_size(a, &c.atoms, EncodeOptions::DEFAULT), Ok(5));
    let f = c.float(1.5);
    assert_eq!(encoded_size(f, &c.atoms, MV0), Ok(33));
    let seq: Vec<Term> = (1..=1000).map(Term::small).collect();
    let l = c.heap.list_from(&seq, Term::NIL).unwrap();
    assert_eq!(encoded_size(l, &c.atoms, EncodeOptions::DEFAULT), Ok(4242));
    assert_eq!(c.enc(l).len(), 4242);
}

#[test]
fn bad_options_and_terms() {
    let c = cx();
    let o = EncodeOptions {
        minor_version: 3,
        compression: 0,
    };
    assert_eq!(encode(Term::NIL, &c.atoms, o), Err(EtfError::BadOption));
    let o = EncodeOptions {
        minor_version: 1,
        compression: 10,
    };
    assert_eq!(encode(Term::NIL, &c.atoms, o), Err(EtfError::BadOption));
    for t in [
        Term::NONE,
        Term::catch(3),
        Term::header(HeaderTag::Tuple, 0),
    ] {
        assert_eq!(
            encode(t, &c.atoms, EncodeOptions::DEFAULT),
            Err(EtfError::BadTerm)
        );
    }
}

// ---------------------------------------------------------------------
// Decoding edge cases, as OTP 25's binary_to_term treats them.

#[test]
fn decoding_edge_cases_like_otp() {
    let mut c = cx();
    let a = c.atom("a");
    // LIST_EXT without cells is its tail.
    assert_eq!(c.dec(&[131, 108, 0, 0, 0, 0, 106]), Term::NIL);
    assert_eq!(c.dec(&[131, 108, 0, 0, 0, 0, 100, 0, 1, 97]), a);
    let t = c.dec(&[131, 104, 1, 108, 0, 0, 0, 0, 108, 0, 0, 0, 0, 97, 5]);
    assert_eq!(t.as_tuple(), Some(&[Term::small(5)][..]));
    // Bignums: high zero bytes, any nonzero sign byte, negative zero.
    assert_eq!(c.dec(&[131, 110, 2, 0, 1, 0]), Term::small(1));
    assert_eq!(c.dec(&[131, 110, 1, 2, 5]), Term::small(-5));
    assert_eq!(c.dec(&[131, 110, 1, 1, 0]), Term::small(0));
    assert_eq!(c.dec(&[131, 110, 0, 0]), Term::small(0));
    assert_eq!(c.dec(&[131, 110, 0, 1]), Term::small(0));
    assert_eq!(c.dec(&[131, 111, 0, 0, 0, 0, 0]), Term::small(0));
    assert_eq!(c.dec(&[131, 111, 0, 0, 0, 1, 0, 7]), Term::small(7));
    let mut padded = vec![131, 110, 20, 0, 1];
    padded.resize(24, 0);
    assert_eq!(c.dec(&padded), Term::small(1));
    // Empty strings, tuples.
    assert_eq!(c.dec(&[131, 107, 0, 0]), Term::NIL);
    // Trailing bytes are not consumed.
    assert_eq!(c.try_dec(&[131, 106, 0]), Ok((Term::NIL, 2)));
    // Latin-1 atoms become UTF-8 names.
    let t = c.dec(&[131, 115, 2, 104, 233]);
    assert_eq!(c.atoms.name(t.as_atom().unwrap()), "hé");
    assert_eq!(c.dec(&[131, 100, 0, 2, 104, 233]), t);
    assert_eq!(c.dec(&[131, 119, 3, 104, 195, 169]), t);
    assert_eq!(c.dec(&[131, 118, 0, 3, 104, 195, 169]), t);
    // 255 characters is the limit.
    let mut long = vec![131, 100, 0, 255];
    long.resize(4 + 255, b'a');
    c.dec(&long);
    let mut long = vec![131, 100, 1, 0];
    long.resize(4 + 256, b'a');
    assert!(matches!(c.try_dec(&long), Err(EtfError::BadAtom { .. })));
    let mut long = vec![131, 118, 2, 0];
    for _ in 0..256 {
        long.extend_from_slice("é".as_bytes());
    }
    assert!(matches!(c.try_dec(&long), Err(EtfError::BadAtom { .. })));
    // Invalid UTF-8: a stray byte, an overlong form, a surrogate.
    for bad in [
        &[131, 119, 1, 255][..],
        &[131, 119, 2, 0xc0, 0x80],
        &[131, 119, 3, 0xed, 0xa0, 0x80],
    ] {
        assert!(
            matches!(c.try_dec(bad), Err(EtfError::BadUtf8 { .. })),
            "{bad:?}"
        );
    }
    // Floats: NaN and infinities are refused, -0.0 kept.
    assert!(c.try_dec(&[131, 70, 127, 248, 0, 0, 0, 0, 0, 0]).is_err());
    assert!(c.try_dec(&[131, 70, 127, 240, 0, 0, 0, 0, 0, 0]).is_err());
    assert!(c.try_dec(&[131, 70, 255, 240, 0, 0, 0, 0, 0, 0]).is_err());
    let z = c.dec(&[131, 70, 128, 0, 0, 0, 0, 0, 0, 0]);
    assert_eq!(z.as_float().map(f64::to_bits), Some((-0.0f64).to_bits()));
    // Bit counts: 0 and 9 are refused, as are bits without bytes.
    assert!(c.try_dec(&[131, 77, 0, 0, 0, 1, 0, 255]).is_err());
    assert!(c.try_dec(&[131, 77, 0, 0, 0, 1, 9, 255]).is_err());
    assert!(c.try_dec(&[131, 77, 0, 0, 0, 0, 3]).is_err());
    // Duplicate map keys.
    assert_eq!(
        c.try_dec(&[131, 116, 0, 0, 0, 2, 97, 1, 97, 2, 97, 1, 97, 3]),
        Err(EtfError::DuplicateKey)
    );
    // Equal keys found apart after sorting: 2, 1.0, 2.
    assert_eq!(
        c.try_dec(&[
            131, 116, 0, 0, 0, 3, 97, 2, 97, 2, 70, 63, 240, 0, 0, 0, 0, 0, 0, 97, 1, 97, 2, 97, 3
        ]),
        Err(EtfError::DuplicateKey)
    );
    // Version byte and tags that cannot appear.
    assert_eq!(c.try_dec(&[]), Err(EtfError::Truncated { offset: 0 }));
    assert_eq!(c.try_dec(&[131]), Err(EtfError::Truncated { offset: 1 }));
    assert_eq!(
        c.try_dec(&[130, 106]),
        Err(EtfError::BadVersion { byte: 130 })
    );
    assert_eq!(
        c.try_dec(&[131, 131, 106]),
        Err(EtfError::BadTag {
            tag: 131,
            offset: 1
        })
    );
    assert_eq!(
        c.try_dec(&[131, 104, 1, 0]),
        Err(EtfError::BadTag { tag: 0, offset: 3 })
    );
    assert_eq!(
        c.try_dec(&[131, 82, 0]),
        Err(EtfError::Unsupported { tag: 82 })
    );
    assert_eq!(
        c.try_dec(&[131, 121, 0, 0, 0, 0, 0, 0, 0, 0, 106]),
        Err(EtfError::Unsupported { tag: 121 })
    );
    assert_eq!(
        c.try_dec(&[131, 112, 0, 0, 0, 0]),
        Err(EtfError::Unsupported { tag: 112 })
    );
    assert_eq!(
        c.try_dec(&[131, 117, 0, 0, 0, 0]),
        Err(EtfError::Unsupported { tag: 117 })
    );
}

#[test]
fn floats_as_text_like_otp() {
    let mut c = cx();
    // OTP 25's binary_to_term on FLOAT_EXT fields.
    let accepted: &[(&str, f64)] = &[
        ("1.5", 1.5),
        ("+1.5", 1.5),
        ("1.5e+00", 1.5),
        ("1.5E+00", 1.5),
        ("1.5e5", 1.5e5),
        ("-1.5e-5", -1.5e-5),
        ("1.0e-400", 0.0),
        ("4.9e-324", 5.0e-324),
        ("2.0e-324", 0.0),
        ("1.7976931348623157e308", 1.7976931348623157e308),
        ("-0.0", -0.0),
        ("00001.5", 1.5),
        ("1.5e+0000000000000000001", 15.0),
        ("1.50000000000000000000000000000", 1.5),
    ];
    for &(text, f) in accepted {
        let t = c.dec(&float_ext(text));
        assert_eq!(t.as_float().map(f64::to_bits), Some(f.to_bits()), "{text}");
    }
    let mut after_nul = float_ext("1.5");
    after_nul[6..9].copy_from_slice(b"xyz");
    assert_eq!(c.dec(&after_nul).as_float(), Some(1.5));
    let rejected = [
        "1.5e", "1.5e+", "1.8e308", "1..5", "  1.5", "\t1.5", "1.5e+1x", "1.5 ", "1.5x", "15",
        "inf", "nan", "1e400", "0x10", "", ".5", "1e5", "5.",
    ];
    for text in rejected {
        assert!(
            matches!(c.try_dec(&float_ext(text)), Err(EtfError::BadValue { .. })),
            "{text:?}"
        );
    }
    let mut full = vec![131, 99];
    full.resize(2 + 31, b'1');
    assert!(c.try_dec(&full).is_err());
}

#[test]
fn node_bound_terms_of_other_nodes() {
    let mut c = cx();
    // OTP 25 accepts all of these as pids of some node; this VM has no
    // other nodes.
    let other = with_node(
        &[131, 88],
        b"\x64\x00\x03a@b",
        &[0, 0, 0, 80, 0, 0, 0, 0, 0, 0, 0, 0],
    );
    assert_eq!(c.try_dec(&other), Err(EtfError::Unsupported { tag: 88 }));
    let creation = with_node(&[131, 88], NODE, &[0, 0, 0, 80, 0, 0, 0, 0, 0, 0, 0, 1]);
    assert_eq!(c.try_dec(&creation), Err(EtfError::Unsupported { tag: 88 }));
    let other = with_node(
        &[131, 90, 0, 1],
        b"\x64\x00\x03a@b",
        &[0, 0, 0, 0, 0, 0, 0, 7],
    );
    assert_eq!(c.try_dec(&other), Err(EtfError::Unsupported { tag: 90 }));
    let other = with_node(&[131, 89], b"\x64\x00\x03a@b", &[0, 0, 0, 0, 0, 0, 0, 0]);
    assert_eq!(c.try_dec(&other), Err(EtfError::Unsupported { tag: 89 }));
    // OTP 25 rejects these outright.
    let not_atom = [131, 88, 97, 1, 0, 0, 0, 80, 0, 0, 0, 0, 0, 0, 0, 0];
    assert!(matches!(
        c.try_dec(&not_atom),
        Err(EtfError::BadTag { tag: 97, .. })
    ));
    let big = with_node(
        &[131, 88],
        NODE,
        &[255, 255, 255, 255, 255, 255, 255, 255, 0, 0, 0, 0],
    );
    assert!(c.try_dec(&big).is_err());
    let len0 = with_node(&[131, 90, 0, 0], NODE, &[0, 0, 0, 0]);
    assert!(matches!(c.try_dec(&len0), Err(EtfError::BadValue { .. })));
    let len6 = with_node(&[131, 90, 0, 6], NODE, &[0; 28]);
    assert!(matches!(c.try_dec(&len6), Err(EtfError::BadValue { .. })));
    let len5 = with_node(
        &[131, 90, 0, 5],
        NODE,
        &[
            0, 0, 0, 0, 0, 0, 0, 7, 0, 0, 0, 7, 0, 0, 0, 7, 0, 0, 0, 7, 0, 0, 0, 7,
        ],
    );
    assert!(c.try_dec(&len5).is_err());
    let w0 = with_node(
        &[131, 90, 0, 3],
        NODE,
        &[0, 0, 0, 0, 255, 255, 255, 255, 0, 0, 0, 1, 0, 0, 0, 2],
    );
    assert!(c.try_dec(&w0).is_err());
}

// ---------------------------------------------------------------------
// Round trips.

#[test]
fn round_trips() {
    let mut c = cx();
    let mut terms = vec![
        Term::NIL,
        Term::small(0),
        Term::small(-1),
        Term::pid(0),
        Term::pid(12345),
        Term::port(3),
    ];
    for n in [
        crate::term::MAX_SMALL as i128,
        crate::term::MIN_SMALL as i128,
        crate::term::MAX_SMALL as i128 + 1,
        crate::term::MIN_SMALL as i128 - 1,
        i64::MAX as i128,
        i64::MIN as i128,
        u64::MAX as i128,
        i128::MAX,
        i128::MIN + 1,
        1 << 31,
        -(1 << 31),
        (1 << 31) - 1,
    ] {
        terms.push(c.int(n));
    }
    for f in [
        0.0,
        -0.0,
        1.0,
        -2.5,
        1e-310,
        f64::MAX,
        f64::MIN_POSITIVE,
        core::f64::consts::PI,
    ] {
        terms.push(c.float(f));
    }
    for s in ["", "a", "ok", "hé", "€uro", "with space", "nonode@nohost"] {
        terms.push(c.atom(s));
    }
    terms.push(c.heap.string(b"hello world").unwrap());
    let t = c
        .heap
        .tuple(&[Term::small(1), Term::NIL, Term::small(2)])
        .unwrap();
    terms.push(t);
    let l = c
        .heap
        .list_from(&[Term::small(1000), t, Term::small(-3)], Term::small(7))
        .unwrap();
    terms.push(l);
    terms.push(c.reference(0));
    terms.push(c.reference(0xdead_beef_cafe_f00d));
    let b = c.bin(b"binary data");
    terms.push(b);
    terms.push(crate::binary::new_sub_binary(&mut c.heap, b, 5, 37).unwrap());
    let (k1, k2) = (c.atom("k1"), c.atom("k2"));
    let f = c.float(1.0);
    let m = c.map(&[
        (k1, l),
        (k2, t),
        (Term::small(1), f),
        (f, Term::small(1)),
        (b, Term::NIL),
    ]);
    terms.push(m);
    let all = c.heap.tuple(&terms).unwrap();
    terms.push(all);
    for t in terms {
        c.round_trip(t);
    }
}

// ---------------------------------------------------------------------
// Malformed input.

/// Valid encodings used as seeds for truncation and mutation.
fn corpus(c: &mut Cx) -> Vec<Vec<u8>> {
    let mut v: Vec<Vec<u8>> = vec![
        b"\x83\x64\x00\x05hello".to_vec(),
        vec![131, 119, 6, 104, 195, 169, 226, 130, 172],
        vec![131, 110, 10, 1, 35, 1, 239, 205, 171, 137, 103, 69, 35, 1],
        vec![131, 108, 0, 0, 0, 3, 97, 1, 97, 2, 98, 0, 0, 1, 44, 106],
        vec![131, 108, 0, 0, 0, 2, 97, 1, 97, 2, 109, 0, 0, 0, 0],
        vec![131, 77, 0, 0, 0, 3, 5, 1, 2, 24],
        vec![
            131, 80, 0, 0, 0, 23, 120, 156, 203, 102, 16, 97, 192, 2, 0, 11, 88, 0, 128,
        ],
        float_ext("1.50000000000000000000e+00"),
        OTP_MAP_KEYS.to_vec(),
        with_node(&[131, 88], NODE, &[0, 0, 0, 80, 0, 0, 0, 0, 0, 0, 0, 0]),
        with_node(
            &[131, 90, 0, 3],
            NODE,
            &[
                0, 0, 0, 0, 0, 3, 255, 255, 255, 255, 255, 255, 0, 0, 63, 255,
            ],
        ),
        with_node(&[131, 89], NODE, &[0, 0, 0, 0, 0, 0, 0, 0]),
    ];
    let mut big = vec![131, 111, 0, 0, 1, 0, 0];
    big.resize(7 + 256, 1);
    v.push(big);
    let mut gen = Rng(42);
    for _ in 0..40 {
        let t = gen.term(c, 3);
        v.push(c.enc(t));
        v.push(c.enc_with(t, MV0));
        v.push(c.enc_with(
            t,
            EncodeOptions {
                minor_version: 2,
                compression: 9,
            },
        ));
    }
    // Compressed seeds only where the build can inflate them.
    v.retain(|b| cfg!(feature = "inflate") || b[1] != 80);
    v
}

#[test]
fn every_truncation_fails_without_allocating() {
    let mut c = cx();
    for b in corpus(&mut c) {
        c.dec(&b);
        for k in 0..b.len() {
            let before = c.used();
            assert!(c.try_dec(&b[..k]).is_err(), "prefix {k} of {b:?}");
            assert!(decoded_words(&b[..k]).is_err());
            assert_eq!(c.used(), before);
        }
    }
}

#[test]
fn huge_counts_are_refused_before_allocating() {
    let mut c = cx();
    let cases: &[&[u8]] = &[
        &[131, 105, 255, 255, 255, 255, 106, 106, 106],
        &[131, 108, 255, 255, 255, 255, 106, 106, 106],
        &[131, 116, 255, 255, 255, 255, 106, 106, 106],
        &[131, 116, 128, 0, 0, 0, 106, 106, 106],
        &[131, 107, 255, 255, 1, 2, 3],
        &[131, 109, 255, 255, 255, 255, 1, 2, 3],
        &[131, 77, 255, 255, 255, 255, 3, 1, 2, 3],
        &[131, 111, 255, 255, 255, 255, 0, 1, 2, 3],
        &[131, 118, 255, 255, 97],
        &[131, 90, 255, 255, 100, 0, 1, 97, 0, 0, 0, 0],
        &[131, 80, 255, 255, 255, 255, 120, 156, 3, 0],
        &[131, 104, 255, 104, 255, 104, 255, 106],
    ];
    for &b in cases {
        let before = c.used();
        assert!(c.try_dec(b).is_err(), "{b:?}");
        assert_eq!(c.used(), before);
    }
}

#[test]
fn deep_nesting_needs_no_stack() {
    let mut c = cx();
    // Ten million nested 1-tuples, cut short: refused by the first pass.
    let depth = 10_000_000;
    let mut b = Vec::with_capacity(1 + 2 * depth);
    b.push(131);
    for _ in 0..depth {
        b.extend_from_slice(&[104, 1]);
    }
    let before = c.used();
    assert_eq!(c.try_dec(&b), Err(EtfError::Truncated { offset: b.len() }));
    assert_eq!(c.used(), before);
    // Completed, it decodes; and so do a million nested lists and maps.
    b.push(106);
    let t = c.dec(&b);
    assert_eq!(decoded_words(&b), Ok(2 * depth));
    let mut inner = t;
    for _ in 0..depth {
        inner = inner.as_tuple().unwrap()[0];
    }
    assert_eq!(inner, Term::NIL);
    assert_eq!(
        encoded_size(t, &c.atoms, EncodeOptions::DEFAULT),
        Ok(b.len())
    );
    let depth = 1_000_000;
    let mut b = vec![131];
    for _ in 0..depth {
        b.extend_from_slice(&[108, 0, 0, 0, 1]);
    }
    b.resize(b.len() + depth + 1, 106);
    let t = c.dec(&b);
    assert_eq!(c.enc(t), b);
    let mut b = vec![131];
    for _ in 0..depth {
        b.extend_from_slice(&[116, 0, 0, 0, 1, 97, 1]);
    }
    b.push(106);
    let t = c.dec(&b);
    assert_eq!(c.enc(t), b);
    assert!(c.eq(t, t));
}

/// xorshift64*: a tiny deterministic generator for property tests.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn byte(&mut self) -> u8 {
        // Bias towards tags, small counts and extremes.
        const SPECIAL: [u8; 16] = [
            0, 1, 2, 255, 97, 98, 100, 104, 106, 107, 108, 109, 110, 116, 119, 131,
        ];
        if self.below(3) == 0 {
            SPECIAL[self.below(SPECIAL.len())]
        } else {
            self.next() as u8
        }
    }

    /// A random term of at most `depth` levels.
    fn term(&mut self, c: &mut Cx, depth: u32) -> Term {
        let leaf = depth == 0 || self.below(3) == 0;
        match if leaf {
            self.below(9)
        } else {
            9 + self.below(4)
        } {
            0 => Term::small(self.next() as i8 as isize),
            1 => {
                let n = (self.next() as i128) << self.below(64);
                c.int(n)
            }
            2 => {
                let f = f64::from_bits(self.next());
                c.float(if f.is_finite() { f } else { 0.5 })
            }
            3 => {
                const NAMES: [&str; 6] = ["a", "ok", "hé", "€", "longer_atom_name", ""];
                let s = NAMES[self.below(NAMES.len())];
                c.atom(s)
            }
            4 => Term::NIL,
            5 => {
                let s: Vec<u8> = (0..self.below(20)).map(|_| self.next() as u8).collect();
                c.heap.string(&s).unwrap()
            }
            6 => {
                let s: Vec<u8> = (0..self.below(40)).map(|_| self.next() as u8).collect();
                let b = c.bin(&s);
                let bits = 8 * s.len();
                if bits > 0 && self.below(2) == 0 {
                    let off = self.below(bits);
                    let len = self.below(bits - off + 1);
                    crate::binary::new_sub_binary(&mut c.heap, b, off, len).unwrap()
                } else {
                    b
                }
            }
            7 => match self.below(3) {
                0 => Term::pid(self.below(1 << 20)),
                1 => Term::port(self.below(1 << 20)),
                _ => {
                    let id = self.next();
                    c.reference(id)
                }
            },
            8 => Term::small(self.below(256) as isize),
            9 => {
                let elems: Vec<Term> = (0..self.below(5))
                    .map(|_| self.term(c, depth - 1))
                    .collect();
                c.heap.tuple(&elems).unwrap()
            }
            10 => {
                let elems: Vec<Term> = (0..self.below(5))
                    .map(|_| self.term(c, depth - 1))
                    .collect();
                let tail = if self.below(4) == 0 {
                    self.term(c, 0)
                } else {
                    Term::NIL
                };
                c.heap.list_from(&elems, tail).unwrap()
            }
            11 => {
                let pairs: Vec<(Term, Term)> = (0..self.below(5))
                    .map(|_| (self.term(c, depth - 1), self.term(c, depth - 1)))
                    .collect();
                c.map(&pairs)
            }
            _ => {
                let bytes: Vec<Term> = (0..self.below(10))
                    .map(|_| Term::small(self.below(256) as isize))
                    .collect();
                c.heap.list_from(&bytes, Term::NIL).unwrap()
            }
        }
    }
}

#[test]
fn random_terms_round_trip() {
    let mut c = cx();
    let mut rng = Rng(7);
    for _ in 0..3000 {
        let t = rng.term(&mut c, 4);
        c.round_trip(t);
    }
}

/// Decodes arbitrary bytes: must not panic, must allocate no more than
/// twice the input's length in words, and what decodes must re-encode to
/// something that decodes to an equal term.
/// Returns whether it decoded.
fn check_arbitrary(b: &[u8]) -> bool {
    let mut c = cx();
    let Ok((t, n)) = c.try_dec(b) else {
        return false;
    };
    assert!(n <= b.len());
    let e = c.enc(t);
    let u = c.dec(&e);
    assert!(c.eq(t, u), "{b:?}");
    assert_eq!(c.enc(u), e);
    true
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(0x1234_5678);
    let mut decoded = 0;
    for _ in 0..100_000 {
        let n = rng.below(40);
        let mut b = vec![131];
        b.extend((0..n).map(|_| rng.byte()));
        decoded += check_arbitrary(&b) as u32;
    }
    // About 7% decode (seeded, so this is fixed).
    assert!(decoded > 3_000, "{decoded}");
}

#[test]
fn random_mutations_never_panic() {
    let mut c = cx();
    let seeds = corpus(&mut c);
    let mut rng = Rng(99);
    let mut decoded = 0;
    for _ in 0..100_000 {
        let mut b = seeds[rng.below(seeds.len())].clone();
        for _ in 0..1 + rng.below(3) {
            let i = rng.below(b.len().max(1));
            match rng.below(6) {
                0 if !b.is_empty() => b[i] = rng.byte(),
                1 if !b.is_empty() => b[i] ^= 1 << rng.below(8),
                2 => b.insert(i.min(b.len()), rng.byte()),
                3 if !b.is_empty() => {
                    b.remove(i);
                }
                4 => b.truncate(i),
                _ if i + 4 <= b.len() => b[i..i + 4].copy_from_slice(&[255, 255, 255, 255]),
                _ => {}
            }
        }
        decoded += check_arbitrary(&b) as u32;
    }
    // About 15% decode (seeded, so this is fixed).
    assert!(decoded > 8_000, "{decoded}");
}

#[test]
fn exact_literal_area() {
    // The loader sizes a heap with decoded_words and decodes into it: the
    // term fills the block exactly, with no fragment.
    let mut c = cx();
    let seeds = corpus(&mut c);
    let total: usize = seeds.iter().map(|b| decoded_words(b).unwrap()).sum();
    let mut heap = Heap::new(total).unwrap();
    for b in &seeds {
        decode(b, &mut heap, &mut c.atoms).unwrap();
    }
    assert_eq!((heap.free(), heap.fragment_words()), (0, 0));
}

#[test]
fn full_atom_table_is_an_error() {
    let mut c = Cx {
        heap: Heap::new(64).unwrap(),
        atoms: AtomTable::new(crate::term::atom::PREDEFINED.len()),
    };
    assert_eq!(c.try_dec(b"\x83\x64\x00\x02ok").map(|(_, n)| n), Ok(6));
    assert_eq!(
        c.try_dec(b"\x83\x68\x01\x64\x00\x03neu"),
        Err(EtfError::AtomTableFull)
    );
}

#[test]
fn errors_display() {
    use alloc::format;
    assert_eq!(
        format!("{}", EtfError::Truncated { offset: 3 }),
        "external term truncated at byte 3"
    );
    assert_eq!(
        format!("{}", EtfError::Unsupported { tag: 112 }),
        "unsupported external term (tag 112)"
    );
}

/// Whether `t` holds a large map (a hash trie) anywhere.
fn has_trie(t: Term) -> bool {
    let mut todo = alloc::vec![t];
    while let Some(t) = todo.pop() {
        if t.boxed_tag() == Some(HeaderTag::HashMap) {
            return true;
        }
        if let Some((h, tl)) = t.as_cons() {
            todo.extend([h, tl]);
        } else if let Some(e) = t.as_tuple() {
            todo.extend_from_slice(e);
        } else {
            crate::map::for_each_pair(t, |k, v| todo.extend([k, v]));
        }
    }
    false
}

/// OTP 25's `term_to_binary(maps:from_list([{I, I} || I <- lists:seq(1, 34)]))`:
/// its pairs in hash-trie order.
#[cfg_attr(not(feature = "hash-maps"), allow(dead_code))]
const OTP_MAP_34: [u8; 142] = [
    131, 116, 0, 0, 0, 34, 97, 33, 97, 33, 97, 12, 97, 12, 97, 23, 97, 23, 97, 29, 97, 29, 97, 30,
    97, 30, 97, 26, 97, 26, 97, 31, 97, 31, 97, 11, 97, 11, 97, 9, 97, 9, 97, 32, 97, 32, 97, 34,
    97, 34, 97, 25, 97, 25, 97, 28, 97, 28, 97, 6, 97, 6, 97, 13, 97, 13, 97, 20, 97, 20, 97, 15,
    97, 15, 97, 14, 97, 14, 97, 2, 97, 2, 97, 7, 97, 7, 97, 1, 97, 1, 97, 8, 97, 8, 97, 3, 97, 3,
    97, 17, 97, 17, 97, 22, 97, 22, 97, 21, 97, 21, 97, 4, 97, 4, 97, 24, 97, 24, 97, 10, 97, 10,
    97, 27, 97, 27, 97, 19, 97, 19, 97, 5, 97, 5, 97, 18, 97, 18, 97, 16, 97, 16,
];

#[test]
#[cfg(feature = "hash-maps")] // asserts the trie representation
fn large_maps_decode_to_tries_and_encode_in_key_order() {
    let mut c = cx();
    let m = c.dec(&OTP_MAP_34);
    assert_eq!(m.boxed_tag(), Some(HeaderTag::HashMap));
    assert_eq!(crate::map::size(m), Some(34));
    for i in 1..=34 {
        assert_eq!(
            crate::map::get(m, Term::small(i), &c.atoms),
            Some(Term::small(i))
        );
    }
    let pairs: alloc::vec::Vec<(Term, Term)> =
        (1..=34).map(|i| (Term::small(i), Term::small(i))).collect();
    let built = c.map(&pairs);
    assert!(c.eq(m, built));
    // Written in key order, unlike OTP.
    let mut sorted = alloc::vec![131, 116, 0, 0, 0, 34];
    for i in 1..=34u8 {
        sorted.extend_from_slice(&[97, i, 97, i]);
    }
    assert_eq!(c.enc(m), sorted);
    assert_eq!(c.dec(&sorted).boxed_tag(), Some(HeaderTag::HashMap));
    c.round_trip(m);
}

#[test]
#[cfg(feature = "hash-maps")] // asserts the trie representation
fn large_maps_nested_as_keys_and_values_round_trip() {
    let mut c = cx();
    let inner: alloc::vec::Vec<(Term, Term)> =
        (0..40).map(|i| (Term::small(i), Term::small(-i))).collect();
    let inner = c.map(&inner);
    let mut outer: alloc::vec::Vec<(Term, Term)> =
        (0..50).map(|i| (Term::small(i), inner)).collect();
    outer.push((inner, Term::NIL));
    let outer = c.map(&outer);
    let t = c.heap.tuple(&[outer, inner]).unwrap();
    c.round_trip(t);
    let u = c.dec(&c.enc(t).to_vec());
    let (o, i) = (u.as_tuple().unwrap()[0], u.as_tuple().unwrap()[1]);
    assert_eq!(o.boxed_tag(), Some(HeaderTag::HashMap));
    assert_eq!(crate::map::get(o, i, &c.atoms), Some(Term::NIL));
}

#[test]
fn safe_decoding_refuses_only_new_atoms() {
    let mut c = cx();
    let safe = DecodeOptions { safe: true };
    let known = b"\x83\x68\x02\x64\x00\x02ok\x77\x02ok";
    let (t, _) = decode_opts(known, &mut c.heap, &mut c.atoms, None, safe).unwrap();
    assert_eq!(t.as_tuple().map(<[Term]>::len), Some(2));
    let before = c.atoms.len();
    let new = b"\x83\x68\x02\x64\x00\x02ok\x64\x00\x08zq_never";
    assert_eq!(
        decode_opts(new, &mut c.heap, &mut c.atoms, None, safe).map(|(_, n)| n),
        Err(EtfError::NewAtom { offset: 8 })
    );
    assert_eq!(c.atoms.len(), before);
    // Latin-1 names are looked up by their UTF-8 form.
    c.atom("hé");
    let latin1 = b"\x83\x64\x00\x02h\xe9";
    assert!(decode_opts(latin1, &mut c.heap, &mut c.atoms, None, safe).is_ok());
    assert!(decode(new, &mut c.heap, &mut c.atoms).is_ok());
    assert_eq!(c.atoms.len(), before + 2);
}
