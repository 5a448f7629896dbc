//! Decoding: a validating pass that sizes the term, then a building pass
//! into one exact allocation. See the module documentation of [`super`].

use super::{float, tag, EtfError, LOCAL_NODE};
use crate::binary::heap_bin_words;
use crate::code::ExportEntry;
use crate::heap::Heap;
use crate::sort::Sequence;
use crate::term::{
    compare, write_u64, Atom, AtomTable, HeaderTag, Ordering, Term, EXPORT_WORDS, FLOAT_WORDS,
    MAX_SMALL, MIN_SMALL, REF_WORDS, WORDS_PER_U64,
};
#[cfg(feature = "inflate")]
use alloc::boxed::Box;
use alloc::vec::Vec;
#[cfg(feature = "inflate")]
use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
#[cfg(feature = "inflate")]
use miniz_oxide::inflate::TINFLStatus;

/// Turns `fun M:F/A` (`EXPORT_EXT`) into the VM's export entry for it.
///
/// Decoding cannot build export funs alone: they point at the VM-wide
/// export table, which the caller owns (see [`decode_with`]).
pub trait FunResolver {
    /// The export entry of `module:function/arity`, created if needed (as
    /// the BEAM does: a fun may name a module not loaded yet). `None`
    /// rejects the term with [`EtfError::Unsupported`]. The entry must live
    /// as long as the VM, like every export entry.
    fn export(&mut self, module: Atom, function: Atom, arity: u32) -> Option<*const ExportEntry>;
}

/// Decodes the term at the start of `bytes` (version byte 131 first) onto
/// `heap`, interning its atoms in `atoms`; returns the term and the number
/// of bytes it took (trailing bytes are left alone, as `binary_to_term`
/// with the `used` option reports).
///
/// Exactly [`decoded_words`]`(bytes)` words are allocated, in one piece,
/// only once the whole input has been validated (plus, for each map of
/// more than [`crate::map::MAX_FLAT`] pairs, the words of its hash trie,
/// built after the flat pairs were checked, whose shape depends on the
/// keys' hashes); errors found while
/// building (atom table full, duplicate map keys, a fun the resolver
/// refuses) leave those words allocated but filled with `[]`. Export funs are [`EtfError::Unsupported`]
/// here; see [`decode_with`].
pub fn decode(
    bytes: &[u8],
    heap: &mut Heap,
    atoms: &mut AtomTable,
) -> Result<(Term, usize), EtfError> {
    decode_with(bytes, heap, atoms, None)
}

/// [`decode`], resolving export funs through `funs` (they are
/// [`EtfError::Unsupported`] without one).
pub fn decode_with(
    bytes: &[u8],
    heap: &mut Heap,
    atoms: &mut AtomTable,
    funs: Option<&mut dyn FunResolver>,
) -> Result<(Term, usize), EtfError> {
    decode_opts(bytes, heap, atoms, funs, DecodeOptions::default())
}

/// Options of `binary_to_term/2` that change what is decoded.
#[derive(Copy, Clone, PartialEq, Eq, Debug, Default)]
pub struct DecodeOptions {
    /// `safe`: refuse atoms that do not exist yet ([`EtfError::NewAtom`]),
    /// so that untrusted input cannot fill the atom table. (Export funs
    /// are refused too unless their entry exists: that is the resolver's
    /// part.)
    pub safe: bool,
}

/// [`decode_with`] under `opts`.
pub fn decode_opts(
    bytes: &[u8],
    heap: &mut Heap,
    atoms: &mut AtomTable,
    funs: Option<&mut dyn FunResolver>,
    opts: DecodeOptions,
) -> Result<(Term, usize), EtfError> {
    let env = Envelope::open(bytes)?;
    let data = env.data();
    let (words, _) = scan(data, env.base(), funs.is_some())?;
    let area = heap.alloc_slice(words)?;
    let mut b = Builder {
        base: area.as_mut_ptr(),
        len: area.len(),
        top: 0,
        cur: ROOT,
        root: Term::NIL,
    };
    let built = b
        .run(data, env.base(), atoms, funs, opts.safe)
        .and_then(|(end, large)| b.hash_large_maps(&large, heap, atoms).map(|()| end));
    match built {
        Ok(end) => Ok((b.root, env.consumed(end))),
        Err(e) => {
            b.clear();
            Err(e)
        }
    }
}

