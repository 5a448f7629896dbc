//! Deflate blocks as zlib encodes them: symbols are collected until 16383
//! are pending, then each block is written in whichever of the stored,
//! fixed-code and dynamic-code forms zlib would pick, with Huffman codes
//! built as zlib builds them (a heap ordered by frequency then by subtree
//! depth, lengths limited to 15 bits, or 7 for the code-length code, by
//! its overflow redistribution).

use super::{zeroed, OutOfMemory};
use alloc::boxed::Box;
use alloc::vec::Vec;

/// Literal/length codes (the last two of 288 are never used).
const L_CODES: usize = 286;
const D_CODES: usize = 30;
const BL_CODES: usize = 19;
const END_BLOCK: usize = 256;
/// Nodes of the largest tree, leaves and inner nodes.
const HEAP_SIZE: usize = 2 * L_CODES + 1;
/// Symbols per block (zlib's literal buffer of 16384, less one).
const MAX_SYMBOLS: usize = (1 << 14) - 1;

const EXTRA_LBITS: [u8; 29] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const BASE_LENGTH: [u8; 29] = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 28, 32, 40, 48, 56, 64, 80, 96, 112, 128,
    160, 192, 224, 255,
];
const EXTRA_DBITS: [u8; 30] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
];
const EXTRA_BLBITS: [u8; BL_CODES] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 7];
/// The order code-length code lengths are sent in (RFC 1951, 3.2.7).
const BL_ORDER: [u8; BL_CODES] = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
];
const REP_3_6: usize = 16;
const REPZ_3_10: usize = 17;
const REPZ_11_138: usize = 18;

/// The length code (0..=28, less 257) of a match length less 3. Length
/// 258 takes code 28 (285), not 284 with all extra bits set.
fn length_code(lc: usize) -> usize {
    if lc < 8 {
        lc
    } else if lc == 255 {
        28
    } else {
        let b = lc.ilog2() as usize;
        4 * (b - 1) + ((lc >> (b - 2)) & 3)
    }
}

/// The distance code of a distance less 1.
fn dist_code(d: usize) -> usize {
    if d < 4 {
        d
    } else {
        let b = d.ilog2() as usize;
        2 * b + ((d >> (b - 1)) & 1)
    }
}

/// The fixed literal/length code's bit lengths (RFC 1951, 3.2.6).
fn static_llen(n: usize) -> u16 {
    match n {
        0..=143 => 8,
        144..=255 => 9,
        256..=279 => 7,
        _ => 8,
    }
}

/// The fixed distance code: 5 bits each.
const STATIC_DLEN: u16 = 5;

/// Which of the three codes a tree is, with what zlib needs to know.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Kind {
    Lit,
    Dist,
    BitLen,
}

impl Kind {
    fn elems(self) -> usize {
        match self {
            Kind::Lit => L_CODES,
            Kind::Dist => D_CODES,
            Kind::BitLen => BL_CODES,
        }
    }
    fn max_length(self) -> u16 {
        if self == Kind::BitLen {
            7
        } else {
            15
        }
    }
    /// Extra bits that come with symbol `n`.
    fn extra(self, n: usize) -> u16 {
        match self {
            Kind::Lit if n > END_BLOCK => EXTRA_LBITS[n - END_BLOCK - 1] as u16,
            Kind::Lit => 0,
            Kind::Dist => EXTRA_DBITS[n] as u16,
            Kind::BitLen => EXTRA_BLBITS[n] as u16,
        }
    }
    /// Symbol `n`'s length in the fixed code, for the cost of a fixed block.
    fn static_len(self, n: usize) -> Option<u16> {
        match self {
            Kind::Lit => Some(static_llen(n)),
            Kind::Dist => Some(STATIC_DLEN),
            Kind::BitLen => None,
        }
    }
}

/// A Huffman tree's nodes: leaves first, then inner nodes.
struct Tree {
    kind: Kind,
    freq: Box<[u16]>,
    len: Box<[u16]>,
    dad: Box<[u16]>,
    code: Box<[u16]>,
    /// The largest symbol with a code, after [`build`].
    max_code: usize,
}

