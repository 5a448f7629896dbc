//! The file hooks over `std::fs`.

use super::errno::posix;
use gluon_vm::os::{FileInfo, FileType, Files, Handle, OpenMode, PosixError, SeekFrom};
use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

/// Open files by handle.
#[derive(Default)]
pub struct HostFiles {
    open: BTreeMap<Handle, File>,
    next: Handle,
}

fn path(p: &[u8]) -> &Path {
    Path::new(OsStr::from_bytes(p))
}

fn io<T>(r: std::io::Result<T>) -> Result<T, PosixError> {
    r.map_err(|e| posix(&e))
}

impl HostFiles {
    fn file(&mut self, h: Handle) -> Result<&mut File, PosixError> {
        self.open.get_mut(&h).ok_or(PosixError::Ebadf)
    }
}

impl Files for HostFiles {
    fn open(&mut self, p: &[u8], mode: OpenMode) -> Result<Handle, PosixError> {
        let mut o = OpenOptions::new();
        match mode {
            OpenMode::Read => o.read(true),
            OpenMode::Write => o.write(true).create(true).truncate(true),
            OpenMode::Append => o.append(true).create(true),
            OpenMode::ReadWrite => o.read(true).write(true).create(true),
        };
        let f = io(o.open(path(p)))?;
        // Opening a directory for reading succeeds on Linux; OTP refuses.
        if io(f.metadata())?.is_dir() {
            return Err(PosixError::Eisdir);
        }
        self.next = self.next.wrapping_add(1);
        self.open.insert(self.next, f);
        Ok(self.next)
    }

    fn read(&mut self, h: Handle, buf: &mut [u8]) -> Result<usize, PosixError> {
        io(self.file(h)?.read(buf))
    }

    fn write(&mut self, h: Handle, data: &[u8]) -> Result<usize, PosixError> {
        io(self.file(h)?.write(data))
    }

    fn close(&mut self, h: Handle) -> Result<(), PosixError> {
        self.open.remove(&h).map(drop).ok_or(PosixError::Ebadf)
    }

    fn seek(&mut self, h: Handle, to: SeekFrom) -> Result<u64, PosixError> {
        let to = match to {
            SeekFrom::Start(n) => std::io::SeekFrom::Start(n),
            SeekFrom::Current(n) => std::io::SeekFrom::Current(n),
            SeekFrom::End(n) => std::io::SeekFrom::End(n),
        };
        io(self.file(h)?.seek(to))
    }

    fn list_dir(&mut self, p: &[u8], each: &mut dyn FnMut(&[u8])) -> Result<(), PosixError> {
        for e in io(std::fs::read_dir(path(p)))? {
            each(io(e)?.file_name().as_bytes());
        }
        Ok(())
    }

    fn delete(&mut self, p: &[u8]) -> Result<(), PosixError> {
        io(std::fs::remove_file(path(p)))
    }

    fn make_dir(&mut self, p: &[u8]) -> Result<(), PosixError> {
        io(std::fs::create_dir(path(p)))
    }

    fn del_dir(&mut self, p: &[u8]) -> Result<(), PosixError> {
        io(std::fs::remove_dir(path(p)))
    }

    fn rename(&mut self, from: &[u8], to: &[u8]) -> Result<(), PosixError> {
        io(std::fs::rename(path(from), path(to)))
    }

    fn info(&mut self, p: &[u8]) -> Result<FileInfo, PosixError> {
        use std::os::unix::fs::MetadataExt;
        let m = io(std::fs::metadata(path(p)))?;
        let kind = if m.is_file() {
            FileType::Regular
        } else if m.is_dir() {
            FileType::Directory
        } else {
            FileType::Other
        };
        // Access as OTP reports it: from the owner's permission bits.
        let mode = m.mode();
        Ok(FileInfo {
            size: m.len(),
            kind,
            readable: mode & 0o400 != 0,
            writable: mode & 0o200 != 0,
            mode,
            mtime: Some(m.mtime()),
        })
    }
}
