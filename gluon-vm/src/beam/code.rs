//! Decoding the `Code` chunk into generic instructions, one at a time.

use super::compact::{self, Limits, Operand};
use super::error::{BeamError, ChunkId, ErrorKind};
use super::opcodes::{self, MAX_ARGS};
use super::reader::Reader;
use core::ops::Deref;

/// The operands of one instruction, stored inline (no allocation).
#[derive(Clone, Debug)]
pub struct Args<'a> {
    items: [Operand<'a>; MAX_ARGS],
    len: u8,
}

impl<'a> Args<'a> {
    fn new() -> Args<'a> {
        Args {
            items: core::array::from_fn(|_| Operand::Nil),
            len: 0,
        }
    }

    fn push(&mut self, op: Operand<'a>) {
        if let Some(slot) = self.items.get_mut(usize::from(self.len)) {
            *slot = op;
            self.len += 1;
        }
    }
}

impl<'a> Deref for Args<'a> {
    type Target = [Operand<'a>];
    fn deref(&self) -> &[Operand<'a>] {
        self.items.get(..usize::from(self.len)).unwrap_or(&[])
    }
}

impl PartialEq for Args<'_> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

/// One generic instruction as `erlc` wrote it.
#[derive(Clone, PartialEq, Debug)]
pub struct GenericOp<'a> {
    /// Opcode number (see [`super::op`]).
    pub opcode: u8,
    /// The OTP name of the opcode.
    pub name: &'static str,
    /// The operands; as many as the opcode's arity. A variable-length tail
    /// is one [`Operand::List`].
    pub args: Args<'a>,
    /// File offset of the opcode byte, for error messages.
    pub offset: usize,
}

/// Iterates over the instructions of a `Code` chunk, decoding and
/// validating each. Stops after `int_code_end` (bytes after it are
/// ignored) and after the first error.
#[derive(Clone)]
pub struct CodeReader<'a> {
    r: Reader<'a>,
    limits: Limits,
    max_opcode: u32,
    done: bool,
}

impl<'a> CodeReader<'a> {
    pub(crate) fn new(
        bytes: &'a [u8],
        offset: usize,
        max_opcode: u32,
        limits: Limits,
    ) -> CodeReader<'a> {
        CodeReader {
            r: Reader::new(bytes, offset, Some(ChunkId::CODE)),
            limits,
            max_opcode,
            done: false,
        }
    }

    fn read(&mut self) -> Result<GenericOp<'a>, BeamError> {
        let offset = self.r.offset();
        if self.r.is_empty() {
            return Err(self.r.err(ErrorKind::MissingCodeEnd));
        }
        let opcode = self.r.u8()?;
        let (Some(name), Some(arity)) =
            (opcodes::opcode_name(opcode), opcodes::opcode_arity(opcode))
        else {
            return Err(self.r.err_at(ErrorKind::UnknownOpcode { opcode }, offset));
        };
        if u32::from(opcode) > self.max_opcode {
            return Err(self.r.err_at(
                ErrorKind::OpcodeAboveMax {
                    opcode,
                    max_opcode: self.max_opcode,
                },
                offset,
            ));
        }
        let mut args = Args::new();
        for i in 0..arity {
            let at = self.r.offset();
            let operand = compact::read_operand(&mut self.r, &self.limits, false)?;
            // As on the BEAM, only the last operand may be a list.
            if matches!(operand, Operand::List(_)) && i + 1 != arity {
                return Err(self.r.err_at(ErrorKind::MisplacedList, at));
            }
            args.push(operand);
        }
        if opcode == opcodes::op::INT_CODE_END {
            self.done = true;
        }
        Ok(GenericOp {
            opcode,
            name,
            args,
            offset,
        })
    }
}

impl<'a> Iterator for CodeReader<'a> {
    type Item = Result<GenericOp<'a>, BeamError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let result = self.read();
        if result.is_err() {
            self.done = true;
        }
        Some(result)
    }
}

impl core::iter::FusedIterator for CodeReader<'_> {}
