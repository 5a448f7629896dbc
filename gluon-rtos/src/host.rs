//! The host (std) implementation of the OS hooks.

use gluon_vm::os::Os;
use std::io::Write;
use std::sync::Mutex;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

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

/// OS hooks over the Rust standard library.
pub struct HostOs {
    start: Instant,
}

impl HostOs {
    /// Hooks whose monotonic clock starts now.
    pub fn new() -> HostOs {
        HostOs {
            start: Instant::now(),
        }
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
}
