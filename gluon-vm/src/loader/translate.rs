//! Translation of generic BEAM instructions into [`Instr`].
//!
//! Jump targets are emitted as label numbers (stored in the [`CodePtr`]
//! fields) and resolved to addresses by the caller once the code is final;
//! `catch`/`try` handlers likewise carry their label until registered.

mod bits;

use super::{atom_at, Context, LoadError};
use crate::beam::{BeamFile, GenericOp, Operand};
use crate::code::instr::{Cmp, Dst, FloatOp, Src, TypeTest};
use crate::code::{CodePtr, FunDef, FunctionInfo, Instr, Location, Target};
use crate::term::{Atom, Term};
use crate::vm::Vm;
use alloc::boxed::Box;
use alloc::vec::Vec;

/// What translation produces.
pub(super) struct Output {
    pub code: Vec<Instr>,
    /// Instruction index of each label (`u32::MAX` if undefined).
    pub labels: Vec<u32>,
    pub functions: Vec<FunctionInfo>,
    pub lines: Vec<(u32, Location)>,
}

/// A label number carried in a `CodePtr` until resolution.
fn lbl(n: u32) -> CodePtr {
    CodePtr(n as usize as *const Instr)
}

struct Ops<'o, 'a> {
    name: &'static str,
    args: &'o [Operand<'a>],
}

impl<'a> Ops<'_, 'a> {
    fn bad(&self, i: usize) -> LoadError {
        LoadError::BadOperand {
            op: self.name,
            offset: i as u32,
        }
    }
    fn arg(&self, i: usize) -> Result<&Operand<'a>, LoadError> {
        self.args.get(i).ok_or_else(|| self.bad(i))
    }
    fn uint(&self, i: usize) -> Result<u32, LoadError> {
        match self.arg(i)? {
            Operand::Unsigned(n) => u32::try_from(*n).map_err(|_| self.bad(i)),
            Operand::Integer(n) => u32::try_from(*n).map_err(|_| self.bad(i)),
            _ => Err(self.bad(i)),
        }
    }
    fn label(&self, i: usize) -> Result<u32, LoadError> {
        match self.arg(i)? {
            Operand::Label(n) => Ok(*n),
            _ => Err(self.bad(i)),
        }
    }
    fn list(&self, i: usize) -> Result<&[Operand<'a>], LoadError> {
        match self.arg(i)? {
            Operand::List(v) => Ok(v),
            _ => Err(self.bad(i)),
        }
    }
    fn freg(&self, i: usize) -> Result<u16, LoadError> {
        match self.arg(i)? {
            Operand::FReg(n) if (*n as usize) < crate::interp::F_REGS => Ok(*n as u16),
            _ => Err(self.bad(i)),
        }
    }
}

/// Y registers a frame may have (the encoding's limit).
const Y_LIMIT: usize = 0x7fff;

fn reg_index(n: u32, limit: usize, e: LoadError) -> Result<u16, LoadError> {
    if (n as usize) < limit {
        Ok(n as u16)
    } else {
        Err(e)
    }
}

impl Context<'_, '_> {
    fn src_of(&mut self, o: &Operand<'_>, e: LoadError) -> Result<Src, LoadError> {
        Ok(match o {
            Operand::X(n) => Src::x(reg_index(*n, crate::interp::X_REGS, e)?),
            Operand::Y(n) => Src::y(reg_index(*n, Y_LIMIT, e)?),
            Operand::TypedReg { reg, .. } => return self.src_of(&reg.operand(), e),
            _ => Src::c(self.constant(o, e)?),
        })
    }

    fn dst_of(&self, o: &Operand<'_>, e: LoadError) -> Result<Dst, LoadError> {
        match o {
            Operand::X(n) => Ok(Dst::x(reg_index(*n, crate::interp::X_REGS, e)?)),
            Operand::Y(n) => Ok(Dst::y(reg_index(*n, Y_LIMIT, e)?)),
            Operand::TypedReg { reg, .. } => self.dst_of(&reg.operand(), e),
            _ => Err(e),
        }
    }

