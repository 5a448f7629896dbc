//! Reading a bundle of modules: the AVM ("packbeam") layout that MCU
//! Erlang tooling writes, so one flash image carries an application.
//!
//! The layout (from its public description): a 24-byte header
//! `#!/usr/bin/env AtomVM\n` and two NUL bytes, then entries, each a
//! 12-byte head of three big-endian `u32` (the entry's whole size, flags,
//! a reserved word), the entry's NUL-terminated name padded to 4 bytes,
//! and its data. The next entry starts `size` bytes after this one's head.
//! Flag 1 marks the start module, 2 a BEAM module, 4 a plain file. An
//! entry of size 0, or one named `end`, ends the bundle.

/// The bundle header.
pub const HEADER: &[u8; 24] = b"#!/usr/bin/env AtomVM\n\0\0";
/// Flag of the module to start.
pub const START: u32 = 1;
/// Flag of a BEAM module.
pub const BEAM: u32 = 2;

/// Why bytes are not a bundle.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum BundleError {
    /// The header is missing.
    BadHeader,
    /// The entry at this offset runs past the end or is malformed.
    BadEntry(usize),
}

impl core::fmt::Display for BundleError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            BundleError::BadHeader => f.write_str("not a bundle (bad header)"),
            BundleError::BadEntry(at) => write!(f, "malformed bundle entry at byte {at}"),
        }
    }
}

/// One entry of a bundle.
#[derive(Copy, Clone, Debug)]
pub struct Entry<'a> {
    /// Its name (`lists.beam`, `priv/config.txt`).
    pub name: &'a str,
    /// Its flags ([`START`], [`BEAM`]).
    pub flags: u32,
    /// Its bytes.
    pub data: &'a [u8],
}

impl<'a> Entry<'a> {
    /// The module name of a BEAM entry: its name without `.beam`.
    pub fn module(&self) -> Option<&'a str> {
        if self.flags & BEAM == 0 {
            return None;
        }
        Some(self.name.strip_suffix(".beam").unwrap_or(self.name))
    }
}

/// The entries of a bundle, in order.
pub struct Entries<'a> {
    bytes: &'a [u8],
    at: usize,
    done: bool,
}

/// Checks the header of `bytes` and iterates over its entries.
///
/// # Errors
/// [`BundleError::BadHeader`] when the bytes do not start like a bundle.
pub fn entries(bytes: &[u8]) -> Result<Entries<'_>, BundleError> {
    if !bytes.starts_with(HEADER) {
        return Err(BundleError::BadHeader);
    }
    Ok(Entries {
        bytes,
        at: HEADER.len(),
        done: false,
    })
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

impl<'a> Entries<'a> {
    fn entry(&self) -> Option<Option<(Entry<'a>, usize)>> {
        let b = self.bytes;
        let at = self.at;
        if at == b.len() {
            return Some(None);
        }
        let size = be32(b, at)? as usize;
        let flags = be32(b, at + 4)?;
        if size == 0 {
            return Some(None);
        }
        let end = at
            .checked_add(size)
            .filter(|&e| e <= b.len() && size >= 12)?;
        let name_at = at + 12;
        let nul = b[name_at..end].iter().position(|&c| c == 0)?;
        let name = core::str::from_utf8(&b[name_at..name_at + nul]).ok()?;
        if name == "end" {
            return Some(None);
        }
        let data_at = (name_at + nul + 1).next_multiple_of(4).min(end);
        let data = &b[data_at..end];
        Some(Some((Entry { name, flags, data }, end)))
    }
}

impl<'a> Iterator for Entries<'a> {
    type Item = Result<Entry<'a>, BundleError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.entry() {
            Some(Some((e, next))) => {
                self.at = next;
                Some(Ok(e))
            }
            Some(None) => {
                self.done = true;
                None
            }
            None => {
                self.done = true;
                Some(Err(BundleError::BadEntry(self.at)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    /// An entry as the layout describes it.
    fn entry(out: &mut Vec<u8>, name: &str, flags: u32, data: &[u8]) {
        let name_len = (name.len() + 1).next_multiple_of(4);
        let size = 12 + name_len + data.len();
        out.extend_from_slice(&(size as u32).to_be_bytes());
        out.extend_from_slice(&flags.to_be_bytes());
        out.extend_from_slice(&[0; 4]);
        out.extend_from_slice(name.as_bytes());
        out.resize(out.len() + name_len - name.len(), 0);
        out.extend_from_slice(data);
    }

    #[test]
    fn reads_entries_until_the_end_marker() {
        let mut b = HEADER.to_vec();
        entry(&mut b, "app.beam", START | BEAM, b"FOR1 app");
        entry(&mut b, "lib.beam", BEAM, b"FOR1 lib!");
        entry(&mut b, "notes.txt", 4, b"hi");
        entry(&mut b, "end", 0, b"");
        b.extend_from_slice(b"trailing bytes are not read");
        let v: Vec<Entry<'_>> = entries(&b).unwrap().map(Result::unwrap).collect();
        assert_eq!(v.len(), 3);
        assert_eq!(
            (v[0].module(), v[0].flags, v[0].data),
            (Some("app"), 3, &b"FOR1 app"[..])
        );
        assert_eq!((v[1].module(), v[1].data), (Some("lib"), &b"FOR1 lib!"[..]));
        assert_eq!((v[2].name, v[2].module()), ("notes.txt", None));
    }

    #[test]
    fn malformed_bundles_are_errors() {
        assert!(matches!(entries(b"FOR1"), Err(BundleError::BadHeader)));
        let mut b = HEADER.to_vec();
        entry(&mut b, "app.beam", BEAM, b"FOR1");
        let cut = &b[..b.len() - 2];
        let r: Vec<_> = entries(cut).unwrap().collect();
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].unwrap_err(), BundleError::BadEntry(24));
        // A size smaller than the head itself.
        let mut b = HEADER.to_vec();
        b.extend_from_slice(&[0, 0, 0, 4, 0, 0, 0, 2, 0, 0, 0, 0]);
        assert!(entries(&b).unwrap().next().unwrap().is_err());
    }
}
