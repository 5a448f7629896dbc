//! Processes: spawning, links, monitors, exit signals, registered names,
//! sending, flags.

use super::{native, BifDef, BifResult, Ctx, Exception};
use crate::heap::Heap;
use crate::process::{InitialCall, Monitor, Pid, Priority};
use crate::scheduler::{down_message, exit_message, new_ref, DownObject, SpawnOpts};
use crate::term::{atom, Term};
use alloc::vec::Vec;

pub(crate) static BIFS: &[BifDef] = &[
    native("erlang", "self", 0, self_),
    native("erlang", "spawn", 1, spawn1),
    native("erlang", "spawn", 3, spawn3),
    native("erlang", "spawn", 2, spawn2),
    native("erlang", "spawn", 4, spawn4),
    native("erlang", "spawn_link", 2, spawn_link2),
    native("erlang", "spawn_link", 4, spawn_link4),
    native("erlang", "spawn_link", 1, spawn_link1),
    native("erlang", "spawn_link", 3, spawn_link3),
    native("erlang", "spawn_monitor", 1, spawn_monitor1),
    native("erlang", "spawn_monitor", 3, spawn_monitor3),
    native("erlang", "spawn_opt", 2, spawn_opt2),
    native("erlang", "spawn_opt", 4, spawn_opt4),
    native("erlang", "exit", 2, exit2),
    native("erlang", "link", 1, link),
    native("erlang", "unlink", 1, unlink),
    native("erlang", "monitor", 2, monitor2),
    native("erlang", "monitor", 3, monitor3),
    native("erlang", "demonitor", 1, demonitor1),
    native("erlang", "demonitor", 2, demonitor2),
    native("erlang", "register", 2, register),
    native("erlang", "unregister", 1, unregister),
    native("erlang", "whereis", 1, whereis),
    native("erlang", "registered", 0, registered),
    native("erlang", "is_process_alive", 1, is_process_alive),
    native("erlang", "processes", 0, processes),
    native("erlang", "process_flag", 2, process_flag),
    native("erlang", "send", 2, send2),
    native("erlang", "send", 3, send3),
    native("erlang", "!", 2, send2),
    native("erlang", "group_leader", 0, group_leader0),
    native("erlang", "group_leader", 2, group_leader2),
    native("erlang", "yield", 0, yield_),
    native("erlang", "halt", 0, halt0),
    native("erlang", "halt", 1, halt1),
    native("erlang", "halt", 2, halt2),
];

fn self_(ctx: &mut Ctx<'_>, _: &[Term]) -> BifResult {
    Ok(Term::pid(ctx.me.pid))
}

/// The pid an argument names, or `badarg`.
fn pid_arg(t: Term) -> Result<Pid, Exception> {
    if t.is_pid() {
        Ok(t.pid_index())
    } else {
        Err(Exception::badarg())
    }
}

/// Whether a process exists (the caller or one in the table).
fn alive(ctx: &Ctx<'_>, pid: Pid) -> bool {
    pid == ctx.me.pid || ctx.sched.get(pid).is_some()
}

/// Spawns `apply(args...)` with options; returns the pid (and the monitor
/// reference when monitoring).
fn spawn_with(
    ctx: &mut Ctx<'_>,
    args: &[Term],
    call: InitialCall,
    mut opts: SpawnOpts,
) -> BifResult {
    let monitor = opts.monitor.is_some();
    if monitor {
        opts.monitor = Some(ctx.sched.make_ref());
    }
    let pid = ctx.sched.spawn(Some(ctx.me), args, call, opts)?;
    if let Some(r) = opts.monitor {
        let rt = new_ref(ctx.heap, r)?;
        return Ok(ctx.heap.tuple(&[Term::pid(pid), rt])?);
    }
    Ok(Term::pid(pid))
}

fn fun_args(f: Term) -> Result<([Term; 2], InitialCall), Exception> {
    if !f.is_function() {
        return Err(Exception::badarg());
    }
    Ok(([f, Term::NIL], (atom::ERLANG, atom::APPLY, 2)))
}

