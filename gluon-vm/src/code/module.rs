//! A loaded module: its code, lambdas, literals and the tables that map
//! code addresses back to functions and source lines.

use super::{CodePtr, FunDef, Instr, Word};
use crate::heap::Heap;
use crate::term::{Atom, Term};
use alloc::boxed::Box;

/// Where a function starts.
#[derive(Copy, Clone, Debug)]
pub struct FunctionInfo {
    /// Word offset of its `func_info` instruction.
    pub start: u32,
    /// Name.
    pub name: Atom,
    /// Arity.
    pub arity: u32,
}

/// A source location.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// 0 for the module's own source file, k for [`Module::files`]`[k-1]`.
    pub file: u32,
    /// Line number; 0 when unknown.
    pub line: u32,
}

/// A module in internal form. Never moved after loading: code addresses
/// and fun definitions are referred to by pointer.
pub struct Module {
    /// Module name.
    pub name: Atom,
    /// Instructions, in the word format of [`super::op`].
    pub code: Box<[Word]>,
    /// The rare instructions the code points at (see [`super::op::RARE`]).
    pub rare: Box<[Instr]>,
    /// Lambdas, indexed as in the `FunT` chunk.
    pub funs: Box<[FunDef]>,
    /// Storage of literal terms referred to by the code.
    pub literals: Heap,
    /// Functions sorted by start.
    pub functions: Box<[FunctionInfo]>,
    /// `(word offset, location)` for instructions that follow a `line`
    /// instruction, sorted by offset.
    pub lines: Box<[(u32, Location)]>,
    /// Source file names referred to by locations.
    pub files: Box<[Box<str>]>,
    /// The module's own source file name (from the first location).
    pub source: Box<str>,
    /// Exported functions: name, arity, entry word offset.
    pub exports: Box<[(Atom, u32, u32)]>,
    /// `module_info(attributes)` and `module_info(compile)` as terms.
    pub attributes: Term,
    /// Compilation information.
    pub compile_info: Term,
}

impl Module {
    /// Whether `p` points into this module's code.
    pub fn contains(&self, p: CodePtr) -> bool {
        self.code.as_ptr_range().contains(&p.0)
    }

    /// The word offset of `p` (which must be in this module).
    pub fn index_of(&self, p: CodePtr) -> usize {
        (p.0 as usize - self.code.as_ptr() as usize) / core::mem::size_of::<Word>()
    }

    /// The address of word offset `i`.
    pub fn ptr(&self, i: usize) -> CodePtr {
        CodePtr(self.code[i..].as_ptr())
    }

    /// Bytes of code: the words and the pool of rare instructions.
    pub fn code_bytes(&self) -> usize {
        core::mem::size_of_val(&*self.code) + core::mem::size_of_val(&*self.rare)
    }

    /// The function containing word offset `i`.
    pub fn function_at(&self, i: usize) -> Option<&FunctionInfo> {
        let k = self.functions.partition_point(|f| f.start as usize <= i);
        self.functions.get(k.checked_sub(1)?)
    }

    /// The source location of the instruction at or containing word
    /// offset `i`.
    pub fn location_at(&self, i: usize) -> Option<Location> {
        let k = self.lines.partition_point(|&(at, _)| at as usize <= i);
        let (_, loc) = *self.lines.get(k.checked_sub(1)?)?;
        Some(loc)
    }

    /// The file name of a location.
    pub fn file_name(&self, loc: Location) -> &str {
        match loc
            .file
            .checked_sub(1)
            .and_then(|k| self.files.get(k as usize))
        {
            Some(f) => f,
            None => &self.source,
        }
    }
}
