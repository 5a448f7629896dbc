//! The internal instruction form the interpreter runs.
//!
//! The loader translates each generic BEAM instruction once: labels become
//! code addresses, imports become export-table entries, literals become
//! terms, and operands become [`Src`]/[`Dst`] with no further decoding.
//! `label` and `line` instructions disappear (lines go to a side table).

use super::{BifFn, ExportEntry, FunDef};
use crate::term::Term;
use alloc::boxed::Box;

/// The address of an instruction of a loaded module. Modules are never
/// moved once loaded, so addresses stay valid. Word-aligned, so a CP stored
/// on the stack reads as a header word and the collector skips it.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub struct CodePtr(pub *const Instr);

// SAFETY: code is immutable once loaded; a CodePtr is only an address.
unsafe impl Sync for CodePtr {}
// SAFETY: as above.
unsafe impl Send for CodePtr {}

impl CodePtr {
    /// No target.
    pub const NONE: CodePtr = CodePtr(core::ptr::null());

    /// The target, unless this is [`CodePtr::NONE`].
    #[inline]
    pub fn get(self) -> Option<CodePtr> {
        if self.0.is_null() {
            None
        } else {
            Some(self)
        }
    }

    /// The continuation pointer word stored in a stack frame.
    #[inline]
    pub fn to_term(self) -> Term {
        Term::from_raw(self.0 as usize)
    }
    /// Reads back a continuation pointer stored with [`CodePtr::to_term`].
    #[inline]
    pub fn from_term(t: Term) -> CodePtr {
        CodePtr(t.raw() as *const Instr)
    }
}

/// A place an instruction reads from, packed in one word: a constant term,
/// or a register encoded in the "special" immediate space that no constant
/// uses (payload bit 0: Y rather than X; the rest: index + 1).
#[derive(Copy, Clone, PartialEq, Eq)]
pub struct Src(usize);

const SPECIAL_TAG: usize = 0b10_1011;
const SPECIAL_MASK: usize = 0b11_1111;

/// A register, unpacked.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Reg {
    /// X register.
    X(u16),
    /// Y register of the current frame.
    Y(u16),
}

impl Src {
    /// X register `n`.
    #[inline]
    pub const fn x(n: u16) -> Src {
        Src(((n as usize + 1) << 7) | SPECIAL_TAG)
    }
    /// Y register `n`.
    #[inline]
    pub const fn y(n: u16) -> Src {
        Src(((n as usize + 1) << 7) | (1 << 6) | SPECIAL_TAG)
    }
    /// A constant.
    #[inline]
    pub const fn c(t: Term) -> Src {
        Src(t.raw())
    }
    /// The register this reads, or `None` for a constant.
    #[inline(always)]
    pub fn reg(self) -> Option<Reg> {
        if self.0 & SPECIAL_MASK != SPECIAL_TAG || self.0 >> 7 == 0 {
            return None;
        }
        let n = ((self.0 >> 7) - 1) as u16;
        Some(if self.0 & (1 << 6) != 0 {
            Reg::Y(n)
        } else {
            Reg::X(n)
        })
    }
    /// The constant, if this is one.
    #[inline(always)]
    pub fn constant(self) -> Option<Term> {
        if self.reg().is_none() {
            Some(Term::from_raw(self.0))
        } else {
            None
        }
    }
}

impl core::fmt::Debug for Src {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self.reg() {
            Some(r) => write!(f, "{r:?}"),
            None => write!(f, "{:?}", Term::from_raw(self.0)),
        }
    }
}

/// A register an instruction writes to: bit 15 set for Y, else X.
#[derive(Copy, Clone, PartialEq, Eq)]
pub struct Dst(u16);

