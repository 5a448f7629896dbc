//! `erlang:phash/2`: the BEAM's older portable term hash (deprecated in
//! favour of `phash2`, still used by old code and kept bit-exact).
//!
//! A multiplicative hash: `h = h * P + x` modulo 2^32 over the bytes of
//! each leaf, with a different prime `P` (just above 2^28) per kind of
//! term. Integers hash their magnitude least significant byte first, four
//! bytes per 32-bit word of the magnitude, then multiply by a sign prime;
//! lists hash their elements (bytes inline), their tail, then a list
//! prime; tuples their elements then their arity; maps reuse `phash2`.

use super::{atom_name_hash, phash2::phash2};
use crate::heap::OutOfMemory;
use crate::term::{AtomTable, HeaderTag, Term};
use alloc::vec::Vec;

const P1: u32 = 268_440_163;
const P2: u32 = 268_439_161;
const P3: u32 = 268_435_459;
const P4: u32 = 268_436_141;
const P5: u32 = 268_438_633;
const P6: u32 = 268_437_017;
const P8: u32 = 268_437_511;
const P9: u32 = 268_439_627;
const P10: u32 = 268_440_479;
const P11: u32 = 268_440_577;
const P12: u32 = 268_440_581;
const P13: u32 = 268_440_593;
const P14: u32 = 268_440_611;

/// `h * p + x`, modulo 2^32.
#[inline]
fn step(h: u32, p: u32, x: u32) -> u32 {
    h.wrapping_mul(p).wrapping_add(x)
}

/// The four bytes of `x`, least significant first.
#[inline]
fn step_u32(h: u32, p: u32, x: u32) -> u32 {
    x.to_le_bytes().iter().fold(h, |h, &b| step(h, p, b as u32))
}

enum Work {
    Term(Term),
    /// The rest of a list after a head that was hashed on its own.
    ListRest(Term),
    /// A list and its tail are hashed.
    ListDone,
    /// A tuple's elements are hashed; its arity comes last.
    TupleDone(u32),
}

