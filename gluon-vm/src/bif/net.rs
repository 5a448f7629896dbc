//! `gluon_net`: the natives under Gluon's `gen_tcp`, `gen_udp` and `inet`
//! (`erlang-stdlib/`), over the platform's [`crate::os::Sockets`] and the
//! VM's [`crate::net::PortTable`]. None of them blocks: where OTP's call
//! would wait they return `wait`, and the Erlang side asks to be woken
//! (`select/2`) and sleeps in a `receive` until `{'$gluon_ready', S}`.

use super::drv_args::{atom_term, error_atom, iodata, is_atom, ok, posix, unit};
use super::{native, BifDef, BifResult, Ctx, Exception};
use crate::net::terms::{addr_term, data_term, ip_of, ip_term, port_of};
use crate::net::{fill, frame, take_packet, Active, Kind, Socket, Want};
use crate::os::{PosixError, Sockets};
use crate::term::{atom, Term};
use core::net::SocketAddr;

pub(crate) static BIFS: &[BifDef] = &[
    native("gluon_net", "open", 4, open),
    native("gluon_net", "connected", 1, connected),
    native("gluon_net", "accept", 1, accept),
    native("gluon_net", "recv", 2, recv),
    native("gluon_net", "send", 2, send),
    native("gluon_net", "sendto", 4, sendto),
    native("gluon_net", "select", 2, select),
    native("gluon_net", "deselect", 1, deselect),
    native("gluon_net", "close", 1, close),
    native("gluon_net", "setopts", 4, setopts),
    native("gluon_net", "getopts", 1, getopts),
    native("gluon_net", "controlling_process", 2, controlling_process),
    native("gluon_net", "sockname", 1, sockname),
    native("gluon_net", "peername", 1, peername),
    native("gluon_net", "shutdown_write", 1, shutdown_write),
];

/// The port number of a socket argument (`badarg` for other terms).
fn port_arg(t: Term) -> Result<usize, Exception> {
    if t.is_port() {
        Ok(t.port_index())
    } else {
        Err(Exception::badarg())
    }
}

/// The platform's sockets, or `enotsup`.
fn net<'c>(ctx: &'c mut Ctx<'_>) -> Result<&'c mut dyn Sockets, PosixError> {
    ctx.os.sockets().ok_or(PosixError::Enotsup)
}

/// `wait`: the Erlang side selects and sleeps.
fn wait(ctx: &mut Ctx<'_>) -> BifResult {
    atom_term(ctx, "wait")
}

fn closed(ctx: &mut Ctx<'_>) -> BifResult {
    error_atom(ctx, "closed")
}

fn active_of(ctx: &Ctx<'_>, t: Term) -> Option<Active> {
    if t == Term::TRUE {
        Some(Active::True)
    } else if t == Term::FALSE {
        Some(Active::False)
    } else if is_atom(ctx, t, "once") {
        Some(Active::Once)
    } else {
        // `{active, N}` counts down to passive; N is -32768..32767 on OTP,
        // and a count that reaches zero or less makes the socket passive.
        t.as_small()
            .filter(|n| (-32768..=32767).contains(n))
            .map(|n| {
                if n > 0 {
                    Active::Count(n as u32)
                } else {
                    Active::False
                }
            })
    }
}

/// `open(connect | listen | udp, IP, Port, {Active, Binary, Packet, Backlog})`:
/// `{ok, Socket}`; a connection is complete when `connected/1` says so.
fn open(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let ip = ip_of(a[1]).ok_or_else(Exception::badarg)?;
    let port = port_of(a[2]).ok_or_else(Exception::badarg)?;
    let o = a[3]
        .as_tuple()
        .filter(|o| o.len() == 4)
        .ok_or_else(Exception::badarg)?;
    let active = active_of(ctx, o[0]).ok_or_else(Exception::badarg)?;
    let binary = o[1] == Term::TRUE;
    let packet = match o[2].as_small() {
        Some(n @ (0 | 1 | 2 | 4)) => n as u8,
        _ => return Err(Exception::badarg()),
    };
    let backlog = super::drv_args::u32_arg(o[3])?;
    let at = SocketAddr::new(ip, port);
    let kind = if is_atom(ctx, a[0], "connect") {
        Kind::Tcp
    } else if is_atom(ctx, a[0], "listen") {
        Kind::Listen
    } else if is_atom(ctx, a[0], "udp") {
        Kind::Udp
    } else {
        return Err(Exception::badarg());
    };
    let r = net(ctx).and_then(|n| match kind {
        Kind::Tcp => n.tcp_connect(at),
        Kind::Listen => n.tcp_listen(at, backlog),
        Kind::Udp => n.udp_open(at),
    });
    let h = match r {
        Ok(h) => h,
        Err(e) => return posix(ctx, e),
    };
    let mut s = Socket::new(h, kind, ctx.me.pid);
    s.active = active;
    s.binary = binary;
    s.packet = if kind == Kind::Udp { 0 } else { packet };
    let n = ctx.sched.ports.insert(s);
    ok(ctx, Term::port(n))
}

