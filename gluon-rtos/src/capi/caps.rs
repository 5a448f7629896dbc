//! The optional capability groups of a C platform: files, sockets and
//! peripherals as tables of function pointers.
//!
//! A firmware points `gluon_platform.files` (`.sockets`, `.peripherals`)
//! at a table it fills in, or leaves it NULL: Erlang's `file` (`gen_tcp`,
//! `gpio`...) then answers `{error, enotsup}`, as it does for a NULL entry
//! of a table. Every hook gets the platform's `ctx` first and returns 0
//! (or a byte count) on success, a negated `gluon_errno` on failure
//! (`return -GLUON_ENOENT;`), as Zephyr's and POSIX's calls return
//! `-errno`. No hook may block: one that would wait returns
//! `-GLUON_EAGAIN` and the platform wakes the VM (`wake`) when it can go
//! on.

use ::gluon_vm::os::{
    FileInfo, FileType, Files, Handle, OpenMode, Peripherals, PinMode, PosixError, Readiness,
    SeekFrom, Sockets,
};
use alloc::vec::Vec;
use core::ffi::{c_char, c_void};
use core::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

/// Why a capability hook failed: return it negated (`-GLUON_ENOENT`).
/// Erlang sees the lower-case name (`{error, enoent}`); a value outside
/// this list reads as `eio`.
#[repr(C)]
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum gluon_errno {
    /// Not supported.
    GLUON_ENOTSUP = 1,
    /// No such file or directory.
    GLUON_ENOENT = 2,
    /// Permission denied.
    GLUON_EACCES = 3,
    /// The file exists.
    GLUON_EEXIST = 4,
    /// Is a directory.
    GLUON_EISDIR = 5,
    /// Not a directory.
    GLUON_ENOTDIR = 6,
    /// Bad handle.
    GLUON_EBADF = 7,
    /// Invalid argument.
    GLUON_EINVAL = 8,
    /// No space left on the device.
    GLUON_ENOSPC = 9,
    /// Out of memory.
    GLUON_ENOMEM = 10,
    /// Would block: the platform calls `wake` when it can go on.
    GLUON_EAGAIN = 11,
    /// Connection refused.
    GLUON_ECONNREFUSED = 12,
    /// Connection reset by the peer.
    GLUON_ECONNRESET = 13,
    /// Timed out.
    GLUON_ETIMEDOUT = 14,
    /// Address in use.
    GLUON_EADDRINUSE = 15,
    /// Host unreachable.
    GLUON_EHOSTUNREACH = 16,
    /// Input/output error.
    GLUON_EIO = 17,
    /// Operation not permitted.
    GLUON_EPERM = 18,
    /// Directory not empty.
    GLUON_ENOTEMPTY = 19,
    /// Cross-device link.
    GLUON_EXDEV = 20,
    /// Not connected.
    GLUON_ENOTCONN = 21,
    /// Read-only file system.
    GLUON_EROFS = 22,
    /// Too many open files.
    GLUON_EMFILE = 23,
    /// Address not available.
    GLUON_EADDRNOTAVAIL = 24,
    /// Broken pipe.
    GLUON_EPIPE = 25,
    /// Name too long.
    GLUON_ENAMETOOLONG = 26,
    /// Network unreachable.
    GLUON_ENETUNREACH = 27,
    /// Connection aborted.
    GLUON_ECONNABORTED = 28,
    /// Already connected.
    GLUON_EISCONN = 29,
}

