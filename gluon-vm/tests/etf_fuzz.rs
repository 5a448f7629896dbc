//! Property test of `binary_to_term`'s decoder on hostile input: random
//! bytes, mutations of valid encodings, and hand-made worst cases (deep
//! nesting, huge counts, compression bombs). For every input it must not
//! panic, must finish quickly, and must allocate — counting every byte the
//! process allocates, not just heap words — no more than a fixed bound
//! proportional to the input (to the declared inflated size for
//! compressed input, which the decoder itself caps at what zlib can
//! produce from the compressed bytes).
//!
//! This file is its own test binary so that its counting allocator sees
//! only this test's allocations; the one test runs the phases in turn.

use gluon_vm::etf::{decode_opts, decoded_words, encode, DecodeOptions, EncodeOptions, EtfError};
use gluon_vm::heap::Heap;
use gluon_vm::term::{exact_eq, AtomTable};
use std::time::{Duration, Instant};

mod common;
use common::counting::{measure, Counting};

#[global_allocator]
static A: Counting = Counting;

const W: usize = std::mem::size_of::<usize>();
/// Words of the heap each decode starts with.
const HEAP_WORDS: usize = 256;
/// Fixed allowance: the inflater's state, the atom table's growth by a
/// few atoms, bookkeeping.
const SLACK: usize = 96 * 1024;
/// The slowest acceptable decode: linear in the input, generously (debug
/// builds, loaded CI machines); a loop that does not end, or work that
/// grows faster than the input, fails it.
fn max_time(len: usize) -> Duration {
    Duration::from_secs(1) + Duration::from_micros(10) * len.min(1 << 30) as u32
}

/// The input length the decoder's memory may be proportional to.
fn effective_len(b: &[u8]) -> usize {
    match b {
        [131, 80, s @ ..] if s.len() >= 4 => {
            (u32::from_be_bytes([s[0], s[1], s[2], s[3]]) as usize).saturating_add(b.len())
        }
        _ => b.len(),
    }
}

struct Outcome {
    decoded: bool,
}

/// Decodes `b` (with and without `safe`) under the allocation and time
/// bounds; re-encodes what decodes and checks it decodes back equal.
fn check(b: &[u8], atoms: &mut AtomTable) -> Outcome {
    let bound = SLACK.saturating_add(effective_len(b).saturating_mul(4 * W));
    let mut decoded = false;
    for safe in [false, true] {
        let charged = gluon_vm::memory::used();
        let mut heap = Heap::new(HEAP_WORDS).expect("heap");
        let ((words, r, took), _, extra) = measure(|| {
            let start = Instant::now();
            let words = decoded_words(b);
            let r = decode_opts(b, &mut heap, atoms, None, DecodeOptions { safe });
            (words, r, start.elapsed())
        });
        let extra = extra as usize;
        assert!(
            extra <= bound,
            "{extra} bytes allocated for {} input bytes: {:?}",
            b.len(),
            &b[..b.len().min(64)]
        );
        // The VM's own account of term memory: the heap, plus at most two
        // words per (inflated) input byte for the term.
        let term_bytes = gluon_vm::memory::used() - charged;
        assert!(
            term_bytes
                <= (HEAP_WORDS + 8)
                    .saturating_add(effective_len(b).saturating_mul(2))
                    .saturating_mul(W),
            "{term_bytes} bytes of terms for {} input bytes",
            b.len()
        );
        assert!(
            took < max_time(effective_len(b)),
            "{took:?} for {:?}",
            &b[..b.len().min(64)]
        );
        match r {
            Ok((t, used)) => {
                assert!(used <= b.len());
                assert!(words.is_ok(), "decoded what validation refused");
                decoded = true;
                let again = encode(t, atoms, EncodeOptions::DEFAULT).expect("re-encode");
                let mut heap2 = Heap::new(HEAP_WORDS).expect("heap");
                let (u, n) = decode_opts(&again, &mut heap2, atoms, None, DecodeOptions::default())
                    .expect("decode re-encoded");
                assert_eq!(n, again.len());
                assert!(exact_eq(t, u, atoms));
            }
            // `safe` refuses only atoms that do not exist.
            Err(EtfError::NewAtom { .. }) => assert!(safe),
            Err(_) => {}
        }
        drop(heap);
        assert_eq!(
            gluon_vm::memory::used(),
            charged,
            "term memory not given back"
        );
    }
    Outcome { decoded }
}

/// xorshift64*: a small deterministic generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn byte(&mut self) -> u8 {
        self.next() as u8
    }
}

