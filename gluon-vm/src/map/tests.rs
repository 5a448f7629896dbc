//! Property tests of maps against a `BTreeMap` model, across the flat/trie
//! boundary, through collections and message copies.

use super::*;
use crate::term::{exact_eq, HeaderTag};
use alloc::collections::BTreeMap;

/// Key number -> (key term, value).
type Model = BTreeMap<i64, (Term, i64)>;

/// xorshift64*: a small deterministic generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Key number `n` as a term: integers, floats, atoms and tuples mixed, so
/// that keys of several kinds (and `1` next to `1.0`) share a map.
fn key(heap: &mut Heap, atoms: &mut AtomTable, n: i64) -> Term {
    match n % 4 {
        0 => Term::small(n as isize),
        1 => heap.float(n as f64 - 1.0).unwrap(),
        2 => Term::atom(atoms.intern(&alloc::format!("k{n}")).unwrap()),
        _ => heap.tuple(&[Term::small(n as isize), Term::NIL]).unwrap(),
    }
}

/// Checks `m` against the model: size, representation, every lookup, and
/// the pairs in key order.
fn check(m: Term, model: &Model, atoms: &AtomTable, universe: &[Term]) {
    assert_eq!(size(m), Some(model.len()));
    let tag = m.boxed_tag().unwrap();
    if model.len() <= MAX_FLAT {
        assert_eq!(tag, HeaderTag::FlatMap);
    } else {
        assert_eq!(tag, HeaderTag::HashMap);
    }
    for (n, &k) in universe.iter().enumerate() {
        let want = model
            .get(&(n as i64))
            .map(|&(_, v)| Term::small(v as isize));
        assert_eq!(get(m, k, atoms), want, "key {n}");
    }
    let ps = pairs(m, atoms).unwrap();
    let mut want: Vec<(Term, Term)> = model
        .values()
        .map(|&(k, v)| (k, Term::small(v as isize)))
        .collect();
    want.sort_by(|a, b| compare(a.0, b.0, atoms, true));
    assert_eq!(ps.len(), want.len());
    for (p, w) in ps.iter().zip(&want) {
        assert!(exact_eq(p.0, w.0, atoms) && p.1 == w.1);
    }
}

#[test]
fn random_puts_and_removes_match_a_model() {
    let mut atoms = AtomTable::new(10_000);
    for seed in 1..=12u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let mut heap = Heap::new(1 << 16).unwrap();
        let universe_len = 40 + rng.below(400) as i64;
        let universe: Vec<Term> = (0..universe_len)
            .map(|n| key(&mut heap, &mut atoms, n))
            .collect();
        let mut m = from_pairs(&mut heap, &mut [], &atoms).unwrap();
        let mut model: Model = BTreeMap::new();
        let mut history: Vec<(Term, Model)> = Vec::new();
        for step in 0..1500 {
            let n = rng.below(universe_len as u64) as i64;
            let k = universe[n as usize];
            // Grow more often than shrink in the first half, then the
            // other way, so that sizes cross 32 both ways.
            let grow = if step < 750 { 3 } else { 1 };
            if rng.below(4) < grow {
                let v = rng.below(1000) as i64;
                m = put(&mut heap, m, k, Term::small(v as isize), &atoms).unwrap();
                model.insert(n, (k, v));
            } else {
                m = remove(&mut heap, m, k, &atoms).unwrap();
                model.remove(&n);
            }
            if step % 50 == 0 {
                check(m, &model, &atoms, &universe);
                history.push((m, model.clone()));
            }
        }
        check(m, &model, &atoms, &universe);
        // Older versions are untouched by later updates (persistence).
        for (old, old_model) in &history {
            check(*old, old_model, &atoms, &universe);
        }
    }
}