/// The error of a negative hook result.
fn posix(code: isize) -> PosixError {
    use gluon_errno::*;
    const TABLE: [(gluon_errno, PosixError); 29] = [
        (GLUON_ENOTSUP, PosixError::Enotsup),
        (GLUON_ENOENT, PosixError::Enoent),
        (GLUON_EACCES, PosixError::Eacces),
        (GLUON_EEXIST, PosixError::Eexist),
        (GLUON_EISDIR, PosixError::Eisdir),
        (GLUON_ENOTDIR, PosixError::Enotdir),
        (GLUON_EBADF, PosixError::Ebadf),
        (GLUON_EINVAL, PosixError::Einval),
        (GLUON_ENOSPC, PosixError::Enospc),
        (GLUON_ENOMEM, PosixError::Enomem),
        (GLUON_EAGAIN, PosixError::Eagain),
        (GLUON_ECONNREFUSED, PosixError::Econnrefused),
        (GLUON_ECONNRESET, PosixError::Econnreset),
        (GLUON_ETIMEDOUT, PosixError::Etimedout),
        (GLUON_EADDRINUSE, PosixError::Eaddrinuse),
        (GLUON_EHOSTUNREACH, PosixError::Ehostunreach),
        (GLUON_EIO, PosixError::Eio),
        (GLUON_EPERM, PosixError::Eperm),
        (GLUON_ENOTEMPTY, PosixError::Enotempty),
        (GLUON_EXDEV, PosixError::Exdev),
        (GLUON_ENOTCONN, PosixError::Enotconn),
        (GLUON_EROFS, PosixError::Erofs),
        (GLUON_EMFILE, PosixError::Emfile),
        (GLUON_EADDRNOTAVAIL, PosixError::Eaddrnotavail),
        (GLUON_EPIPE, PosixError::Epipe),
        (GLUON_ENAMETOOLONG, PosixError::Enametoolong),
        (GLUON_ENETUNREACH, PosixError::Enetunreach),
        (GLUON_ECONNABORTED, PosixError::Econnaborted),
        (GLUON_EISCONN, PosixError::Eisconn),
    ];
    TABLE
        .iter()
        .find(|(c, _)| *c as isize == -code)
        .map_or(PosixError::Eio, |&(_, e)| e)
}

/// A hook's status (0 or a negated `gluon_errno`) as a result.
fn status(r: i32) -> Result<(), PosixError> {
    if r >= 0 {
        Ok(())
    } else {
        Err(posix(r as isize))
    }
}

/// A hook's byte count (or a negated `gluon_errno`) as a result.
fn count(r: isize) -> Result<usize, PosixError> {
    if r >= 0 {
        Ok(r as usize)
    } else {
        Err(posix(r))
    }
}

/// A hook's entry, or `Enotsup` when the table leaves it NULL.
fn hook<F>(f: Option<F>) -> Result<F, PosixError> {
    f.ok_or(PosixError::Enotsup)
}

/// A path as a NUL-terminated copy (the C file APIs want one).
fn c_path(path: &[u8]) -> Result<Vec<u8>, PosixError> {
    if path.contains(&0) {
        return Err(PosixError::Einval);
    }
    let mut v = Vec::new();
    v.try_reserve_exact(path.len() + 1)
        .map_err(|_| PosixError::Enomem)?;
    v.extend_from_slice(path);
    v.push(0);
    Ok(v)
}

/// How `open` opens a file.
#[repr(C)]
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum gluon_open_mode {
    /// Reading from the start; the file must exist.
    GLUON_OPEN_READ = 0,
    /// Writing: create, or truncate an existing file.
    GLUON_OPEN_WRITE = 1,
    /// Writing at the end, creating the file.
    GLUON_OPEN_APPEND = 2,
    /// Reading and writing, creating the file, not truncating.
    GLUON_OPEN_READ_WRITE = 3,
}

/// Where `seek` counts from.
#[repr(C)]
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum gluon_whence {
    /// From the start of the file.
    GLUON_SEEK_SET = 0,
    /// From the current position.
    GLUON_SEEK_CUR = 1,
    /// From the end of the file.
    GLUON_SEEK_END = 2,
}

/// What `info` reports about a path.
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct gluon_file_info {
    /// Size in bytes.
    pub size: u64,
    /// True for a directory.
    pub is_dir: bool,
    /// True for something that is neither a regular file nor a directory.
    pub is_other: bool,
    /// Whether it can be read.
    pub readable: bool,
    /// Whether it can be written.
    pub writable: bool,
    /// POSIX mode bits, 0 when unknown.
    pub mode: u32,
    /// Last modification in seconds since 1970, if `has_mtime`.
    pub mtime: i64,
    /// Whether `mtime` is known.
    pub has_mtime: bool,
}

/// Called by `list_dir` with each entry's name (not NUL-terminated).
pub type gluon_dir_entry_fn =
    unsafe extern "C" fn(each_ctx: *mut c_void, name: *const u8, len: usize);

