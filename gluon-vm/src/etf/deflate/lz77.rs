//! Finding matches the way zlib does, so that the same literals and
//! matches come out.
//!
//! zlib keeps a 64 KB window (twice the 32 KB distance limit), slides it
//! down by 32 KB when the current position nears its end, and chains the
//! positions of equal 3-byte hashes (hash `((h << 5) ^ byte) & 0x7fff`
//! over 15 bits, memory level 8) through `head` and `prev`, with 0 as the
//! end of a chain. Levels 1..=3 take the longest match at each position
//! and insert the covered positions only for short matches ("fast");
//! levels 4..=9 defer each match by one byte to see whether the next one
//! is longer ("lazy"). Each level bounds the chain walk and the lengths
//! that are good or long enough.
//!
//! The search compares bytes past the end of the input when the input
//! ends inside a match (the result is then cut to what is left), and those
//! bytes decide between equally good candidates; so the window here is
//! kept exactly as zlib's is, stale bytes and zeroed tail included.

use super::blocks::Blocks;
use super::heads::Heads;
use super::{zeroed, OutOfMemory};
use alloc::boxed::Box;

const W_SIZE: usize = 1 << 15;
const W_MASK: usize = W_SIZE - 1;
const WINDOW_SIZE: usize = 2 * W_SIZE;
const HASH_MASK: usize = super::heads::HASH_SIZE - 1;
const HASH_SHIFT: u32 = 5;
const MIN_MATCH: usize = 3;
const MAX_MATCH: usize = 258;
/// The input kept ahead of the current position while there is more.
const MIN_LOOKAHEAD: usize = MAX_MATCH + MIN_MATCH + 1;
/// The farthest match distance zlib uses (less than the 32 KB allowed).
const MAX_DIST: usize = W_SIZE - MIN_LOOKAHEAD;
/// Lazy matching drops a 3-byte match farther than this.
const TOO_FAR: usize = 4096;
/// How far past the data zlib zeroes the window before reading it.
const WIN_INIT: usize = MAX_MATCH;

/// zlib's parameters for one level.
#[derive(Copy, Clone)]
pub(super) struct Config {
    /// Above this previous length, walk a quarter of the chain.
    good: u16,
    /// Lazy: no second search after a match this long. Fast: the longest
    /// match whose positions are still inserted into the hash chains.
    lazy: u16,
    /// Stop searching at a match this long.
    nice: u16,
    /// The most chain links walked.
    chain: u16,
    lazy_matching: bool,
}

impl Config {
    /// zlib's configuration table for levels 1..=9.
    pub(super) fn for_level(level: u8) -> Option<Config> {
        let (good, lazy, nice, chain) = match level {
            1 => (4, 4, 8, 4),
            2 => (4, 5, 16, 8),
            3 => (4, 6, 32, 32),
            4 => (4, 4, 16, 16),
            5 => (8, 16, 32, 32),
            6 => (8, 16, 128, 128),
            7 => (8, 32, 128, 256),
            8 => (32, 128, 258, 1024),
            9 => (32, 258, 258, 4096),
            _ => return None,
        };
        Some(Config {
            good,
            lazy,
            nice,
            chain,
            lazy_matching: level >= 4,
        })
    }
}

/// The matcher's state: zlib's window, chains and positions.
pub(super) struct Matcher<'a> {
    input: &'a [u8],
    /// How much of `input` has been copied into the window.
    read: usize,
    window: Box<[u8]>,
    /// For each window position (modulo 32 KB), the previous position with
    /// the same hash.
    prev: Box<[u16]>,
    /// For each hash, the latest position with it.
    head: Heads,
    /// How much of the window has been written or zeroed.
    high_water: usize,
    ins_h: usize,
    strstart: usize,
    /// Where the current block starts; negative once slid out.
    block_start: isize,
    lookahead: usize,
    match_start: usize,
    match_length: usize,
    prev_length: usize,
    prev_match: usize,
    match_available: bool,
    cfg: Config,
}

