//! The compact code format: a module's code is one array of machine words
//! ([`Word`]), holding variable-length instructions back to back.
//!
//! ## Layout of an instruction
//!
//! The first word (the *head*) packs, in its low 32 bits, the opcode and
//! three 8-bit operand slots:
//!
//! ```text
//!  31      24 23      16 15       8 7        0
//! +----------+----------+----------+----------+
//! |  slot C  |  slot B  |  slot A  |  opcode  |
//! +----------+----------+----------+----------+
//! ```
//!
//! B and C together also make one 16-bit slot (`BC`). A slot holds either
//! a register operand or a small immediate:
//!
//! - register slots ([`slot`]): X0..X127 as `0..=0x7f`, Y0..Y125 as
//!   `0x80 | n`, the constant `[]` as [`slot::NIL`], and [`slot::EXT`] for
//!   anything else (another register, a constant): that operand's full
//!   [`Src`](super::instr::Src) or [`Dst`](super::instr::Dst) word follows;
//! - immediate slots: the value itself, or all ones (`0xff`, `0xffff`)
//!   when it does not fit: the value's word follows.
//!
//! After the head come the *extension words* of the slots that need one,
//! in slot order (A, B, C), then the instruction's fixed words (jump
//! targets, export-entry and fun pointers, natives), then its tables
//! (`select_val` pairs, tuple elements, fun free variables, ...), each as
//! the opcode's arm in [`crate::interp`] documents. The interpreter decodes
//! the slots in the order A, B, C: the extension words are read as a
//! stream, so that order is part of the format.
//!
//! Rare instructions (bit syntax, map construction and matching,
//! `update_record`) keep their enum form, [`Instr`](super::Instr), in the
//! module's `rare` pool; their code is [`RARE`] followed by a pointer to
//! the pool entry.
//!
//! ## Invariants (the loader checks, the interpreter trusts)
//!
//! Every instruction is well formed: the opcode is one of this module's,
//! every slot that says so is followed by its word, every jump target is
//! the address of an instruction head in the same module, every pointer
//! points at a live export entry, fun definition or pool entry, register
//! numbers are below [`crate::interp::X_REGS`] and float register numbers
//! below [`crate::interp::F_REGS`]. The last word of a module is
//! [`CODE_END`]. So the dispatch loop reads words without bounds checks.
//!
//! Instruction heads are word-aligned (every word is), so a return address
//! stored on a process stack reads as a header word and the collector
//! skips it. Jump targets are absolute addresses: a module's code never
//! moves once loaded. (Position-independent code, for running translated
//! code in place from flash, would store them as word offsets from the
//! module's start; a later step.)

/// One unit of code.
pub type Word = usize;

/// Special values of a register slot.
pub mod slot {
    /// The constant `[]`.
    pub const NIL: u32 = 0xfe;
    /// The operand's full word follows.
    pub const EXT: u32 = 0xff;
    /// Highest X register a slot holds inline.
    pub const X_MAX: u32 = 0x7f;
    /// Highest Y register a slot holds inline.
    pub const Y_MAX: u32 = 0x7d;
    /// An 8-bit immediate that did not fit: its word follows.
    pub const IMM8_EXT: u32 = 0xff;
    /// A 16-bit immediate that did not fit: its word follows.
    pub const IMM16_EXT: u32 = 0xffff;
}

/// The head word of an instruction.
#[inline]
pub const fn head(op: u8, a: u32, b: u32, c: u32) -> Word {
    (op as u32 | (a & 0xff) << 8 | (b & 0xff) << 16 | (c & 0xff) << 24) as Word
}

/// Slot A of a head word.
#[inline(always)]
pub const fn slot_a(w: u32) -> u32 {
    (w >> 8) & 0xff
}

/// Slot B of a head word.
#[inline(always)]
pub const fn slot_b(w: u32) -> u32 {
    (w >> 16) & 0xff
}

/// Slot C of a head word.
#[inline(always)]
pub const fn slot_c(w: u32) -> u32 {
    w >> 24
}

