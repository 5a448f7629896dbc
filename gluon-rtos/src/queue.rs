//! The interrupt-safe event queue: how C or Rust code, other tasks and
//! interrupt handlers send messages to Erlang processes.
//!
//! A producer posts a registered name and a message (already in external
//! term format, see [`crate::message::Message`]); the bytes are copied
//! into one of `N` fixed slots of `B` bytes under a critical section
//! (`critical-section`: on a host a global lock, on a Cortex-M masking
//! interrupts, on an RTOS the port's critical section), and the VM's task
//! is woken through the platform's [`Waker`]. Nothing is allocated and the
//! VM's heaps are never touched: the VM task turns the bytes into terms
//! when it takes the event ([`crate::runner::Runner`]).
//!
//! The queue is bounded. A post to a full queue fails with
//! [`PostError::Full`] and is counted in [`QueueStats::overflowed`]; a
//! message that reaches no process (no such registered name, malformed
//! bytes, no memory) is counted in [`QueueStats::undeliverable`] and
//! reported. Nothing is lost without a count.

use crate::message::MessageError;
use core::cell::RefCell;
use core::ffi::c_void;

/// How the VM's task is woken: a function safe to call from an interrupt
/// handler (give a binary semaphore, notify the task), with its context.
/// The wake must be remembered until the task next waits
/// ([`gluon_vm::os::Os::wait_event`]), not lost if it is not waiting yet.
#[derive(Copy, Clone)]
pub struct Waker {
    func: unsafe extern "C" fn(*mut c_void),
    data: *mut c_void,
}

// SAFETY: a waker's contract is to be callable from any task or interrupt
// (that is what a platform supplies it for); `data` is only passed back.
unsafe impl Send for Waker {}
// SAFETY: as above.
unsafe impl Sync for Waker {}

/// The Rust side of a waker: something that wakes the VM's task.
pub trait Wake: Sync {
    /// Wakes the task, from any context, interrupts included.
    fn wake(&self);
}

unsafe extern "C" fn wake_trampoline<T: Wake>(data: *mut c_void) {
    // SAFETY: `data` came from the `&'static T` given to `Waker::new`.
    unsafe { (*(data as *const T)).wake() }
}

impl Waker {
    /// A waker calling `w.wake()`.
    pub fn new<T: Wake>(w: &'static T) -> Waker {
        Waker {
            func: wake_trampoline::<T>,
            data: w as *const T as *mut c_void,
        }
    }

    /// A waker calling a C function with `data`.
    ///
    /// # Safety
    /// `func(data)` must be safe to call from any task or interrupt for as
    /// long as the queue holding this waker is in use.
    pub unsafe fn from_raw(func: unsafe extern "C" fn(*mut c_void), data: *mut c_void) -> Waker {
        Waker { func, data }
    }

    fn wake(&self) {
        // SAFETY: guaranteed by the constructors.
        unsafe { (self.func)(self.data) }
    }
}

/// Why a post failed. The message was not queued; the sender still has it.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum PostError {
    /// Every slot is taken: try again after the VM has run, or drop it
    /// (counted in [`QueueStats::overflowed`] either way).
    Full,
    /// The name and message do not fit one slot of `B` bytes.
    TooBig,
    /// The message is not a complete term.
    Incomplete,
}

impl From<MessageError> for PostError {
    fn from(e: MessageError) -> PostError {
        match e {
            MessageError::TooBig => PostError::TooBig,
            MessageError::Incomplete => PostError::Incomplete,
        }
    }
}

/// What happened to the messages posted so far.
#[derive(Copy, Clone, Default, PartialEq, Eq, Debug)]
pub struct QueueStats {
    /// Posts accepted into the queue.
    pub posted: u32,
    /// Posts refused because the queue was full.
    pub overflowed: u32,
    /// Messages handed to a process.
    pub delivered: u32,
    /// Messages taken from the queue that reached no process (no such
    /// registered name, malformed term, out of memory).
    pub undeliverable: u32,
    /// The most slots ever in use at once.
    pub high_water: u32,
}

/// One queued message: the receiver's registered name, then the message
/// as ETF, in `B` bytes.
#[derive(Clone)]
pub struct Event<const B: usize> {
    name_len: u8,
    bytes: heapless::Vec<u8, B, u16>,
}

impl<const B: usize> Event<B> {
    /// The registered name of the receiver (UTF-8 as posted).
    pub fn to(&self) -> &[u8] {
        &self.bytes[..self.name_len as usize]
    }

    /// The message in external term format.
    pub fn etf(&self) -> &[u8] {
        &self.bytes[self.name_len as usize..]
    }
}

