//! Which natives this build of the VM has: all of them, or (firmware)
//! only those its bundles call plus those the VM needs itself. The table
//! in flash references each native's function, so a native left in keeps
//! its code in the image whether or not anything calls it; leaving it out
//! here is what lets the linker drop it (hello on lm3s6965evb: see
//! docs/footprint.md).
//!
//! The list comes from the build (`GLUON_NATIVES`, read by `build.rs`,
//! written by `gluon_pack.py --natives-out`). A native left out is simply
//! absent: calling it raises `error:undef`, as on the BEAM for a function
//! that does not exist. Natives reached only dynamically (`apply/3`,
//! `erlang:F(...)` with a computed `F`) are not seen in the bundle and must
//! be named (`--keep-native`).

use super::native_list::{contains, Name};
use super::{BifDef, FAMILIES};

include!(concat!(env!("OUT_DIR"), "/kept_natives.rs"));

/// Natives the VM resolves by name rather than through a module's import
/// table, kept whatever the list says. Checked: the loader, interpreter,
/// scheduler, error reports and io go through import tables or call Rust
/// directly; the C API (`gluon-rtos`) and its runner start only the
/// application's own functions.
const ALWAYS_KEPT: &[Name<'static>] = &[
    // `Vm::new` makes their export entries first thing: `spawn/3,4`,
    // `spawn_link/3`, `spawn_opt` and `apply/2,3` by name start there
    // (and `index::lookup` answers them itself).
    ("erlang", "apply", 2),
    ("erlang", "apply", 3),
];

/// Whether a build with list `kept` (sorted; `None`: no list) has `d`.
pub(crate) const fn is_kept(kept: Option<&[Name<'_>]>, d: &BifDef) -> bool {
    let Some(list) = kept else {
        return true;
    };
    let name = (d.module, d.name, d.arity);
    if contains(list, name) {
        return true;
    }
    let mut i = 0;
    while i < ALWAYS_KEPT.len() {
        if matches!(
            super::native_list::compare(ALWAYS_KEPT[i], name),
            core::cmp::Ordering::Equal
        ) {
            return true;
        }
        i += 1;
    }
    false
}

/// Number of natives of [`FAMILIES`] that a build with list `kept` has.
pub(crate) const fn kept_count(kept: Option<&[Name<'_>]>) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < FAMILIES.len() {
        let mut j = 0;
        while j < FAMILIES[i].len() {
            if is_kept(kept, &FAMILIES[i][j]) {
                n += 1;
            }
            j += 1;
        }
        i += 1;
    }
    n
}

/// Where each native a build with list `kept` has is in [`FAMILIES`]:
/// (family, position), in table order. `N` is [`kept_count`]`(kept)`.
pub(crate) const fn kept_places<const N: usize>(kept: Option<&[Name<'_>]>) -> [(u8, u16); N] {
    assert!(
        FAMILIES.len() <= u8::MAX as usize,
        "too many native families"
    );
    let mut out = [(0u8, 0u16); N];
    let mut n = 0;
    let mut i = 0;
    while i < FAMILIES.len() {
        let mut j = 0;
        while j < FAMILIES[i].len() {
            if is_kept(kept, &FAMILIES[i][j]) {
                out[n] = (i as u8, j as u16);
                n += 1;
            }
            j += 1;
        }
        i += 1;
    }
    assert!(n == N, "kept_places: N is not kept_count");
    out
}

#[cfg(test)]
mod tests {
    use super::super::native_list::{compare, parse_line};
    use super::*;
    use alloc::vec::Vec;

    const SAMPLE: &str = "# a bundle's natives\n\
        lists:reverse/2\n\
        \n\
        erlang:length/1\n\
        erlang://2\n\
        erlang:=:=/2\n\
        math:no_such_native/1\n";

    /// The sample as the build script makes it: parsed, sorted.
    fn sample() -> Vec<Name<'static>> {
        let mut v: Vec<_> = SAMPLE
            .lines()
            .filter_map(|l| parse_line(l).unwrap())
            .collect();
        v.sort_by(|a, b| compare(*a, *b));
        v
    }

    #[test]
    fn lines_parse_to_names() {
        assert_eq!(parse_line("erlang:+/2"), Ok(Some(("erlang", "+", 2))));
        assert_eq!(parse_line(" erlang://2 "), Ok(Some(("erlang", "/", 2))));
        assert_eq!(parse_line("erlang:=:=/2"), Ok(Some(("erlang", "=:=", 2))));
        assert_eq!(parse_line("io:format/1"), Ok(Some(("io", "format", 1))));
        assert_eq!(parse_line("# comment"), Ok(None));
        assert_eq!(parse_line("   "), Ok(None));
        for bad in [
            "erlang",
            "erlang:length",
            ":f/1",
            "m:/1",
            "m:f/x",
            "m:f/256",
        ] {
            assert!(parse_line(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn sorted_search_finds_exactly_the_listed_names() {
        let v = sample();
        assert_eq!(v.len(), 5);
        for n in &v {
            assert!(contains(&v, *n), "{n:?}");
        }
        assert!(!contains(&v, ("erlang", "length", 2)));
        assert!(!contains(&v, ("erlang", "lengt", 1)));
        assert!(!contains(&v, ("lists", "reverse", 1)));
        assert!(!contains(&[], ("erlang", "length", 1)));
    }

    // The compiler filters FAMILIES by a list it holds as a constant.
    const LIST: &[Name<'static>] = &[
        ("erlang", "/", 2),
        ("erlang", "=:=", 2),
        ("erlang", "length", 1),
        ("lists", "reverse", 2),
        ("math", "no_such_native", 1),
    ];
    const COUNT: usize = kept_count(Some(LIST));
    const PLACES: [(u8, u16); COUNT] = kept_places(Some(LIST));

    #[test]
    fn a_list_keeps_its_natives_and_those_the_vm_needs() {
        let mut v = sample();
        v.dedup();
        assert_eq!(v, LIST, "the constant is the sample, sorted");
        let mut got: Vec<Name<'static>> = PLACES
            .iter()
            .map(|&(i, j)| {
                let d = &FAMILIES[i as usize][j as usize];
                (d.module, d.name, d.arity)
            })
            .collect();
        got.sort_by(|a, b| compare(*a, *b));
        assert_eq!(
            got,
            [
                ("erlang", "/", 2),
                ("erlang", "=:=", 2),
                ("erlang", "apply", 2),
                ("erlang", "apply", 3),
                ("erlang", "length", 1),
                ("lists", "reverse", 2),
            ]
        );
        // Dropped natives: every other one.
        let all = kept_count(None);
        assert_eq!(all, FAMILIES.iter().map(|f| f.len()).sum::<usize>());
        assert!(all > 10 * COUNT);
        for f in FAMILIES.iter() {
            for d in f.iter() {
                let listed = LIST.contains(&(d.module, d.name, d.arity))
                    || ALWAYS_KEPT.contains(&(d.module, d.name, d.arity));
                assert_eq!(is_kept(Some(LIST), d), listed, "{}:{}", d.module, d.name);
                assert!(is_kept(None, d));
            }
        }
    }
}
