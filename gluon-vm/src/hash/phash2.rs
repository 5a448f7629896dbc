//! `erlang:phash2/1,2`: the BEAM's portable term hash.
//!
//! The hash is a 32-bit state threaded through a walk of the term in
//! prefix order. Leaves are folded in with Bob Jenkins' `mix` (his 1996
//! "lookup2" hash); each kind of term adds its own constant (multiples of
//! the golden ratio `0x9e3779b9`) so that, say, an integer and a pid with
//! the same number hash differently. Facts that fix the values (all
//! checked against OTP 25, 27 and 29):
//!
//! - integers in -2^27..2^27 hash as a signed 32-bit value (negative ones
//!   twice); all others, small or big, as their magnitude in 64-bit limbs
//!   (low half, high half) with a constant for the sign, so the word size
//!   of the machine never shows;
//! - an atom is its name hash ([`super::atom_name_hash`]), used raw when it
//!   is the first thing hashed; `[]` likewise has a fixed first value;
//! - runs of byte-valued list elements are packed four to a word;
//! - binaries are hashed with lookup2's block function, with a final step
//!   for the bits of a partial last byte;
//! - a map hashes each key-value pair from a zero state and combines the
//!   pair hashes with xor, so pair order does not matter;
//! - floats hash their IEEE bits, with -0.0 taken as 0.0;
//! - pids hash their number (not the serial), ports their 64-bit number,
//!   references their first id word, export funs their module, function
//!   and arity, closures their module, index, uniq and captured values.
//!
//! The walk keeps pending work on an explicit stack, so deep terms cannot
//! exhaust the machine stack.

use super::atom_name_hash;
use crate::heap::OutOfMemory;
use crate::term::{AtomTable, HeaderTag, Term};
use alloc::vec::Vec;

/// The golden-ratio constant of lookup2, and its multiples by 2..=19
/// (mod 2^32) that tag each kind of leaf.
const fn golden(k: u32) -> u32 {
    0x9e37_79b9u32.wrapping_mul(k)
}
const K_SMALL: u32 = golden(1);
const K_NIL: u32 = golden(2);
const K_ATOM: u32 = golden(3);
const K_BYTES: u32 = golden(4);
const K_PID: u32 = golden(5);
const K_PORT: u32 = golden(6);
const K_REF: u32 = golden(7);
const K_TUPLE: u32 = golden(9);
const K_NEG_BIG: u32 = golden(10);
const K_POS_BIG: u32 = golden(11);
const K_FLOAT: u32 = golden(12);
const K_BINARY: u32 = golden(13);
const K_FUNCTION: u32 = golden(14);
const K_BIT_TAIL: u32 = golden(15);
const K_MAP: u32 = golden(16);
const K_MAP_PAIRS: u32 = golden(19);

/// The first value of a hash that starts with `[]` (the BEAM's constant).
const NIL_FIRST: u32 = 3_468_870_702;
/// `[]` mixed into a running hash is the BEAM's type code for nil.
const NIL_CODE: u32 = 2;

/// lookup2's `mix`: three rounds that spread every input bit over `c`.
#[inline]
fn mix(a: u32, b: u32, c: u32) -> u32 {
    mix3(a, b, c).2
}

/// Folds two 32-bit values, tagged by `k`, into `h`.
#[inline]
fn fold2(h: u32, x: u32, y: u32, k: u32) -> u32 {
    mix(k.wrapping_add(x), k.wrapping_add(y), h)
}

/// Folds one 32-bit value, tagged by `k`, into `h`.
#[inline]
fn fold(h: u32, x: u32, k: u32) -> u32 {
    fold2(h, x, 0, k)
}

/// lookup2's block hash of `len` bytes with initial value `init`, reading
/// the bytes from an iterator (so that unaligned bitstrings need no copy).
fn block_hash(bytes: impl Iterator<Item = u8>, len: usize, init: u32) -> u32 {
    let (mut a, mut b, mut c) = (golden(1), golden(1), init);
    let mut block = [0u8; 12];
    let mut n = 0;
    let word = |bytes: &[u8]| u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
    for byte in bytes {
        block[n] = byte;
        n += 1;
        if n == 12 {
            a = a.wrapping_add(word(&block[0..4]));
            b = b.wrapping_add(word(&block[4..8]));
            c = c.wrapping_add(word(&block[8..12]));
            // `mix` returns `c`; the full state is needed between blocks.
            (a, b, c) = mix3(a, b, c);
            n = 0;
        }
    }
    // The length (truncated to 32 bits, as on the BEAM) goes into `c`,
    // whose low byte the tail therefore skips.
    c = c.wrapping_add(len as u32);
    block[n..].fill(0);
    a = a.wrapping_add(word(&block[0..4]));
    b = b.wrapping_add(word(&block[4..8]));
    c = c.wrapping_add(word(&block[8..12]) << 8);
    mix(a, b, c)
}

