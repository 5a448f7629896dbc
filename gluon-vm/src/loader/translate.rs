//! Translation of generic BEAM instructions into the word format of
//! [`crate::code::op`].
//!
//! Two passes over the generic instructions: the first only counts words,
//! pool entries, functions and line entries and records where each label
//! lands; the second allocates everything at its exact size and emits the
//! words, with jump targets already resolved to addresses (forward ones
//! from the first pass's label offsets). So loading holds no growing
//! vectors and copies nothing at the end.

mod bits;
mod emit;

use super::{atom_at, Context, LoadError};
use crate::beam::{BeamFile, GenericOp, Operand};
use crate::code::instr::{Cmp, Dst, Src, TypeTest};
use crate::code::op::{self, slot, Word};
use crate::code::{CodePtr, FunDef, FunctionInfo, Instr, Location, Target};
use crate::term::{atom, static_atoms, Atom, Term};
use crate::vm::Vm;
use alloc::boxed::Box;
use alloc::vec::Vec;
use emit::{Emit, Ins};

/// What translation produces.
pub(super) struct Output {
    /// The words, ending in `CODE_END`.
    pub code: Box<[Word]>,
    /// The pool of rare instructions the words point at.
    pub rare: Box<[Instr]>,
    /// Word offset of each label (`u32::MAX` if undefined).
    pub labels: Vec<u32>,
    pub functions: Box<[FunctionInfo]>,
    pub lines: Box<[(u32, Location)]>,
}

