//! Raising exceptions: building the stacktrace, unwinding the stack to the
//! nearest catch, or ending the process.
//!
//! A caught exception leaves x0 = NONE, x1 = class, x2 = reason and x3 = a
//! "raw" trace `{Class, Frames}`, which `try_case`, `catch_end`, `raise`
//! and `build_stacktrace` consume.

use super::{Machine, Outcome, X_REGS};
use crate::bif::{Class, Exception, Origin};
use crate::code::{CodePtr, Word};
use crate::heap::OutOfMemory;
use crate::term::{atom, Term};
use alloc::vec::Vec;
use core::fmt::Write as _;

/// How many frames a stacktrace keeps (the BEAM's default depth).
const TRACE_DEPTH: usize = 8;

/// Where an exception was raised.
#[derive(Copy, Clone, Debug)]
pub enum ErrorSite {
    /// By the instruction at this address.
    Here(*const Word),
    /// By a `func_info` instruction: no clause matched; arguments in X.
    FunctionClause(*const Word),
    /// By a guard/body BIF instruction with these arguments.
    Bif {
        /// The instruction.
        at: *const Word,
        /// The native that failed.
        func: crate::code::BifFn,
        /// Arguments.
        args: [Term; 3],
        /// Number of arguments.
        n: u8,
    },
    /// By a call to `M:F/A` (undefined, or a native that failed); the
    /// arguments are in X registers.
    Call {
        /// The calling instruction.
        at: *const Word,
        /// Module.
        module: Term,
        /// Function.
        function: Term,
        /// Arity.
        arity: u32,
    },
}

/// Re-raises with a raw trace from a catch (the `raise` instruction).
pub(super) fn reraise(raw: Term, reason: Term, at: *const Word) -> (Exception, ErrorSite) {
    let (class, trace) = match raw.as_tuple() {
        Some(&[c, t]) => (Class::from_term(c).unwrap_or(Class::Error), t),
        _ => (Class::Error, Term::NIL),
    };
    (
        Exception {
            class,
            reason,
            origin: Origin::Reraised(trace),
        },
        ErrorSite::Here(at),
    )
}

/// The frame list of a raw trace.
pub(super) fn raw_trace_list(raw: Term) -> Term {
    match raw.as_tuple() {
        Some(&[_, t]) => t,
        _ => Term::NIL,
    }
}

