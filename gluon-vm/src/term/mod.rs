//! The term model: every Erlang value is one machine word.
//!
//! Tagging follows the BEAM's scheme so that the layout is familiar to BEAM
//! engineers and works unchanged on 32- and 64-bit targets:
//!
//! ```text
//! primary tag (2 bits)   00 header (heap only)  01 list pointer
//!                        10 boxed pointer       11 immediate
//! immediate (4 bits)     0011 pid   0111 port   1011 immediate-2   1111 small integer
//! immediate-2 (6 bits)   001011 atom  011011 catch  101011 special  111011 nil
//! ```
//!
//! Heap words are word-aligned, so pointers keep their two low bits free for
//! the primary tag. A header word starts every boxed object and says what it
//! is and how many words follow it.

pub mod atom;
mod boxed;
mod order;
pub mod static_atoms;

pub use atom::{Atom, AtomTable};
pub use boxed::*;
pub use order::{compare, exact_eq, Ordering};

/// One Erlang term: a tagged machine word.
#[derive(Copy, Clone, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Term(usize);

const PRIMARY_MASK: usize = 0b11;
const PRIMARY_HEADER: usize = 0b00;
const PRIMARY_LIST: usize = 0b01;
const PRIMARY_BOXED: usize = 0b10;
const IMMED1_MASK: usize = 0b1111;
const IMMED1_PID: usize = 0b0011;
const IMMED1_PORT: usize = 0b0111;
const IMMED1_SMALL: usize = 0b1111;
const IMMED2_MASK: usize = 0b11_1111;
const IMMED2_ATOM: usize = 0b00_1011;
const IMMED2_CATCH: usize = 0b01_1011;
const IMMED2_SPECIAL: usize = 0b10_1011;
const IMMED2_NIL: usize = 0b11_1011;

/// Bits in a word.
pub const WORD_BITS: u32 = usize::BITS;
/// Bits available to a small integer's value.
pub const SMALL_BITS: u32 = WORD_BITS - 4;
/// The largest small integer.
pub const MAX_SMALL: isize = (1isize << (SMALL_BITS - 1)) - 1;
/// The smallest small integer.
pub const MIN_SMALL: isize = -(1isize << (SMALL_BITS - 1));

impl Term {
    /// `[]`.
    pub const NIL: Term = Term(IMMED2_NIL);
    /// Marks "no value": an empty register, a failed BIF, a moved cons cell
    /// during GC. Never visible to Erlang code.
    pub const NONE: Term = Term(IMMED2_SPECIAL);
    /// The atom `true`.
    pub const TRUE: Term = Term::atom(atom::TRUE);
    /// The atom `false`.
    pub const FALSE: Term = Term::atom(atom::FALSE);

    /// The raw word, for hashing and debugging.
    #[inline]
    pub const fn raw(self) -> usize {
        self.0
    }

    /// Rebuilds a term from a word produced by [`Term::raw`].
    #[inline]
    pub const fn from_raw(word: usize) -> Term {
        Term(word)
    }

    /// A small integer; the caller guarantees `MIN_SMALL <= n <= MAX_SMALL`.
    #[inline]
    pub const fn small(n: isize) -> Term {
        Term(((n as usize) << 4) | IMMED1_SMALL)
    }

    /// An integer if it fits in a small, else `None` (the caller boxes it).
    #[inline]
    pub fn try_small(n: i64) -> Option<Term> {
        if n >= MIN_SMALL as i64 && n <= MAX_SMALL as i64 {
            Some(Term::small(n as isize))
        } else {
            None
        }
    }

    /// An atom.
    #[inline]
    pub const fn atom(a: Atom) -> Term {
        Term(((a.index() as usize) << 6) | IMMED2_ATOM)
    }

    /// A boolean atom.
    #[inline]
    pub const fn bool(b: bool) -> Term {
        if b {
            Term::TRUE
        } else {
            Term::FALSE
        }
    }

    /// A local process identifier.
    #[inline]
    pub const fn pid(n: usize) -> Term {
        Term((n << 4) | IMMED1_PID)
    }

    /// A local port identifier.
    #[inline]
    pub const fn port(n: usize) -> Term {
        Term((n << 4) | IMMED1_PORT)
    }

    /// A catch tag stored on the stack; `n` indexes the VM's catch table.
    #[inline]
    pub const fn catch(n: usize) -> Term {
        Term((n << 6) | IMMED2_CATCH)
    }

    /// A pointer to a cons cell (two words: head, tail).
    #[inline]
    pub fn list_ptr(p: *const Term) -> Term {
        Term(p as usize | PRIMARY_LIST)
    }

    /// A pointer to a boxed object (its header word).
    #[inline]
    pub fn boxed_ptr(p: *const Term) -> Term {
        Term(p as usize | PRIMARY_BOXED)
    }

    /// A header word: `tag` says the object's kind, `arity` counts the words
    /// that follow the header.
    #[inline]
    pub const fn header(tag: HeaderTag, arity: usize) -> Term {
        Term((arity << 6) | ((tag as usize) << 2) | PRIMARY_HEADER)
    }