/// Validates the term at the start of `bytes` like [`decode`] (except for
/// what needs the atom table: whether it is full, and map keys that are
/// equal) and returns the number of heap words [`decode`] will allocate
/// for it. The loader uses this to give a module's literals one
/// exact-size area.
pub fn decoded_words(bytes: &[u8]) -> Result<usize, EtfError> {
    let env = Envelope::open(bytes)?;
    scan(env.data(), env.base(), true).map(|(words, _)| words)
}

/// Bytes per word.
const W: usize = core::mem::size_of::<usize>();
/// Largest arity a header word can hold.
const MAX_ARITY: usize = usize::MAX >> 6;
/// Largest pid or port number an immediate can hold.
const MAX_LOCAL_ID: u64 = (usize::MAX >> 4) as u64;
/// Deflate cannot expand a byte of input into more than 1032 bytes.
#[cfg(feature = "inflate")]
const MAX_INFLATE_RATIO: usize = 1032;

/// The input after its version byte: as is, or inflated.
enum Envelope<'a> {
    Plain(&'a [u8]),
    #[cfg_attr(not(feature = "inflate"), allow(dead_code))]
    Inflated {
        data: Vec<u8>,
        consumed: usize,
    },
}

impl<'a> Envelope<'a> {
    fn open(bytes: &'a [u8]) -> Result<Envelope<'a>, EtfError> {
        match bytes.first() {
            None => return Err(EtfError::truncated(0)),
            Some(&tag::VERSION) => {}
            Some(&byte) => return Err(EtfError::BadVersion { byte }),
        }
        if bytes.get(1) != Some(&tag::COMPRESSED) {
            return Ok(Envelope::Plain(&bytes[1..]));
        }
        // Without `inflate` a compressed term is refused (`badarg`).
        #[cfg(not(feature = "inflate"))]
        return Err(EtfError::bad_compressed());
        #[cfg(feature = "inflate")]
        Self::inflate(bytes)
    }

    #[cfg(feature = "inflate")]
    fn inflate(bytes: &'a [u8]) -> Result<Envelope<'a>, EtfError> {
        let mut r = Reader::new(bytes, 0);
        r.pos = 2;
        let size = r.u32()? as usize;
        let z = &bytes[6..];
        if size == 0 || size > z.len().saturating_mul(MAX_INFLATE_RATIO) {
            return Err(EtfError::bad_compressed());
        }
        let mut data = Vec::new();
        data.try_reserve_exact(size)
            .map_err(|_| EtfError::out_of_memory())?;
        data.resize(size, 0);
        let mut inflater = Box::<DecompressorOxide>::default();
        let flags = inflate_flags::TINFL_FLAG_PARSE_ZLIB_HEADER
            | inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
        let (status, used, written) = decompress(&mut inflater, z, &mut data, 0, flags);
        if status != TINFLStatus::Done || written != size || used > z.len() {
            return Err(EtfError::bad_compressed());
        }
        Ok(Envelope::Inflated {
            data,
            consumed: 6 + used,
        })
    }

    fn data(&self) -> &[u8] {
        match self {
            Envelope::Plain(d) => d,
            Envelope::Inflated { data, .. } => data,
        }
    }

    /// Offset of `data()[0]` in error reports.
    fn base(&self) -> usize {
        match self {
            Envelope::Plain(_) => 1,
            Envelope::Inflated { .. } => 0,
        }
    }

    /// Input bytes used, given the end of the term in `data()`.
    fn consumed(&self, end: usize) -> usize {
        match self {
            Envelope::Plain(_) => 1 + end,
            Envelope::Inflated { consumed, .. } => *consumed,
        }
    }
}

/// Bounds-checked big-endian reads.
struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    base: usize,
}

impl<'a> Reader<'a> {
    fn new(data: &'a [u8], base: usize) -> Reader<'a> {
        Reader { data, pos: 0, base }
    }
    fn offset(&self) -> usize {
        self.base + self.pos
    }
    fn remaining(&self) -> usize {
        self.data.len() - self.pos
    }
    fn end_error(&self) -> EtfError {
        EtfError::truncated(self.base + self.data.len())
    }
    fn take(&mut self, n: usize) -> Result<&'a [u8], EtfError> {
        let s = self
            .pos
            .checked_add(n)
            .and_then(|end| self.data.get(self.pos..end))
            .ok_or_else(|| self.end_error())?;
        self.pos += n;
        Ok(s)
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], EtfError> {
        let mut a = [0; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }
    fn u8(&mut self) -> Result<u8, EtfError> {
        Ok(self.array::<1>()?[0])
    }
    fn u16(&mut self) -> Result<u16, EtfError> {
        Ok(u16::from_be_bytes(self.array()?))
    }
    fn u32(&mut self) -> Result<u32, EtfError> {
        Ok(u32::from_be_bytes(self.array()?))
    }
    fn u64(&mut self) -> Result<u64, EtfError> {
        Ok(u64::from_be_bytes(self.array()?))
    }
}

/// A validated atom name.
#[derive(Copy, Clone)]
struct AtomText<'a> {
    bytes: &'a [u8],
    /// Latin-1 bytes (else UTF-8).
    latin1: bool,
    offset: usize,
}

/// Little-endian magnitude bytes of a bignum, without high zero bytes.
#[derive(Copy, Clone)]
enum Mag<'a> {
    Slice(&'a [u8]),
    Inline([u8; 8], usize),
}

impl Mag<'_> {
    fn bytes(&self) -> &[u8] {
        match self {
            Mag::Slice(s) => s,
            Mag::Inline(a, n) => &a[..*n],
        }
    }
}