/// The file system hooks. Paths are NUL-terminated UTF-8 as Erlang gives
/// them; handles are the platform's numbers. A NULL entry answers
/// `{error, enotsup}`.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct gluon_files {
    /// Opens `path`; stores its handle in `*handle`.
    pub open: Option<
        unsafe extern "C" fn(
            ctx: *mut c_void,
            path: *const c_char,
            mode: gluon_open_mode,
            handle: *mut u32,
        ) -> i32,
    >,
    /// Reads up to `len` bytes: the count, 0 at the end of the file.
    pub read: Option<
        unsafe extern "C" fn(ctx: *mut c_void, handle: u32, buf: *mut u8, len: usize) -> isize,
    >,
    /// Writes bytes: how many were written.
    pub write: Option<
        unsafe extern "C" fn(ctx: *mut c_void, handle: u32, data: *const u8, len: usize) -> isize,
    >,
    /// Closes a file.
    pub close: Option<unsafe extern "C" fn(ctx: *mut c_void, handle: u32) -> i32>,
    /// Moves the position to `offset` from `whence`; stores the new
    /// position in `*position`.
    pub seek: Option<
        unsafe extern "C" fn(
            ctx: *mut c_void,
            handle: u32,
            offset: i64,
            whence: gluon_whence,
            position: *mut u64,
        ) -> i32,
    >,
    /// Calls `each(each_ctx, name, len)` for every entry of a directory
    /// (not `.` and `..`).
    pub list_dir: Option<
        unsafe extern "C" fn(
            ctx: *mut c_void,
            path: *const c_char,
            each: gluon_dir_entry_fn,
            each_ctx: *mut c_void,
        ) -> i32,
    >,
    /// Deletes a file.
    pub remove: Option<unsafe extern "C" fn(ctx: *mut c_void, path: *const c_char) -> i32>,
    /// Creates a directory.
    pub make_dir: Option<unsafe extern "C" fn(ctx: *mut c_void, path: *const c_char) -> i32>,
    /// Deletes an empty directory.
    pub del_dir: Option<unsafe extern "C" fn(ctx: *mut c_void, path: *const c_char) -> i32>,
    /// Renames a file or directory.
    pub rename: Option<
        unsafe extern "C" fn(ctx: *mut c_void, from: *const c_char, to: *const c_char) -> i32,
    >,
    /// Fills `*info` for `path`.
    pub info: Option<
        unsafe extern "C" fn(
            ctx: *mut c_void,
            path: *const c_char,
            info: *mut gluon_file_info,
        ) -> i32,
    >,
}

/// A socket address: IPv4 (`family` 4, `addr[0..4]`) or IPv6 (`family`
/// 6), address bytes and port in host order as written (`127.0.0.1` is
/// `{127, 0, 0, 1}`).
#[repr(C)]
#[derive(Copy, Clone, Debug, Default)]
pub struct gluon_sockaddr {
    /// 4 or 6 (0 in a `recv` result: no address).
    pub family: u8,
    /// The port.
    pub port: u16,
    /// The address, most significant byte first.
    pub addr: [u8; 16],
}

impl gluon_sockaddr {
    fn from_rust(a: SocketAddr) -> gluon_sockaddr {
        let mut s = gluon_sockaddr {
            port: a.port(),
            ..Default::default()
        };
        match a.ip() {
            IpAddr::V4(ip) => {
                s.family = 4;
                s.addr[..4].copy_from_slice(&ip.octets());
            }
            IpAddr::V6(ip) => {
                s.family = 6;
                s.addr = ip.octets();
            }
        }
        s
    }

    fn to_rust(self) -> Option<SocketAddr> {
        let ip = match self.family {
            4 => IpAddr::V4(Ipv4Addr::new(
                self.addr[0],
                self.addr[1],
                self.addr[2],
                self.addr[3],
            )),
            6 => IpAddr::V6(Ipv6Addr::from(self.addr)),
            _ => return None,
        };
        Some(SocketAddr::new(ip, self.port))
    }
}

/// What a socket can do now (`poll`).
#[repr(C)]
#[derive(Copy, Clone, Debug, Default)]
pub struct gluon_readiness {
    /// Data or the peer's close can be received; a listener can accept.
    pub readable: bool,
    /// Data can be sent; a connecting socket is connected.
    pub writable: bool,
    /// 0, or the negated `gluon_errno` the socket failed with.
    pub error: i32,
}

