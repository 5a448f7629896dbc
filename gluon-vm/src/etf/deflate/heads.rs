//! The hash chains' heads: for each of zlib's 2^15 hashes, the latest
//! position with it (0: none).
//!
//! zlib keeps them in a 64 KB array whatever the input. A short input
//! (most terms a device sends) inserts only as many positions as it has
//! bytes, so it gets an open-addressing table of (hash, position) pairs
//! sized to that instead: the same answers from a few hundred bytes. The
//! array stays for inputs whose table would be as large, which are also
//! the only ones whose window slides.

use super::{zeroed, OutOfMemory};
use alloc::boxed::Box;

/// zlib's number of hashes (memory level 8).
pub(super) const HASH_SIZE: usize = 1 << 15;

/// Where the latest position of each hash is kept.
pub(super) enum Heads {
    /// One slot per hash, as zlib has it.
    Full(Box<[u16]>),
    /// Pairs of hash + 1 (0: a free slot) and position, probed linearly
    /// from a multiplicative hash of the hash; never more than three
    /// quarters full.
    Sparse {
        slots: Box<[(u16, u16)]>,
        shift: u32,
    },
}

impl Heads {
    /// Heads for at most `positions` insertions.
    pub(super) fn new(positions: usize) -> Result<Heads, OutOfMemory> {
        let cap = (positions + positions / 3 + 1).next_power_of_two().max(64);
        // A pair is twice a slot of the array: beyond half its slots, the
        // array is no larger.
        if cap >= HASH_SIZE / 2 {
            return Ok(Heads::Full(zeroed(HASH_SIZE)?));
        }
        Ok(Heads::Sparse {
            slots: zeroed(cap)?,
            shift: 32 - cap.trailing_zeros(),
        })
    }

    /// The slot of hash `h` in a sparse table: its own, or the free one
    /// where it would go.
    fn probe(slots: &[(u16, u16)], shift: u32, h: usize) -> usize {
        let mask = slots.len() - 1;
        // Fibonacci hashing: the top bits of h times 2^32/φ.
        let mut i = ((h as u32).wrapping_mul(0x9e37_79b9) >> shift) as usize;
        let key = h as u16 + 1;
        while slots[i].0 != key && slots[i].0 != 0 {
            i = (i + 1) & mask;
        }
        i
    }

    /// Sets the latest position of hash `h` to `pos`, returning the one
    /// before (0: none).
    pub(super) fn replace(&mut self, h: usize, pos: u16) -> u16 {
        match self {
            Heads::Full(heads) => core::mem::replace(&mut heads[h], pos),
            Heads::Sparse { slots, shift } => {
                let i = Self::probe(slots, *shift, h);
                let old = slots[i];
                slots[i] = (h as u16 + 1, pos);
                old.1
            }
        }
    }

    /// Moves every position down by `by` as the window slides (positions
    /// that fall out become 0, the end of a chain).
    pub(super) fn slide(&mut self, by: u16) {
        match self {
            Heads::Full(heads) => heads.iter_mut().for_each(|p| *p = p.saturating_sub(by)),
            Heads::Sparse { slots, .. } => {
                slots.iter_mut().for_each(|s| s.1 = s.1.saturating_sub(by))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparse_answers_as_the_array() {
        let mut full = Heads::Full(zeroed(HASH_SIZE).unwrap());
        let mut sparse = Heads::new(1000).unwrap();
        assert!(matches!(sparse, Heads::Sparse { .. }));
        let mut x = 12345u64;
        let mut seen = alloc::vec::Vec::new();
        for pos in 1..=1000u16 {
            // Few distinct hashes, so that keys repeat, and some far apart.
            x = (x * 1103515245 + 12345) % (1 << 31);
            let h = x as usize % (if pos % 3 == 0 { HASH_SIZE } else { 97 });
            assert_eq!(sparse.replace(h, pos), full.replace(h, pos));
            seen.push(h);
        }
        sparse.slide(500);
        full.slide(500);
        for &h in &seen {
            assert_eq!(sparse.replace(h, 1), full.replace(h, 1), "{h}");
        }
    }

    #[test]
    fn large_inputs_keep_the_array() {
        assert!(matches!(Heads::new(1 << 14).unwrap(), Heads::Full(_)));
    }
}