impl Tree {
    fn new(kind: Kind) -> Result<Tree, OutOfMemory> {
        let nodes = 2 * kind.elems() + 1;
        Ok(Tree {
            kind,
            freq: zeroed(nodes)?,
            len: zeroed(nodes)?,
            dad: zeroed(nodes)?,
            code: zeroed(nodes)?,
            max_code: 0,
        })
    }

    /// The length of symbol `n`, with zlib's guard after `max_code`.
    fn len_at(&self, n: usize) -> u16 {
        if n > self.max_code {
            0xffff
        } else {
            self.len[n]
        }
    }
}

/// Tree-building scratch space and the block's costs.
struct Scratch {
    heap: Box<[u16]>,
    heap_len: usize,
    heap_max: usize,
    depth: Box<[u8]>,
    bl_count: [u16; 16],
    /// The bit cost of the block with its own codes, and with the fixed
    /// ones, as zlib counts them.
    opt_len: u64,
    static_len: u64,
}

impl Scratch {
    /// Is node `n` lighter than node `m` (by frequency, then depth)?
    fn smaller(&self, t: &Tree, n: u16, m: u16) -> bool {
        let (n, m) = (n as usize, m as usize);
        t.freq[n] < t.freq[m] || (t.freq[n] == t.freq[m] && self.depth[n] <= self.depth[m])
    }

    /// Restores the heap below position `k`.
    fn sift_down(&mut self, t: &Tree, mut k: usize) {
        let v = self.heap[k];
        let mut j = k << 1;
        while j <= self.heap_len {
            if j < self.heap_len && self.smaller(t, self.heap[j + 1], self.heap[j]) {
                j += 1;
            }
            if self.smaller(t, v, self.heap[j]) {
                break;
            }
            self.heap[k] = self.heap[j];
            k = j;
            j <<= 1;
        }
        self.heap[k] = v;
    }

    /// Builds a Huffman code for a tree's frequencies, adding its cost to
    /// `opt_len` and `static_len`.
    fn build(&mut self, t: &mut Tree) {
        let kind = t.kind;
        let elems = kind.elems();
        self.heap_len = 0;
        self.heap_max = HEAP_SIZE;
        let mut max_code: isize = -1;
        for n in 0..elems {
            if t.freq[n] != 0 {
                self.heap_len += 1;
                self.heap[self.heap_len] = n as u16;
                max_code = n as isize;
                self.depth[n] = 0;
            } else {
                t.len[n] = 0;
            }
        }
        // At least two codes, so that every code has a bit.
        while self.heap_len < 2 {
            let node = if max_code < 2 {
                max_code += 1;
                max_code as usize
            } else {
                0
            };
            self.heap_len += 1;
            self.heap[self.heap_len] = node as u16;
            t.freq[node] = 1;
            self.depth[node] = 0;
            self.opt_len = self.opt_len.wrapping_sub(1);
            if let Some(s) = kind.static_len(node) {
                self.static_len = self.static_len.wrapping_sub(s as u64);
            }
        }
        let max_code = max_code as usize;
        t.max_code = max_code;
        for n in (1..=self.heap_len / 2).rev() {
            self.sift_down(t, n);
        }
        // Join the two lightest nodes until one is left.
        let mut node = elems;
        loop {
            let n = self.heap[1];
            self.heap[1] = self.heap[self.heap_len];
            self.heap_len -= 1;
            self.sift_down(t, 1);
            let m = self.heap[1];
            self.heap_max -= 1;
            self.heap[self.heap_max] = n;
            self.heap_max -= 1;
            self.heap[self.heap_max] = m;
            let (n, m) = (n as usize, m as usize);
            t.freq[node] = t.freq[n] + t.freq[m];
            t.dad[n] = node as u16;
            t.dad[m] = node as u16;
            self.depth[node] = self.depth[n].max(self.depth[m]) + 1;
            self.heap[1] = node as u16;
            node += 1;
            self.sift_down(t, 1);
            if self.heap_len < 2 {
                break;
            }
        }
        self.heap_max -= 1;
        self.heap[self.heap_max] = self.heap[1];
        self.gen_bitlen(t);
        self.gen_codes(t);
    }