/// One term's tag and fields, validated; its subterms (if any) follow it
/// in the input.
enum Head<'a> {
    Small(isize),
    Big {
        neg: bool,
        mag: Mag<'a>,
    },
    Float(f64),
    Atom(AtomText<'a>),
    Nil,
    String(&'a [u8]),
    /// `n` elements, then the tail.
    List(usize),
    Tuple(usize),
    /// `n` key-value pairs.
    Map(usize),
    Binary(&'a [u8]),
    /// Bytes, and the number of bits used in the last one (1..=7).
    Bits(&'a [u8], u8),
    Pid(usize),
    Port(usize),
    Ref(u64),
    Export(AtomText<'a>, AtomText<'a>, u32),
}

impl Head<'_> {
    /// How many subterms follow (`None`: more than a `usize` counts).
    fn children(&self) -> Option<usize> {
        match *self {
            Head::List(n) => n.checked_add(1),
            Head::Tuple(n) => Some(n),
            Head::Map(n) => n.checked_mul(2),
            _ => Some(0),
        }
    }

    /// Heap words of the term itself (its subterms count for themselves).
    fn words(&self) -> Result<usize, EtfError> {
        let arity = |n: usize| {
            if n <= MAX_ARITY {
                Ok(n + 1)
            } else {
                Err(EtfError::too_large())
            }
        };
        match *self {
            Head::Small(_) | Head::Atom(_) | Head::Nil | Head::Pid(_) | Head::Port(_) => Ok(0),
            Head::Big { mag, .. } => arity(mag.bytes().len().div_ceil(W)),
            Head::Float(_) => Ok(FLOAT_WORDS),
            Head::String(s) => Ok(2 * s.len()),
            Head::List(n) => n.checked_mul(2).ok_or_else(EtfError::too_large),
            Head::Tuple(n) => arity(n),
            Head::Map(n) => arity(n.saturating_mul(2)),
            Head::Binary(b) => arity(heap_bin_words(b.len()) - 1),
            Head::Bits(b, _) => Ok(arity(heap_bin_words(b.len()) - 1)? + SUB_BIN_WORDS),
            Head::Ref(_) => Ok(REF_WORDS),
            Head::Export(..) => Ok(EXPORT_WORDS),
        }
    }
}

/// Words of a sub-binary (see [`crate::binary`]).
const SUB_BIN_WORDS: usize = 4;

/// The integer `neg ? -m : m` as a small, if it is one.
fn small_of(neg: bool, m: u64) -> Option<isize> {
    let v = if neg { -(m as i128) } else { m as i128 };
    if v >= MIN_SMALL as i128 && v <= MAX_SMALL as i128 {
        Some(v as isize)
    } else {
        None
    }
}

fn int_head<'a>(v: i64) -> Head<'a> {
    match small_of(v < 0, v.unsigned_abs()) {
        Some(n) => Head::Small(n),
        None => {
            let a = v.unsigned_abs().to_le_bytes();
            let n = a.iter().rposition(|&b| b != 0).map_or(0, |p| p + 1);
            Head::Big {
                neg: v < 0,
                mag: Mag::Inline(a, n),
            }
        }
    }
}

fn big_head<'a>(r: &mut Reader<'a>, n: usize) -> Result<Head<'a>, EtfError> {
    let neg = r.u8()? != 0;
    let digits = r.take(n)?;
    let len = digits.iter().rposition(|&b| b != 0).map_or(0, |p| p + 1);
    let mag = &digits[..len];
    if len <= 8 {
        let mut a = [0u8; 8];
        a[..len].copy_from_slice(mag);
        if let Some(n) = small_of(neg, u64::from_le_bytes(a)) {
            return Ok(Head::Small(n));
        }
    }
    Ok(Head::Big {
        neg,
        mag: Mag::Slice(mag),
    })
}

