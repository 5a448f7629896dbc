//! Calling a native through the export table: a built-in BIF or one the
//! embedder registered.

use super::Machine;
use crate::bif::{BifResult, Ctx, Exception};
use crate::code::Target;
use crate::term::Term;

impl Machine<'_> {
    /// Runs the native `target` (a [`Target::Bif`] or
    /// [`Target::Native`]) on `args` in the calling process.
    pub(super) fn call_native(&mut self, target: Target, args: &[Term]) -> BifResult {
        let vm = &mut *self.vm;
        let mut ctx = Ctx {
            heap: &mut self.p.heap,
            atoms: &mut vm.atoms,
            os: &mut *vm.os,
            me: &mut self.p.info,
            sched: &mut vm.sched,
            exports: &mut vm.exports,
            modules: &vm.modules,
        };
        match target {
            Target::Bif(f) => f(&mut ctx, args),
            Target::Native(i) => vm.natives.call(i, &mut ctx, args),
            _ => Err(Exception::badarg()),
        }
    }
}