fn mfa_args(a: &[Term]) -> Result<([Term; 3], InitialCall), Exception> {
    let (Some(m), Some(f)) = (a[0].as_atom(), a[1].as_atom()) else {
        return Err(Exception::badarg());
    };
    let n = crate::term::proper_list_len(a[2]).ok_or_else(Exception::badarg)?;
    Ok(([a[0], a[1], a[2]], (m, f, n as u32)))
}

fn spawn1(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let (args, call) = fun_args(a[0])?;
    spawn_with(ctx, &args, call, SpawnOpts::default())
}

fn spawn3(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let (args, call) = mfa_args(a)?;
    spawn_with(ctx, &args, call, SpawnOpts::default())
}

/// Checks the node argument of `spawn/2,4`: only this node exists.
fn local_node(node: Term) -> Result<(), Exception> {
    match node.as_atom() {
        Some(atom::NONODE) => Ok(()),
        Some(_) => Err(Exception::notsup()),
        None => Err(Exception::badarg()),
    }
}

fn spawn2(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    local_node(a[0])?;
    spawn1(ctx, &a[1..])
}

fn spawn4(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    local_node(a[0])?;
    spawn3(ctx, &a[1..])
}

fn spawn_link2(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    local_node(a[0])?;
    spawn_link1(ctx, &a[1..])
}

fn spawn_link4(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    local_node(a[0])?;
    spawn_link3(ctx, &a[1..])
}

fn linked() -> SpawnOpts {
    SpawnOpts {
        link: true,
        ..SpawnOpts::default()
    }
}

fn monitored() -> SpawnOpts {
    SpawnOpts {
        monitor: Some(0),
        ..SpawnOpts::default()
    }
}

fn spawn_link1(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let (args, call) = fun_args(a[0])?;
    spawn_with(ctx, &args, call, linked())
}

fn spawn_link3(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let (args, call) = mfa_args(a)?;
    spawn_with(ctx, &args, call, linked())
}

fn spawn_monitor1(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    // Unlike spawn/1, spawn_monitor/1 checks the fun takes no arguments.
    if crate::fun::arity(a[0]) != Some(0) {
        return Err(Exception::badarg());
    }
    let (args, call) = fun_args(a[0])?;
    spawn_with(ctx, &args, call, monitored())
}

fn spawn_monitor3(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let (args, call) = mfa_args(a)?;
    spawn_with(ctx, &args, call, monitored())
}

/// Reads `spawn_opt` options.
fn spawn_opts(list: Term) -> Result<SpawnOpts, Exception> {
    let mut o = SpawnOpts::default();
    for opt in Heap::list_to_vec(list).ok_or_else(Exception::badarg)? {
        match (opt.as_atom(), opt.as_tuple()) {
            (Some(atom::LINK), _) => o.link = true,
            (Some(atom::MONITOR), _) => o.monitor = Some(0),
            (_, Some(&[k, v])) => match k.as_atom() {
                Some(atom::PRIORITY) => o.priority = Some(priority_of(v)?),
                Some(atom::MIN_HEAP_SIZE) => {
                    let n = v
                        .as_small()
                        .filter(|&n| n >= 0)
                        .ok_or_else(Exception::badarg)?;
                    o.min_heap = Some(n as usize);
                }
                Some(atom::MAX_HEAP_SIZE) => o.max_heap = max_heap_words(v)?,
                // Other options (fullsweep_after, message_queue_data...)
                // are accepted and have no effect here.
                Some(_) => {}
                None => return Err(Exception::badarg()),
            },
            _ => return Err(Exception::badarg()),
        }
    }
    Ok(o)
}

fn spawn_opt2(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let (args, call) = fun_args(a[0])?;
    let opts = spawn_opts(a[1])?;
    spawn_with(ctx, &args, call, opts)
}

fn spawn_opt4(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let (args, call) = mfa_args(a)?;
    let opts = spawn_opts(a[3])?;
    spawn_with(ctx, &args, call, opts)
}