/// The network hooks: TCP and UDP, never blocking. While a process
/// waits on a socket, the VM calls `poll` before it sleeps; the platform
/// calls `wake` when a socket becomes ready (or bounds `wait_event`'s
/// sleep while sockets are open). A NULL entry answers
/// `{error, enotsup}`.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct gluon_sockets {
    /// Starts a TCP connection; done when `poll` reports it writable.
    pub tcp_connect: Option<
        unsafe extern "C" fn(ctx: *mut c_void, to: *const gluon_sockaddr, handle: *mut u32) -> i32,
    >,
    /// Listens for TCP connections.
    pub tcp_listen: Option<
        unsafe extern "C" fn(
            ctx: *mut c_void,
            at: *const gluon_sockaddr,
            backlog: u32,
            handle: *mut u32,
        ) -> i32,
    >,
    /// Accepts a pending connection (`-GLUON_EAGAIN` when none waits).
    pub tcp_accept:
        Option<unsafe extern "C" fn(ctx: *mut c_void, listener: u32, handle: *mut u32) -> i32>,
    /// Opens a UDP socket bound to `at`.
    pub udp_open: Option<
        unsafe extern "C" fn(ctx: *mut c_void, at: *const gluon_sockaddr, handle: *mut u32) -> i32,
    >,
    /// Sends on a TCP socket (`to` NULL) or to `to` on a UDP one: how
    /// many bytes were taken.
    pub send: Option<
        unsafe extern "C" fn(
            ctx: *mut c_void,
            handle: u32,
            data: *const u8,
            len: usize,
            to: *const gluon_sockaddr,
        ) -> isize,
    >,
    /// Receives what has arrived: the count (0: a TCP peer closed),
    /// `-GLUON_EAGAIN` when nothing has; a UDP sender's address in
    /// `*from`.
    pub recv: Option<
        unsafe extern "C" fn(
            ctx: *mut c_void,
            handle: u32,
            buf: *mut u8,
            len: usize,
            from: *mut gluon_sockaddr,
        ) -> isize,
    >,
    /// Closes a socket.
    pub close: Option<unsafe extern "C" fn(ctx: *mut c_void, handle: u32) -> i32>,
    /// What the socket can do now, without blocking.
    pub poll: Option<
        unsafe extern "C" fn(ctx: *mut c_void, handle: u32, out: *mut gluon_readiness) -> i32,
    >,
    /// The local address of a socket.
    pub local_addr: Option<
        unsafe extern "C" fn(ctx: *mut c_void, handle: u32, out: *mut gluon_sockaddr) -> i32,
    >,
    /// The peer's address of a connected socket.
    pub peer_addr: Option<
        unsafe extern "C" fn(ctx: *mut c_void, handle: u32, out: *mut gluon_sockaddr) -> i32,
    >,
    /// Shuts down the sending half of a TCP connection.
    pub shutdown_write: Option<unsafe extern "C" fn(ctx: *mut c_void, handle: u32) -> i32>,
}

/// How `gpio_set_mode` sets a pin.
#[repr(C)]
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum gluon_pin_mode {
    /// A floating input.
    GLUON_PIN_INPUT = 0,
    /// An input with its pull-up on.
    GLUON_PIN_INPUT_PULL_UP = 1,
    /// An input with its pull-down on.
    GLUON_PIN_INPUT_PULL_DOWN = 2,
    /// A push-pull output.
    GLUON_PIN_OUTPUT = 3,
}

/// The peripheral hooks behind Erlang's `gpio`, `i2c`, `spi` and `uart`
/// modules; pins, buses and ports are the platform's numbers. A NULL
/// entry answers `{error, enotsup}`; an unknown number should answer
/// `-GLUON_ENOENT`.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct gluon_peripherals {
    /// Makes a pin an input or an output.
    pub gpio_set_mode:
        Option<unsafe extern "C" fn(ctx: *mut c_void, pin: u32, mode: gluon_pin_mode) -> i32>,
    /// Drives an output.
    pub gpio_write: Option<unsafe extern "C" fn(ctx: *mut c_void, pin: u32, high: bool) -> i32>,
    /// Reads a pin into `*high`.
    pub gpio_read: Option<unsafe extern "C" fn(ctx: *mut c_void, pin: u32, high: *mut bool) -> i32>,
    /// Writes `write_len` bytes, then reads `read_len` from I²C device
    /// `addr` on `bus`.
    pub i2c_write_read: Option<
        unsafe extern "C" fn(
            ctx: *mut c_void,
            bus: u32,
            addr: u16,
            write: *const u8,
            write_len: usize,
            read: *mut u8,
            read_len: usize,
        ) -> i32,
    >,
    /// Exchanges `len` bytes in place over SPI.
    pub spi_transfer:
        Option<unsafe extern "C" fn(ctx: *mut c_void, bus: u32, data: *mut u8, len: usize) -> i32>,
    /// Writes to a UART: how many bytes were taken.
    pub uart_write: Option<
        unsafe extern "C" fn(ctx: *mut c_void, port: u32, data: *const u8, len: usize) -> isize,
    >,
    /// Reads what has arrived on a UART (0: nothing yet).
    pub uart_read: Option<
        unsafe extern "C" fn(ctx: *mut c_void, port: u32, buf: *mut u8, len: usize) -> isize,
    >,
}

