//! Match contexts: the state of matching a bitstring, kept in a register
//! while `bs_*` instructions take segments off its front.
//!
//! ```text
//! [header(MatchCtx, 3)] position end original
//! ```
//!
//! `position` and `end` are bit indices into `original`, the storage
//! object of the bitstring matched (so a sub-binary's offset is folded in).

use super::{storage, storage_bytes};
use crate::heap::{Heap, OutOfMemory};
use crate::term::{HeaderTag, Term};

/// Words of a match context.
pub const WORDS: usize = 4;

/// A match context's fields, read from and written back to its words.
pub struct MatchCtx {
    ptr: *mut Term,
}

impl MatchCtx {
    /// The context `t` points at, if it is one.
    #[inline]
    pub fn of(t: Term) -> Option<MatchCtx> {
        (t.boxed_tag() == Some(HeaderTag::MatchCtx)).then(|| MatchCtx { ptr: t.ptr_mut() })
    }

    #[inline]
    fn word(&self, i: usize) -> Term {
        // SAFETY: a match context has WORDS live words.
        unsafe { *self.ptr.add(i) }
    }

    /// The current bit position.
    #[inline]
    pub fn pos(&self) -> usize {
        self.word(1).raw()
    }

    /// Moves the position (the caller keeps it within the bitstring).
    #[inline]
    pub fn set_pos(&self, pos: usize) {
        // SAFETY: as in `word`; match contexts are private to their process.
        unsafe { *self.ptr.add(1) = Term::from_raw(pos) };
    }

    /// The bit index where the bitstring ends.
    #[inline]
    pub fn end(&self) -> usize {
        self.word(2).raw()
    }

    /// Bits left to match.
    #[inline]
    pub fn remaining(&self) -> usize {
        self.end().saturating_sub(self.pos())
    }

    /// The storage object matched.
    #[inline]
    pub fn original(&self) -> Term {
        self.word(3)
    }

    /// The bytes of the storage (bit indices are positions within them).
    #[inline]
    pub fn bytes(&self) -> &'static [u8] {
        storage_bytes(self.original()).map_or(&[], |(b, _)| b)
    }
}

/// Starts matching bitstring `bin`: a new context at its first bit, or
/// `None` if `bin` is not a bitstring.
pub fn start(heap: &mut Heap, bin: Term) -> Result<Option<Term>, OutOfMemory> {
    let Some((orig, off, len)) = storage(bin) else {
        return Ok(None);
    };
    let s = heap.alloc_slice(WORDS)?;
    s[0] = Term::header(HeaderTag::MatchCtx, WORDS - 1);
    s[1] = Term::from_raw(off);
    s[2] = Term::from_raw(off + len);
    s[3] = orig;
    Ok(Some(Term::boxed_ptr(s.as_ptr())))
}

/// A sub-binary of `len` bits at the context's position (sharing storage).
pub fn sub(heap: &mut Heap, ctx: &MatchCtx, len: usize) -> Result<Term, OutOfMemory> {
    let orig = ctx.original();
    let pos = ctx.pos();
    // The whole of a binary that can no longer grow is that binary.
    if pos == 0 && super::is_whole_binary(orig, len) {
        return Ok(orig);
    }
    super::new_sub_binary(heap, orig, pos, len)
}
