//! `std::io::Error` as the POSIX names Erlang reports.

use gluon_vm::os::PosixError;
use std::io::{Error, ErrorKind};

/// The POSIX error an I/O error stands for (`Eio` when unknown).
pub fn posix(e: &Error) -> PosixError {
    match e.kind() {
        ErrorKind::NotFound => PosixError::Enoent,
        ErrorKind::PermissionDenied => PosixError::Eacces,
        ErrorKind::AlreadyExists => PosixError::Eexist,
        ErrorKind::IsADirectory => PosixError::Eisdir,
        ErrorKind::NotADirectory => PosixError::Enotdir,
        ErrorKind::DirectoryNotEmpty => PosixError::Enotempty,
        ErrorKind::ReadOnlyFilesystem => PosixError::Erofs,
        ErrorKind::CrossesDevices => PosixError::Exdev,
        ErrorKind::StorageFull => PosixError::Enospc,
        ErrorKind::InvalidFilename => PosixError::Enametoolong,
        ErrorKind::InvalidInput => PosixError::Einval,
        ErrorKind::WouldBlock => PosixError::Eagain,
        ErrorKind::ConnectionRefused => PosixError::Econnrefused,
        ErrorKind::ConnectionReset => PosixError::Econnreset,
        ErrorKind::ConnectionAborted => PosixError::Econnaborted,
        ErrorKind::NotConnected => PosixError::Enotconn,
        ErrorKind::AddrInUse => PosixError::Eaddrinuse,
        ErrorKind::AddrNotAvailable => PosixError::Eaddrnotavail,
        ErrorKind::BrokenPipe => PosixError::Epipe,
        ErrorKind::TimedOut => PosixError::Etimedout,
        ErrorKind::HostUnreachable => PosixError::Ehostunreach,
        ErrorKind::NetworkUnreachable => PosixError::Enetunreach,
        ErrorKind::OutOfMemory => PosixError::Enomem,
        _ => match e.raw_os_error() {
            // Linux numbers the kinds above do not cover.
            Some(1) => PosixError::Eperm,
            Some(9) => PosixError::Ebadf,
            Some(24) => PosixError::Emfile,
            Some(106) => PosixError::Eisconn,
            _ => PosixError::Eio,
        },
    }
}
