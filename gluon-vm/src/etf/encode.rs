//! Encoding, byte-identical to OTP 25's `term_to_binary/1,2`.
//!
//! What OTP 25 writes (checked on OTP 25):
//! - integers: 0..=255 `SMALL_INTEGER_EXT`, other 32-bit values
//!   `INTEGER_EXT`, else `SMALL_BIG_EXT` (up to 255 magnitude bytes) or
//!   `LARGE_BIG_EXT`, magnitude little-endian without high zero bytes;
//! - floats: `NEW_FLOAT_EXT`; with minor version 0, `FLOAT_EXT`;
//! - atoms: with minor versions 0 and 1 (1 is OTP 25's default) an atom
//!   whose characters are all Latin-1 is `ATOM_EXT` (two length bytes,
//!   even when short; OTP 25 never writes `SMALL_ATOM_EXT`), any other
//!   atom `SMALL_ATOM_UTF8_EXT` (`ATOM_UTF8_EXT` above 255 bytes); minor
//!   version 2 (OTP 26's default) uses the UTF-8 forms for every atom.
//!   Node names inside pids, ports and references follow the same rule;
//! - a proper list of at most 65535 integers in 0..=255 is `STRING_EXT`,
//!   any other list `LIST_EXT` with all its cells and its tail;
//! - maps: `MAP_EXT` with pairs in key order (what OTP 25 writes for maps
//!   of up to 32 pairs; larger OTP maps come out in hash-trie order, which
//!   differs between OTP releases and follows atom-table indices, so no
//!   other VM can reproduce it: docs/etf.md);
//! - bitstrings: `BINARY_EXT`, or `BIT_BINARY_EXT` with the unused low
//!   bits of the last byte zero;
//! - pids: `NEW_PID_EXT` (`nonode@nohost`, ID = low 32 bits of the pid
//!   number, serial = the bits above, creation 0); ports: `NEW_PORT_EXT`
//!   (`V4_PORT_EXT` for numbers above 32 bits); references:
//!   `NEWER_REFERENCE_EXT` with 3 id words shaped as OTP's (18, 32 and 14
//!   bits of the 64-bit id);
//! - export funs: `EXPORT_EXT` with the arity as an integer;
//! - `compressed`: `COMPRESSED` wrapping zlib data, but only when that is
//!   not longer than the plain encoding (OTP's rule, including ties);
//!   level 0 means no compression. The zlib data is zlib's own bytes
//!   (see [`super::deflate`]), so compressed encodings are identical too.

use super::{float, tag, EtfError, LOCAL_NODE};
use crate::term::{read_u64, AtomTable, HeaderTag, Term};
use alloc::vec::Vec;

/// Options of `term_to_binary/2`. The default is `term_to_binary/1`'s.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub struct EncodeOptions {
    /// `{minor_version, V}`: 0 writes floats as text, 2 writes all atoms as
    /// UTF-8; 1 (the default) neither. At most 2.
    pub minor_version: u8,
    /// `{compressed, Level}`: a zlib level 1..=9, or 0 for no compression
    /// (`compressed` alone is level 6). Compressing needs up to some
    /// 250 KB of working memory besides the output (zlib's window, hash
    /// chains and symbol buffer; for short terms about 7 KB and under 20 bytes
    /// per byte).
    pub compression: u8,
}

impl EncodeOptions {
    /// `term_to_binary/1` on OTP 25: minor version 1, no compression.
    pub const DEFAULT: EncodeOptions = EncodeOptions {
        minor_version: 1,
        compression: 0,
    };
    /// The level of the plain `compressed` option.
    pub const DEFAULT_COMPRESSION: u8 = 6;

    fn check(&self) -> Result<(), EtfError> {
        if self.minor_version > 2 || self.compression > 9 {
            return Err(EtfError::BadOption);
        }
        Ok(())
    }
}

impl Default for EncodeOptions {
    fn default() -> EncodeOptions {
        EncodeOptions::DEFAULT
    }
}

