//! The scheduler's processes by pid. A process taken out to run leaves
//! its slot behind, empty, so taking it and putting it back (every time
//! slice) moves nothing; the slot goes when the process ends.

use crate::process::{Pid, Process};
use crate::vecmap::VecMap;
use alloc::boxed::Box;

/// Processes by pid (a sorted vector: pids only grow, so a new process
/// is appended).
#[derive(Default)]
pub struct ProcTable {
    slots: VecMap<Pid, Option<Box<Process>>>,
    /// Slots holding a process.
    live: usize,
}

impl ProcTable {
    /// Puts `p` in the table under `pid`.
    /// Makes room for one more process, failing instead of aborting when
    /// memory is exhausted (so a spawn can fail cleanly before it starts).
    pub fn reserve_one(&mut self) -> Result<(), crate::heap::OutOfMemory> {
        self.slots.try_reserve(1)
    }

    pub fn insert(&mut self, pid: Pid, p: Box<Process>) {
        match self.slots.get_mut(&pid) {
            Some(slot) => {
                if slot.replace(p).is_none() {
                    self.live += 1;
                }
            }
            None => {
                self.slots.insert(pid, Some(p));
                self.live += 1;
            }
        }
    }

    /// Takes process `pid` out to run, keeping its slot for its return.
    pub fn take(&mut self, pid: Pid) -> Option<Box<Process>> {
        let p = self.slots.get_mut(&pid)?.take()?;
        self.live -= 1;
        Some(p)
    }

    /// Removes `pid` and its slot, returning the process if it was in.
    pub fn remove(&mut self, pid: &Pid) -> Option<Box<Process>> {
        let p = self.slots.remove(pid).flatten()?;
        self.live -= 1;
        Some(p)
    }

    /// Process `pid`, if in the table.
    pub fn get(&self, pid: &Pid) -> Option<&Process> {
        self.slots.get(pid)?.as_deref()
    }

    /// Process `pid`, mutably, if in the table.
    pub fn get_mut(&mut self, pid: &Pid) -> Option<&mut Process> {
        self.slots.get_mut(pid)?.as_deref_mut()
    }

    /// Whether process `pid` is in the table.
    pub fn contains_key(&self, pid: &Pid) -> bool {
        self.get(pid).is_some()
    }

    /// Pids of the processes in the table, in order.
    pub fn keys(&self) -> impl Iterator<Item = &Pid> {
        self.slots
            .iter()
            .filter(|(_, p)| p.is_some())
            .map(|(k, _)| k)
    }

    /// Number of processes in the table.
    pub fn len(&self) -> usize {
        self.live
    }

    /// Whether no process is in the table.
    pub fn is_empty(&self) -> bool {
        self.live == 0
    }
}