    /// Bit lengths from the tree's shape, limited to the kind's maximum
    /// by zlib's redistribution of the overflowing leaves.
    fn gen_bitlen(&mut self, t: &mut Tree) {
        let kind = t.kind;
        let max_code = t.max_code;
        let max_length = kind.max_length();
        self.bl_count = [0; 16];
        t.len[self.heap[self.heap_max] as usize] = 0;
        let mut overflow = 0i32;
        // From the root down, so that parents have their lengths first.
        for h in self.heap_max + 1..HEAP_SIZE {
            let n = self.heap[h] as usize;
            let mut bits = t.len[t.dad[n] as usize] + 1;
            if bits > max_length {
                bits = max_length;
                overflow += 1;
            }
            t.len[n] = bits;
            if n > max_code {
                continue;
            }
            self.bl_count[bits as usize] += 1;
            let xbits = kind.extra(n);
            let f = t.freq[n] as u64;
            self.opt_len = self.opt_len.wrapping_add(f * (bits + xbits) as u64);
            if let Some(s) = kind.static_len(n) {
                self.static_len = self.static_len.wrapping_add(f * (s + xbits) as u64);
            }
        }
        if overflow == 0 {
            return;
        }
        // Each step takes a leaf from the deepest level below the maximum
        // that has one and hangs it and an overflowing leaf one level
        // down, freeing a place at the maximum.
        let ml = max_length as usize;
        while overflow > 0 {
            let mut bits = ml - 1;
            while self.bl_count[bits] == 0 {
                bits -= 1;
            }
            self.bl_count[bits] -= 1;
            self.bl_count[bits + 1] += 2;
            self.bl_count[ml] -= 1;
            overflow -= 2;
        }
        // Hand the lengths out again, longest first, in the heap's order
        // (lightest leaves first).
        let mut h = HEAP_SIZE;
        for bits in (1..=max_length).rev() {
            let mut n = self.bl_count[bits as usize];
            while n != 0 {
                h -= 1;
                let m = self.heap[h] as usize;
                if m > max_code {
                    continue;
                }
                if t.len[m] != bits {
                    let delta = (bits as i64 - t.len[m] as i64) * t.freq[m] as i64;
                    self.opt_len = self.opt_len.wrapping_add(delta as u64);
                    t.len[m] = bits;
                }
                n -= 1;
            }
        }
    }

    /// Canonical codes from the bit lengths, bit-reversed for sending.
    fn gen_codes(&self, t: &mut Tree) {
        let mut next = first_codes(&self.bl_count);
        for n in 0..=t.max_code {
            let len = t.len[n] as usize;
            if len != 0 {
                t.code[n] = reverse(next[len], len);
                next[len] += 1;
            }
        }
    }
}

/// Bits out, least significant first, into a buffer of bounded length.
struct BitWriter {
    out: Vec<u8>,
    limit: usize,
    overflow: bool,
    buf: u32,
    count: u32,
}

impl BitWriter {
    fn put_byte(&mut self, b: u8) {
        if self.out.len() < self.limit {
            self.out.push(b);
        } else {
            self.overflow = true;
        }
    }

    fn put_bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.put_byte(b);
        }
    }

    /// The low `n` bits of `v`.
    fn send(&mut self, v: u16, n: u16) {
        self.buf |= (v as u32) << self.count;
        self.count += n as u32;
        while self.count >= 8 {
            self.put_byte(self.buf as u8);
            self.buf >>= 8;
            self.count -= 8;
        }
    }

    fn send_code(&mut self, t: &Tree, n: usize) {
        self.send(t.code[n], t.len[n]);
    }

    /// Pads to a byte boundary with zero bits.
    fn align(&mut self) {
        if self.count > 0 {
            self.put_byte(self.buf as u8);
        }
        self.buf = 0;
        self.count = 0;
    }
}

