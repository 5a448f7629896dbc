//! Time, timers, references and unique integers, over the OS hooks'
//! clocks and the VM's one ordered timer structure.
//!
//! The native time unit is the nanosecond.

use super::{native, BifDef, BifResult, Ctx, Exception};
use crate::heap::Heap;
use crate::scheduler::{copy_to_block, new_ref, timeout_message};
use crate::term::{atom, Term};
use crate::timer::TimerEvent;

pub(crate) static BIFS: &[BifDef] = &[
    native("erlang", "monotonic_time", 0, monotonic0),
    native("erlang", "monotonic_time", 1, monotonic1),
    native("erlang", "system_time", 0, system0),
    native("erlang", "system_time", 1, system1),
    native("os", "system_time", 0, system0),
    native("os", "system_time", 1, system1),
    native("erlang", "time_offset", 0, time_offset0),
    native("erlang", "time_offset", 1, time_offset1),
    native("erlang", "timestamp", 0, timestamp),
    native("os", "timestamp", 0, timestamp),
    native("erlang", "convert_time_unit", 3, convert_time_unit),
    native("erlang", "make_ref", 0, make_ref),
    native("erlang", "unique_integer", 0, unique0),
    native("erlang", "unique_integer", 1, unique1),
    native("erlang", "send_after", 3, send_after3),
    native("erlang", "send_after", 4, send_after4),
    native("erlang", "start_timer", 3, start_timer3),
    native("erlang", "start_timer", 4, start_timer4),
    native("erlang", "cancel_timer", 1, cancel_timer1),
    native("erlang", "cancel_timer", 2, cancel_timer2),
    native("erlang", "read_timer", 1, read_timer1),
    native("erlang", "read_timer", 2, read_timer2),
];

/// Units per second of a time unit term.
fn per_second(unit: Term) -> Result<i64, Exception> {
    if let Some(n) = unit.as_small() {
        return if n > 0 {
            Ok(n as i64)
        } else {
            Err(Exception::badarg())
        };
    }
    match unit.as_atom() {
        Some(atom::SECOND) | Some(atom::SECONDS) => Ok(1),
        Some(atom::MILLISECOND) | Some(atom::MILLI_SECONDS) => Ok(1_000),
        Some(atom::MICROSECOND) | Some(atom::MICRO_SECONDS) => Ok(1_000_000),
        Some(atom::NANOSECOND)
        | Some(atom::NANO_SECONDS)
        | Some(atom::NATIVE)
        | Some(atom::PERF_COUNTER) => Ok(1_000_000_000),
        _ => Err(Exception::badarg()),
    }
}

/// Converts `v` from `from` to `to` units per second, rounding toward
/// negative infinity as the BEAM does, as an integer term. The only
/// 128-bit arithmetic of the time natives (`v * to` can pass 64 bits):
/// kept out of line so that each native does not carry its own copy.
#[inline(never)]
fn convert(ctx: &mut Ctx<'_>, v: i64, from: i64, to: i64) -> BifResult {
    let r = (v as i128 * to as i128).div_euclid(from as i128);
    Ok(crate::bignum::from_i128(ctx.heap, r)?)
}

/// An integer term (a bignum beyond the small range).
#[inline(never)]
fn int(ctx: &mut Ctx<'_>, v: i64) -> BifResult {
    Ok(crate::bignum::from_i64(ctx.heap, v)?)
}

// Times in nanoseconds fit an i64 until the year 2262.
fn monotonic_ns(ctx: &mut Ctx<'_>) -> i64 {
    ctx.os.monotonic_ns() as i64
}

fn system_ns(ctx: &mut Ctx<'_>) -> i64 {
    match ctx.os.system_time_ns() {
        Some(t) => t as i64,
        None => monotonic_ns(ctx),
    }
}

fn offset_ns(ctx: &mut Ctx<'_>) -> i64 {
    system_ns(ctx).wrapping_sub(monotonic_ns(ctx))
}

fn monotonic0(ctx: &mut Ctx<'_>, _: &[Term]) -> BifResult {
    let t = monotonic_ns(ctx);
    int(ctx, t)
}

fn monotonic1(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let u = per_second(a[0])?;
    let t = monotonic_ns(ctx);
    convert(ctx, t, 1_000_000_000, u)
}

fn system0(ctx: &mut Ctx<'_>, _: &[Term]) -> BifResult {
    let t = system_ns(ctx);
    int(ctx, t)
}

fn system1(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let u = per_second(a[0])?;
    let t = system_ns(ctx);
    convert(ctx, t, 1_000_000_000, u)
}

fn time_offset0(ctx: &mut Ctx<'_>, _: &[Term]) -> BifResult {
    let off = offset_ns(ctx);
    int(ctx, off)
}

fn time_offset1(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let u = per_second(a[0])?;
    let off = offset_ns(ctx);
    convert(ctx, off, 1_000_000_000, u)
}

fn timestamp(ctx: &mut Ctx<'_>, _: &[Term]) -> BifResult {
    let ns = system_ns(ctx).max(0) as u64;
    let (s, micro) = (ns / 1_000_000_000, (ns % 1_000_000_000) / 1000);
    let (mega, sec) = (s / 1_000_000, s % 1_000_000);
    // All three are below 10^6 (`ns` below 2^63): small on any target.
    let t = [
        Term::small(mega as isize),
        Term::small(sec as isize),
        Term::small(micro as isize),
    ];
    Ok(ctx.heap.tuple(&t)?)
}

