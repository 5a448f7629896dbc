//! Tests of [`format`] against output recorded from OTP 25.
//!
//! `testdata/*.txt` were produced by `testdata/gen_cases.erl` running on
//! OTP 25 (`escript gen_cases.erl testdata 100`): each case holds
//! `term_to_binary({Format, Args})` and OTP's output or `badarg`. Setting
//! `GLUON_FORMAT_CORPUS` to a directory of such files runs those too (for
//! a larger local corpus).

use super::*;
use crate::code::{ExportEntry, FunDef, Target};
use crate::heap::Heap;
use crate::term::{atom, ListIter};
use alloc::string::ToString;
use alloc::vec;
use core::cell::Cell;

extern crate std;
use std::println;

/// Reads back the escapes of the data files: `\\`, `\n`, `\u{HEX}`.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('\\') => out.push('\\'),
            Some('u') => {
                let hex: String = chars.by_ref().skip(1).take_while(|&c| c != '}').collect();
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
            }
            other => panic!("bad escape {other:?}"),
        }
    }
    out
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
        .collect()
}

/// Runs every case of a data file; returns the failures as text.
fn run_cases(name: &str, data: &str) -> Vec<String> {
    let mut failures = Vec::new();
    let mut comment = "";
    let mut count = 0;
    for line in data.lines() {
        if let Some(c) = line.strip_prefix("# ") {
            comment = c;
            continue;
        }
        let Some((etf, expected)) = line.split_once('\t') else {
            continue;
        };
        count += 1;
        let bytes = hex(etf);
        let mut atoms = AtomTable::new(1 << 20);
        let words = crate::etf::decoded_words(&bytes).unwrap();
        let mut heap = Heap::new(words + 16).unwrap();
        let (pair, _) = crate::etf::decode(&bytes, &mut heap, &mut atoms).unwrap();
        let pair = pair.as_tuple().unwrap();
        let fmt: Vec<u32> = ListIter::new(pair[0])
            .map(|c| c.as_small().unwrap() as u32)
            .collect();
        let args: Vec<Term> = ListIter::new(pair[1]).collect();
        let got = match format(&fmt, &args, &atoms) {
            Ok(s) => alloc::format!("={s}"),
            Err(FormatError::BadArg) => "!badarg".to_string(),
        };
        let want = unescape(expected);
        if got != want {
            failures.push(alloc::format!(
                "{name}: {comment}\n  want {want:?}\n  got  {got:?}"
            ));
        }
    }
    assert!(count > 0, "{name} has no cases");
    failures
}

fn check(name: &str, data: &str) {
    let failures = run_cases(name, data);
    for f in failures.iter().take(40) {
        println!("{f}");
    }
    assert!(
        failures.is_empty(),
        "{} of the {name} cases differ from OTP 25",
        failures.len()
    );
}

#[test]
fn otp_controls() {
    check("controls", include_str!("testdata/controls.txt"));
}

#[test]
fn otp_floats() {
    check("floats", include_str!("testdata/floats.txt"));
}

#[test]
fn otp_terms() {
    check("terms", include_str!("testdata/terms.txt"));
}

/// A larger corpus kept outside the repository.
#[test]
fn otp_external_corpus() {
    let Some(dir) = std::env::var_os("GLUON_FORMAT_CORPUS") else {
        return;
    };
    let mut failures = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let data = std::fs::read_to_string(&path).unwrap();
        failures.extend(run_cases(&path.display().to_string(), &data));
    }
    for f in failures.iter().take(60) {
        println!("{f}");
    }
    assert!(
        failures.is_empty(),
        "{} corpus cases differ from OTP 25",
        failures.len()
    );
}

fn chars(s: &str) -> Vec<u32> {
    s.chars().map(|c| c as u32).collect()
}

