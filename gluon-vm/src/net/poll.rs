//! Readiness: wakes processes waiting on sockets and delivers active-mode
//! messages. Level-triggered: a socket that is ready when a process starts
//! to wait is reported at the next poll, so no wake-up is lost between a
//! `recv` that found nothing and the wait that follows it.

use super::terms::{data_term, data_words, ip_term};
use super::{take_packet, Active, Kind, Socket, Want};
use crate::heap::{Heap, OutOfMemory};
use crate::os::{PosixError, Readiness, Sockets};
use crate::process::Pid;
use crate::scheduler::Scheduler;
use crate::term::{AtomTable, Term};
use crate::vm::Vm;
use alloc::vec;
use alloc::vec::Vec;

/// Bytes taken from one socket in one poll, so that a fast sender cannot
/// keep the VM from running its processes.
const MAX_READ_PER_POLL: usize = 64 << 10;

/// Polls every open socket: closes those whose controlling process has
/// ended, wakes processes waiting on ready ones, and sends active-mode
/// messages (`{tcp, S, Data}`, `{tcp_closed, S}`, `{udp, S, IP, Port,
/// Data}`...) to controlling processes.
pub fn poll(vm: &mut Vm) {
    for n in vm.sched.ports.ports() {
        poll_one(vm, n);
    }
}

fn alive(sched: &Scheduler, pid: Pid) -> bool {
    sched.get(pid).is_some() || sched.running == Some(pid)
}

fn poll_one(vm: &mut Vm, n: usize) {
    let Some(s) = vm.sched.ports.get(n) else {
        return;
    };
    if !alive(&vm.sched, s.owner) {
        // As on the BEAM: a socket dies with its controlling process.
        if let Some(s) = vm.sched.ports.remove(n) {
            if let Some(net) = vm.os.sockets() {
                let _ = net.close(s.handle);
            }
            // A process sleeping on it wakes to find it closed.
            for (pid, _) in s.waiters {
                send_tagged(vm, pid, "$gluon_ready", n);
            }
        }
        return;
    }
    if !s.polled() {
        return;
    }
    let h = s.handle;
    let Some(net) = vm.os.sockets() else {
        return;
    };
    let r = net.poll(h).unwrap_or_else(|e| Readiness {
        error: Some(e),
        ..Readiness::default()
    });
    let mut woken = Vec::new();
    if let Some(s) = vm.sched.ports.get_mut(n) {
        let readable = r.readable || !s.inbuf.is_empty() || s.eof;
        // Every waiter whose wish is met wakes; those that lose the race
        // (two acceptors, one connection) find `wait` and sleep again.
        s.waiters.retain(|&(pid, want)| {
            let ready = r.error.is_some()
                || match want {
                    Want::Read => readable,
                    Want::Write => r.writable,
                };
            if ready {
                woken.push(pid);
            }
            !ready
        });
    }
    for pid in woken {
        send_tagged(vm, pid, "$gluon_ready", n);
    }
    let Some(s) = vm.sched.ports.get(n) else {
        return;
    };
    if s.active == Active::False || s.closed_sent {
        return;
    }
    match s.kind {
        Kind::Tcp => deliver_tcp(vm, n, r),
        Kind::Udp if r.readable => deliver_udp(vm, n),
        _ => {}
    }
}

/// Reads what has arrived into the socket's buffer; returns an error the
/// connection ended with. Marks the end of the stream.
pub fn fill(s: &mut Socket, net: &mut dyn Sockets) -> Option<PosixError> {
    let mut buf = vec![0u8; 4096];
    let mut taken = 0;
    while !s.eof && taken < MAX_READ_PER_POLL {
        match net.recv(s.handle, &mut buf) {
            Ok((0, _)) => s.eof = true,
            Ok((k, _)) => {
                s.inbuf.extend_from_slice(&buf[..k]);
                taken += k;
            }
            Err(PosixError::Eagain) => break,
            Err(e) => {
                s.eof = true;
                return Some(e);
            }
        }
    }
    None
}

