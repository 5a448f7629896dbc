//! The optional capability groups: files, sockets, peripherals.
//!
//! Each is a trait whose methods all default to
//! [`PosixError::Enotsup`], so a platform implements only the operations
//! it has. None of them blocks: an operation that would wait returns
//! [`PosixError::Eagain`], and the platform wakes the VM's task (as for
//! any event) when it can go on; for sockets, the VM learns it through
//! [`Sockets::poll`]. The Erlang drivers over these groups (`file`,
//! `gen_tcp`, `gen_udp`, `gpio`, `i2c`, `spi`, `uart`) are natives in
//! `crate::bif` (`gluon_file`, `gluon_net`, `gluon_hal`) under Erlang
//! modules of the bundled standard library; `docs/drivers.md` describes
//! them.

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
    /// Moves the read/write position: `Ok(new position)`.
    ///
    /// # Errors
    /// The platform's reason, `Enotsup` by default.
    fn seek(&mut self, _h: Handle, _to: SeekFrom) -> Result<u64, PosixError> {
        Err(NO)
    }
    /// Creates a directory.
    ///
    /// # Errors
    /// The platform's reason, `Enotsup` by default.
    fn make_dir(&mut self, _path: &[u8]) -> Result<(), PosixError> {
        Err(NO)
    }
    /// Deletes an empty directory.
    ///
    /// # Errors
    /// The platform's reason, `Enotsup` by default.
    fn del_dir(&mut self, _path: &[u8]) -> Result<(), PosixError> {
        Err(NO)
    }
    /// Renames (moves) a file or directory.
    ///
    /// # Errors
    /// The platform's reason, `Enotsup` by default.
    fn rename(&mut self, _from: &[u8], _to: &[u8]) -> Result<(), PosixError> {
        Err(NO)
    }
    /// What is at `path` (following symbolic links).
    ///
    /// # Errors
    /// The platform's reason, `Enotsup` by default.
    fn info(&mut self, _path: &[u8]) -> Result<FileInfo, PosixError> {
        Err(NO)
    }
}

/// Where [`Files::seek`] counts from.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum SeekFrom {
    /// From the start of the file.
    Start(u64),
    /// From the current position.
    Current(i64),
    /// From the end of the file.
    End(i64),
}

/// The kind of a file system entry.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum FileType {
    /// A regular file.
    Regular,
    /// A directory.
    Directory,
    /// A symbolic link, a device...
    Other,
}

/// What [`Files::info`] reports: the part of OTP's `#file_info{}` a small
/// file system knows.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub struct FileInfo {
    /// Size in bytes.
    pub size: u64,
    /// Its kind.
    pub kind: FileType,
    /// Whether it can be read and written (`read`, `write`, `read_write`,
    /// `none` in Erlang).
    pub readable: bool,
    /// See `readable`.
    pub writable: bool,
    /// The POSIX mode bits, 0 when unknown.
    pub mode: u32,
    /// Last modification, seconds since the Unix epoch, if known.
    pub mtime: Option<i64>,
}

/// What a socket can do now, as [`Sockets::poll`] reports it.
#[derive(Copy, Clone, PartialEq, Eq, Debug, Default)]
pub struct Readiness {
    /// Data (or the peer's close) can be received; on a listener, a
    /// connection can be accepted.
    pub readable: bool,
    /// Data can be sent; on a connecting socket, the connection is made.
    pub writable: bool,
    /// The socket failed (a refused connection, a reset).
    pub error: Option<PosixError>,
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
    /// What the socket can do now, without blocking. The VM calls it for
    /// sockets a process waits on or that deliver active-mode messages,
    /// between runs and before it reports itself idle; the platform should
    /// wake the VM's task ([`super::Os::wait_event`] returns) when one of
    /// its sockets becomes ready.
    ///
    /// # Errors
    /// The platform's reason, `Enotsup` by default.
    fn poll(&mut self, _h: Handle) -> Result<Readiness, PosixError> {
        Err(NO)
    }
    /// The local address a socket is bound to.
    ///
    /// # Errors
    /// The platform's reason, `Enotsup` by default.
    fn local_addr(&mut self, _h: Handle) -> Result<SocketAddr, PosixError> {
        Err(NO)
    }
    /// The address of a connected socket's peer.
    ///
    /// # Errors
    /// The platform's reason, `Enotsup` by default.
    fn peer_addr(&mut self, _h: Handle) -> Result<SocketAddr, PosixError> {
        Err(NO)
    }
    /// Shuts down the sending half of a TCP connection.
    ///
    /// # Errors
    /// The platform's reason, `Enotsup` by default.
    fn shutdown_write(&mut self, _h: Handle) -> Result<(), PosixError> {
        Err(NO)
    }
}

/// How a GPIO pin is used.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum PinMode {
    /// A floating input.
    Input,
    /// An input with the pull-up resistor on.
    InputPullUp,
    /// An input with the pull-down resistor on.
    InputPullDown,
    /// A push-pull output.
    Output,
}

/// Board peripherals, numbered by the platform (pin, bus). A port built
/// on `embedded-hal` drivers maps these onto them.
pub trait Peripherals {
    /// Makes a GPIO pin an input or an output.
    ///
    /// # Errors
    /// The platform's reason, `Enotsup` by default.
    fn gpio_set_mode(&mut self, _pin: u32, _mode: PinMode) -> Result<(), PosixError> {
        Err(NO)
    }
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
