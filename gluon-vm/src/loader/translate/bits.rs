//! Translation of the bit-syntax instructions into [`BsOp`].

use super::{lbl, Ops};
use crate::beam::Operand;
use crate::binary::int::Flags;
use crate::code::bits::{BsOp, MatchCmd, Seg, SegKind, Utf};
use crate::code::instr::{Dst, Src};
use crate::code::{CodePtr, Instr};
use crate::loader::{Context, LoadError};
use crate::term::{ListIter, Term};
use crate::vm::Vm;
use alloc::boxed::Box;
use alloc::vec::Vec;

/// Whether this translator handles `opcode`.
pub(super) fn handles(opcode: u8) -> bool {
    matches!(
        opcode,
        109 | 111 | 117..=121 | 131..=135 | 137..=148 | 165..=168 | 170 | 177 | 182
            | 89..=92
    )
}

/// The field flags of a legacy instruction (an integer of flag bits) or of
/// `bs_create_bin`/`bs_match` (a literal list of atoms, or `[]`).
fn flags(vm: &Vm, cx: &Context<'_, '_>, o: &Operand<'_>) -> Option<Flags> {
    match o {
        Operand::Unsigned(n) => Some(Flags::from_bits(*n)),
        Operand::Integer(n) => Some(Flags::from_bits(*n as u64)),
        Operand::Nil => Some(Flags::default()),
        Operand::Literal(i) => {
            let list = *cx.literals.get(*i as usize)?;
            let mut bits = 0u64;
            for a in ListIter::new(list) {
                bits |= match vm.atoms.name(a.as_atom()?) {
                    "little" => 2,
                    "signed" => 4,
                    "native" => 16,
                    _ => 0,
                };
            }
            Some(Flags::from_bits(bits))
        }
        _ => None,
    }
}

impl Ops<'_, '_> {
    /// A fail label where 0 means "raise".
    fn fail(&self, i: usize) -> Result<CodePtr, LoadError> {
        Ok(match self.label(i)? {
            0 => CodePtr::NONE,
            l => lbl(l),
        })
    }
    fn unit(&self, i: usize) -> Result<u16, LoadError> {
        u16::try_from(self.uint(i)?).map_err(|_| self.bad(i))
    }
    fn live(&self, i: usize) -> Result<u16, LoadError> {
        Ok(self.uint(i)?.min(u16::MAX as u32) as u16)
    }
}

/// The bytes of the string table at `offset`, `len` bytes long.
fn string(
    cx: &Context<'_, '_>,
    offset: u32,
    len: usize,
    e: LoadError,
) -> Result<Box<[u8]>, LoadError> {
    let start = offset as usize;
    cx.file
        .strings
        .get(start..start.checked_add(len).ok_or(e)?)
        .map(Box::from)
        .ok_or(e)
}