/// One step down from an active mode after a message was delivered;
/// returns whether `{tcp_passive, S}` is due.
fn spend(active: &mut Active) -> bool {
    match *active {
        Active::Once => {
            *active = Active::False;
            false
        }
        Active::Count(k) if k <= 1 => {
            *active = Active::False;
            true
        }
        Active::Count(k) => {
            *active = Active::Count(k - 1);
            false
        }
        _ => false,
    }
}

fn deliver_tcp(vm: &mut Vm, n: usize, r: Readiness) {
    let err = if r.readable || r.error.is_some() {
        match (vm.sched.ports.get_mut(n), vm.os.sockets()) {
            (Some(s), Some(net)) => fill(s, net).or(r.error),
            _ => r.error,
        }
    } else {
        None
    };
    loop {
        let Some(s) = vm.sched.ports.get_mut(n) else {
            return;
        };
        if s.active == Active::False {
            return;
        }
        let Some(data) = take_packet(&mut s.inbuf, s.packet, 0) else {
            break;
        };
        let (owner, binary) = (s.owner, s.binary);
        let passive = spend(&mut s.active);
        send(vm, owner, 4 + data_words(data.len(), binary), |h, a| {
            let tag = Term::atom(a.intern("tcp").map_err(|_| OutOfMemory)?);
            let d = data_term(h, &data, binary)?;
            h.tuple(&[tag, Term::port(n), d])
        });
        if passive {
            send_tagged(vm, owner, "tcp_passive", n);
        }
    }
    let Some(s) = vm.sched.ports.get_mut(n) else {
        return;
    };
    if s.eof && !s.closed_sent {
        s.closed_sent = true;
        let owner = s.owner;
        if let Some(e) = err {
            send(vm, owner, 4, |h, a| {
                let tag = Term::atom(a.intern("tcp_error").map_err(|_| OutOfMemory)?);
                let why = Term::atom(a.intern(e.name()).map_err(|_| OutOfMemory)?);
                h.tuple(&[tag, Term::port(n), why])
            });
        }
        send_tagged(vm, owner, "tcp_closed", n);
    }
}

fn deliver_udp(vm: &mut Vm, n: usize) {
    let mut buf = vec![0u8; 65536];
    loop {
        let Some(s) = vm.sched.ports.get(n) else {
            return;
        };
        if s.active == Active::False {
            return;
        }
        let (h, owner, binary) = (s.handle, s.owner, s.binary);
        let Some(net) = vm.os.sockets() else {
            return;
        };
        let (k, from) = match net.recv(h, &mut buf) {
            Ok((k, Some(from))) => (k, from),
            _ => return,
        };
        let passive = vm
            .sched
            .ports
            .get_mut(n)
            .is_some_and(|s| spend(&mut s.active));
        let data = &buf[..k];
        send(vm, owner, 16 + data_words(k, binary), |h, a| {
            let tag = Term::atom(a.intern("udp").map_err(|_| OutOfMemory)?);
            let ip = ip_term(h, from.ip())?;
            let d = data_term(h, data, binary)?;
            let port = Term::small(from.port() as isize);
            h.tuple(&[tag, Term::port(n), ip, port, d])
        });
        if passive {
            send_tagged(vm, owner, "udp_passive", n);
        }
    }
}

/// Sends `{Tag, Port}`.
fn send_tagged(vm: &mut Vm, to: Pid, tag: &str, n: usize) {
    send(vm, to, 3, |h, a| {
        let t = Term::atom(a.intern(tag).map_err(|_| OutOfMemory)?);
        h.tuple(&[t, Term::port(n)])
    });
}

/// Builds a message on a scratch heap of about `words` words and sends it
/// to `to`. A message that cannot be built (memory or atoms exhausted) is
/// dropped, as a driver on the BEAM drops data it cannot allocate.
fn send(
    vm: &mut Vm,
    to: Pid,
    words: usize,
    build: impl FnOnce(&mut Heap, &mut AtomTable) -> Result<Term, OutOfMemory>,
) {
    let Ok(mut heap) = Heap::new(words.max(4)) else {
        return;
    };
    if let Ok(msg) = build(&mut heap, &mut vm.atoms) {
        let _ = vm.send_external(Term::pid(to), msg);
    }
}