/// Encodes `term` as `term_to_binary(Term, Options)` does, version byte
/// included.
///
/// The output is sized first ([`encoded_size`]) and allocated once;
/// running out of memory is an error, not an abort. Closures are
/// [`EtfError::Unsupported`] for now.
pub fn encode(term: Term, atoms: &AtomTable, opts: EncodeOptions) -> Result<Vec<u8>, EtfError> {
    opts.check()?;
    let size = encoded_size(term, atoms, opts)?;
    let mut out = Vec::new();
    out.try_reserve_exact(size)
        .map_err(|_| EtfError::out_of_memory())?;
    out.push(tag::VERSION);
    walk(term, atoms, opts.minor_version, &mut out)?;
    debug_assert_eq!(out.len(), size);
    if opts.compression > 0 {
        if let Some(z) = compressed(&out, opts.compression)? {
            return Ok(z);
        }
    }
    Ok(out)
}

/// The length of [`encode`]'s output without compression, computed
/// without encoding: `erlang:external_size/1,2` (which, on OTP 25, accepts
/// no `compressed` option; `opts.compression` is ignored here).
pub fn encoded_size(term: Term, atoms: &AtomTable, opts: EncodeOptions) -> Result<usize, EtfError> {
    opts.check()?;
    let mut n = Count(1);
    walk(term, atoms, opts.minor_version, &mut n)?;
    Ok(n.0)
}

/// Where encoded bytes go: a buffer, or a counter.
trait Sink {
    fn put(&mut self, bytes: &[u8]);
}

impl Sink for Vec<u8> {
    fn put(&mut self, bytes: &[u8]) {
        // The capacity was reserved from the exact size.
        self.extend_from_slice(bytes);
    }
}

struct Count(usize);

impl Sink for Count {
    fn put(&mut self, bytes: &[u8]) {
        self.0 = self.0.saturating_add(bytes.len());
    }
}

