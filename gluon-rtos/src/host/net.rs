//! The socket hooks over `std::net`, non-blocking.
//!
//! Sockets are in non-blocking mode, so no call waits. Two things std
//! cannot do without blocking are moved aside: a connect runs on a helper
//! thread (std has no non-blocking connect) that wakes the VM's task when
//! it ends, and data a full send buffer refuses is kept and flushed by
//! later calls, so `send` always takes everything. Readiness is asked of
//! the sockets themselves (a non-blocking `peek`, an `accept` whose result
//! is kept for the next `tcp_accept`), so the only waiting is
//! [`super::HostOs`]'s, in short slices while sockets are open.

use super::errno::posix;
use super::HostSignal;
use gluon_vm::os::{Handle, PosixError, Readiness, Sockets};
use std::collections::{BTreeMap, VecDeque};
use std::io::{ErrorKind, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream, UdpSocket};
use std::sync::{Arc, Mutex};
use std::vec::Vec;

type Pending = Arc<Mutex<Option<std::io::Result<TcpStream>>>>;

enum Sock {
    Connecting(Pending),
    Stream {
        s: TcpStream,
        out: Vec<u8>,
    },
    Failed(PosixError),
    Listener {
        l: TcpListener,
        ready: VecDeque<TcpStream>,
    },
    Udp(UdpSocket),
}

/// Open sockets by handle.
pub struct HostNet {
    socks: BTreeMap<Handle, Sock>,
    next: Handle,
    signal: Arc<HostSignal>,
}

fn io<T>(r: std::io::Result<T>) -> Result<T, PosixError> {
    r.map_err(|e| posix(&e))
}

fn stream(s: TcpStream) -> Result<Sock, PosixError> {
    io(s.set_nonblocking(true))?;
    let _ = s.set_nodelay(true);
    Ok(Sock::Stream { s, out: Vec::new() })
}

