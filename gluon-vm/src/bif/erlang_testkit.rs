//! Test support for the BIF families: a context on a fresh heap, a reader
//! for Erlang term syntax, a canonical printer, and a table-driven runner.
//!
//! Case tables are `(name, args, expected)` triples: `args` is an Erlang
//! list of argument terms, `expected` a term or `!Reason` for `error:Reason`
//! (`!exit:R`, `!throw:R` for the other classes). Expected values were
//! checked against OTP 25. Terms are read by [`super::erlang_testread`],
//! which also accepts `#Pid<N>`, `#Port<N>`, `#Ref<N>` and `fun m:f/a` (an
//! export fun on a leaked export entry).

use super::{BifDef, Class, Ctx, Exception};
use crate::bignum;
use crate::binary;
use crate::code::Target;
use crate::heap::Heap;
use crate::os::Os;
use crate::term::{AtomTable, ListIter, Term};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// Platform stub for tests.
pub(crate) struct TestOs;

impl Os for TestOs {
    fn console_write(&mut self, _bytes: &[u8]) {}
    fn monotonic_ns(&mut self) -> u64 {
        0
    }
}

/// Owns what a [`Ctx`] borrows.
pub(crate) struct Env {
    pub heap: Heap,
    pub atoms: AtomTable,
    pub os: TestOs,
    pub me: crate::process::ProcInfo,
    pub sched: crate::scheduler::Scheduler,
    pub exports: crate::vm::ExportTable,
}

impl Env {
    pub fn new() -> Env {
        Env {
            heap: Heap::new(4096).expect("heap"),
            atoms: AtomTable::new(1 << 20),
            os: TestOs,
            me: crate::process::ProcInfo::new(
                0,
                (crate::term::atom::ERLANG, crate::term::atom::APPLY, 0),
            ),
            sched: crate::scheduler::Scheduler::new(crate::scheduler::Trampolines::new(
                core::ptr::null(),
                core::ptr::null(),
            )),
            exports: crate::vm::ExportTable::default(),
        }
    }

