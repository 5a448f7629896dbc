//! The native functions as one table in flash, sorted by the atom indices
//! of `{Module, Function, Arity}`, built by the compiler from
//! [`super::FAMILIES`]. The export table asks it when it makes an entry,
//! so a native costs RAM only once a module imports it or code names it.

use crate::code::{BifFn, Target};
use crate::term::static_atoms::{native_def, native_function, native_module, NATIVES};
use crate::term::Atom;

/// One native: its name as static atom indices, and what it runs.
#[derive(Copy, Clone)]
struct Native {
    module: u16,
    function: u16,
    arity: u8,
    target: Target,
}

impl Native {
    const fn key(&self) -> u64 {
        ((self.module as u64) << 24) | ((self.function as u64) << 8) | self.arity as u64
    }
}

/// Every native, sorted by [`Native::key`] (the order of the export table
/// when it held all of them).
static TABLE: [Native; NATIVES] = {
    let mut out = [const {
        Native {
            module: 0,
            function: 0,
            arity: 0,
            target: Target::Undefined,
        }
    }; NATIVES];
    let mut k = 0;
    while k < NATIVES {
        let d = native_def(k);
        let n = Native {
            module: native_module(k),
            function: native_function(k),
            arity: d.arity,
            target: d.target,
        };
        // Insertion sort: a few hundred entries, once, in the compiler.
        let mut j = k;
        while j > 0 && out[j - 1].key() > n.key() {
            out[j] = out[j - 1];
            j -= 1;
        }
        assert!(
            j == 0 || out[j - 1].key() != n.key(),
            "a native function is defined twice"
        );
        out[j] = n;
        k += 1;
    }
    out
};

/// What calling native `M:F/A` runs, if there is such a native.
pub fn lookup(m: Atom, f: Atom, arity: u32) -> Option<Target> {
    let (m, f) = (
        u16::try_from(m.index()).ok()?,
        u16::try_from(f.index()).ok()?,
    );
    let arity = u8::try_from(arity).ok()?;
    let key = ((m as u64) << 24) | ((f as u64) << 8) | arity as u64;
    TABLE
        .binary_search_by(|n| n.key().cmp(&key))
        .ok()
        .map(|i| TABLE[i].target)
}

/// The name of the native running `func` with `arity` arguments, for
/// stacktraces (the first in table order if several share it).
pub fn native_name(func: BifFn, arity: u8) -> Option<(Atom, Atom)> {
    TABLE.iter().find_map(|n| match n.target {
        Target::Bif(f) if f as usize == func as usize && n.arity == arity => Some((
            Atom::from_index(n.module as u32),
            Atom::from_index(n.function as u32),
        )),
        _ => None,
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
