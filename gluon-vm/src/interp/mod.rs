//! The interpreter: runs one process's instructions for a bounded number
//! of reductions.
//!
//! Calling convention (as on OTP 24+): a call pushes its return address on
//! the stack; `allocate` pushes only Y registers; `return` pops the return
//! address. So every continuation pointer lives on the stack, which makes
//! stack walks for exceptions and stacktraces unambiguous.

mod bits;
mod bs_match;
mod call;
mod exception;
mod float;
mod native_call;

use crate::bif::{Class, Ctx, Exception};
use crate::code::instr::{Cmp, Dst, Reg, Src, TypeTest};
use crate::code::{CodePtr, Instr};
use crate::gc;
use crate::heap::OutOfMemory;
use crate::process::Process;
use crate::term::{atom, compare, exact_eq, Ordering, Term};
use crate::vm::Vm;
use alloc::boxed::Box;

pub use exception::ErrorSite;

/// Number of X registers.
pub const X_REGS: usize = 1024;
/// Number of float registers.
pub const F_REGS: usize = 256;

/// Registers shared by all processes (only the running one uses them).
pub struct Regs {
    /// X registers.
    pub x: [Term; X_REGS],
    /// Float registers.
    pub f: [f64; F_REGS],
}

impl Regs {
    /// Fresh registers.
    pub fn new() -> Box<Regs> {
        Box::new(Regs {
            x: [Term::NIL; X_REGS],
            f: [0.0; F_REGS],
        })
    }
}

/// Why [`run`] returned.
#[derive(Copy, Clone, Debug)]
pub enum Outcome {
    /// The reduction budget ran out; the process can continue.
    Yield,
    /// The process waits in `receive` for a message or its timeout.
    Wait,
    /// An exit signal ended the process with this reason.
    Exited(Term),
    /// The process's first call returned this value.
    Returned(Term),
    /// An exception nobody caught ended the process.
    Crashed {
        /// Class.
        class: Class,
        /// Reason.
        reason: Term,
        /// Stacktrace list.
        trace: Term,
    },
}

/// The state of a run: the VM, the running process and the registers.
pub(crate) struct Machine<'a> {
    pub vm: &'a mut Vm,
    pub p: &'a mut Process,
    pub r: &'a mut Regs,
    /// Address of the next instruction.
    pub ip: *const Instr,
    /// Reductions left in this slice.
    pub reds: isize,
    /// Where the OTP 24 `bs_put_*` instructions write.
    bs: bits::Builder,
}

/// Runs `p` for about `budget` reductions; returns why it stopped and the
/// reductions it used.
pub fn run(vm: &mut Vm, p: &mut Process, r: &mut Regs, budget: usize) -> (Outcome, usize) {
    for (i, &t) in p.saved_x.iter().enumerate() {
        r.x[i] = t;
    }
    let mut m = Machine {
        ip: p.ip.0,
        vm,
        p,
        r,
        reds: budget as isize,
        bs: bits::Builder::default(),
    };
    let out = m.execute();
    m.p.ip = CodePtr(m.ip);
    let used = (budget as isize - m.reds).max(1) as usize;
    (out, used)
}

