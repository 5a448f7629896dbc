//! Layouts of boxed objects and of cons cells, and read access to them.
//!
//! ```text
//! tuple     [header(Tuple, n)] e1 .. en
//! float     [header(Float, W)] IEEE bits (W = 1 word on 64-bit, 2 on 32-bit)
//! closure   [header(Fun, 1+k)] *const FunDef  free1 .. freek
//! export    [header(Export, 1)] *const ExportEntry
//! reference [header(Ref, W)]   64-bit serial number
//! flat map  [header(FlatMap, 2n)] k1 v1 .. kn vn    (see crate::map)
//! large map [header(HashMap, 2+k)] size bitmap child1 .. childk, with
//!           [header(HashNode, 1+k)] bitmap child1 .. childk inside
//! cons      head tail          (no header; pointed at by a list term)
//! ```
//!
//! Raw pointers stored inside objects (closures, exports) are word-aligned,
//! so their primary tag reads as "header": the collector never follows them.

use super::{HeaderTag, Term};

/// Words needed to store 64 bits.
pub const WORDS_PER_U64: usize = 8 / core::mem::size_of::<usize>();

/// Words of a tuple of `n` elements.
#[inline]
pub const fn tuple_words(n: usize) -> usize {
    n + 1
}

/// Words of a boxed float.
pub const FLOAT_WORDS: usize = 1 + WORDS_PER_U64;

/// Words of a reference.
pub const REF_WORDS: usize = 1 + WORDS_PER_U64;

/// Words of a closure with `k` free variables.
#[inline]
pub const fn fun_words(k: usize) -> usize {
    2 + k
}

/// Words of an export fun.
pub const EXPORT_WORDS: usize = 2;

/// Writes 64 bits into `WORDS_PER_U64` words.
#[inline]
pub fn write_u64(dst: &mut [Term], v: u64) {
    if WORDS_PER_U64 == 1 {
        dst[0] = Term::from_raw(v as usize);
    } else {
        dst[0] = Term::from_raw(v as u32 as usize);
        dst[1] = Term::from_raw((v >> 32) as u32 as usize);
    }
}

/// Reads 64 bits written by [`write_u64`].
#[inline]
pub fn read_u64(src: &[Term]) -> u64 {
    if WORDS_PER_U64 == 1 {
        src[0].raw() as u64
    } else {
        (src[0].raw() as u64 & 0xffff_ffff) | ((src[1].raw() as u64) << 32)
    }
}

impl Term {
    /// Whether this is a tuple.
    #[inline]
    pub fn is_tuple(self) -> bool {
        self.boxed_tag() == Some(HeaderTag::Tuple)
    }

    /// The elements of a tuple, or `None`.
    #[inline]
    pub fn as_tuple<'a>(self) -> Option<&'a [Term]> {
        if self.is_tuple() {
            Some(self.boxed_body())
        } else {
            None
        }
    }

    /// Whether this is a float.
    #[inline]
    pub fn is_float(self) -> bool {
        self.boxed_tag() == Some(HeaderTag::Float)
    }

    /// The value of a float, or `None`.
    #[inline]
    pub fn as_float(self) -> Option<f64> {
        if self.is_float() {
            Some(f64::from_bits(read_u64(self.boxed_body())))
        } else {
            None
        }
    }

    /// Whether this is an integer (small or big).
    #[inline]
    pub fn is_integer(self) -> bool {
        self.is_small()
            || matches!(
                self.boxed_tag(),
                Some(HeaderTag::PosBig) | Some(HeaderTag::NegBig)
            )
    }

    /// Whether this is a number.
    #[inline]
    pub fn is_number(self) -> bool {
        self.is_integer() || self.is_float()
    }

    /// Whether this is a fun (closure or export).
    #[inline]
    pub fn is_function(self) -> bool {
        matches!(
            self.boxed_tag(),
            Some(HeaderTag::Fun) | Some(HeaderTag::Export)
        )
    }

    /// Whether this is a reference.
    #[inline]
    pub fn is_reference(self) -> bool {
        self.boxed_tag() == Some(HeaderTag::Ref)
    }

    /// The serial number of a reference, or `None`.
    #[inline]
    pub fn as_reference(self) -> Option<u64> {
        if self.is_reference() {
            Some(read_u64(self.boxed_body()))
        } else {
            None
        }
    }

    /// Whether this is a map.
    #[inline]
    pub fn is_map(self) -> bool {
        matches!(
            self.boxed_tag(),
            Some(HeaderTag::FlatMap) | Some(HeaderTag::HashMap)
        )
    }

    /// Whether this is a bitstring of any kind.
    #[inline]
    pub fn is_bitstring(self) -> bool {
        matches!(
            self.boxed_tag(),
            Some(HeaderTag::HeapBin) | Some(HeaderTag::RefcBin) | Some(HeaderTag::SubBin)
        )
    }
}

/// Iterates over the elements of a list, stopping at its tail.
///
/// After iteration, [`ListIter::tail`] is `[]` for a proper list and the
/// improper tail otherwise.
pub struct ListIter {
    cur: Term,
}

impl ListIter {
    /// Starts at `list` (any term; a non-list yields nothing).
    #[inline]
    pub fn new(list: Term) -> ListIter {
        ListIter { cur: list }
    }
    /// What remains: `[]` after a proper list is exhausted.
    #[inline]
    pub fn tail(&self) -> Term {
        self.cur
    }
}

impl Iterator for ListIter {
    type Item = Term;
    #[inline]
    fn next(&mut self) -> Option<Term> {
        let (h, t) = self.cur.as_cons()?;
        self.cur = t;
        Some(h)
    }
}

/// The length of a proper list, or `None` if `list` is not one.
pub fn proper_list_len(list: Term) -> Option<usize> {
    let mut it = ListIter::new(list);
    let n = it.by_ref().count();
    if it.tail().is_nil() {
        Some(n)
    } else {
        None
    }
}
