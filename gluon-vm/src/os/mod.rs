//! The OS hooks: everything the VM needs from the platform it runs on.
//!
//! The core never calls an operating system itself. A platform (the host's
//! std implementation, FreeRTOS, Zephyr) implements [`Os`]. Only console
//! output and a monotonic clock are required; every other hook has a
//! default, so a port starts with two functions and adds what its board
//! has. The model is MicroPython's `mphalport` and WAMR's platform layer:
//! a short list of functions, no platform header in the core.
//!
//! What the hooks cover:
//!
//! - **Time**: [`Os::monotonic_ns`] (timers, `erlang:monotonic_time`),
//!   [`Os::system_time_ns`] when the board has a wall clock.
//! - **Waiting**: [`Os::wait_event`] blocks the VM's task until an event
//!   arrives or a deadline passes; the runner of `gluon-rtos` calls it when
//!   every process waits. The other half, waking that task from another
//!   task or an interrupt, belongs to whoever posts events (the event
//!   queue of `gluon-rtos`), not to the VM.
//! - **Console**: bytes out ([`Os::console_write`], [`Os::report_write`])
//!   and in ([`Os::console_read`], non-blocking).
//! - **Memory**: the VM allocates through Rust's global allocator, which is
//!   the embedder's (on `no_std` firmware a `#[global_allocator]` over the
//!   RTOS heap or a dedicated region). Term memory is also charged to
//!   [`crate::memory`], whose budget ([`crate::memory::set_limit`]) the
//!   embedder sets and whose use ([`crate::memory::used`],
//!   [`crate::memory::peak`]) it can report.
//! - **Optional capabilities**: [`Files`], [`Sockets`], [`Peripherals`].
//!   A platform without one returns `None` from its accessor (the
//!   default), and every method of a present group defaults to
//!   [`PosixError::Enotsup`]: the Erlang side then gets
//!   `{error, enotsup}` (see [`error_tuple`]), never a crash.

mod caps;
mod posix;

pub use caps::{Files, Handle, OpenMode, Peripherals, Sockets};
pub use posix::{error_tuple, PosixError};

/// The platform services the VM uses.
pub trait Os {
    /// Writes program output (the console / standard output).
    fn console_write(&mut self, bytes: &[u8]);
    /// Writes diagnostics such as crash reports (standard error on a host,
    /// the log on an RTOS).
    fn report_write(&mut self, bytes: &[u8]) {
        self.console_write(bytes);
    }
    /// Reads console input that has already arrived into `buf`, without
    /// blocking; `Ok(0)` when none is waiting. Arrival of input should
    /// wake the VM's task like any other event.
    ///
    /// # Errors
    /// [`PosixError::Enotsup`] (the default) when the platform has no
    /// console input.
    fn console_read(&mut self, _buf: &mut [u8]) -> Result<usize, PosixError> {
        Err(PosixError::Enotsup)
    }
    /// Monotonic time in nanoseconds since an arbitrary start.
    fn monotonic_ns(&mut self) -> u64;
    /// Wall-clock time in nanoseconds since the Unix epoch, if known.
    fn system_time_ns(&mut self) -> Option<u64> {
        None
    }
    /// Blocks the calling task until an event arrives or the monotonic
    /// time `deadline` (ns, the clock of [`Os::monotonic_ns`]) passes;
    /// `None` means no deadline. Called only when no process can run.
    ///
    /// Returning early is always allowed (the caller re-checks), so the
    /// default, which returns at once, is correct but spins; a platform
    /// should block on its primitive (a task notification, a semaphore, a
    /// condition variable). The wake-up must be remembered if it comes
    /// before the wait starts (a binary semaphore, not an edge), or an
    /// event posted between the caller's last check and this call would
    /// wait for the next deadline.
    fn wait_event(&mut self, _deadline: Option<u64>) {}
    /// The file system, if the platform has one.
    fn files(&mut self) -> Option<&mut dyn Files> {
        None
    }
    /// Sockets, if the platform has a network stack.
    fn sockets(&mut self) -> Option<&mut dyn Sockets> {
        None
    }
    /// Peripherals (GPIO, I²C, SPI, UART), if the platform exposes any.
    fn peripherals(&mut self) -> Option<&mut dyn Peripherals> {
        None
    }
}