impl Dst {
    /// X register `n` (below 1024).
    #[inline]
    pub const fn x(n: u16) -> Dst {
        Dst(n)
    }
    /// Y register `n` (below 32768).
    #[inline]
    pub const fn y(n: u16) -> Dst {
        Dst(n | 0x8000)
    }
    /// The register.
    #[inline(always)]
    pub fn reg(self) -> Reg {
        if self.0 & 0x8000 != 0 {
            Reg::Y(self.0 & 0x7fff)
        } else {
            Reg::X(self.0)
        }
    }
    /// The same register as a source.
    #[inline]
    pub fn as_src(self) -> Src {
        match self.reg() {
            Reg::X(n) => Src::x(n),
            Reg::Y(n) => Src::y(n),
        }
    }
}

impl core::fmt::Debug for Dst {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{:?}", self.reg())
    }
}

/// A jump target that may be absent (BEAM label 0: raise instead of
/// jumping), as a null [`CodePtr`] so it costs one word.
pub type Fail = CodePtr;

/// One type test.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum TypeTest {
    Integer,
    Float,
    Number,
    Atom,
    Pid,
    Reference,
    Port,
    Nil,
    Binary,
    Bitstring,
    List,
    NonEmptyList,
    Tuple,
    Function,
    Boolean,
    Map,
}

/// Comparisons of `is_lt`-style tests.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Cmp {
    Lt,
    Ge,
    Eq,
    Ne,
    EqExact,
    NeExact,
}

/// Floating-point register operations.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum FloatOp {
    Add,
    Sub,
    Mul,
    Div,
}