/// Cases built on the heap directly; expected strings produced by OTP 25.
#[test]
fn literal_table() {
    let mut atoms = AtomTable::new(1 << 20);
    let mut heap = Heap::new(4096).unwrap();
    let a = |atoms: &mut AtomTable, s: &str| Term::atom(atoms.intern(s).unwrap());
    let hello = a(&mut atoms, "hello world");
    let caps = a(&mut atoms, "Caps");
    let abc = heap.string(b"abc").unwrap();
    let esc = heap.string(b"a\"b\\c\n\t\x1b").unwrap();
    let pi = heap.float(1.23456).unwrap();
    let tenth = heap.float(0.1).unwrap();
    let big = heap.float(1.0e21).unwrap();
    let pair = heap.tuple(&[Term::atom(atom::OK), Term::small(1)]).unwrap();
    let list = heap
        .list_from(&[Term::small(1), Term::small(2), Term::small(3)], Term::NIL)
        .unwrap();
    let improper = heap
        .list_from(&[a(&mut atoms, "a")], a(&mut atoms, "b"))
        .unwrap();
    let nested = heap.list_from(&[pair, pair], Term::NIL).unwrap();
    let bin = crate::binary::new_heap_binary(&mut heap, b"abc").unwrap();
    let bytes = crate::binary::new_heap_binary(&mut heap, &[1, 2, 0b0110_0000]).unwrap();
    let bits = crate::binary::new_sub_binary(&mut heap, bytes, 0, 19).unwrap();
    let mut pairs = vec![
        (a(&mut atoms, "b"), Term::small(2)),
        (a(&mut atoms, "a"), Term::small(1)),
    ];
    let map = crate::map::from_pairs(&mut heap, &mut pairs, &atoms).unwrap();
    let cases: &[(&str, &[Term], &str)] = &[
        ("~w", &[hello], "'hello world'"),
        ("~w ~p", &[caps, Term::NIL], "'Caps' []"),
        ("~p", &[abc], "\"abc\""),
        ("~w", &[abc], "[97,98,99]"),
        ("~p", &[esc], "\"a\\\"b\\\\c\\n\\t\\e\""),
        ("~w ~w ~w", &[pi, tenth, big], "1.23456 0.1 1.0e21"),
        ("~p ~w", &[pair, list], "{ok,1} [1,2,3]"),
        ("~w ~p", &[improper, nested], "[a|b] [{ok,1},{ok,1}]"),
        ("~w ~p", &[bin, bin], "<<97,98,99>> <<\"abc\">>"),
        ("~w ~p", &[bits, bits], "<<1,2,3:3>> <<1,2,3:3>>"),
        ("~w ~p", &[map, map], "#{a => 1,b => 2} #{a => 1,b => 2}"),
        (
            "~w ~p",
            &[Term::pid(42), Term::port(3)],
            "<0.42.0> #Port<0.3>",
        ),
        ("~5.2f|~-8e|~g", &[pi, pi, tenth], " 1.23|********|0.100000"),
        (
            "~s ~10s|~-6.2s|",
            &[abc, abc, abc],
            "abc        abc|ab    |",
        ),
        (
            "~c~3c~.16b~.16#~.2B",
            &[
                Term::small(97),
                Term::small(98),
                Term::small(255),
                Term::small(255),
                Term::small(5),
            ],
            "abbbff16#FF101",
        ),
        (
            "~x ~X",
            &[Term::small(255), abc, Term::small(-255), abc],
            "abc255 -abc255",
        ),
        ("a~nb~i~~", &[pi], "a\nb~"),
        (
            "~*.*w|",
            &[Term::small(-6), Term::small(3), Term::atom(atom::OK)],
            "ok    |",
        ),
    ];
    for &(fmt, args, want) in cases {
        assert_eq!(
            format(&chars(fmt), args, &atoms).as_deref(),
            Ok(want),
            "{fmt}"
        );
    }
    // badarg cases, as OTP 25 raises.
    let bad: &[(&str, &[Term])] = &[
        ("~p", &[]),
        ("~w", &[pi, pi]),
        ("~c", &[pi]),
        ("~f", &[Term::small(1)]),
        ("~s", &[pi]),
        ("~z", &[pi]),
        ("~.1e", &[pi]),
        ("~", &[]),
        ("~-5p", &[pi]),
    ];
    for &(fmt, args) in bad {
        assert_eq!(
            format(&chars(fmt), args, &atoms),
            Err(FormatError::BadArg),
            "{fmt}"
        );
    }
}