/// The BEAM's `phash` hash of `term` (before the range is applied).
///
/// # Errors
/// `OutOfMemory` if the work stack cannot grow.
pub fn phash(term: Term, atoms: &AtomTable) -> Result<u32, OutOfMemory> {
    let mut h: u32 = 0;
    let mut stack: Vec<Work> = Vec::new();
    let push = |stack: &mut Vec<Work>, w: Work| -> Result<(), OutOfMemory> {
        stack.try_reserve(1).map_err(|_| OutOfMemory)?;
        stack.push(w);
        Ok(())
    };
    let atom = |a| atom_name_hash(atoms.name(a).as_bytes());
    let mut next = Some(Work::Term(term));
    loop {
        let w = match next.take() {
            Some(w) => w,
            None => match stack.pop() {
                Some(w) => w,
                None => return Ok(h),
            },
        };
        let t = match w {
            Work::Term(t) => t,
            Work::ListRest(t) if t.is_list() => t,
            Work::ListRest(t) => {
                push(&mut stack, Work::ListDone)?;
                next = Some(Work::Term(t));
                continue;
            }
            Work::ListDone => {
                h = h.wrapping_mul(P8);
                continue;
            }
            Work::TupleDone(n) => {
                h = step(h, P9, n);
                continue;
            }
        };
        if let Some(n) = t.as_small() {
            h = integer(h, n < 0, &(n.unsigned_abs() as u64).to_le_bytes());
        } else if let Some(a) = t.as_atom() {
            h = step(h, P1, atom(a));
        } else if t.is_nil() {
            h = step(h, P3, 1);
        } else if t.is_list() {
            let mut cur = t;
            while let Some((head, tail)) = cur.as_cons() {
                match head.as_small() {
                    Some(b @ 0..=255) => h = step(h, P2, b as u32),
                    _ => {
                        push(&mut stack, Work::ListRest(tail))?;
                        next = Some(Work::Term(head));
                        break;
                    }
                }
                if !tail.is_list() {
                    push(&mut stack, Work::ListDone)?;
                    next = Some(Work::Term(tail));
                    break;
                }
                cur = tail;
            }
        } else if t.is_pid() {
            h = step_u32(h, P5, t.pid_index() as u32).wrapping_mul(P6);
        } else if t.is_port() {
            let n = t.port_index() as u64;
            if n >> 32 != 0 {
                h = step_u32(h, P11, (n >> 32) as u32);
            }
            h = step_u32(h, P9, n as u32).wrapping_mul(P10);
        } else if t.is_boxed() {
            match t.boxed_header().header_tag() {
                HeaderTag::Tuple => {
                    let elems = t.boxed_body();
                    stack
                        .try_reserve(elems.len() + 1)
                        .map_err(|_| OutOfMemory)?;
                    stack.push(Work::TupleDone(elems.len() as u32));
                    stack.extend(elems.iter().rev().map(|&e| Work::Term(e)));
                }
                HeaderTag::PosBig | HeaderTag::NegBig => {
                    if let Some((neg, digits)) = crate::bignum::as_big(t) {
                        let mut bytes = Vec::new();
                        bytes
                            .try_reserve(core::mem::size_of_val(digits))
                            .map_err(|_| OutOfMemory)?;
                        for d in digits {
                            bytes.extend_from_slice(&d.to_le_bytes());
                        }
                        h = integer(h, neg, &bytes);
                    }
                }
                HeaderTag::Float => {
                    if let Some(f) = t.as_float() {
                        let bits = if f == 0.0 { 0 } else { f.to_bits() };
                        h = step(h, P6, (bits as u32) ^ (bits >> 32) as u32);
                    }
                }
                HeaderTag::Ref => {
                    if let Some(id) = t.as_reference() {
                        h = step_u32(h, P9, (id & 0x3_ffff) as u32).wrapping_mul(P10);
                    }
                }
                HeaderTag::Export => {
                    if let Some(e) = crate::fun::as_export(t) {
                        h = step(h, P11, e.arity);
                        h = step(h, P1, atom(e.module));
                        h = step(h, P1, atom(e.function));
                    }
                }
                HeaderTag::Fun => {
                    if let Some((def, free)) = crate::fun::as_closure(t) {
                        h = step(h, P10, free.len() as u32);
                        h = step(h, P1, atom(def.module));
                        h = step(h, P2, def.index);
                        h = step(h, P2, def.old_uniq);
                        stack.try_reserve(free.len()).map_err(|_| OutOfMemory)?;
                        stack.extend(free.iter().rev().map(|&e| Work::Term(e)));
                    }
                }
                HeaderTag::FlatMap | HeaderTag::HashMap => {
                    let inner = phash2(t, atoms)?;
                    h = step(h, P13, P14).wrapping_add(inner);
                }
                _ => {
                    if let Some((bytes, off, bits)) = crate::binary::bit_view(t) {
                        h = bitstring(h, bytes, off, bits);
                    }
                }
            }
        }
    }
}

/// An integer's magnitude bytes (least significant first, any number of
/// high zero bytes), hashed over whole 32-bit words, then its sign.
fn integer(mut h: u32, neg: bool, magnitude: &[u8]) -> u32 {
    let used = magnitude.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
    // At least one word: zero hashes as four zero bytes.
    let words = used.div_ceil(4).max(1);
    for i in 0..4 * words {
        h = step(h, P2, magnitude.get(i).copied().unwrap_or(0) as u32);
    }
    h.wrapping_mul(if neg { P4 } else { P3 })
}

/// Every whole byte, then the bits of a partial last byte (as a number)
/// and their count, then the size in bytes.
fn bitstring(mut h: u32, bytes: &[u8], off: usize, bits: usize) -> u32 {
    let byte_at = |bit: usize| {
        (0..8).fold(0u8, |acc, k| {
            acc << 1 | crate::binary::bit_at(bytes, bit + k)
        })
    };
    let whole = bits / 8;
    for i in 0..whole {
        h = step(h, P1, byte_at(off + 8 * i) as u32);
    }
    let tail = bits % 8;
    if tail > 0 {
        let last = byte_at(off + 8 * whole) >> (8 - tail);
        h = step(step(h, P1, last as u32), P12, tail as u32);
    }
    step(h, P4, whole as u32)
}
