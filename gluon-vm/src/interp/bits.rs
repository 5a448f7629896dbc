//! Bit-syntax construction: `bs_create_bin` (OTP 25+) and the OTP 24 set
//! (`bs_init2`, `bs_init_bits`, `bs_put_*`, `bs_append`, `bs_add`, ...).
//! Matching is in [`super::bs_match`].

use super::{ErrorSite, Machine};
use crate::bif::Exception;
use crate::binary::{self, append, bits, float, int, utf};
use crate::code::bits::{BsOp, Seg, SegKind, Utf};
use crate::code::instr::Src;
use crate::code::{CodePtr, Word};
use crate::heap::OutOfMemory;
use crate::term::Term;

/// Where the OTP 24 `bs_put_*` instructions write: set by `bs_init2`,
/// `bs_init_bits` and `bs_append`, used by the puts that follow them
/// before any other allocation can move the binary.
#[derive(Copy, Clone)]
pub(crate) struct Builder {
    bytes: *mut u8,
    len: usize,
    at: usize,
}

impl Default for Builder {
    fn default() -> Builder {
        Builder {
            bytes: core::ptr::null_mut(),
            len: 0,
            at: 0,
        }
    }
}

impl Builder {
    fn buf(&mut self) -> &mut [u8] {
        if self.bytes.is_null() {
            return &mut [];
        }
        // SAFETY: set from a binary just allocated (or a writable buffer)
        // of `len` bytes, which no allocation has moved since.
        unsafe { core::slice::from_raw_parts_mut(self.bytes, self.len) }
    }
}

/// Why a construction failed.
#[derive(Copy, Clone)]
enum Fault {
    Badarg,
    SystemLimit,
    OutOfMemory,
}

impl From<OutOfMemory> for Fault {
    fn from(_: OutOfMemory) -> Fault {
        Fault::OutOfMemory
    }
}

impl Fault {
    fn exception(self) -> Exception {
        match self {
            Fault::Badarg => Exception::badarg(),
            Fault::SystemLimit => Exception::system_limit(),
            Fault::OutOfMemory => Exception::from(OutOfMemory),
        }
    }
}

/// A segment size in units: a non-negative integer (`badarg` otherwise,
/// `system_limit` when it is too large to be a size).
fn size_units(t: Term) -> Result<usize, Fault> {
    if let Some(n) = t.as_small() {
        return usize::try_from(n).map_err(|_| Fault::Badarg);
    }
    match crate::bignum::as_big(t) {
        Some((false, _)) => Err(Fault::SystemLimit),
        _ => Err(Fault::Badarg),
    }
}

/// `units * unit` bits, or `system_limit`.
fn times(units: usize, unit: u16) -> Result<usize, Fault> {
    units
        .checked_mul(unit as usize)
        .filter(|&b| b <= binary::MAX_BITS)
        .ok_or(Fault::SystemLimit)
}

/// The value of a number as a float (for float segments).
fn number(t: Term) -> Option<f64> {
    if let Some(n) = t.as_small() {
        return Some(n as f64);
    }
    t.as_float().or_else(|| crate::bignum::to_f64(t))
}