    fn constant(&mut self, o: &Operand<'_>, e: LoadError) -> Result<Term, LoadError> {
        Ok(match o {
            Operand::Atom(i) => Term::atom(atom_at(&self.atoms, *i)?),
            Operand::Nil => Term::NIL,
            Operand::Integer(n) => self.int(*n as i128)?,
            Operand::Unsigned(n) => self.int(*n as i128)?,
            Operand::Char(c) => Term::small(*c as isize),
            Operand::Literal(i) => *self.literals.get(*i as usize).ok_or(LoadError::BadIndex {
                what: "literal",
                index: *i,
            })?,
            Operand::Float(f) => self
                .lit_heap
                .float(*f)
                .map_err(|_| LoadError::OutOfMemory)?,
            Operand::BigInt(bytes) => self.big(bytes)?,
            _ => return Err(e),
        })
    }

    fn int(&mut self, n: i128) -> Result<Term, LoadError> {
        crate::bignum::from_i128(&mut self.lit_heap, n).map_err(|_| LoadError::OutOfMemory)
    }

    /// A big-endian two's-complement integer of any length.
    fn big(&mut self, bytes: &[u8]) -> Result<Term, LoadError> {
        use crate::binary::int;
        let neg = bytes.first().is_some_and(|b| b & 0x80 != 0);
        let mut le: Vec<u8> = bytes.iter().rev().copied().collect();
        if neg {
            int::negate(&mut le);
        }
        int::from_le_magnitude(&mut self.lit_heap, neg, &le).map_err(|_| LoadError::OutOfMemory)
    }
}

/// Translates the code of `cx.file`.
pub(super) fn translate(
    vm: &mut Vm,
    cx: &mut Context<'_, '_>,
    funs: &[FunDef],
) -> Result<Output, LoadError> {
    let sizes = count(cx.file)?;
    let mut out = Output {
        // One more for the `CodeEnd` the caller appends: the vector never
        // grows, and boxing it does not copy.
        code: Vec::with_capacity(sizes.instrs + 1),
        labels: alloc::vec![u32::MAX; cx.file.code.label_count as usize + 1],
        functions: Vec::with_capacity(sizes.functions),
        lines: Vec::with_capacity(sizes.lines),
    };
    let mut pending_line: Option<Location> = None;
    for op in cx.file.instructions() {
        let op: GenericOp<'_> = op?;
        let before = out.code.len();
        let line = one(vm, cx, funs, &op, &mut out)?;
        if let Some(l) = line {
            pending_line = Some(l);
        } else if out.code.len() > before {
            if let Some(l) = pending_line.take() {
                out.lines.push((before as u32, l));
            }
        }
    }
    Ok(out)
}

/// How many instructions, functions and line entries translation makes.
struct Sizes {
    instrs: usize,
    functions: usize,
    lines: usize,
}

/// Whether generic opcode `op` translates to no instruction.
fn emits_nothing(op: u8) -> bool {
    // label, int_code_end, fclearerror, fcheckerror, on_load, nif_start,
    // line, executable_line, debug_line.
    matches!(op, 1 | 3 | 94 | 95 | 149 | 179 | 153 | 183 | 184)
}

/// A first pass that only decodes, so the code vector can be allocated at
/// its exact size: growing it by doubling would hold two copies at once.
fn count(file: &BeamFile<'_>) -> Result<Sizes, LoadError> {
    let mut s = Sizes {
        instrs: 0,
        functions: 0,
        lines: 0,
    };
    let mut pending_line = false;
    for op in file.instructions() {
        let op = op?;
        if op.opcode == 153 {
            pending_line = true;
        } else if !emits_nothing(op.opcode) {
            s.instrs += 1;
            s.functions += usize::from(op.opcode == 2);
            s.lines += usize::from(core::mem::take(&mut pending_line));
        }
    }
    Ok(s)
}

fn cmp_of(op: u8) -> Cmp {
    match op {
        39 => Cmp::Lt,
        40 => Cmp::Ge,
        41 => Cmp::Eq,
        42 => Cmp::Ne,
        43 => Cmp::EqExact,
        _ => Cmp::NeExact,
    }
}

fn type_test_of(op: u8) -> Option<TypeTest> {
    Some(match op {
        45 => TypeTest::Integer,
        46 => TypeTest::Float,
        47 => TypeTest::Number,
        48 => TypeTest::Atom,
        49 => TypeTest::Pid,
        50 => TypeTest::Reference,
        51 => TypeTest::Port,
        52 => TypeTest::Nil,
        53 => TypeTest::Binary,
        55 => TypeTest::List,
        56 => TypeTest::NonEmptyList,
        57 => TypeTest::Tuple,
        77 => TypeTest::Function,
        114 => TypeTest::Boolean,
        129 => TypeTest::Bitstring,
        156 => TypeTest::Map,
        _ => return None,
    })
}

