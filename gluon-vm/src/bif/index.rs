//! The native functions as one table in flash, sorted by the atom indices
//! of `{Module, Function, Arity}`, built by the compiler from
//! [`super::FAMILIES`]. The export table asks it when it makes an entry,
//! so a native costs RAM only once a module imports it or code names it.

use crate::code::{BifFn, Target};
use crate::term::static_atoms::{native_def, native_function, native_module, NATIVES};
use crate::term::{atom, Atom};

/// One native: its name as a key of static atom indices and arity
/// ([`key`]: module, function and arity in 12, 12 and 8 bits, so that
/// the key's order is that of `{M, F, A}`), and its function. 8 bytes on
/// 32-bit.
#[derive(Copy, Clone)]
struct Native {
    key: u32,
    f: BifFn,
}

/// The key of `M:F/A`, if its atoms are static.
const fn key(m: u32, f: u32, arity: u32) -> Option<u32> {
    if m < 1 << 12 && f < 1 << 12 && arity < 1 << 8 {
        Some((m << 20) | (f << 8) | arity)
    } else {
        None
    }
}

/// Number of natives that run a [`BifFn`]: all but `erlang:apply/2,3`,
/// which [`lookup`] answers itself.
const BIFS: usize = {
    let mut n = 0;
    let mut k = 0;
    while k < NATIVES {
        if let Target::Bif(_) = native_def(k).target {
            n += 1;
        }
        k += 1;
    }
    n
};

/// Every native that runs a function, sorted by key (the order of the
/// export table when it held all of them).
static TABLE: [Native; BIFS] = {
    assert!(
        crate::term::static_atoms::COUNT <= 1 << 12,
        "static atoms exceed the native key"
    );
    let mut out = [Native {
        key: 0,
        f: super::missing,
    }; BIFS];
    let mut len = 0;
    let mut k = 0;
    while k < NATIVES {
        let d = native_def(k);
        k += 1;
        let Target::Bif(f) = d.target else {
            // The one other kind, which `lookup` answers by name.
            assert!(
                matches!(d.target, Target::Apply(n) if n == d.arity)
                    && native_module(k - 1) == atom::ERLANG.index() as u16
                    && native_function(k - 1) == atom::APPLY.index() as u16,
                "only erlang:apply/2,3 may be other than a function"
            );
            continue;
        };
        let Some(key) = key(
            native_module(k - 1) as u32,
            native_function(k - 1) as u32,
            d.arity as u32,
        ) else {
            panic!("a native's key does not fit")
        };
        // Insertion sort: a few hundred entries, once, in the compiler.
        let mut j = len;
        while j > 0 && out[j - 1].key > key {
            out[j] = out[j - 1];
            j -= 1;
        }
        assert!(
            j == 0 || out[j - 1].key != key,
            "a native function is defined twice"
        );
        out[j] = Native { key, f };
        len += 1;
    }
    out
};

/// What calling native `M:F/A` runs, if there is such a native.
pub fn lookup(m: Atom, f: Atom, arity: u32) -> Option<Target> {
    if (m, f) == (atom::ERLANG, atom::APPLY) && (arity == 2 || arity == 3) {
        return Some(Target::Apply(arity as u8));
    }
    let key = key(m.index(), f.index(), arity)?;
    TABLE
        .binary_search_by(|n| n.key.cmp(&key))
        .ok()
        .map(|i| Target::Bif(TABLE[i].f))
}

/// The name of the native running `func` with `arity` arguments, for
/// stacktraces (the first in table order if several share it).
pub fn native_name(func: BifFn, arity: u8) -> Option<(Atom, Atom)> {
    TABLE.iter().find_map(|n| {
        (n.f as usize == func as usize && n.key & 0xff == arity as u32).then(|| {
            (
                Atom::from_index(n.key >> 20),
                Atom::from_index((n.key >> 8) & 0xfff),
            )
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::term::AtomTable;

    #[test]
    fn every_native_is_found_by_name() {
        let atoms = AtomTable::new(1 << 20);
        for d in super::super::table() {
            let m = atoms.lookup(d.module).unwrap();
            let f = atoms.lookup(d.name).unwrap();
            let t = lookup(m, f, d.arity as u32).unwrap();
            match (t, d.target) {
                (Target::Bif(a), Target::Bif(b)) => assert_eq!(a as usize, b as usize),
                (Target::Apply(a), Target::Apply(b)) => assert_eq!(a, b),
                _ => panic!("{}:{}/{} has another target", d.module, d.name, d.arity),
            }
        }
        let m = atoms.lookup("erlang").unwrap();
        assert!(lookup(m, m, 0).is_none());
    }
}