/// The block encoder: pending symbols, trees, and the output.
pub(super) struct Blocks {
    /// Pending symbols, three bytes each: the distance (little-endian; 0
    /// for a literal), then the literal or the length less 3.
    syms: Box<[u8]>,
    n_syms: usize,
    lit: Tree,
    dist: Tree,
    bl: Tree,
    scratch: Scratch,
    bits: BitWriter,
}

impl Blocks {
    /// An encoder for at most `input` bytes whose output may grow to
    /// `limit` bytes.
    pub(super) fn new(input: usize, limit: usize) -> Result<Blocks, OutOfMemory> {
        let mut out = Vec::new();
        out.try_reserve_exact(limit).map_err(|_| OutOfMemory)?;
        let mut b = Blocks {
            // One more than a block holds: zlib's lazy matching adds a
            // last literal without checking. (No more symbols than bytes.)
            syms: zeroed(3 * (MAX_SYMBOLS + 1).min(input.saturating_add(1)))?,
            n_syms: 0,
            lit: Tree::new(Kind::Lit)?,
            dist: Tree::new(Kind::Dist)?,
            bl: Tree::new(Kind::BitLen)?,
            scratch: Scratch {
                heap: zeroed(HEAP_SIZE)?,
                heap_len: 0,
                heap_max: 0,
                depth: zeroed(HEAP_SIZE)?,
                bl_count: [0; 16],
                opt_len: 0,
                static_len: 0,
            },
            bits: BitWriter {
                out,
                limit,
                overflow: false,
                buf: 0,
                count: 0,
            },
        };
        b.init_block();
        Ok(b)
    }

    fn init_block(&mut self) {
        self.lit.freq[..L_CODES].fill(0);
        self.dist.freq[..D_CODES].fill(0);
        self.bl.freq[..BL_CODES].fill(0);
        self.lit.freq[END_BLOCK] = 1;
        self.scratch.opt_len = 0;
        self.scratch.static_len = 0;
        self.n_syms = 0;
    }

    /// True once the output passed its limit.
    pub(super) fn overflowed(&self) -> bool {
        self.bits.overflow
    }

    /// The output, unless it passed its limit.
    pub(super) fn finish(self) -> Option<Vec<u8>> {
        (!self.bits.overflow).then_some(self.bits.out)
    }

    /// Whole bytes (at a byte boundary).
    pub(super) fn put_bytes(&mut self, bytes: &[u8]) {
        self.bits.put_bytes(bytes);
    }

    fn push_sym(&mut self, dist: u16, lc: u8) {
        let [d0, d1] = dist.to_le_bytes();
        self.syms[3 * self.n_syms..3 * self.n_syms + 3].copy_from_slice(&[d0, d1, lc]);
        self.n_syms += 1;
    }

    /// Records a literal; true when the block is full.
    pub(super) fn tally_literal(&mut self, c: u8) -> bool {
        self.push_sym(0, c);
        self.lit.freq[c as usize] += 1;
        self.n_syms >= MAX_SYMBOLS
    }

    /// Records a match of `len` (3..=258) bytes at `dist` (1..=32768);
    /// true when the block is full.
    pub(super) fn tally_match(&mut self, dist: usize, len: usize) -> bool {
        let lc = len - 3;
        self.push_sym(dist as u16, lc as u8);
        self.lit.freq[length_code(lc) + END_BLOCK + 1] += 1;
        self.dist.freq[dist_code(dist - 1)] += 1;
        self.n_syms >= MAX_SYMBOLS
    }

