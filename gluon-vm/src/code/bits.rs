//! Bit-syntax instructions, kept out of [`super::Instr`] behind one box
//! (`Instr::Bits`) so the common instruction enum stays small.

use super::instr::{Dst, Fail, Src};
use super::CodePtr;
use crate::binary::int::Flags;
use crate::term::Term;
use alloc::boxed::Box;

/// What a construction segment holds.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum SegKind {
    Integer,
    Float,
    Binary,
    Utf8,
    Utf16,
    Utf32,
    /// Bytes of the module's string table (held by the segment).
    String,
    /// The first segment of `<<Acc/binary, ...>>`: extend `Acc` in place
    /// when it can be.
    Append,
}

/// One segment of `bs_create_bin`.
#[derive(Clone, Debug)]
pub struct Seg {
    /// Its type.
    pub kind: SegKind,
    /// Size multiplier.
    pub unit: u16,
    /// Byte order and signedness.
    pub flags: Flags,
    /// The value.
    pub src: Src,
    /// The size (in units); `Term::NONE` for `all`, `[]` for none (utf).
    pub size: Src,
    /// A string segment's bytes.
    pub string: Box<[u8]>,
}

/// A size operand of a match command (fixed by the compiler).
pub type Bits = usize;

/// One command of an OTP 26+ `bs_match`.
#[derive(Clone, Debug)]
pub enum MatchCmd {
    /// At least `bits` bits remain, and the remainder is a multiple of
    /// `unit`.
    EnsureAtLeast { bits: Bits, unit: u16 },
    /// Exactly `bits` bits remain.
    EnsureExactly { bits: Bits },
    /// Take an integer.
    Integer { flags: Flags, bits: Bits, dst: Dst },
    /// Take a sub-binary.
    Binary { bits: Bits, dst: Dst },
    /// Advance.
    Skip { bits: Bits },
    /// The rest, as a sub-binary.
    GetTail { dst: Dst },
    /// The next `bits` bits equal the unsigned integer `value`.
    Equal { bits: Bits, value: Term },
}

/// Which UTF encoding a segment uses.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Utf {
    U8,
    U16,
    U32,
}

/// A bit-syntax instruction. Field order mirrors the BEAM's operands.
#[derive(Clone, Debug)]
pub enum BsOp {
    /// OTP 25+ construction of a whole bitstring from segments.
    CreateBin {
        fail: Fail,
        live: u16,
        dst: Dst,
        segs: Box<[Seg]>,
    },
    /// `bs_start_match3/4`: a match context for `src` (reusing one), or
    /// jump to `fail` (absent: the compiler knows `src` is a bitstring).
    StartMatch {
        fail: Fail,
        src: Src,
        live: u16,
        dst: Dst,
    },
    GetPosition {
        ctx: Src,
        dst: Dst,
    },
    SetPosition {
        ctx: Src,
        pos: Src,
    },
    GetTail {
        ctx: Src,
        live: u16,
        dst: Dst,
    },
    TestTail {
        fail: CodePtr,
        ctx: Src,
        bits: usize,
    },
    TestUnit {
        fail: CodePtr,
        ctx: Src,
        unit: u16,
    },
    Skip {
        fail: CodePtr,
        ctx: Src,
        size: Src,
        unit: u16,
    },
    GetInteger {
        fail: CodePtr,
        ctx: Src,
        live: u16,
        size: Src,
        unit: u16,
        flags: Flags,
        dst: Dst,
    },
    GetFloat {
        fail: CodePtr,
        ctx: Src,
        live: u16,
        size: Src,
        unit: u16,
        flags: Flags,
        dst: Dst,
    },
    GetBinary {
        fail: CodePtr,
        ctx: Src,
        live: u16,
        size: Src,
        unit: u16,
        dst: Dst,
    },
    /// `bs_get_utf*` (with a destination) and `bs_skip_utf*`.
    GetUtf {
        fail: CodePtr,
        ctx: Src,
        utf: Utf,
        flags: Flags,
        dst: Option<Dst>,
    },
    MatchString {
        fail: CodePtr,
        ctx: Src,
        bits: usize,
        bytes: Box<[u8]>,
    },
    /// OTP 26+ `bs_match`: a sequence of commands on one context.
    Match {
        fail: CodePtr,
        ctx: Src,
        /// Live X registers before the first command that allocates.
        live: u16,
        /// Heap words all the commands may allocate.
        need: u32,
        cmds: Box<[MatchCmd]>,
    },
    /// OTP 24 construction: `bs_init2` (`bits` false: size in bytes) and
    /// `bs_init_bits`; starts the binary the `bs_put_*` fill in.
    Init {
        fail: Fail,
        size: Src,
        bits: bool,
        live: u16,
        dst: Dst,
    },
    /// `bs_put_*` into the binary being built.
    Put {
        fail: Fail,
        seg: Seg,
    },
    /// `bs_append` / `bs_private_append`: `bin` with room for `size` more
    /// bits, which the `bs_put_*` that follow fill in.
    Append {
        fail: Fail,
        size: Src,
        live: u16,
        unit: u16,
        bin: Src,
        dst: Dst,
    },
    /// `bs_init_writable`: x0 (a size hint) becomes an empty bitstring
    /// with room to append.
    InitWritable,
    /// `bs_add`: `a + b * unit`, a size in bits.
    Add {
        fail: Fail,
        a: Src,
        b: Src,
        unit: u16,
        dst: Dst,
    },
    /// `bs_utf8_size` / `bs_utf16_size`.
    UtfSize {
        fail: Fail,
        src: Src,
        utf: Utf,
        dst: Dst,
    },
}

impl BsOp {
    /// Calls `f` on every jump target (see [`super::Instr::for_each_target`]).
    pub fn for_each_target(&mut self, f: &mut dyn FnMut(&mut CodePtr)) {
        let opt = |t: &mut Fail, f: &mut dyn FnMut(&mut CodePtr)| {
            if !t.0.is_null() {
                f(t)
            }
        };
        match self {
            BsOp::CreateBin { fail, .. }
            | BsOp::StartMatch { fail, .. }
            | BsOp::Init { fail, .. }
            | BsOp::Put { fail, .. }
            | BsOp::Append { fail, .. }
            | BsOp::Add { fail, .. }
            | BsOp::UtfSize { fail, .. } => opt(fail, f),
            BsOp::TestTail { fail, .. }
            | BsOp::TestUnit { fail, .. }
            | BsOp::Skip { fail, .. }
            | BsOp::GetInteger { fail, .. }
            | BsOp::GetFloat { fail, .. }
            | BsOp::GetBinary { fail, .. }
            | BsOp::GetUtf { fail, .. }
            | BsOp::MatchString { fail, .. }
            | BsOp::Match { fail, .. } => f(fail),
            BsOp::GetPosition { .. }
            | BsOp::SetPosition { .. }
            | BsOp::GetTail { .. }
            | BsOp::InitWritable => {}
        }
    }
}
