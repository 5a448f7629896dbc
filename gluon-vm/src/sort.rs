//! The VM's one sort: stable, and compiled once.
//!
//! `core`'s `sort_by`/`sort_unstable_by` are compiled again for every
//! element type and comparison (about 3 KB each at `opt-level = "z"`,
//! 22 KB of flash for the VM's handful of uses). Here the algorithm sees
//! the data only through [`Sequence`] (compare two positions, swap two
//! positions), so it exists once; each use adds only its two small
//! methods. Equal elements keep their order, as map construction needs
//! (the last of equal keys wins). [`sort_by`] takes this sort on
//! bare-metal targets only, and `core`'s (faster) on hosts.
//!
//! The algorithm: a merge sort of the positions (two `u32` per element of
//! scratch memory), then each element moved to its place by swaps along
//! the permutation's cycles: O(n log n) comparisons, at most n swaps.
//! When that scratch memory cannot be had, the sort runs in place
//! instead: insertion sort of short runs, then runs merged pairwise by
//! symmetric merging (Kim and Kutzner, "Stable minimum storage merging by
//! symmetric comparisons", 2004), which splits both runs around a point
//! found by binary search and exchanges the middle parts by a rotation:
//! O(n log n) comparisons and O(n log² n) swaps, no allocation.

use alloc::vec::Vec;
use core::cmp::Ordering;

/// Data to sort, seen through positions `0..len`.
pub trait Sequence {
    /// Whether the element at `i` sorts strictly before the one at `j`.
    fn less(&mut self, i: usize, j: usize) -> bool;
    /// Exchanges the elements at `i` and `j`.
    fn swap(&mut self, i: usize, j: usize);
}

/// Runs up to this length are sorted by insertion.
const RUN: usize = 16;

/// Sorts positions `0..len` of `s` stably.
pub fn sort(s: &mut dyn Sequence, len: usize) {
    if len <= RUN {
        insertion(s, 0, len);
    } else if let Some(mut order) = sorted_positions(s, len) {
        permute(s, &mut order);
    } else {
        in_place(s, len);
    }
}

/// The positions `0..len` in sorted order (`None` without the memory).
fn sorted_positions(s: &mut dyn Sequence, len: usize) -> Option<Vec<u32>> {
    let n = u32::try_from(len).ok()?;
    let mut order: Vec<u32> = Vec::new();
    let mut scratch: Vec<u32> = Vec::new();
    order.try_reserve_exact(len).ok()?;
    scratch.try_reserve_exact(len).ok()?;
    order.extend(0..n);
    scratch.resize(len, 0);
    let (mut from, mut to) = (order, scratch);
    let mut width = 1;
    while width < len {
        let mut a = 0;
        while a < len {
            let m = (a + width).min(len);
            let b = (m + width).min(len);
            let (mut i, mut j) = (a, m);
            for slot in &mut to[a..b] {
                // The right run's element goes first only when strictly
                // less: equal elements keep their order.
                let take_right = j < b && (i == m || s.less(from[j] as usize, from[i] as usize));
                if take_right {
                    *slot = from[j];
                    j += 1;
                } else {
                    *slot = from[i];
                    i += 1;
                }
            }
            a = b;
        }
        core::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    Some(from)
}

/// Moves the element at `order[k]` to `k` for every `k`, following the
/// permutation's cycles (`order` is used up as the record of what is
/// done).
fn permute(s: &mut dyn Sequence, order: &mut [u32]) {
    for start in 0..order.len() {
        // Along a cycle, the element first found at `start` travels with
        // the swaps, and every other element lands in its place.
        let mut k = start;
        loop {
            let from = order[k] as usize;
            order[k] = k as u32;
            if from == start {
                break;
            }
            s.swap(k, from);
            k = from;
        }
    }
}

/// The sort without scratch memory.
fn in_place(s: &mut dyn Sequence, len: usize) {
    let mut a = 0;
    while a < len {
        let b = (a + RUN).min(len);
        insertion(s, a, b);
        a = b;
    }
    let mut width = RUN;
    while width < len {
        let mut a = 0;
        while a + width < len {
            let m = a + width;
            let b = (m + width).min(len);
            merge(s, a, m, b);
            a = b;
        }
        width *= 2;
    }
}

/// Sorts `v` stably by `cmp`: with [`compact_sort_by`] on bare-metal
/// targets (`target_os = "none"`), where flash is scarce; with `core`'s
/// sort elsewhere, which is faster (its merges move the elements
/// themselves: `maps:from_list/1` of 1000 keys takes about 1.5 times as
/// long with the compact sort, of 200,000 keys 2.5 times). Both are
/// stable, so for a given comparison they give the same order.
pub fn sort_by<T, F: FnMut(&T, &T) -> Ordering>(v: &mut [T], cmp: F) {
    #[cfg(target_os = "none")]
    compact_sort_by(v, cmp);
    #[cfg(not(target_os = "none"))]
    v.sort_by(cmp);
}

/// Sorts `v` stably by `cmp` with [`sort`].
pub fn compact_sort_by<T, F: FnMut(&T, &T) -> Ordering>(v: &mut [T], cmp: F) {
    struct Slice<'a, T, F> {
        v: &'a mut [T],
        cmp: F,
    }
    impl<T, F: FnMut(&T, &T) -> Ordering> Sequence for Slice<'_, T, F> {
        fn less(&mut self, i: usize, j: usize) -> bool {
            (self.cmp)(&self.v[i], &self.v[j]) == Ordering::Less
        }
        fn swap(&mut self, i: usize, j: usize) {
            self.v.swap(i, j);
        }
    }
    let len = v.len();
    sort(&mut Slice { v, cmp }, len);
}

