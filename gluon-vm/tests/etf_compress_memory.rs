//! The working memory `term_to_binary(T, [compressed])` needs, counted by
//! a global allocator: a short term must not cost zlib's fixed 64 KB of
//! hash heads (a device with 64 KB of RAM could never compress), a long
//! one costs what zlib's state costs.
//!
//! Its own test binary, so that the counting allocator
//! (`common/counting.rs`) sees only this test's allocations.

use gluon_vm::etf::{decode, encode, EncodeOptions};
use gluon_vm::heap::Heap;
use gluon_vm::term::AtomTable;

mod common;
use common::counting::{measure, Counting};

#[global_allocator]
static A: Counting = Counting;

/// Bytes allocated at the peak of compressing a binary of `n` bytes of
/// text-like data at level 6, beyond what was live before.
fn peak_for(n: usize, atoms: &mut AtomTable) -> usize {
    let mut s: u32 = 7;
    let data: Vec<u8> = (0..n)
        .map(|_| {
            s = s.wrapping_mul(1664525).wrapping_add(1013904223);
            b"sensor reading 0123456789,;\n"[(s >> 24) as usize % 28]
        })
        .collect();
    let mut etf = vec![131, 109];
    etf.extend_from_slice(&(n as u32).to_be_bytes());
    etf.extend_from_slice(&data);
    let mut heap = Heap::new(n / 4 + 64).expect("heap");
    let (t, _) = decode(&etf, &mut heap, atoms).expect("decode");
    let opts = EncodeOptions {
        compression: 6,
        ..EncodeOptions::DEFAULT
    };
    let (out, _, peak) = measure(|| encode(t, atoms, opts).expect("encode"));
    assert!(
        out.len() < etf.len(),
        "compressed {n} bytes to {}",
        out.len()
    );
    peak as usize
}

#[test]
fn short_terms_compress_in_little_memory() {
    let mut atoms = AtomTable::new(1 << 20);
    let short = peak_for(200, &mut atoms);
    let kb = peak_for(2000, &mut atoms);
    let long = peak_for(100_000, &mut atoms);
    println!("peak working memory: 200 B {short}, 2 KB {kb}, 100 KB {long}");
    // Trees (about 7 KB), then per input byte the window, the chains,
    // the heads and the symbol buffer: with zlib's fixed 64 KB of heads
    // these were 75 KB and 89 KB.
    assert!(short < 16 * 1024, "{short} bytes for a 200-byte term");
    assert!(kb < 48 * 1024, "{kb} bytes for a 2 KB term");
    // A long input has zlib's whole state (window, chains, heads), the
    // symbol buffers and the encoding being compressed.
    assert!(long < 256 * 1024 + 3 * 100_000, "{long} bytes for 100 KB");
}