/// Heap words an allocation operand asks for (a word count, or an
/// allocation list of words and floats).
fn heap_need(o: &Ops<'_, '_>, i: usize) -> Result<u32, LoadError> {
    match o.arg(i)? {
        Operand::AllocList(items) => {
            let mut n = 0u32;
            for &(kind, count) in items.iter() {
                let per = match kind {
                    0 => 1,
                    1 => crate::term::FLOAT_WORDS as u32,
                    _ => 4,
                };
                n = n.saturating_add(count.saturating_mul(per));
            }
            Ok(n)
        }
        _ => o.uint(i),
    }
}

/// Translates one instruction; returns a location for `line`.
fn one(
    vm: &mut Vm,
    cx: &mut Context<'_, '_>,
    funs: &[FunDef],
    op: &GenericOp<'_>,
    out: &mut Output,
) -> Result<Option<Location>, LoadError> {
    let o = Ops {
        name: op.name,
        args: &op.args[..],
    };
    let code = &mut out.code;
    macro_rules! src {
        ($i:expr) => {
            cx.src_of(o.arg($i)?, o.bad($i))?
        };
    }
    macro_rules! dst {
        ($i:expr) => {
            cx.dst_of(o.arg($i)?, o.bad($i))?
        };
    }
    macro_rules! import {
        ($i:expr) => {{
            let n = o.uint($i)?;
            *cx.imports.get(n as usize).ok_or(LoadError::BadIndex {
                what: "import",
                index: n,
            })?
        }};
    }
    if bits::handles(op.opcode) {
        code.push(bits::translate(vm, cx, &o, op.opcode)?);
        return Ok(None);
    }
    let instr = match op.opcode {
        1 => {
            let l = o.uint(0)?;
            let slot = out
                .labels
                .get_mut(l as usize)
                .ok_or(LoadError::BadLabel { label: l })?;
            *slot = code.len() as u32;
            return Ok(None);
        }
        2 => {
            let module = atom_of(cx, &o, 0)?;
            let function = atom_of(cx, &o, 1)?;
            let arity = o.uint(2)?;
            out.functions.push(FunctionInfo {
                start: code.len() as u32,
                name: function,
                arity,
            });
            Instr::FuncInfo {
                module,
                function,
                arity,
            }
        }
        3 => return Ok(None), // int_code_end
        4 => Instr::Call {
            arity: o.uint(0)?,
            target: lbl(o.label(1)?),
        },
        5 => Instr::CallLast {
            arity: o.uint(0)?,
            target: lbl(o.label(1)?),
            dealloc: o.uint(2)?,
        },
        6 => Instr::CallOnly {
            arity: o.uint(0)?,
            target: lbl(o.label(1)?),
        },
        7 => Instr::CallExt {
            arity: o.uint(0)?,
            entry: import!(1),
        },
        8 => Instr::CallExtLast {
            arity: o.uint(0)?,
            entry: import!(1),
            dealloc: o.uint(2)?,
        },
        78 => Instr::CallExtOnly {
            arity: o.uint(0)?,
            entry: import!(1),
        },
        9 | 10 | 11 | 124 | 125 | 152 | 185 => return bif(cx, &o, op.opcode, code).map(|_| None),
        12 | 14 => Instr::Allocate {
            slots: o.uint(0)?,
            heap: 0,
            live: o.uint(1)?,
        },
        13 | 15 => Instr::Allocate {
            slots: o.uint(0)?,
            heap: heap_need(&o, 1)?,
            live: o.uint(2)?,
        },
        16 => Instr::TestHeap {
            need: heap_need(&o, 0)?,
            live: o.uint(1)?,
        },
        17 => Instr::InitYregs {
            regs: Box::new([yreg(&o, 0)?]),
        },
        18 => Instr::Deallocate { n: o.uint(0)? },
        19 => Instr::Return,
        20 => Instr::Send,
        21 => Instr::RemoveMessage,
        22 => Instr::Timeout,
        23 => Instr::LoopRec {
            fail: lbl(o.label(0)?),
        },
        24 => Instr::LoopRecEnd {
            target: lbl(o.label(0)?),
        },
        25 => Instr::Wait {
            target: lbl(o.label(0)?),
        },
        26 => Instr::WaitTimeout {
            target: lbl(o.label(0)?),
            time: src!(1),
        },
        173 => Instr::RecvMarkerBind { reference: src!(1) },
        174 => Instr::RecvMarkerClear { reference: src!(0) },
        175 => Instr::RecvMarkerReserve { dst: dst!(0) },
        176 => Instr::RecvMarkerUse { reference: src!(0) },
        39..=44 => Instr::Compare {
            cmp: cmp_of(op.opcode),
            fail: lbl(o.label(0)?),
            a: src!(1),
            b: src!(2),
        },
        45..=53 | 55..=57 | 77 | 114 | 129 | 156 => Instr::Test {
            test: type_test_of(op.opcode).ok_or(LoadError::Unsupported { op: op.name })?,
            fail: lbl(o.label(0)?),
            src: src!(1),
        },
        58 => Instr::TestArity {
            fail: lbl(o.label(0)?),
            src: src!(1),
            arity: o.uint(2)?,
        },
        59 => {
            let s = src!(0);
            let fail = lbl(o.label(1)?);
            let items = o.list(2)?;
            let mut table = Vec::with_capacity(items.len() / 2);
            for pair in items.chunks(2) {
                let [v, l] = pair else { return Err(o.bad(2)) };
                let Operand::Label(l) = l else {
                    return Err(o.bad(2));
                };
                table.push((cx.constant(v, o.bad(2))?, lbl(*l)));
            }
            // Immediates compare by identity: binary search on raw words.
            let sorted = table.iter().all(|(k, _)| k.is_immediate());
            if sorted {
                crate::sort::sort_by_key(&mut table, |(k, _)| k.raw());
            }
            Instr::SelectVal {
                src: s,
                fail,
                table: table.into_boxed_slice(),
                sorted,
            }
        }
        60 => {
            let s = src!(0);
            let fail = lbl(o.label(1)?);
            let items = o.list(2)?;
            let mut table = Vec::with_capacity(items.len() / 2);
            for pair in items.chunks(2) {
                let [a, l] = pair else { return Err(o.bad(2)) };
                let (Operand::Unsigned(a), Operand::Label(l)) = (a, l) else {
                    return Err(o.bad(2));
                };
                table.push((*a as u32, lbl(*l)));
            }
            Instr::SelectTupleArity {
                src: s,
                fail,
                table: table.into_boxed_slice(),
            }
        }
        61 => Instr::Jump {
            target: lbl(o.label(0)?),
        },
        62 | 104 => Instr::Catch {
            y: yreg(&o, 0)?,
            handler: o.label(1)?,
        },
        63 => Instr::CatchEnd { y: yreg(&o, 0)? },
        105 => Instr::TryEnd { y: yreg(&o, 0)? },
        106 => Instr::TryCase { y: yreg(&o, 0)? },
        107 => Instr::TryCaseEnd { src: src!(0) },
        108 => Instr::Raise {
            trace: src!(0),
            value: src!(1),
        },
        161 => Instr::RawRaise,
        160 => Instr::BuildStacktrace,
        64 => Instr::Move {
            src: src!(0),
            dst: dst!(1),
        },
        65 => Instr::GetList {
            src: src!(0),
            head: dst!(1),
            tail: dst!(2),
        },
        66 => Instr::GetTupleElement {
            src: src!(0),
            index: o.uint(1)?,
            dst: dst!(2),
        },
        67 => Instr::SetTupleElement {
            value: src!(0),
            tuple: src!(1),
            index: o.uint(2)?,
        },
        69 => Instr::PutList {
            head: src!(0),
            tail: src!(1),
            dst: dst!(2),
        },
        72 => Instr::Badmatch { src: src!(0) },
        73 => Instr::IfEnd,
        74 => Instr::CaseEnd { src: src!(0) },
        75 => Instr::CallFun { arity: o.uint(0)? },
        94 => return Ok(None), // fclearerror: errors are checked per operation
        95 => return Ok(None), // fcheckerror
        96 => match (o.arg(0)?, o.arg(1)?) {
            (Operand::FReg(_), Operand::FReg(_)) => Instr::Fcopy {
                src: o.freg(0)?,
                dst: o.freg(1)?,
            },
            (_, Operand::FReg(_)) => Instr::Fmove {
                src: src!(0),
                freg: o.freg(1)?,
            },
            _ => Instr::FmoveOut {
                freg: o.freg(0)?,
                dst: dst!(1),
            },
        },
        97 => Instr::Fconv {
            src: src!(0),
            freg: o.freg(1)?,
        },
        98..=101 => Instr::Farith {
            op: match op.opcode {
                98 => FloatOp::Add,
                99 => FloatOp::Sub,
                100 => FloatOp::Mul,
                _ => FloatOp::Div,
            },
            a: o.freg(1)?,
            b: o.freg(2)?,
            dst: o.freg(3)?,
        },
        102 => Instr::Fnegate {
            src: o.freg(1)?,
            dst: o.freg(2)?,
        },
        112 => Instr::Apply {
            arity: o.uint(0)?,
            dealloc: None,
        },
        113 => Instr::Apply {
            arity: o.uint(0)?,
            dealloc: Some(o.uint(1)?),
        },
        115 => Instr::IsFunction2 {
            fail: lbl(o.label(0)?),
            src: src!(1),
            arity: src!(2),
        },
        136 => Instr::Trim { n: o.uint(0)? },
        149 | 179 => return Ok(None), // on_load, nif_start: markers only
        153 => return Ok(Some(location(cx.file, o.uint(0)?))),
        183 | 184 => return Ok(None), // executable_line, debug_line
        154 | 155 => {
            let items = o.list(4)?;
            let mut pairs = Vec::with_capacity(items.len() / 2);
            for pair in items.chunks(2) {
                let [k, v] = pair else { return Err(o.bad(4)) };
                pairs.push((cx.src_of(k, o.bad(4))?, cx.src_of(v, o.bad(4))?));
            }
            let fail = o.label(0)?;
            Instr::PutMap {
                fail: if fail == 0 { CodePtr::NONE } else { lbl(fail) },
                src: src!(1),
                dst: dst!(2),
                live: o.uint(3)?,
                exact: op.opcode == 155,
                pairs: pairs.into_boxed_slice(),
            }
        }
        157 => {
            let keys = srcs(cx, &o, 2)?;
            Instr::HasMapFields {
                fail: lbl(o.label(0)?),
                src: src!(1),
                keys: keys.into_boxed_slice(),
            }
        }
        158 => {
            let items = o.list(2)?;
            let mut pairs = Vec::with_capacity(items.len() / 2);
            for pair in items.chunks(2) {
                let [k, d] = pair else { return Err(o.bad(2)) };
                pairs.push((cx.src_of(k, o.bad(2))?, cx.dst_of(d, o.bad(2))?));
            }
            Instr::GetMapElements {
                fail: lbl(o.label(0)?),
                src: src!(1),
                pairs: pairs.into_boxed_slice(),
            }
        }
        159 => Instr::IsTaggedTuple {
            fail: lbl(o.label(0)?),
            src: src!(1),
            arity: o.uint(2)?,
            tag: Term::atom(atom_of(cx, &o, 3)?),
        },
        162 => Instr::GetHd {
            src: src!(0),
            dst: dst!(1),
        },
        163 => Instr::GetTl {
            src: src!(0),
            dst: dst!(1),
        },
        164 => {
            let elems = srcs(cx, &o, 1)?;
            Instr::PutTuple2 {
                dst: dst!(0),
                elems: elems.into_boxed_slice(),
            }
        }
        169 => Instr::Swap {
            a: dst!(0),
            b: dst!(1),
        },
        171 => {
            let i = o.uint(0)?;
            let def = funs.get(i as usize).ok_or(LoadError::BadIndex {
                what: "fun",
                index: i,
            })?;
            let free = srcs(cx, &o, 2)?;
            Instr::MakeFun {
                def: def as *const FunDef,
                dst: dst!(1),
                free: free.into_boxed_slice(),
            }
        }
        172 => {
            let items = o.list(0)?;
            let mut regs = Vec::with_capacity(items.len());
            for r in items {
                match r {
                    Operand::Y(n) => regs.push(reg_index(*n, Y_LIMIT, o.bad(0))?),
                    _ => return Err(o.bad(0)),
                }
            }
            Instr::InitYregs {
                regs: regs.into_boxed_slice(),
            }
        }
        178 => Instr::CallFun2 {
            arity: o.uint(1)?,
            fun: src!(2),
        },
        180 => Instr::Badrecord { src: src!(0) },
        181 => {
            let items = o.list(4)?;
            let mut updates = Vec::with_capacity(items.len() / 2);
            for pair in items.chunks(2) {
                let [p, v] = pair else { return Err(o.bad(4)) };
                let Operand::Unsigned(p) = p else {
                    return Err(o.bad(4));
                };
                updates.push((*p as u32, cx.src_of(v, o.bad(4))?));
            }
            Instr::UpdateRecord {
                src: src!(2),
                dst: dst!(3),
                size: o.uint(1)?,
                updates: updates.into_boxed_slice(),
            }
        }
        _ => return Err(LoadError::Unsupported { op: op.name }),
    };
    code.push(instr);
    let _ = vm;
    Ok(None)
}

