//! The VM task's loop: deliver queued events, run the VM until nothing
//! can run, then block in [`Os::wait_event`](gluon_vm::os::Os::wait_event)
//! until the next timer deadline or the next event.
//!
//! Two ways to drive it:
//!
//! - [`Runner::run`] is the whole task body: it returns only when the VM
//!   halts, the entry process ends (if asked to stop then), or
//!   [`EventQueue::request_stop`] is called.
//! - [`Runner::run_until_idle`] runs one bounded step and returns what the
//!   task should do next, for firmware that waits on its own primitives
//!   (several queues, a main loop) rather than through the hooks.

use crate::queue::{Event, EventQueue};
use alloc::format;
use gluon_vm::heap::Heap;
use gluon_vm::process::Pid;
use gluon_vm::term::Term;
use gluon_vm::vm::{ExitKind, RunStatus, Vm};

/// Reductions per call of [`Vm::run`] between two looks at the queue.
pub const DEFAULT_SLICE: usize = 20_000;

/// Why the runner stopped for good.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Ended {
    /// `erlang:halt/0,1` with this status.
    Halted(i32),
    /// The entry process ended (only with [`Runner::end_with_entry`]).
    EntryExited(ExitKind),
    /// [`EventQueue::request_stop`] was called.
    Stopped,
}

/// What a bounded step left behind.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Progress {
    /// The reduction budget ran out with work left: call again soon.
    Busy,
    /// Nothing can run until the monotonic time `until` (ns), or until an
    /// event arrives if `None`.
    Idle {
        /// The next timer deadline.
        until: Option<u64>,
    },
    /// The VM is done.
    Ended(Ended),
}

/// A VM and the queue that feeds it, as one RTOS task runs them.
pub struct Runner<'q, const N: usize, const B: usize> {
    /// The VM (load modules, spawn, register natives through it).
    pub vm: Vm,
    queue: &'q EventQueue<N, B>,
    slice: usize,
    entry: Option<Pid>,
}

impl<'q, const N: usize, const B: usize> Runner<'q, N, B> {
    /// A runner over `vm`, taking events from `queue`.
    pub fn new(vm: Vm, queue: &'q EventQueue<N, B>) -> Self {
        Runner {
            vm,
            queue,
            slice: DEFAULT_SLICE,
            entry: None,
        }
    }

    /// The queue this runner drains.
    pub fn queue(&self) -> &'q EventQueue<N, B> {
        self.queue
    }

    /// Sets the reductions run between two looks at the queue (the
    /// latency of an event while processes are busy).
    pub fn set_slice(&mut self, reductions: usize) {
        self.slice = reductions.max(1);
    }

    /// Makes the runner end ([`Ended::EntryExited`]) when process `pid`
    /// ends, as the `gluon` command does with its entry function. Without
    /// it the VM lives on with whatever processes remain, as firmware
    /// usually wants.
    pub fn end_with_entry(&mut self, pid: Pid) {
        self.entry = Some(pid);
        self.vm.watch(pid);
    }

    /// Hands every event now queued (at most `N`, so a flood cannot keep
    /// the VM from running) to its receiver; returns how many were taken.
    pub fn deliver_events(&mut self) -> usize {
        let mut taken = 0;
        while taken < N {
            let Some(ev) = self.queue.pop() else { break };
            taken += 1;
            let delivered = match self.deliver(&ev) {
                Ok(()) => true,
                Err(why) => {
                    let to = core::str::from_utf8(ev.to()).unwrap_or("?");
                    let msg = format!("gluon: event for '{to}' not delivered: {why}\n");
                    self.vm.os.report_write(msg.as_bytes());
                    false
                }
            };
            self.queue.count_delivery(delivered);
        }
        taken
    }

    /// Builds the event's message as terms and sends it.
    fn deliver(&mut self, ev: &Event<B>) -> Result<(), &'static str> {
        let name = core::str::from_utf8(ev.to()).map_err(|_| "name is not UTF-8")?;
        // An atom that does not exist names no process; not interning it
        // keeps a stream of bad names from filling the atom table.
        let to = self
            .vm
            .atoms
            .lookup(name)
            .ok_or("no such registered name")?;
        let etf = ev.etf();
        let words = gluon_vm::etf::decoded_words(etf).map_err(|_| "malformed term")?;
        let mut scratch = Heap::new(words.max(1)).map_err(|_| "out of memory")?;
        let (msg, used) = gluon_vm::etf::decode(etf, &mut scratch, &mut self.vm.atoms)
            .map_err(|_| "malformed term")?;
        if used != etf.len() {
            return Err("bytes after the term");
        }
        match self.vm.send_external(Term::atom(to), msg) {
            Ok(true) => Ok(()),
            Ok(false) => Err("no such registered name"),
            Err(_) => Err("out of memory"),
        }
    }

    fn ended(&self) -> Option<Ended> {
        if self.entry.is_some() {
            if let Some(k) = self.vm.watched_exit() {
                return Some(Ended::EntryExited(k));
            }
        }
        None
    }

    /// Delivers events and runs processes for at most about
    /// `max_reductions` reductions, until nothing can run.
    pub fn run_until_idle(&mut self, max_reductions: usize) -> Progress {
        let mut left = max_reductions;
        loop {
            if self.queue.take_stop() {
                return Progress::Ended(Ended::Stopped);
            }
            self.deliver_events();
            let budget = self.slice.min(left).max(1);
            let status = self.vm.run(budget);
            left = left.saturating_sub(budget);
            if let Some(e) = self.ended() {
                return Progress::Ended(e);
            }
            match status {
                RunStatus::Halted(n) => return Progress::Ended(Ended::Halted(n)),
                RunStatus::Busy if left == 0 => return Progress::Busy,
                RunStatus::Busy => {}
                // Events that came in while running: handle them first.
                RunStatus::Idle { .. } if !self.queue.is_empty() && left > 0 => {}
                RunStatus::Idle { until } => return Progress::Idle { until },
            }
        }
    }

    /// The task body: runs the VM, sleeping in the platform's
    /// [`wait_event`](gluon_vm::os::Os::wait_event) whenever every process
    /// waits, until the VM ends.
    pub fn run(&mut self) -> Ended {
        loop {
            match self.run_until_idle(self.slice) {
                Progress::Busy => {}
                Progress::Ended(e) => return e,
                Progress::Idle { until } => {
                    // The waker's wake-up is remembered, so an event posted
                    // after this check still ends the wait at once.
                    if self.queue.is_empty() {
                        self.vm.os.wait_event(until);
                    }
                }
            }
        }
    }
}