/// Translates one bit-syntax instruction.
pub(super) fn translate(
    vm: &Vm,
    cx: &mut Context<'_, '_>,
    o: &Ops<'_, '_>,
    opcode: u8,
) -> Result<Instr, LoadError> {
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
    // A size operand: `all` becomes `Term::NONE` (see `BsOp`).
    macro_rules! size {
        ($i:expr) => {
            size_src(vm, cx, o.arg($i)?, o.bad($i))?
        };
    }
    macro_rules! flags {
        ($i:expr) => {
            flags(vm, cx, o.arg($i)?).ok_or(o.bad($i))?
        };
    }
    let op = match opcode {
        // bs_start_match3 Fail Bin Live Dst
        166 => BsOp::StartMatch {
            fail: o.fail(0)?,
            src: src!(1),
            live: o.live(2)?,
            dst: dst!(3),
        },
        // bs_start_match4 Fail Live Src Dst (Fail: no_fail, resume or label)
        170 => BsOp::StartMatch {
            fail: match o.arg(0)? {
                Operand::Label(_) => o.fail(0)?,
                _ => CodePtr::NONE,
            },
            live: o.live(1)?,
            src: src!(2),
            dst: dst!(3),
        },
        167 => BsOp::GetPosition {
            ctx: src!(0),
            dst: dst!(1),
        },
        168 => BsOp::SetPosition {
            ctx: src!(0),
            pos: src!(1),
        },
        165 => BsOp::GetTail {
            ctx: src!(0),
            dst: dst!(1),
            live: o.live(2)?,
        },
        121 => BsOp::TestTail {
            fail: lbl(o.label(0)?),
            ctx: src!(1),
            bits: o.uint(2)? as usize,
        },
        131 => BsOp::TestUnit {
            fail: lbl(o.label(0)?),
            ctx: src!(1),
            unit: o.unit(2)?,
        },
        // bs_skip_bits2 Fail Ctx Size Unit Flags
        120 => BsOp::Skip {
            fail: lbl(o.label(0)?),
            ctx: src!(1),
            size: size!(2),
            unit: o.unit(3)?,
        },
        // bs_get_*2 Fail Ctx Live Size Unit Flags Dst
        117 => BsOp::GetInteger {
            fail: lbl(o.label(0)?),
            ctx: src!(1),
            live: o.live(2)?,
            size: size!(3),
            unit: o.unit(4)?,
            flags: flags!(5),
            dst: dst!(6),
        },
        118 => BsOp::GetFloat {
            fail: lbl(o.label(0)?),
            ctx: src!(1),
            live: o.live(2)?,
            size: size!(3),
            unit: o.unit(4)?,
            flags: flags!(5),
            dst: dst!(6),
        },
        119 => BsOp::GetBinary {
            fail: lbl(o.label(0)?),
            ctx: src!(1),
            live: o.live(2)?,
            size: size!(3),
            unit: o.unit(4)?,
            dst: dst!(6),
        },
        // bs_get_utfN Fail Ctx Live Flags Dst / bs_skip_utfN Fail Ctx Live Flags
        138..=143 => BsOp::GetUtf {
            fail: lbl(o.label(0)?),
            ctx: src!(1),
            utf: match opcode {
                138 | 139 => Utf::U8,
                140 | 141 => Utf::U16,
                _ => Utf::U32,
            },
            flags: flags!(3),
            dst: if opcode.is_multiple_of(2) {
                Some(dst!(4))
            } else {
                None
            },
        },
        // bs_match_string Fail Ctx Bits Offset
        132 => {
            let bits = o.uint(2)? as usize;
            BsOp::MatchString {
                fail: lbl(o.label(0)?),
                ctx: src!(1),
                bits,
                bytes: string(cx, o.uint(3)?, bits.div_ceil(8), o.bad(3))?,
            }
        }
        182 => {
            let (cmds, live, need) = match_cmds(vm, cx, o)?;
            BsOp::Match {
                fail: lbl(o.label(0)?),
                ctx: src!(1),
                live,
                need,
                cmds,
            }
        }
        177 => create_bin(vm, cx, o)?,
        // bs_init2 / bs_init_bits Fail Size Words Regs Flags Dst
        109 | 137 => BsOp::Init {
            fail: o.fail(0)?,
            size: size!(1),
            bits: opcode == 137,
            live: o.live(3)?,
            dst: dst!(5),
        },
        // bs_put_integer/binary/float Fail Size Unit Flags Src
        89..=91 => BsOp::Put {
            fail: o.fail(0)?,
            seg: Seg {
                kind: match opcode {
                    89 => SegKind::Integer,
                    90 => SegKind::Binary,
                    _ => SegKind::Float,
                },
                unit: o.unit(2)?,
                flags: flags!(3),
                src: src!(4),
                size: size!(1),
                string: Box::new([]),
            },
        },
        // bs_put_string Len Offset
        92 => {
            let len = o.uint(0)? as usize;
            BsOp::Put {
                fail: CodePtr::NONE,
                seg: Seg {
                    kind: SegKind::String,
                    unit: 8,
                    flags: Flags::default(),
                    src: Src::c(Term::NIL),
                    size: Src::c(Term::small(len as isize)),
                    string: string(cx, o.uint(1)?, len, o.bad(1))?,
                },
            }
        }
        // bs_put_utfN Fail Flags Src
        145 | 147 | 148 => BsOp::Put {
            fail: o.fail(0)?,
            seg: Seg {
                kind: match opcode {
                    145 => SegKind::Utf8,
                    147 => SegKind::Utf16,
                    _ => SegKind::Utf32,
                },
                unit: 1,
                flags: flags!(1),
                src: src!(2),
                size: Src::c(Term::NIL),
                string: Box::new([]),
            },
        },
        // bs_utf8_size / bs_utf16_size Fail Src Dst
        144 | 146 => BsOp::UtfSize {
            fail: o.fail(0)?,
            src: src!(1),
            utf: if opcode == 144 { Utf::U8 } else { Utf::U16 },
            dst: dst!(2),
        },
        133 => BsOp::InitWritable,
        // bs_add Fail Src1 Src2 Unit Dst
        111 => BsOp::Add {
            fail: o.fail(0)?,
            a: src!(1),
            b: src!(2),
            unit: o.unit(3)?,
            dst: dst!(4),
        },
        // bs_append Fail Size Extra Live Unit Bin Flags Dst
        134 => BsOp::Append {
            fail: o.fail(0)?,
            size: size!(1),
            live: o.live(3)?,
            unit: o.unit(4)?,
            bin: src!(5),
            dst: dst!(7),
        },
        // bs_private_append Fail Size Unit Bin Flags Dst
        135 => BsOp::Append {
            fail: o.fail(0)?,
            size: size!(1),
            live: u16::MAX,
            unit: o.unit(2)?,
            bin: src!(3),
            dst: dst!(5),
        },
        _ => return Err(LoadError::Unsupported { op: o.name }),
    };
    Ok(Instr::Bits(op))
}

