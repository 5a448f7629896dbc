//! The hash that places keys in a large map's trie.
//!
//! Internal to this VM (it is not OTP's): the only contract is that terms
//! which are exactly equal (`=:=`, the map key equality) hash alike. The
//! hash is computed in 64 bits on every target, so a map's shape does not
//! depend on the word size. Terms are walked with an explicit work list,
//! maps as their pairs in key order (so deep terms need no stack).

use crate::term::{AtomTable, HeaderTag, Term};
use alloc::vec::Vec;

/// Mixes `x` into `h` (the splitmix64 finalizer over a rotated state).
#[inline]
fn mix(h: u64, x: u64) -> u64 {
    let mut z = (h.rotate_left(23) ^ x).wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Distinct starting values per kind of term, so that e.g. the small 5 and
/// the atom with index 5 do not meet.
mod kind {
    pub const SMALL: u64 = 1;
    pub const ATOM: u64 = 2;
    pub const NIL: u64 = 3;
    pub const CONS: u64 = 4;
    pub const TUPLE: u64 = 5;
    pub const FLOAT: u64 = 6;
    pub const BIG: u64 = 7;
    pub const BITS: u64 = 8;
    pub const MAP: u64 = 9;
    pub const FUN: u64 = 10;
    pub const EXPORT: u64 = 11;
    pub const REF: u64 = 12;
    pub const OTHER: u64 = 13;
}

/// The hash of `t`: equal for exactly equal terms.
pub fn hash(t: Term, atoms: &AtomTable) -> u64 {
    let mut h = 0u64;
    let mut todo: Vec<Term> = alloc::vec![t];
    while let Some(t) = todo.pop() {
        h = step(h, t, &mut todo, atoms);
    }
    h
}

/// Mixes the head of `t` into `h` and pushes its subterms.
fn step(h: u64, t: Term, todo: &mut Vec<Term>, atoms: &AtomTable) -> u64 {
    if let Some(n) = t.as_small() {
        return mix(mix(h, kind::SMALL), n as i64 as u64);
    }
    if let Some(a) = t.as_atom() {
        // Atoms are interned: one name, one index.
        return mix(mix(h, kind::ATOM), a.index() as u64);
    }
    if t.is_nil() {
        return mix(h, kind::NIL);
    }
    if let Some((hd, tl)) = t.as_cons() {
        todo.push(tl);
        todo.push(hd);
        return mix(h, kind::CONS);
    }
    let Some(tag) = t.boxed_tag() else {
        // Pids and ports: the word is the identity.
        return mix(mix(h, kind::OTHER), t.raw() as u64);
    };
    match tag {
        HeaderTag::Tuple => {
            let elems = t.boxed_body();
            todo.extend(elems.iter().rev());
            mix(mix(h, kind::TUPLE), elems.len() as u64)
        }
        HeaderTag::Float => {
            let f = t.as_float().unwrap_or(0.0);
            // 0.0 and -0.0 are exactly equal in this VM's term order.
            let bits = if f == 0.0 { 0 } else { f.to_bits() };
            mix(mix(h, kind::FLOAT), bits)
        }
        HeaderTag::PosBig | HeaderTag::NegBig => {
            let (neg, digits) = crate::bignum::as_big(t).unwrap_or((false, &[]));
            let mut h = mix(h, kind::BIG + neg as u64);
            for &d in digits {
                h = mix(h, d as u64);
            }
            h
        }
        HeaderTag::HeapBin | HeaderTag::SubBin | HeaderTag::RefcBin => hash_bits(h, t),
        HeaderTag::FlatMap | HeaderTag::HashMap => {
            // Keys then values in key order, like a tuple of pairs.
            let pairs = super::pairs(t, atoms).unwrap_or_default();
            for &(k, v) in pairs.iter().rev() {
                todo.extend([v, k]);
            }
            mix(mix(h, kind::MAP), pairs.len() as u64)
        }
        HeaderTag::Fun => match crate::fun::as_closure(t) {
            Some((def, free)) => {
                todo.extend(free.iter().rev());
                let h = mix(mix(h, kind::FUN), def.module.index() as u64);
                mix(mix(h, def.index as u64), def.old_uniq as u64)
            }
            None => mix(h, kind::FUN),
        },
        HeaderTag::Export => match crate::fun::as_export(t) {
            Some(e) => {
                let h = mix(mix(h, kind::EXPORT), e.module.index() as u64);
                mix(mix(h, e.function.index() as u64), e.arity as u64)
            }
            None => mix(h, kind::EXPORT),
        },
        HeaderTag::Ref => mix(mix(h, kind::REF), t.as_reference().unwrap_or(0)),
        _ => mix(mix(h, kind::OTHER), t.raw() as u64),
    }
}

/// Bitstrings hash their bits, whatever their storage and alignment.
fn hash_bits(h: u64, t: Term) -> u64 {
    let Some((bytes, off, len)) = crate::binary::bit_view(t) else {
        return mix(h, kind::BITS);
    };
    let mut h = mix(mix(h, kind::BITS), len as u64);
    if off % 8 == 0 {
        let whole = &bytes[off / 8..off / 8 + len / 8];
        for c in whole.chunks(8) {
            let mut w = [0u8; 8];
            w[..c.len()].copy_from_slice(c);
            h = mix(h, u64::from_le_bytes(w));
        }
    } else {
        for i in 0..len / 8 {
            let mut b = 0u8;
            for k in 0..8 {
                b = (b << 1) | crate::binary::bit_at(bytes, off + 8 * i + k);
            }
            h = mix(h, b as u64);
        }
    }
    for k in len / 8 * 8..len {
        h = mix(h, crate::binary::bit_at(bytes, off + k) as u64);
    }
    h
}