impl Machine<'_> {
    #[inline(always)]
    fn get(&self, s: Src) -> Term {
        match s.reg() {
            None => Term::from_raw(src_word(s)),
            Some(Reg::X(i)) => self.r.x[i as usize],
            Some(Reg::Y(i)) => self.p.heap.y(i as usize),
        }
    }

    #[inline(always)]
    fn put(&mut self, d: Dst, t: Term) {
        match d.reg() {
            Reg::X(i) => self.r.x[i as usize] = t,
            Reg::Y(i) => self.p.heap.set_y(i as usize, t),
        }
    }

    /// Makes sure `need` heap words (or stack words) are free, collecting
    /// with `live` X registers as roots.
    #[inline(always)]
    fn ensure(&mut self, need: usize, live: usize) -> Result<(), OutOfMemory> {
        let h = &self.p.heap;
        if h.free() >= need && h.fragment_words() <= h.capacity() {
            return Ok(());
        }
        self.collect(need, live)
    }

    /// At a tail call, where exactly the arguments are live, folds in heap
    /// fragments once they outweigh the heap: a loop that only receives
    /// and sends would otherwise never meet a `test_heap` and keep every
    /// message it ever received.
    #[inline(always)]
    fn tail_gc(&mut self, arity: u32) -> Result<(), OutOfMemory> {
        let h = &self.p.heap;
        if h.fragment_words() > h.capacity() {
            return self.collect(0, arity as usize);
        }
        Ok(())
    }

    /// Collects the heap with `live` X registers and the dictionary as
    /// roots, leaving `need` words free.
    #[inline(never)]
    #[cold]
    fn collect(&mut self, need: usize, live: usize) -> Result<(), OutOfMemory> {
        self.collect_as(need, live, None)
    }

    /// [`Machine::collect`] with a choice of collection.
    #[inline(never)]
    #[cold]
    pub(super) fn collect_as(
        &mut self,
        need: usize,
        live: usize,
        force: Option<gc::Kind>,
    ) -> Result<(), OutOfMemory> {
        let live = live.min(X_REGS);
        let p = &mut *self.p;
        gc::collect_as(
            &mut p.heap,
            &mut [&mut self.r.x[..live], &mut p.info.dict[..]],
            need,
            force,
        )
    }

    fn bif_ctx(&mut self) -> Ctx<'_> {
        Ctx {
            heap: &mut self.p.heap,
            atoms: &mut self.vm.atoms,
            os: &mut *self.vm.os,
            me: &mut self.p.info,
            sched: &mut self.vm.sched,
            exports: &mut self.vm.exports,
            modules: &self.vm.modules,
        }
    }

    fn cmp(&self, c: Cmp, a: Term, b: Term) -> bool {
        let atoms = &self.vm.atoms;
        match c {
            Cmp::EqExact => exact_eq(a, b, atoms),
            Cmp::NeExact => !exact_eq(a, b, atoms),
            Cmp::Eq => a == b || compare(a, b, atoms, false) == Ordering::Equal,
            Cmp::Ne => a != b && compare(a, b, atoms, false) != Ordering::Equal,
            Cmp::Lt => a != b && compare(a, b, atoms, false) == Ordering::Less,
            Cmp::Ge => a == b || compare(a, b, atoms, false) != Ordering::Less,
        }
    }

    fn type_test(t: TypeTest, v: Term) -> bool {
        match t {
            TypeTest::Integer => v.is_integer(),
            TypeTest::Float => v.is_float(),
            TypeTest::Number => v.is_number(),
            TypeTest::Atom => v.is_atom(),
            TypeTest::Pid => v.is_pid(),
            TypeTest::Reference => v.is_reference(),
            TypeTest::Port => v.is_port(),
            TypeTest::Nil => v.is_nil(),
            TypeTest::Binary => crate::binary::is_binary(v),
            TypeTest::Bitstring => v.is_bitstring(),
            TypeTest::List => v.is_list_or_nil(),
            TypeTest::NonEmptyList => v.is_list(),
            TypeTest::Tuple => v.is_tuple(),
            TypeTest::Function => v.is_function(),
            TypeTest::Boolean => v.is_boolean(),
            TypeTest::Map => v.is_map(),
        }
    }

    /// A tuple `{Tag, Value}` for error reasons.
    fn tagged(&mut self, tag: atom::Atom, v: Term) -> Result<Term, OutOfMemory> {
        self.p.heap.tuple(&[Term::atom(tag), v])
    }

    /// The main loop. Instructions that fail produce an exception and a
    /// site; the outer loop turns those into a stacktrace and unwinds.
    fn execute(&mut self) -> Outcome {
        loop {
            let (exc, site) = match self.dispatch() {
                Ok(out) => return out,
                Err(e) => e,
            };
            match self.handle_exception(exc, site) {
                Ok(()) => continue,
                Err(out) => return out,
            }
        }
    }

    /// Runs instructions until the process yields or returns (`Ok`) or an
    /// exception is raised (`Err`).
    fn dispatch(&mut self) -> Result<Outcome, (Exception, ErrorSite)> {
        macro_rules! oom {
            ($e:expr, $here:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(OutOfMemory) => {
                        return Err((Exception::from(OutOfMemory), ErrorSite::Here($here)))
                    }
                }
            };
        }
        loop {
            let here = self.ip;
            // SAFETY: `ip` always points at an instruction of a loaded
            // module: the loader checked every jump target, and every
            // function ends in a control transfer.
            let instr = unsafe { &*here };
            self.ip = unsafe { here.add(1) };
            match instr {
                Instr::Move { src, dst } => {
                    let v = self.get(*src);
                    self.put(*dst, v);
                }
                Instr::Test { test, fail, src } => {
                    if !Self::type_test(*test, self.get(*src)) {
                        self.ip = fail.0;
                    }
                }
                Instr::Compare { cmp, fail, a, b } => {
                    let (a, b) = (self.get(*a), self.get(*b));
                    let ok = match (cmp, a.as_small(), b.as_small()) {
                        (Cmp::Lt, Some(x), Some(y)) => x < y,
                        (Cmp::Ge, Some(x), Some(y)) => x >= y,
                        (Cmp::EqExact, _, _) if a == b => true,
                        _ => self.cmp(*cmp, a, b),
                    };
                    if !ok {
                        self.ip = fail.0;
                    }
                }
                Instr::Call { arity, target } => {
                    oom!(self.ensure(1, *arity as usize), here);
                    self.p.heap.push(CodePtr(self.ip).to_term());
                    self.ip = target.0;
                    if self.tick() {
                        return Ok(self.yield_now(*arity));
                    }
                }
                Instr::CallLast {
                    arity,
                    target,
                    dealloc,
                } => {
                    self.p.heap.drop_words(*dealloc as usize);
                    oom!(self.tail_gc(*arity), here);
                    self.ip = target.0;
                    if self.tick() {
                        return Ok(self.yield_now(*arity));
                    }
                }
                Instr::CallOnly { arity, target } => {
                    oom!(self.tail_gc(*arity), here);
                    self.ip = target.0;
                    if self.tick() {
                        return Ok(self.yield_now(*arity));
                    }
                }
                Instr::Return => match self.p.heap.pop() {
                    // Only `call` pushes header-tagged words: anything else
                    // means malformed code returned with a frame in place.
                    Some(cp) if cp.is_header() => self.ip = CodePtr::from_term(cp).0,
                    _ => return Err((Exception::badarg(), ErrorSite::Here(here))),
                },
                Instr::Bits(op) => self.bits(op, here)?,
                Instr::CodeEnd => {
                    // Malformed code ran off the end of its module.
                    return Err((Exception::badarg(), ErrorSite::Here(here)));
                }
                Instr::Allocate { slots, heap, live } => {
                    let need = *slots as usize + *heap as usize;
                    oom!(self.ensure(need, *live as usize), here);
                    self.p.heap.alloc_frame(*slots as usize);
                }
                Instr::Deallocate { n } => self.p.heap.drop_words(*n as usize),
                Instr::TestHeap { need, live } => {
                    oom!(self.ensure(*need as usize, *live as usize), here);
                }
                Instr::Trim { n } => self.p.heap.drop_words(*n as usize),
                Instr::InitYregs { regs } => {
                    for &y in regs.iter() {
                        self.p.heap.set_y(y as usize, Term::NIL);
                    }
                }
                Instr::Swap { a, b } => {
                    let va = self.get(dst_src(*a));
                    let vb = self.get(dst_src(*b));
                    self.put(*a, vb);
                    self.put(*b, va);
                }
                Instr::GetList { src, head, tail } => {
                    let (h, t) = self.get(*src).as_cons().unwrap_or((Term::NIL, Term::NIL));
                    self.put(*head, h);
                    self.put(*tail, t);
                }
                Instr::GetHd { src, dst } => {
                    let h = self.get(*src).as_cons().map_or(Term::NIL, |c| c.0);
                    self.put(*dst, h);
                }
                Instr::GetTl { src, dst } => {
                    let t = self.get(*src).as_cons().map_or(Term::NIL, |c| c.1);
                    self.put(*dst, t);
                }
                Instr::GetTupleElement { src, index, dst } => {
                    let v = self
                        .get(*src)
                        .as_tuple()
                        .and_then(|t| t.get(*index as usize).copied())
                        .unwrap_or(Term::NIL);
                    self.put(*dst, v);
                }
                Instr::SetTupleElement {
                    value,
                    tuple,
                    index,
                } => {
                    let v = self.get(*value);
                    let t = self.get(*tuple);
                    if t.is_tuple() && (*index as usize) < t.boxed_header().header_arity() {
                        // SAFETY: a freshly built tuple (the compiler only
                        // emits this right after `put_tuple2`), index checked.
                        unsafe { *t.ptr_mut().add(1 + *index as usize) = v };
                    }
                }
                Instr::PutList { head, tail, dst } => {
                    let (h, t) = (self.get(*head), self.get(*tail));
                    let l = oom!(self.p.heap.cons(h, t), here);
                    self.put(*dst, l);
                }
                Instr::PutTuple2 { dst, elems } => {
                    let n = elems.len();
                    let s = oom!(self.p.heap.alloc(n + 1), here);
                    // SAFETY: n + 1 fresh words.
                    unsafe {
                        *s = Term::header(crate::term::HeaderTag::Tuple, n);
                        for (i, e) in elems.iter().enumerate() {
                            *s.add(1 + i) = self.get(*e);
                        }
                    }
                    self.put(*dst, Term::boxed_ptr(s));
                }
                Instr::UpdateRecord {
                    src,
                    dst,
                    size,
                    updates,
                } => {
                    let t = self.get(*src);
                    let Some(old) = t.as_tuple() else {
                        return Err((Exception::badarg(), ErrorSite::Here(here)));
                    };
                    let n = (*size as usize).max(old.len());
                    let s = oom!(self.p.heap.alloc(n + 1), here);
                    // SAFETY: n + 1 fresh words; `old` has at most n elements.
                    unsafe {
                        *s = Term::header(crate::term::HeaderTag::Tuple, n);
                        for (i, &e) in old.iter().enumerate() {
                            *s.add(1 + i) = e;
                        }
                        for &(pos, v) in updates.iter() {
                            if pos >= 1 && (pos as usize) <= n {
                                *s.add(pos as usize) = self.get(v);
                            }
                        }
                    }
                    self.put(*dst, Term::boxed_ptr(s));
                }
                Instr::TestArity { fail, src, arity } => match self.get(*src).as_tuple() {
                    Some(t) if t.len() == *arity as usize => {}
                    _ => self.ip = fail.0,
                },
                Instr::IsTaggedTuple {
                    fail,
                    src,
                    arity,
                    tag,
                } => match self.get(*src).as_tuple() {
                    Some(t) if t.len() == *arity as usize && t.first() == Some(tag) => {}
                    _ => self.ip = fail.0,
                },
                Instr::IsFunction2 { fail, src, arity } => {
                    let f = self.get(*src);
                    let a = self.get(*arity);
                    let ok = match (crate::fun::arity(f), a.as_small()) {
                        (Some(n), Some(m)) => n as isize == m,
                        (_, None) => return Err((Exception::badarg(), ErrorSite::Here(here))),
                        _ => false,
                    };
                    if !ok {
                        self.ip = fail.0;
                    }
                }
                Instr::SelectVal {
                    src,
                    fail,
                    table,
                    sorted,
                } => {
                    let v = self.get(*src);
                    let hit = if *sorted {
                        table
                            .binary_search_by(|(k, _)| k.raw().cmp(&v.raw()))
                            .ok()
                            .map(|i| table[i].1)
                    } else {
                        let atoms = &self.vm.atoms;
                        table
                            .iter()
                            .find(|(k, _)| exact_eq(*k, v, atoms))
                            .map(|e| e.1)
                    };
                    self.ip = hit.unwrap_or(*fail).0;
                }
                Instr::SelectTupleArity { src, fail, table } => {
                    let v = self.get(*src);
                    let hit = v.as_tuple().and_then(|t| {
                        table
                            .iter()
                            .find(|(a, _)| *a as usize == t.len())
                            .map(|e| e.1)
                    });
                    self.ip = hit.unwrap_or(*fail).0;
                }
                Instr::Jump { target } => self.ip = target.0,
                Instr::Bif {
                    func,
                    fail,
                    args,
                    n,
                    dst,
                    live,
                } => {
                    let mut a = [Term::NIL; 3];
                    for i in 0..*n as usize {
                        a[i] = self.get(args[i]);
                    }
                    let _ = live; // natives allocate in fragments: no collection here
                    let r = func(&mut self.bif_ctx(), &a[..*n as usize]);
                    self.after_native();
                    if let Some(reason) = self.p.info.pending_exit.take() {
                        return Ok(Outcome::Exited(reason));
                    }
                    match r {
                        Ok(v) => self.put(*dst, v),
                        Err(e) => match fail.get() {
                            Some(f) => self.ip = f.0,
                            None => {
                                return Err((
                                    e,
                                    ErrorSite::Bif {
                                        at: here,
                                        func: *func,
                                        args: a,
                                        n: *n,
                                    },
                                ))
                            }
                        },
                    }
                }
                Instr::CallExt { arity, entry } => {
                    oom!(self.ensure(1, *arity as usize), here);
                    if let Some(out) = self.call_export(*entry, *arity, call::Tail::No, here)? {
                        return Ok(out);
                    }
                }
                Instr::CallExtLast {
                    arity,
                    entry,
                    dealloc,
                } => {
                    self.p.heap.drop_words(*dealloc as usize);
                    if let Some(out) = self.call_export(*entry, *arity, call::Tail::Yes, here)? {
                        return Ok(out);
                    }
                }
                Instr::CallExtOnly { arity, entry } => {
                    if let Some(out) = self.call_export(*entry, *arity, call::Tail::Yes, here)? {
                        return Ok(out);
                    }
                }
                Instr::Apply { arity, dealloc } => {
                    let tail = match dealloc {
                        Some(d) => {
                            self.p.heap.drop_words(*d as usize);
                            call::Tail::Yes
                        }
                        None => {
                            oom!(self.ensure(1, *arity as usize + 2), here);
                            call::Tail::No
                        }
                    };
                    let m = self.r.x[*arity as usize];
                    let f = self.r.x[*arity as usize + 1];
                    if let Some(out) = self.apply_mfa(m, f, *arity, tail, here)? {
                        return Ok(out);
                    }
                }
                Instr::CallFun { arity } => {
                    oom!(self.ensure(1, *arity as usize + 1), here);
                    let f = self.r.x[*arity as usize];
                    if let Some(out) = self.call_fun(f, *arity, call::Tail::No, here)? {
                        return Ok(out);
                    }
                }
                Instr::CallFun2 { arity, fun } => {
                    // Keep an X register holding the fun alive across a GC.
                    let live = match fun.reg() {
                        Some(Reg::X(i)) => (i as usize + 1).max(*arity as usize),
                        _ => *arity as usize,
                    };
                    oom!(self.ensure(1, live), here);
                    let f = self.get(*fun);
                    if let Some(out) = self.call_fun(f, *arity, call::Tail::No, here)? {
                        return Ok(out);
                    }
                }
                Instr::MakeFun { def, dst, free } => {
                    let mut vals = alloc::vec::Vec::with_capacity(free.len());
                    for s in free.iter() {
                        vals.push(self.get(*s));
                    }
                    // SAFETY: fun definitions live as long as their module.
                    let def = unsafe { &**def };
                    let f = oom!(crate::fun::new_closure(&mut self.p.heap, def, &vals), here);
                    self.put(*dst, f);
                }
                Instr::FuncInfo { .. } => {
                    return Err((
                        Exception::error(Term::atom(atom::FUNCTION_CLAUSE)),
                        ErrorSite::FunctionClause(here),
                    ));
                }
                Instr::Badmatch { src } => {
                    let v = self.get(*src);
                    let r = oom!(self.tagged(atom::BADMATCH, v), here);
                    return Err((Exception::error(r), ErrorSite::Here(here)));
                }
                Instr::CaseEnd { src } => {
                    let v = self.get(*src);
                    let r = oom!(self.tagged(atom::CASE_CLAUSE, v), here);
                    return Err((Exception::error(r), ErrorSite::Here(here)));
                }
                Instr::TryCaseEnd { src } => {
                    let v = self.get(*src);
                    let r = oom!(self.tagged(atom::TRY_CLAUSE, v), here);
                    return Err((Exception::error(r), ErrorSite::Here(here)));
                }
                Instr::Badrecord { src } => {
                    let v = self.get(*src);
                    let r = oom!(self.tagged(atom::BADRECORD, v), here);
                    return Err((Exception::error(r), ErrorSite::Here(here)));
                }
                Instr::IfEnd => {
                    return Err((
                        Exception::error(Term::atom(atom::IF_CLAUSE)),
                        ErrorSite::Here(here),
                    ));
                }
                Instr::Catch { y, handler } => {
                    self.p
                        .heap
                        .set_y(*y as usize, Term::catch(*handler as usize));
                }
                Instr::CatchEnd { y } => {
                    self.p.heap.set_y(*y as usize, Term::NIL);
                    if self.r.x[0].is_none() {
                        let v = oom!(self.catch_value(), here);
                        self.r.x[0] = v;
                    }
                }
                Instr::TryEnd { y } => self.p.heap.set_y(*y as usize, Term::NIL),
                Instr::TryCase { y } => {
                    self.p.heap.set_y(*y as usize, Term::NIL);
                    self.r.x[0] = self.r.x[1];
                    self.r.x[1] = self.r.x[2];
                    self.r.x[2] = self.r.x[3];
                }
                Instr::Raise { trace, value } => {
                    let raw = self.get(*trace);
                    let v = self.get(*value);
                    return Err(exception::reraise(raw, v, here));
                }
                Instr::RawRaise => {
                    let (c, r, raw) = (self.r.x[0], self.r.x[1], self.r.x[2]);
                    match Class::from_term(c) {
                        Some(class) => {
                            let e = exception::reraise(raw, r, here);
                            return Err((Exception { class, ..e.0 }, e.1));
                        }
                        None => {
                            return Err((Exception::badarg(), ErrorSite::Here(here)));
                        }
                    }
                }
                Instr::BuildStacktrace => {
                    self.r.x[0] = exception::raw_trace_list(self.r.x[0]);
                }
                Instr::Fmove { src, freg } => {
                    self.r.f[*freg as usize] = self.get(*src).as_float().unwrap_or(0.0);
                }
                Instr::FmoveOut { freg, dst } => {
                    let f = oom!(self.p.heap.float(self.r.f[*freg as usize]), here);
                    self.put(*dst, f);
                }
                Instr::Fconv { src, freg } => match float::to_f64(self.get(*src)) {
                    Some(f) => self.r.f[*freg as usize] = f,
                    None => return Err((Exception::badarith(), ErrorSite::Here(here))),
                },
                Instr::Farith { op, a, b, dst } => {
                    let (x, y) = (self.r.f[*a as usize], self.r.f[*b as usize]);
                    match float::arith(*op, x, y) {
                        Some(v) => self.r.f[*dst as usize] = v,
                        None => return Err((Exception::badarith(), ErrorSite::Here(here))),
                    }
                }
                Instr::Fnegate { src, dst } => self.r.f[*dst as usize] = -self.r.f[*src as usize],
                Instr::Fcopy { src, dst } => self.r.f[*dst as usize] = self.r.f[*src as usize],
                Instr::IsMap { fail, src } => {
                    if !self.get(*src).is_map() {
                        self.ip = fail.0;
                    }
                }
                Instr::HasMapFields { fail, src, keys } => {
                    let m = self.get(*src);
                    let atoms = &self.vm.atoms;
                    let all = keys
                        .iter()
                        .all(|k| crate::map::get(m, self.get(*k), atoms).is_some());
                    if !all {
                        self.ip = fail.0;
                    }
                }
                Instr::GetMapElements { fail, src, pairs } => {
                    let m = self.get(*src);
                    let mut found = true;
                    for &(k, d) in pairs.iter() {
                        let key = self.get(k);
                        match crate::map::get(m, key, &self.vm.atoms) {
                            Some(v) => self.put(d, v),
                            None => {
                                found = false;
                                break;
                            }
                        }
                    }
                    if !found {
                        self.ip = fail.0;
                    }
                }
                Instr::PutMap {
                    fail,
                    src,
                    dst,
                    live,
                    exact,
                    pairs,
                } => {
                    // As on the BEAM, room is made first (collecting with
                    // `live` roots), so the update need not use fragments.
                    let need = crate::map::update_words(self.get(*src), pairs.len());
                    oom!(self.ensure(need, *live as usize), here);
                    let m = self.get(*src);
                    match self.put_map(m, *exact, pairs) {
                        Ok(v) => self.put(*dst, v),
                        Err(e) => match fail.get() {
                            Some(f) => self.ip = f.0,
                            None => return Err((e, ErrorSite::Here(here))),
                        },
                    }
                }
                Instr::Stop => {
                    return Ok(Outcome::Returned(self.r.x[0]));
                }
                Instr::Send => {
                    let (dest, msg) = (self.r.x[0], self.r.x[1]);
                    if let Err(e) = self.vm.sched.send(&mut self.p.info, dest, msg) {
                        let site = ErrorSite::Call {
                            at: here,
                            module: Term::atom(atom::ERLANG),
                            function: Term::atom(atom::SEND),
                            arity: 2,
                        };
                        return Err((e, site));
                    }
                    self.r.x[0] = msg;
                    self.reds -= 1;
                }
                Instr::LoopRec { fail } => match self.p.info.mailbox.current() {
                    Some(m) => self.r.x[0] = m,
                    None => self.ip = fail.0,
                },
                Instr::LoopRecEnd { target } => {
                    self.p.info.mailbox.advance();
                    self.ip = target.0;
                    if self.tick() {
                        return Ok(self.yield_now(0));
                    }
                }
                Instr::RemoveMessage => {
                    if let Some(m) = self.p.info.mailbox.take_current() {
                        self.p.heap.adopt(m.block);
                    }
                    if let Some(t) = self.p.info.receive_timer.take() {
                        self.vm.sched.timers.cancel(t.get());
                    }
                    self.p.info.timed_out = false;
                }
                Instr::Timeout => {
                    self.p.info.mailbox.rewind();
                    self.p.info.timed_out = false;
                }
                Instr::Wait { target } => {
                    self.ip = target.0;
                    return Ok(self.yield_now(0).waiting());
                }
                Instr::WaitTimeout { target, time } => {
                    let t = self.get(*time);
                    if self.p.info.timed_out {
                        self.p.info.timed_out = false;
                    } else if t == Term::atom(atom::INFINITY) {
                        self.ip = target.0;
                        return Ok(self.yield_now(0).waiting());
                    } else {
                        let ms = match crate::bignum::to_i64(t) {
                            Some(ms) if ms >= 0 && t.is_integer() => ms as u64,
                            _ => {
                                let e = Exception::error(Term::atom(atom::TIMEOUT_VALUE));
                                return Err((e, ErrorSite::Here(here)));
                            }
                        };
                        if ms > 0 {
                            if self.p.info.receive_timer.is_none() {
                                let id = self.vm.sched.make_ref();
                                let now = self.vm.os.monotonic_ns();
                                let deadline = now.saturating_add(ms.saturating_mul(1_000_000));
                                let ev = crate::timer::TimerEvent::Receive(self.p.info.pid);
                                self.vm.sched.timers.add(deadline, id, ev);
                                self.p.info.receive_timer = core::num::NonZeroU64::new(id);
                            }
                            self.ip = target.0;
                            return Ok(self.yield_now(0).waiting());
                        }
                    }
                }
                Instr::RecvMarkerReserve { dst } => {
                    self.p.info.mailbox.reserve_marker();
                    self.put(*dst, Term::NIL);
                }
                Instr::RecvMarkerBind { reference } => {
                    if let Some(id) = self.get(*reference).as_reference() {
                        self.p.info.mailbox.bind_marker(id);
                    }
                }
                Instr::RecvMarkerUse { reference } => {
                    if let Some(id) = self.get(*reference).as_reference() {
                        self.p.info.mailbox.use_marker(id);
                    }
                }
                Instr::RecvMarkerClear { reference } => {
                    if let Some(id) = self.get(*reference).as_reference() {
                        self.p.info.mailbox.clear_marker(id);
                    }
                }
            }
        }
    }

    /// Picks up messages that natives delivered to this process while it
    /// was out of the process table.
    #[inline]
    pub(super) fn after_native(&mut self) {
        if self.vm.sched.has_inbox() {
            self.vm.sched.drain_inbox(&mut self.p.info);
        }
    }

    /// Counts a reduction; true when the slice is used up.
    #[inline(always)]
    fn tick(&mut self) -> bool {
        self.reds -= 1;
        self.reds <= 0
    }

    /// Saves `live` X registers and yields.
    #[inline(never)]
    fn yield_now(&mut self, live: u32) -> Outcome {
        let live = (live as usize).min(X_REGS);
        self.p.saved_x.set(&self.r.x[..live]);
        Outcome::Yield
    }

    /// The value of `catch Expr` after an exception (x1 class, x2 reason,
    /// x3 raw trace).
    fn catch_value(&mut self) -> Result<Term, OutOfMemory> {
        let (class, reason, raw) = (self.r.x[1], self.r.x[2], self.r.x[3]);
        let exit = Term::atom(atom::EXIT_UPPER);
        match Class::from_term(class) {
            Some(Class::Throw) => Ok(reason),
            Some(Class::Error) => {
                let trace = exception::raw_trace_list(raw);
                let inner = self.p.heap.tuple(&[reason, trace])?;
                self.p.heap.tuple(&[exit, inner])
            }
            _ => self.p.heap.tuple(&[exit, reason]),
        }
    }

    fn put_map(&mut self, m: Term, exact: bool, pairs: &[(Src, Src)]) -> Result<Term, Exception> {
        if !m.is_map() {
            let r = self.tagged(atom::BADMAP, m)?;
            return Err(Exception::error(r));
        }
        let mut kv: alloc::vec::Vec<(Term, Term)> = alloc::vec::Vec::with_capacity(pairs.len());
        for &(k, v) in pairs {
            let (k, v) = (self.get(k), self.get(v));
            if exact && crate::map::get(m, k, &self.vm.atoms).is_none() {
                let r = self.tagged(atom::BADKEY, k)?;
                return Err(Exception::error(r));
            }
            kv.push((k, v));
        }
        Ok(crate::map::put_all(
            &mut self.p.heap,
            m,
            &kv,
            &self.vm.atoms,
        )?)
    }
}

impl Outcome {
    /// Turns a yield into a wait (the registers were saved alike).
    fn waiting(self) -> Outcome {
        Outcome::Wait
    }
}

/// A destination read as a source (for `swap`).
fn dst_src(d: Dst) -> Src {
    d.as_src()
}

/// The raw word of a constant source.
#[inline(always)]
fn src_word(s: Src) -> usize {
    s.constant().map_or(0, |t| t.raw())
}
