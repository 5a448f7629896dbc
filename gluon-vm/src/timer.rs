//! One ordered timer structure for the whole VM: receive timeouts,
//! `erlang:send_after/3`, `erlang:start_timer/3`. Timers are kept sorted
//! by deadline (monotonic nanoseconds) and id, latest first, so the next
//! deadline is the last element and firing is a pop: no polling. A
//! vector is smaller than a tree, in RAM and in flash; adding or
//! cancelling moves the timers behind, a few dozen bytes each.

use crate::process::Pid;
use crate::term::Term;
use alloc::vec::Vec;

/// What happens when a timer fires.
pub enum TimerEvent {
    /// A `receive ... after` timeout of a process.
    Receive(Pid),
    /// Send `msg` (stored in `block`) to `to` (a pid or registered name).
    Send {
        /// Destination: a pid or an atom.
        to: Term,
        /// The message.
        msg: Term,
        /// Storage of the message.
        block: crate::heap::Block,
    },
}

/// The timers, ordered by deadline.
#[derive(Default)]
pub struct Timers {
    /// `(deadline, id, event)`, sorted by `(deadline, id)` descending.
    queue: Vec<(u64, u64, TimerEvent)>,
}

impl Timers {
    /// Adds a timer firing at `deadline` (monotonic ns), identified by `id`.
    pub fn add(&mut self, deadline: u64, id: u64, ev: TimerEvent) {
        let at = self
            .queue
            .partition_point(|&(d, i, _)| (d, i) > (deadline, id));
        self.queue.insert(at, (deadline, id, ev));
    }

    /// Cancels timer `id`; returns its deadline if it was pending.
    pub fn cancel(&mut self, id: u64) -> Option<u64> {
        let at = self.queue.iter().rposition(|&(_, i, _)| i == id)?;
        Some(self.queue.remove(at).0)
    }

    /// The deadline of a pending timer.
    pub fn deadline(&self, id: u64) -> Option<u64> {
        self.queue
            .iter()
            .rev()
            .find(|&&(_, i, _)| i == id)
            .map(|&(d, _, _)| d)
    }

    /// The earliest deadline.
    pub fn next_deadline(&self) -> Option<u64> {
        self.queue.last().map(|&(d, _, _)| d)
    }

    /// Removes and returns the earliest timer if it is due at `now`.
    pub fn pop_due(&mut self, now: u64) -> Option<(u64, TimerEvent)> {
        if self.queue.last()?.0 > now {
            return None;
        }
        self.queue.pop().map(|(_, id, ev)| (id, ev))
    }

    /// Number of pending timers.
    pub fn len(&self) -> usize {
        self.queue.len()
    }

    /// Whether no timer is pending.
    pub fn is_empty(&self) -> bool {
        self.queue.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fires_in_deadline_order_and_cancels() {
        let mut t = Timers::default();
        t.add(30, 1, TimerEvent::Receive(1));
        t.add(10, 2, TimerEvent::Receive(2));
        t.add(20, 3, TimerEvent::Receive(3));
        assert_eq!(t.cancel(3), Some(20));
        assert_eq!(t.cancel(3), None);
        assert_eq!(t.next_deadline(), Some(10));
        assert!(t.pop_due(5).is_none());
        assert_eq!(t.pop_due(100).map(|e| e.0), Some(2));
        assert_eq!(t.pop_due(100).map(|e| e.0), Some(1));
        assert!(t.is_empty());
    }

    #[test]
    fn equal_deadlines_fire_in_id_order() {
        let mut t = Timers::default();
        for id in [5, 3, 9, 1] {
            t.add(50, id, TimerEvent::Receive(id as Pid));
        }
        t.add(40, 7, TimerEvent::Receive(7));
        assert_eq!(t.deadline(9), Some(50));
        assert_eq!(t.len(), 5);
        let order: Vec<u64> = core::iter::from_fn(|| t.pop_due(50).map(|e| e.0)).collect();
        assert_eq!(order, [7, 1, 3, 5, 9]);
        assert_eq!(t.next_deadline(), None);
    }
}