/// Work left while walking a term: an explicit stack (on the heap, at most
/// one item per nesting level) instead of recursion, so that deep terms
/// cannot overflow the machine stack.
enum Item {
    Term(Term),
    /// Tuple elements or map keys and values, in order.
    Seq(&'static [Term]),
    /// The cells of a list from this one on, then its tail.
    Cells(Term),
    /// A large map's keys and values in key order, from an index on.
    Sorted(alloc::rc::Rc<[Term]>, usize),
}

fn push(stack: &mut Vec<Item>, item: Item) -> Result<(), EtfError> {
    stack
        .try_reserve(1)
        .map_err(|_| EtfError::out_of_memory())?;
    stack.push(item);
    Ok(())
}

fn walk(term: Term, atoms: &AtomTable, minor: u8, out: &mut impl Sink) -> Result<(), EtfError> {
    let mut stack: Vec<Item> = Vec::new();
    let mut next = Some(Item::Term(term));
    loop {
        let item = match next.take().or_else(|| stack.pop()) {
            Some(i) => i,
            None => return Ok(()),
        };
        let t = match item {
            Item::Term(t) => t,
            Item::Seq(s) => match s.split_first() {
                Some((&first, rest)) => {
                    if !rest.is_empty() {
                        push(&mut stack, Item::Seq(rest))?;
                    }
                    first
                }
                None => continue,
            },
            Item::Sorted(words, at) => match words.get(at) {
                Some(&first) => {
                    if at + 1 < words.len() {
                        push(&mut stack, Item::Sorted(words.clone(), at + 1))?;
                    }
                    first
                }
                None => continue,
            },
            Item::Cells(c) => {
                let (h, t) = c.as_cons().ok_or(EtfError::BadTerm)?;
                push(
                    &mut stack,
                    if t.is_list() {
                        Item::Cells(t)
                    } else {
                        Item::Term(t)
                    },
                )?;
                h
            }
        };
        next = head(t, atoms, minor, out)?;
    }
}

/// Writes the head of `t`; returns what follows it, if anything.
fn head(
    t: Term,
    atoms: &AtomTable,
    minor: u8,
    out: &mut impl Sink,
) -> Result<Option<Item>, EtfError> {
    if let Some(n) = t.as_small() {
        put_integer(out, n as i64);
    } else if let Some(a) = t.as_atom() {
        put_atom(out, atoms.name(a), minor);
    } else if t.is_nil() {
        out.put(&[tag::NIL_EXT]);
    } else if t.is_list() {
        return list(t, out);
    } else if t.is_pid() {
        let n = t.pid_index() as u64;
        out.put(&[tag::NEW_PID_EXT]);
        put_atom(out, LOCAL_NODE, minor);
        out.put(&(n as u32).to_be_bytes());
        out.put(&((n >> 32) as u32).to_be_bytes());
        out.put(&0u32.to_be_bytes());
    } else if t.is_port() {
        let n = t.port_index() as u64;
        if let Ok(n) = u32::try_from(n) {
            out.put(&[tag::NEW_PORT_EXT]);
            put_atom(out, LOCAL_NODE, minor);
            out.put(&n.to_be_bytes());
        } else {
            out.put(&[tag::V4_PORT_EXT]);
            put_atom(out, LOCAL_NODE, minor);
            out.put(&n.to_be_bytes());
        }
        out.put(&0u32.to_be_bytes());
    } else if t.is_boxed() {
        return boxed(t, atoms, minor, out);
    } else {
        return Err(EtfError::BadTerm);
    }
    Ok(None)
}

fn boxed(
    t: Term,
    atoms: &AtomTable,
    minor: u8,
    out: &mut impl Sink,
) -> Result<Option<Item>, EtfError> {
    let body = t.boxed_body();
    match t.boxed_header().header_tag() {
        HeaderTag::Tuple => {
            match u8::try_from(body.len()) {
                Ok(n) => out.put(&[tag::SMALL_TUPLE_EXT, n]),
                Err(_) => {
                    out.put(&[tag::LARGE_TUPLE_EXT]);
                    out.put(&u32_len(body.len())?.to_be_bytes());
                }
            }
            return Ok(seq(body));
        }
        HeaderTag::FlatMap => {
            out.put(&[tag::MAP_EXT]);
            out.put(&u32_len(body.len() / 2)?.to_be_bytes());
            return Ok(seq(body));
        }
        HeaderTag::HashMap => {
            // Written in key order (OTP writes its hash-trie order).
            let words = match crate::map::body(t, atoms) {
                Some(crate::map::Body::Sorted(w)) => w,
                _ => return Err(EtfError::BadTerm),
            };
            out.put(&[tag::MAP_EXT]);
            out.put(&u32_len(words.len() / 2)?.to_be_bytes());
            return Ok(Some(Item::Sorted(words, 0)));
        }
        HeaderTag::PosBig | HeaderTag::NegBig => {
            let (neg, digits) = crate::bignum::as_big(t).ok_or(EtfError::BadTerm)?;
            put_big(out, neg, digits)?;
        }
        HeaderTag::Float => {
            let f = f64::from_bits(read_u64(body));
            if minor == 0 {
                out.put(&[tag::FLOAT_EXT]);
                out.put(&float::format(f));
            } else {
                out.put(&[tag::NEW_FLOAT_EXT]);
                out.put(&f.to_bits().to_be_bytes());
            }
        }
        HeaderTag::Ref => {
            let id = read_u64(body);
            out.put(&[tag::NEWER_REFERENCE_EXT, 0, 3]);
            put_atom(out, LOCAL_NODE, minor);
            out.put(&0u32.to_be_bytes());
            out.put(&((id & 0x3_ffff) as u32).to_be_bytes());
            out.put(&((id >> 18) as u32).to_be_bytes());
            out.put(&((id >> 50) as u32).to_be_bytes());
        }
        HeaderTag::Export => {
            let e = crate::fun::as_export(t).ok_or(EtfError::BadTerm)?;
            out.put(&[tag::EXPORT_EXT]);
            put_atom(out, atoms.name(e.module), minor);
            put_atom(out, atoms.name(e.function), minor);
            put_integer(out, e.arity as i64);
        }
        HeaderTag::Fun => return Err(EtfError::unsupported(tag::NEW_FUN_EXT)),
        HeaderTag::HeapBin | HeaderTag::SubBin | HeaderTag::RefcBin => {
            let (bytes, off, bits) = crate::binary::bit_view(t).ok_or(EtfError::BadTerm)?;
            put_bitstring(out, bytes, off, bits)?;
        }
        // Kinds the rest of the VM does not build yet.
        _ => return Err(EtfError::BadTerm),
    }
    Ok(None)
}

fn seq(body: &'static [Term]) -> Option<Item> {
    if body.is_empty() {
        None
    } else {
        Some(Item::Seq(body))
    }
}

fn u32_len(n: usize) -> Result<u32, EtfError> {
    u32::try_from(n).map_err(|_| EtfError::too_large())
}

/// A cons cell: `STRING_EXT` if the whole list is a short byte string,
/// else `LIST_EXT` and its cells.
fn list(t: Term, out: &mut impl Sink) -> Result<Option<Item>, EtfError> {
    const MAX_STRING: usize = 65535;
    let mut n = 0usize;
    let mut cur = t;
    let mut string = true;
    while let Some((h, tail)) = cur.as_cons() {
        if string && (n == MAX_STRING || !matches!(h.as_small(), Some(0..=255))) {
            string = false;
        }
        n += 1;
        cur = tail;
    }
    if string && cur.is_nil() {
        out.put(&[tag::STRING_EXT]);
        out.put(&(n as u16).to_be_bytes());
        let mut buf = [0u8; 64];
        let mut k = 0;
        let mut cur = t;
        while let Some((h, tail)) = cur.as_cons() {
            buf[k] = h.small_value() as u8;
            k += 1;
            if k == buf.len() {
                out.put(&buf);
                k = 0;
            }
            cur = tail;
        }
        out.put(&buf[..k]);
        return Ok(None);
    }
    out.put(&[tag::LIST_EXT]);
    out.put(&u32_len(n)?.to_be_bytes());
    Ok(Some(Item::Cells(t)))
}

fn put_integer(out: &mut impl Sink, v: i64) {
    if let Ok(b) = u8::try_from(v) {
        out.put(&[tag::SMALL_INTEGER_EXT, b]);
    } else if let Ok(w) = i32::try_from(v) {
        out.put(&[tag::INTEGER_EXT]);
        out.put(&w.to_be_bytes());
    } else {
        let mag = v.unsigned_abs().to_le_bytes();
        let n = mag.iter().rposition(|&b| b != 0).map_or(0, |p| p + 1);
        out.put(&[tag::SMALL_BIG_EXT, n as u8, (v < 0) as u8]);
        out.put(&mag[..n]);
    }
}

fn put_big(out: &mut impl Sink, neg: bool, digits: &[usize]) -> Result<(), EtfError> {
    // A bignum within 32 bits exists where smalls are 28 bits.
    if digits.len() * usize::BITS as usize <= 64 {
        let mut m: u64 = 0;
        for (i, &d) in digits.iter().enumerate() {
            m |= (d as u64) << (i as u32 * usize::BITS);
        }
        if m <= i32::MAX as u64 || (neg && m <= 1 << 31) {
            put_integer(
                out,
                if neg {
                    (m as i64).wrapping_neg()
                } else {
                    m as i64
                },
            );
            return Ok(());
        }
    }
    let top = digits.last().copied().unwrap_or(0);
    let n = (digits.len().saturating_sub(1)) * (usize::BITS as usize / 8)
        + (top.checked_ilog2().map_or(0, |b| b as usize / 8 + 1));
    match u8::try_from(n) {
        Ok(n8) => out.put(&[tag::SMALL_BIG_EXT, n8, neg as u8]),
        Err(_) => {
            out.put(&[tag::LARGE_BIG_EXT]);
            out.put(&u32_len(n)?.to_be_bytes());
            out.put(&[neg as u8]);
        }
    }
    let mut left = n;
    for &d in digits {
        let b = d.to_le_bytes();
        let k = left.min(b.len());
        out.put(&b[..k]);
        left -= k;
    }
    Ok(())
}

fn put_atom(out: &mut impl Sink, name: &str, minor: u8) {
    if minor < 2 && name.chars().all(|c| (c as u32) < 256) {
        let n = name.chars().count() as u16;
        out.put(&[tag::ATOM_EXT]);
        out.put(&n.to_be_bytes());
        if n as usize == name.len() {
            out.put(name.as_bytes());
        } else {
            for c in name.chars() {
                out.put(&[c as u8]);
            }
        }
    } else {
        let b = name.as_bytes();
        match u8::try_from(b.len()) {
            Ok(n) => out.put(&[tag::SMALL_ATOM_UTF8_EXT, n]),
            Err(_) => {
                out.put(&[tag::ATOM_UTF8_EXT]);
                out.put(&(b.len() as u16).to_be_bytes());
            }
        }
        out.put(b);
    }
}

/// `bits` bits of `bytes` from bit `off`, as `BINARY_EXT` or `BIT_BINARY_EXT`.
fn put_bitstring(
    out: &mut impl Sink,
    bytes: &[u8],
    off: usize,
    bits: usize,
) -> Result<(), EtfError> {
    let n = bits.div_ceil(8);
    let tail = (bits % 8) as u8;
    if tail == 0 {
        out.put(&[tag::BINARY_EXT]);
        out.put(&u32_len(n)?.to_be_bytes());
    } else {
        out.put(&[tag::BIT_BINARY_EXT]);
        out.put(&u32_len(n)?.to_be_bytes());
        out.put(&[tail]);
    }
    let start = off / 8;
    let shift = (off % 8) as u32;
    if shift == 0 && tail == 0 {
        out.put(bytes.get(start..start + n).ok_or(EtfError::BadTerm)?);
        return Ok(());
    }
    let byte = |i: usize| bytes.get(i).copied().unwrap_or(0);
    let mut buf = [0u8; 64];
    let mut k = 0;
    for i in 0..n {
        let j = start + i;
        let mut b = if shift == 0 {
            byte(j)
        } else {
            byte(j) << shift | byte(j + 1) >> (8 - shift)
        };
        if i + 1 == n && tail != 0 {
            b &= 0xff << (8 - tail);
        }
        buf[k] = b;
        k += 1;
        if k == buf.len() {
            out.put(&buf);
            k = 0;
        }
    }
    out.put(&buf[..k]);
    Ok(())
}

/// `plain` (a whole encoding) compressed at `level` as OTP does it, or
/// `None` when that would be longer than `plain` (OTP keeps the
/// compressed form on a tie).
fn compressed(plain: &[u8], level: u8) -> Result<Option<Vec<u8>>, EtfError> {
    const HEADER: usize = 6;
    let payload = &plain[1..];
    let (Some(room), Ok(size)) = (
        plain.len().checked_sub(HEADER),
        u32::try_from(payload.len()),
    ) else {
        return Ok(None);
    };
    let Some(z) =
        super::deflate::zlib(payload, level, room).map_err(|_| EtfError::out_of_memory())?
    else {
        return Ok(None);
    };
    let mut out = Vec::new();
    out.try_reserve_exact(HEADER + z.len())
        .map_err(|_| EtfError::out_of_memory())?;
    out.extend_from_slice(&[tag::VERSION, tag::COMPRESSED]);
    out.extend_from_slice(&size.to_be_bytes());
    out.extend_from_slice(&z);
    Ok(Some(out))
}