/// [`mix`] returning the whole state.
#[inline]
fn mix3(mut a: u32, mut b: u32, mut c: u32) -> (u32, u32, u32) {
    a = a.wrapping_sub(b).wrapping_sub(c) ^ (c >> 13);
    b = b.wrapping_sub(c).wrapping_sub(a) ^ (a << 8);
    c = c.wrapping_sub(a).wrapping_sub(b) ^ (b >> 13);
    a = a.wrapping_sub(b).wrapping_sub(c) ^ (c >> 12);
    b = b.wrapping_sub(c).wrapping_sub(a) ^ (a << 16);
    c = c.wrapping_sub(a).wrapping_sub(b) ^ (b >> 5);
    a = a.wrapping_sub(b).wrapping_sub(c) ^ (c >> 3);
    b = b.wrapping_sub(c).wrapping_sub(a) ^ (a << 10);
    c = c.wrapping_sub(a).wrapping_sub(b) ^ (b >> 15);
    (a, b, c)
}

/// Work left in the walk.
enum Work {
    /// A term still to hash.
    Term(Term),
    /// The key and value of a map pair are hashed: fold the pair hash into
    /// the xor of pairs and start the next pair from zero.
    PairDone,
    /// All pairs of a map are hashed: restore the enclosing state and fold
    /// the xor of the pairs into it.
    MapDone { hash: u32, pairs: u32 },
}

/// The BEAM's `phash2` hash of `term` (all 32 bits; `phash2/1` keeps the
/// low 27).
///
/// # Errors
/// `OutOfMemory` if the work stack cannot grow.
pub fn phash2(term: Term, atoms: &AtomTable) -> Result<u32, OutOfMemory> {
    let mut h = Hasher {
        hash: 0,
        pairs: 0,
        stack: Vec::new(),
        atoms,
    };
    h.run(term)?;
    Ok(h.hash)
}

struct Hasher<'a> {
    hash: u32,
    /// Xor of the pair hashes of the innermost map being hashed.
    pairs: u32,
    stack: Vec<Work>,
    atoms: &'a AtomTable,
}