    pub fn ctx(&mut self) -> Ctx<'_> {
        Ctx {
            heap: &mut self.heap,
            atoms: &mut self.atoms,
            os: &mut self.os,
            me: &mut self.me,
            sched: &mut self.sched,
            exports: &mut self.exports,
            modules: &[],
        }
    }

    /// Reads one term written in Erlang syntax.
    pub fn parse(&mut self, src: &str) -> Term {
        super::erlang_testread::parse(self, src)
    }

    /// Calls `f` on the parsed argument list.
    pub fn call(&mut self, f: crate::code::BifFn, args: &str) -> Result<Term, Exception> {
        let l = self.parse(args);
        let v = Heap::list_to_vec(l).expect("argument list");
        f(&mut self.ctx(), &v)
    }

    /// An outcome printed as in case tables (`!class:reason` for errors).
    pub fn outcome(&self, r: Result<Term, Exception>) -> String {
        match r {
            Ok(t) => {
                assert_normalized(t);
                self.show(t)
            }
            Err(e) => {
                let class = match e.class {
                    Class::Error => "error",
                    Class::Exit => "exit",
                    Class::Throw => "throw",
                };
                format!("!{}:{}", class, self.show(e.reason))
            }
        }
    }

    /// The canonical form of an expected outcome.
    pub fn expected(&mut self, src: &str) -> String {
        match src.strip_prefix('!') {
            Some(rest) => {
                let (class, reason) = ["error:", "exit:", "throw:"]
                    .iter()
                    .find_map(|c| rest.strip_prefix(c).map(|r| (&c[..c.len() - 1], r)))
                    .unwrap_or(("error", rest));
                let t = self.parse(reason);
                format!("!{}:{}", class, self.show(t))
            }
            None => {
                let t = self.parse(src);
                self.show(t)
            }
        }
    }

    /// Prints a term canonically: equal strings mean exactly equal terms
    /// (floats are told apart by bits, so `-0.0` differs from `0.0`).
    pub fn show(&self, t: Term) -> String {
        let mut out = String::new();
        self.show_into(t, &mut out);
        out
    }

    fn show_into(&self, t: Term, out: &mut String) {
        if t.is_integer() {
            let s = super::erlang_int::to_radix(t, 10)
                .and_then(Result::ok)
                .unwrap_or_default();
            out.push_str(core::str::from_utf8(&s).unwrap_or("?"));
        } else if let Some(f) = t.as_float() {
            out.push_str(&format!("{f:?}"));
        } else if let Some(a) = t.as_atom() {
            out.push_str(&format!("{:?}", self.atoms.name(a)));
        } else if t.is_nil() {
            out.push_str("[]");
        } else if t.is_list() {
            out.push('[');
            let mut it = ListIter::new(t);
            let mut first = true;
            for e in it.by_ref() {
                if !first {
                    out.push(',');
                }
                first = false;
                self.show_into(e, out);
            }
            if !it.tail().is_nil() {
                out.push('|');
                self.show_into(it.tail(), out);
            }
            out.push(']');
        } else if let Some(el) = t.as_tuple() {
            out.push('{');
            for (i, &e) in el.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                self.show_into(e, out);
            }
            out.push('}');
        } else if let Some((bytes, off, len)) = binary::bit_view(t) {
            out.push_str("<<");
            let whole = len / 8;
            for i in 0..whole {
                let b = (0..8).fold(0u32, |acc, k| {
                    acc << 1 | binary::bit_at(bytes, off + 8 * i + k) as u32
                });
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&format!("{b}"));
            }
            if len % 8 != 0 {
                let n = len % 8;
                let v = (0..n).fold(0u32, |acc, k| {
                    acc << 1 | binary::bit_at(bytes, off + 8 * whole + k) as u32
                });
                out.push_str(&format!("{}{v}:{n}", if whole > 0 { "," } else { "" }));
            }
            out.push_str(">>");
        } else if let Some(body) = crate::map::body(t, &self.atoms) {
            out.push_str("#{");
            for (i, kv) in body.words().chunks(2).enumerate() {
                if i > 0 {
                    out.push(',');
                }
                self.show_into(kv[0], out);
                out.push_str("=>");
                self.show_into(kv[1], out);
            }
            out.push('}');
        } else if t.is_pid() {
            out.push_str(&format!("#Pid<{}>", t.pid_index()));
        } else if t.is_port() {
            out.push_str(&format!("#Port<{}>", t.port_index()));
        } else if let Some(r) = t.as_reference() {
            out.push_str(&format!("#Ref<{r}>"));
        } else if let Some(e) = crate::fun::as_export(t) {
            let (m, f) = (self.atoms.name(e.module), self.atoms.name(e.function));
            out.push_str(&format!("fun {m}:{f}/{}", e.arity));
        } else if let Some((d, _)) = crate::fun::as_closure(t) {
            out.push_str(&format!("#Fun<{}.{}>", self.atoms.name(d.module), d.index));
        } else {
            out.push_str(&format!("{t:?}"));
        }
    }
}

/// Panics if `t` holds a bignum whose value fits in a small integer.
pub(crate) fn assert_normalized(t: Term) {
    let mut stack = alloc::vec![t];
    while let Some(t) = stack.pop() {
        if let Some(v) = bignum::to_i64(t) {
            assert!(
                t.is_small() || Term::try_small(v).is_none(),
                "unnormalized bignum {v}"
            );
        }
        if let Some((h, tl)) = t.as_cons() {
            stack.push(h);
            stack.push(tl);
        } else if let Some(el) = t.as_tuple() {
            stack.extend_from_slice(el);
        }
    }
}

/// Runs a case table against the natives of `table`, reporting every
/// mismatch at once.
pub(crate) fn check(table: &[BifDef], cases: &[(&str, &str, &str)]) {
    let mut failures = Vec::new();
    for &(name, args, expected) in cases {
        let mut env = Env::new();
        let argv = env.parse(args);
        let n = Heap::list_to_vec(argv).expect("argument list").len();
        let def = table
            .iter()
            .find(|d| d.name == name && d.arity as usize == n)
            .unwrap_or_else(|| panic!("no native {name}/{n}"));
        let Target::Bif(f) = def.target else {
            panic!("{name}/{n} is not a native");
        };
        let got = env.call(f, args);
        let got = env.outcome(got);
        let want = env.expected(expected);
        if got != want {
            failures.push(format!("{name}{args}: got {got}, want {want}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