impl<'a> Matcher<'a> {
    /// A matcher over `input`. For a short input the window and `prev`
    /// are cut to what it can reach: below 64 KB less `MIN_LOOKAHEAD` the
    /// window never slides, and no position read (a match search reads
    /// at most `MAX_MATCH` past the data, then zeroed) lies beyond the
    /// input's length plus `MIN_LOOKAHEAD`. The heads are sized to the
    /// positions that can be inserted ([`Heads::new`]).
    pub(super) fn new(input: &'a [u8], cfg: Config) -> Result<Matcher<'a>, OutOfMemory> {
        let reach = input.len().saturating_add(MIN_LOOKAHEAD);
        Ok(Matcher {
            input,
            read: 0,
            window: zeroed(reach.min(WINDOW_SIZE))?,
            prev: zeroed(reach.min(W_SIZE))?,
            head: Heads::new(reach)?,
            high_water: 0,
            ins_h: 0,
            strstart: 0,
            block_start: 0,
            lookahead: 0,
            match_start: 0,
            match_length: MIN_MATCH - 1,
            prev_length: MIN_MATCH - 1,
            prev_match: 0,
            match_available: false,
            cfg,
        })
    }

    /// Compresses the whole input into `out` as deflate blocks, the last
    /// one final. False when `out` overflowed its limit.
    pub(super) fn run(&mut self, out: &mut Blocks) -> bool {
        if self.cfg.lazy_matching {
            self.lazy(out)
        } else {
            self.fast(out)
        }
    }

    fn update_hash(h: usize, c: u8) -> usize {
        ((h << HASH_SHIFT) ^ c as usize) & HASH_MASK
    }

    /// Chains position `s` into its hash, returning the previous head.
    fn insert(&mut self, s: usize) -> usize {
        self.ins_h = Self::update_hash(self.ins_h, self.window[s + MIN_MATCH - 1]);
        let head = self.head.replace(self.ins_h, s as u16);
        self.prev[s & W_MASK] = head;
        head as usize
    }

    /// Reads input into the window (sliding it down first when the
    /// position is near its end) until there is `MIN_LOOKAHEAD` ahead or
    /// the input is all read; then zeroes up to `WIN_INIT` bytes past the
    /// data, as zlib does.
    fn fill_window(&mut self) {
        loop {
            let mut more = WINDOW_SIZE - self.lookahead - self.strstart;
            if self.strstart >= W_SIZE + MAX_DIST {
                // zlib copies only the valid part of the upper half.
                self.window.copy_within(W_SIZE..2 * W_SIZE - more, 0);
                self.match_start = self.match_start.wrapping_sub(W_SIZE);
                self.strstart -= W_SIZE;
                self.block_start -= W_SIZE as isize;
                self.head.slide(W_SIZE as u16);
                for p in self.prev.iter_mut() {
                    *p = p.saturating_sub(W_SIZE as u16);
                }
                more += W_SIZE;
            }
            let rest = &self.input[self.read..];
            if rest.is_empty() {
                break;
            }
            let n = rest.len().min(more);
            let at = self.strstart + self.lookahead;
            self.window[at..at + n].copy_from_slice(&rest[..n]);
            self.read += n;
            self.lookahead += n;
            if self.lookahead >= MIN_MATCH {
                // Everything before is inserted: restart the hash here.
                let s = self.strstart;
                self.ins_h = Self::update_hash(self.window[s] as usize, self.window[s + 1]);
            }
            if self.lookahead >= MIN_LOOKAHEAD || self.read == self.input.len() {
                break;
            }
        }
        let curr = self.strstart + self.lookahead;
        if self.high_water < curr {
            let end = WINDOW_SIZE.min(curr + WIN_INIT);
            self.window[curr..end].fill(0);
            self.high_water = end;
        } else if self.high_water < curr + WIN_INIT {
            let end = WINDOW_SIZE.min(curr + WIN_INIT);
            self.window[self.high_water..end].fill(0);
            self.high_water = end;
        }
    }

    /// The longest match for the current position along the chain from
    /// `cur`, better than `prev_length`; sets `match_start`. zlib's
    /// search: candidates are screened on the bytes at the current best
    /// length and at 0 and 1, then compared from byte 3 (byte 2 is
    /// implied by the hash), up to `MAX_MATCH`; the result is cut to the
    /// lookahead.
    fn longest_match(&mut self, mut cur: usize) -> usize {
        let mut chain = self.cfg.chain as usize;
        let scan = self.strstart;
        let mut best = self.prev_length;
        let mut nice = self.cfg.nice as usize;
        let limit = self.strstart.saturating_sub(MAX_DIST);
        if self.prev_length >= self.cfg.good as usize {
            chain >>= 2;
        }
        if nice > self.lookahead {
            nice = self.lookahead;
        }
        let w = &self.window;
        loop {
            if w[cur + best] == w[scan + best]
                && w[cur + best - 1] == w[scan + best - 1]
                && w[cur] == w[scan]
                && w[cur + 1] == w[scan + 1]
            {
                let mut len = 3;
                while len < MAX_MATCH && w[scan + len] == w[cur + len] {
                    len += 1;
                }
                if len > best {
                    self.match_start = cur;
                    best = len;
                    if len >= nice {
                        break;
                    }
                }
            }
            cur = self.prev[cur & W_MASK] as usize;
            if cur <= limit {
                break;
            }
            chain -= 1;
            if chain == 0 {
                break;
            }
        }
        best.min(self.lookahead)
    }

    /// Ends the current block at `strstart`.
    fn flush_block(&mut self, out: &mut Blocks, last: bool) {
        let len = (self.strstart as isize - self.block_start) as usize;
        let stored = usize::try_from(self.block_start)
            .ok()
            .map(|b| &self.window[b..b + len]);
        out.flush(stored, len, last);
        self.block_start = self.strstart as isize;
    }

    /// Levels 1..=3: zlib's `deflate_fast`.
    fn fast(&mut self, out: &mut Blocks) -> bool {
        loop {
            if self.lookahead < MIN_LOOKAHEAD {
                self.fill_window();
                if self.lookahead == 0 {
                    break;
                }
            }
            let mut head = 0;
            if self.lookahead >= MIN_MATCH {
                head = self.insert(self.strstart);
            }
            if head != 0 && self.strstart - head <= MAX_DIST {
                self.match_length = self.longest_match(head);
            }
            let full;
            if self.match_length >= MIN_MATCH {
                full = out.tally_match(self.strstart - self.match_start, self.match_length);
                self.lookahead -= self.match_length;
                if self.match_length <= self.cfg.lazy as usize && self.lookahead >= MIN_MATCH {
                    // Insert the covered positions too.
                    for _ in 1..self.match_length {
                        self.strstart += 1;
                        self.insert(self.strstart);
                    }
                    self.strstart += 1;
                } else {
                    self.strstart += self.match_length;
                    let s = self.strstart;
                    self.ins_h = Self::update_hash(self.window[s] as usize, self.window[s + 1]);
                }
                self.match_length = 0;
            } else {
                full = out.tally_literal(self.window[self.strstart]);
                self.lookahead -= 1;
                self.strstart += 1;
            }
            if full {
                self.flush_block(out, false);
                if out.overflowed() {
                    return false;
                }
            }
        }
        self.flush_block(out, true);
        !out.overflowed()
    }

    /// Levels 4..=9: zlib's `deflate_slow`, with lazy matching.
    fn lazy(&mut self, out: &mut Blocks) -> bool {
        loop {
            if self.lookahead < MIN_LOOKAHEAD {
                self.fill_window();
                if self.lookahead == 0 {
                    break;
                }
            }
            let mut head = 0;
            if self.lookahead >= MIN_MATCH {
                head = self.insert(self.strstart);
            }
            self.prev_length = self.match_length;
            self.prev_match = self.match_start;
            self.match_length = MIN_MATCH - 1;
            if head != 0
                && self.prev_length < self.cfg.lazy as usize
                && self.strstart - head <= MAX_DIST
            {
                self.match_length = self.longest_match(head);
                if self.match_length == MIN_MATCH && self.strstart - self.match_start > TOO_FAR {
                    self.match_length = MIN_MATCH - 1;
                }
            }
            if self.prev_length >= MIN_MATCH && self.match_length <= self.prev_length {
                // The previous match wins: emit it.
                let max_insert = self.strstart + self.lookahead - MIN_MATCH;
                let full = out.tally_match(self.strstart - 1 - self.prev_match, self.prev_length);
                self.lookahead -= self.prev_length - 1;
                for _ in 0..self.prev_length - 2 {
                    self.strstart += 1;
                    if self.strstart <= max_insert {
                        self.insert(self.strstart);
                    }
                }
                self.match_available = false;
                self.match_length = MIN_MATCH - 1;
                self.strstart += 1;
                if full {
                    self.flush_block(out, false);
                    if out.overflowed() {
                        return false;
                    }
                }
            } else if self.match_available {
                // The previous position stays a literal.
                if out.tally_literal(self.window[self.strstart - 1]) {
                    self.flush_block(out, false);
                    if out.overflowed() {
                        return false;
                    }
                }
                self.strstart += 1;
                self.lookahead -= 1;
            } else {
                self.match_available = true;
                self.strstart += 1;
                self.lookahead -= 1;
            }
        }
        if self.match_available {
            out.tally_literal(self.window[self.strstart - 1]);
            self.match_available = false;
        }
        self.flush_block(out, true);
        !out.overflowed()
    }
}