/// A label number carried in a `CodePtr` until resolution (rare
/// instructions are built with these, then resolved).
fn lbl(n: u32) -> CodePtr {
    CodePtr(n as usize as *const Word)
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

/// An operand in a register slot: the slot value and, for
/// [`slot::EXT`], the word that follows.
type Slot = (u32, Option<Word>);

impl Context<'_, '_> {
    /// A source operand as a slot. Whether it needs an extension word
    /// depends only on the operand's kind and register number, so both
    /// passes agree on the size.
    fn src_slot(&mut self, o: &Operand<'_>, e: LoadError) -> Result<Slot, LoadError> {
        Ok(match o {
            Operand::X(n) if *n <= slot::X_MAX => (*n, None),
            Operand::Y(n) if *n <= slot::Y_MAX => (0x80 | *n, None),
            Operand::TypedReg { reg, .. } => return self.src_slot(&reg.operand(), e),
            Operand::Nil => (slot::NIL, None),
            _ => (slot::EXT, Some(self.src_of(o, e)?.raw())),
        })
    }

    /// A destination operand as a slot.
    fn dst_slot(&self, o: &Operand<'_>, e: LoadError) -> Result<Slot, LoadError> {
        Ok(match o {
            Operand::X(n) if *n <= slot::X_MAX => (*n, None),
            Operand::Y(n) if *n <= slot::Y_MAX => (0x80 | *n, None),
            Operand::TypedReg { reg, .. } => return self.dst_slot(&reg.operand(), e),
            _ => (slot::EXT, Some(self.dst_of(o, e)?.raw())),
        })
    }

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
        if self.counting {
            // The first pass only sizes: make nothing (floats and big
            // integers would be allocated twice).
            return match o {
                Operand::Atom(_)
                | Operand::Nil
                | Operand::Integer(_)
                | Operand::Unsigned(_)
                | Operand::Char(_)
                | Operand::Literal(_)
                | Operand::Float(_)
                | Operand::BigInt(_) => Ok(Term::NIL),
                _ => Err(e),
            };
        }
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
    let labels = cx.file.code.label_count as usize + 1;
    let mut first = Emit::counting(labels);
    let mut none = (Vec::new(), Vec::new());
    cx.counting = true;
    let counted = pass(vm, cx, funs, &mut first, &mut none);
    cx.counting = false;
    counted?;
    let mut e = Emit::emitting(first)?;
    let mut tables = (Vec::with_capacity(e.functions), Vec::with_capacity(e.lines));
    pass(vm, cx, funs, &mut e, &mut tables)?;
    e.word(op::head(op::CODE_END, 0, 0, 0));
    e.check()?;
    Ok(Output {
        code: e.code.into_boxed_slice(),
        rare: e.rare.into_boxed_slice(),
        labels: e.labels,
        functions: tables.0.into_boxed_slice(),
        lines: tables.1.into_boxed_slice(),
    })
}

/// Functions and line entries, filled by the second pass.
type Tables = (Vec<FunctionInfo>, Vec<(u32, Location)>);

/// One pass over the generic instructions.
fn pass(
    vm: &mut Vm,
    cx: &mut Context<'_, '_>,
    funs: &[FunDef],
    e: &mut Emit,
    tables: &mut Tables,
) -> Result<(), LoadError> {
    let mut pending_line: Option<Location> = None;
    for op in cx.file.instructions() {
        let op: GenericOp<'_> = op?;
        let before = e.len;
        let line = one(vm, cx, funs, &op, e, tables)?;
        if let Some(l) = line {
            pending_line = Some(l);
        } else if e.len > before {
            if let Some(l) = pending_line.take() {
                if e.counting {
                    e.lines += 1;
                } else if tables.1.len() < tables.1.capacity() {
                    tables.1.push((before as u32, l));
                }
            }
        }
    }
    Ok(())
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
    e: &mut Emit,
    tables: &mut Tables,
) -> Result<Option<Location>, LoadError> {
    let o = Ops {
        name: op.name,
        args: &op.args[..],
    };
    macro_rules! src {
        ($i:expr) => {
            cx.src_slot(o.arg($i)?, o.bad($i))?
        };
    }
    macro_rules! dst {
        ($i:expr) => {
            cx.dst_slot(o.arg($i)?, o.bad($i))?
        };
    }
    macro_rules! import {
        ($i:expr) => {{
            let n = o.uint($i)?;
            *cx.imports.get(n as usize).ok_or(LoadError::BadIndex {
                what: "import",
                index: n,
            })? as Word
        }};
    }
    // An instruction with no fixed words.
    macro_rules! simple {
        ($ins:expr) => {{
            e.ins($ins);
            return Ok(None);
        }};
    }
    if bits::handles(op.opcode) {
        if cx.counting {
            e.count_rare();
        } else {
            let i = bits::translate(vm, cx, &o, op.opcode)?;
            e.rare(i)?;
        }
        return Ok(None);
    }
    match op.opcode {
        1 => {
            e.label(o.uint(0)?)?;
            Ok(None)
        }
        2 => {
            let function = atom_of(cx, &o, 1)?;
            let _module = atom_of(cx, &o, 0)?;
            let arity = o.uint(2)?;
            if e.counting {
                e.functions += 1;
            } else if tables.0.len() < tables.0.capacity() {
                tables.0.push(FunctionInfo {
                    start: e.len as u32,
                    name: function,
                    arity,
                });
            }
            simple!(Ins::new(op::FUNC_INFO))
        }
        3 => Ok(None), // int_code_end
        4 | 6 => {
            let code = if op.opcode == 4 {
                op::CALL
            } else {
                op::CALL_ONLY
            };
            e.ins(Ins::new(code).imm8(o.uint(0)?));
            e.target(o.label(1)?)?;
            Ok(None)
        }
        5 => {
            e.ins(Ins::new(op::CALL_LAST).imm8(o.uint(0)?).imm16(o.uint(2)?));
            e.target(o.label(1)?)?;
            Ok(None)
        }
        7 | 78 => {
            let code = if op.opcode == 7 {
                op::CALL_EXT
            } else {
                op::CALL_EXT_ONLY
            };
            let entry = import!(1);
            e.ins(Ins::new(code).imm8(o.uint(0)?));
            e.word(entry);
            Ok(None)
        }
        8 => {
            let entry = import!(1);
            let ins = Ins::new(op::CALL_EXT_LAST)
                .imm8(o.uint(0)?)
                .imm16(o.uint(2)?);
            e.ins(ins);
            e.word(entry);
            Ok(None)
        }
        9 | 10 | 11 | 124 | 125 | 152 | 185 => bif(cx, &o, op.opcode, e).map(|_| None),
        12 | 14 => simple!(Ins::new(op::ALLOCATE).imm8(o.uint(1)?).imm16(o.uint(0)?)),
        13 | 15 => {
            let need = heap_need(&o, 1)?;
            e.ins(
                Ins::new(op::ALLOCATE_HEAP)
                    .imm8(o.uint(2)?)
                    .imm16(o.uint(0)?),
            );
            e.word(need as Word);
            Ok(None)
        }
        16 => simple!(Ins::new(op::TEST_HEAP)
            .imm8(o.uint(1)?)
            .imm16(heap_need(&o, 0)?)),
        17 => {
            let y = yreg(&o, 0)?;
            e.ins(Ins::new(op::INIT_YREGS).skip().imm16(1));
            e.word(y as Word);
            Ok(None)
        }
        18 => simple!(Ins::new(op::DEALLOCATE).skip().imm16(o.uint(0)?)),
        19 => simple!(Ins::new(op::RETURN)),
        20 => simple!(Ins::new(op::SEND)),
        21 => simple!(Ins::new(op::REMOVE_MESSAGE)),
        22 => simple!(Ins::new(op::TIMEOUT)),
        23..=25 => {
            let code = match op.opcode {
                23 => op::LOOP_REC,
                24 => op::LOOP_REC_END,
                _ => op::WAIT,
            };
            e.ins(Ins::new(code));
            e.target(o.label(0)?)?;
            Ok(None)
        }
        26 => {
            e.ins(Ins::new(op::WAIT_TIMEOUT).slot(src!(1)));
            e.target(o.label(0)?)?;
            Ok(None)
        }
        173 => simple!(Ins::new(op::RECV_MARKER_BIND).slot(src!(1))),
        174 => simple!(Ins::new(op::RECV_MARKER_CLEAR).slot(src!(0))),
        175 => simple!(Ins::new(op::RECV_MARKER_RESERVE).slot(dst!(0))),
        176 => simple!(Ins::new(op::RECV_MARKER_USE).slot(src!(0))),
        39..=44 => {
            let ins = Ins::new(op::COMPARE)
                .slot(src!(1))
                .slot(src!(2))
                .imm8(cmp_of(op.opcode) as u32);
            e.ins(ins);
            e.target(o.label(0)?)?;
            Ok(None)
        }
        45..=53 | 55..=57 | 77 | 114 | 129 | 156 => {
            let t = type_test_of(op.opcode).ok_or(LoadError::Unsupported { op: op.name })?;
            e.ins(Ins::new(op::TEST).slot(src!(1)).imm8(t as u32));
            e.target(o.label(0)?)?;
            Ok(None)
        }
        58 => {
            e.ins(Ins::new(op::TEST_ARITY).slot(src!(1)).imm16(o.uint(2)?));
            e.target(o.label(0)?)?;
            Ok(None)
        }
        159 => {
            let tag = Term::atom(atom_of(cx, &o, 3)?);
            e.ins(
                Ins::new(op::IS_TAGGED_TUPLE)
                    .slot(src!(1))
                    .imm16(o.uint(2)?),
            );
            e.target(o.label(0)?)?;
            e.word(tag.raw());
            Ok(None)
        }
        59 => select_val(cx, &o, e).map(|_| None),
        60 => {
            let s = src!(0);
            let items = o.list(2)?;
            if items.len() % 2 != 0 {
                return Err(o.bad(2));
            }
            e.ins(Ins::new(op::SELECT_TUPLE_ARITY).slot(s));
            e.target(o.label(1)?)?;
            e.word(items.len() / 2);
            for pair in items.chunks(2) {
                let (Operand::Unsigned(a), Operand::Label(l)) = (&pair[0], &pair[1]) else {
                    return Err(o.bad(2));
                };
                e.word(*a as Word);
                e.target(*l)?;
            }
            Ok(None)
        }
        61 => {
            e.ins(Ins::new(op::JUMP));
            e.target(o.label(0)?)?;
            Ok(None)
        }
        62 | 104 => {
            let y = yreg(&o, 0)?;
            let handler = e.addr(o.label(1)?)?;
            let tag = if e.counting {
                Term::NIL
            } else {
                vm.add_catch(handler, y as u32)
            };
            e.ins(Ins::new(op::CATCH).skip().imm16(y as u32));
            e.word(tag.raw());
            Ok(None)
        }
        63 => simple!(Ins::new(op::CATCH_END).skip().imm16(yreg(&o, 0)? as u32)),
        105 => simple!(Ins::new(op::TRY_END).skip().imm16(yreg(&o, 0)? as u32)),
        106 => simple!(Ins::new(op::TRY_CASE).skip().imm16(yreg(&o, 0)? as u32)),
        107 => simple!(Ins::new(op::TRY_CASE_END).slot(src!(0))),
        108 => simple!(Ins::new(op::RAISE).slot(src!(0)).slot(src!(1))),
        161 => simple!(Ins::new(op::RAW_RAISE)),
        160 => simple!(Ins::new(op::BUILD_STACKTRACE)),
        64 => simple!(Ins::new(op::MOVE).slot(src!(0)).slot(dst!(1))),
        65 => simple!(Ins::new(op::GET_LIST)
            .slot(src!(0))
            .slot(dst!(1))
            .slot(dst!(2))),
        66 => simple!(Ins::new(op::GET_TUPLE_ELEMENT)
            .slot(src!(0))
            .slot(dst!(2))
            .imm8(o.uint(1)?)),
        67 => simple!(Ins::new(op::SET_TUPLE_ELEMENT)
            .slot(src!(0))
            .slot(src!(1))
            .imm8(o.uint(2)?)),
        69 => simple!(Ins::new(op::PUT_LIST)
            .slot(src!(0))
            .slot(src!(1))
            .slot(dst!(2))),
        72 => simple!(Ins::new(op::BADMATCH).slot(src!(0))),
        73 => simple!(Ins::new(op::IF_END)),
        74 => simple!(Ins::new(op::CASE_END).slot(src!(0))),
        75 => simple!(Ins::new(op::CALL_FUN).imm8(o.uint(0)?)),
        94 | 95 => Ok(None), // fclearerror, fcheckerror: checked per operation
        96 => match (o.arg(0)?, o.arg(1)?) {
            (Operand::FReg(_), Operand::FReg(_)) => simple!(Ins::new(op::FCOPY)
                .imm8(o.freg(0)? as u32)
                .imm8(o.freg(1)? as u32)),
            (_, Operand::FReg(_)) => {
                simple!(Ins::new(op::FMOVE).slot(src!(0)).imm8(o.freg(1)? as u32))
            }
            _ => simple!(Ins::new(op::FMOVE_OUT)
                .imm8(o.freg(0)? as u32)
                .slot(dst!(1))),
        },
        97 => simple!(Ins::new(op::FCONV).slot(src!(0)).imm8(o.freg(1)? as u32)),
        98..=101 => {
            let code = match op.opcode {
                98 => op::FADD,
                99 => op::FSUB,
                100 => op::FMUL,
                _ => op::FDIV,
            };
            simple!(Ins::new(code)
                .imm8(o.freg(1)? as u32)
                .imm8(o.freg(2)? as u32)
                .imm8(o.freg(3)? as u32))
        }
        102 => simple!(Ins::new(op::FNEGATE)
            .imm8(o.freg(1)? as u32)
            .imm8(o.freg(2)? as u32)),
        112 => simple!(Ins::new(op::APPLY).imm8(apply_arity(&o)?)),
        113 => simple!(Ins::new(op::APPLY_LAST)
            .imm8(apply_arity(&o)?)
            .imm16(o.uint(1)?)),
        115 => {
            e.ins(Ins::new(op::IS_FUNCTION2).slot(src!(1)).slot(src!(2)));
            e.target(o.label(0)?)?;
            Ok(None)
        }
        136 => simple!(Ins::new(op::TRIM).skip().imm16(o.uint(0)?)),
        149 | 179 => Ok(None), // on_load, nif_start: markers only
        153 => Ok(Some(location(cx.file, o.uint(0)?))),
        183 | 184 => Ok(None), // executable_line, debug_line
        154 | 155 | 157 | 158 | 181 => {
            if cx.counting {
                e.count_rare();
            } else {
                let i = rare(cx, &o, op.opcode)?;
                e.rare(i)?;
            }
            Ok(None)
        }
        162 => simple!(Ins::new(op::GET_HD).slot(src!(0)).slot(dst!(1))),
        163 => simple!(Ins::new(op::GET_TL).slot(src!(0)).slot(dst!(1))),
        164 => {
            let items = o.list(1)?;
            e.ins(
                Ins::new(op::PUT_TUPLE2)
                    .slot(dst!(0))
                    .imm16(items.len() as u32),
            );
            for item in items {
                let s = cx.src_of(item, o.bad(1))?;
                e.word(s.raw());
            }
            Ok(None)
        }
        169 => simple!(Ins::new(op::SWAP).slot(dst!(0)).slot(dst!(1))),
        171 => {
            let i = o.uint(0)?;
            let def = funs.get(i as usize).ok_or(LoadError::BadIndex {
                what: "fun",
                index: i,
            })?;
            let items = o.list(2)?;
            e.ins(
                Ins::new(op::MAKE_FUN)
                    .slot(dst!(1))
                    .imm16(items.len() as u32),
            );
            e.word(def as *const FunDef as Word);
            for item in items {
                let s = cx.src_of(item, o.bad(2))?;
                e.word(s.raw());
            }
            Ok(None)
        }
        172 => {
            let items = o.list(0)?;
            e.ins(Ins::new(op::INIT_YREGS).skip().imm16(items.len() as u32));
            for r in items {
                match r {
                    Operand::Y(n) => e.word(reg_index(*n, Y_LIMIT, o.bad(0))? as Word),
                    _ => return Err(o.bad(0)),
                }
            }
            Ok(None)
        }
        178 => simple!(Ins::new(op::CALL_FUN2).imm8(o.uint(1)?).slot(src!(2))),
        180 => simple!(Ins::new(op::BADRECORD).slot(src!(0))),
        _ => Err(LoadError::Unsupported { op: op.name }),
    }
}

/// The arity of `apply`/`apply_last`: the module and function follow the
/// arguments in X registers.
fn apply_arity(o: &Ops<'_, '_>) -> Result<u32, LoadError> {
    let a = o.uint(0)?;
    if a as usize + 2 > crate::interp::X_REGS {
        return Err(o.bad(0));
    }
    Ok(a)
}

/// `select_val`: the table's keys sorted by word when they are all
/// immediates (binary search), else in order (compared by value).
fn select_val(cx: &mut Context<'_, '_>, o: &Ops<'_, '_>, e: &mut Emit) -> Result<(), LoadError> {
    let s = cx.src_slot(o.arg(0)?, o.bad(0))?;
    let items = o.list(2)?;
    if items.len() % 2 != 0 {
        return Err(o.bad(2));
    }
    let n = items.len() / 2;
    let mut table: Vec<(Term, u32)> = Vec::new();
    table
        .try_reserve_exact(n)
        .map_err(|_| LoadError::OutOfMemory)?;
    for pair in items.chunks(2) {
        let Operand::Label(l) = &pair[1] else {
            return Err(o.bad(2));
        };
        table.push((cx.constant(&pair[0], o.bad(2))?, *l));
    }
    // Immediates compare by identity: binary search on raw words.
    let sorted = table.iter().all(|(k, _)| k.is_immediate());
    if sorted {
        crate::sort::sort_by_key(&mut table, |(k, _)| k.raw());
    }
    e.ins(Ins::new(op::SELECT_VAL).slot(s).imm8(sorted as u32));
    e.target(o.label(1)?)?;
    e.word(n);
    for (k, l) in table {
        e.word(k.raw());
        e.target(l)?;
    }
    Ok(())
}

/// The instructions kept in enum form: maps and `update_record`.
fn rare(cx: &mut Context<'_, '_>, o: &Ops<'_, '_>, opcode: u8) -> Result<Instr, LoadError> {
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
    Ok(match opcode {
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
                exact: opcode == 155,
                pairs: pairs.into_boxed_slice(),
            }
        }
        157 => Instr::HasMapFields {
            fail: lbl(o.label(0)?),
            src: src!(1),
            keys: srcs(cx, o, 2)?.into_boxed_slice(),
        },
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
        _ => {
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
    })
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
    e: &mut Emit,
) -> Result<(), LoadError> {
    // Operand layouts: bif0 Bif Dst | bifN Fail Bif Args.. Dst |
    // gc_bifN Fail Live Bif Args.. Dst. The live count is not needed:
    // natives allocate in fragments, so no collection happens here.
    let (fail_at, bif_at, nargs) = match opcode {
        9 => (None, 0, 0),
        10 => (Some(0), 1, 1),
        11 => (Some(0), 1, 2),
        185 => (Some(0), 1, 3),
        124 => (Some(0), 2, 1),
        125 => (Some(0), 2, 2),
        _ => (Some(0), 2, 3),
    };
    let n = o.uint(bif_at)?;
    let entry = *cx.imports.get(n as usize).ok_or(LoadError::BadIndex {
        what: "import",
        index: n,
    })?;
    // SAFETY: export entries live as long as the VM.
    let ex = unsafe { &*entry };
    // A guard BIF this VM lacks still loads: executing it raises `undef`
    // (or jumps to the fail label), so modules that merely mention it work.
    let func = match ex.target.get() {
        Target::Bif(f) => f,
        _ => crate::bif::missing,
    };
    let d = bif_at + 1 + nargs;
    let dst = cx.dst_slot(o.arg(d)?, o.bad(d))?;
    let code = match (nargs, ex.target.get()) {
        (2, Target::Bif(_)) => arith_opcode(ex).unwrap_or(op::BIF2),
        _ => [op::BIF0, op::BIF1, op::BIF2, op::BIF3][nargs],
    };
    let mut ins = Ins::new(code);
    for k in 0..nargs {
        let at = bif_at + 1 + k;
        ins = ins.slot(cx.src_slot(o.arg(at)?, o.bad(at))?);
    }
    if nargs < 3 {
        e.ins(ins.slot(dst));
    } else {
        e.ins(ins);
        e.word(cx.dst_of(o.arg(d)?, o.bad(d))?.raw());
    }
    e.word(func as Word);
    match fail_at {
        Some(i) => e.fail(o.label(i)?)?,
        None => e.word(0),
    }
    Ok(())
}

/// The opcode that adds or subtracts small integers in the dispatch loop,
/// if `ex` is `erlang:'+'/2` or `erlang:'-'/2`.
fn arith_opcode(ex: &crate::code::ExportEntry) -> Option<u8> {
    if ex.module != atom::ERLANG || ex.arity != 2 {
        return None;
    }
    let f = Some(ex.function.index());
    if f == static_atoms::find("+") {
        Some(op::ADD)
    } else if f == static_atoms::find("-") {
        Some(op::SUB)
    } else {
        None
    }
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