/// `connected(S)`: `ok` once a connection is made, `wait` before, or the
/// reason it failed.
fn connected(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let n = port_arg(a[0])?;
    let Some(h) = ctx.sched.ports.get(n).map(|s| s.handle) else {
        return closed(ctx);
    };
    match net(ctx).and_then(|net| net.poll(h)) {
        Ok(r) if r.error.is_some() => posix(ctx, r.error.unwrap_or(PosixError::Eio)),
        Ok(r) if r.writable => Ok(Term::atom(atom::OK)),
        Ok(_) => wait(ctx),
        Err(e) => posix(ctx, e),
    }
}

/// `accept(L)`: `{ok, S}` owned by the caller with the listener's
/// options, or `wait`.
fn accept(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let n = port_arg(a[0])?;
    let Some(l) = ctx.sched.ports.get(n) else {
        return closed(ctx);
    };
    if l.kind != Kind::Listen {
        return posix(ctx, PosixError::Einval);
    }
    let (h, active, binary, packet) = (l.handle, l.active, l.binary, l.packet);
    match net(ctx).and_then(|net| net.tcp_accept(h)) {
        Ok(c) => {
            let mut s = Socket::new(c, Kind::Tcp, ctx.me.pid);
            s.active = active;
            s.binary = binary;
            s.packet = packet;
            let p = ctx.sched.ports.insert(s);
            ok(ctx, Term::port(p))
        }
        Err(PosixError::Eagain) => wait(ctx),
        Err(e) => posix(ctx, e),
    }
}

/// `recv(S, Length)` on a passive socket: `{ok, Data}` (TCP) or
/// `{ok, {IP, Port, Data}}` (UDP), `wait`, or `{error, closed}`.
fn recv(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let n = port_arg(a[0])?;
    let len = super::drv_args::u32_arg(a[1])? as usize;
    let Some(s) = ctx.sched.ports.get(n) else {
        return closed(ctx);
    };
    if s.active != Active::False || s.kind == Kind::Listen {
        return posix(ctx, PosixError::Einval);
    }
    if s.kind == Kind::Udp {
        return recv_udp(ctx, n, len);
    }
    let mut got = None;
    if let (Some(s), Some(net)) = (ctx.sched.ports.get_mut(n), ctx.os.sockets()) {
        got = take_packet(&mut s.inbuf, s.packet, len);
        if got.is_none() && !s.eof {
            if let Some(e) = fill(s, net) {
                s.error = Some(e);
            }
            got = take_packet(&mut s.inbuf, s.packet, len);
        }
    }
    let Some(s) = ctx.sched.ports.get(n) else {
        return closed(ctx);
    };
    match got {
        Some(d) => {
            let t = data_term(ctx.heap, &d, s.binary)?;
            ok(ctx, t)
        }
        None if s.eof => match s.error {
            Some(e) if e != PosixError::Econnreset => posix(ctx, e),
            _ => closed(ctx),
        },
        None if ctx.os.sockets().is_none() => posix(ctx, PosixError::Enotsup),
        None => wait(ctx),
    }
}