impl Hasher<'_> {
    fn push(&mut self, w: Work) -> Result<(), OutOfMemory> {
        self.stack.try_reserve(1).map_err(|_| OutOfMemory)?;
        self.stack.push(w);
        Ok(())
    }

    fn run(&mut self, first: Term) -> Result<(), OutOfMemory> {
        let mut next = Some(first);
        loop {
            if let Some(t) = next.take() {
                next = self.term(t)?;
                continue;
            }
            match self.stack.pop() {
                None => return Ok(()),
                Some(Work::Term(t)) => next = Some(t),
                Some(Work::PairDone) => {
                    self.pairs ^= self.hash;
                    self.hash = 0;
                }
                Some(Work::MapDone { hash, pairs }) => {
                    self.hash = fold(hash, self.pairs, K_MAP_PAIRS);
                    self.pairs = pairs;
                }
            }
        }
    }

    /// Hashes one term, or its first part, returning the next term to
    /// hash at once (the rest of it waits on the stack).
    fn term(&mut self, t: Term) -> Result<Option<Term>, OutOfMemory> {
        let h = self.hash;
        if let Some(n) = t.as_small() {
            self.hash = integer_small(h, n as i64);
        } else if let Some(a) = t.as_atom() {
            let v = atom_name_hash(self.atoms.name(a).as_bytes());
            self.hash = if h == 0 { v } else { fold(h, v, K_ATOM) };
        } else if t.is_nil() {
            self.hash = if h == 0 {
                NIL_FIRST
            } else {
                fold(h, NIL_CODE, K_NIL)
            };
        } else if t.is_list() {
            return self.list(t);
        } else if t.is_pid() {
            // Only the number: the serial (bits above 32) is not hashed.
            self.hash = fold(h, t.pid_index() as u32, K_PID);
        } else if t.is_port() {
            let n = t.port_index() as u64;
            self.hash = fold2(h, n as u32, (n >> 32) as u32, K_PORT);
        } else if t.is_boxed() {
            return self.boxed(t);
        }
        Ok(None)
    }

    fn list(&mut self, mut t: Term) -> Result<Option<Term>, OutOfMemory> {
        let (mut packed, mut count) = (0u32, 0);
        while let Some((head, tail)) = t.as_cons() {
            let Some(byte @ 0..=255) = head.as_small() else {
                break;
            };
            packed = (packed << 8) | byte as u32;
            count += 1;
            if count == 4 {
                self.hash = fold(self.hash, packed, K_BYTES);
                (packed, count) = (0, 0);
            }
            t = tail;
        }
        if count > 0 {
            self.hash = fold(self.hash, packed, K_BYTES);
        }
        match t.as_cons() {
            // A head that is not a byte: hash it, then the rest.
            Some((head, tail)) => {
                self.push(Work::Term(tail))?;
                Ok(Some(head))
            }
            // The tail: `[]` or an improper tail.
            None => Ok(Some(t)),
        }
    }

    fn boxed(&mut self, t: Term) -> Result<Option<Term>, OutOfMemory> {
        let h = self.hash;
        match t.boxed_header().header_tag() {
            HeaderTag::Tuple => {
                let elems = t.boxed_body();
                self.hash = fold(h, elems.len() as u32, K_TUPLE);
                return self.sequence(elems);
            }
            HeaderTag::PosBig | HeaderTag::NegBig => {
                if let Some((neg, digits)) = crate::bignum::as_big(t) {
                    self.hash = integer_limbs(h, neg, limbs64(digits));
                }
            }
            HeaderTag::Float => {
                if let Some(f) = t.as_float() {
                    let bits = if f == 0.0 { 0 } else { f.to_bits() };
                    self.hash = fold2(h, (bits >> 32) as u32, bits as u32, K_FLOAT);
                }
            }
            HeaderTag::Ref => {
                if let Some(id) = t.as_reference() {
                    // The first of the three id words OTP shows (see etf).
                    self.hash = fold(h, (id & 0x3_ffff) as u32, K_REF);
                }
            }
            HeaderTag::Export => {
                if let Some(e) = crate::fun::as_export(t) {
                    let m = atom_name_hash(self.atoms.name(e.module).as_bytes());
                    let f = atom_name_hash(self.atoms.name(e.function).as_bytes());
                    self.hash = fold(fold2(h, e.arity, m, K_SMALL), f, K_FUNCTION);
                }
            }
            HeaderTag::Fun => {
                if let Some((def, free)) = crate::fun::as_closure(t) {
                    let m = atom_name_hash(self.atoms.name(def.module).as_bytes());
                    let h = fold2(h, free.len() as u32, m, K_SMALL);
                    self.hash = fold2(h, def.index, def.old_uniq, K_SMALL);
                    return self.sequence(free);
                }
            }
            HeaderTag::FlatMap | HeaderTag::HashMap => return self.map(t),
            _ if t.is_bitstring() => self.bitstring(t),
            _ => {}
        }
        Ok(None)
    }

    /// Hashes `elems` in order: the first now, the others from the stack.
    fn sequence(&mut self, elems: &[Term]) -> Result<Option<Term>, OutOfMemory> {
        let Some((&first, rest)) = elems.split_first() else {
            return Ok(None);
        };
        self.stack
            .try_reserve(rest.len())
            .map_err(|_| OutOfMemory)?;
        self.stack.extend(rest.iter().rev().map(|&e| Work::Term(e)));
        Ok(Some(first))
    }

    fn map(&mut self, t: Term) -> Result<Option<Term>, OutOfMemory> {
        let size = crate::map::size(t).unwrap_or(0);
        self.hash = fold(self.hash, size as u32, K_MAP);
        if size == 0 {
            return Ok(None);
        }
        self.stack
            .try_reserve(1 + 3 * size)
            .map_err(|_| OutOfMemory)?;
        self.stack.push(Work::MapDone {
            hash: self.hash,
            pairs: self.pairs,
        });
        let stack = &mut self.stack;
        crate::map::for_each_pair(t, |k, v| {
            stack.push(Work::PairDone);
            stack.push(Work::Term(v));
            stack.push(Work::Term(k));
        });
        self.hash = 0;
        self.pairs = 0;
        Ok(None)
    }

    fn bitstring(&mut self, t: Term) {
        let Some((bytes, off, bits)) = crate::binary::bit_view(t) else {
            return;
        };
        let (whole, tail_bits) = (bits / 8, bits % 8);
        let init = K_BINARY.wrapping_add(self.hash);
        if bits == 0 {
            self.hash = init;
            return;
        }
        let byte_at = |i: usize| bits_byte(bytes, off + 8 * i);
        let mut h = block_hash((0..whole).map(byte_at), whole, init);
        if tail_bits > 0 {
            let last = byte_at(whole) >> (8 - tail_bits);
            h = fold2(h, tail_bits as u32, last as u32, K_BIT_TAIL);
        }
        self.hash = h;
    }
}