/// The name of an atom operand.
fn atom_name<'v>(vm: &'v Vm, cx: &Context<'_, '_>, o: &Operand<'_>) -> Option<&'v str> {
    match o {
        Operand::Atom(i) => Some(vm.atoms.name(*cx.atoms.get(*i as usize)?)),
        _ => None,
    }
}

/// A size operand: a register, an integer, `Term::NONE` for `all` and
/// `[]` for `undefined` (utf segments).
fn size_src(
    vm: &Vm,
    cx: &mut Context<'_, '_>,
    o: &Operand<'_>,
    e: LoadError,
) -> Result<Src, LoadError> {
    match o {
        Operand::Atom(_) => Ok(Src::c(match atom_name(vm, cx, o) {
            Some("all") => Term::NONE,
            _ => Term::NIL,
        })),
        _ => cx.src_of(o, e),
    }
}

/// A fixed size in a `bs_match` command.
fn fixed(o: &Operand<'_>) -> Option<usize> {
    match o {
        Operand::Unsigned(n) => usize::try_from(*n).ok(),
        Operand::Integer(n) => usize::try_from(*n).ok(),
        _ => None,
    }
}

/// `bs_create_bin Fail Alloc Live Unit Dst {list, Segments}`: each segment
/// is Type Seg Unit Flags Src Size.
fn create_bin(vm: &Vm, cx: &mut Context<'_, '_>, o: &Ops<'_, '_>) -> Result<BsOp, LoadError> {
    let items = o.list(5)?;
    let bad = o.bad(5);
    let mut segs = Vec::with_capacity(items.len() / 6);
    for s in items.chunks(6) {
        let [ty, _, unit, fl, src, size] = s else {
            return Err(bad);
        };
        let kind = match atom_name(vm, cx, ty).ok_or(bad)? {
            "integer" => SegKind::Integer,
            "float" => SegKind::Float,
            "binary" => SegKind::Binary,
            "utf8" => SegKind::Utf8,
            "utf16" => SegKind::Utf16,
            "utf32" => SegKind::Utf32,
            "string" => SegKind::String,
            "append" | "private_append" => SegKind::Append,
            _ => return Err(bad),
        };
        let unit = fixed(unit).and_then(|u| u16::try_from(u).ok()).ok_or(bad)?;
        let flags = flags(vm, cx, fl).ok_or(bad)?;
        let (src, string) = if kind == SegKind::String {
            let off = fixed(src).ok_or(bad)? as u32;
            let len = fixed(size).ok_or(bad)?;
            (Src::c(Term::NIL), string(cx, off, len, bad)?)
        } else {
            (cx.src_of(src, bad)?, Box::from(&[][..]))
        };
        let size = size_src(vm, cx, size, bad)?;
        segs.push(Seg {
            kind,
            unit,
            flags,
            src,
            size,
            string,
        });
    }
    Ok(BsOp::CreateBin {
        fail: o.fail(0)?,
        live: o.live(2)?,
        dst: cx.dst_of(o.arg(4)?, o.bad(4))?,
        segs: segs.into_boxed_slice(),
    })
}