/// An atom's length and name, after its tag `t` (at `offset`).
fn atom_body<'a>(r: &mut Reader<'a>, t: u8, offset: usize) -> Result<AtomText<'a>, EtfError> {
    let (len, latin1) = match t {
        tag::ATOM_EXT => (r.u16()? as usize, true),
        tag::SMALL_ATOM_EXT => (r.u8()? as usize, true),
        tag::ATOM_UTF8_EXT => (r.u16()? as usize, false),
        tag::SMALL_ATOM_UTF8_EXT => (r.u8()? as usize, false),
        _ => return Err(EtfError::bad_tag(t, offset)),
    };
    let bytes = r.take(len)?;
    let chars = if latin1 {
        len
    } else {
        core::str::from_utf8(bytes)
            .map_err(|_| EtfError::bad_utf8(offset))?
            .chars()
            .count()
    };
    if chars > crate::term::atom::MAX_ATOM_CHARS {
        return Err(EtfError::bad_atom(offset));
    }
    Ok(AtomText {
        bytes,
        latin1,
        offset,
    })
}

/// An atom nested in another term (a node name, a fun's module).
fn nested_atom<'a>(r: &mut Reader<'a>) -> Result<AtomText<'a>, EtfError> {
    let offset = r.offset();
    let t = r.u8()?;
    atom_body(r, t, offset)
}

/// Reads a node name: whether it is this node.
fn local_node(r: &mut Reader<'_>) -> Result<bool, EtfError> {
    Ok(nested_atom(r)?.bytes == LOCAL_NODE.as_bytes())
}