    /// Writes the pending symbols as one block (`last` if final):
    /// `stored` is the block's input while still in the window, `len` its
    /// length. The block is stored if that is no longer than coding it,
    /// else fixed-coded if that is no longer than dynamic coding.
    pub(super) fn flush(&mut self, stored: Option<&[u8]>, len: usize, last: bool) {
        self.scratch.build(&mut self.lit);
        self.scratch.build(&mut self.dist);
        let max_blindex = self.build_bl_tree();
        let mut opt_lenb = (self.scratch.opt_len.wrapping_add(3 + 7)) >> 3;
        let static_lenb = (self.scratch.static_len.wrapping_add(3 + 7)) >> 3;
        if static_lenb <= opt_lenb {
            opt_lenb = static_lenb;
        }
        let last_bit = last as u16;
        match stored {
            Some(bytes) if len as u64 + 4 <= opt_lenb => {
                self.bits.send(last_bit, 3);
                self.bits.align();
                // zlib writes the length's low 16 bits; a stored block is
                // never chosen above 64 KB.
                self.bits.put_bytes(&(len as u16).to_le_bytes());
                self.bits.put_bytes(&(!(len as u16)).to_le_bytes());
                self.bits.put_bytes(bytes);
            }
            _ if static_lenb == opt_lenb => {
                self.bits.send(2 | last_bit, 3);
                self.compress_block(true);
            }
            _ => {
                self.bits.send(4 | last_bit, 3);
                self.send_all_trees(max_blindex + 1);
                self.compress_block(false);
            }
        }
        self.init_block();
        if last {
            self.bits.align();
        }
    }

    /// The code-length tree; returns the index in `BL_ORDER` of the last
    /// length to send (at least 3).
    fn build_bl_tree(&mut self) -> usize {
        for t in [&self.lit, &self.dist] {
            let bl = &mut self.bl.freq;
            for_each_run(t, |run| match run {
                Run::Single(len, count) => bl[len as usize] += count,
                Run::Repeat(len, new, _) => {
                    if new {
                        bl[len as usize] += 1;
                    }
                    bl[REP_3_6] += 1;
                }
                Run::Zeros(count) => bl[if count <= 10 { REPZ_3_10 } else { REPZ_11_138 }] += 1,
            });
        }
        self.scratch.build(&mut self.bl);
        let mut max_blindex = BL_CODES - 1;
        while max_blindex >= 3 && self.bl.len[BL_ORDER[max_blindex] as usize] == 0 {
            max_blindex -= 1;
        }
        // The three counts, and 3 bits per code-length length.
        self.scratch.opt_len = self
            .scratch
            .opt_len
            .wrapping_add(3 * (max_blindex as u64 + 1) + 5 + 5 + 4);
        max_blindex
    }

    fn send_all_trees(&mut self, blcodes: usize) {
        let w = &mut self.bits;
        w.send((self.lit.max_code + 1 - 257) as u16, 5);
        w.send(self.dist.max_code as u16, 5);
        w.send((blcodes - 4) as u16, 4);
        for &o in &BL_ORDER[..blcodes] {
            w.send(self.bl.len[o as usize], 3);
        }
        let bl = &self.bl;
        for t in [&self.lit, &self.dist] {
            for_each_run(t, |run| match run {
                Run::Single(len, count) => {
                    for _ in 0..count {
                        w.send_code(bl, len as usize);
                    }
                }
                Run::Repeat(len, new, mut count) => {
                    if new {
                        w.send_code(bl, len as usize);
                        count -= 1;
                    }
                    w.send_code(bl, REP_3_6);
                    w.send(count - 3, 2);
                }
                Run::Zeros(count) if count <= 10 => {
                    w.send_code(bl, REPZ_3_10);
                    w.send(count - 3, 3);
                }
                Run::Zeros(count) => {
                    w.send_code(bl, REPZ_11_138);
                    w.send(count - 11, 7);
                }
            });
        }
    }