/// [`Files`] over a C table.
pub(crate) struct CFiles {
    pub(crate) ctx: *mut c_void,
    pub(crate) t: gluon_files,
}

// SAFETY (every `unsafe` block below): the embedder gave these tables and
// `ctx` for the VM's life and implements each entry as documented; the
// pointers passed are valid for the call.
impl Files for CFiles {
    fn open(&mut self, path: &[u8], mode: OpenMode) -> Result<Handle, PosixError> {
        let f = hook(self.t.open)?;
        let p = c_path(path)?;
        let m = match mode {
            OpenMode::Read => gluon_open_mode::GLUON_OPEN_READ,
            OpenMode::Write => gluon_open_mode::GLUON_OPEN_WRITE,
            OpenMode::Append => gluon_open_mode::GLUON_OPEN_APPEND,
            OpenMode::ReadWrite => gluon_open_mode::GLUON_OPEN_READ_WRITE,
        };
        let mut h = 0;
        status(unsafe { f(self.ctx, p.as_ptr().cast(), m, &mut h) })?;
        Ok(h)
    }

    fn read(&mut self, h: Handle, buf: &mut [u8]) -> Result<usize, PosixError> {
        let f = hook(self.t.read)?;
        count(unsafe { f(self.ctx, h, buf.as_mut_ptr(), buf.len()) }).map(|n| n.min(buf.len()))
    }

    fn write(&mut self, h: Handle, data: &[u8]) -> Result<usize, PosixError> {
        let f = hook(self.t.write)?;
        count(unsafe { f(self.ctx, h, data.as_ptr(), data.len()) }).map(|n| n.min(data.len()))
    }

    fn close(&mut self, h: Handle) -> Result<(), PosixError> {
        let f = hook(self.t.close)?;
        status(unsafe { f(self.ctx, h) })
    }

    fn list_dir(&mut self, path: &[u8], each: &mut dyn FnMut(&[u8])) -> Result<(), PosixError> {
        unsafe extern "C" fn trampoline(each_ctx: *mut c_void, name: *const u8, len: usize) {
            // SAFETY: `each_ctx` is the `&mut &mut dyn FnMut` below, live
            // during the `list_dir` call; the platform passes a name of
            // `len` bytes.
            let each = unsafe { &mut *each_ctx.cast::<&mut dyn FnMut(&[u8])>() };
            if let Some(name) = unsafe { super::bytes_arg(name, len) } {
                each(name);
            }
        }
        let f = hook(self.t.list_dir)?;
        let p = c_path(path)?;
        let mut each = each;
        let each_ctx = (&mut each as *mut &mut dyn FnMut(&[u8])).cast::<c_void>();
        status(unsafe { f(self.ctx, p.as_ptr().cast(), trampoline, each_ctx) })
    }

    fn delete(&mut self, path: &[u8]) -> Result<(), PosixError> {
        let f = hook(self.t.remove)?;
        let p = c_path(path)?;
        status(unsafe { f(self.ctx, p.as_ptr().cast()) })
    }

    fn seek(&mut self, h: Handle, to: SeekFrom) -> Result<u64, PosixError> {
        let f = hook(self.t.seek)?;
        let (off, whence) = match to {
            SeekFrom::Start(n) => (
                i64::try_from(n).map_err(|_| PosixError::Einval)?,
                gluon_whence::GLUON_SEEK_SET,
            ),
            SeekFrom::Current(n) => (n, gluon_whence::GLUON_SEEK_CUR),
            SeekFrom::End(n) => (n, gluon_whence::GLUON_SEEK_END),
        };
        let mut pos = 0;
        status(unsafe { f(self.ctx, h, off, whence, &mut pos) })?;
        Ok(pos)
    }

