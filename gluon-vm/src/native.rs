//! Native functions registered by the embedder at run time (NIF-like).
//!
//! Firmware binds `module:function/arity` to a callback (a Rust closure,
//! or a C function through `gluon-rtos`'s C API). The export entry then
//! points at [`Target::Native`], so Erlang code calls it like any function
//! (`sensor:read(1)`), including through `apply` and `fun sensor:read/1`.
//! A callback gets the same [`Ctx`] as a built-in BIF: it builds its
//! result on the caller's heap and raises with an [`crate::bif::Exception`].

use crate::bif::{BifResult, Ctx};
use crate::code::Target;
use crate::term::atom::AtomError;
use crate::term::Term;
use crate::vm::Vm;
use alloc::boxed::Box;
use alloc::vec::Vec;

/// A registered native's callback.
pub type NativeFn = Box<dyn FnMut(&mut Ctx<'_>, &[Term]) -> BifResult>;

/// The VM's registered natives, numbered in registration order.
#[derive(Default)]
pub struct Natives {
    fns: Vec<NativeFn>,
}

impl Natives {
    /// Calls native `index`: `undef` if there is no such native (it cannot
    /// happen through the export table, which only holds valid numbers).
    pub fn call(&mut self, index: u32, ctx: &mut Ctx<'_>, args: &[Term]) -> BifResult {
        match self.fns.get_mut(index as usize) {
            Some(f) => f(ctx, args),
            None => Err(crate::bif::Exception::error(Term::atom(
                crate::term::atom::UNDEF,
            ))),
        }
    }

    /// How many natives are registered.
    pub fn len(&self) -> usize {
        self.fns.len()
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.fns.is_empty()
    }
}

impl Vm {
    /// Binds `module:function/arity` to `f`. Erlang code calling it, now or
    /// in modules loaded later, runs `f`; a native takes precedence over
    /// Erlang code of the same name, as a NIF does. Registering the same
    /// name again replaces the callback.
    ///
    /// # Errors
    /// When the atom table cannot take the names.
    pub fn register_native(
        &mut self,
        module: &str,
        function: &str,
        arity: u8,
        f: NativeFn,
    ) -> Result<(), AtomError> {
        let m = self.atoms.intern(module)?;
        let fun = self.atoms.intern(function)?;
        let e = self.exports.entry(m, fun, arity as u32);
        if let Target::Native(i) = e.target.get() {
            self.natives.fns[i as usize] = f;
            return Ok(());
        }
        let index = self.natives.fns.len() as u32;
        e.target.set(Target::Native(index));
        self.natives.fns.push(f);
        Ok(())
    }
}
