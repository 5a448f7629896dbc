//! Messages from C: the fixed-size builder and the sending functions,
//! safe in interrupt handlers.

use super::{bytes_arg, gluon_status, str_arg};
use crate::message::{finish_parts, MsgState, Writer};
use crate::queue::{EventQueue, PostError, QueueStats};
use core::ffi::c_char;

/// Event slots in a VM's queue.
pub const GLUON_QUEUE_SLOTS: usize = 32;
/// Bytes of one event: the receiver's registered name plus the message.
pub const GLUON_EVENT_BYTES: usize = 64;
/// Bytes a `gluon_msg` can hold (ETF, with its version byte).
pub const GLUON_MSG_BYTES: usize = 60;

/// A VM's event queue: the handle other tasks and interrupt handlers send
/// through.
pub struct gluon_queue {
    pub(crate) q: EventQueue<GLUON_QUEUE_SLOTS, GLUON_EVENT_BYTES>,
}

/// A message being built, small enough for an interrupt handler's stack.
/// Start it with `gluon_msg_init`, then write the term in prefix order:
/// `gluon_msg_tuple(m, 2)` followed by two elements, and so on.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct gluon_msg {
    state: MsgState,
    bytes: [u8; GLUON_MSG_BYTES],
}

/// The queue's counters.
#[repr(C)]
#[derive(Copy, Clone, Default)]
pub struct gluon_queue_stats {
    /// Messages accepted into the queue.
    pub posted: u32,
    /// Sends refused because the queue was full.
    pub overflowed: u32,
    /// Messages handed to a process.
    pub delivered: u32,
    /// Messages that reached no process (no such name, malformed term).
    pub undeliverable: u32,
    /// The most slots ever in use at once.
    pub high_water: u32,
}

impl From<QueueStats> for gluon_queue_stats {
    fn from(s: QueueStats) -> Self {
        gluon_queue_stats {
            posted: s.posted,
            overflowed: s.overflowed,
            delivered: s.delivered,
            undeliverable: s.undeliverable,
            high_water: s.high_water,
        }
    }
}

fn post_status(r: Result<(), PostError>) -> gluon_status {
    match r {
        Ok(()) => gluon_status::GLUON_OK,
        Err(PostError::Full) => gluon_status::GLUON_E_FULL,
        Err(PostError::TooBig) => gluon_status::GLUON_E_TOO_BIG,
        Err(PostError::Incomplete) => gluon_status::GLUON_E_INCOMPLETE,
    }
}

/// Runs `f` on the message's writer; ignores a null message.
fn write(m: *mut gluon_msg, f: impl FnOnce(&mut Writer<'_>)) {
    // SAFETY: the caller passes null or a valid gluon_msg.
    if let Some(m) = unsafe { m.as_mut() } {
        f(&mut Writer::new(&mut m.state, &mut m.bytes));
    }
}

/// Starts (or restarts) a message.
///
/// # Safety
/// `m` is null or points at a `gluon_msg`.
#[no_mangle]
pub unsafe extern "C" fn gluon_msg_init(m: *mut gluon_msg) {
    // SAFETY: the caller's promise.
    if let Some(m) = unsafe { m.as_mut() } {
        m.state = MsgState::new();
    }
}

/// Appends an atom (a NUL-terminated UTF-8 name of at most 255 bytes).
///
/// # Safety
/// `m` is null or a `gluon_msg`; `name` is a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn gluon_msg_atom(m: *mut gluon_msg, name: *const c_char) {
    // SAFETY: the caller's promise. A bad name is written as an atom too
    // long to fit, which fails the message.
    let name = unsafe { str_arg(name) };
    write(m, |w| match name {
        Some(n) => w.atom(n.as_bytes()),
        None => w.atom(&[0; 256]),
    });
}

/// Appends an integer.
///
/// # Safety
/// `m` is null or a `gluon_msg`.
#[no_mangle]
pub unsafe extern "C" fn gluon_msg_int(m: *mut gluon_msg, value: i64) {
    write(m, |w| w.int(value));
}

/// Appends a float.
///
/// # Safety
/// `m` is null or a `gluon_msg`.
#[no_mangle]
pub unsafe extern "C" fn gluon_msg_float(m: *mut gluon_msg, value: f64) {
    write(m, |w| w.float(value));
}