    fn make_dir(&mut self, path: &[u8]) -> Result<(), PosixError> {
        let f = hook(self.t.make_dir)?;
        let p = c_path(path)?;
        status(unsafe { f(self.ctx, p.as_ptr().cast()) })
    }

    fn del_dir(&mut self, path: &[u8]) -> Result<(), PosixError> {
        let f = hook(self.t.del_dir)?;
        let p = c_path(path)?;
        status(unsafe { f(self.ctx, p.as_ptr().cast()) })
    }

    fn rename(&mut self, from: &[u8], to: &[u8]) -> Result<(), PosixError> {
        let f = hook(self.t.rename)?;
        let (a, b) = (c_path(from)?, c_path(to)?);
        status(unsafe { f(self.ctx, a.as_ptr().cast(), b.as_ptr().cast()) })
    }

    fn info(&mut self, path: &[u8]) -> Result<FileInfo, PosixError> {
        let f = hook(self.t.info)?;
        let p = c_path(path)?;
        let mut i = gluon_file_info {
            size: 0,
            is_dir: false,
            is_other: false,
            readable: true,
            writable: true,
            mode: 0,
            mtime: 0,
            has_mtime: false,
        };
        status(unsafe { f(self.ctx, p.as_ptr().cast(), &mut i) })?;
        Ok(FileInfo {
            size: i.size,
            kind: if i.is_dir {
                FileType::Directory
            } else if i.is_other {
                FileType::Other
            } else {
                FileType::Regular
            },
            readable: i.readable,
            writable: i.writable,
            mode: i.mode,
            mtime: i.has_mtime.then_some(i.mtime),
        })
    }
}

/// [`Sockets`] over a C table.
pub(crate) struct CSockets {
    pub(crate) ctx: *mut c_void,
    pub(crate) t: gluon_sockets,
}

fn addr_out(
    f: unsafe extern "C" fn(*mut c_void, u32, *mut gluon_sockaddr) -> i32,
    ctx: *mut c_void,
    h: Handle,
) -> Result<SocketAddr, PosixError> {
    let mut a = gluon_sockaddr::default();
    // SAFETY: as for the tables' entries.
    status(unsafe { f(ctx, h, &mut a) })?;
    a.to_rust().ok_or(PosixError::Eio)
}

impl Sockets for CSockets {
    fn tcp_connect(&mut self, to: SocketAddr) -> Result<Handle, PosixError> {
        let f = hook(self.t.tcp_connect)?;
        let (a, mut h) = (gluon_sockaddr::from_rust(to), 0);
        status(unsafe { f(self.ctx, &a, &mut h) })?;
        Ok(h)
    }

    fn tcp_listen(&mut self, at: SocketAddr, backlog: u32) -> Result<Handle, PosixError> {
        let f = hook(self.t.tcp_listen)?;
        let (a, mut h) = (gluon_sockaddr::from_rust(at), 0);
        status(unsafe { f(self.ctx, &a, backlog, &mut h) })?;
        Ok(h)
    }

    fn tcp_accept(&mut self, listener: Handle) -> Result<Handle, PosixError> {
        let f = hook(self.t.tcp_accept)?;
        let mut h = 0;
        status(unsafe { f(self.ctx, listener, &mut h) })?;
        Ok(h)
    }

    fn udp_open(&mut self, at: SocketAddr) -> Result<Handle, PosixError> {
        let f = hook(self.t.udp_open)?;
        let (a, mut h) = (gluon_sockaddr::from_rust(at), 0);
        status(unsafe { f(self.ctx, &a, &mut h) })?;
        Ok(h)
    }

    fn send(
        &mut self,
        h: Handle,
        data: &[u8],
        to: Option<SocketAddr>,
    ) -> Result<usize, PosixError> {
        let f = hook(self.t.send)?;
        let a = to.map(gluon_sockaddr::from_rust);
        let ap = a.as_ref().map_or(core::ptr::null(), |a| a as *const _);
        count(unsafe { f(self.ctx, h, data.as_ptr(), data.len(), ap) }).map(|n| n.min(data.len()))
    }