    #[inline]
    pub const fn is_small(self) -> bool {
        self.0 & IMMED1_MASK == IMMED1_SMALL
    }
    #[inline]
    pub const fn is_atom(self) -> bool {
        self.0 & IMMED2_MASK == IMMED2_ATOM
    }
    #[inline]
    pub const fn is_nil(self) -> bool {
        self.0 == IMMED2_NIL
    }
    #[inline]
    pub const fn is_none(self) -> bool {
        self.0 == IMMED2_SPECIAL
    }
    #[inline]
    pub const fn is_list(self) -> bool {
        self.0 & PRIMARY_MASK == PRIMARY_LIST
    }
    #[inline]
    pub const fn is_boxed(self) -> bool {
        self.0 & PRIMARY_MASK == PRIMARY_BOXED
    }
    #[inline]
    pub const fn is_header(self) -> bool {
        self.0 & PRIMARY_MASK == PRIMARY_HEADER
    }
    #[inline]
    pub const fn is_immediate(self) -> bool {
        self.0 & PRIMARY_MASK == 0b11
    }
    #[inline]
    pub const fn is_pid(self) -> bool {
        self.0 & IMMED1_MASK == IMMED1_PID
    }
    #[inline]
    pub const fn is_port(self) -> bool {
        self.0 & IMMED1_MASK == IMMED1_PORT
    }
    #[inline]
    pub const fn is_catch(self) -> bool {
        self.0 & IMMED2_MASK == IMMED2_CATCH
    }
    /// `true` or `false`.
    #[inline]
    pub const fn is_boolean(self) -> bool {
        self.0 == Term::TRUE.0 || self.0 == Term::FALSE.0
    }
    /// A proper or improper list cell, or `[]`.
    #[inline]
    pub const fn is_list_or_nil(self) -> bool {
        self.is_list() || self.is_nil()
    }

    /// The value of a small integer (the caller checked [`Term::is_small`]).
    #[inline]
    pub const fn small_value(self) -> isize {
        (self.0 as isize) >> 4
    }
    /// The small integer's value, if this is one.
    #[inline]
    pub const fn as_small(self) -> Option<isize> {
        if self.is_small() {
            Some(self.small_value())
        } else {
            None
        }
    }
    /// The atom, if this is one.
    #[inline]
    pub const fn as_atom(self) -> Option<Atom> {
        if self.is_atom() {
            Some(Atom::from_index((self.0 >> 6) as u32))
        } else {
            None
        }
    }
    /// The process number of a local pid.
    #[inline]
    pub const fn pid_index(self) -> usize {
        self.0 >> 4
    }
    /// The port number of a local port.
    #[inline]
    pub const fn port_index(self) -> usize {
        self.0 >> 4
    }
    /// The catch-table index of a catch tag.
    #[inline]
    pub const fn catch_index(self) -> usize {
        self.0 >> 6
    }

    /// The address a list or boxed term points at.
    #[inline]
    pub const fn ptr(self) -> *const Term {
        (self.0 & !PRIMARY_MASK) as *const Term
    }
    /// Mutable form of [`Term::ptr`], for the collector and constructors.
    #[inline]
    pub const fn ptr_mut(self) -> *mut Term {
        (self.0 & !PRIMARY_MASK) as *mut Term
    }

    /// The kind of a header word.
    #[inline]
    pub fn header_tag(self) -> HeaderTag {
        HeaderTag::from_bits((self.0 >> 2) & 0b1111)
    }
    /// The number of words following a header word.
    #[inline]
    pub const fn header_arity(self) -> usize {
        self.0 >> 6
    }

    /// Head and tail of a cons cell (the caller checked [`Term::is_list`]).
    ///
    /// # Safety
    /// The term must be a list pointer into live memory.
    #[inline]
    pub unsafe fn cons(self) -> (Term, Term) {
        let p = self.ptr();
        (*p, *p.add(1))
    }

    /// Head and tail if this is a cons cell.
    #[inline]
    pub fn as_cons(self) -> Option<(Term, Term)> {
        if self.is_list() {
            // SAFETY: list terms are only created pointing at two live words.
            Some(unsafe { self.cons() })
        } else {
            None
        }
    }

    /// The header of a boxed term (the caller checked [`Term::is_boxed`]).
    #[inline]
    pub fn boxed_header(self) -> Term {
        // SAFETY: boxed terms are only created pointing at a live header.
        unsafe { *self.ptr() }
    }

    /// The header tag of a boxed term, or `None` for other terms.
    #[inline]
    pub fn boxed_tag(self) -> Option<HeaderTag> {
        if self.is_boxed() {
            Some(self.boxed_header().header_tag())
        } else {
            None
        }
    }

