//! A console over any byte stream implementing the `embedded-io` traits
//! (a UART driver of a HAL, a USB CDC class, an RTT channel).
//!
//! `embedded-io` is the byte-stream interface of the embedded-hal family,
//! so most serial drivers implement it already; the [`Os`] trait itself
//! stays free of it (its console hooks are plain byte slices, which a C
//! port can implement too), and a Rust port forwards them here.
//!
//! [`Os`]: gluon_vm::os::Os

use embedded_io::{Read, ReadReady, Write};
use gluon_vm::os::PosixError;

/// The console hooks over a serial stream `S`.
pub struct SerialConsole<S> {
    /// The stream.
    pub port: S,
}

impl<S: Write> SerialConsole<S> {
    /// For [`Os::console_write`](gluon_vm::os::Os::console_write): writes
    /// all of `bytes`, dropping them if the stream fails (there is nowhere
    /// to report a failing console).
    pub fn write(&mut self, bytes: &[u8]) {
        let _ = self.port.write_all(bytes);
        let _ = self.port.flush();
    }
}

impl<S: Read + ReadReady> SerialConsole<S> {
    /// For [`Os::console_read`](gluon_vm::os::Os::console_read): reads
    /// what has arrived, without blocking.
    ///
    /// # Errors
    /// [`PosixError::Eio`] when the stream fails.
    pub fn read(&mut self, buf: &mut [u8]) -> Result<usize, PosixError> {
        match self.port.read_ready() {
            Ok(true) => self.port.read(buf).map_err(|_| PosixError::Eio),
            Ok(false) => Ok(0),
            Err(_) => Err(PosixError::Eio),
        }
    }
}