/// A local reference's 64-bit id from its ETF id words, laid out as OTP's
/// own: 18 bits, 32 bits, then 14 bits (the rest zero).
fn ref_id(words: &[u8]) -> Option<u64> {
    let w = |i: usize| {
        words
            .get(4 * i..4 * i + 4)
            .map_or(0, |b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    };
    let n = words.len() / 4;
    if w(0) >= 1 << 18 || w(2) >= 1 << 14 || (3..n).any(|i| w(i) != 0) {
        return None;
    }
    Some(w(0) as u64 | (w(1) as u64) << 18 | (w(2) as u64) << 50)
}

/// Parses one term's head and fields, checking everything about them.
fn parse_head<'a>(r: &mut Reader<'a>) -> Result<Head<'a>, EtfError> {
    let offset = r.offset();
    let t = r.u8()?;
    Ok(match t {
        tag::SMALL_INTEGER_EXT => Head::Small(r.u8()? as isize),
        tag::INTEGER_EXT => int_head(r.u32()? as i32 as i64),
        tag::SMALL_BIG_EXT => {
            let n = r.u8()? as usize;
            big_head(r, n)?
        }
        tag::LARGE_BIG_EXT => {
            let n = r.u32()? as usize;
            big_head(r, n)?
        }
        tag::NEW_FLOAT_EXT => {
            let f = f64::from_bits(r.u64()?);
            if !f.is_finite() {
                return Err(EtfError::bad_value(offset + 1));
            }
            Head::Float(f)
        }
        tag::FLOAT_EXT => Head::Float(
            float::parse(r.take(float::FIELD)?).ok_or_else(|| EtfError::bad_value(offset + 1))?,
        ),
        tag::ATOM_EXT | tag::SMALL_ATOM_EXT | tag::ATOM_UTF8_EXT | tag::SMALL_ATOM_UTF8_EXT => {
            Head::Atom(atom_body(r, t, offset)?)
        }
        tag::NIL_EXT => Head::Nil,
        tag::STRING_EXT => {
            let n = r.u16()? as usize;
            Head::String(r.take(n)?)
        }
        tag::LIST_EXT => Head::List(r.u32()? as usize),
        tag::SMALL_TUPLE_EXT => Head::Tuple(r.u8()? as usize),
        tag::LARGE_TUPLE_EXT => Head::Tuple(r.u32()? as usize),
        tag::MAP_EXT => Head::Map(r.u32()? as usize),
        tag::BINARY_EXT => {
            let n = r.u32()? as usize;
            Head::Binary(r.take(n)?)
        }
        tag::BIT_BINARY_EXT => {
            let n = r.u32()? as usize;
            let bits = r.u8()?;
            let bytes = r.take(n)?;
            match (n, bits) {
                (0, 0) | (1.., 8) => Head::Binary(bytes),
                (1.., 1..=7) => Head::Bits(bytes, bits),
                _ => return Err(EtfError::bad_value(offset + 5)),
            }
        }
        tag::PID_EXT | tag::NEW_PID_EXT => {
            let local = local_node(r)?;
            let id = r.u32()? as u64;
            let serial = r.u32()? as u64;
            let creation = if t == tag::PID_EXT {
                r.u8()? as u32
            } else {
                r.u32()?
            };
            let n = id | serial << 32;
            if !local || creation != 0 || n > MAX_LOCAL_ID {
                return Err(EtfError::unsupported(t));
            }
            Head::Pid(n as usize)
        }
        tag::PORT_EXT | tag::NEW_PORT_EXT | tag::V4_PORT_EXT => {
            let local = local_node(r)?;
            let id = if t == tag::V4_PORT_EXT {
                r.u64()?
            } else {
                r.u32()? as u64
            };
            let creation = if t == tag::PORT_EXT {
                r.u8()? as u32
            } else {
                r.u32()?
            };
            if !local || creation != 0 || id > MAX_LOCAL_ID {
                return Err(EtfError::unsupported(t));
            }
            Head::Port(id as usize)
        }
        tag::REFERENCE_EXT => {
            let local = local_node(r)?;
            let words = r.take(4)?;
            let creation = r.u8()?;
            match ref_id(words) {
                Some(id) if local && creation == 0 => Head::Ref(id),
                _ => return Err(EtfError::unsupported(t)),
            }
        }
        tag::NEW_REFERENCE_EXT | tag::NEWER_REFERENCE_EXT => {
            let len = r.u16()? as usize;
            let local = local_node(r)?;
            let creation = if t == tag::NEW_REFERENCE_EXT {
                r.u8()? as u32
            } else {
                r.u32()?
            };
            let words = r.take(4 * len)?;
            if !(1..=5).contains(&len) {
                return Err(EtfError::bad_value(offset + 1));
            }
            match ref_id(words) {
                Some(id) if local && creation == 0 => Head::Ref(id),
                _ => return Err(EtfError::unsupported(t)),
            }
        }
        tag::EXPORT_EXT => {
            let m = nested_atom(r)?;
            let f = nested_atom(r)?;
            let at = r.offset();
            let arity = match r.u8()? {
                tag::SMALL_INTEGER_EXT => r.u8()? as u32,
                tag::INTEGER_EXT => r.u32()?,
                other => return Err(EtfError::bad_tag(other, at)),
            };
            if arity > 255 {
                return Err(EtfError::bad_value(at));
            }
            Head::Export(m, f, arity)
        }
        tag::NEW_FUN_EXT | tag::FUN_EXT | tag::ATOM_CACHE_REF | tag::LOCAL_EXT => {
            return Err(EtfError::unsupported(t));
        }
        _ => return Err(EtfError::bad_tag(t, offset)),
    })
}

/// The validating pass over `data` (a term, without the version byte):
/// the heap words the term needs and where it ends. `exports` says
/// whether export funs can be decoded.
///
/// ETF is prefix notation, so one counter of terms still to read replaces
/// a stack. Each of them needs at least one byte, which bounds every count
/// by the input's length before anything is sized from it.
fn scan(data: &[u8], base: usize, exports: bool) -> Result<(usize, usize), EtfError> {
    let mut r = Reader::new(data, base);
    let mut pending: usize = 1;
    let mut words: usize = 0;
    while pending > 0 {
        pending -= 1;
        let head = parse_head(&mut r)?;
        if !exports && matches!(head, Head::Export(..)) {
            return Err(EtfError::unsupported(tag::EXPORT_EXT));
        }
        pending = head
            .children()
            .and_then(|c| pending.checked_add(c))
            .filter(|&p| p <= r.remaining())
            .ok_or_else(|| r.end_error())?;
        words = words
            .checked_add(head.words()?)
            .ok_or_else(EtfError::too_large)?;
    }
    Ok((words, r.pos))
}

/// The bottom of the slot stack: the root term, held outside the area.
const ROOT: usize = usize::MAX;
/// The empty slot stack.
const END: usize = usize::MAX - 1;

