//! A process: its heap and stack, where it is in the code, and the state
//! other processes and the scheduler see (mailbox, links, monitors, flags,
//! dictionary).

use crate::code::CodePtr;
use crate::heap::{Heap, OutOfMemory};
use crate::lazyvec::LazyVec;
use crate::mailbox::Mailbox;
use crate::term::{Atom, Term};

/// `{Module, Function, Arity}` of a process's first call.
pub type InitialCall = (Atom, Atom, u32);

/// A process number; the pid term is `Term::pid(n)`, printed `<0.n.0>`.
pub type Pid = usize;

/// Scheduling state.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Status {
    /// In a run queue (or running).
    Runnable,
    /// Blocked in `receive` until a message or its timeout.
    Waiting,
    /// Finished; about to be removed.
    Exited,
}

/// Scheduling priority, as on the BEAM.
#[derive(Copy, Clone, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum Priority {
    Low = 0,
    Normal = 1,
    High = 2,
    Max = 3,
}

/// A monitor as seen from one of its two ends.
#[derive(Copy, Clone, Debug)]
pub struct Monitor {
    /// The monitor's reference id.
    pub reference: u64,
    /// The process at the other end.
    pub other: Pid,
    /// True at the watching end, false at the watched end.
    pub watching: bool,
    /// For a monitor set up by registered name: that name (reported in
    /// the 'DOWN' message as `{Name, Node}`).
    pub name: Option<Atom>,
}

/// The parts of a process other than its heap: what BIFs and the
/// scheduler read and change.
pub struct ProcInfo {
    /// Its number.
    pub pid: Pid,
    /// Scheduling state.
    pub status: Status,
    /// Priority.
    pub priority: Priority,
    /// Queued messages.
    pub mailbox: Mailbox,
    /// Linked processes.
    pub links: LazyVec<Pid>,
    /// Monitors this process holds or is the target of.
    pub monitors: LazyVec<Monitor>,
    /// `process_flag(trap_exit, true)`.
    pub trap_exit: bool,
    /// Registered name.
    pub name: Option<Atom>,
    /// The process dictionary as key, value, key, value... (a GC root).
    pub dict: LazyVec<Term>,
    /// Id of the pending `receive ... after` timer.
    pub receive_timer: Option<core::num::NonZeroU64>,
    /// Set when the receive timer fired; `wait_timeout` then falls through.
    pub timed_out: bool,
    /// The pending receive waits for ever (`after infinity` with the
    /// timeout in a register). Like a running receive timer, it tells a
    /// `wait_timeout` run again after a wake-up that its operand, a
    /// register not kept across the suspension, is not to be read.
    pub waits_forever: bool,
    /// `erlang:garbage_collect` asked for a major collection, which the
    /// interpreter runs when the call returns (only it knows the roots).
    pub gc_requested: bool,
    /// An exit signal that must end the process when its current
    /// instruction completes (set while it runs, e.g. `exit(self(), kill)`).
    pub pending_exit: Option<Term>,
    /// Reductions executed so far.
    pub reductions: u64,
    /// `{M, F, A}` of its first call, for `process_info`.
    pub initial_call: InitialCall,
    /// The group leader pid (output goes to the console either way).
    pub group_leader: Pid,
}

impl ProcInfo {
    /// The state of a new process.
    pub fn new(pid: Pid, initial_call: InitialCall) -> ProcInfo {
        ProcInfo {
            pid,
            status: Status::Runnable,
            priority: Priority::Normal,
            mailbox: Mailbox::default(),
            links: LazyVec::new(),
            monitors: LazyVec::new(),
            trap_exit: false,
            name: None,
            dict: LazyVec::new(),
            receive_timer: None,
            timed_out: false,
            waits_forever: false,
            gc_requested: false,
            pending_exit: None,
            reductions: 0,
            initial_call,
            group_leader: 0,
        }
    }
}

/// One Erlang process.
pub struct Process {
    /// Heap and stack.
    pub heap: Heap,
    /// Next instruction.
    pub ip: CodePtr,
    /// Live X registers saved while not running.
    pub saved_x: LazyVec<Term>,
    /// Everything else.
    pub info: ProcInfo,
}

impl Process {
    /// A process that will start at `ip`; its arguments are copied in by
    /// the caller (they must live on this process's heap).
    pub fn new(
        pid: Pid,
        ip: CodePtr,
        heap_words: usize,
        initial_call: InitialCall,
    ) -> Result<Process, OutOfMemory> {
        Ok(Process {
            heap: Heap::new(heap_words)?,
            ip,
            saved_x: LazyVec::new(),
            info: ProcInfo::new(pid, initial_call),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn process_size() {
        let size = core::mem::size_of::<Process>();
        std::println!(
            "Process {} bytes (ProcInfo {}, Mailbox {}, Heap {})",
            size,
            core::mem::size_of::<ProcInfo>(),
            core::mem::size_of::<Mailbox>(),
            core::mem::size_of::<Heap>()
        );
    }
}