/// The 8 bits starting at bit `bit` of `bytes` (zeros past the end).
#[inline]
fn bits_byte(bytes: &[u8], bit: usize) -> u8 {
    let (i, s) = (bit / 8, bit % 8);
    let hi = bytes.get(i).copied().unwrap_or(0);
    if s == 0 {
        return hi;
    }
    let lo = bytes.get(i + 1).copied().unwrap_or(0);
    (hi << s) | (lo >> (8 - s))
}

/// A small integer: values of 28 bits hash as 32-bit numbers, the others
/// as bignums (so the same value hashes alike on 32- and 64-bit builds).
fn integer_small(h: u32, n: i64) -> u32 {
    if (-(1 << 27)..(1 << 27)).contains(&n) {
        let v = n as i32;
        let h = if v < 0 {
            fold(h, v.wrapping_neg() as u32, K_SMALL)
        } else {
            h
        };
        fold(h, v as u32, K_SMALL)
    } else {
        integer_limbs(h, n < 0, core::iter::once(n.unsigned_abs()))
    }
}

/// An integer from its sign and magnitude as 64-bit limbs, least
/// significant first.
fn integer_limbs(mut h: u32, neg: bool, limbs: impl Iterator<Item = u64>) -> u32 {
    let k = if neg { K_NEG_BIG } else { K_POS_BIG };
    for limb in limbs {
        h = fold2(h, limb as u32, (limb >> 32) as u32, k);
    }
    h
}

/// Word-sized digits regrouped into 64-bit limbs.
fn limbs64(digits: &'static [usize]) -> impl Iterator<Item = u64> {
    let per = 8 / core::mem::size_of::<usize>();
    digits.chunks(per).map(|c| {
        c.iter()
            .rev()
            .fold(0u64, |acc, &d| (acc << (usize::BITS % 64)) | d as u64)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_block_mixes_only_the_initial_state() {
        let empty = block_hash(core::iter::empty(), 0, 7);
        assert_eq!(empty, mix(golden(1), golden(1), 7));
    }

    /// A bitstring hashes by its bits alone: a sub-binary at any bit
    /// offset hashes like an aligned copy of the same bits (both hashes).
    #[test]
    fn unaligned_bitstrings_hash_like_aligned_copies() {
        use crate::binary::{new_heap_binary, new_sub_binary};
        let mut heap = crate::heap::Heap::new(1 << 14).unwrap();
        let atoms = AtomTable::new(1 << 10);
        let mut seed = 0x2545_f491u32;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed
        };
        for _ in 0..500 {
            let n = 1 + next() as usize % 40;
            let bytes: Vec<u8> = (0..n).map(|_| next() as u8).collect();
            let off = next() as usize % 8;
            let len = next() as usize % (8 * n - off + 1);
            let orig = new_heap_binary(&mut heap, &bytes).unwrap();
            let sub = new_sub_binary(&mut heap, orig, off, len).unwrap();
            let aligned: Vec<u8> = (0..len.div_ceil(8))
                .map(|i| bits_byte(&bytes, off + 8 * i))
                .collect();
            let copy = new_heap_binary(&mut heap, &aligned).unwrap();
            let copy = new_sub_binary(&mut heap, copy, 0, len).unwrap();
            assert_eq!(
                phash2(sub, &atoms),
                phash2(copy, &atoms),
                "{bytes:?} {off} {len}"
            );
            assert_eq!(
                crate::hash::phash::phash(sub, &atoms),
                crate::hash::phash::phash(copy, &atoms)
            );
        }
    }

    #[test]
    fn bits_byte_shifts_across_bytes() {
        assert_eq!(bits_byte(&[0b1010_1010, 0b1100_0000], 1), 0b0101_0101);
        assert_eq!(bits_byte(&[0xff], 4), 0xf0);
    }
}