/// Builds a term top-down, in input order, into an area of exactly the
/// words [`scan`] counted.
///
/// Slots waiting for a subterm form a stack whose links live in the
/// waiting slots themselves (each holds the index of the next one), so
/// nesting costs no memory besides the term. The area is reached through
/// one raw pointer because the terms being built point into it.
struct Builder {
    base: *mut Term,
    len: usize,
    /// Next free word.
    top: usize,
    /// Top of the slot stack: a slot index, [`ROOT`] or [`END`].
    cur: usize,
    root: Term,
}

impl Builder {
    #[inline]
    fn get(&self, i: usize) -> Term {
        assert!(i < self.len);
        // SAFETY: in bounds of the area, which the heap keeps alive.
        unsafe { *self.base.add(i) }
    }

    #[inline]
    fn set(&mut self, i: usize, t: Term) {
        assert!(i < self.len);
        // SAFETY: as in `get`.
        unsafe { *self.base.add(i) = t }
    }

    /// The address of word `i`, for pointers to the objects built there.
    #[inline]
    fn at(&self, i: usize) -> *const Term {
        self.base.wrapping_add(i)
    }

    /// Claims `n` words. They were counted, so running out means the two
    /// passes disagree: reported, never written past.
    fn alloc(&mut self, n: usize) -> Result<usize, EtfError> {
        let i = self.top;
        let end = i
            .checked_add(n)
            .filter(|&e| e <= self.len)
            .ok_or_else(EtfError::too_large)?;
        self.top = end;
        Ok(i)
    }

    fn push(&mut self, slot: usize) {
        if slot == ROOT {
            self.cur = ROOT;
        } else {
            self.set(slot, Term::from_raw(self.cur));
            self.cur = slot;
        }
    }

    fn pop(&mut self) -> usize {
        let slot = self.cur;
        self.cur = if slot == ROOT {
            END
        } else {
            self.get(slot).raw()
        };
        slot
    }

    fn put(&mut self, slot: usize, t: Term) {
        if slot == ROOT {
            self.root = t;
        } else {
            self.set(slot, t);
        }
    }

    /// Leaves the area holding only `[]` after a failure.
    fn clear(&mut self) {
        for i in 0..self.len {
            self.set(i, Term::NIL);
        }
    }

    fn run(
        &mut self,
        data: &[u8],
        base: usize,
        atoms: &mut AtomTable,
        mut funs: Option<&mut dyn FunResolver>,
        safe: bool,
    ) -> Result<(usize, Vec<(usize, usize)>), EtfError> {
        let mut r = Reader::new(data, base);
        // Maps of two or more pairs, sorted once all terms exist.
        let mut maps: Vec<usize> = Vec::new();
        // Maps too large to stay flat: (slot, index), made tries at the end.
        let mut large: Vec<(usize, usize)> = Vec::new();
        while self.cur != END {
            let slot = self.pop();
            let t = match parse_head(&mut r)? {
                Head::Small(n) => Term::small(n),
                Head::Big { neg, mag } => self.big(neg, mag.bytes())?,
                Head::Float(f) => {
                    let i = self.alloc(FLOAT_WORDS)?;
                    self.set(i, Term::header(HeaderTag::Float, WORDS_PER_U64));
                    self.set_u64(i + 1, f.to_bits());
                    Term::boxed_ptr(self.at(i))
                }
                Head::Atom(a) => Term::atom(intern(atoms, a, safe)?),
                Head::Nil => Term::NIL,
                Head::String(s) => self.string(s)?,
                Head::List(0) => {
                    // No cells: the term is its tail, which goes here.
                    self.push(slot);
                    continue;
                }
                Head::List(n) => self.list(n)?,
                Head::Tuple(n) => {
                    let i = self.alloc(1 + n)?;
                    self.set(i, Term::header(HeaderTag::Tuple, n));
                    for k in (1..=n).rev() {
                        self.push(i + k);
                    }
                    Term::boxed_ptr(self.at(i))
                }
                Head::Map(n) => {
                    let i = self.alloc(1 + 2 * n)?;
                    self.set(i, Term::header(HeaderTag::FlatMap, 2 * n));
                    for k in (1..=2 * n).rev() {
                        self.push(i + k);
                    }
                    if n >= 2 {
                        maps.try_reserve(1).map_err(|_| EtfError::out_of_memory())?;
                        maps.push(i);
                    }
                    if n > crate::map::MAX_FLAT {
                        large
                            .try_reserve(1)
                            .map_err(|_| EtfError::out_of_memory())?;
                        large.push((slot, i));
                    }
                    Term::boxed_ptr(self.at(i))
                }
                Head::Binary(bytes) => self.heap_binary(bytes, 0)?,
                Head::Bits(bytes, bits) => {
                    let bin = self.heap_binary(bytes, bits)?;
                    let i = self.alloc(SUB_BIN_WORDS)?;
                    self.set(i, Term::header(HeaderTag::SubBin, SUB_BIN_WORDS - 1));
                    self.set(i + 1, Term::from_raw((bytes.len() - 1) * 8 + bits as usize));
                    self.set(i + 2, Term::from_raw(0));
                    self.set(i + 3, bin);
                    Term::boxed_ptr(self.at(i))
                }
                Head::Pid(n) => Term::pid(n),
                Head::Port(n) => Term::port(n),
                Head::Ref(id) => {
                    let i = self.alloc(REF_WORDS)?;
                    self.set(i, Term::header(HeaderTag::Ref, WORDS_PER_U64));
                    self.set_u64(i + 1, id);
                    Term::boxed_ptr(self.at(i))
                }
                Head::Export(m, f, arity) => {
                    let (m, f) = (intern(atoms, m, safe)?, intern(atoms, f, safe)?);
                    let entry = funs
                        .as_mut()
                        .and_then(|r| r.export(m, f, arity))
                        .ok_or_else(|| EtfError::unsupported(tag::EXPORT_EXT))?;
                    let i = self.alloc(EXPORT_WORDS)?;
                    self.set(i, Term::header(HeaderTag::Export, EXPORT_WORDS - 1));
                    self.set(i + 1, Term::from_raw(entry as usize));
                    Term::boxed_ptr(self.at(i))
                }
            };
            self.put(slot, t);
        }
        if self.top != self.len {
            return Err(EtfError::too_large());
        }
        // Inner maps were built after outer ones: sort them first, so that
        // maps used as keys are in order when their parents compare them.
        for &i in maps.iter().rev() {
            self.sort_map(i, atoms)?;
        }
        Ok((r.pos, large))
    }