impl Machine<'_> {
    /// Builds the stacktrace of `exc` and unwinds to the nearest catch;
    /// `Err` ends the process.
    pub(super) fn handle_exception(
        &mut self,
        exc: Exception,
        site: ErrorSite,
    ) -> Result<(), Outcome> {
        let trace = match exc.origin {
            Origin::OutOfMemory => Err(OutOfMemory),
            Origin::Reraised(t) => Ok(t),
            _ => self.build_trace(&exc, site),
        };
        let trace = match trace {
            Ok(t) => t,
            Err(OutOfMemory) => return Err(self.out_of_memory()),
        };
        let class = Term::atom(exc.class.atom());
        let raw = self.p.heap.tuple(&[class, trace]).unwrap_or(Term::NIL);
        // Find the nearest catch tag on the stack.
        let stack = self.p.heap.stack();
        let found = stack.iter().position(|w| w.is_catch());
        let Some(pos) = found else {
            return Err(Outcome::Crashed {
                class: exc.class,
                reason: exc.reason,
                trace,
            });
        };
        let tag = stack[pos];
        let Some(entry) = self.vm.catches.get(tag.catch_index()).copied() else {
            return Err(Outcome::Crashed {
                class: exc.class,
                reason: exc.reason,
                trace,
            });
        };
        let base = pos.saturating_sub(entry.y as usize);
        self.p.heap.drop_words(base);
        self.r.x[0] = Term::NONE;
        self.r.x[1] = class;
        self.r.x[2] = exc.reason;
        self.r.x[3] = raw;
        self.ip = entry.handler.0;
        Ok(())
    }

    /// Kills the process that ran out of memory, with an error report: no
    /// catch applies, and links and monitors see the reason `killed`.
    #[cold]
    fn out_of_memory(&mut self) -> Outcome {
        let heap = &self.p.heap;
        let words = heap.total_words();
        let used = crate::memory::used();
        let why = match (
            heap.generations().map(|g| g.max_words),
            crate::memory::limit(),
        ) {
            (Some(max), _) if max != 0 && words > max => "maximum heap size reached",
            (_, Some(_)) if crate::memory::budget_refused() => "VM memory budget exhausted",
            _ => "system memory exhausted",
        };
        // Written piece by piece: memory is short, so nothing is allocated.
        struct Report<'a>(&'a mut dyn crate::os::Os);
        impl core::fmt::Write for Report<'_> {
            fn write_str(&mut self, s: &str) -> core::fmt::Result {
                self.0.report_write(s.as_bytes());
                Ok(())
            }
        }
        let mut w = Report(&mut *self.vm.os);
        let _ = write!(
            w,
            "=ERROR REPORT====\nProcess <0.{}.0> killed: {why}\n(heap {words} words; VM term memory {used} bytes, ",
            self.p.info.pid,
        );
        let _ = match crate::memory::limit() {
            Some(l) => write!(w, "budget {l} bytes)\n\n"),
            None => write!(w, "no budget)\n\n"),
        };
        Outcome::Exited(Term::atom(atom::KILLED))
    }

    /// The stacktrace list for an exception raised at `site`.
    fn build_trace(&mut self, exc: &Exception, site: ErrorSite) -> Result<Term, OutOfMemory> {
        let mut frames: Vec<Term> = Vec::new();
        let at = match site {
            ErrorSite::Here(at) => at,
            ErrorSite::FunctionClause(at) => {
                // The function starting at this `func_info`.
                let f = self.vm.module_of(CodePtr(at)).and_then(|m| {
                    let f = m.function_at(m.index_of(CodePtr(at)))?;
                    Some((m.name, f.name, f.arity))
                });
                if let Some((module, function, arity)) = f {
                    let args = self.x_list(arity as usize)?;
                    let loc = self.location_list(at)?;
                    frames.push(self.p.heap.tuple(&[
                        Term::atom(module),
                        Term::atom(function),
                        args,
                        loc,
                    ])?);
                    return self.finish_trace(frames, None);
                }
                at
            }
            ErrorSite::Bif { at, func, args, n } => {
                if matches!(exc.origin, Origin::Native) {
                    // The failing native's name: looked up only on this
                    // rare path, so instructions need not carry it.
                    let name = crate::bif::native_name(func, n);
                    if let Some((m, f)) = name {
                        let list = self.p.heap.list_from(&args[..n as usize], Term::NIL)?;
                        let loc = self.error_info(m == atom::ERLANG)?;
                        frames.push(self.p.heap.tuple(&[
                            Term::atom(m),
                            Term::atom(f),
                            list,
                            loc,
                        ])?);
                    }
                }
                at
            }
            ErrorSite::Call {
                at,
                module,
                function,
                arity,
            } => {
                if matches!(exc.origin, Origin::Native) {
                    let list = self.x_list(arity as usize)?;
                    let is_undef = exc.reason == Term::atom(atom::UNDEF);
                    let loc = self.error_info(!is_undef && module == Term::atom(atom::ERLANG))?;
                    frames.push(self.p.heap.tuple(&[module, function, list, loc])?);
                }
                at
            }
        };
        let args = match exc.origin {
            Origin::RaisedWithArgs(a) => Some(a),
            _ => None,
        };
        if let Some(f) = self.code_frame(at, args)? {
            frames.push(f);
        }
        self.finish_trace(frames, None)
    }

    /// Appends the callers found on the stack and makes the list.
    fn finish_trace(&mut self, mut frames: Vec<Term>, _: Option<()>) -> Result<Term, OutOfMemory> {
        let stop = self.vm.stop_ptr();
        let cps: Vec<CodePtr> = self
            .p
            .heap
            .stack()
            .iter()
            .filter(|w| w.is_header())
            .map(|&w| CodePtr::from_term(w))
            .take_while(|&cp| cp != stop)
            .take(TRACE_DEPTH)
            .collect();
        for cp in cps {
            if frames.len() >= TRACE_DEPTH {
                break;
            }
            // The word before the return address belongs to the call
            // instruction (its last word), so it maps to the call's
            // function and line.
            let call = cp.0.wrapping_sub(1);
            if let Some(f) = self.code_frame(call, None)? {
                frames.push(f);
            }
        }
        self.p.heap.list_from(&frames, Term::NIL)
    }

    /// `{M, F, Arity | Args, Location}` for the function containing `at`.
    fn code_frame(
        &mut self,
        at: *const Word,
        args: Option<Term>,
    ) -> Result<Option<Term>, OutOfMemory> {
        let Some(m) = self.vm.module_of(CodePtr(at)) else {
            return Ok(None);
        };
        let i = m.index_of(CodePtr(at));
        let Some(f) = m.function_at(i).copied() else {
            return Ok(None);
        };
        let name = m.name;
        let loc = self.location_list(at)?;
        let a = args.unwrap_or(Term::small(f.arity as isize));
        Ok(Some(self.p.heap.tuple(&[
            Term::atom(name),
            Term::atom(f.name),
            a,
            loc,
        ])?))
    }

    /// `[{file, F}, {line, L}]` for the instruction at `at`, or `[]`.
    fn location_list(&mut self, at: *const Word) -> Result<Term, OutOfMemory> {
        let Some(m) = self.vm.module_of(CodePtr(at)) else {
            return Ok(Term::NIL);
        };
        let Some(loc) = m.location_at(m.index_of(CodePtr(at))) else {
            return Ok(Term::NIL);
        };
        if loc.line == 0 {
            return Ok(Term::NIL);
        }
        let file: Vec<u8> = m.file_name(loc).as_bytes().to_vec();
        let heap = &mut self.p.heap;
        let fname = heap.unicode_string(core::str::from_utf8(&file).unwrap_or(""))?;
        let f = heap.tuple(&[Term::atom(atom::FILE), fname])?;
        let l = heap.tuple(&[Term::atom(atom::LINE), Term::small(loc.line as isize)])?;
        heap.list_from(&[f, l], Term::NIL)
    }

    /// `[{error_info, #{module => erl_erts_errors}}]` for BIFs of `erlang`
    /// (as OTP 24+ reports them), else `[]`.
    fn error_info(&mut self, erts: bool) -> Result<Term, OutOfMemory> {
        if !erts {
            return Ok(Term::NIL);
        }
        let Ok(errs) = self.vm.atoms.intern("erl_erts_errors") else {
            return Ok(Term::NIL);
        };
        let mut kv = alloc::vec![(Term::atom(atom::MODULE), Term::atom(errs))];
        let map = crate::map::from_pairs(&mut self.p.heap, &mut kv, &self.vm.atoms)?;
        let t = self.p.heap.tuple(&[Term::atom(atom::ERROR_INFO), map])?;
        self.p.heap.list_from(&[t], Term::NIL)
    }

    /// The first `n` X registers as a list.
    fn x_list(&mut self, n: usize) -> Result<Term, OutOfMemory> {
        let n = n.min(X_REGS);
        let args: Vec<Term> = self.r.x[..n].to_vec();
        self.p.heap.list_from(&args, Term::NIL)
    }
}