fn recv_udp(ctx: &mut Ctx<'_>, n: usize, len: usize) -> BifResult {
    let Some(s) = ctx.sched.ports.get(n) else {
        return closed(ctx);
    };
    let (h, binary) = (s.handle, s.binary);
    let mut buf = alloc::vec![0u8; if len == 0 { 65536 } else { len }];
    match net(ctx).and_then(|net| net.recv(h, &mut buf)) {
        Ok((k, Some(from))) => {
            let ip = ip_term(ctx.heap, from.ip())?;
            let d = data_term(ctx.heap, &buf[..k], binary)?;
            let t = ctx
                .heap
                .tuple(&[ip, Term::small(from.port() as isize), d])?;
            ok(ctx, t)
        }
        Ok((_, None)) => posix(ctx, PosixError::Eio),
        Err(PosixError::Eagain) => wait(ctx),
        Err(e) => posix(ctx, e),
    }
}

/// `send(S, Data)`: `ok`, `{more, Rest}` when the platform took only part
/// (the caller waits for room and sends the rest), or `{error, _}`.
fn send(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let n = port_arg(a[0])?;
    let Some(s) = ctx.sched.ports.get(n) else {
        return closed(ctx);
    };
    if s.kind != Kind::Tcp {
        return posix(ctx, PosixError::Einval);
    }
    let (h, packet) = (s.handle, s.packet);
    // `{more, Rest}` is sent again as it is: framed already.
    let (data, framed) = match a[1].as_tuple() {
        Some([tag, rest]) if is_atom(ctx, *tag, "more") => (iodata(*rest), true),
        _ => (iodata(a[1]), false),
    };
    let data = data.ok_or_else(Exception::badarg)?;
    let data = if framed {
        data
    } else {
        frame(data, packet).ok_or_else(Exception::badarg)?
    };
    let mut at = 0;
    while at < data.len() {
        match net(ctx).and_then(|net| net.send(h, &data[at..], None)) {
            Ok(0) | Err(PosixError::Eagain) => break,
            Ok(k) => at += k,
            Err(PosixError::Epipe | PosixError::Econnreset | PosixError::Enotconn) => {
                return closed(ctx)
            }
            Err(e) => return posix(ctx, e),
        }
    }
    if at == data.len() {
        return Ok(Term::atom(atom::OK));
    }
    let rest = crate::binary::new_heap_binary(ctx.heap, &data[at..])?;
    let more = atom_term(ctx, "more")?;
    Ok(ctx.heap.tuple(&[more, rest])?)
}

/// `sendto(S, IP, Port, Data)` on a UDP socket.
fn sendto(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let n = port_arg(a[0])?;
    let ip = ip_of(a[1]).ok_or_else(Exception::badarg)?;
    let port = port_of(a[2]).ok_or_else(Exception::badarg)?;
    let data = iodata(a[3]).ok_or_else(Exception::badarg)?;
    let Some(s) = ctx.sched.ports.get(n) else {
        return closed(ctx);
    };
    if s.kind != Kind::Udp {
        return posix(ctx, PosixError::Einval);
    }
    let h = s.handle;
    let r = net(ctx).and_then(|net| net.send(h, &data, Some(SocketAddr::new(ip, port))));
    unit(ctx, r.map(|_| ()))
}

/// `select(S, read | write)`: the caller gets `{'$gluon_ready', S}` when
/// the socket is ready (one message, then the interest is gone).
fn select(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let n = port_arg(a[0])?;
    let want = if is_atom(ctx, a[1], "read") {
        Want::Read
    } else if is_atom(ctx, a[1], "write") {
        Want::Write
    } else {
        return Err(Exception::badarg());
    };
    let me = ctx.me.pid;
    match ctx.sched.ports.get_mut(n) {
        Some(s) => {
            s.waiters.retain(|&(p, _)| p != me);
            s.waiters.push((me, want));
            Ok(Term::atom(atom::OK))
        }
        None => closed(ctx),
    }
}

/// `deselect(S)`: forgets the caller's interest (after a timeout).
fn deselect(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let n = port_arg(a[0])?;
    let me = ctx.me.pid;
    if let Some(s) = ctx.sched.ports.get_mut(n) {
        s.waiters.retain(|&(p, _)| p != me);
    }
    Ok(Term::atom(atom::OK))
}