/// The sources of list operand `i`, in a vector of exactly their number
/// (so boxing it does not reallocate).
fn srcs(cx: &mut Context<'_, '_>, o: &Ops<'_, '_>, i: usize) -> Result<Vec<Src>, LoadError> {
    let items = o.list(i)?;
    let mut v = Vec::with_capacity(items.len());
    for e in items {
        v.push(cx.src_of(e, o.bad(i))?);
    }
    Ok(v)
}

fn atom_of(cx: &Context<'_, '_>, o: &Ops<'_, '_>, i: usize) -> Result<Atom, LoadError> {
    match o.arg(i)? {
        Operand::Atom(n) => atom_at(&cx.atoms, *n),
        _ => Err(o.bad(i)),
    }
}

fn yreg(o: &Ops<'_, '_>, i: usize) -> Result<u16, LoadError> {
    match o.arg(i)? {
        Operand::Y(n) => reg_index(*n, Y_LIMIT, o.bad(i)),
        _ => Err(o.bad(i)),
    }
}

/// `bif0..3` and `gc_bif1..3`.
fn bif(
    cx: &mut Context<'_, '_>,
    o: &Ops<'_, '_>,
    opcode: u8,
    code: &mut Vec<Instr>,
) -> Result<(), LoadError> {
    // Operand layouts: bif0 Bif Dst | bifN Fail Bif Args.. Dst |
    // gc_bifN Fail Live Bif Args.. Dst.
    let (fail_at, live_at, bif_at, nargs) = match opcode {
        9 => (None, None, 0, 0),
        10 => (Some(0), None, 1, 1),
        11 => (Some(0), None, 1, 2),
        185 => (Some(0), None, 1, 3),
        124 => (Some(0), Some(1), 2, 1),
        125 => (Some(0), Some(1), 2, 2),
        _ => (Some(0), Some(1), 2, 3),
    };
    let n = o.uint(bif_at)?;
    let entry = *cx.imports.get(n as usize).ok_or(LoadError::BadIndex {
        what: "import",
        index: n,
    })?;
    // SAFETY: export entries live as long as the VM.
    let e = unsafe { &*entry };
    // A guard BIF this VM lacks still loads: executing it raises `undef`
    // (or jumps to the fail label), so modules that merely mention it work.
    let func = match e.target.get() {
        Target::Bif(f) => f,
        _ => crate::bif::missing,
    };
    let mut args = [Src::c(Term::NIL); 3];
    for (k, a) in args.iter_mut().enumerate().take(nargs) {
        *a = cx.src_of(o.arg(bif_at + 1 + k)?, o.bad(bif_at + 1 + k))?;
    }
    let fail = match fail_at {
        Some(i) => match o.label(i)? {
            0 => CodePtr::NONE,
            l => lbl(l),
        },
        None => CodePtr::NONE,
    };
    let live = match live_at {
        Some(i) => o.uint(i)?.min(u16::MAX as u32 - 1) as u16,
        None => u16::MAX,
    };
    let d = bif_at + 1 + nargs;
    let dst = cx.dst_of(o.arg(d)?, o.bad(d))?;
    code.push(Instr::Bif {
        func,
        fail,
        args,
        n: nargs as u8,
        dst,
        live,
    });
    Ok(())
}

/// The location of line-table item `i`.
fn location(file: &BeamFile<'_>, i: u32) -> Location {
    match file.lines.location(i) {
        Some((f, line)) => Location { file: f, line },
        None => Location { file: 0, line: 0 },
    }
}

/// File names of the line table and the module's own source file.
pub(super) fn file_names(file: &BeamFile<'_>, name: Atom, vm: &Vm) -> (Box<[Box<str>]>, Box<str>) {
    let files: Vec<Box<str>> = file.lines.files().map(Box::from).collect();
    let source = alloc::format!("{}.erl", vm.atoms.name(name));
    (files.into_boxed_slice(), source.into_boxed_str())
}
