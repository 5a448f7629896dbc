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
use crate::code::instr::{Cmp, Dst, FloatOp, Reg, Src, TypeTest};
use crate::code::op::{self, slot, Word};
use crate::code::{BifFn, CodePtr, ExportEntry, FunDef, Instr};
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
    /// Address of the next word to decode: the next instruction's head
    /// between instructions.
    pub ip: *const Word,
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

/// `Cmp` numbers the dispatch loop tests for its small-integer fast paths.
const CMP_LT: u32 = Cmp::Lt as u32;
const CMP_GE: u32 = Cmp::Ge as u32;
const CMP_EQ_EXACT: u32 = Cmp::EqExact as u32;

impl Machine<'_> {
    /// The next code word, advancing `ip`.
    ///
    /// The interpreter trusts the loader (see [`crate::code::op`]): code is
    /// well formed, so every word an instruction decodes exists, and
    /// reading it needs no bounds check.
    #[inline(always)]
    fn next(&mut self) -> Word {
        // SAFETY: `ip` points into a module's code, at a word the current
        // instruction owns (the loader's invariant).
        unsafe {
            let w = *self.ip;
            self.ip = self.ip.add(1);
            w
        }
    }

    /// A jump target word.
    #[inline(always)]
    fn target(&mut self) -> *const Word {
        self.next() as *const Word
    }

    /// The value of a register slot (reading its extension word, if any).
    #[inline(always)]
    fn s(&mut self, v: u32) -> Term {
        if v <= slot::X_MAX {
            self.r.x[v as usize]
        } else if v < slot::NIL {
            self.p.heap.y((v & 0x7f) as usize)
        } else if v == slot::NIL {
            Term::NIL
        } else {
            let w = self.next();
            self.get(Src::from_raw(w))
        }
    }

    /// The register of a destination slot.
    #[inline(always)]
    fn d(&mut self, v: u32) -> Dst {
        if v <= slot::X_MAX {
            Dst::x(v as u16)
        } else if v != slot::EXT {
            Dst::y((v & 0x7f) as u16)
        } else {
            Dst::from_raw(self.next())
        }
    }

    /// Writes `t` to the register of a destination slot.
    #[inline(always)]
    fn put_slot(&mut self, v: u32, t: Term) {
        if v <= slot::X_MAX {
            self.r.x[v as usize] = t;
        } else {
            let d = self.d(v);
            self.put(d, t);
        }
    }

    /// An 8-bit immediate slot.
    #[inline(always)]
    fn imm8(&mut self, v: u32) -> u32 {
        if v != slot::IMM8_EXT {
            v
        } else {
            self.next() as u32
        }
    }

    /// The 16-bit immediate of slots B and C.
    #[inline(always)]
    fn imm16(&mut self, v: u32) -> u32 {
        if v != slot::IMM16_EXT {
            v
        } else {
            self.next() as u32
        }
    }

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

    fn type_test(kind: u32, v: Term) -> bool {
        let Some(t) = TypeTest::from_code(kind) else {
            return false;
        };
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
    /// Runs instructions until the process yields or returns (`Ok`) or an
    /// exception is raised (`Err`).
    ///
    /// The common instructions run here with the instruction pointer in a
    /// local (a register), decoded by the macros below; the others run in
    /// [`Machine::cold`], with `self.ip` synced before and read back after.
    /// Every exit from this function stores the local back to `self.ip`.
    fn dispatch(&mut self) -> Result<Outcome, (Exception, ErrorSite)> {
        let mut ip = self.ip;
        macro_rules! ret {
            ($e:expr) => {{
                self.ip = ip;
                return $e;
            }};
        }
        macro_rules! oom {
            ($e:expr, $here:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(OutOfMemory) => {
                        ret!(Err((Exception::from(OutOfMemory), ErrorSite::Here($here))))
                    }
                }
            };
        }
        macro_rules! raise {
            ($e:expr, $here:expr) => {
                ret!(Err(($e, ErrorSite::Here($here))))
            };
        }
        // The decoding helpers of `Machine` (`next`, `s`, `d`, ...) on the
        // local `ip`; see them for the invariant that makes this sound.
        macro_rules! next {
            () => {{
                // SAFETY: the loader's invariant (see `Machine::next`).
                let w = unsafe { *ip };
                ip = unsafe { ip.add(1) };
                w
            }};
        }
        macro_rules! target {
            () => {
                next!() as *const Word
            };
        }
        macro_rules! src {
            ($v:expr) => {{
                let v: u32 = $v;
                if v <= slot::X_MAX {
                    self.r.x[v as usize]
                } else if v < slot::NIL {
                    self.p.heap.y((v & 0x7f) as usize)
                } else if v == slot::NIL {
                    Term::NIL
                } else {
                    let w = next!();
                    self.get(Src::from_raw(w))
                }
            }};
        }
        macro_rules! dst {
            ($v:expr) => {{
                let v: u32 = $v;
                if v <= slot::X_MAX {
                    Dst::x(v as u16)
                } else if v != slot::EXT {
                    Dst::y((v & 0x7f) as u16)
                } else {
                    Dst::from_raw(next!())
                }
            }};
        }
        macro_rules! put {
            ($v:expr, $t:expr) => {{
                let v: u32 = $v;
                let t: Term = $t;
                if v <= slot::X_MAX {
                    self.r.x[v as usize] = t;
                } else {
                    let d = dst!(v);
                    self.put(d, t);
                }
            }};
        }
        macro_rules! imm8 {
            ($v:expr) => {{
                let v: u32 = $v;
                if v != slot::IMM8_EXT {
                    v
                } else {
                    next!() as u32
                }
            }};
        }
        macro_rules! imm16 {
            ($v:expr) => {{
                let v: u32 = $v;
                if v != slot::IMM16_EXT {
                    v
                } else {
                    next!() as u32
                }
            }};
        }
        loop {
            let here = ip;
            // The head word: opcode and three slots (see `code::op`).
            let w = next!() as u32;
            // Slots are extracted where used (`op::slot_a` ...), not all up front:
            // most instructions use one or two.
            match w as u8 {
                op::MOVE => {
                    let v = src!(op::slot_a(w));
                    put!(op::slot_b(w), v);
                }
                op::TEST => {
                    let v = src!(op::slot_a(w));
                    // Below 16: never an extension word.
                    let kind = op::slot_b(w);
                    let fail = target!();
                    if !Self::type_test(kind, v) {
                        ip = fail;
                    }
                }
                op::COMPARE => {
                    let (x, y) = (src!(op::slot_a(w)), src!(op::slot_b(w)));
                    // Below 6: never an extension word.
                    let cmp = op::slot_c(w);
                    let fail = target!();
                    let ok = match (cmp, x.as_small(), y.as_small()) {
                        (CMP_LT, Some(i), Some(j)) => i < j,
                        (CMP_GE, Some(i), Some(j)) => i >= j,
                        (CMP_EQ_EXACT, _, _) if x == y => true,
                        _ => match Cmp::from_code(cmp) {
                            Some(k) => self.cmp(k, x, y),
                            None => false,
                        },
                    };
                    if !ok {
                        ip = fail;
                    }
                }
                op::PUT_LIST => {
                    let (h, t) = (src!(op::slot_a(w)), src!(op::slot_b(w)));
                    let l = oom!(self.p.heap.cons(h, t), here);
                    put!(op::slot_c(w), l);
                }
                op::GET_LIST => {
                    let (h, t) = src!(op::slot_a(w))
                        .as_cons()
                        .unwrap_or((Term::NIL, Term::NIL));
                    put!(op::slot_b(w), h);
                    put!(op::slot_c(w), t);
                }
                op::GET_HD => {
                    let h = src!(op::slot_a(w)).as_cons().map_or(Term::NIL, |c| c.0);
                    put!(op::slot_b(w), h);
                }
                op::GET_TL => {
                    let t = src!(op::slot_a(w)).as_cons().map_or(Term::NIL, |c| c.1);
                    put!(op::slot_b(w), t);
                }
                op::CALL => {
                    let arity = imm8!(op::slot_a(w));
                    let target = target!();
                    oom!(self.ensure(1, arity as usize), here);
                    self.p.heap.push(CodePtr(ip).to_term());
                    ip = target;
                    if self.tick() {
                        ret!(Ok(self.yield_now(arity)));
                    }
                }
                op::CALL_LAST => {
                    let arity = imm8!(op::slot_a(w));
                    let dealloc = imm16!(w >> 16);
                    let target = target!();
                    self.p.heap.drop_words(dealloc as usize);
                    oom!(self.tail_gc(arity), here);
                    ip = target;
                    if self.tick() {
                        ret!(Ok(self.yield_now(arity)));
                    }
                }
                op::CALL_ONLY => {
                    let arity = imm8!(op::slot_a(w));
                    let target = target!();
                    oom!(self.tail_gc(arity), here);
                    ip = target;
                    if self.tick() {
                        ret!(Ok(self.yield_now(arity)));
                    }
                }
                op::RETURN => match self.p.heap.pop() {
                    // Only `call` pushes header-tagged words: anything else
                    // means malformed code returned with a frame in place.
                    Some(cp) if cp.is_header() => ip = CodePtr::from_term(cp).0,
                    _ => raise!(Exception::badarg(), here),
                },
                op::TEST_HEAP => {
                    let live = imm8!(op::slot_a(w));
                    let need = imm16!(w >> 16);
                    oom!(self.ensure(need as usize, live as usize), here);
                }
                op::ALLOCATE | op::ALLOCATE_HEAP => {
                    let live = imm8!(op::slot_a(w));
                    let slots = imm16!(w >> 16) as usize;
                    let heap = if w as u8 == op::ALLOCATE_HEAP {
                        next!()
                    } else {
                        0
                    };
                    oom!(self.ensure(slots + heap, live as usize), here);
                    self.p.heap.alloc_frame(slots);
                }
                op::DEALLOCATE | op::TRIM => {
                    let n = imm16!(w >> 16);
                    self.p.heap.drop_words(n as usize);
                }
                op::GET_TUPLE_ELEMENT => {
                    let t = src!(op::slot_a(w));
                    let d = dst!(op::slot_b(w));
                    let index = imm8!(op::slot_c(w)) as usize;
                    let v = t
                        .as_tuple()
                        .and_then(|t| t.get(index).copied())
                        .unwrap_or(Term::NIL);
                    self.put(d, v);
                }
                op::TEST_ARITY => {
                    let v = src!(op::slot_a(w));
                    let arity = imm16!(w >> 16) as usize;
                    let fail = target!();
                    match v.as_tuple() {
                        Some(t) if t.len() == arity => {}
                        _ => ip = fail,
                    }
                }
                op::IS_TAGGED_TUPLE => {
                    let v = src!(op::slot_a(w));
                    let arity = imm16!(w >> 16) as usize;
                    let fail = target!();
                    let tag = Term::from_raw(next!());
                    match v.as_tuple() {
                        Some(t) if t.len() == arity && t.first() == Some(&tag) => {}
                        _ => ip = fail,
                    }
                }
                // SAFETY: the loader's invariant (see `Machine::next`).
                op::JUMP => ip = unsafe { *ip } as *const Word,
                op::PUT_TUPLE2 => {
                    let d = dst!(op::slot_a(w));
                    let n = imm16!(w >> 16) as usize;
                    let s = oom!(self.p.heap.alloc(n + 1), here);
                    // SAFETY (both blocks): n + 1 fresh words.
                    unsafe { *s = Term::header(crate::term::HeaderTag::Tuple, n) };
                    for i in 0..n {
                        let v = self.get(Src::from_raw(next!()));
                        unsafe { *s.add(1 + i) = v };
                    }
                    self.put(d, Term::boxed_ptr(s));
                }
                op::SEND => {
                    let (dest, msg) = (self.r.x[0], self.r.x[1]);
                    if let Err(e) = self.vm.sched.send(&mut self.p.info, dest, msg) {
                        let site = ErrorSite::Call {
                            at: here,
                            module: Term::atom(atom::ERLANG),
                            function: Term::atom(atom::SEND),
                            arity: 2,
                        };
                        ret!(Err((e, site)));
                    }
                    self.r.x[0] = msg;
                    self.reds -= 1;
                }
                op::LOOP_REC => {
                    let fail = target!();
                    match self.p.info.mailbox.current() {
                        Some(m) => self.r.x[0] = m,
                        None => ip = fail,
                    }
                }
                op::LOOP_REC_END => {
                    // SAFETY: the loader's invariant (see `Machine::next`).
                    let target = unsafe { *ip } as *const Word;
                    self.p.info.mailbox.advance();
                    ip = target;
                    if self.tick() {
                        ret!(Ok(self.yield_now(0)));
                    }
                }
                op::REMOVE_MESSAGE => {
                    if let Some(m) = self.p.info.mailbox.take_current() {
                        self.p.heap.adopt(m.block);
                    }
                    if let Some(t) = self.p.info.receive_timer.take() {
                        self.vm.sched.timers.cancel(t.get());
                    }
                    self.p.info.timed_out = false;
                }
                op::WAIT => {
                    // SAFETY: the loader's invariant (see `Machine::next`).
                    ip = unsafe { *ip } as *const Word;
                    ret!(Ok(self.yield_now(0).waiting()));
                }
                // Natives: `bif` reads the rest of the instruction from
                // `self.ip`.
                // Bit syntax (parsing loops), maps: dispatched here rather
                // than through `cold`.
                op::RARE => {
                    // SAFETY: the loader wrote the address of an entry of
                    // the module's pool, which lives as long as the code.
                    let p = next!() as *const Instr;
                    let i = unsafe { &*p };
                    self.ip = ip;
                    let r = match i {
                        Instr::Bits(op) => self.bs_op(op, here),
                        _ => self.rare(i, here),
                    };
                    ip = self.ip;
                    r?;
                }
                op::ADD | op::SUB => {
                    let (x, y) = (src!(op::slot_a(w)), src!(op::slot_b(w)));
                    let d = dst!(op::slot_c(w));
                    // Smalls are at most 60 bits wide: neither the sum nor
                    // the difference overflows an i64.
                    let r = match (x.as_small(), y.as_small()) {
                        (Some(a), Some(b)) if w as u8 == op::ADD => {
                            Term::try_small(a as i64 + b as i64)
                        }
                        (Some(a), Some(b)) => Term::try_small(a as i64 - b as i64),
                        _ => None,
                    };
                    if let Some(r) = r {
                        self.put(d, r);
                        // Past the native and fail words.
                        // SAFETY: the loader's invariant (see `Machine::next`).
                        ip = unsafe { ip.add(2) };
                    } else {
                        self.ip = ip;
                        let r = self.bif(here, [x, y, Term::NIL], 2, d);
                        ip = self.ip;
                        match r {
                            Ok(None) => {}
                            Ok(Some(out)) => return Ok(out),
                            Err(e) => return Err(e),
                        }
                    }
                }
                op::BIF1 | op::BIF2 => {
                    let (args, n, d) = if w as u8 == op::BIF1 {
                        let x = src!(op::slot_a(w));
                        ([x, Term::NIL, Term::NIL], 1, dst!(op::slot_b(w)))
                    } else {
                        let (x, y) = (src!(op::slot_a(w)), src!(op::slot_b(w)));
                        ([x, y, Term::NIL], 2, dst!(op::slot_c(w)))
                    };
                    self.ip = ip;
                    let r = self.bif(here, args, n, d);
                    ip = self.ip;
                    match r {
                        Ok(None) => {}
                        Ok(Some(out)) => return Ok(out),
                        Err(e) => return Err(e),
                    }
                }
                _ => {
                    self.ip = ip;
                    let r = self.cold(w, here);
                    ip = self.ip;
                    match r {
                        Ok(None) => {}
                        Ok(Some(out)) => return Ok(out),
                        Err(e) => return Err(e),
                    }
                }
            }
        }
    }

    /// The instructions [`Machine::dispatch`] does not run itself, with
    /// `self.ip` just past the head word `w`: `Ok(Some(_))` ends the
    /// slice.
    #[inline(never)]
    fn cold(
        &mut self,
        w: u32,
        here: *const Word,
    ) -> Result<Option<Outcome>, (Exception, ErrorSite)> {
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
        macro_rules! raise {
            ($e:expr, $here:expr) => {
                return Err(($e, ErrorSite::Here($here)))
            };
        }
        match w as u8 {
            op::INIT_YREGS => {
                let n = self.imm16(w >> 16);
                for _ in 0..n {
                    let y = self.next();
                    self.p.heap.set_y(y, Term::NIL);
                }
            }
            op::SWAP => {
                let (da, db) = (self.d(op::slot_a(w)), self.d(op::slot_b(w)));
                let va = self.get(da.as_src());
                let vb = self.get(db.as_src());
                self.put(da, vb);
                self.put(db, va);
            }
            op::SET_TUPLE_ELEMENT => {
                let v = self.s(op::slot_a(w));
                let t = self.s(op::slot_b(w));
                let index = self.imm8(op::slot_c(w)) as usize;
                if t.is_tuple() && index < t.boxed_header().header_arity() {
                    // SAFETY: a freshly built tuple (the compiler only
                    // emits this right after `put_tuple2`), index checked.
                    unsafe { *t.ptr_mut().add(1 + index) = v };
                }
            }
            op::IS_FUNCTION2 => {
                let f = self.s(op::slot_a(w));
                let arity = self.s(op::slot_b(w));
                let fail = self.target();
                let ok = match (crate::fun::arity(f), arity.as_small()) {
                    (Some(n), Some(m)) => n as isize == m,
                    (_, None) => raise!(Exception::badarg(), here),
                    _ => false,
                };
                if !ok {
                    self.ip = fail;
                }
            }
            op::SELECT_VAL => {
                let v = self.s(op::slot_a(w));
                let sorted = self.imm8(op::slot_b(w)) != 0;
                let fail = self.target();
                let n = self.next();
                // SAFETY: the loader wrote n (key, target) pairs here.
                let table = unsafe { core::slice::from_raw_parts(self.ip, 2 * n) };
                self.ip = self.select_val(v, sorted, table).unwrap_or(fail);
            }
            op::SELECT_TUPLE_ARITY => {
                let v = self.s(op::slot_a(w));
                let fail = self.target();
                let n = self.next();
                // SAFETY: the loader wrote n (arity, target) pairs here.
                let table = unsafe { core::slice::from_raw_parts(self.ip, 2 * n) };
                let hit = v.as_tuple().and_then(|t| {
                    table
                        .chunks_exact(2)
                        .find(|e| e[0] == t.len())
                        .map(|e| e[1] as *const Word)
                });
                self.ip = hit.unwrap_or(fail);
            }
            op::BIF0 => {
                let d = self.d(op::slot_a(w));
                if let Some(out) = self.bif(here, [Term::NIL; 3], 0, d)? {
                    return Ok(Some(out));
                }
            }
            op::BIF3 => {
                let args = [
                    self.s(op::slot_a(w)),
                    self.s(op::slot_b(w)),
                    self.s(op::slot_c(w)),
                ];
                let d = Dst::from_raw(self.next());
                if let Some(out) = self.bif(here, args, 3, d)? {
                    return Ok(Some(out));
                }
            }
            op::CALL_EXT => {
                let arity = self.imm8(op::slot_a(w));
                let entry = self.next() as *const ExportEntry;
                oom!(self.ensure(1, arity as usize), here);
                if let Some(out) = self.call_export(entry, arity, call::Tail::No, here)? {
                    return Ok(Some(out));
                }
            }
            op::CALL_EXT_LAST => {
                let arity = self.imm8(op::slot_a(w));
                let dealloc = self.imm16(w >> 16);
                let entry = self.next() as *const ExportEntry;
                self.p.heap.drop_words(dealloc as usize);
                if let Some(out) = self.call_export(entry, arity, call::Tail::Yes, here)? {
                    return Ok(Some(out));
                }
            }
            op::CALL_EXT_ONLY => {
                let arity = self.imm8(op::slot_a(w));
                let entry = self.next() as *const ExportEntry;
                if let Some(out) = self.call_export(entry, arity, call::Tail::Yes, here)? {
                    return Ok(Some(out));
                }
            }
            op::APPLY | op::APPLY_LAST => {
                let arity = self.imm8(op::slot_a(w));
                let tail = if w as u8 == op::APPLY_LAST {
                    let d = self.imm16(w >> 16);
                    self.p.heap.drop_words(d as usize);
                    call::Tail::Yes
                } else {
                    oom!(self.ensure(1, arity as usize + 2), here);
                    call::Tail::No
                };
                // The loader checked arity + 2 <= X_REGS.
                let m = self.r.x[arity as usize];
                let f = self.r.x[arity as usize + 1];
                if let Some(out) = self.apply_mfa(m, f, arity, tail, here)? {
                    return Ok(Some(out));
                }
            }
            op::CALL_FUN => {
                let arity = self.imm8(op::slot_a(w));
                oom!(self.ensure(1, arity as usize + 1), here);
                let Some(&f) = self.r.x.get(arity as usize) else {
                    raise!(Exception::system_limit(), here)
                };
                if let Some(out) = self.call_fun(f, arity, call::Tail::No, here)? {
                    return Ok(Some(out));
                }
            }
            op::CALL_FUN2 => {
                let arity = self.imm8(op::slot_a(w));
                // Keep an X register holding the fun alive across a GC.
                let fun = op::slot_b(w);
                let live = if fun <= slot::X_MAX {
                    (fun as usize + 1).max(arity as usize)
                } else {
                    arity as usize
                };
                oom!(self.ensure(1, live), here);
                let f = self.s(op::slot_b(w));
                if let Some(out) = self.call_fun(f, arity, call::Tail::No, here)? {
                    return Ok(Some(out));
                }
            }
            op::MAKE_FUN => {
                let d = self.d(op::slot_a(w));
                let n = self.imm16(w >> 16) as usize;
                // SAFETY: fun definitions live as long as their module.
                let def = unsafe { &*(self.next() as *const FunDef) };
                let mut vals = alloc::vec::Vec::with_capacity(n);
                for _ in 0..n {
                    let s = Src::from_raw(self.next());
                    vals.push(self.get(s));
                }
                let f = oom!(crate::fun::new_closure(&mut self.p.heap, def, &vals), here);
                self.put(d, f);
            }
            op::FUNC_INFO => {
                return Err((
                    Exception::error(Term::atom(atom::FUNCTION_CLAUSE)),
                    ErrorSite::FunctionClause(here),
                ));
            }
            op::BADMATCH | op::CASE_END | op::TRY_CASE_END | op::BADRECORD => {
                let tag = match w as u8 {
                    op::BADMATCH => atom::BADMATCH,
                    op::CASE_END => atom::CASE_CLAUSE,
                    op::TRY_CASE_END => atom::TRY_CLAUSE,
                    _ => atom::BADRECORD,
                };
                let v = self.s(op::slot_a(w));
                let r = oom!(self.tagged(tag, v), here);
                raise!(Exception::error(r), here);
            }
            op::IF_END => raise!(Exception::error(Term::atom(atom::IF_CLAUSE)), here),
            op::CATCH => {
                let y = self.imm16(w >> 16);
                let tag = Term::from_raw(self.next());
                self.p.heap.set_y(y as usize, tag);
            }
            op::CATCH_END => {
                let y = self.imm16(w >> 16);
                self.p.heap.set_y(y as usize, Term::NIL);
                if self.r.x[0].is_none() {
                    let v = oom!(self.catch_value(), here);
                    self.r.x[0] = v;
                }
            }
            op::TRY_END => {
                let y = self.imm16(w >> 16);
                self.p.heap.set_y(y as usize, Term::NIL);
            }
            op::TRY_CASE => {
                let y = self.imm16(w >> 16);
                self.p.heap.set_y(y as usize, Term::NIL);
                self.r.x[0] = self.r.x[1];
                self.r.x[1] = self.r.x[2];
                self.r.x[2] = self.r.x[3];
            }
            op::RAISE => {
                let raw = self.s(op::slot_a(w));
                let v = self.s(op::slot_b(w));
                return Err(exception::reraise(raw, v, here));
            }
            op::RAW_RAISE => {
                let (c, r, raw) = (self.r.x[0], self.r.x[1], self.r.x[2]);
                match Class::from_term(c) {
                    Some(class) => {
                        let e = exception::reraise(raw, r, here);
                        return Err((Exception { class, ..e.0 }, e.1));
                    }
                    None => raise!(Exception::badarg(), here),
                }
            }
            op::BUILD_STACKTRACE => {
                self.r.x[0] = exception::raw_trace_list(self.r.x[0]);
            }
            op::FMOVE => {
                let v = self.s(op::slot_a(w));
                let f = self.imm8(op::slot_b(w)) as usize;
                self.r.f[f] = v.as_float().unwrap_or(0.0);
            }
            op::FMOVE_OUT => {
                let f = self.imm8(op::slot_a(w)) as usize;
                let d = self.d(op::slot_b(w));
                let v = oom!(self.p.heap.float(self.r.f[f]), here);
                self.put(d, v);
            }
            op::FCONV => {
                let v = self.s(op::slot_a(w));
                let f = self.imm8(op::slot_b(w)) as usize;
                match float::to_f64(v) {
                    Some(v) => self.r.f[f] = v,
                    None => raise!(Exception::badarith(), here),
                }
            }
            op::FADD | op::FSUB | op::FMUL | op::FDIV => {
                let kind = match w as u8 {
                    op::FADD => FloatOp::Add,
                    op::FSUB => FloatOp::Sub,
                    op::FMUL => FloatOp::Mul,
                    _ => FloatOp::Div,
                };
                let (fa, fb, fd) = (
                    self.imm8(op::slot_a(w)),
                    self.imm8(op::slot_b(w)),
                    self.imm8(op::slot_c(w)),
                );
                let (x, y) = (self.r.f[fa as usize], self.r.f[fb as usize]);
                match float::arith(kind, x, y) {
                    Some(v) => self.r.f[fd as usize] = v,
                    None => raise!(Exception::badarith(), here),
                }
            }
            op::FNEGATE => {
                let (fs, fd) = (self.imm8(op::slot_a(w)), self.imm8(op::slot_b(w)));
                self.r.f[fd as usize] = -self.r.f[fs as usize];
            }
            op::FCOPY => {
                let (fs, fd) = (self.imm8(op::slot_a(w)), self.imm8(op::slot_b(w)));
                self.r.f[fd as usize] = self.r.f[fs as usize];
            }
            op::STOP => {
                return Ok(Some(Outcome::Returned(self.r.x[0])));
            }
            op::TIMEOUT => {
                self.p.info.mailbox.rewind();
                self.p.info.timed_out = false;
            }
            op::WAIT_TIMEOUT => {
                let t = self.s(op::slot_a(w));
                let target = self.target();
                if let Some(out) = self.wait_timeout(t, target, here)? {
                    return Ok(Some(out));
                }
            }
            op::RECV_MARKER_RESERVE => {
                self.p.info.mailbox.reserve_marker();
                self.put_slot(op::slot_a(w), Term::NIL);
            }
            op::RECV_MARKER_BIND | op::RECV_MARKER_USE | op::RECV_MARKER_CLEAR => {
                if let Some(id) = self.s(op::slot_a(w)).as_reference() {
                    let mb = &mut self.p.info.mailbox;
                    match w as u8 {
                        op::RECV_MARKER_BIND => mb.bind_marker(id),
                        op::RECV_MARKER_USE => mb.use_marker(id),
                        _ => mb.clear_marker(id),
                    }
                }
            }
            _ => {
                // `CODE_END`: malformed code ran off the end of its module (no
                // other opcode reaches here).
                raise!(Exception::badarg(), here);
            }
        }
        Ok(None)
    }

    /// The rest of a `BIFn` instruction once its operands are read: calls
    /// the native (its address and the fail target are the next words)
    /// and stores the result in `d`.
    #[inline(always)]
    fn bif(
        &mut self,
        here: *const Word,
        args: [Term; 3],
        n: usize,
        d: Dst,
    ) -> Result<Option<Outcome>, (Exception, ErrorSite)> {
        // SAFETY: the loader wrote a native's address here.
        let func: BifFn = unsafe { core::mem::transmute::<Word, BifFn>(self.next()) };
        let fail = self.target();
        let r = func(&mut self.bif_ctx(), &args[..n]);
        self.after_native();
        if let Some(reason) = self.p.info.pending_exit.take() {
            return Ok(Some(Outcome::Exited(reason)));
        }
        match r {
            Ok(v) => self.put(d, v),
            Err(_) if !fail.is_null() => self.ip = fail,
            Err(e) => {
                return Err((
                    e,
                    ErrorSite::Bif {
                        at: here,
                        func,
                        args,
                        n: n as u8,
                    },
                ))
            }
        }
        Ok(None)
    }

    /// `wait_timeout`: suspends until `target` is due (returns the
    /// outcome), or falls through once the timeout has passed.
    fn wait_timeout(
        &mut self,
        t: Term,
        target: *const Word,
        here: *const Word,
    ) -> Result<Option<Outcome>, (Exception, ErrorSite)> {
        if self.p.info.timed_out {
            self.p.info.timed_out = false;
            return Ok(None);
        }
        if t == Term::atom(atom::INFINITY) {
            self.ip = target;
            return Ok(Some(self.yield_now(0).waiting()));
        }
        let ms = match crate::bignum::to_i64(t) {
            Some(ms) if ms >= 0 && t.is_integer() => ms as u64,
            _ => {
                let e = Exception::error(Term::atom(atom::TIMEOUT_VALUE));
                return Err((e, ErrorSite::Here(here)));
            }
        };
        if ms == 0 {
            return Ok(None);
        }
        if self.p.info.receive_timer.is_none() {
            let id = self.vm.sched.make_ref();
            let now = self.vm.os.monotonic_ns();
            let deadline = now.saturating_add(ms.saturating_mul(1_000_000));
            let ev = crate::timer::TimerEvent::Receive(self.p.info.pid);
            self.vm.sched.timers.add(deadline, id, ev);
            self.p.info.receive_timer = core::num::NonZeroU64::new(id);
        }
        self.ip = target;
        Ok(Some(self.yield_now(0).waiting()))
    }

    /// The target of `select_val` for `v` in a table of (key, target)
    /// word pairs.
    fn select_val(&self, v: Term, sorted: bool, table: &[Word]) -> Option<*const Word> {
        let n = table.len() / 2;
        if sorted {
            // Keys sorted by word: binary search on pairs.
            let (mut lo, mut hi) = (0, n);
            let key = v.raw();
            while lo < hi {
                let mid = (lo + hi) / 2;
                let k = table[2 * mid];
                if k == key {
                    return Some(table[2 * mid + 1] as *const Word);
                }
                if k < key {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            None
        } else {
            let atoms = &self.vm.atoms;
            table
                .chunks_exact(2)
                .find(|e| exact_eq(Term::from_raw(e[0]), v, atoms))
                .map(|e| e[1] as *const Word)
        }
    }

    /// Runs an instruction of the pool of rare ones.
    #[inline(never)]
    fn rare(&mut self, i: &Instr, here: *const Word) -> Result<(), (Exception, ErrorSite)> {
        macro_rules! oom {
            ($e:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(OutOfMemory) => {
                        return Err((Exception::from(OutOfMemory), ErrorSite::Here(here)))
                    }
                }
            };
        }
        match i {
            Instr::Bits(op) => self.bits(op, here)?,
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
                let s = oom!(self.p.heap.alloc(n + 1));
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
                oom!(self.ensure(need, *live as usize));
                let m = self.get(*src);
                match self.put_map(m, *exact, pairs) {
                    Ok(v) => self.put(*dst, v),
                    Err(e) => match fail.get() {
                        Some(f) => self.ip = f.0,
                        None => return Err((e, ErrorSite::Here(here))),
                    },
                }
            }
        }
        Ok(())
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

/// The raw word of a constant source.
#[inline(always)]
fn src_word(s: Src) -> usize {
    s.constant().map_or(0, |t| t.raw())
}
