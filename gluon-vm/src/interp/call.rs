//! Calls that are resolved at run time: through the export table, by
//! `apply`, and to funs.

use super::{ErrorSite, Machine, Outcome, X_REGS};
use crate::bif::Exception;
use crate::code::{CodePtr, ExportEntry, Target, Word};
use crate::heap::Heap;
use crate::term::{atom, Term};

/// Whether a call returns to the instruction after it or to the caller's
/// continuation (a tail call).
#[derive(Copy, Clone, PartialEq, Eq)]
pub(crate) enum Tail {
    No,
    Yes,
}

type Step = Result<Option<Outcome>, (Exception, ErrorSite)>;

impl Machine<'_> {
    /// Jumps to Erlang code, pushing the return address unless a tail call.
    fn enter(&mut self, target: CodePtr, arity: u32, tail: Tail) -> Step {
        if tail == Tail::No {
            self.p.heap.push(CodePtr(self.ip).to_term());
        } else if self.tail_gc(arity).is_err() {
            return Err((Exception::system_limit(), ErrorSite::Here(self.ip)));
        }
        self.ip = target.0;
        if self.tick() {
            return Ok(Some(self.yield_now(arity)));
        }
        Ok(None)
    }

    /// Calls `M:F/A` through its export entry, arguments in X registers.
    pub(super) fn call_export(
        &mut self,
        entry: *const ExportEntry,
        arity: u32,
        tail: Tail,
        at: *const Word,
    ) -> Step {
        // SAFETY: export entries live as long as the VM.
        let e = unsafe { &*entry };
        match e.target.get() {
            Target::Code(p) => self.enter(p, arity, tail),
            target @ (Target::Bif(_) | Target::Native(_)) => {
                let n = (arity as usize).min(X_REGS);
                let args: alloc::vec::Vec<Term> = self.r.x[..n].to_vec();
                let r = self.call_native(target, &args);
                self.after_native();
                if let Some(reason) = self.p.info.pending_exit.take() {
                    return Ok(Some(Outcome::Exited(reason)));
                }
                match r {
                    Ok(v) => {
                        self.r.x[0] = v;
                        if self.p.info.gc_requested {
                            // After a call only its result is live.
                            self.p.info.gc_requested = false;
                            if let Err(e) = self.collect_as(0, 1, Some(crate::gc::Kind::Major)) {
                                return Err((e.into(), ErrorSite::Here(at)));
                            }
                        }
                        if tail == Tail::Yes {
                            match self.p.heap.pop() {
                                Some(cp) if cp.is_header() => self.ip = CodePtr::from_term(cp).0,
                                _ => return Err((Exception::badarg(), ErrorSite::Here(at))),
                            }
                        }
                        self.reds -= 1;
                        Ok(None)
                    }
                    Err(exc) => Err((
                        exc,
                        ErrorSite::Call {
                            at,
                            module: Term::atom(e.module),
                            function: Term::atom(e.function),
                            arity,
                        },
                    )),
                }
            }
            Target::Apply(2) => self.apply_fun_list(tail, at),
            Target::Apply(_) => {
                let (m, f) = (self.r.x[0], self.r.x[1]);
                let Some(args) = Heap::list_to_vec(self.r.x[2]) else {
                    return Err((
                        Exception::badarg(),
                        ErrorSite::Call {
                            at,
                            module: Term::atom(atom::ERLANG),
                            function: Term::atom(atom::APPLY),
                            arity: 3,
                        },
                    ));
                };
                if args.len() > X_REGS - 2 {
                    return Err((Exception::system_limit(), ErrorSite::Here(at)));
                }
                self.r.x[..args.len()].copy_from_slice(&args);
                self.apply_mfa(m, f, args.len() as u32, tail, at)
            }
            Target::Undefined => {
                // A module of the bundle not loaded yet: load it and retry.
                if self.vm.autoload(e.module) && !matches!(e.target.get(), Target::Undefined) {
                    return self.call_export(entry, arity, tail, at);
                }
                Err(undef(
                    Term::atom(e.module),
                    Term::atom(e.function),
                    arity,
                    at,
                ))
            }
        }
    }

    /// `apply(M, F, Args)` with the arguments already in X registers.
    pub(super) fn apply_mfa(
        &mut self,
        m: Term,
        f: Term,
        arity: u32,
        tail: Tail,
        at: *const Word,
    ) -> Step {
        let (Some(ma), Some(fa)) = (m.as_atom(), f.as_atom()) else {
            return Err((
                Exception::badarg(),
                ErrorSite::Call {
                    at,
                    module: m,
                    function: f,
                    arity,
                },
            ));
        };
        if self.vm.find_export(ma, fa, arity).is_none() {
            self.vm.autoload(ma);
        }
        match self.vm.find_export(ma, fa, arity) {
            Some(e) => {
                let e = e as *const ExportEntry;
                self.call_export(e, arity, tail, at)
            }
            None => Err(undef(m, f, arity, at)),
        }
    }

    /// `apply(Fun, Args)`: x0 the fun, x1 the argument list.
    fn apply_fun_list(&mut self, tail: Tail, at: *const Word) -> Step {
        let fun = self.r.x[0];
        let Some(args) = Heap::list_to_vec(self.r.x[1]) else {
            return Err((Exception::badarg(), ErrorSite::Here(at)));
        };
        if args.len() > X_REGS - 2 {
            return Err((Exception::system_limit(), ErrorSite::Here(at)));
        }
        self.r.x[..args.len()].copy_from_slice(&args);
        self.call_fun(fun, args.len() as u32, tail, at)
    }

    /// Calls a fun with `arity` arguments in X registers.
    pub(super) fn call_fun(&mut self, fun: Term, arity: u32, tail: Tail, at: *const Word) -> Step {
        if let Some((def, free)) = crate::fun::as_closure(fun) {
            let want = def.arity - def.num_free;
            if want != arity {
                return Err(self.badarity(fun, arity, at));
            }
            let base = arity as usize;
            if base + free.len() > X_REGS {
                return Err((Exception::system_limit(), ErrorSite::Here(at)));
            }
            self.r.x[base..base + free.len()].copy_from_slice(free);
            return match def.entry.get() {
                Some(p) => self.enter(p, def.arity, tail),
                None => Err(undef(
                    Term::atom(def.module),
                    Term::atom(def.function),
                    def.arity,
                    at,
                )),
            };
        }
        if let Some(e) = crate::fun::as_export(fun) {
            if e.arity != arity {
                return Err(self.badarity(fun, arity, at));
            }
            return self.call_export(e as *const ExportEntry, arity, tail, at);
        }
        match self.tagged(atom::BADFUN, fun) {
            Ok(r) => Err((Exception::error(r), ErrorSite::Here(at))),
            Err(_) => Err((Exception::system_limit(), ErrorSite::Here(at))),
        }
    }

    fn badarity(&mut self, fun: Term, arity: u32, at: *const Word) -> (Exception, ErrorSite) {
        let n = (arity as usize).min(X_REGS);
        let args: alloc::vec::Vec<Term> = self.r.x[..n].to_vec();
        let r = self
            .p
            .heap
            .list_from(&args, Term::NIL)
            .and_then(|l| self.p.heap.tuple(&[fun, l]))
            .and_then(|inner| self.tagged(atom::BADARITY, inner));
        match r {
            Ok(r) => (Exception::error(r), ErrorSite::Here(at)),
            Err(_) => (Exception::system_limit(), ErrorSite::Here(at)),
        }
    }
}

/// `error:undef` for `M:F/A`, whose arguments are in X registers.
fn undef(module: Term, function: Term, arity: u32, at: *const Word) -> (Exception, ErrorSite) {
    (
        Exception::error(Term::atom(atom::UNDEF)),
        ErrorSite::Call {
            at,
            module,
            function,
            arity,
        },
    )
}