/// The commands of `bs_match Fail Ctx {commands, ...}`, flattened in the
/// file as a command name followed by its operands. Also returns the live
/// registers before the first command that allocates and the heap words
/// the commands may need in all.
fn match_cmds(
    vm: &Vm,
    cx: &mut Context<'_, '_>,
    o: &Ops<'_, '_>,
) -> Result<(Box<[MatchCmd]>, u16, u32), LoadError> {
    let items = o.list(2)?;
    let bad = o.bad(2);
    let mut cmds = Vec::new();
    let mut live: Option<u16> = None;
    let mut need = 0usize;
    let mut i = 0;
    let at = |k: usize| items.get(k).ok_or(bad);
    let num = |k: usize| items.get(k).and_then(fixed).ok_or(bad);
    let dst = |cx: &Context<'_, '_>, k: usize| -> Result<Dst, LoadError> { cx.dst_of(at(k)?, bad) };
    while i < items.len() {
        let name = atom_name(vm, cx, &items[i]).ok_or(bad)?;
        let (cmd, n) = match name {
            "ensure_at_least" => (
                MatchCmd::EnsureAtLeast {
                    bits: num(i + 1)?,
                    unit: u16::try_from(num(i + 2)?).map_err(|_| bad)?,
                },
                3,
            ),
            "ensure_exactly" => (MatchCmd::EnsureExactly { bits: num(i + 1)? }, 2),
            // integer Live Flags Size Unit Dst
            "integer" => (
                MatchCmd::Integer {
                    flags: flags(vm, cx, at(i + 2)?).ok_or(bad)?,
                    bits: num(i + 3)?.checked_mul(num(i + 4)?).ok_or(bad)?,
                    dst: dst(cx, i + 5)?,
                },
                6,
            ),
            // binary Live Flags Size Unit Dst
            "binary" => (
                MatchCmd::Binary {
                    bits: num(i + 3)?.checked_mul(num(i + 4)?).ok_or(bad)?,
                    dst: dst(cx, i + 5)?,
                },
                6,
            ),
            "skip" => (MatchCmd::Skip { bits: num(i + 1)? }, 2),
            // get_tail Live Unit Dst
            "get_tail" => (
                MatchCmd::GetTail {
                    dst: dst(cx, i + 3)?,
                },
                4,
            ),
            // =:= Live Size Value
            "=:=" => {
                let value = cx.constant(at(i + 3)?, bad)?;
                (
                    MatchCmd::Equal {
                        bits: num(i + 2)?,
                        value,
                    },
                    4,
                )
            }
            _ => return Err(bad),
        };
        let words = match &cmd {
            MatchCmd::Integer { bits, .. } => crate::binary::int::words_for(*bits),
            MatchCmd::Binary { .. } | MatchCmd::GetTail { .. } => crate::binary::SUB_BIN_WORDS,
            _ => 0,
        };
        if words > 0 && live.is_none() {
            // Every allocating command's first operand is its Live count.
            live = Some(num(i + 1)?.min(u16::MAX as usize) as u16);
        }
        need = need.saturating_add(words);
        cmds.push(cmd);
        i += n;
    }
    let need = u32::try_from(need).map_err(|_| bad)?;
    Ok((cmds.into_boxed_slice(), live.unwrap_or(0), need))
}
