//! Errors of the optional capabilities, named as Erlang names them.

use crate::bif::Exception;
use crate::heap::Heap;
use crate::term::{atom, AtomTable, Term};

/// Why a capability call failed: the POSIX error names that OTP's `file`
/// and `inet` report as `{error, Name}`.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub enum PosixError {
    /// The platform does not offer this operation.
    Enotsup,
    /// No such file or directory.
    Enoent,
    /// Permission denied.
    Eacces,
    /// The file exists.
    Eexist,
    /// Is a directory.
    Eisdir,
    /// Not a directory.
    Enotdir,
    /// Bad handle.
    Ebadf,
    /// Invalid argument.
    Einval,
    /// No space left on the device.
    Enospc,
    /// Out of memory.
    Enomem,
    /// Would block: try again after the next event.
    Eagain,
    /// Connection refused.
    Econnrefused,
    /// Connection reset by the peer.
    Econnreset,
    /// Timed out.
    Etimedout,
    /// Address in use.
    Eaddrinuse,
    /// Host unreachable.
    Ehostunreach,
    /// Input/output error.
    Eio,
}

impl PosixError {
    /// The name Erlang uses (`enotsup`, `enoent`, ...).
    pub fn name(self) -> &'static str {
        match self {
            PosixError::Enotsup => "enotsup",
            PosixError::Enoent => "enoent",
            PosixError::Eacces => "eacces",
            PosixError::Eexist => "eexist",
            PosixError::Eisdir => "eisdir",
            PosixError::Enotdir => "enotdir",
            PosixError::Ebadf => "ebadf",
            PosixError::Einval => "einval",
            PosixError::Enospc => "enospc",
            PosixError::Enomem => "enomem",
            PosixError::Eagain => "eagain",
            PosixError::Econnrefused => "econnrefused",
            PosixError::Econnreset => "econnreset",
            PosixError::Etimedout => "etimedout",
            PosixError::Eaddrinuse => "eaddrinuse",
            PosixError::Ehostunreach => "ehostunreach",
            PosixError::Eio => "eio",
        }
    }
}

impl core::fmt::Display for PosixError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}

/// `{error, Name}` on `heap`: what a driver returns to Erlang when a
/// capability call fails or the capability is missing.
///
/// # Errors
/// `system_limit` when the atom table is full; the out-of-memory exit when
/// the heap cannot grow.
pub fn error_tuple(
    heap: &mut Heap,
    atoms: &mut AtomTable,
    e: PosixError,
) -> Result<Term, Exception> {
    let name = atoms
        .intern(e.name())
        .map_err(|_| Exception::system_limit())?;
    Ok(heap.tuple(&[Term::atom(atom::ERROR), Term::atom(name)])?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_capability_reads_as_error_enotsup() {
        let mut heap = Heap::new(16).unwrap();
        let mut atoms = AtomTable::new(1 << 10);
        let t = error_tuple(&mut heap, &mut atoms, PosixError::Enotsup).unwrap();
        let body = t.boxed_body();
        assert_eq!(body[0], Term::atom(atom::ERROR));
        assert_eq!(atoms.name(body[1].as_atom().unwrap()), "enotsup");
    }
}
