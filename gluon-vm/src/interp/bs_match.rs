//! Bit-syntax matching: match contexts (`bs_start_match3/4`), the OTP 22+
//! single-segment instructions (`bs_get_*2`, `bs_skip_*`, `bs_test_*`,
//! positions) and the OTP 26+ `bs_match` command sequences.
//!
//! A segment that does not match (too few bits, a bad size, invalid UTF, a
//! NaN float) jumps to the fail label; matching never raises.

use super::{ErrorSite, Machine};
use crate::bif::Exception;
use crate::binary::matchctx::{self, MatchCtx};
use crate::binary::{bits, float, int, utf};
use crate::code::bits::{BsOp, MatchCmd, Utf};
use crate::code::instr::{Dst, Src};
use crate::code::{CodePtr, Word};
use crate::heap::OutOfMemory;
use crate::term::Term;

/// Why a match step did not continue.
enum Miss {
    /// Jump to the fail label.
    Fail,
    /// Raise.
    Raise(Exception),
}

impl From<OutOfMemory> for Miss {
    fn from(e: OutOfMemory) -> Miss {
        Miss::Raise(Exception::from(e))
    }
}

type Step = Result<(), Miss>;

/// A size operand in bits (`None` for `all`), or a miss for a size that is
/// not a non-negative integer (matching fails rather than raising).
fn size_bits(t: Term, unit: u16) -> Result<Option<usize>, Miss> {
    if t == Term::NONE {
        return Ok(None);
    }
    let n = t.as_small().ok_or(Miss::Fail)?;
    let n = usize::try_from(n).map_err(|_| Miss::Fail)?;
    n.checked_mul(unit as usize).map(Some).ok_or(Miss::Fail)
}