impl Machine<'_> {
    /// Runs a bit-syntax instruction.
    pub(super) fn bits(
        &mut self,
        op: &BsOp,
        here: *const Word,
    ) -> Result<(), (Exception, ErrorSite)> {
        let r = match op {
            BsOp::CreateBin {
                fail: _,
                live,
                dst,
                segs,
            } => self.create_bin(segs, *live).map(|t| self.put(*dst, t)),
            BsOp::Init {
                fail: _,
                size,
                bits,
                live,
                dst,
            } => self.init(*size, *bits, *live).map(|t| self.put(*dst, t)),
            BsOp::Put { fail: _, seg } => self.put_legacy(seg),
            BsOp::Append {
                fail: _,
                size,
                live,
                unit,
                bin,
                dst,
            } => self
                .append(*size, *unit, *bin, *live)
                .map(|t| self.put(*dst, t)),
            BsOp::Add {
                fail: _,
                a,
                b,
                unit,
                dst,
            } => {
                let (a, b) = (self.get(*a), self.get(*b));
                let r = size_units(a).and_then(|a| {
                    let b = times(size_units(b)?, *unit)?;
                    a.checked_add(b).ok_or(Fault::SystemLimit)
                });
                r.and_then(|n| Ok(crate::bignum::from_i64(&mut self.p.heap, n as i64)?))
                    .map(|t| self.put(*dst, t))
            }
            BsOp::InitWritable => {
                let hint = self.r.x[0].as_small().unwrap_or(0).max(0) as usize;
                // Only x0 (the size hint, an integer) is live here.
                self.ensure(append::EMPTY_WRITABLE_WORDS, 1)
                    .and_then(|()| append::empty_writable(&mut self.p.heap, hint))
                    .map(|t| self.r.x[0] = t)
                    .map_err(Fault::from)
            }
            BsOp::UtfSize {
                fail: _,
                src,
                utf,
                dst,
            } => {
                let c = self.get(*src).as_small().unwrap_or(0) as u32;
                let bits = match utf {
                    Utf::U8 => utf::utf8_bits(c),
                    _ => utf::utf16_bits(c),
                };
                self.put(*dst, Term::small((bits / 8) as isize));
                Ok(())
            }
            _ => return self.bs_match(op, here),
        };
        match r {
            Ok(()) => Ok(()),
            Err(f) => match construction_fail(op).get() {
                Some(l) => {
                    self.ip = l.0;
                    Ok(())
                }
                None => Err((f.exception(), ErrorSite::Here(here))),
            },
        }
    }

    /// The bits segment `seg` adds, checking its value and size.
    fn seg_bits(&self, seg: &Seg) -> Result<usize, Fault> {
        let v = self.get(seg.src);
        let size = if seg.size.constant() == Some(Term::NONE) {
            None
        } else {
            Some(self.get(seg.size))
        };
        match seg.kind {
            SegKind::Integer => {
                let n = times(size_units(size.unwrap_or(Term::NIL))?, seg.unit)?;
                if v.is_integer() {
                    Ok(n)
                } else {
                    Err(Fault::Badarg)
                }
            }
            SegKind::Float => {
                let n = times(size_units(size.unwrap_or(Term::NIL))?, seg.unit)?;
                let f = number(v).ok_or(Fault::Badarg)?;
                float::encode(f, n).ok_or(Fault::Badarg)?;
                Ok(n)
            }
            SegKind::Binary | SegKind::Append => {
                let (_, _, len) = binary::bit_view(v).ok_or(Fault::Badarg)?;
                match size {
                    None => {
                        if seg.unit > 1 && len % seg.unit as usize != 0 {
                            return Err(Fault::Badarg);
                        }
                        Ok(len)
                    }
                    Some(s) => {
                        let n = times(size_units(s)?, seg.unit)?;
                        if n > len {
                            return Err(Fault::Badarg);
                        }
                        Ok(n)
                    }
                }
            }
            SegKind::Utf8 | SegKind::Utf16 | SegKind::Utf32 => {
                let c = v
                    .as_small()
                    .filter(|&c| utf::is_scalar(c as i64))
                    .ok_or(Fault::Badarg)? as u32;
                Ok(match seg.kind {
                    SegKind::Utf8 => utf::utf8_bits(c),
                    SegKind::Utf16 => utf::utf16_bits(c),
                    _ => 32,
                })
            }
            SegKind::String => Ok(seg.string.len() * 8),
        }
    }

    /// Writes segment `seg` (already checked, `n` bits) at bit `at`.
    fn write_seg(&self, seg: &Seg, n: usize, dst: &mut [u8], at: usize) {
        let v = self.get(seg.src);
        match seg.kind {
            SegKind::Integer => {
                int::put(dst, at, n, v, seg.flags);
            }
            SegKind::Float => {
                if let Some(b) = number(v).and_then(|f| float::encode(f, n)) {
                    float::write_bits(dst, at, n, b, seg.flags);
                }
            }
            SegKind::Binary | SegKind::Append => {
                if let Some((src, off, _)) = binary::bit_view(v) {
                    let (s, d) = (src.as_ptr_range(), dst.as_ptr_range());
                    if s.start < d.end && d.start < s.end {
                        // Appending a bitstring to itself: read a copy, so
                        // the buffer is never borrowed twice.
                        let mut tmp = alloc::vec![0u8; n.div_ceil(8)];
                        bits::copy_bits(src, off, &mut tmp, 0, n);
                        bits::copy_bits(&tmp, 0, dst, at, n);
                    } else {
                        bits::copy_bits(src, off, dst, at, n);
                    }
                }
            }
            SegKind::Utf8 => {
                utf::put_utf8(dst, at, v.small_value() as u32);
            }
            SegKind::Utf16 => {
                utf::put_utf16(dst, at, v.small_value() as u32, seg.flags);
            }
            SegKind::Utf32 => utf::put_utf32(dst, at, v.small_value() as u32, seg.flags),
            SegKind::String => bits::copy_bits(&seg.string, 0, dst, at, n),
        }
    }

    fn create_bin(&mut self, segs: &[Seg], live: u16) -> Result<Term, Fault> {
        let mut sizes = alloc::vec::Vec::with_capacity(segs.len());
        let mut total = 0usize;
        for seg in segs {
            let n = self.seg_bits(seg)?;
            total = total
                .checked_add(n)
                .filter(|&t| t <= binary::MAX_BITS)
                .ok_or(Fault::SystemLimit)?;
            sizes.push(n);
        }
        let append = segs.first().filter(|s| s.kind == SegKind::Append);
        // Reserve what the result takes, collecting if need be; values are
        // read again afterwards since a collection moves them.
        let need = match append {
            Some(first) => append::words_needed(self.get(first.src), total - sizes[0]),
            None => binary::heap_bin_words(total.div_ceil(8)) + binary::SUB_BIN_WORDS,
        };
        self.ensure(need, live as usize)?;
        if let Some(first) = append {
            let acc = self.get(first.src);
            let mut a = append::reserve(&mut self.p.heap, acc, total - sizes[0])?;
            let mut at = a.at;
            for (seg, &n) in segs.iter().zip(&sizes).skip(1) {
                self.write_seg(seg, n, a.bytes(), at);
                at += n;
            }
            return Ok(a.finish(&mut self.p.heap)?);
        }
        let nbytes = total.div_ceil(8);
        let (bin, p) = binary::alloc_heap_binary(&mut self.p.heap, nbytes)?;
        // SAFETY: the fresh binary's `nbytes` bytes.
        let dst = unsafe { core::slice::from_raw_parts_mut(p, nbytes) };
        let mut at = 0;
        for (seg, &n) in segs.iter().zip(&sizes) {
            self.write_seg(seg, n, dst, at);
            at += n;
        }
        if total.is_multiple_of(8) {
            Ok(bin)
        } else {
            Ok(binary::new_sub_binary(&mut self.p.heap, bin, 0, total)?)
        }
    }

    /// `bs_init2` / `bs_init_bits`: a zeroed bitstring the puts fill in.
    fn init(&mut self, size: Src, in_bits: bool, live: u16) -> Result<Term, Fault> {
        let n = size_units(self.get(size))?;
        let total = if in_bits { n } else { times(n, 8)? };
        if total > binary::MAX_BITS {
            return Err(Fault::SystemLimit);
        }
        let nbytes = total.div_ceil(8);
        self.ensure(
            binary::heap_bin_words(nbytes) + binary::SUB_BIN_WORDS,
            live as usize,
        )?;
        let heap = &mut self.p.heap;
        let (bin, p) = binary::alloc_heap_binary(heap, nbytes)?;
        self.bs = Builder {
            bytes: p,
            len: nbytes,
            at: 0,
        };
        if total % 8 == 0 {
            Ok(bin)
        } else {
            Ok(binary::new_sub_binary(heap, bin, 0, total)?)
        }
    }

    /// `bs_put_*`: one segment into the binary being built.
    fn put_legacy(&mut self, seg: &Seg) -> Result<(), Fault> {
        let n = self.seg_bits(seg)?;
        let mut b = self.bs;
        if b.at + n > b.len * 8 {
            return Err(Fault::Badarg);
        }
        let at = b.at;
        self.write_seg(seg, n, b.buf(), at);
        self.bs.at += n;
        Ok(())
    }

    /// `bs_append` / `bs_private_append`.
    fn append(&mut self, size: Src, unit: u16, bin: Src, live: u16) -> Result<Term, Fault> {
        let extra = size_units(self.get(size))?;
        // `bs_private_append` (no live count) may not collect.
        if live != u16::MAX {
            let need = append::words_needed(self.get(bin), extra);
            self.ensure(need, live as usize)?;
        }
        let acc = self.get(bin);
        let (_, _, len) = binary::bit_view(acc).ok_or(Fault::Badarg)?;
        if unit > 1 && len % unit as usize != 0 {
            return Err(Fault::Badarg);
        }
        if len.checked_add(extra).is_none_or(|t| t > binary::MAX_BITS) {
            return Err(Fault::SystemLimit);
        }
        let heap = &mut self.p.heap;
        let mut a = append::reserve(heap, acc, extra)?;
        let at = a.at;
        let buf = a.bytes();
        self.bs = Builder {
            bytes: buf.as_mut_ptr(),
            len: buf.len(),
            at,
        };
        Ok(a.finish(heap)?)
    }
}

/// The fail label of a construction instruction.
fn construction_fail(op: &BsOp) -> CodePtr {
    match op {
        BsOp::CreateBin { fail, .. }
        | BsOp::Init { fail, .. }
        | BsOp::Put { fail, .. }
        | BsOp::Append { fail, .. }
        | BsOp::Add { fail, .. }
        | BsOp::UtfSize { fail, .. } => *fail,
        _ => CodePtr::NONE,
    }
}
