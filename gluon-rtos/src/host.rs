//! The host (std) implementation of the OS hooks: standard output and
//! error, `std::time` clocks, and a condition variable for waiting.

use crate::queue::{Wake, Waker};
use gluon_vm::os::Os;
use std::io::Write;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Program output is buffered (as the BEAM's is) and flushed at exit and
/// before anything is written to standard error, so the two interleave in
/// program order.
static STDOUT: Mutex<Option<std::io::BufWriter<std::io::Stdout>>> = Mutex::new(None);

fn with_stdout(f: impl FnOnce(&mut std::io::BufWriter<std::io::Stdout>)) {
    let mut g = STDOUT.lock().unwrap_or_else(|e| e.into_inner());
    let w = g.get_or_insert_with(|| std::io::BufWriter::with_capacity(8 << 10, std::io::stdout()));
    f(w);
}

/// Flushes buffered program output.
pub fn flush_stdout() {
    with_stdout(|w| {
        let _ = w.flush();
    });
}

/// A remembered wake-up (a binary semaphore): set by any thread, taken by
/// the VM's thread when it waits.
#[derive(Default)]
pub struct HostSignal {
    pending: Mutex<bool>,
    cv: Condvar,
}

impl Wake for HostSignal {
    fn wake(&self) {
        *self.pending.lock().unwrap_or_else(|e| e.into_inner()) = true;
        self.cv.notify_one();
    }
}

impl HostSignal {
    /// Waits until woken or `timeout` passes (`None`: no timeout), and
    /// consumes the wake-up.
    pub fn wait(&self, timeout: Option<Duration>) {
        let mut p = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        let end = timeout.map(|t| Instant::now() + t);
        while !*p {
            p = match end {
                None => self.cv.wait(p).unwrap_or_else(|e| e.into_inner()),
                Some(end) => {
                    let now = Instant::now();
                    if now >= end {
                        break;
                    }
                    self.cv
                        .wait_timeout(p, end - now)
                        .unwrap_or_else(|e| e.into_inner())
                        .0
                }
            };
        }
        *p = false;
    }
}

unsafe extern "C" fn wake_host_signal(data: *mut core::ffi::c_void) {
    // SAFETY: `data` is the `HostSignal` of an `Arc` kept alive by the
    // `HostOs` whose `waker` made it (see there).
    unsafe { (*(data as *const HostSignal)).wake() }
}

/// OS hooks over the Rust standard library.
pub struct HostOs {
    start: Instant,
    signal: Arc<HostSignal>,
}

impl Default for HostOs {
    fn default() -> Self {
        Self::new()
    }
}

impl HostOs {
    /// Hooks whose monotonic clock starts now.
    pub fn new() -> HostOs {
        HostOs {
            start: Instant::now(),
            signal: Arc::default(),
        }
    }

    /// The signal that ends [`Os::wait_event`].
    pub fn signal(&self) -> Arc<HostSignal> {
        self.signal.clone()
    }

    /// A waker for an event queue, waking this `HostOs`'s waits.
    ///
    /// # Safety
    /// The waker points at this `HostOs`'s signal without owning it: it
    /// must not be used after this `HostOs` and every clone of
    /// [`HostOs::signal`] are dropped.
    pub unsafe fn waker(&self) -> Waker {
        let data = Arc::as_ptr(&self.signal) as *mut core::ffi::c_void;
        // SAFETY: `wake_host_signal` only touches the signal, which is
        // thread-safe; its lifetime is the caller's promise.
        unsafe { Waker::from_raw(wake_host_signal, data) }
    }
}

impl Os for HostOs {
    fn console_write(&mut self, bytes: &[u8]) {
        with_stdout(|w| {
            let _ = w.write_all(bytes);
        });
    }

    fn report_write(&mut self, bytes: &[u8]) {
        flush_stdout();
        let _ = std::io::stderr().write_all(bytes);
    }

    fn monotonic_ns(&mut self) -> u64 {
        self.start.elapsed().as_nanos() as u64
    }

    fn system_time_ns(&mut self) -> Option<u64> {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .ok()
            .map(|d| d.as_nanos() as u64)
    }

    fn wait_event(&mut self, deadline: Option<u64>) {
        // Output written so far is visible while the VM sleeps.
        flush_stdout();
        let timeout = deadline.map(|t| Duration::from_nanos(t.saturating_sub(self.monotonic_ns())));
        self.signal.wait(timeout);
    }
}