/// An internal instruction. Field order mirrors the BEAM operand order.
#[derive(Clone, Debug)]
pub enum Instr {
    /// Start of a function: raising `function_clause` if reached.
    FuncInfo {
        module: crate::term::Atom,
        function: crate::term::Atom,
        arity: u32,
    },
    /// Local call.
    Call {
        arity: u32,
        target: CodePtr,
    },
    /// Local tail call after dropping a frame of `dealloc` Y registers.
    CallLast {
        arity: u32,
        target: CodePtr,
        dealloc: u32,
    },
    /// Local tail call.
    CallOnly {
        arity: u32,
        target: CodePtr,
    },
    /// Remote call through the export table.
    CallExt {
        arity: u32,
        entry: *const ExportEntry,
    },
    /// Remote tail call after dropping a frame.
    CallExtLast {
        arity: u32,
        entry: *const ExportEntry,
        dealloc: u32,
    },
    /// Remote tail call.
    CallExtOnly {
        arity: u32,
        entry: *const ExportEntry,
    },
    /// A native guard or body BIF with up to three arguments. `live` is
    /// `Some` for `gc_bif` (registers live across a collection).
    Bif {
        func: BifFn,
        fail: Fail,
        args: [Src; 3],
        n: u8,
        dst: Dst,
        /// Live X registers for a `gc_bif`; `u16::MAX` for a plain `bif`.
        live: u16,
    },
    /// `apply/N` with the module and function in X registers.
    Apply {
        arity: u32,
        dealloc: Option<u32>,
    },
    /// Call the fun in `x(arity)`.
    CallFun {
        arity: u32,
    },
    /// Call the fun in `fun` (OTP 25+ `call_fun2`).
    CallFun2 {
        arity: u32,
        fun: Src,
    },
    /// Push a frame of `slots` Y registers, with `heap` words reserved.
    Allocate {
        slots: u32,
        heap: u32,
        live: u32,
    },
    /// Pop a frame of `n` Y registers.
    Deallocate {
        n: u32,
    },
    /// Return to the continuation pointer.
    Return,
    /// Ensure `need` free heap words, collecting with `live` X registers.
    TestHeap {
        need: u32,
        live: u32,
    },
    /// Drop `n` Y registers from the frame bottom.
    Trim {
        n: u32,
    },
    /// Initialize Y registers to `[]`.
    InitYregs {
        regs: Box<[u16]>,
    },
    Move {
        src: Src,
        dst: Dst,
    },
    Swap {
        a: Dst,
        b: Dst,
    },
    /// Compare and jump to `fail` if false.
    Compare {
        cmp: Cmp,
        fail: CodePtr,
        a: Src,
        b: Src,
    },
    /// Type test; jump to `fail` if false.
    Test {
        test: TypeTest,
        fail: CodePtr,
        src: Src,
    },
    /// `is_function2`.
    IsFunction2 {
        fail: CodePtr,
        src: Src,
        arity: Src,
    },
    /// Tuple of this arity, else `fail`.
    TestArity {
        fail: CodePtr,
        src: Src,
        arity: u32,
    },
    /// Tuple of this arity whose first element is `tag`, else `fail`.
    IsTaggedTuple {
        fail: CodePtr,
        src: Src,
        arity: u32,
        tag: Term,
    },
    /// Jump by value; `table` sorted by raw word for binary search when
    /// `sorted`.
    SelectVal {
        src: Src,
        fail: CodePtr,
        table: Box<[(Term, CodePtr)]>,
        sorted: bool,
    },
    /// Jump by tuple arity.
    SelectTupleArity {
        src: Src,
        fail: CodePtr,
        table: Box<[(u32, CodePtr)]>,
    },
    Jump {
        target: CodePtr,
    },
    /// Install a catch (old-style `catch` or `try`) in a Y register.
    Catch {
        y: u16,
        handler: u32,
    },
    /// Remove a `catch`; convert an exception in x0 to its catch value.
    CatchEnd {
        y: u16,
    },
    /// Remove a `try` catch on the normal path.
    TryEnd {
        y: u16,
    },
    /// Remove a `try` catch at the handler; x0..x2 hold class, reason, trace.
    TryCase {
        y: u16,
    },
    /// No clause of a `try ... of` matched.
    TryCaseEnd {
        src: Src,
    },
    /// Re-raise with a raw stacktrace.
    Raise {
        trace: Src,
        value: Src,
    },
    /// `raw_raise`: x0 class, x1 reason, x2 raw trace.
    RawRaise,
    /// Turn the raw trace in x0 into a list.
    BuildStacktrace,
    GetList {
        src: Src,
        head: Dst,
        tail: Dst,
    },
    GetHd {
        src: Src,
        dst: Dst,
    },
    GetTl {
        src: Src,
        dst: Dst,
    },
    GetTupleElement {
        src: Src,
        index: u32,
        dst: Dst,
    },
    SetTupleElement {
        value: Src,
        tuple: Src,
        index: u32,
    },
    PutList {
        head: Src,
        tail: Src,
        dst: Dst,
    },
    PutTuple2 {
        dst: Dst,
        elems: Box<[Src]>,
    },
    /// `update_record`: copy `src` with some elements replaced.
    UpdateRecord {
        src: Src,
        dst: Dst,
        size: u32,
        updates: Box<[(u32, Src)]>,
    },
    Badmatch {
        src: Src,
    },
    CaseEnd {
        src: Src,
    },
    IfEnd,
    Badrecord {
        src: Src,
    },
    MakeFun {
        def: *const FunDef,
        dst: Dst,
        free: Box<[Src]>,
    },
    /// Copy a term into a float register.
    Fmove {
        src: Src,
        freg: u16,
    },
    /// Float register back to a term.
    FmoveOut {
        freg: u16,
        dst: Dst,
    },
    /// Convert a number to a float register.
    Fconv {
        src: Src,
        freg: u16,
    },
    Farith {
        op: FloatOp,
        a: u16,
        b: u16,
        dst: u16,
    },
    Fnegate {
        src: u16,
        dst: u16,
    },
    /// Float register copy.
    Fcopy {
        src: u16,
        dst: u16,
    },
    /// Map construction: `put_map_assoc` (`exact = false`) or
    /// `put_map_exact`.
    PutMap {
        fail: Fail,
        src: Src,
        dst: Dst,
        live: u32,
        exact: bool,
        pairs: Box<[(Src, Src)]>,
    },
    IsMap {
        fail: CodePtr,
        src: Src,
    },
    HasMapFields {
        fail: CodePtr,
        src: Src,
        keys: Box<[Src]>,
    },
    GetMapElements {
        fail: CodePtr,
        src: Src,
        pairs: Box<[(Src, Dst)]>,
    },
    /// `x0 ! x1`, leaving the message in x0.
    Send,
    /// Take the message under the receive cursor into x0, else jump to
    /// `fail` (the wait instruction).
    LoopRec {
        fail: CodePtr,
    },
    /// Advance the receive cursor and jump back to the `loop_rec`.
    LoopRecEnd {
        target: CodePtr,
    },
    /// Remove the matched message from the queue.
    RemoveMessage,
    /// The receive timed out: rewind the cursor.
    Timeout,
    /// Suspend until a message arrives, then resume at `target`.
    Wait {
        target: CodePtr,
    },
    /// Suspend until a message arrives (resume at `target`) or the timeout
    /// in `time` (milliseconds or `infinity`) passes (fall through).
    WaitTimeout {
        target: CodePtr,
        time: Src,
    },
    /// Reserve a receive marker.
    RecvMarkerReserve {
        dst: Dst,
    },
    /// Bind the reserved marker to a reference.
    RecvMarkerBind {
        reference: Src,
    },
    /// Start the receive scan at the marker of a reference.
    RecvMarkerUse {
        reference: Src,
    },
    /// Drop the marker of a reference.
    RecvMarkerClear {
        reference: Src,
    },
    /// Ends a process's first call: returning here finishes the process.
    Stop,
    /// A bit-syntax instruction (see [`super::bits`]).
    Bits(Box<super::bits::BsOp>),
    /// Placed after a module's last instruction, so that malformed code
    /// falling off the end raises instead of running past the code.
    CodeEnd,
}