#[test]
fn from_pairs_keeps_the_last_of_equal_keys_and_one_and_one_point_zero_apart() {
    let atoms = AtomTable::new(100);
    let mut heap = Heap::new(1 << 12).unwrap();
    let one_f = heap.float(1.0).unwrap();
    let mut kv: Vec<(Term, Term)> = (0..100)
        .map(|i| (Term::small(i % 50), Term::small(i)))
        .collect();
    kv.push((one_f, Term::small(-1)));
    let m = from_pairs(&mut heap, &mut kv, &atoms).unwrap();
    assert_eq!(size(m), Some(51));
    assert_eq!(get(m, Term::small(1), &atoms), Some(Term::small(51)));
    assert_eq!(get(m, one_f, &atoms), Some(Term::small(-1)));
    let ps = pairs(m, &atoms).unwrap();
    // Integers first, then the float: exact key order.
    assert_eq!(ps[49].0, Term::small(49));
    assert_eq!(ps[50].0, one_f);
}

#[test]
fn equal_maps_built_differently_hash_and_compare_equal() {
    let atoms = AtomTable::new(100);
    let mut heap = Heap::new(1 << 12).unwrap();
    let mut a = from_pairs(&mut heap, &mut [], &atoms).unwrap();
    for i in 0..200 {
        a = put(&mut heap, a, Term::small(i), Term::small(i * 2), &atoms).unwrap();
    }
    let mut kv: Vec<(Term, Term)> = (0..200)
        .rev()
        .map(|i| (Term::small(i), Term::small(i * 2)))
        .collect();
    let b = from_pairs(&mut heap, &mut kv, &atoms).unwrap();
    assert!(exact_eq(a, b, &atoms));
    assert_eq!(hash(a, &atoms), hash(b, &atoms));
    let c = put(&mut heap, b, Term::small(7), Term::small(0), &atoms).unwrap();
    assert_eq!(compare(c, a, &atoms, true), Ordering::Less);
}

/// A trie survives collections and copies into another heap unchanged.
#[test]
fn tries_survive_collection_and_copy() {
    let atoms = AtomTable::new(100);
    let mut heap = Heap::new(64).unwrap();
    let mut kv: Vec<(Term, Term)> = Vec::new();
    for i in 0..300 {
        let v = heap.tuple(&[Term::small(i)]).unwrap();
        kv.push((Term::small(i * 7), v));
    }
    let m = from_pairs(&mut heap, &mut kv, &atoms).unwrap();
    let mut shadow = Heap::new(1 << 14).unwrap();
    let copy = crate::copy::copy_to_heap(m, &mut shadow).unwrap();
    assert!(exact_eq(m, copy, &atoms));
    let mut roots = [m];
    for force in [
        crate::gc::Kind::Minor,
        crate::gc::Kind::Minor,
        crate::gc::Kind::Major,
    ] {
        crate::gc::collect_as(&mut heap, &mut [&mut roots[..]], 0, Some(force)).unwrap();
        assert!(exact_eq(roots[0], copy, &atoms));
    }
    let m2 = remove(&mut heap, roots[0], Term::small(7), &atoms).unwrap();
    assert_eq!(size(m2), Some(299));
    assert_eq!(
        get(m2, Term::small(14), &atoms).and_then(|t| t.as_tuple().map(|e| e[0])),
        Some(Term::small(2))
    );
}

/// Keys whose hashes collide entirely (see `hamt::hash` under test) go to
/// collision nodes, in key order, and come back out on removal.
#[test]
fn full_hash_collisions_use_collision_nodes() {
    let atoms = AtomTable::new(100);
    let mut heap = Heap::new(1 << 14).unwrap();
    let keys: Vec<Term> = (1..=90).map(|i| heap.float(-(i as f64)).unwrap()).collect();
    let mut rng = Rng(77);
    let mut m = from_pairs(&mut heap, &mut [], &atoms).unwrap();
    let mut model: Model = BTreeMap::new();
    for step in 0..3000 {
        let n = rng.below(keys.len() as u64) as i64;
        if rng.below(3) < if step < 1500 { 2 } else { 1 } {
            m = put(&mut heap, m, keys[n as usize], Term::small(step), &atoms).unwrap();
            model.insert(n, (keys[n as usize], step as i64));
        } else {
            m = remove(&mut heap, m, keys[n as usize], &atoms).unwrap();
            model.remove(&n);
        }
        if step % 25 == 0 {
            check(m, &model, &atoms, &keys);
        }
    }
    check(m, &model, &atoms, &keys);
}
