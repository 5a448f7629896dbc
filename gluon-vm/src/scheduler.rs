//! Spawning processes and running them. Single core: one process runs at a
//! time, for a bounded number of reductions.

use crate::code::Target;
use crate::gc::MIN_HEAP_WORDS;
use crate::interp::{self, Outcome, Regs};
use crate::process::{Process, Status};
use crate::term::{Atom, Term};
use crate::vm::Vm;
use alloc::boxed::Box;

/// Why a process could not be spawned.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum SpawnError {
    /// `M:F/A` is not loaded.
    Undefined,
    /// Out of memory.
    OutOfMemory,
}

impl Vm {
    /// Spawns a process that calls `M:F(Args)`; `args` must be immediates
    /// (the embedding API copies other terms into the process first).
    pub fn spawn(&mut self, m: Atom, f: Atom, args: &[Term]) -> Result<usize, SpawnError> {
        let entry = self.find_export(m, f, args.len() as u32).ok_or(SpawnError::Undefined)?;
        let ip = match entry.target.get() {
            Target::Code(p) => p,
            _ => entry.code.get().ok_or(SpawnError::Undefined)?,
        };
        let pid = self.processes.len();
        let mut p = Process::new(pid, ip, args, MIN_HEAP_WORDS).map_err(|_| SpawnError::OutOfMemory)?;
        p.heap.push(self.stop_ptr().to_term());
        self.processes.push(Some(Box::new(p)));
        Ok(pid)
    }

    /// Runs process `pid` for about `budget` reductions.
    pub fn run_process(&mut self, pid: usize, regs: &mut Regs, budget: usize) -> Option<Outcome> {
        let mut p = self.processes.get_mut(pid)?.take()?;
        let out = interp::run(self, &mut p, regs, budget);
        if !matches!(out, Outcome::Yield) {
            p.status = Status::Exited;
        }
        if let Some(slot) = self.processes.get_mut(pid) {
            *slot = Some(p);
        }
        Some(out)
    }
}