/// Appends a binary holding a copy of `len` bytes at `data`.
///
/// # Safety
/// `m` is null or a `gluon_msg`; `data` points at `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn gluon_msg_binary(m: *mut gluon_msg, data: *const u8, len: usize) {
    // SAFETY: the caller's promise.
    let bytes = unsafe { bytes_arg(data, len) };
    write(m, |w| match bytes {
        Some(b) => w.binary(b),
        None => w.atom(&[0; 256]),
    });
}

/// Appends a tuple header: `arity` elements follow.
///
/// # Safety
/// `m` is null or a `gluon_msg`.
#[no_mangle]
pub unsafe extern "C" fn gluon_msg_tuple(m: *mut gluon_msg, arity: u32) {
    write(m, |w| w.tuple(arity));
}

/// Appends a list header: `len` elements follow, then the tail (usually
/// `gluon_msg_nil`).
///
/// # Safety
/// `m` is null or a `gluon_msg`.
#[no_mangle]
pub unsafe extern "C" fn gluon_msg_list(m: *mut gluon_msg, len: u32) {
    write(m, |w| w.list(len));
}

/// Appends the empty list.
///
/// # Safety
/// `m` is null or a `gluon_msg`.
#[no_mangle]
pub unsafe extern "C" fn gluon_msg_nil(m: *mut gluon_msg) {
    write(m, |w| w.nil());
}

/// Queues the message for the process registered as `to` and wakes the
/// VM's task. Never blocks or allocates: safe in interrupt handlers.
/// `GLUON_E_FULL` means the queue is full (the refusal is counted in
/// `overflowed`); the sender may retry later or drop the message.
///
/// # Safety
/// `q` is null or a queue from `gluon_queue_of`; `to` is a NUL-terminated
/// string; `m` is null or a `gluon_msg`.
#[no_mangle]
pub unsafe extern "C" fn gluon_send(
    q: *const gluon_queue,
    to: *const c_char,
    m: *const gluon_msg,
) -> gluon_status {
    // SAFETY: the caller's promise.
    let (Some(q), Some(to), Some(m)) = (unsafe { q.as_ref() }, unsafe { str_arg(to) }, unsafe {
        m.as_ref()
    }) else {
        return gluon_status::GLUON_E_INVALID;
    };
    match finish_parts(&m.state, &m.bytes) {
        Ok(etf) => post_status(q.q.post_etf(to.as_bytes(), etf)),
        Err(e) => post_status(Err(e.into())),
    }
}

/// Queues a message given in external term format (`len` bytes starting
/// with the version byte 131, as `term_to_binary` makes them). The bytes
/// are checked when the VM takes the message: a malformed one is counted
/// as undeliverable and reported then. Safe in interrupt handlers.
///
/// # Safety
/// As `gluon_send`; `etf` points at `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn gluon_send_etf(
    q: *const gluon_queue,
    to: *const c_char,
    etf: *const u8,
    len: usize,
) -> gluon_status {
    // SAFETY: the caller's promise.
    let (Some(q), Some(to), Some(etf)) = (unsafe { q.as_ref() }, unsafe { str_arg(to) }, unsafe {
        bytes_arg(etf, len)
    }) else {
        return gluon_status::GLUON_E_INVALID;
    };
    post_status(q.q.post_etf(to.as_bytes(), etf))
}

/// Asks the VM's `gluon_run` to return (state `GLUON_STOPPED`) and wakes
/// it. Safe in interrupt handlers.
///
/// # Safety
/// `q` is null or a queue from `gluon_queue_of`.
#[no_mangle]
pub unsafe extern "C" fn gluon_stop(q: *const gluon_queue) -> gluon_status {
    // SAFETY: the caller's promise.
    match unsafe { q.as_ref() } {
        Some(q) => {
            q.q.request_stop();
            gluon_status::GLUON_OK
        }
        None => gluon_status::GLUON_E_INVALID,
    }
}

/// Copies the queue's counters into `*out`.
///
/// # Safety
/// `q` is null or a queue from `gluon_queue_of`; `out` is null or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn gluon_queue_get_stats(
    q: *const gluon_queue,
    out: *mut gluon_queue_stats,
) -> gluon_status {
    // SAFETY: the caller's promise.
    match (unsafe { q.as_ref() }, unsafe { out.as_mut() }) {
        (Some(q), Some(out)) => {
            *out = q.q.stats().into();
            gluon_status::GLUON_OK
        }
        _ => gluon_status::GLUON_E_INVALID,
    }
}
