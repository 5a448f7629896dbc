//! A process: its heap and stack, where it is in the code, and its saved
//! registers while it is not running.

use crate::code::CodePtr;
use crate::heap::{Heap, OutOfMemory};
use crate::term::Term;
use alloc::vec::Vec;

/// Why a process is not running.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Status {
    /// Ready to run.
    Runnable,
    /// Finished.
    Exited,
}

/// One Erlang process.
pub struct Process {
    /// Its number (the pid is `<0.N.0>`).
    pub pid: usize,
    /// Heap and stack.
    pub heap: Heap,
    /// Next instruction.
    pub ip: CodePtr,
    /// Live X registers saved while not running.
    pub saved_x: Vec<Term>,
    /// Scheduling state.
    pub status: Status,
    /// Reductions executed so far.
    pub reductions: u64,
    /// The exit reason once exited.
    pub exit_reason: Term,
}

impl Process {
    /// A process that will start at `ip` with `args` in its X registers.
    pub fn new(pid: usize, ip: CodePtr, args: &[Term], heap_words: usize) -> Result<Process, OutOfMemory> {
        Ok(Process {
            pid,
            heap: Heap::new(heap_words)?,
            ip,
            saved_x: args.to_vec(),
            status: Status::Runnable,
            reductions: 0,
            exit_reason: Term::NIL,
        })
    }
}
