//! The atoms every VM has from the start, computed by the compiler and
//! kept in flash: the predefined atoms, then the names of the native
//! functions and their modules. A VM holds no copy of them and no index
//! entry: [`find`] is a binary search in a sorted table of flash.
//!
//! Their numbering is what interning them at start gave: the predefined
//! atoms in declaration order, then each new name of [`FAMILIES`] in
//! table order (of the natives this build keeps: [`keep`]).

use super::atom::PREDEFINED;
use crate::bif::{keep, BifDef, FAMILIES};

/// Number of native functions this build has: those of [`FAMILIES`]
/// that [`keep`] keeps (all of them unless the build lists them).
pub(crate) const NATIVES: usize = keep::kept_count(keep::KEPT);

/// Where each of them is in [`FAMILIES`].
const PLACES: [(u8, u16); NATIVES] = keep::kept_places(keep::KEPT);

/// The `k`-th native function this build has, in [`FAMILIES`] order.
pub(crate) const fn native_def(k: usize) -> &'static BifDef {
    let (i, j) = PLACES[k];
    &FAMILIES[i as usize][j as usize]
}

/// Candidate names: the predefined atoms, then module and function name
/// of each native (with repeats).
const CANDIDATES: usize = PREDEFINED.len() + 2 * NATIVES;

const fn candidates() -> [&'static str; CANDIDATES] {
    let mut out = [""; CANDIDATES];
    let mut i = 0;
    while i < PREDEFINED.len() {
        out[i] = PREDEFINED[i];
        i += 1;
    }
    let mut k = 0;
    while k < NATIVES {
        let d = native_def(k);
        out[PREDEFINED.len() + 2 * k] = d.module;
        out[PREDEFINED.len() + 2 * k + 1] = d.name;
        k += 1;
    }
    out
}

const NAMES_WITH_REPEATS: [&str; CANDIDATES] = candidates();

/// Byte-wise comparison, the order of `str`'s `Ord` (which [`find`] uses).
const fn compare(a: &str, b: &str) -> core::cmp::Ordering {
    use core::cmp::Ordering::*;
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return if a[i] < b[i] { Less } else { Greater };
        }
        i += 1;
    }
    if a.len() < b.len() {
        Less
    } else if a.len() > b.len() {
        Greater
    } else {
        Equal
    }
}

/// Candidate positions sorted by name, equal names by position (a stable
/// bottom-up merge sort: const code has no closures nor allocation).
const fn sorted_positions() -> [u16; CANDIDATES] {
    assert!(CANDIDATES < u16::MAX as usize, "too many static atoms");
    let mut a = [0u16; CANDIDATES];
    let mut i = 0;
    while i < CANDIDATES {
        a[i] = i as u16;
        i += 1;
    }
    let mut b = [0u16; CANDIDATES];
    let mut width = 1;
    while width < CANDIDATES {
        let mut lo = 0;
        while lo < CANDIDATES {
            let mid = min(lo + width, CANDIDATES);
            let hi = min(lo + 2 * width, CANDIDATES);
            let (mut l, mut r, mut o) = (lo, mid, lo);
            while o < hi {
                let take_left = r >= hi
                    || (l < mid
                        && !matches!(
                            compare(
                                NAMES_WITH_REPEATS[a[l] as usize],
                                NAMES_WITH_REPEATS[a[r] as usize]
                            ),
                            core::cmp::Ordering::Greater
                        ));
                if take_left {
                    b[o] = a[l];
                    l += 1;
                } else {
                    b[o] = a[r];
                    r += 1;
                }
                o += 1;
            }
            lo = hi;
        }
        let mut i = 0;
        while i < CANDIDATES {
            a[i] = b[i];
            i += 1;
        }
        width *= 2;
    }
    a
}

const fn min(a: usize, b: usize) -> usize {
    if a < b {
        a
    } else {
        b
    }
}

/// The numbering: the atom index of each candidate, and how many atoms.
struct Numbering {
    index: [u16; CANDIDATES],
    /// The first position of the same name.
    first: [u16; CANDIDATES],
    count: usize,
}

const SORTED: [u16; CANDIDATES] = sorted_positions();

const NUMBERING: Numbering = {
    // The first position of each name (the head of its run in SORTED,
    // which the stable sort puts first).
    let mut first = [0u16; CANDIDATES];
    let mut i = 0;
    while i < CANDIDATES {
        let p = SORTED[i] as usize;
        first[p] = if i > 0
            && matches!(
                compare(
                    NAMES_WITH_REPEATS[SORTED[i - 1] as usize],
                    NAMES_WITH_REPEATS[p]
                ),
                core::cmp::Ordering::Equal
            ) {
            first[SORTED[i - 1] as usize]
        } else {
            p as u16
        };
        i += 1;
    }
    let mut index = [0u16; CANDIDATES];
    let mut count = 0;
    let mut p = 0;
    while p < CANDIDATES {
        if first[p] as usize == p {
            index[p] = count as u16;
            count += 1;
        } else {
            assert!(p >= PREDEFINED.len(), "a predefined atom is repeated");
            index[p] = index[first[p] as usize];
        }
        p += 1;
    }
    Numbering {
        index,
        first,
        count,
    }
};

