//! Loaded code: modules in their internal instruction form, the VM-wide
//! export table that calls between modules go through, and fun definitions.

use crate::term::Atom;
use core::cell::Cell;

pub mod bits;
pub mod instr;
pub mod module;
pub mod op;

pub use instr::{CodePtr, Instr};
pub use module::{FunctionInfo, Location, Module};
pub use op::Word;

/// A native function: gets the call's arguments, returns its result or
/// raises. See [`crate::bif`].
pub type BifFn = fn(&mut crate::bif::Ctx<'_>, &[crate::term::Term]) -> crate::bif::BifResult;

/// What calling an exported `M:F/A` runs.
#[derive(Copy, Clone)]
pub enum Target {
    /// Nothing is loaded under that name: calling it raises `undef`.
    Undefined,
    /// Erlang code at this address.
    Code(CodePtr),
    /// A native function.
    Bif(BifFn),
    /// `erlang:apply/2` or `/3`: the interpreter spreads the argument list.
    Apply(u8),
    /// A native registered by the embedder: its number in
    /// [`crate::native::Natives`].
    Native(u32),
}

/// One `M:F/A` in the VM-wide export table. Imports of loaded modules point
/// at these entries, so loading a module later makes earlier imports of it
/// callable (late binding, as on the BEAM).
pub struct ExportEntry {
    /// Module name.
    pub module: Atom,
    /// Function name.
    pub function: Atom,
    /// Arity.
    pub arity: u32,
    /// What a call runs now.
    pub target: Cell<Target>,
    /// Erlang code of the function when a native also exists (a native
    /// wins for calls; `erlang:apply` and funs use the same rule).
    pub code: Cell<Option<CodePtr>>,
}

/// A lambda of some module, from its `FunT` chunk.
pub struct FunDef {
    /// Defining module.
    pub module: Atom,
    /// The lambda's generated function name (`-start/0-fun-0-`).
    pub function: Atom,
    /// Arity of the generated function: call arity plus free variables.
    pub arity: u32,
    /// Number of captured values.
    pub num_free: u32,
    /// Index in the module's fun table.
    pub index: u32,
    /// The compiler's uniqueness value for the lambda.
    pub old_uniq: u32,
    /// Entry point.
    pub entry: Cell<Option<CodePtr>>,
}