impl Machine<'_> {
    /// The match context in `src` (the compiler guarantees one).
    fn ctx(&self, src: Src) -> Result<MatchCtx, Miss> {
        MatchCtx::of(self.get(src)).ok_or(Miss::Raise(Exception::badarg()))
    }

    /// The size operand of a segment, in bits: `all` means what remains,
    /// which must then be a multiple of `unit`.
    fn seg_size(&self, c: &MatchCtx, size: Src, unit: u16) -> Result<usize, Miss> {
        let size = if size.constant() == Some(Term::NONE) {
            Term::NONE
        } else {
            self.get(size)
        };
        match size_bits(size, unit)? {
            Some(n) if n <= c.remaining() => Ok(n),
            Some(_) => Err(Miss::Fail),
            None => {
                let r = c.remaining();
                if unit > 1 && !r.is_multiple_of(unit as usize) {
                    Err(Miss::Fail)
                } else {
                    Ok(r)
                }
            }
        }
    }

    /// Takes a `n`-bit integer off the context.
    fn take_int(&mut self, c: &MatchCtx, n: usize, flags: int::Flags) -> Result<Term, Miss> {
        // Checked here too, so that malformed code cannot read past the end.
        if n > c.remaining() {
            return Err(Miss::Fail);
        }
        let pos = c.pos();
        if n == 8 && pos.is_multiple_of(8) && !flags.signed {
            // A byte, the common case of parsers: no general bit reader.
            let t = Term::small(c.bytes()[pos / 8] as isize);
            c.set_pos(pos + 8);
            return Ok(t);
        }
        let t = int::get(&mut self.p.heap, c.bytes(), pos, n, flags)?;
        c.set_pos(c.pos() + n);
        Ok(t)
    }

    /// Takes a `n`-bit sub-binary off the context.
    fn take_bin(&mut self, c: &MatchCtx, n: usize) -> Result<Term, Miss> {
        if n > c.remaining() {
            return Err(Miss::Fail);
        }
        let t = matchctx::sub(&mut self.p.heap, c, n)?;
        c.set_pos(c.pos() + n);
        Ok(t)
    }

    /// The rest of the bitstring as a sub-binary. The position stays: the
    /// compiler reads the tail and then may go on matching the context.
    fn tail(&mut self, c: &MatchCtx) -> Result<Term, Miss> {
        Ok(matchctx::sub(&mut self.p.heap, c, c.remaining())?)
    }

    /// Runs a bit-syntax instruction: matching here, without going
    /// through construction's dispatch ([`Machine::bits`]).
    #[inline]
    pub(super) fn bs_op(
        &mut self,
        op: &BsOp,
        here: *const Word,
    ) -> Result<(), (Exception, ErrorSite)> {
        match op {
            // A parsing loop's `bs_start_match` finds the match context it
            // made on the first pass: nothing to do but pass it on.
            BsOp::StartMatch { src, dst, .. } if MatchCtx::of(self.get(*src)).is_some() => {
                let c = self.get(*src);
                self.put(*dst, c);
                Ok(())
            }
            BsOp::StartMatch { .. }
            | BsOp::Match { .. }
            | BsOp::GetInteger { .. }
            | BsOp::GetBinary { .. }
            | BsOp::GetTail { .. }
            | BsOp::TestTail { .. }
            | BsOp::Skip { .. }
            | BsOp::MatchString { .. } => self.bs_match(op, here),
            _ => self.bits(op, here),
        }
    }

    /// Runs a matching instruction.
    pub(super) fn bs_match(
        &mut self,
        op: &BsOp,
        here: *const Word,
    ) -> Result<(), (Exception, ErrorSite)> {
        self.reserve_for(op)
            .map_err(|e| (Exception::from(e), ErrorSite::Here(here)))?;
        let (r, fail) = match op {
            BsOp::StartMatch {
                fail,
                src,
                live: _,
                dst,
            } => (self.start_match(*src, *dst), *fail),
            BsOp::GetPosition { ctx, dst } => (self.get_position(*ctx, *dst), CodePtr::NONE),
            BsOp::SetPosition { ctx, pos } => (self.set_position(*ctx, *pos), CodePtr::NONE),
            BsOp::GetTail { ctx, dst, .. } => (
                self.ctx(*ctx).and_then(|c| {
                    let t = self.tail(&c)?;
                    self.put(*dst, t);
                    Ok(())
                }),
                CodePtr::NONE,
            ),
            BsOp::TestTail { fail, ctx, bits } => (
                self.ctx(*ctx).and_then(|c| {
                    if c.remaining() == *bits {
                        Ok(())
                    } else {
                        Err(Miss::Fail)
                    }
                }),
                *fail,
            ),
            BsOp::TestUnit { fail, ctx, unit } => (
                self.ctx(*ctx).and_then(|c| {
                    if *unit <= 1 || c.remaining() % *unit as usize == 0 {
                        Ok(())
                    } else {
                        Err(Miss::Fail)
                    }
                }),
                *fail,
            ),
            BsOp::Skip {
                fail,
                ctx,
                size,
                unit,
            } => (
                self.ctx(*ctx).and_then(|c| {
                    let n = self.seg_size(&c, *size, *unit)?;
                    c.set_pos(c.pos() + n);
                    Ok(())
                }),
                *fail,
            ),
            BsOp::GetInteger {
                fail,
                ctx,
                live: _,
                size,
                unit,
                flags,
                dst,
            } => (
                self.ctx(*ctx).and_then(|c| {
                    let n = self.seg_size(&c, *size, *unit)?;
                    let t = self.take_int(&c, n, *flags)?;
                    self.put(*dst, t);
                    Ok(())
                }),
                *fail,
            ),
            BsOp::GetFloat {
                fail,
                ctx,
                live: _,
                size,
                unit,
                flags,
                dst,
            } => (self.get_float(*ctx, *size, *unit, *flags, *dst), *fail),
            BsOp::GetBinary {
                fail,
                ctx,
                live: _,
                size,
                unit,
                dst,
            } => (
                self.ctx(*ctx).and_then(|c| {
                    let n = self.seg_size(&c, *size, *unit)?;
                    let t = self.take_bin(&c, n)?;
                    self.put(*dst, t);
                    Ok(())
                }),
                *fail,
            ),
            BsOp::GetUtf {
                fail,
                ctx,
                utf,
                flags,
                dst,
            } => (self.get_utf(*ctx, *utf, *flags, *dst), *fail),
            BsOp::MatchString {
                fail,
                ctx,
                bits,
                bytes,
            } => (
                self.ctx(*ctx).and_then(|c| {
                    let n = *bits;
                    if n <= c.remaining() && bits::equal_bits(c.bytes(), c.pos(), bytes, 0, n) {
                        c.set_pos(c.pos() + n);
                        Ok(())
                    } else {
                        Err(Miss::Fail)
                    }
                }),
                *fail,
            ),
            BsOp::Match {
                fail, ctx, cmds, ..
            } => (self.run_cmds(*ctx, cmds), *fail),
            _ => (Ok(()), CodePtr::NONE),
        };
        match r {
            Ok(()) => Ok(()),
            Err(Miss::Fail) => match fail.get() {
                Some(l) => {
                    self.ip = l.0;
                    Ok(())
                }
                None => Err((Exception::badarg(), ErrorSite::Here(here))),
            },
            Err(Miss::Raise(e)) => Err((e, ErrorSite::Here(here))),
        }
    }

    /// Makes room for what `op` may allocate, collecting with its live
    /// registers if needed, so that matching in a loop reuses the heap
    /// instead of piling up fragments.
    fn reserve_for(&mut self, op: &BsOp) -> Result<(), OutOfMemory> {
        let (words, live) = match op {
            BsOp::StartMatch { live, .. } => (matchctx::WORDS, *live),
            BsOp::GetTail { live, .. } | BsOp::GetBinary { live, .. } => {
                (crate::binary::SUB_BIN_WORDS, *live)
            }
            BsOp::GetFloat { live, .. } => (crate::term::FLOAT_WORDS, *live),
            BsOp::GetInteger {
                live, size, unit, ..
            } => {
                let bits = match size.constant() {
                    Some(t) => t,
                    None => self.get(*size),
                }
                .as_small()
                .map_or(0, |n| (n.max(0) as usize).saturating_mul(*unit as usize));
                (int::words_for(bits), *live)
            }
            BsOp::Match { live, need, .. } => (*need as usize, *live),
            _ => return Ok(()),
        };
        if words == 0 {
            return Ok(());
        }
        self.ensure(words, live as usize)
    }

    fn start_match(&mut self, src: Src, dst: Dst) -> Step {
        let v = self.get(src);
        if MatchCtx::of(v).is_some() {
            self.put(dst, v);
            return Ok(());
        }
        match matchctx::start(&mut self.p.heap, v)? {
            Some(c) => {
                self.put(dst, c);
                Ok(())
            }
            None => Err(Miss::Fail),
        }
    }

    fn get_position(&mut self, ctx: Src, dst: Dst) -> Step {
        let c = self.ctx(ctx)?;
        let t = crate::bignum::from_i64(&mut self.p.heap, c.pos() as i64)?;
        self.put(dst, t);
        Ok(())
    }

    fn set_position(&mut self, ctx: Src, pos: Src) -> Step {
        let c = self.ctx(ctx)?;
        let p = crate::bignum::to_i64(self.get(pos)).ok_or(Miss::Fail)?;
        c.set_pos(usize::try_from(p).map_err(|_| Miss::Fail)?.min(c.end()));
        Ok(())
    }

    fn get_float(&mut self, ctx: Src, size: Src, unit: u16, flags: int::Flags, dst: Dst) -> Step {
        let c = self.ctx(ctx)?;
        let n = self.seg_size(&c, size, unit)?;
        let raw = float::read_bits(c.bytes(), c.pos(), n, flags);
        let f = float::decode(raw, n).ok_or(Miss::Fail)?;
        let t = self.p.heap.float(f)?;
        c.set_pos(c.pos() + n);
        self.put(dst, t);
        Ok(())
    }

    fn get_utf(&mut self, ctx: Src, u: Utf, flags: int::Flags, dst: Option<Dst>) -> Step {
        let c = self.ctx(ctx)?;
        let (b, pos, avail) = (c.bytes(), c.pos(), c.remaining());
        let (ch, n) = match u {
            Utf::U8 => utf::get_utf8(b, pos, avail),
            Utf::U16 => utf::get_utf16(b, pos, avail, flags),
            Utf::U32 => utf::get_utf32(b, pos, avail, flags),
        }
        .ok_or(Miss::Fail)?;
        c.set_pos(pos + n);
        if let Some(d) = dst {
            self.put(d, Term::small(ch as isize));
        }
        Ok(())
    }

    /// Runs the commands of one `bs_match`.
    fn run_cmds(&mut self, ctx: Src, cmds: &[MatchCmd]) -> Step {
        let c = self.ctx(ctx)?;
        for cmd in cmds {
            match cmd {
                MatchCmd::EnsureAtLeast { bits, unit } => {
                    let r = c.remaining();
                    if r < *bits || (*unit > 1 && (r - bits) % *unit as usize != 0) {
                        return Err(Miss::Fail);
                    }
                }
                MatchCmd::EnsureExactly { bits } => {
                    if c.remaining() != *bits {
                        return Err(Miss::Fail);
                    }
                }
                MatchCmd::Integer { flags, bits, dst } => {
                    let t = self.take_int(&c, *bits, *flags)?;
                    self.put(*dst, t);
                }
                MatchCmd::Binary { bits, dst } => {
                    let t = self.take_bin(&c, *bits)?;
                    self.put(*dst, t);
                }
                MatchCmd::Skip { bits } => {
                    if *bits > c.remaining() {
                        return Err(Miss::Fail);
                    }
                    c.set_pos(c.pos() + bits);
                }
                MatchCmd::GetTail { dst } => {
                    let t = self.tail(&c)?;
                    self.put(*dst, t);
                }
                MatchCmd::Equal { bits, value } => {
                    if *bits > c.remaining() || !self.next_equals(&c, *bits, *value)? {
                        return Err(Miss::Fail);
                    }
                    c.set_pos(c.pos() + bits);
                }
            }
        }
        Ok(())
    }

    /// Whether the next `n` bits, read as an unsigned big-endian integer,
    /// equal `value`.
    fn next_equals(&mut self, c: &MatchCtx, n: usize, value: Term) -> Result<bool, Miss> {
        if n <= 64 {
            let v = bits::read_u64(c.bytes(), c.pos(), n);
            return Ok(match crate::bignum::to_i64(value) {
                Some(want) => want >= 0 && want as u64 == v,
                None => {
                    let t = crate::bignum::from_i128(&mut self.p.heap, v as i128)?;
                    crate::term::exact_eq(t, value, &self.vm.atoms)
                }
            });
        }
        let t = int::get(
            &mut self.p.heap,
            c.bytes(),
            c.pos(),
            n,
            int::Flags::default(),
        )?;
        Ok(crate::term::exact_eq(t, value, &self.vm.atoms))
    }
}