    /// Replaces each sorted flat map of more than [`crate::map::MAX_FLAT`]
    /// pairs by a hash trie built on `heap` (beyond the counted words),
    /// inner maps first so that outer ones hold the tries.
    fn hash_large_maps(
        &mut self,
        large: &[(usize, usize)],
        heap: &mut Heap,
        atoms: &AtomTable,
    ) -> Result<(), EtfError> {
        for &(slot, i) in large.iter().rev() {
            let body = Term::boxed_ptr(self.at(i)).boxed_body();
            let pairs: Vec<(Term, Term)> = body.chunks(2).map(|c| (c[0], c[1])).collect();
            let map = crate::map::from_distinct_sorted(heap, &pairs, atoms)?;
            self.put(slot, map);
        }
        Ok(())
    }

    fn set_u64(&mut self, i: usize, v: u64) {
        let mut w = [Term::NIL; WORDS_PER_U64];
        write_u64(&mut w, v);
        for (k, &t) in w.iter().enumerate() {
            self.set(i + k, t);
        }
    }

    /// A bignum from its sign and magnitude bytes (too big for a small).
    fn big(&mut self, neg: bool, mag: &[u8]) -> Result<Term, EtfError> {
        let n = mag.len().div_ceil(W);
        let i = self.alloc(1 + n)?;
        let tag = if neg {
            HeaderTag::NegBig
        } else {
            HeaderTag::PosBig
        };
        self.set(i, Term::header(tag, n));
        for (k, chunk) in mag.chunks(W).enumerate() {
            let mut d = [0u8; W];
            d[..chunk.len()].copy_from_slice(chunk);
            self.set(i + 1 + k, Term::from_raw(usize::from_le_bytes(d)));
        }
        Ok(Term::boxed_ptr(self.at(i)))
    }

    /// A heap binary of `bytes`; with `bits` in 1..=7 only that many high
    /// bits of the last byte are kept (the rest read as zero).
    fn heap_binary(&mut self, bytes: &[u8], bits: u8) -> Result<Term, EtfError> {
        let words = heap_bin_words(bytes.len());
        let i = self.alloc(words)?;
        self.set(i, Term::header(HeaderTag::HeapBin, words - 1));
        self.set(i + 1, Term::from_raw(bytes.len()));
        let last = bytes.len().wrapping_sub(1);
        for (k, chunk) in bytes.chunks(W).enumerate() {
            let mut d = [0u8; W];
            d[..chunk.len()].copy_from_slice(chunk);
            if bits != 0 && k == last / W {
                d[last % W] &= 0xff << (8 - bits);
            }
            // Native byte order: the word's memory holds the bytes in order.
            self.set(i + 2 + k, Term::from_raw(usize::from_ne_bytes(d)));
        }
        Ok(Term::boxed_ptr(self.at(i)))
    }