/// A `max_heap_size` value: a size in words, or a map with `size` and
/// optional `kill` and `error_logger` flags. With `kill => false` the BEAM
/// only logs; Gluon does not watch such a limit at all.
fn max_heap_words(v: Term) -> Result<usize, Exception> {
    let size = |t: Term| t.as_small().filter(|&n| n >= 0).map(|n| n as usize);
    if let Some(n) = size(v) {
        return Ok(n);
    }
    if !v.is_map() {
        return Err(Exception::badarg());
    }
    // Only the keys OTP knows are allowed, with values of the right type.
    let mut words = 0;
    let mut kill = true;
    let mut pairs = alloc::vec::Vec::new();
    crate::map::for_each_pair(v, |k, val| pairs.push((k, val)));
    for (k, val) in pairs {
        match k.as_atom() {
            Some(atom::SIZE) => words = size(val).ok_or_else(Exception::badarg)?,
            Some(atom::KILL) if val.is_boolean() => kill = val == Term::TRUE,
            Some(atom::ERROR_LOGGER) | Some(atom::INCLUDE_SHARED_BINARIES) if val.is_boolean() => {}
            _ => return Err(Exception::badarg()),
        }
    }
    Ok(if kill { words } else { 0 })
}

/// `#{error_logger => true, kill => true, size => Words}`, the shape
/// `process_flag(max_heap_size, _)` returns the old setting in.
fn max_heap_map(ctx: &mut Ctx<'_>, words: usize) -> BifResult {
    let mut pairs = [
        (Term::atom(atom::ERROR_LOGGER), Term::TRUE),
        (Term::atom(atom::KILL), Term::TRUE),
        (Term::atom(atom::SIZE), Term::small(words as isize)),
    ];
    Ok(crate::map::from_pairs(ctx.heap, &mut pairs, ctx.atoms)?)
}

fn priority_of(t: Term) -> Result<Priority, Exception> {
    match t.as_atom() {
        Some(atom::LOW) => Ok(Priority::Low),
        Some(atom::NORMAL) => Ok(Priority::Normal),
        Some(atom::HIGH) => Ok(Priority::High),
        Some(atom::MAX) => Ok(Priority::Max),
        _ => Err(Exception::badarg()),
    }
}

fn priority_atom(p: Priority) -> Term {
    Term::atom(match p {
        Priority::Low => atom::LOW,
        Priority::Normal => atom::NORMAL,
        Priority::High => atom::HIGH,
        Priority::Max => atom::MAX,
    })
}

/// Delivers queued exit signals, including any to the caller.
fn flush_signals(ctx: &mut Ctx<'_>) {
    ctx.sched
        .process_signals(Some((&mut *ctx.me, &mut *ctx.heap)));
}

fn exit2(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let to = pid_arg(a[0])?;
    ctx.sched.exit_signal(ctx.me.pid, to, a[1], false)?;
    flush_signals(ctx);
    Ok(Term::TRUE)
}

fn link(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let to = pid_arg(a[0])?;
    let me = ctx.me.pid;
    if to == me {
        return Ok(Term::TRUE);
    }
    match ctx.sched.get_mut(to) {
        Some(p) => {
            if !p.info.links.contains(&me) {
                p.info.links.push(me);
            }
            if !ctx.me.links.contains(&to) {
                ctx.me.links.push(to);
            }
            Ok(Term::TRUE)
        }
        None if ctx.me.trap_exit => {
            let (m, b) = exit_message(to, Term::atom(atom::NOPROC))?;
            ctx.me.mailbox.push(m, b);
            Ok(Term::TRUE)
        }
        None => Err(Exception::error(Term::atom(atom::NOPROC))),
    }
}

fn unlink(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let to = pid_arg(a[0])?;
    let me = ctx.me.pid;
    ctx.me.links.retain(|&p| p != to);
    if let Some(p) = ctx.sched.get_mut(to) {
        p.info.links.retain(|&x| x != me);
    }
    Ok(Term::TRUE)
}