fn convert_time_unit(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let v = crate::bignum::to_i64(a[0]).ok_or_else(Exception::badarg)?;
    let (from, to) = (per_second(a[1])?, per_second(a[2])?);
    convert(ctx, v, from, to)
}

fn make_ref(ctx: &mut Ctx<'_>, _: &[Term]) -> BifResult {
    let r = ctx.sched.make_ref();
    Ok(new_ref(ctx.heap, r)?)
}

fn unique0(ctx: &mut Ctx<'_>, _: &[Term]) -> BifResult {
    // Unique but not positive by default, as on the BEAM.
    let n = (ctx.sched.unique_integer() as i64).wrapping_sub(1 << 59);
    int(ctx, n)
}

fn unique1(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let mut positive = false;
    for o in Heap::list_to_vec(a[0]).ok_or_else(Exception::badarg)? {
        match o.as_atom() {
            Some(atom::POSITIVE) => positive = true,
            Some(atom::MONOTONIC) => {}
            _ => return Err(Exception::badarg()),
        }
    }
    if positive {
        let n = ctx.sched.unique_integer() as i64;
        int(ctx, n)
    } else {
        unique0(ctx, &[])
    }
}

/// Reads `[{abs, Bool}]`.
fn abs_opt(opts: Term) -> Result<bool, Exception> {
    let mut abs = false;
    for o in Heap::list_to_vec(opts).ok_or_else(Exception::badarg)? {
        match o.as_tuple() {
            Some(&[k, v]) if k == Term::atom(atom::ABS) && v.is_boolean() => abs = v == Term::TRUE,
            _ => return Err(Exception::badarg()),
        }
    }
    Ok(abs)
}

/// Starts a timer; `wrap` makes the message `{timeout, Ref, Msg}`.
fn start(ctx: &mut Ctx<'_>, time: Term, dest: Term, msg: Term, abs: bool, wrap: bool) -> BifResult {
    let ms = crate::bignum::to_i64(time)
        .filter(|_| time.is_integer())
        .ok_or_else(Exception::badarg)?;
    if !(dest.is_pid() || dest.is_atom()) {
        return Err(Exception::badarg());
    }
    let now = ctx.os.monotonic_ns();
    let deadline = if abs {
        // An absolute time is in milliseconds of monotonic time.
        (ms.max(0) as u64).saturating_mul(1_000_000)
    } else if ms < 0 {
        return Err(Exception::badarg());
    } else {
        now.saturating_add((ms as u64).saturating_mul(1_000_000))
    };
    let id = ctx.sched.make_ref();
    let (m, block) = if wrap {
        timeout_message(id, msg)?
    } else {
        copy_to_block(msg)?
    };
    ctx.sched.timers.add(
        deadline,
        id,
        TimerEvent::Send {
            to: dest,
            msg: m,
            block,
        },
    );
    Ok(new_ref(ctx.heap, id)?)
}

fn send_after3(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    start(ctx, a[0], a[1], a[2], false, false)
}

fn send_after4(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let abs = abs_opt(a[3])?;
    start(ctx, a[0], a[1], a[2], abs, false)
}

fn start_timer3(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    start(ctx, a[0], a[1], a[2], false, true)
}

fn start_timer4(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let abs = abs_opt(a[3])?;
    start(ctx, a[0], a[1], a[2], abs, true)
}

/// Milliseconds left until `deadline`, rounded as the BEAM does.
fn remaining(ctx: &mut Ctx<'_>, deadline: u64) -> BifResult {
    let now = ctx.os.monotonic_ns();
    let left_ms = deadline.saturating_sub(now).div_ceil(1_000_000);
    int(ctx, left_ms as i64)
}

fn cancel_timer1(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let id = a[0].as_reference().ok_or_else(Exception::badarg)?;
    match ctx.sched.timers.cancel(id) {
        Some(d) => remaining(ctx, d),
        None => Ok(Term::FALSE),
    }
}

fn cancel_timer2(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let (mut info, mut is_async) = (true, false);
    for o in Heap::list_to_vec(a[1]).ok_or_else(Exception::badarg)? {
        match o.as_tuple() {
            Some(&[k, v]) if v.is_boolean() && k == Term::atom(atom::INFO) => {
                info = v == Term::TRUE
            }
            Some(&[k, v]) if v.is_boolean() && k == Term::atom(atom::ASYNC) => {
                is_async = v == Term::TRUE
            }
            _ => return Err(Exception::badarg()),
        }
    }
    let r = cancel_timer1(ctx, &a[..1])?;
    if is_async && info {
        // An asynchronous cancel reports through a message.
        let id = a[0].as_reference().ok_or_else(Exception::badarg)?;
        let rt = new_ref(ctx.heap, id)?;
        let msg = ctx.heap.tuple(&[Term::atom(atom::CANCEL_TIMER), rt, r])?;
        let me = ctx.me.pid;
        ctx.sched.send(ctx.me, Term::pid(me), msg)?;
    }
    Ok(if info && !is_async {
        r
    } else {
        Term::atom(atom::OK)
    })
}

fn read_timer1(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let id = a[0].as_reference().ok_or_else(Exception::badarg)?;
    match ctx.sched.timers.deadline(id) {
        Some(d) => remaining(ctx, d),
        None => Ok(Term::FALSE),
    }
}

fn read_timer2(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    read_timer1(ctx, &a[..1])
}