    /// Sends the pending symbols and the end of block, with the fixed
    /// codes or the block's own.
    fn compress_block(&mut self, fixed: bool) {
        let fixed_lit = fixed.then(fixed_lit_codes);
        let w = &mut self.bits;
        let lit = |w: &mut BitWriter, n: usize| match &fixed_lit {
            Some(f) => w.send(f[n].0, f[n].1),
            None => w.send_code(&self.lit, n),
        };
        for sym in self.syms[..3 * self.n_syms].chunks_exact(3) {
            let dist = u16::from_le_bytes([sym[0], sym[1]]);
            let lc = sym[2] as usize;
            if dist == 0 {
                lit(w, lc);
                continue;
            }
            let code = length_code(lc);
            lit(w, code + END_BLOCK + 1);
            let extra = EXTRA_LBITS[code] as u16;
            if extra != 0 {
                w.send((lc - BASE_LENGTH[code] as usize) as u16, extra);
            }
            let d = dist as usize - 1;
            let code = dist_code(d);
            if fixed {
                w.send(reverse(code as u16, 5), 5);
            } else {
                w.send_code(&self.dist, code);
            }
            let extra = EXTRA_DBITS[code] as u16;
            if extra != 0 {
                w.send((d - base_dist(code)) as u16, extra);
            }
        }
        lit(w, END_BLOCK);
    }
}

/// A run of equal code lengths, as the code-length code describes it.
#[derive(Copy, Clone)]
enum Run {
    /// `count` copies of a length, each sent by itself.
    Single(u16, u16),
    /// `count` copies of a length: the length itself first if `new` (not
    /// the previous run's), then code 16 repeating it.
    Repeat(u16, bool, u16),
    /// `count` zeros, by code 17 (up to 10) or 18.
    Zeros(u16),
}

/// Walks a tree's lengths `0..=max_code` in zlib's runs: at most 138
/// zeros, 6 repeats after a length of the same value, 7 otherwise; runs
/// shorter than 3 (4 for a new nonzero length) are sent as single lengths.
fn for_each_run(t: &Tree, mut f: impl FnMut(Run)) {
    let mut prevlen: Option<u16> = None;
    let mut nextlen = t.len_at(0);
    let mut count = 0u16;
    let (mut max_count, mut min_count) = if nextlen == 0 { (138, 3) } else { (7, 4) };
    for n in 0..=t.max_code {
        let curlen = nextlen;
        nextlen = t.len_at(n + 1);
        count += 1;
        if count < max_count && curlen == nextlen {
            continue;
        }
        if count < min_count {
            f(Run::Single(curlen, count));
        } else if curlen != 0 {
            f(Run::Repeat(curlen, prevlen != Some(curlen), count));
        } else {
            f(Run::Zeros(count));
        }
        count = 0;
        prevlen = Some(curlen);
        (max_count, min_count) = if nextlen == 0 {
            (138, 3)
        } else if curlen == nextlen {
            (6, 3)
        } else {
            (7, 4)
        };
    }
}

/// The first distance less 1 of a distance code.
fn base_dist(code: usize) -> usize {
    if code < 4 {
        code
    } else {
        (2 + (code & 1)) << (code / 2 - 1)
    }
}

/// The fixed literal/length code, bit-reversed, with lengths.
fn fixed_lit_codes() -> [(u16, u16); 288] {
    let mut count = [0u16; 16];
    for n in 0..288 {
        count[static_llen(n) as usize] += 1;
    }
    let mut next = first_codes(&count);
    let mut out = [(0, 0); 288];
    for (n, o) in out.iter_mut().enumerate() {
        let len = static_llen(n);
        *o = (reverse(next[len as usize], len as usize), len);
        next[len as usize] += 1;
    }
    out
}

/// The first canonical code of each bit length, given how many codes
/// each length has (RFC 1951, 3.2.2).
fn first_codes(count: &[u16; 16]) -> [u16; 16] {
    let mut next = [0u16; 16];
    let mut code = 0u16;
    for (bits, first) in next.iter_mut().enumerate().skip(1) {
        code = (code + count[bits - 1]) << 1;
        *first = code;
    }
    next
}

/// The low `len` bits of `code`, reversed.
fn reverse(code: u16, len: usize) -> u16 {
    code.reverse_bits() >> (16 - len)
}
