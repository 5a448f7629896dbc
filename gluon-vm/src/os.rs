//! The OS hooks: everything the VM needs from the platform it runs on.
//!
//! The core never calls an operating system itself. A platform (the host's
//! std implementation, FreeRTOS, Zephyr) implements [`Os`]; optional
//! capability groups have defaults that answer "not supported".

/// The platform services the VM uses.
pub trait Os {
    /// Writes program output (the console / standard output).
    fn console_write(&mut self, bytes: &[u8]);
    /// Writes diagnostics such as crash reports (standard error on a host,
    /// the log on an RTOS).
    fn report_write(&mut self, bytes: &[u8]) {
        self.console_write(bytes);
    }
    /// Monotonic time in nanoseconds since an arbitrary start.
    fn monotonic_ns(&mut self) -> u64;
    /// Wall-clock time in nanoseconds since the Unix epoch, if known.
    fn system_time_ns(&mut self) -> Option<u64> {
        None
    }
}