/// Number of static atoms: indices below this are static.
pub const COUNT: usize = NUMBERING.count;

/// The atom index of the module name of native `k`.
pub(crate) const fn native_module(k: usize) -> u16 {
    NUMBERING.index[PREDEFINED.len() + 2 * k]
}

/// The atom index of the function name of native `k`.
pub(crate) const fn native_function(k: usize) -> u16 {
    NUMBERING.index[PREDEFINED.len() + 2 * k + 1]
}

/// Bytes of the static atoms' names, all of them end to end.
const BYTES: usize = {
    let mut n = 0;
    let mut p = 0;
    while p < CANDIDATES {
        if NUMBERING.first[p] as usize == p {
            n += NAMES_WITH_REPEATS[p].len();
        }
        p += 1;
    }
    n
};

/// The static atoms' names end to end, in index order (one blob rather
/// than a pointer and a length per name: a quarter of the flash).
static TEXT: [u8; BYTES] = {
    let mut out = [0u8; BYTES];
    let mut at = 0;
    let mut p = 0;
    while p < CANDIDATES {
        if NUMBERING.first[p] as usize == p {
            let b = NAMES_WITH_REPEATS[p].as_bytes();
            let mut i = 0;
            while i < b.len() {
                out[at + i] = b[i];
                i += 1;
            }
            at += b.len();
        }
        p += 1;
    }
    out
};

/// Where the name of each static atom ends in [`TEXT`].
static ENDS: [u16; COUNT] = {
    assert!(BYTES <= u16::MAX as usize, "static atom names too long");
    let mut out = [0u16; COUNT];
    let mut at = 0;
    let mut p = 0;
    while p < CANDIDATES {
        if NUMBERING.first[p] as usize == p {
            at += NAMES_WITH_REPEATS[p].len();
            out[NUMBERING.index[p] as usize] = at as u16;
        }
        p += 1;
    }
    out
};

/// Static atom indices in name order.
static BY_NAME: [u16; COUNT] = {
    let mut out = [0u16; COUNT];
    let mut n = 0;
    let mut i = 0;
    while i < CANDIDATES {
        let p = SORTED[i] as usize;
        if i == 0
            || !matches!(
                compare(
                    NAMES_WITH_REPEATS[SORTED[i - 1] as usize],
                    NAMES_WITH_REPEATS[p]
                ),
                core::cmp::Ordering::Equal
            )
        {
            out[n] = NUMBERING.index[p];
            n += 1;
        }
        i += 1;
    }
    out
};

/// The static atom named `name`.
pub fn find(name: &str) -> Option<u32> {
    BY_NAME
        .binary_search_by(|&i| text(i as usize).cmp(name))
        .ok()
        .map(|k| BY_NAME[k] as u32)
}

/// The name of static atom `i` (which must be below [`COUNT`]).
fn text(i: usize) -> &'static str {
    let start = if i == 0 { 0 } else { ENDS[i - 1] as usize };
    let bytes = &TEXT[start..ENDS[i] as usize];
    // SAFETY: TEXT is whole `str`s end to end and ENDS marks where each
    // ends, so every such slice is one of them: valid UTF-8.
    unsafe { core::str::from_utf8_unchecked(bytes) }
}

/// The name of static atom `index`.
pub fn name(index: u32) -> Option<&'static str> {
    let i = index as usize;
    (i < COUNT).then(|| text(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_is_found_at_its_index() {
        for i in 0..COUNT as u32 {
            assert_eq!(find(name(i).unwrap()), Some(i), "{:?}", name(i));
        }
        assert_eq!(find("no such atom, surely"), None);
    }

    #[test]
    fn numbering_is_that_of_interning_in_table_order() {
        let mut seen: alloc::vec::Vec<&str> = PREDEFINED.to_vec();
        for d in crate::bif::table() {
            for n in [d.module, d.name] {
                if !seen.contains(&n) {
                    seen.push(n);
                }
            }
        }
        assert_eq!(seen.len(), COUNT);
        for (i, n) in seen.iter().enumerate() {
            assert_eq!(name(i as u32), Some(*n));
        }
        for k in 0..NATIVES {
            let d = native_def(k);
            assert_eq!(name(native_module(k) as u32), Some(d.module));
            assert_eq!(name(native_function(k) as u32), Some(d.name));
        }
    }
}
