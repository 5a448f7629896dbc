//! A process's message queue with the BEAM's selective-receive cursor.
//!
//! Each message lives in its own block (a copy made by the sender) until
//! the receiver takes it with `remove_message`; the block then joins the
//! receiver's heap as a fragment, so receiving copies nothing. Messages
//! still queued are outside the heap, like literals: the collector leaves
//! them alone, and they are freed with the process.
//!
//! Every message gets a sequence number on arrival. A receive marker (the
//! OTP 24+ `recv_marker_*` instructions) records the number of the next
//! message, so a receive that matches a fresh reference starts its scan
//! there instead of at the oldest message.

use crate::term::Term;
use alloc::collections::VecDeque;

/// One queued message.
pub struct Message {
    /// The message term, pointing into `block` (or an immediate).
    pub term: Term,
    /// Storage of the term.
    pub block: crate::heap::Block,
    /// Arrival number.
    pub seq: u64,
}

/// The queue and its receive cursor.
#[derive(Default)]
pub struct Mailbox {
    queue: VecDeque<Message>,
    /// Index of the next message `loop_rec` looks at.
    save: usize,
    /// Sequence number the next arriving message gets.
    next_seq: u64,
    /// Receive markers: reference id and the sequence number bound to it.
    markers: crate::lazyvec::LazyVec<(u64, u64)>,
    /// Sequence number saved by `recv_marker_reserve`.
    reserved: u64,
}

impl Mailbox {
    /// Appends a message.
    pub fn push(&mut self, term: Term, block: crate::heap::Block) {
        let seq = self.next_seq;
        self.next_seq += 1;
        self.queue.push_back(Message { term, block, seq });
    }

    /// Number of queued messages.
    pub fn len(&self) -> usize {
        self.queue.len()
    }

    /// Whether no message is queued.
    pub fn is_empty(&self) -> bool {
        self.queue.is_empty()
    }

    /// The message under the cursor (`loop_rec`).
    pub fn current(&self) -> Option<Term> {
        self.queue.get(self.save).map(|m| m.term)
    }

    /// Moves the cursor to the next message (`loop_rec_end`).
    pub fn advance(&mut self) {
        if self.save < self.queue.len() {
            self.save += 1;
        }
    }

    /// Takes the message under the cursor and rewinds the cursor
    /// (`remove_message`).
    pub fn take_current(&mut self) -> Option<Message> {
        let m = self.queue.remove(self.save);
        self.save = 0;
        m
    }

    /// Rewinds the cursor to the oldest message (`timeout`).
    pub fn rewind(&mut self) {
        self.save = 0;
    }

    /// All queued messages, oldest first.
    pub fn iter(&self) -> impl Iterator<Item = Term> + '_ {
        self.queue.iter().map(|m| m.term)
    }

    /// Removes and returns the messages for which `keep` is false (used by
    /// `demonitor(Ref, [flush])`).
    pub fn remove_where(&mut self, mut drop: impl FnMut(Term) -> bool) {
        let mut i = 0;
        while i < self.queue.len() {
            if drop(self.queue[i].term) {
                self.queue.remove(i);
                if i < self.save {
                    self.save -= 1;
                }
            } else {
                i += 1;
            }
        }
    }

    /// `recv_marker_reserve`: remembers where new messages start.
    pub fn reserve_marker(&mut self) {
        self.reserved = self.next_seq;
    }

    /// `recv_marker_bind`: ties the reserved position to a reference.
    pub fn bind_marker(&mut self, reference: u64) {
        // Keep the list short: a marker is cleared when its receive ends,
        // but a process may leave a few behind.
        if self.markers.len() >= 8 {
            self.markers.remove(0);
        }
        self.markers.push((reference, self.reserved));
    }

    /// `recv_marker_use`: starts the scan at the first message that arrived
    /// after the marker was reserved.
    pub fn use_marker(&mut self, reference: u64) {
        if let Some(&(_, seq)) = self.markers.iter().find(|m| m.0 == reference) {
            let start = self.queue.partition_point(|m| m.seq < seq);
            if start > self.save {
                self.save = start;
            }
        }
    }

    /// `recv_marker_clear`.
    pub fn clear_marker(&mut self, reference: u64) {
        self.markers.retain(|m| m.0 != reference);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn push(mb: &mut Mailbox, n: isize) {
        mb.push(Term::small(n), crate::heap::Block::empty());
    }

    #[test]
    fn selective_receive_cursor() {
        let mut mb = Mailbox::default();
        for n in 0..4 {
            push(&mut mb, n);
        }
        assert_eq!(mb.current(), Some(Term::small(0)));
        mb.advance();
        mb.advance();
        let m = mb.take_current().unwrap();
        assert_eq!(m.term, Term::small(2));
        assert_eq!(mb.current(), Some(Term::small(0)));
        assert_eq!(mb.iter().count(), 3);
    }

    #[test]
    fn markers_skip_older_messages() {
        let mut mb = Mailbox::default();
        push(&mut mb, 0);
        push(&mut mb, 1);
        mb.reserve_marker();
        mb.bind_marker(42);
        push(&mut mb, 2);
        mb.use_marker(42);
        assert_eq!(mb.current(), Some(Term::small(2)));
        mb.clear_marker(42);
        mb.rewind();
        assert_eq!(mb.current(), Some(Term::small(0)));
    }
}
