//! Sockets as Erlang ports: the VM's side of `gen_tcp` and `gen_udp`.
//!
//! Each open socket is a port term (`#Port<0.N>`, so `is_port(S)` holds)
//! whose state lives in the [`PortTable`]: the platform's handle, the
//! controlling process, the `active` mode, how data is delivered (binary
//! or list, `{packet, N}` framing) and what has been received but not yet
//! handed over. The platform's [`crate::os::Sockets`] never blocks; a
//! process that must wait (in `recv`, `accept`, `connect`) asks to be told
//! when the socket is ready ([`Socket::waiters`]) and sleeps in an ordinary
//! `receive`. [`poll`] (called by [`crate::vm::Vm::run`]) asks the platform
//! about every socket someone waits on, wakes those waiters and delivers
//! active-mode messages.

mod packet;
mod poll;
pub mod terms;

pub use packet::{frame, take_packet};
pub use poll::{fill, poll};

use crate::os::{Handle, PosixError};
use crate::process::Pid;
use crate::vecmap::VecMap;
use alloc::vec::Vec;

/// What a socket is.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Kind {
    /// A TCP connection (possibly still connecting).
    Tcp,
    /// A listening TCP socket.
    Listen,
    /// A UDP socket.
    Udp,
}

/// The `{active, _}` option.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Active {
    /// Passive: data is taken with `recv`.
    False,
    /// Every arrival becomes a message to the controlling process.
    True,
    /// One message, then passive.
    Once,
    /// This many messages, then passive with a `{tcp_passive, S}` message.
    Count(u32),
}

/// What a waiting process waits for.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Want {
    /// Data, a connection to accept, or the peer's close.
    Read,
    /// Room to send, or the end of a connect.
    Write,
}

/// One open socket.
#[derive(Debug)]
pub struct Socket {
    /// The platform's handle.
    pub handle: Handle,
    /// TCP connection, listener or UDP.
    pub kind: Kind,
    /// The controlling process: receives active-mode messages; the socket
    /// closes when it ends.
    pub owner: Pid,
    /// The `active` option.
    pub active: Active,
    /// `binary` (true) or `list` delivery.
    pub binary: bool,
    /// `{packet, N}`: 0 (raw), 1, 2 or 4 bytes of big-endian length.
    pub packet: u8,
    /// Processes sleeping until the socket is ready, and for what (an
    /// acceptor pool has several on one listener).
    pub waiters: Vec<(Pid, Want)>,
    /// Received bytes not yet delivered (TCP).
    pub inbuf: Vec<u8>,
    /// The peer closed the connection (TCP) or it failed.
    pub eof: bool,
    /// `{tcp_closed, S}` has been sent.
    pub closed_sent: bool,
    /// Why the connection failed, for the next `recv`.
    pub error: Option<PosixError>,
}

impl Socket {
    /// A socket owned by `owner` with OTP's default options (active,
    /// list, raw packets).
    pub fn new(handle: Handle, kind: Kind, owner: Pid) -> Socket {
        Socket {
            handle,
            kind,
            owner,
            active: Active::True,
            binary: false,
            packet: 0,
            waiters: Vec::new(),
            inbuf: Vec::new(),
            eof: false,
            closed_sent: false,
            error: None,
        }
    }

    /// Whether [`poll`] must look at this socket.
    pub fn polled(&self) -> bool {
        !self.waiters.is_empty()
            || (self.active != Active::False && self.kind != Kind::Listen && !self.closed_sent)
    }
}

/// The open sockets, by port number.
#[derive(Default, Debug)]
pub struct PortTable {
    socks: VecMap<usize, Socket>,
    next: usize,
}

impl PortTable {
    /// Adds a socket and returns its port number.
    pub fn insert(&mut self, s: Socket) -> usize {
        self.next += 1;
        // Port numbers are immediates: wrap well inside a small integer.
        if self.next >= 1 << 24 {
            self.next = 1;
        }
        while self.socks.contains_key(&self.next) {
            self.next += 1;
        }
        self.socks.insert(self.next, s);
        self.next
    }

    /// The socket of port `n`.
    pub fn get(&self, n: usize) -> Option<&Socket> {
        self.socks.get(&n)
    }

    /// The socket of port `n`, mutably.
    pub fn get_mut(&mut self, n: usize) -> Option<&mut Socket> {
        self.socks.get_mut(&n)
    }

    /// Forgets port `n`, returning its socket.
    pub fn remove(&mut self, n: usize) -> Option<Socket> {
        self.socks.remove(&n)
    }

    /// Whether no socket is open.
    pub fn is_empty(&self) -> bool {
        self.socks.is_empty()
    }

    /// Whether some process waits on a socket or some socket delivers
    /// active-mode messages: the VM is then not dead when every process
    /// waits, and its task should wait for the platform's events.
    pub fn waiting(&self) -> bool {
        self.socks.values().any(Socket::polled)
    }

    /// The port numbers, in order.
    pub fn ports(&self) -> Vec<usize> {
        self.socks.keys().copied().collect()
    }
}
