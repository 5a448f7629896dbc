//! The optional capability groups: files, sockets, peripherals.
//!
//! Each is a trait whose methods all default to
//! [`PosixError::Enotsup`], so a platform implements only the operations
//! it has. None of them blocks: an operation that would wait returns
//! [`PosixError::Eagain`], and the platform wakes the VM's task (as for
//! any event) when it can go on. The Erlang drivers over these groups
//! (`file`, `gen_tcp`, GPIO...) come with their own issue; the method sets
//! here are the contract they will build on.

use super::PosixError;
use core::net::SocketAddr;

/// A platform's number for an open file or socket.
pub type Handle = u32;

/// How a file is opened.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum OpenMode {
    /// Reading from the start.
    Read,
    /// Writing, truncating or creating the file.
    Write,
    /// Writing at the end, creating the file.
    Append,
    /// Reading and writing, creating the file.
    ReadWrite,
}

const NO: PosixError = PosixError::Enotsup;

/// A file system. Paths are bytes as Erlang gives them (UTF-8 in
/// practice).
pub trait Files {
    /// Opens a file.
    ///
    /// # Errors
    /// The platform's reason, `Enotsup` by default.
    fn open(&mut self, _path: &[u8], _mode: OpenMode) -> Result<Handle, PosixError> {
        Err(NO)
    }
    /// Reads up to `buf.len()` bytes; `Ok(0)` at the end of the file.
    ///
    /// # Errors
    /// The platform's reason, `Enotsup` by default.
    fn read(&mut self, _h: Handle, _buf: &mut [u8]) -> Result<usize, PosixError> {
        Err(NO)
    }
    /// Writes bytes; returns how many were written.
    ///
    /// # Errors
    /// The platform's reason, `Enotsup` by default.
    fn write(&mut self, _h: Handle, _data: &[u8]) -> Result<usize, PosixError> {
        Err(NO)
    }
    /// Closes a file.
    ///
    /// # Errors
    /// The platform's reason, `Enotsup` by default.
    fn close(&mut self, _h: Handle) -> Result<(), PosixError> {
        Err(NO)
    }
    /// Calls `each` with the name of every entry of a directory.
    ///
    /// # Errors
    /// The platform's reason, `Enotsup` by default.
    fn list_dir(&mut self, _path: &[u8], _each: &mut dyn FnMut(&[u8])) -> Result<(), PosixError> {
        Err(NO)
    }
    /// Deletes a file.
    ///
    /// # Errors
    /// The platform's reason, `Enotsup` by default.
    fn delete(&mut self, _path: &[u8]) -> Result<(), PosixError> {
        Err(NO)
    }
}

/// A network stack: TCP and UDP, non-blocking.
pub trait Sockets {
    /// Starts a TCP connection (completion is an event; `send` before it
    /// returns `Eagain`).
    ///
    /// # Errors
    /// The platform's reason, `Enotsup` by default.
    fn tcp_connect(&mut self, _to: SocketAddr) -> Result<Handle, PosixError> {
        Err(NO)
    }
    /// Listens for TCP connections.
    ///
    /// # Errors
    /// The platform's reason, `Enotsup` by default.
    fn tcp_listen(&mut self, _at: SocketAddr, _backlog: u32) -> Result<Handle, PosixError> {
        Err(NO)
    }
    /// Accepts a pending connection (`Eagain` when none waits).
    ///
    /// # Errors
    /// The platform's reason, `Enotsup` by default.
    fn tcp_accept(&mut self, _listener: Handle) -> Result<Handle, PosixError> {
        Err(NO)
    }
    /// Opens a UDP socket bound to `at`.
    ///
    /// # Errors
    /// The platform's reason, `Enotsup` by default.
    fn udp_open(&mut self, _at: SocketAddr) -> Result<Handle, PosixError> {
        Err(NO)
    }
    /// Sends on a connected TCP socket, or to `to` on a UDP one; returns
    /// how many bytes were taken.
    ///
    /// # Errors
    /// The platform's reason, `Enotsup` by default.
    fn send(
        &mut self,
        _h: Handle,
        _data: &[u8],
        _to: Option<SocketAddr>,
    ) -> Result<usize, PosixError> {
        Err(NO)
    }
    /// Receives what has arrived (`Eagain` when nothing has; `Ok((0, _))`
    /// when a TCP peer closed), with the sender's address for UDP.
    ///
    /// # Errors
    /// The platform's reason, `Enotsup` by default.
    fn recv(
        &mut self,
        _h: Handle,
        _buf: &mut [u8],
    ) -> Result<(usize, Option<SocketAddr>), PosixError> {
        Err(NO)
    }
    /// Closes a socket.
    ///
    /// # Errors
    /// The platform's reason, `Enotsup` by default.
    fn close(&mut self, _h: Handle) -> Result<(), PosixError> {
        Err(NO)
    }
}

/// Board peripherals, numbered by the platform (pin, bus). A port built
/// on `embedded-hal` drivers maps these onto them.
pub trait Peripherals {
    /// Drives a GPIO output high or low.
    ///
    /// # Errors
    /// The platform's reason, `Enotsup` by default.
    fn gpio_write(&mut self, _pin: u32, _high: bool) -> Result<(), PosixError> {
        Err(NO)
    }
    /// Reads a GPIO input.
    ///
    /// # Errors
    /// The platform's reason, `Enotsup` by default.
    fn gpio_read(&mut self, _pin: u32) -> Result<bool, PosixError> {
        Err(NO)
    }
    /// Writes `write` then reads `read.len()` bytes from I²C device `addr`.
    ///
    /// # Errors
    /// The platform's reason, `Enotsup` by default.
    fn i2c_write_read(
        &mut self,
        _bus: u32,
        _addr: u16,
        _write: &[u8],
        _read: &mut [u8],
    ) -> Result<(), PosixError> {
        Err(NO)
    }
    /// Exchanges `data` in place over SPI.
    ///
    /// # Errors
    /// The platform's reason, `Enotsup` by default.
    fn spi_transfer(&mut self, _bus: u32, _data: &mut [u8]) -> Result<(), PosixError> {
        Err(NO)
    }
    /// Writes bytes to a UART; returns how many were taken.
    ///
    /// # Errors
    /// The platform's reason, `Enotsup` by default.
    fn uart_write(&mut self, _port: u32, _data: &[u8]) -> Result<usize, PosixError> {
        Err(NO)
    }
    /// Reads bytes that have arrived on a UART (`Ok(0)`: none yet).
    ///
    /// # Errors
    /// The platform's reason, `Enotsup` by default.
    fn uart_read(&mut self, _port: u32, _buf: &mut [u8]) -> Result<usize, PosixError> {
        Err(NO)
    }
}