fn monitor2(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    if a[0] != Term::atom(atom::PROCESS) {
        return Err(Exception::badarg());
    }
    let (target, name) = if a[1].is_pid() {
        (Some(a[1].pid_index()), None)
    } else if let Some(n) = a[1].as_atom() {
        (ctx.sched.registry.get(&n).copied(), Some(n))
    } else if let Some(&[n, node]) = a[1].as_tuple() {
        let n = n.as_atom().ok_or_else(Exception::badarg)?;
        if node != Term::atom(atom::NONODE) {
            return Err(Exception::notsup());
        }
        (ctx.sched.registry.get(&n).copied(), Some(n))
    } else {
        return Err(Exception::badarg());
    };
    let r = ctx.sched.make_ref();
    let me = ctx.me.pid;
    let live = target.filter(|&t| t != me && ctx.sched.get(t).is_some());
    match live {
        Some(t) => {
            if let Some(p) = ctx.sched.get_mut(t) {
                p.info.monitors.push(Monitor {
                    reference: r,
                    other: me,
                    watching: false,
                    name,
                });
            }
            ctx.me.monitors.push(Monitor {
                reference: r,
                other: t,
                watching: true,
                name,
            });
        }
        // Monitoring oneself does nothing (the BEAM's rule); a missing
        // process is reported at once.
        None if target == Some(me) => {}
        None => {
            let obj = match name {
                Some(n) => DownObject::Name(n),
                None => DownObject::Pid(target.unwrap_or(0)),
            };
            let (m, b) = down_message(r, obj, Term::atom(atom::NOPROC))?;
            ctx.me.mailbox.push(m, b);
        }
    }
    Ok(new_ref(ctx.heap, r)?)
}

fn monitor3(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    if !a[2].is_nil() {
        return Err(Exception::notsup());
    }
    monitor2(ctx, &a[..2])
}

/// Removes a monitor held by the caller; returns whether it existed.
fn drop_monitor(ctx: &mut Ctx<'_>, r: u64) -> bool {
    let Some(i) = ctx
        .me
        .monitors
        .iter()
        .position(|m| m.reference == r && m.watching)
    else {
        return false;
    };
    let m = ctx.me.monitors.remove(i);
    if let Some(p) = ctx.sched.get_mut(m.other) {
        p.info.monitors.retain(|x| x.reference != r);
    }
    true
}

fn demonitor1(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let r = a[0].as_reference().ok_or_else(Exception::badarg)?;
    drop_monitor(ctx, r);
    Ok(Term::TRUE)
}

fn demonitor2(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let r = a[0].as_reference().ok_or_else(Exception::badarg)?;
    let (mut flush, mut info) = (false, false);
    for o in Heap::list_to_vec(a[1]).ok_or_else(Exception::badarg)? {
        match o.as_atom() {
            Some(atom::FLUSH) => flush = true,
            Some(atom::INFO) => info = true,
            _ => return Err(Exception::badarg()),
        }
    }
    let found = drop_monitor(ctx, r);
    if flush {
        ctx.me.mailbox.remove_where(|m| {
            matches!(m.as_tuple(), Some(&[tag, rf, ..])
                if tag == Term::atom(atom::DOWN) && rf.as_reference() == Some(r))
        });
    }
    // With `info`, say whether the monitor was still there.
    Ok(Term::bool(!info || found))
}

fn register(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let name = a[0]
        .as_atom()
        .filter(|&n| n != atom::UNDEFINED)
        .ok_or_else(Exception::badarg)?;
    let pid = pid_arg(a[1])?;
    if ctx.sched.registry.contains_key(&name) || !alive(ctx, pid) {
        return Err(Exception::badarg());
    }
    let slot = if pid == ctx.me.pid {
        &mut ctx.me.name
    } else {
        match ctx.sched.get_mut(pid) {
            Some(p) => &mut p.info.name,
            None => return Err(Exception::badarg()),
        }
    };
    if slot.is_some() {
        return Err(Exception::badarg());
    }
    *slot = Some(name);
    ctx.sched.registry.insert(name, pid);
    Ok(Term::TRUE)
}

fn unregister(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let name = a[0].as_atom().ok_or_else(Exception::badarg)?;
    let pid = ctx
        .sched
        .registry
        .remove(&name)
        .ok_or_else(Exception::badarg)?;
    if pid == ctx.me.pid {
        ctx.me.name = None;
    } else if let Some(p) = ctx.sched.get_mut(pid) {
        p.info.name = None;
    }
    Ok(Term::TRUE)
}

