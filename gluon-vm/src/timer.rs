//! One ordered timer structure for the whole VM: receive timeouts,
//! `erlang:send_after/3`, `erlang:start_timer/3`. Timers are keyed by
//! deadline (monotonic nanoseconds) and id, so the next deadline is the
//! first key and firing is a pop from the front: no polling, no scans.

use crate::process::Pid;
use crate::term::Term;
use alloc::collections::BTreeMap;

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
    by_deadline: BTreeMap<(u64, u64), TimerEvent>,
    by_id: BTreeMap<u64, u64>,
}

impl Timers {
    /// Adds a timer firing at `deadline` (monotonic ns), identified by `id`.
    pub fn add(&mut self, deadline: u64, id: u64, ev: TimerEvent) {
        self.by_deadline.insert((deadline, id), ev);
        self.by_id.insert(id, deadline);
    }

    /// Cancels timer `id`; returns its deadline if it was pending.
    pub fn cancel(&mut self, id: u64) -> Option<u64> {
        let deadline = self.by_id.remove(&id)?;
        self.by_deadline.remove(&(deadline, id));
        Some(deadline)
    }

    /// The deadline of a pending timer.
    pub fn deadline(&self, id: u64) -> Option<u64> {
        self.by_id.get(&id).copied()
    }

    /// The earliest deadline.
    pub fn next_deadline(&self) -> Option<u64> {
        self.by_deadline.keys().next().map(|&(d, _)| d)
    }

    /// Removes and returns the earliest timer if it is due at `now`.
    pub fn pop_due(&mut self, now: u64) -> Option<(u64, TimerEvent)> {
        let (&(deadline, id), _) = self.by_deadline.iter().next()?;
        if deadline > now {
            return None;
        }
        self.by_id.remove(&id);
        self.by_deadline.remove(&(deadline, id)).map(|ev| (id, ev))
    }

    /// Number of pending timers.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// Whether no timer is pending.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
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
}