impl Instr {
    /// Calls `f` on every jump target of the instruction (used by the
    /// loader to turn label numbers into addresses).
    pub fn for_each_target(&mut self, mut f: impl FnMut(&mut CodePtr)) {
        let opt = |t: &mut Fail, f: &mut dyn FnMut(&mut CodePtr)| {
            if !t.0.is_null() {
                f(t)
            }
        };
        match self {
            Instr::Call { target, .. }
            | Instr::CallLast { target, .. }
            | Instr::CallOnly { target, .. }
            | Instr::Jump { target }
            | Instr::LoopRecEnd { target }
            | Instr::Wait { target }
            | Instr::WaitTimeout { target, .. } => f(target),
            Instr::LoopRec { fail } => f(fail),
            Instr::Bif { fail, .. } | Instr::PutMap { fail, .. } => opt(fail, &mut f),
            Instr::Compare { fail, .. }
            | Instr::Test { fail, .. }
            | Instr::IsFunction2 { fail, .. }
            | Instr::TestArity { fail, .. }
            | Instr::IsTaggedTuple { fail, .. }
            | Instr::IsMap { fail, .. }
            | Instr::HasMapFields { fail, .. }
            | Instr::GetMapElements { fail, .. } => f(fail),
            Instr::SelectVal { fail, table, .. } => {
                f(fail);
                for (_, t) in table.iter_mut() {
                    f(t);
                }
            }
            Instr::SelectTupleArity { fail, table, .. } => {
                f(fail);
                for (_, t) in table.iter_mut() {
                    f(t);
                }
            }
            Instr::Bits(op) => op.for_each_target(&mut f),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn instruction_size_stays_small() {
        // Every instruction costs this much memory; keep the enum compact.
        let bytes = core::mem::size_of::<super::Instr>();
        let limit = if cfg!(target_pointer_width = "64") {
            48
        } else {
            28
        };
        assert!(bytes <= limit, "Instr is {bytes} bytes");
    }
}