/// Sorts `v` stably by the key `key` gives each element.
pub fn sort_by_key<T, K: Ord, F: FnMut(&T) -> K>(v: &mut [T], mut key: F) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

fn insertion(s: &mut dyn Sequence, a: usize, b: usize) {
    for i in a + 1..b {
        let mut j = i;
        while j > a && s.less(j, j - 1) {
            s.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Merges the sorted runs `a..m` and `m..b` into one, stably.
fn merge(s: &mut dyn Sequence, a: usize, m: usize, b: usize) {
    if a >= m || m >= b {
        return;
    }
    if m - a == 1 {
        // One element on the left: it goes before the first element of
        // the right run that is not less than it.
        let (mut lo, mut hi) = (m, b);
        while lo < hi {
            let h = lo + (hi - lo) / 2;
            if s.less(h, a) {
                lo = h + 1;
            } else {
                hi = h;
            }
        }
        for k in a..lo - 1 {
            s.swap(k, k + 1);
        }
        return;
    }
    if b - m == 1 {
        // One element on the right: it goes after every element of the
        // left run that is not greater than it.
        let (mut lo, mut hi) = (a, m);
        while lo < hi {
            let h = lo + (hi - lo) / 2;
            if s.less(m, h) {
                hi = h;
            } else {
                lo = h + 1;
            }
        }
        for k in (lo..m).rev() {
            s.swap(k, k + 1);
        }
        return;
    }
    // Split both runs symmetrically around the middle of a..b: find the
    // first `start` (in the part of the left run that faces the right
    // run) whose element is greater than its mirror image; the left
    // run's tail from there and the right run's head up to the mirror
    // point change places.
    let mid = a + (b - a) / 2;
    let n = mid + m;
    let (mut start, mut r) = if m > mid { (n - b, mid) } else { (a, m) };
    let p = n - 1;
    while start < r {
        let c = start + (r - start) / 2;
        if s.less(p - c, c) {
            r = c;
        } else {
            start = c + 1;
        }
    }
    let end = n - start;
    if start < m && m < end {
        rotate(s, start, m, end);
    }
    merge(s, a, start, mid);
    merge(s, mid, end, b);
}

/// Turns `x..m, m..y` into `m..y, x..m` by three reversals.
fn rotate(s: &mut dyn Sequence, x: usize, m: usize, y: usize) {
    reverse(s, x, m);
    reverse(s, m, y);
    reverse(s, x, y);
}

fn reverse(s: &mut dyn Sequence, mut i: usize, mut j: usize) {
    while i + 1 < j {
        j -= 1;
        s.swap(i, j);
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    /// A small deterministic generator (xorshift).
    fn numbers(seed: u64, n: usize, range: u64) -> Vec<u64> {
        let mut x = seed | 1;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % range
            })
            .collect()
    }

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        for (seed, n, range) in [
            (1, 0, 10),
            (2, 1, 10),
            (3, 2, 10),
            (4, 17, 5),
            (5, 100, 1000),
            (6, 1000, 7),
            (7, 4099, 100_000),
            (8, 333, 2),
        ] {
            // Pairs (key, original position): equal keys must keep their
            // order.
            let keys = numbers(seed, n, range);
            let mut got: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
            let mut want = got.clone();
            compact_sort_by(&mut got, |a, b| a.0.cmp(&b.0));
            want.sort_by_key(|a| a.0);
            assert_eq!(got, want, "seed {seed}, n {n}");
        }
    }

    #[test]
    fn the_in_place_sort_agrees() {
        struct Keys(Vec<(u64, usize)>);
        impl Sequence for Keys {
            fn less(&mut self, i: usize, j: usize) -> bool {
                self.0[i].0 < self.0[j].0
            }
            fn swap(&mut self, i: usize, j: usize) {
                self.0.swap(i, j);
            }
        }
        for (seed, n, range) in [(11, 40, 3), (12, 1000, 50), (13, 3000, 1 << 40)] {
            let keys = numbers(seed, n, range);
            let mut got = Keys(keys.iter().copied().zip(0..).collect());
            let mut want = got.0.clone();
            in_place(&mut got, n);
            want.sort_by_key(|a| a.0);
            assert_eq!(got.0, want, "seed {seed}, n {n}");
        }
    }

    #[test]
    fn sorted_reversed_and_equal_inputs() {
        let mut v: Vec<u32> = (0..500).collect();
        compact_sort_by(&mut v, u32::cmp);
        assert!(v.windows(2).all(|w| w[0] < w[1]));
        let mut v: Vec<u32> = (0..500).rev().collect();
        compact_sort_by(&mut v, u32::cmp);
        assert_eq!(v, (0..500).collect::<Vec<_>>());
        let mut v: Vec<(u8, usize)> = (0..300).map(|i| (7, i)).collect();
        compact_sort_by(&mut v, |a, b| a.0.cmp(&b.0));
        assert_eq!(v, (0..300).map(|i| (7, i)).collect::<Vec<_>>());
    }
}