    fn recv(
        &mut self,
        h: Handle,
        buf: &mut [u8],
    ) -> Result<(usize, Option<SocketAddr>), PosixError> {
        let f = hook(self.t.recv)?;
        let mut from = gluon_sockaddr::default();
        let n = count(unsafe { f(self.ctx, h, buf.as_mut_ptr(), buf.len(), &mut from) })?;
        Ok((n.min(buf.len()), from.to_rust()))
    }

    fn close(&mut self, h: Handle) -> Result<(), PosixError> {
        let f = hook(self.t.close)?;
        status(unsafe { f(self.ctx, h) })
    }

    fn poll(&mut self, h: Handle) -> Result<Readiness, PosixError> {
        let f = hook(self.t.poll)?;
        let mut r = gluon_readiness::default();
        status(unsafe { f(self.ctx, h, &mut r) })?;
        Ok(Readiness {
            readable: r.readable,
            writable: r.writable,
            error: (r.error < 0).then(|| posix(r.error as isize)),
        })
    }

    fn local_addr(&mut self, h: Handle) -> Result<SocketAddr, PosixError> {
        addr_out(hook(self.t.local_addr)?, self.ctx, h)
    }

    fn peer_addr(&mut self, h: Handle) -> Result<SocketAddr, PosixError> {
        addr_out(hook(self.t.peer_addr)?, self.ctx, h)
    }

    fn shutdown_write(&mut self, h: Handle) -> Result<(), PosixError> {
        let f = hook(self.t.shutdown_write)?;
        status(unsafe { f(self.ctx, h) })
    }
}

/// [`Peripherals`] over a C table.
pub(crate) struct CPeripherals {
    pub(crate) ctx: *mut c_void,
    pub(crate) t: gluon_peripherals,
}

impl Peripherals for CPeripherals {
    fn gpio_set_mode(&mut self, pin: u32, mode: PinMode) -> Result<(), PosixError> {
        let f = hook(self.t.gpio_set_mode)?;
        let m = match mode {
            PinMode::Input => gluon_pin_mode::GLUON_PIN_INPUT,
            PinMode::InputPullUp => gluon_pin_mode::GLUON_PIN_INPUT_PULL_UP,
            PinMode::InputPullDown => gluon_pin_mode::GLUON_PIN_INPUT_PULL_DOWN,
            PinMode::Output => gluon_pin_mode::GLUON_PIN_OUTPUT,
        };
        status(unsafe { f(self.ctx, pin, m) })
    }

    fn gpio_write(&mut self, pin: u32, high: bool) -> Result<(), PosixError> {
        let f = hook(self.t.gpio_write)?;
        status(unsafe { f(self.ctx, pin, high) })
    }

    fn gpio_read(&mut self, pin: u32) -> Result<bool, PosixError> {
        let f = hook(self.t.gpio_read)?;
        let mut high = false;
        status(unsafe { f(self.ctx, pin, &mut high) })?;
        Ok(high)
    }

    fn i2c_write_read(
        &mut self,
        bus: u32,
        addr: u16,
        write: &[u8],
        read: &mut [u8],
    ) -> Result<(), PosixError> {
        let f = hook(self.t.i2c_write_read)?;
        status(unsafe {
            f(
                self.ctx,
                bus,
                addr,
                write.as_ptr(),
                write.len(),
                read.as_mut_ptr(),
                read.len(),
            )
        })
    }

    fn spi_transfer(&mut self, bus: u32, data: &mut [u8]) -> Result<(), PosixError> {
        let f = hook(self.t.spi_transfer)?;
        status(unsafe { f(self.ctx, bus, data.as_mut_ptr(), data.len()) })
    }

    fn uart_write(&mut self, port: u32, data: &[u8]) -> Result<usize, PosixError> {
        let f = hook(self.t.uart_write)?;
        count(unsafe { f(self.ctx, port, data.as_ptr(), data.len()) }).map(|n| n.min(data.len()))
    }

    fn uart_read(&mut self, port: u32, buf: &mut [u8]) -> Result<usize, PosixError> {
        let f = hook(self.t.uart_read)?;
        count(unsafe { f(self.ctx, port, buf.as_mut_ptr(), buf.len()) }).map(|n| n.min(buf.len()))
    }
}
