//! Searching bytes for one or several patterns, as the `binary` module's
//! `match`, `matches`, `split` and `replace` need: the leftmost match, and
//! among matches starting at the same byte the longest.
//!
//! Set-Horspool: the shift table is built over the first `m` bytes of every
//! pattern, `m` being the shortest pattern's length. With one pattern this
//! is plain Boyer-Moore-Horspool. At each alignment every pattern is tried
//! (patterns are few in practice), then the window skips by the shift of
//! its last byte, which no pattern's prefix can make us skip past a match.

use alloc::vec::Vec;

/// A compiled search: the patterns (non-empty, longest first so the first
/// hit at an alignment is the longest) and the shift table.
pub(crate) struct Searcher<'p> {
    patterns: Vec<&'p [u8]>,
    /// Length of the shortest pattern: the window size.
    window: usize,
    shift: [usize; 256],
}

impl<'p> Searcher<'p> {
    /// A searcher for `patterns`; `None` if there are none or one is empty
    /// (OTP rejects both with `badarg`).
    pub fn new(patterns: &[&'p [u8]]) -> Option<Searcher<'p>> {
        if patterns.is_empty() || patterns.iter().any(|p| p.is_empty()) {
            return None;
        }
        let mut sorted: Vec<&[u8]> = patterns.to_vec();
        crate::sort::sort_by_key(&mut sorted, |p| core::cmp::Reverse(p.len()));
        let window = sorted.iter().map(|p| p.len()).min().unwrap_or(1);
        let mut shift = [window; 256];
        for p in &sorted {
            for (i, &b) in p[..window - 1].iter().enumerate() {
                shift[b as usize] = shift[b as usize].min(window - 1 - i);
            }
        }
        Some(Searcher {
            patterns: sorted,
            window,
            shift,
        })
    }

    /// The first match in `hay[from..to]` (whole match inside), as
    /// `(position, length)` in `hay`.
    pub fn find(&self, hay: &[u8], from: usize, to: usize) -> Option<(usize, usize)> {
        let to = to.min(hay.len());
        let mut i = from;
        while i + self.window <= to {
            for p in &self.patterns {
                if i + p.len() <= to && hay[i..].starts_with(p) {
                    return Some((i, p.len()));
                }
            }
            i += self.shift[hay[i + self.window - 1] as usize];
        }
        None
    }

    /// All non-overlapping matches in `hay[from..to]`, left to right.
    pub fn find_all(&self, hay: &[u8], from: usize, to: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut at = from;
        while let Some((p, n)) = self.find(hay, at, to) {
            out.push((p, n));
            at = p + n;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same answers by brute force.
    fn naive(hay: &[u8], pats: &[&[u8]]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < hay.len() {
            let best = pats
                .iter()
                .filter(|p| hay[i..].starts_with(p))
                .map(|p| p.len())
                .max();
            match best {
                Some(n) => {
                    out.push((i, n));
                    i += n;
                }
                None => i += 1,
            }
        }
        out
    }

    #[test]
    fn agrees_with_brute_force() {
        let hay = b"abracadabra abcabcab aaaaab xyz";
        let sets: &[&[&[u8]]] = &[
            &[b"a"],
            &[b"abra"],
            &[b"ab", b"abc"],
            &[b"aa", b"aab", b"b"],
            &[b"xyz", b"yz"],
            &[b"zz"],
            &[b"ca", b"c", b"abcab"],
        ];
        for pats in sets {
            let s = Searcher::new(pats).unwrap();
            assert_eq!(s.find_all(hay, 0, hay.len()), naive(hay, pats), "{pats:?}");
        }
    }

    #[test]
    fn bounds_and_empty_patterns() {
        assert!(Searcher::new(&[]).is_none());
        assert!(Searcher::new(&[b"a", b""]).is_none());
        let s = Searcher::new(&[b"bc"]).unwrap();
        assert_eq!(s.find(b"abcd", 0, 2), None);
        assert_eq!(s.find(b"abcd", 0, 3), Some((1, 2)));
        assert_eq!(s.find(b"abcd", 2, 4), None);
    }
}
