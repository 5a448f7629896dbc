//! Operands of the internal instruction form, and the enum form of rare
//! instructions (the common ones are words: see [`super::op`]).
//!
//! The loader translates each generic BEAM instruction once: labels become
//! code addresses, imports become export-table entries, literals become
//! terms, and operands become [`Src`]/[`Dst`] with no further decoding.
//! `label` and `line` instructions disappear (lines go to a side table).

use super::op::Word;
use crate::term::Term;
use alloc::boxed::Box;

/// The address of an instruction of a loaded module. Modules are never
/// moved once loaded, so addresses stay valid. Word-aligned, so a CP stored
/// on the stack reads as a header word and the collector skips it.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub struct CodePtr(pub *const Word);

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
        CodePtr(t.raw() as *const Word)
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
    /// The packed word (an extension word of the code).
    #[inline]
    pub const fn raw(self) -> Word {
        self.0
    }
    /// A source from its packed word.
    #[inline]
    pub const fn from_raw(w: Word) -> Src {
        Src(w)
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
    /// The packed word (an extension word of the code).
    #[inline]
    pub const fn raw(self) -> Word {
        self.0 as Word
    }
    /// A destination from its packed word.
    #[inline]
    pub const fn from_raw(w: Word) -> Dst {
        Dst(w as u16)
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

/// One type test; its number is its code in [`super::op::TEST`].
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[repr(u8)]
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

/// Comparisons of `is_lt`-style tests; the number is the code in
/// [`super::op::COMPARE`].
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Cmp {
    Lt,
    Ge,
    Eq,
    Ne,
    EqExact,
    NeExact,
}

impl TypeTest {
    /// The test of number `n` (as the loader encoded it).
    #[inline]
    pub fn from_code(n: u32) -> Option<TypeTest> {
        if n <= TypeTest::Map as u32 {
            // SAFETY: `repr(u8)` with the discriminants 0..=Map in order.
            Some(unsafe { core::mem::transmute::<u8, TypeTest>(n as u8) })
        } else {
            None
        }
    }
}

impl Cmp {
    /// The comparison of number `n` (as the loader encoded it).
    #[inline]
    pub fn from_code(n: u32) -> Option<Cmp> {
        use Cmp::*;
        const ALL: [Cmp; 6] = [Lt, Ge, Eq, Ne, EqExact, NeExact];
        ALL.get(n as usize).copied()
    }
}

/// Floating-point register operations.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum FloatOp {
    Add,
    Sub,
    Mul,
    Div,
}

/// A rare instruction, kept in enum form in its module's pool (see
/// [`super::op::RARE`]): bit syntax, maps, `update_record`. Field order
/// mirrors the BEAM operand order.
#[derive(Clone, Debug)]
pub enum Instr {
    /// `update_record`: copy `src` with some elements replaced.
    UpdateRecord {
        src: Src,
        dst: Dst,
        size: u32,
        updates: Box<[(u32, Src)]>,
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
    /// A bit-syntax instruction (see [`super::bits`]).
    Bits(super::bits::BsOp),
}

impl Instr {
    /// Calls `f` on every jump target of the instruction (used by the
    /// loader to turn label numbers into addresses).
    pub fn for_each_target(&mut self, mut f: impl FnMut(&mut CodePtr)) {
        match self {
            Instr::PutMap { fail, .. } => {
                if !fail.0.is_null() {
                    f(fail)
                }
            }
            Instr::HasMapFields { fail, .. } | Instr::GetMapElements { fail, .. } => f(fail),
            Instr::Bits(op) => op.for_each_target(&mut f),
            Instr::UpdateRecord { .. } => {}
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn instruction_size_stays_small() {
        // Every instruction costs this much memory; keep the enum compact.
        // A rare instruction costs this much in its module's pool.
        let bytes = core::mem::size_of::<super::Instr>();
        let limit = if cfg!(target_pointer_width = "64") {
            56
        } else {
            32
        };
        assert!(bytes <= limit, "Instr is {bytes} bytes");
    }
}