fn whereis(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let name = a[0].as_atom().ok_or_else(Exception::badarg)?;
    Ok(ctx
        .sched
        .registry
        .get(&name)
        .map_or(Term::atom(atom::UNDEFINED), |&p| Term::pid(p)))
}

fn registered(ctx: &mut Ctx<'_>, _: &[Term]) -> BifResult {
    let names: Vec<Term> = ctx.sched.registry.keys().map(|&n| Term::atom(n)).collect();
    Ok(ctx.heap.list_from(&names, Term::NIL)?)
}

fn is_process_alive(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let pid = pid_arg(a[0])?;
    Ok(Term::bool(alive(ctx, pid)))
}

fn processes(ctx: &mut Ctx<'_>, _: &[Term]) -> BifResult {
    let mut pids: Vec<Pid> = ctx.sched.pids().collect();
    pids.push(ctx.me.pid);
    crate::sort::sort_by(&mut pids, Pid::cmp);
    Ok(crate::scheduler::pid_list(ctx.heap, &pids)?)
}

fn process_flag(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    match a[0].as_atom() {
        Some(atom::TRAP_EXIT) => {
            let old = ctx.me.trap_exit;
            ctx.me.trap_exit = match a[1] {
                t if t == Term::TRUE => true,
                t if t == Term::FALSE => false,
                _ => return Err(Exception::badarg()),
            };
            Ok(Term::bool(old))
        }
        Some(atom::PRIORITY) => {
            let old = ctx.me.priority;
            ctx.me.priority = priority_of(a[1])?;
            Ok(priority_atom(old))
        }
        Some(atom::MAX_HEAP_SIZE) => {
            let words = max_heap_words(a[1])?;
            let old = ctx.heap.generations().map_or(0, |g| g.max_words);
            ctx.heap.generations_mut().max_words = words;
            max_heap_map(ctx, old)
        }
        // The initial size only matters at spawn: accepted, no effect.
        Some(atom::MIN_HEAP_SIZE) => Ok(Term::small(crate::scheduler::INITIAL_HEAP_WORDS as isize)),
        _ => Err(Exception::badarg()),
    }
}

fn send2(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    ctx.sched.send(ctx.me, a[0], a[1])?;
    Ok(a[1])
}

fn send3(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    ctx.sched.send(ctx.me, a[0], a[1])?;
    Ok(Term::atom(atom::OK))
}

fn group_leader0(ctx: &mut Ctx<'_>, _: &[Term]) -> BifResult {
    Ok(Term::pid(ctx.me.group_leader))
}

fn group_leader2(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let leader = pid_arg(a[0])?;
    let pid = pid_arg(a[1])?;
    if pid == ctx.me.pid {
        ctx.me.group_leader = leader;
    } else if let Some(p) = ctx.sched.get_mut(pid) {
        p.info.group_leader = leader;
    } else {
        return Err(Exception::badarg());
    }
    Ok(Term::TRUE)
}

fn yield_(_: &mut Ctx<'_>, _: &[Term]) -> BifResult {
    Ok(Term::TRUE)
}

/// Stops the VM with `status` once the calling process has stopped.
fn halt_with(ctx: &mut Ctx<'_>, status: i32) -> BifResult {
    ctx.sched.halted = Some(status);
    ctx.me.pending_exit = Some(Term::atom(atom::NORMAL));
    Ok(Term::TRUE)
}

fn halt0(ctx: &mut Ctx<'_>, _: &[Term]) -> BifResult {
    halt_with(ctx, 0)
}

fn halt1(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    match a[0].as_small() {
        Some(n) if n >= 0 => halt_with(ctx, n as i32),
        // `halt(abort)` and `halt("message")` both stop with a failure.
        _ if a[0].is_atom() || a[0].is_list_or_nil() => halt_with(ctx, 1),
        _ => Err(Exception::badarg()),
    }
}

fn halt2(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    halt1(ctx, &a[..1])
}