macro_rules! opcodes {
    ($($(#[$m:meta])* $name:ident = $n:expr;)*) => {
        $($(#[$m])* pub const $name: u8 = $n;)*
    };
}

opcodes! {
    /// Raises `function_clause`: start of a function. No operands.
    FUNC_INFO = 0;
    /// Local call. A = arity; target.
    CALL = 1;
    /// Local tail call after dropping a frame. A = arity, BC = words
    /// dropped; target.
    CALL_LAST = 2;
    /// Local tail call. A = arity; target.
    CALL_ONLY = 3;
    /// Call through an export entry. A = arity; entry.
    CALL_EXT = 4;
    /// As [`CALL_LAST`] through an export entry.
    CALL_EXT_LAST = 5;
    /// As [`CALL_ONLY`] through an export entry.
    CALL_EXT_ONLY = 6;
    /// A native with no argument. A = dst; native, fail (0: raise).
    BIF0 = 7;
    /// A = arg, B = dst; native, fail.
    BIF1 = 8;
    /// A, B = args, C = dst; native, fail.
    BIF2 = 9;
    /// A, B, C = args; dst (a `Dst` word), native, fail.
    BIF3 = 10;
    /// `apply/N`. A = arity.
    APPLY = 11;
    /// `apply_last`. A = arity, BC = words dropped.
    APPLY_LAST = 12;
    /// Call the fun in x(arity). A = arity.
    CALL_FUN = 13;
    /// Call a fun. A = arity, B = fun.
    CALL_FUN2 = 14;
    /// Push a frame. A = live, BC = Y registers.
    ALLOCATE = 15;
    /// As [`ALLOCATE`]; then the heap words to reserve.
    ALLOCATE_HEAP = 16;
    /// Pop a frame. BC = words.
    DEALLOCATE = 17;
    /// Return to the continuation on the stack.
    RETURN = 18;
    /// Make `need` heap words free. A = live, BC = need.
    TEST_HEAP = 19;
    /// Drop Y registers. BC = words.
    TRIM = 20;
    /// Set Y registers to `[]`. BC = count; one word per register.
    INIT_YREGS = 21;
    /// A = src, B = dst.
    MOVE = 22;
    /// A, B = the registers.
    SWAP = 23;
    /// Compare and jump if false. A, B = operands, C = [`Cmp`] number;
    /// fail.
    ///
    /// [`Cmp`]: super::instr::Cmp
    COMPARE = 24;
    /// Type test. A = src, B = [`TypeTest`] number; fail.
    ///
    /// [`TypeTest`]: super::instr::TypeTest
    TEST = 25;
    /// A = fun, B = arity; fail.
    IS_FUNCTION2 = 26;
    /// A = src, BC = arity; fail.
    TEST_ARITY = 27;
    /// A = src, BC = arity; fail, tag.
    IS_TAGGED_TUPLE = 28;
    /// Jump by value. A = src, B = 1 when the keys are immediates sorted by
    /// their word (binary search), else 0; fail, n, then n (key, target)
    /// pairs.
    SELECT_VAL = 29;
    /// Jump by tuple arity. A = src; fail, n, then n (arity, target) pairs.
    SELECT_TUPLE_ARITY = 30;
    /// Jump. Target.
    JUMP = 31;
    /// Install a catch. BC = Y register; the catch tag.
    CATCH = 32;
    /// BC = Y register.
    CATCH_END = 33;
    /// BC = Y register.
    TRY_END = 34;
    /// BC = Y register.
    TRY_CASE = 35;
    /// A = src.
    TRY_CASE_END = 36;
    /// A = raw trace, B = value.
    RAISE = 37;
    /// No operands.
    RAW_RAISE = 38;
    /// No operands.
    BUILD_STACKTRACE = 39;
    /// A = src, B = head, C = tail.
    GET_LIST = 40;
    /// A = src, B = dst.
    GET_HD = 41;
    /// A = src, B = dst.
    GET_TL = 42;
    /// A = src, B = dst, C = index.
    GET_TUPLE_ELEMENT = 43;
    /// A = value, B = tuple, C = index.
    SET_TUPLE_ELEMENT = 44;
    /// A = head, B = tail, C = dst.
    PUT_LIST = 45;
    /// A = dst, BC = arity; one `Src` word per element.
    PUT_TUPLE2 = 46;
    /// A = src.
    BADMATCH = 47;
    /// A = src.
    CASE_END = 48;
    /// No operands.
    IF_END = 49;
    /// A = src.
    BADRECORD = 50;
    /// A = dst, BC = free count; fun definition, one `Src` word per free
    /// variable.
    MAKE_FUN = 51;
    /// Term to float register. A = src, B = freg.
    FMOVE = 52;
    /// Float register to term. A = freg, B = dst.
    FMOVE_OUT = 53;
    /// Number to float register. A = src, B = freg.
    FCONV = 54;
    /// A, B = operand fregs, C = result freg (also `FSUB`, `FMUL`, `FDIV`).
    FADD = 55;
    /// See [`FADD`].
    FSUB = 56;
    /// See [`FADD`].
    FMUL = 57;
    /// See [`FADD`].
    FDIV = 58;
    /// A = src freg, B = dst freg.
    FNEGATE = 59;
    /// A = src freg, B = dst freg.
    FCOPY = 60;
    /// `x0 ! x1`.
    SEND = 61;
    /// Message under the cursor to x0, else jump. Fail.
    LOOP_REC = 62;
    /// Advance the cursor and jump. Target.
    LOOP_REC_END = 63;
    /// No operands.
    REMOVE_MESSAGE = 64;
    /// No operands.
    TIMEOUT = 65;
    /// Suspend. Target.
    WAIT = 66;
    /// A = time; target.
    WAIT_TIMEOUT = 67;
    /// A = dst.
    RECV_MARKER_RESERVE = 68;
    /// A = reference.
    RECV_MARKER_BIND = 69;
    /// A = reference.
    RECV_MARKER_USE = 70;
    /// A = reference.
    RECV_MARKER_CLEAR = 71;
    /// Ends a process's first call.
    STOP = 72;
    /// An instruction of the module's pool of rare instructions. The
    /// pool entry's address.
    RARE = 73;
    /// After a module's last instruction: malformed code running off the
    /// end raises instead of running past it.
    CODE_END = 74;
    /// `erlang:'+'/2` as a guard or gc BIF: laid out as [`BIF2`] (the
    /// native and fail words included), and run in the dispatch loop when
    /// both operands and the sum are small integers; otherwise, or for
    /// anything else, the native runs as for `BIF2`.
    ADD = 75;
    /// `erlang:'-'/2`, as [`ADD`].
    SUB = 76;
}
