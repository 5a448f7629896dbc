//! Erlang's term order and equality.
//!
//! number < atom < reference < fun < port < pid < tuple < map < [] < list
//! < bitstring. Integers and floats compare by value (`1 == 1.0`), while
//! exact equality (`=:=`) also requires the same type. Comparison walks
//! terms with an explicit work list so deep terms cannot overflow the stack.

use super::{AtomTable, HeaderTag, Term};
use alloc::vec::Vec;
pub use core::cmp::Ordering;

fn rank(t: Term) -> u8 {
    if t.is_small() {
        return 0;
    }
    if t.is_atom() {
        return 1;
    }
    if t.is_port() {
        return 4;
    }
    if t.is_pid() {
        return 5;
    }
    if t.is_nil() {
        return 8;
    }
    if t.is_list() {
        return 9;
    }
    match t.boxed_tag() {
        Some(HeaderTag::PosBig | HeaderTag::NegBig | HeaderTag::Float) => 0,
        Some(HeaderTag::Ref) => 2,
        Some(HeaderTag::Fun | HeaderTag::Export) => 3,
        Some(HeaderTag::Tuple) => 6,
        Some(HeaderTag::FlatMap | HeaderTag::HashMap) => 7,
        Some(HeaderTag::HeapBin | HeaderTag::RefcBin | HeaderTag::SubBin) => 10,
        _ => 11,
    }
}

/// Compares an integer with a float by mathematical value.
pub fn cmp_int_float(n: i64, f: f64) -> Ordering {
    // 2^63 is exactly representable; outside [-2^63, 2^63) the sign decides.
    const LIMIT: f64 = 9_223_372_036_854_775_808.0;
    if f >= LIMIT {
        return Ordering::Less;
    }
    if f < -LIMIT {
        return Ordering::Greater;
    }
    let whole = libm::trunc(f);
    let w = whole as i64;
    match n.cmp(&w) {
        Ordering::Equal => {
            let frac = f - whole;
            if frac > 0.0 {
                Ordering::Less
            } else if frac < 0.0 {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        }
        o => o,
    }
}

fn cmp_numbers(a: Term, b: Term) -> Ordering {
    match (a.as_small(), b.as_small(), a.as_float(), b.as_float()) {
        (Some(x), Some(y), _, _) => x.cmp(&y),
        (Some(x), None, _, Some(g)) => cmp_int_float(x as i64, g),
        (None, Some(y), Some(f), _) => cmp_int_float(y as i64, f).reverse(),
        (None, None, Some(f), Some(g)) => f.partial_cmp(&g).unwrap_or(Ordering::Equal),
        // A bignum against a float: exactly, by value.
        (None, _, None, Some(g)) => cmp_float_big(a, g),
        (_, None, Some(f), None) => cmp_float_big(b, f).reverse(),
        _ => crate::bignum::compare_integers(a, b),
    }
}

/// A bignum against a float, compared exactly (no rounding of the bignum).
fn cmp_float_big(big: Term, f: f64) -> Ordering {
    match crate::bignum::Int::of(big) {
        Some(x) => crate::bignum::cmp_int_f64(x, f),
        None => Ordering::Equal,
    }
}

/// Compares two terms in Erlang term order. With `exact`, integers sort
/// before all floats instead of by value (used for `=:=` and map keys).
pub fn compare(a: Term, b: Term, atoms: &AtomTable, exact: bool) -> Ordering {
    let mut work: Vec<(Term, Term)> = Vec::new();
    let mut pair = (a, b);
    loop {
        let o = compare_step(pair.0, pair.1, atoms, exact, &mut work);
        if o != Ordering::Equal {
            return o;
        }
        match work.pop() {
            Some(p) => pair = p,
            None => return Ordering::Equal,
        }
    }
}

/// Compares the heads of `a` and `b`, pushing their children on `work`
/// (in reverse so they are visited left to right).
fn compare_step(
    a: Term,
    b: Term,
    atoms: &AtomTable,
    exact: bool,
    work: &mut Vec<(Term, Term)>,
) -> Ordering {
    if a == b {
        return Ordering::Equal;
    }
    let (ra, rb) = (rank(a), rank(b));
    if ra != rb {
        return ra.cmp(&rb);
    }
    match ra {
        0 => {
            // Exact order (map keys, `=:=`): every integer before every
            // float, as the BEAM orders map keys.
            if exact && a.is_float() != b.is_float() {
                return a.is_float().cmp(&b.is_float());
            }
            cmp_numbers(a, b)
        }
        1 => {
            let (x, y) = (
                a.as_atom().unwrap_or(super::atom::NIL),
                b.as_atom().unwrap_or(super::atom::NIL),
            );
            atoms.name(x).cmp(atoms.name(y))
        }
        2 => a.as_reference().cmp(&b.as_reference()),
        3 => crate::fun::compare_funs(a, b, atoms, work),
        4 => a.port_index().cmp(&b.port_index()),
        5 => a.pid_index().cmp(&b.pid_index()),
        6 => {
            let (x, y) = (a.boxed_body(), b.boxed_body());
            if x.len() != y.len() {
                return x.len().cmp(&y.len());
            }
            for (&p, &q) in x.iter().zip(y.iter()).rev() {
                work.push((p, q));
            }
            Ordering::Equal
        }
        7 => crate::map::compare_maps(a, b, atoms, work),
        9 => {
            // Compare heads now-ish: push tail first so the head is next.
            let (ha, ta) = a.as_cons().unwrap_or((Term::NIL, Term::NIL));
            let (hb, tb) = b.as_cons().unwrap_or((Term::NIL, Term::NIL));
            work.push((ta, tb));
            work.push((ha, hb));
            Ordering::Equal
        }
        10 => crate::binary::compare_bitstrings(a, b),
        _ => a.raw().cmp(&b.raw()),
    }
}

/// `=:=`: same type and value.
pub fn exact_eq(a: Term, b: Term, atoms: &AtomTable) -> bool {
    a == b || compare(a, b, atoms, true) == Ordering::Equal
}