    /// The words of a boxed object after its header.
    #[inline]
    pub fn boxed_body(self) -> &'static [Term] {
        let h = self.boxed_header();
        // SAFETY: a header is followed by `arity` live words; the slice does
        // not outlive the heap in practice because terms are re-read after
        // every allocation point.
        unsafe { core::slice::from_raw_parts(self.ptr().add(1), h.header_arity()) }
    }
}

/// What a header word describes. Four bits.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum HeaderTag {
    /// A tuple: the arity is its size.
    Tuple = 0,
    /// A positive bignum: little-endian digits.
    PosBig = 1,
    /// A negative bignum (magnitude digits).
    NegBig = 2,
    /// A reference.
    Ref = 3,
    /// A closure: see [`crate::fun`].
    Fun = 4,
    /// A float: the IEEE double's bits.
    Float = 5,
    /// An external fun `fun M:F/A`.
    Export = 6,
    /// A binary whose bytes live on the heap.
    HeapBin = 7,
    /// A binary whose bytes live off-heap, reference-counted.
    RefcBin = 8,
    /// A slice of another binary.
    SubBin = 9,
    /// A binary match context.
    MatchCtx = 10,
    /// A map kept as sorted keys and values.
    FlatMap = 11,
    /// The root of a large map's hash trie (see [`crate::map`]).
    HashMap = 12,
    /// A binary under construction with spare room (see
    /// `binary::append`); only ever seen through a sub-binary.
    WritableBin = 13,
    /// An inner node of a large map's hash trie (never a term by itself).
    HashNode = 14,
    /// Reserved for future kinds.
    Reserved15 = 15,
}

impl HeaderTag {
    #[inline]
    fn from_bits(b: usize) -> HeaderTag {
        match b & 0b1111 {
            0 => HeaderTag::Tuple,
            1 => HeaderTag::PosBig,
            2 => HeaderTag::NegBig,
            3 => HeaderTag::Ref,
            4 => HeaderTag::Fun,
            5 => HeaderTag::Float,
            6 => HeaderTag::Export,
            7 => HeaderTag::HeapBin,
            8 => HeaderTag::RefcBin,
            9 => HeaderTag::SubBin,
            10 => HeaderTag::MatchCtx,
            11 => HeaderTag::FlatMap,
            12 => HeaderTag::HashMap,
            13 => HeaderTag::WritableBin,
            14 => HeaderTag::HashNode,
            _ => HeaderTag::Reserved15,
        }
    }

    /// Which words of an object's body (of `arity` words) hold terms to
    /// trace: `(skip, count)` — skip `skip` raw words, then `count` terms.
    /// Everything else is raw data (float bits, digits, bytes, pointers to
    /// definitions). The collector and the message copier share this rule.
    #[inline]
    pub fn traced(self, arity: usize) -> (usize, usize) {
        match self {
            HeaderTag::Tuple | HeaderTag::FlatMap | HeaderTag::HashMap | HeaderTag::HashNode => {
                (0, arity)
            }
            // Word 1 is the definition pointer, then captured values.
            HeaderTag::Fun => (1, arity.saturating_sub(1)),
            // Length and offset are raw; the original binary is a term.
            HeaderTag::SubBin => (2, 1),
            // Position and end are raw; the binary matched is a term.
            HeaderTag::MatchCtx => (2, 1),
            _ => (arity, 0),
        }
    }
}

impl core::fmt::Debug for Term {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        if self.is_small() {
            write!(f, "{}", self.small_value())
        } else if let Some(a) = self.as_atom() {
            write!(f, "atom#{}", a.index())
        } else if self.is_nil() {
            f.write_str("[]")
        } else if self.is_none() {
            f.write_str("<none>")
        } else {
            write!(f, "Term({:#x})", self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_round_trip_at_limits() {
        for n in [0, 1, -1, MAX_SMALL, MIN_SMALL, 12345, -98765] {
            let t = Term::small(n);
            assert!(t.is_small());
            assert!(!t.is_atom() && !t.is_list() && !t.is_boxed());
            assert_eq!(t.small_value(), n);
        }
        assert!(Term::try_small(MAX_SMALL as i64 + 1).is_none());
        assert!(Term::try_small(MIN_SMALL as i64 - 1).is_none());
    }

    #[test]
    fn immediates_are_distinct() {
        let a = Term::atom(atom::OK);
        assert!(a.is_atom() && !a.is_small() && !a.is_nil());
        assert_eq!(a.as_atom(), Some(atom::OK));
        assert!(Term::NIL.is_nil() && !Term::NIL.is_atom());
        assert!(Term::pid(7).is_pid() && Term::pid(7).pid_index() == 7);
        assert!(Term::catch(3).is_catch() && Term::catch(3).catch_index() == 3);
        assert!(Term::TRUE.is_boolean() && Term::FALSE.is_boolean());
        assert!(!Term::small(1).is_boolean());
    }

    #[test]
    fn headers_keep_tag_and_arity() {
        let h = Term::header(HeaderTag::Fun, 1000);
        assert!(h.is_header());
        assert_eq!(h.header_tag(), HeaderTag::Fun);
        assert_eq!(h.header_arity(), 1000);
    }
}