    fn string(&mut self, s: &[u8]) -> Result<Term, EtfError> {
        if s.is_empty() {
            return Ok(Term::NIL);
        }
        let i = self.alloc(2 * s.len())?;
        for (k, &b) in s.iter().enumerate() {
            let c = i + 2 * k;
            self.set(c, Term::small(b as isize));
            let tail = if k + 1 == s.len() {
                Term::NIL
            } else {
                Term::list_ptr(self.at(c + 2))
            };
            self.set(c + 1, tail);
        }
        Ok(Term::list_ptr(self.at(i)))
    }

    /// `n` cells whose heads, then last tail, are still to come.
    fn list(&mut self, n: usize) -> Result<Term, EtfError> {
        let i = self.alloc(2 * n)?;
        for k in 0..n - 1 {
            let c = i + 2 * k;
            self.set(c + 1, Term::list_ptr(self.at(c + 2)));
        }
        self.push(i + 2 * n - 1);
        for k in (0..n).rev() {
            self.push(i + 2 * k);
        }
        Ok(Term::list_ptr(self.at(i)))
    }

    /// Sorts the pairs of the map at `i` by key (exact term order, as
    /// [`crate::map`] keeps them) in place; rejects equal keys.
    fn sort_map(&mut self, i: usize, atoms: &AtomTable) -> Result<(), EtfError> {
        /// The map's pairs as a [`Sequence`]: pair `k` is the words
        /// `i + 1 + 2k` (key) and the one after it (value).
        struct Pairs<'b> {
            b: &'b mut Builder,
            i: usize,
            atoms: &'b AtomTable,
        }
        impl Sequence for Pairs<'_> {
            fn less(&mut self, x: usize, y: usize) -> bool {
                let (kx, ky) = (
                    self.b.get(self.i + 1 + 2 * x),
                    self.b.get(self.i + 1 + 2 * y),
                );
                compare(kx, ky, self.atoms, true) == Ordering::Less
            }
            fn swap(&mut self, x: usize, y: usize) {
                for o in 1..=2 {
                    let (p, q) = (self.i + o + 2 * x, self.i + o + 2 * y);
                    let (tp, tq) = (self.b.get(p), self.b.get(q));
                    self.b.set(p, tq);
                    self.b.set(q, tp);
                }
            }
        }
        let n = self.get(i).header_arity() / 2;
        crate::sort::sort(&mut Pairs { b: self, i, atoms }, n);
        let key = |b: &Builder, k: usize| b.get(i + 1 + 2 * k);
        for k in 1..n {
            if compare(key(self, k - 1), key(self, k), atoms, true) == Ordering::Equal {
                return Err(EtfError::DuplicateKey);
            }
        }
        Ok(())
    }
}

/// Interns a validated atom name, converting Latin-1 to UTF-8; with
/// `existing`, only finds atoms that exist already.
fn intern(atoms: &mut AtomTable, a: AtomText<'_>, existing: bool) -> Result<Atom, EtfError> {
    let mut buf = [0u8; 2 * crate::term::atom::MAX_ATOM_CHARS];
    let bytes = if a.latin1 {
        let mut n = 0;
        for &c in a.bytes {
            let mut enc = [0u8; 2];
            let s = char::from(c).encode_utf8(&mut enc);
            let dst = buf
                .get_mut(n..n + s.len())
                .ok_or_else(|| EtfError::bad_atom(a.offset))?;
            dst.copy_from_slice(s.as_bytes());
            n += s.len();
        }
        &buf[..n]
    } else {
        a.bytes
    };
    let name = core::str::from_utf8(bytes).map_err(|_| EtfError::bad_utf8(a.offset))?;
    if existing {
        return atoms
            .lookup(name)
            .ok_or(EtfError::NewAtom { offset: a.offset });
    }
    atoms.intern(name).map_err(|e| match e {
        crate::term::atom::AtomError::TooLong => EtfError::bad_atom(a.offset),
        crate::term::atom::AtomError::TableFull => EtfError::AtomTableFull,
    })
}