fn close(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let n = port_arg(a[0])?;
    if let Some(s) = ctx.sched.ports.remove(n) {
        if let Ok(net) = net(ctx) {
            let _ = net.close(s.handle);
        }
        // Another process sleeping on the socket wakes to find it closed.
        let me = ctx.me.pid;
        for &(pid, _) in s.waiters.iter().filter(|&&(p, _)| p != me) {
            let tag = atom_term(ctx, "$gluon_ready")?;
            let mut scratch = crate::heap::Heap::new(3)?;
            let msg = scratch.tuple(&[tag, Term::port(n)])?;
            let (m, block) = crate::scheduler::copy_to_block(msg)?;
            ctx.sched.deliver(None, pid, m, block);
        }
    }
    Ok(Term::atom(atom::OK))
}

/// `setopts(S, Active, Binary, Packet)`, each `keep` or a new value.
fn setopts(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let n = port_arg(a[0])?;
    let keep = |ctx: &Ctx<'_>, t: Term| is_atom(ctx, t, "keep");
    let active = if keep(ctx, a[1]) {
        None
    } else {
        Some(active_of(ctx, a[1]).ok_or_else(Exception::badarg)?)
    };
    let binary = if keep(ctx, a[2]) {
        None
    } else {
        Some(a[2] == Term::TRUE)
    };
    let packet = match a[3].as_small() {
        Some(p @ (0 | 1 | 2 | 4)) => Some(p as u8),
        _ if keep(ctx, a[3]) => None,
        _ => return Err(Exception::badarg()),
    };
    let Some(s) = ctx.sched.ports.get_mut(n) else {
        return posix(ctx, PosixError::Einval);
    };
    if let Some(act) = active {
        // `{active, N}` adds to the count that is left, as on OTP.
        s.active = match (s.active, act) {
            (Active::Count(k), Active::Count(m)) => Active::Count(k + m),
            _ => act,
        };
    }
    if let Some(b) = binary {
        s.binary = b;
    }
    if let Some(p) = packet {
        if s.kind != Kind::Udp {
            s.packet = p;
        }
    }
    Ok(Term::atom(atom::OK))
}

/// `getopts(S)`: `{Active, Binary, Packet}`.
fn getopts(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let n = port_arg(a[0])?;
    let Some(s) = ctx.sched.ports.get(n) else {
        return posix(ctx, PosixError::Einval);
    };
    let (active, binary, packet) = (s.active, s.binary, s.packet);
    let active = match active {
        Active::True => Term::TRUE,
        Active::False => Term::FALSE,
        Active::Once => atom_term(ctx, "once")?,
        Active::Count(k) => Term::small(k as isize),
    };
    Ok(ctx
        .heap
        .tuple(&[active, Term::bool(binary), Term::small(packet as isize)])?)
}

/// `controlling_process(S, Pid)`: only the owner may hand a socket over.
fn controlling_process(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let n = port_arg(a[0])?;
    if !a[1].is_pid() {
        return Err(Exception::badarg());
    }
    let me = ctx.me.pid;
    match ctx.sched.ports.get_mut(n) {
        None => closed(ctx),
        Some(s) if s.owner != me => error_atom(ctx, "not_owner"),
        Some(s) => {
            s.owner = a[1].pid_index();
            Ok(Term::atom(atom::OK))
        }
    }
}

fn address(
    ctx: &mut Ctx<'_>,
    t: Term,
    f: fn(&mut dyn Sockets, u32) -> Result<SocketAddr, PosixError>,
) -> BifResult {
    let n = port_arg(t)?;
    let Some(h) = ctx.sched.ports.get(n).map(|s| s.handle) else {
        return posix(ctx, PosixError::Einval);
    };
    match net(ctx).and_then(|net| f(net, h)) {
        Ok(at) => {
            let t = addr_term(ctx.heap, at)?;
            ok(ctx, t)
        }
        Err(e) => posix(ctx, e),
    }
}

fn sockname(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    address(ctx, a[0], |n, h| n.local_addr(h))
}

fn peername(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    address(ctx, a[0], |n, h| n.peer_addr(h))
}

fn shutdown_write(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let n = port_arg(a[0])?;
    let Some(h) = ctx.sched.ports.get(n).map(|s| s.handle) else {
        return posix(ctx, PosixError::Enotconn);
    };
    let r = net(ctx).and_then(|net| net.shutdown_write(h));
    unit(ctx, r)
}