/// Sends what `out` holds until the socket would block.
fn flush(s: &mut TcpStream, out: &mut Vec<u8>) -> Result<(), PosixError> {
    while !out.is_empty() {
        match s.write(out) {
            Ok(0) => return Err(PosixError::Epipe),
            Ok(k) => {
                out.drain(..k);
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock => break,
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(posix(&e)),
        }
    }
    Ok(())
}

impl HostNet {
    /// Sockets whose connect threads wake `signal`.
    pub fn new(signal: Arc<HostSignal>) -> HostNet {
        HostNet {
            socks: BTreeMap::new(),
            next: 0,
            signal,
        }
    }

    /// Whether any socket is open (the VM's task then waits in slices).
    pub fn is_empty(&self) -> bool {
        self.socks.is_empty()
    }

    fn add(&mut self, s: Sock) -> Handle {
        self.next = self.next.wrapping_add(1);
        self.socks.insert(self.next, s);
        self.next
    }

    fn get(&mut self, h: Handle) -> Result<&mut Sock, PosixError> {
        self.socks.get_mut(&h).ok_or(PosixError::Ebadf)
    }

    /// Turns a finished connect into a stream (or a failure).
    fn settle(&mut self, h: Handle) -> Result<(), PosixError> {
        let sock = self.get(h)?;
        let Sock::Connecting(p) = sock else {
            return Ok(());
        };
        let done = p.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(r) = done {
            *sock = match r.map_err(|e| posix(&e)).and_then(stream) {
                Ok(s) => s,
                Err(e) => Sock::Failed(e),
            };
        }
        Ok(())
    }
}

impl Sockets for HostNet {
    fn tcp_connect(&mut self, to: SocketAddr) -> Result<Handle, PosixError> {
        let slot: Pending = Arc::default();
        let (s2, signal) = (slot.clone(), self.signal.clone());
        std::thread::Builder::new()
            .name("gluon-connect".into())
            .spawn(move || {
                let r = TcpStream::connect(to);
                *s2.lock().unwrap_or_else(|e| e.into_inner()) = Some(r);
                use crate::queue::Wake;
                signal.wake();
            })
            .map_err(|_| PosixError::Enomem)?;
        Ok(self.add(Sock::Connecting(slot)))
    }

    fn tcp_listen(&mut self, at: SocketAddr, _backlog: u32) -> Result<Handle, PosixError> {
        // std sets SO_REUSEADDR on listeners on Unix, as `{reuseaddr,
        // true}` asks.
        let l = io(TcpListener::bind(at))?;
        io(l.set_nonblocking(true))?;
        Ok(self.add(Sock::Listener {
            l,
            ready: VecDeque::new(),
        }))
    }

    fn tcp_accept(&mut self, h: Handle) -> Result<Handle, PosixError> {
        let Sock::Listener { l, ready } = self.get(h)? else {
            return Err(PosixError::Einval);
        };
        let s = match ready.pop_front() {
            Some(s) => s,
            None => io(l.accept())?.0,
        };
        let s = stream(s)?;
        Ok(self.add(s))
    }

    fn udp_open(&mut self, at: SocketAddr) -> Result<Handle, PosixError> {
        let u = io(UdpSocket::bind(at))?;
        io(u.set_nonblocking(true))?;
        Ok(self.add(Sock::Udp(u)))
    }

    fn send(
        &mut self,
        h: Handle,
        data: &[u8],
        to: Option<SocketAddr>,
    ) -> Result<usize, PosixError> {
        self.settle(h)?;
        match self.get(h)? {
            Sock::Stream { s, out } => {
                out.extend_from_slice(data);
                flush(s, out)?;
                Ok(data.len())
            }
            Sock::Udp(u) => match to {
                Some(to) => io(u.send_to(data, to)),
                None => Err(PosixError::Enotconn),
            },
            Sock::Connecting(_) => Err(PosixError::Eagain),
            Sock::Failed(e) => Err(*e),
            Sock::Listener { .. } => Err(PosixError::Enotconn),
        }
    }

    fn recv(
        &mut self,
        h: Handle,
        buf: &mut [u8],
    ) -> Result<(usize, Option<SocketAddr>), PosixError> {
        self.settle(h)?;
        match self.get(h)? {
            Sock::Stream { s, out } => {
                flush(s, out)?;
                match s.read(buf) {
                    Ok(k) => Ok((k, None)),
                    Err(e) if e.kind() == ErrorKind::Interrupted => Err(PosixError::Eagain),
                    Err(e) => Err(posix(&e)),
                }
            }
            Sock::Udp(u) => io(u.recv_from(buf)).map(|(k, a)| (k, Some(a))),
            Sock::Connecting(_) => Err(PosixError::Eagain),
            Sock::Failed(e) => Err(*e),
            Sock::Listener { .. } => Err(PosixError::Enotconn),
        }
    }

    fn close(&mut self, h: Handle) -> Result<(), PosixError> {
        match self.socks.remove(&h) {
            Some(Sock::Stream { s, mut out }) if !out.is_empty() => {
                // Hand what is still queued to the kernel before closing,
                // waiting a little at most.
                let _ = s.set_nonblocking(false);
                let _ = s.set_write_timeout(Some(std::time::Duration::from_secs(1)));
                let mut s = s;
                let _ = s.write_all(&out);
                out.clear();
                Ok(())
            }
            Some(_) => Ok(()),
            None => Err(PosixError::Ebadf),
        }
    }

    fn poll(&mut self, h: Handle) -> Result<Readiness, PosixError> {
        self.settle(h)?;
        let mut r = Readiness::default();
        match self.get(h)? {
            Sock::Connecting(_) => {}
            Sock::Failed(e) => r.error = Some(*e),
            Sock::Stream { s, out } => {
                if let Err(e) = flush(s, out) {
                    r.error = Some(e);
                }
                r.writable = out.is_empty();
                let mut b = [0u8; 1];
                match s.peek(&mut b) {
                    Ok(_) => r.readable = true,
                    Err(e) if e.kind() == ErrorKind::WouldBlock => {}
                    Err(e) => {
                        r.readable = true;
                        r.error = Some(posix(&e));
                    }
                }
            }
            Sock::Listener { l, ready } => {
                if ready.is_empty() {
                    if let Ok((s, _)) = l.accept() {
                        ready.push_back(s);
                    }
                }
                r.readable = !ready.is_empty();
            }
            Sock::Udp(u) => {
                let mut b = [0u8; 1];
                r.writable = true;
                match u.peek_from(&mut b) {
                    Ok(_) => r.readable = true,
                    // A datagram larger than the buffer is still there.
                    Err(e) if e.kind() != ErrorKind::WouldBlock => r.readable = true,
                    Err(_) => {}
                }
            }
        }
        Ok(r)
    }

    fn local_addr(&mut self, h: Handle) -> Result<SocketAddr, PosixError> {
        self.settle(h)?;
        match self.get(h)? {
            Sock::Stream { s, .. } => io(s.local_addr()),
            Sock::Listener { l, .. } => io(l.local_addr()),
            Sock::Udp(u) => io(u.local_addr()),
            Sock::Connecting(_) => Err(PosixError::Enotconn),
            Sock::Failed(e) => Err(*e),
        }
    }

    fn peer_addr(&mut self, h: Handle) -> Result<SocketAddr, PosixError> {
        self.settle(h)?;
        match self.get(h)? {
            Sock::Stream { s, .. } => io(s.peer_addr()),
            Sock::Failed(e) => Err(*e),
            _ => Err(PosixError::Enotconn),
        }
    }

    fn shutdown_write(&mut self, h: Handle) -> Result<(), PosixError> {
        self.settle(h)?;
        match self.get(h)? {
            Sock::Stream { s, out } => {
                let _ = s.set_nonblocking(false);
                let r = s.write_all(out);
                out.clear();
                let _ = s.set_nonblocking(true);
                io(r)?;
                io(s.shutdown(Shutdown::Write))
            }
            _ => Err(PosixError::Enotconn),
        }
    }
}