/// A pid's serial only fits an immediate on 64-bit targets.
#[cfg(target_pointer_width = "64")]
#[test]
fn pid_with_serial() {
    let atoms = AtomTable::new(1 << 20);
    // Expected string produced by OTP 25 (a pid decoded from id 5, serial 7).
    let pid = Term::pid(5 | 7 << 32);
    assert_eq!(
        format(&chars("~w"), &[pid], &atoms).as_deref(),
        Ok("<0.5.7>")
    );
}

#[test]
fn funs() {
    let mut atoms = AtomTable::new(1 << 20);
    let mut heap = Heap::new(4096).unwrap();
    let lists = atoms.intern("lists").unwrap();
    let map = atoms.intern("map").unwrap();
    let caps = atoms.intern("Mod").unwrap();
    let and = atoms.intern("and").unwrap();
    let plus = atoms.intern("+").unwrap();
    let eval = atoms.intern("erl_eval").unwrap();
    let lambda = atoms.intern("-expr/6-fun-3-").unwrap();
    let export = |module, function, arity| ExportEntry {
        module,
        function,
        arity,
        target: Cell::new(Target::Undefined),
        code: Cell::new(None),
    };
    let e1 = export(lists, map, 2);
    let e2 = export(caps, and, 3);
    let e3 = export(atom::ERLANG, plus, 2);
    let def = FunDef {
        module: eval,
        function: lambda,
        arity: 1,
        num_free: 0,
        index: 42,
        old_uniq: 3316493,
        entry: Cell::new(None),
    };
    let f1 = crate::fun::new_export(&mut heap, &e1).unwrap();
    let f2 = crate::fun::new_export(&mut heap, &e2).unwrap();
    let f3 = crate::fun::new_export(&mut heap, &e3).unwrap();
    let f4 = crate::fun::new_closure(&mut heap, &def, &[]).unwrap();
    // Expected strings produced by OTP 25.
    let got = format(&chars("~w ~p ~w ~w"), &[f1, f2, f3, f4], &atoms).unwrap();
    assert_eq!(
        got,
        "fun lists:map/2 fun 'Mod':and/3 fun erlang:'+'/2 #Fun<erl_eval.42.3316493>"
    );
}

/// Nesting does not use native stack: 100 000 levels on a 64 KB stack.
#[test]
fn deep_terms_need_no_recursion() {
    let worker = std::thread::Builder::new().stack_size(64 * 1024).spawn(|| {
        let atoms = AtomTable::new(1 << 20);
        let mut heap = Heap::new(1 << 20).unwrap();
        let (mut tuples, mut lists, mut singles) = (Term::NIL, Term::NIL, Term::NIL);
        for _ in 0..100_000 {
            tuples = heap.tuple(&[tuples]).unwrap();
            lists = heap.list_from(&[lists, Term::NIL], Term::NIL).unwrap();
            singles = heap.list_from(&[singles], Term::NIL).unwrap();
        }
        let w = format(&chars("~w"), &[tuples], &atoms).unwrap();
        // A one-element list never breaks: one long line, laid out anyway.
        let one = format(&chars("~p"), &[singles], &atoms).unwrap();
        assert_eq!(one.len(), 2 * 100_000 + 2);
        // Each level breaks after its first element, one column further in.
        let p = format(&chars("~P"), &[lists, Term::small(2000)], &atoms).unwrap();
        (w.len(), p.lines().count())
    });
    let (w, lines) = worker.unwrap().join().unwrap();
    assert_eq!(w, 2 * 100_000 + 2);
    assert!(lines > 900, "{lines}");
}
