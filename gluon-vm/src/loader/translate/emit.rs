//! Writing words: the sink both translation passes write to, and the
//! builder of an instruction's head word and slot extensions.

use crate::code::op::{self, slot, Word};
use crate::code::{CodePtr, Instr};
use crate::loader::LoadError;
use alloc::vec::Vec;

/// Where translated code goes. In the counting pass nothing is stored:
/// only lengths and label offsets are recorded.
pub(super) struct Emit {
    /// The counting pass.
    pub counting: bool,
    /// The words (second pass; allocated at the exact size).
    pub code: Vec<Word>,
    /// Words written so far (both passes).
    pub len: usize,
    /// The pool of rare instructions (second pass; exact size).
    pub rare: Vec<Instr>,
    /// Pool entries written so far.
    pub rare_len: usize,
    /// Word offset of each label, from the first pass.
    pub labels: Vec<u32>,
    /// Functions and line entries seen (sizes for the second pass).
    pub functions: usize,
    /// See `functions`.
    pub lines: usize,
    /// The second pass wrote more than the first counted.
    overflow: bool,
}

impl Emit {
    /// The first pass.
    pub fn counting(labels: usize) -> Emit {
        Emit {
            counting: true,
            code: Vec::new(),
            len: 0,
            rare: Vec::new(),
            rare_len: 0,
            labels: alloc::vec![u32::MAX; labels],
            functions: 0,
            lines: 0,
            overflow: false,
        }
    }

    /// The second pass, sized by the first (`first.len` words plus the
    /// final `CODE_END`).
    pub fn emitting(first: Emit) -> Result<Emit, LoadError> {
        let mut code = Vec::new();
        code.try_reserve_exact(first.len + 1)
            .map_err(|_| LoadError::OutOfMemory)?;
        let mut rare = Vec::new();
        rare.try_reserve_exact(first.rare_len)
            .map_err(|_| LoadError::OutOfMemory)?;
        Ok(Emit {
            counting: false,
            code,
            len: 0,
            rare,
            rare_len: 0,
            labels: first.labels,
            functions: first.functions,
            lines: first.lines,
            overflow: false,
        })
    }

    /// Appends a word. Never grows the vector: a second pass that writes
    /// more than the first counted is an error (found by [`Emit::check`]).
    #[inline]
    pub fn word(&mut self, w: Word) {
        if !self.counting {
            if self.code.len() < self.code.capacity() {
                self.code.push(w);
            } else {
                self.overflow = true;
            }
        }
        self.len += 1;
    }

    /// Appends an instruction's head and slot extensions.
    pub fn ins(&mut self, i: Ins) {
        self.word(i.head as Word);
        for k in 0..i.n_ext {
            self.word(i.ext[k]);
        }
    }

    /// Records label `l` at the current offset (first pass), or checks
    /// that it lands where the first pass found it.
    pub fn label(&mut self, l: u32) -> Result<(), LoadError> {
        let here = self.len as u32;
        let slot = self
            .labels
            .get_mut(l as usize)
            .ok_or(LoadError::BadLabel { label: l })?;
        if self.counting {
            *slot = here;
        } else if *slot != here {
            return Err(LoadError::BadLabel { label: l });
        }
        Ok(())
    }

    /// The address of label `l` (second pass; a placeholder when counting).
    pub fn addr(&self, l: u32) -> Result<CodePtr, LoadError> {
        if self.counting {
            return Ok(CodePtr::NONE);
        }
        match self.labels.get(l as usize) {
            Some(&at) if (at as usize) < self.code.capacity() => {
                // SAFETY: within the allocation, which never moves.
                Ok(CodePtr(unsafe { self.code.as_ptr().add(at as usize) }))
            }
            _ => Err(LoadError::BadLabel { label: l }),
        }
    }

    /// Appends the address of label `l`.
    pub fn target(&mut self, l: u32) -> Result<(), LoadError> {
        let p = self.addr(l)?;
        self.word(p.0 as Word);
        Ok(())
    }

    /// Appends the address of label `l`, or 0 for label 0 (no label).
    pub fn fail(&mut self, l: u32) -> Result<(), LoadError> {
        if l == 0 {
            self.word(0);
            Ok(())
        } else {
            self.target(l)
        }
    }

    /// Counts a rare instruction (first pass: it is not built).
    pub fn count_rare(&mut self) {
        self.rare_len += 1;
        self.len += 2;
    }

    /// Appends a rare instruction (its label-number targets resolved here).
    pub fn rare(&mut self, mut i: Instr) -> Result<(), LoadError> {
        if self.counting {
            self.count_rare();
            return Ok(());
        }
        self.word(op::head(op::RARE, 0, 0, 0));
        let mut err = None;
        i.for_each_target(|t| match self.addr(t.0 as usize as u32) {
            Ok(p) => *t = p,
            Err(e) => err = Some(e),
        });
        if let Some(e) = err {
            return Err(e);
        }
        if self.rare.len() == self.rare.capacity() {
            // Pushing would move the pool that earlier words point into.
            self.overflow = true;
            self.word(0);
            return Ok(());
        }
        self.rare.push(i);
        self.rare_len += 1;
        let p = self
            .rare
            .last()
            .map_or(core::ptr::null(), |r| r as *const Instr);
        self.word(p as Word);
        Ok(())
    }

    /// Whether the second pass wrote exactly what the first counted (so
    /// boxing the vectors neither copies nor moves what the words point
    /// at).
    pub fn check(&self) -> Result<(), LoadError> {
        if self.overflow
            || self.code.len() != self.code.capacity()
            || self.rare.len() != self.rare.capacity()
        {
            return Err(LoadError::Unsupported {
                op: "(inconsistent code size)",
            });
        }
        Ok(())
    }
}

/// An instruction head being built: slots are filled in order A, B, C,
/// and their extension words kept in the same order.
pub(super) struct Ins {
    head: u32,
    shift: u32,
    ext: [Word; 3],
    n_ext: usize,
}

impl Ins {
    /// An instruction with opcode `op`.
    pub fn new(op: u8) -> Ins {
        Ins {
            head: op as u32,
            shift: 8,
            ext: [0; 3],
            n_ext: 0,
        }
    }

    fn push_ext(&mut self, w: Word) {
        // At most three slots, so at most three extensions.
        if let Some(e) = self.ext.get_mut(self.n_ext) {
            *e = w;
            self.n_ext += 1;
        }
    }

    /// The next slot holds a register operand.
    pub fn slot(mut self, (v, ext): (u32, Option<Word>)) -> Ins {
        self.head |= (v & 0xff) << self.shift;
        self.shift += 8;
        if let Some(w) = ext {
            self.push_ext(w);
        }
        self
    }

    /// Leaves the next slot unused (so that [`Ins::imm16`] fills B and C).
    pub fn skip(mut self) -> Ins {
        self.shift += 8;
        self
    }

    /// The next slot holds an 8-bit immediate.
    pub fn imm8(mut self, v: u32) -> Ins {
        if v < slot::IMM8_EXT {
            self.head |= v << self.shift;
        } else {
            self.head |= slot::IMM8_EXT << self.shift;
            self.push_ext(v as Word);
        }
        self.shift += 8;
        self
    }

    /// Slots B and C hold a 16-bit immediate.
    pub fn imm16(mut self, v: u32) -> Ins {
        if v < slot::IMM16_EXT {
            self.head |= v << self.shift;
        } else {
            self.head |= slot::IMM16_EXT << self.shift;
            self.push_ext(v as Word);
        }
        self.shift += 16;
        self
    }
}