struct Inner<const N: usize, const B: usize> {
    events: heapless::Deque<Event<B>, N>,
    stats: QueueStats,
    waker: Option<Waker>,
    stop: bool,
}

/// A bounded queue of `N` events of at most `B` bytes each (name and
/// message), safe to post to from interrupts and other tasks. Make it a
/// `static` (its constructor is `const`) or keep it alive as long as the
/// VM that drains it.
pub struct EventQueue<const N: usize, const B: usize> {
    inner: critical_section::Mutex<RefCell<Inner<N, B>>>,
}

impl<const N: usize, const B: usize> Default for EventQueue<N, B> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const N: usize, const B: usize> EventQueue<N, B> {
    /// An empty queue with no waker.
    pub const fn new() -> Self {
        EventQueue {
            inner: critical_section::Mutex::new(RefCell::new(Inner {
                events: heapless::Deque::new(),
                stats: QueueStats {
                    posted: 0,
                    overflowed: 0,
                    delivered: 0,
                    undeliverable: 0,
                    high_water: 0,
                },
                waker: None,
                stop: false,
            })),
        }
    }

    fn with<R>(&self, f: impl FnOnce(&mut Inner<N, B>) -> R) -> R {
        critical_section::with(|cs| f(&mut self.inner.borrow_ref_mut(cs)))
    }

    /// Sets how posts wake the VM's task.
    pub fn set_waker(&self, waker: Waker) {
        self.with(|q| q.waker = Some(waker));
    }

    /// Queues `etf` (a message in external term format, starting with the
    /// version byte 131) for the process registered as `to`, and wakes the
    /// VM's task. Safe in interrupt handlers. The bytes are checked when
    /// the VM takes the event; a malformed message is counted as
    /// undeliverable then.
    ///
    /// # Errors
    /// [`PostError::Full`] (counted) or [`PostError::TooBig`].
    pub fn post_etf(&self, to: &[u8], etf: &[u8]) -> Result<(), PostError> {
        let name_len = u8::try_from(to.len()).map_err(|_| PostError::TooBig)?;
        let mut bytes = heapless::Vec::new();
        bytes
            .extend_from_slice(to)
            .and_then(|_| bytes.extend_from_slice(etf))
            .map_err(|_| PostError::TooBig)?;
        let ev = Event { name_len, bytes };
        let waker = self.with(|q| {
            if q.events.push_back(ev).is_err() {
                q.stats.overflowed = q.stats.overflowed.wrapping_add(1);
                return Err(PostError::Full);
            }
            q.stats.posted = q.stats.posted.wrapping_add(1);
            q.stats.high_water = q.stats.high_water.max(q.events.len() as u32);
            Ok(q.waker)
        })?;
        // Woken outside the critical section: the waker may take a lock of
        // its own.
        if let Some(w) = waker {
            w.wake();
        }
        Ok(())
    }

    /// Queues a message built with [`crate::message::Message`].
    ///
    /// # Errors
    /// As [`EventQueue::post_etf`], and [`PostError::Incomplete`] or
    /// [`PostError::TooBig`] for a message that was not built whole.
    pub fn post<const M: usize>(
        &self,
        to: &[u8],
        msg: &crate::message::Message<M>,
    ) -> Result<(), PostError> {
        self.post_etf(to, msg.finish()?)
    }

    /// Takes the oldest event (the VM's task does this).
    pub fn pop(&self) -> Option<Event<B>> {
        self.with(|q| q.events.pop_front())
    }

    /// Whether no event waits.
    pub fn is_empty(&self) -> bool {
        self.with(|q| q.events.is_empty())
    }

    /// The counters so far.
    pub fn stats(&self) -> QueueStats {
        self.with(|q| q.stats)
    }

    /// Records the fate of an event taken with [`EventQueue::pop`].
    pub(crate) fn count_delivery(&self, delivered: bool) {
        self.with(|q| {
            let c = if delivered {
                &mut q.stats.delivered
            } else {
                &mut q.stats.undeliverable
            };
            *c = c.wrapping_add(1);
        });
    }

    /// Asks the runner to return from its blocking loop, and wakes it.
    /// Safe in interrupt handlers.
    pub fn request_stop(&self) {
        let waker = self.with(|q| {
            q.stop = true;
            q.waker
        });
        if let Some(w) = waker {
            w.wake();
        }
    }

    /// Whether a stop was requested; clears the request.
    pub(crate) fn take_stop(&self) -> bool {
        self.with(|q| core::mem::take(&mut q.stop))
    }
}