/// Appends a random valid term encoding (no version byte).
fn term(rng: &mut Rng, out: &mut Vec<u8>, depth: u32) {
    let leaf = depth == 0 || rng.below(3) == 0;
    let kind = if leaf { rng.below(9) } else { 9 + rng.below(4) };
    match kind {
        0 => out.extend([97, rng.byte()]),
        1 => {
            out.push(98);
            out.extend(&(rng.next() as i32).to_be_bytes());
        }
        2 => {
            let n = 1 + rng.below(20);
            out.extend([110, n as u8, rng.below(2) as u8]);
            out.extend((0..n - 1).map(|_| rng.byte()));
            out.push(1 + rng.byte() % 255); // no high zero byte
        }
        3 => {
            out.push(70);
            let f = f64::from_bits(rng.next());
            out.extend(
                &(if f.is_finite() { f } else { 1.5 })
                    .to_bits()
                    .to_be_bytes(),
            );
        }
        4 => {
            let names: [&[u8]; 5] = [b"ok", b"fuzz_atom", b"", "h\u{e9}".as_bytes(), b"error"];
            let name = names[rng.below(names.len())];
            out.extend([119, name.len() as u8]);
            out.extend(name);
        }
        5 => out.push(106),
        6 => {
            let n = rng.below(30);
            out.push(107);
            out.extend(&(n as u16).to_be_bytes());
            out.extend((0..n).map(|_| rng.byte()));
        }
        7 => {
            let n = rng.below(30);
            out.push(109);
            out.extend(&(n as u32).to_be_bytes());
            out.extend((0..n).map(|_| rng.byte()));
        }
        8 => {
            let n = 1 + rng.below(8);
            let bits = 1 + rng.below(7) as u8;
            out.push(77);
            out.extend(&(n as u32).to_be_bytes());
            out.push(bits);
            out.extend((0..n - 1).map(|_| rng.byte()));
            out.push(rng.byte() & (0xFF << (8 - bits)));
        }
        9 => {
            let n = rng.below(5);
            out.extend([104, n as u8]);
            for _ in 0..n {
                term(rng, out, depth - 1);
            }
        }
        10 => {
            let n = rng.below(5);
            out.push(108);
            out.extend(&(n as u32).to_be_bytes());
            for _ in 0..=n {
                term(rng, out, depth - 1);
            }
        }
        _ => {
            // Distinct integer keys, so that the map is valid.
            let n = rng.below(5);
            out.push(116);
            out.extend(&(n as u32).to_be_bytes());
            for k in 0..n {
                out.extend([97, k as u8]);
                term(rng, out, depth - 1);
            }
        }
    }
}

fn valid(rng: &mut Rng) -> Vec<u8> {
    let mut b = vec![131];
    term(rng, &mut b, 4);
    b
}

fn mutate(rng: &mut Rng, b: &mut Vec<u8>) {
    for _ in 0..1 + rng.below(3) {
        let i = rng.below(b.len());
        match rng.below(7) {
            0 if !b.is_empty() => b[i] = rng.byte(),
            1 if !b.is_empty() => b[i] ^= 1 << rng.below(8),
            2 => b.insert(i.min(b.len()), rng.byte()),
            3 if !b.is_empty() => {
                b.remove(i);
            }
            4 => b.truncate(i),
            5 if i + 4 <= b.len() => b[i..i + 4].copy_from_slice(&[255, 255, 255, 255]),
            _ if i + 4 <= b.len() => b[i..i + 4].copy_from_slice(&[0, 0, 255, 255]),
            _ => {}
        }
    }
}

/// zlib-wraps `plain` (a version byte and a term) as `COMPRESSED` input.
fn compressed(plain: &[u8]) -> Vec<u8> {
    let z = miniz_oxide::deflate::compress_to_vec_zlib(&plain[1..], 6);
    let mut b = vec![131, 80];
    b.extend(&((plain.len() - 1) as u32).to_be_bytes());
    b.extend(z);
    b
}

/// Inputs built to hurt: deep nesting, counts far beyond the bytes,
/// compressed data that inflates a lot or lies about its size.
fn worst_cases() -> Vec<Vec<u8>> {
    let mut v = Vec::new();
    // Deeply nested 1-tuples and lists (no recursion may follow them).
    let mut deep = vec![131];
    for _ in 0..100_000 {
        deep.extend([104, 1]);
    }
    deep.push(106);
    v.push(deep);
    let mut deep = vec![131];
    for _ in 0..50_000 {
        deep.extend([108, 0, 0, 0, 1]);
    }
    deep.resize(deep.len() + 50_001, 106);
    v.push(deep);
    // Counts that claim far more elements or bytes than follow.
    for tag in [104u8, 105, 107, 108, 109, 110, 111, 116, 77] {
        let mut b = vec![131, tag, 255, 255, 255, 255];
        b.extend([97, 1, 97, 2]);
        v.push(b);
    }
    // A bomb: 200 KB of zeros as a binary, compressed to a few hundred bytes.
    let mut plain = vec![131, 109];
    plain.extend(&(200_000u32).to_be_bytes());
    plain.resize(plain.len() + 200_000, 0);
    let bomb = compressed(&plain);
    v.push(bomb.clone());
    // The same bytes declaring sizes they cannot reach or exceed.
    for size in [0u32, 1, 199_999, 200_006, u32::MAX] {
        let mut b = bomb.clone();
        b[2..6].copy_from_slice(&size.to_be_bytes());
        v.push(b);
    }
    // Compressed inside compressed is not ETF.
    v.push(compressed(&compressed(&[131, 97, 1])));
    v
}

#[test]
fn binary_to_term_survives_hostile_input() {
    let mut atoms = AtomTable::new(1 << 16);
    for name in ["ok", "error", "fuzz_atom"] {
        atoms.intern(name).unwrap();
    }

    for b in worst_cases() {
        check(&b, &mut atoms);
    }

    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut decoded = 0;
    for _ in 0..8_000 {
        let n = rng.below(48);
        let mut b = vec![131];
        b.extend((0..n).map(|_| rng.byte()));
        decoded += check(&b, &mut atoms).decoded as u32;
    }
    assert!(decoded > 80, "random bytes: only {decoded} decoded");

    let (mut decoded, mut total) = (0, 0);
    for i in 0..8_000 {
        let mut b = valid(&mut rng);
        if i % 10 == 0 {
            b = compressed(&b);
        }
        let intact = check(&b, &mut atoms);
        assert!(intact.decoded, "valid input refused: {b:?}");
        mutate(&mut rng, &mut b);
        decoded += check(&b, &mut atoms).decoded as u32;
        total += 1;
    }
    // A fair share of mutants still decode: the mutations reach deep.
    assert!(
        decoded > total / 20,
        "mutants: {decoded} of {total} decoded"
    );
}
