//! The VM-wide table of `M:F/A` entries that loaded code, imports, funs
//! and `apply` refer to.
//!
//! Code holds `*const ExportEntry`, so entries never move: they are made
//! in chunks that are allocated once and never grown. A
//! vector of entry numbers sorted by `{M, F, A}` finds them (4 bytes an
//! entry, binary search). Natives get an entry only when something asks
//! for one: [`ExportTable::entry`] and [`ExportTable::find`] make it from
//! the native table in flash ([`crate::bif::lookup`]).

use crate::code::{ExportEntry, Target};
use crate::term::Atom;
use alloc::vec::Vec;
use core::cell::Cell;
use core::cmp::Ordering;

/// Entries per chunk: the first chunks double from [`FIRST`] (a VM that
/// uses a handful of functions wastes little), the rest hold [`CHUNK`]
/// (a large program's last chunk wastes little either).
const FIRST: usize = 4;
const CHUNK: usize = 64;
/// Entries in the doubling chunks: 4 + 8 + 16 + 32.
const DOUBLING: usize = CHUNK - FIRST;

/// Chunk and slot of entry number `n`.
fn place(n: usize) -> (usize, usize) {
    if n < DOUBLING {
        // Chunk k starts at FIRST * (2^k - 1).
        let k = (n / FIRST + 1).ilog2() as usize;
        (k, n - FIRST * ((1 << k) - 1))
    } else {
        let past = n - DOUBLING;
        (DOUBLING_CHUNKS + past / CHUNK, past % CHUNK)
    }
}

/// Number of doubling chunks.
const DOUBLING_CHUNKS: usize = (CHUNK / FIRST).ilog2() as usize;

/// Capacity of chunk `k`.
fn capacity(k: usize) -> usize {
    if k < DOUBLING_CHUNKS {
        FIRST << k
    } else {
        CHUNK
    }
}

/// The table of export entries. Entries are never removed, so pointers to
/// them stay valid for the table's life.
#[derive(Default)]
pub struct ExportTable {
    /// Chunk `k` is made with capacity [`capacity`]`(k)` and never pushed
    /// past it, so it never reallocates.
    chunks: Vec<Vec<ExportEntry>>,
    /// Entry numbers (see [`place`]) in `{M, F, A}` order.
    sorted: Vec<u32>,
}

impl ExportTable {
    fn at(&self, n: u32) -> &ExportEntry {
        let (k, i) = place(n as usize);
        &self.chunks[k][i]
    }

    /// Where `M:F/A` is or would go in `sorted`.
    fn search(&self, m: Atom, f: Atom, a: u32) -> Result<usize, usize> {
        self.sorted.binary_search_by(|&n| {
            let e = self.at(n);
            (e.module, e.function, e.arity).cmp(&(m, f, a))
        })
    }

    fn add(&mut self, pos: usize, m: Atom, f: Atom, a: u32, target: Target) -> &ExportEntry {
        let n = self.sorted.len();
        let (k, _) = place(n);
        if k == self.chunks.len() {
            self.chunks.push(Vec::with_capacity(capacity(k)));
        }
        let chunk = &mut self.chunks[k];
        let n = n as u32;
        chunk.push(ExportEntry {
            module: m,
            function: f,
            arity: a,
            target: Cell::new(target),
            code: Cell::new(None),
        });
        self.sorted.insert(pos, n);
        self.at(n)
    }

    /// The entry for `M:F/A`, created if new (calling a native if one has
    /// that name, undefined otherwise).
    pub fn entry(&mut self, m: Atom, f: Atom, a: u32) -> &ExportEntry {
        match self.search(m, f, a) {
            Ok(i) => self.at(self.sorted[i]),
            Err(i) => {
                let target = crate::bif::lookup(m, f, a).unwrap_or(Target::Undefined);
                self.add(i, m, f, a, target)
            }
        }
    }

    /// The entry for `M:F/A` if one exists: one that code has made, or
    /// that of a native (made now).
    pub fn find(&mut self, m: Atom, f: Atom, a: u32) -> Option<&ExportEntry> {
        match self.search(m, f, a) {
            Ok(i) => Some(self.at(self.sorted[i])),
            Err(i) => {
                let target = crate::bif::lookup(m, f, a)?;
                Some(self.add(i, m, f, a, target))
            }
        }
    }

    /// The entries of module `m`.
    pub fn of_module(&self, m: Atom) -> impl Iterator<Item = &ExportEntry> {
        let start = self
            .sorted
            .partition_point(|&n| self.at(n).module.cmp(&m) == Ordering::Less);
        self.sorted[start..]
            .iter()
            .map(|&n| self.at(n))
            .take_while(move |e| e.module == m)
    }

    /// All entries made so far, in `{M, F, A}` order.
    pub fn iter(&self) -> impl Iterator<Item = &ExportEntry> {
        self.sorted.iter().map(|&n| self.at(n))
    }

    /// Number of entries made so far.
    pub fn len(&self) -> usize {
        self.sorted.len()
    }

    /// Whether no entry was made yet.
    pub fn is_empty(&self) -> bool {
        self.sorted.is_empty()
    }
}

impl crate::etf::FunResolver for ExportTable {
    fn export(&mut self, m: Atom, f: Atom, a: u32) -> Option<*const ExportEntry> {
        Some(self.entry(m, f, a) as *const ExportEntry)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::term::{atom, AtomTable};

    #[test]
    fn entries_stay_put_and_are_found() {
        let mut atoms = AtomTable::new(1 << 20);
        let mut t = ExportTable::default();
        let m = atoms.intern("some_module").unwrap();
        let mut ptrs = Vec::new();
        for i in 0..100 {
            let f = atoms.intern(&alloc::format!("f{}", 99 - i)).unwrap();
            ptrs.push((f, t.entry(m, f, 1) as *const ExportEntry));
        }
        for &(f, p) in &ptrs {
            assert_eq!(t.entry(m, f, 1) as *const ExportEntry, p);
            assert!(matches!(
                t.find(m, f, 1).unwrap().target.get(),
                Target::Undefined
            ));
            assert!(t.find(m, f, 2).is_none());
        }
        assert_eq!(t.of_module(m).count(), 100);
        assert_eq!(t.len(), 100);
        let keys: Vec<_> = t.iter().map(|e| (e.module, e.function)).collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn entry_numbers_fill_each_chunk_in_turn() {
        let mut expect = (0, 0);
        for n in 0..1000 {
            assert_eq!(place(n), expect, "entry {n}");
            expect.1 += 1;
            if expect.1 == capacity(expect.0) {
                expect = (expect.0 + 1, 0);
            }
        }
    }

    #[test]
    fn natives_get_an_entry_when_asked_for() {
        let atoms = AtomTable::new(1 << 20);
        let mut t = ExportTable::default();
        assert!(t.is_empty());
        let length = atoms.lookup("length").unwrap();
        let e = t.find(atom::ERLANG, length, 1).unwrap();
        assert!(matches!(e.target.get(), Target::Bif(_)));
        assert_eq!(t.len(), 1);
        assert!(t.find(atom::ERLANG, length, 7).is_none());
        assert!(matches!(
            t.entry(atom::ERLANG, atom::APPLY, 3).target.get(),
            Target::Apply(3)
        ));
        assert_eq!(t.len(), 2);
    }
}
