//! A process heap: one block holding the heap (growing up) and the stack
//! (growing down), plus heap fragments for BIF results that did not fit.
//!
//! ```text
//! block: [ heap words ... | htop -> free <- stop | y0 y1 .. CP | y0 .. CP ]
//! ```
//!
//! Code that declared its heap need (`test_heap`, `allocate_heap`) allocates
//! from the block without checks beyond a debug assertion's worth; BIFs that
//! build terms of unknown size use [`Heap::alloc`], which spills into a
//! fragment when the block is full. The collector merges fragments back.

use crate::term::{ListIter, Term};
use alloc::boxed::Box;
use alloc::vec::Vec;

/// The allocator could not provide memory.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub struct OutOfMemory;

/// Whether `p` points into `s`.
#[inline]
pub(crate) fn in_slice(s: &[Term], p: *const Term) -> bool {
    let r = s.as_ptr_range();
    p >= r.start && p < r.end
}

/// Words of term memory from [`alloc_words`], charged to the VM's memory
/// account (see [`crate::memory`]) until dropped, with the off-heap binary
/// objects allocated in it (see [`crate::binary::refc`]), whose references
/// are released when the block is dropped.
#[derive(Default)]
pub struct Block(Box<[Term]>, OffHeap);

/// Addresses of the off-heap binary objects in a block.
pub type OffHeap = crate::lazyvec::LazyVec<*mut Term>;

impl Block {
    /// A block of no words (nothing allocated or charged).
    pub fn empty() -> Block {
        Block(Box::default(), OffHeap::new())
    }

    /// Records an off-heap binary object allocated (or copied) in this
    /// block; the block now owns its reference.
    pub fn add_offheap(&mut self, obj: *mut Term) {
        self.1.push(obj);
    }

    /// Takes the list of off-heap binary objects out of the block (the
    /// collector moves the live ones to the blocks they are copied to).
    pub(crate) fn take_offheap(&mut self) -> OffHeap {
        core::mem::take(&mut self.1)
    }

    /// The off-heap binary objects of this block.
    pub fn offheap(&self) -> &[*mut Term] {
        &self.1
    }
}

impl core::ops::Deref for Block {
    type Target = [Term];
    #[inline]
    fn deref(&self) -> &[Term] {
        &self.0
    }
}

impl core::ops::DerefMut for Block {
    #[inline]
    fn deref_mut(&mut self) -> &mut [Term] {
        &mut self.0
    }
}

impl Drop for Block {
    fn drop(&mut self) {
        for &obj in self.1.iter() {
            crate::binary::refc::drop_ref(obj);
        }
        crate::memory::release(self.0.len());
    }
}

/// Moves `v` into a new box, failing instead of aborting when memory is
/// exhausted (`Box::try_new` is not stable yet).
pub fn try_box<T>(v: T) -> Result<alloc::boxed::Box<T>, OutOfMemory> {
    let layout = core::alloc::Layout::new::<T>();
    if layout.size() == 0 {
        return Ok(alloc::boxed::Box::new(v));
    }
    // SAFETY: the layout has a non-zero size; on success the memory is
    // written before the box takes ownership of it, with the same layout
    // the box will free it with.
    unsafe {
        let p = alloc::alloc::alloc(layout) as *mut T;
        if p.is_null() {
            return Err(OutOfMemory);
        }
        p.write(v);
        Ok(alloc::boxed::Box::from_raw(p))
    }
}

/// Allocates a block of `n` words filled with `[]`, failing instead of
/// aborting when memory is exhausted or the VM's budget would be exceeded.
pub fn alloc_words(n: usize) -> Result<Block, OutOfMemory> {
    crate::memory::charge(n)?;
    let mut v: Vec<Term> = Vec::new();
    if v.try_reserve_exact(n).is_err() {
        crate::memory::release(n);
        return Err(OutOfMemory);
    }
    v.resize(n, Term::NIL);
    Ok(Block(v.into_boxed_slice(), OffHeap::new()))
}

/// A process's heap and stack.
pub struct Heap {
    block: Block,
    /// Heap top and stack top as word indices. `u32` keeps an idle
    /// process small on 64-bit; no heap reaches 2^32 words.
    htop: u32,
    stop: u32,
    fragments: Option<Box<Fragments>>,
    /// Generational state, allocated by the first collection: most
    /// processes never collect, and an idle one should cost one word here.
    gen: Option<Box<Generations>>,
}

/// Heap fragments with their total size, boxed so that a process without
/// fragments (nearly all, nearly always) pays one null word; the total is
/// kept because `ensure` asks for it at every heap check.
struct Fragments {
    words: usize,
    blocks: Vec<Block>,
}

/// The used young block, the fragments and the used old heap.
pub(crate) type Spaces<'a> = (&'a [Term], &'a [Block], &'a [Term]);

/// What the generational collector keeps between collections.
#[derive(Default)]
pub struct Generations {
    /// Words at the start of the block that have survived one collection;
    /// the next minor collection promotes them to the old heap.
    pub hwm: usize,
    /// The old heap: promoted data, collected only by a major collection.
    /// Nothing in it points into the young heap (terms are immutable).
    pub old: Block,
    /// Words in use in `old`.
    pub old_top: usize,
    /// Minor collections since the last major one.
    pub minor_since_major: u32,
    /// Minor collections in all.
    pub minor_gcs: u32,
    /// Major collections in all.
    pub major_gcs: u32,
    /// `max_heap_size` in words (0: none): a collection that leaves the
    /// heap larger kills the process.
    pub max_words: usize,
}

impl Heap {
    /// A heap of `words` words in one block.
    pub fn new(words: usize) -> Result<Heap, OutOfMemory> {
        let block = alloc_words(words)?;
        let stop = u32::try_from(block.len()).map_err(|_| OutOfMemory)?;
        Ok(Heap {
            block,
            htop: 0,
            stop,
            fragments: None,
            gen: None,
        })
    }

    /// The heap top as an index.
    #[inline(always)]
    fn top(&self) -> usize {
        self.htop as usize
    }

    /// The stack top as an index.
    #[inline(always)]
    fn sp(&self) -> usize {
        self.stop as usize
    }

    /// Words in the block.
    #[inline]
    pub fn capacity(&self) -> usize {
        self.block.len()
    }

    /// Free words between heap top and stack top.
    #[inline]
    pub fn free(&self) -> usize {
        self.sp() - self.top()
    }

    /// Words used by heap data in the block.
    #[inline]
    pub fn heap_used(&self) -> usize {
        self.top()
    }

    /// Words used by the stack.
    #[inline]
    pub fn stack_used(&self) -> usize {
        self.block.len() - self.sp()
    }

    /// Words in heap fragments.
    #[inline]
    pub fn fragment_words(&self) -> usize {
        self.fragments.as_ref().map_or(0, |f| f.words)
    }

    fn push_fragment(&mut self, block: Block) {
        let f = self.fragments.get_or_insert_with(|| {
            Box::new(Fragments {
                words: 0,
                blocks: Vec::new(),
            })
        });
        f.words += block.len();
        f.blocks.push(block);
    }

    /// Records an off-heap binary object just allocated on this heap (in
    /// the block or a fragment), which now owns its reference.
    pub fn register_offheap(&mut self, obj: *mut Term) {
        if !in_slice(&self.block[..self.top()], obj) {
            if let Some(f) = self.fragments.as_mut() {
                if let Some(b) = f.blocks.iter_mut().rev().find(|b| in_slice(b, obj)) {
                    b.add_offheap(obj);
                    return;
                }
            }
        }
        self.block.add_offheap(obj);
    }

    /// Takes the off-heap binary objects of the young generation (block
    /// and fragments) out of their blocks, for the collector to sort.
    pub(crate) fn take_young_offheap(&mut self) -> Vec<*mut Term> {
        let mut out: Vec<*mut Term> = self.block.take_offheap().iter().copied().collect();
        if let Some(f) = self.fragments.as_mut() {
            for b in f.blocks.iter_mut() {
                out.extend(b.take_offheap().iter().copied());
            }
        }
        out
    }

    /// Takes the off-heap binary objects of the old heap out of it.
    pub(crate) fn take_old_offheap(&mut self) -> Vec<*mut Term> {
        match &mut self.gen {
            Some(g) => g.old.take_offheap().iter().copied().collect(),
            None => Vec::new(),
        }
    }

    /// Off-heap binary objects held by this heap (all generations).
    pub fn offheap_count(&self) -> usize {
        let frags = self
            .fragments
            .as_ref()
            .map_or(0, |f| f.blocks.iter().map(|b| b.offheap().len()).sum());
        let old = self.gen.as_ref().map_or(0, |g| g.old.offheap().len());
        self.block.offheap().len() + frags + old
    }

    /// Allocates `n` words from the block; the caller made sure they fit
    /// (after `test_heap` or a collection).
    #[inline]
    pub fn alloc_reserved(&mut self, n: usize) -> *mut Term {
        debug_assert!(self.top() + n <= self.sp());
        // SAFETY: htop + n <= stop <= len, checked by the caller's reservation.
        let p = unsafe { self.block.as_mut_ptr().add(self.top()) };
        self.htop += n as u32;
        p
    }

    /// Allocates `n` words anywhere: in the block if they fit, else in a new
    /// fragment that the next collection will fold into the heap.
    #[inline]
    pub fn alloc(&mut self, n: usize) -> Result<*mut Term, OutOfMemory> {
        if self.free() >= n {
            return Ok(self.alloc_reserved(n));
        }
        self.alloc_fragment(n)
    }

    #[cold]
    #[inline(never)]
    fn alloc_fragment(&mut self, n: usize) -> Result<*mut Term, OutOfMemory> {
        let mut frag = alloc_words(n)?;
        let p = frag.as_mut_ptr();
        self.push_fragment(frag);
        Ok(p)
    }

    /// Takes ownership of a block holding terms (a received message); it
    /// becomes a fragment that the next collection folds into the heap.
    pub fn adopt(&mut self, block: Block) {
        if !block.is_empty() {
            self.push_fragment(block);
        }
    }

    /// Words owned in all: block, fragments and old heap.
    pub fn total_words(&self) -> usize {
        self.block.len() + self.fragment_words() + self.old_words()
    }

    /// Words of the old heap (0 before the first promotion).
    pub fn old_words(&self) -> usize {
        self.gen.as_ref().map_or(0, |g| g.old.len())
    }

    /// The generational state, if the heap has been collected.
    pub fn generations(&self) -> Option<&Generations> {
        self.gen.as_deref()
    }

    /// The generational state, created on first use (by the collector).
    pub(crate) fn generations_mut(&mut self) -> &mut Generations {
        self.gen.get_or_insert_with(Default::default)
    }

    /// The young block and its used part, the fragments, and the old heap
    /// with its used part: the collector's view of the from-space.
    pub(crate) fn spaces(&self) -> Spaces<'_> {
        let old: &[Term] = match &self.gen {
            Some(g) => &g.old[..g.old_top],
            None => &[],
        };
        let frags: &[Block] = match &self.fragments {
            Some(f) => &f.blocks,
            None => &[],
        };
        (&self.block[..self.top()], frags, old)
    }

    /// Allocates and returns a mutable slice of `n` words.
    pub fn alloc_slice(&mut self, n: usize) -> Result<&mut [Term], OutOfMemory> {
        let p = self.alloc(n)?;
        // SAFETY: `alloc` returned `n` writable words owned by this heap.
        Ok(unsafe { core::slice::from_raw_parts_mut(p, n) })
    }

    /// Pushes one word (a continuation pointer) on the stack; the caller
    /// made sure it fits.
    #[inline]
    pub fn push(&mut self, w: Term) {
        debug_assert!(self.sp() > self.top());
        self.stop -= 1;
        let i = self.sp();
        self.block[i] = w;
    }

    /// Pops one word off the stack.
    #[inline]
    pub fn pop(&mut self) -> Option<Term> {
        let w = *self.block.get(self.sp())?;
        self.stop += 1;
        Some(w)
    }

    /// Pushes `n` Y registers set to `[]`, so that neither the collector
    /// nor exception unwinding ever sees a stale word; the caller made
    /// sure they fit.
    #[inline]
    pub fn alloc_frame(&mut self, n: usize) {
        debug_assert!(self.sp() - self.top() >= n);
        self.stop -= n as u32;
        let sp = self.sp();
        for w in &mut self.block[sp..sp + n] {
            *w = Term::NIL;
        }
    }

    /// Drops `n` words from the top of the stack (`deallocate`, `trim`).
    #[inline]
    pub fn drop_words(&mut self, n: usize) {
        // Clamped: only malformed code drops more than the stack holds.
        self.stop = (self.sp().saturating_add(n).min(self.block.len())) as u32;
    }

    /// Y register `i` of the newest frame.
    #[inline]
    pub fn y(&self, i: usize) -> Term {
        // A Y register beyond the stack only comes from malformed code:
        // read `[]` rather than fail.
        self.block.get(self.sp() + i).copied().unwrap_or(Term::NIL)
    }

    /// Sets Y register `i` of the newest frame.
    #[inline]
    pub fn set_y(&mut self, i: usize, t: Term) {
        let at = self.sp() + i;
        if let Some(w) = self.block.get_mut(at) {
            *w = t;
        }
    }

    /// The stack, newest word first.
    #[inline]
    pub fn stack(&self) -> &[Term] {
        &self.block[self.sp()..]
    }

    /// Mutable view of the stack, for the collector.
    #[inline]
    pub fn stack_mut(&mut self) -> &mut [Term] {
        let sp = self.sp();
        &mut self.block[sp..]
    }

    /// Cuts the stack back to `depth` words (used when unwinding to a catch).
    pub fn set_stack_depth(&mut self, depth: usize) {
        self.stop = (self.block.len() - depth) as u32;
    }

    /// Stack depth in words.
    #[inline]
    pub fn stack_depth(&self) -> usize {
        self.block.len() - self.sp()
    }

    /// Whether `p` points into memory this heap owns: its block, its
    /// fragments or its old heap (literals and other heaps are elsewhere).
    pub fn contains(&self, p: *const Term) -> bool {
        let (young, frags, old) = self.spaces();
        in_slice(young, p) || in_slice(old, p) || frags.iter().any(|f| in_slice(f, p))
    }

    /// Replaces the heap by `block` holding `used` live words, keeping the
    /// stack (copied to the new block's end). Fragments are dropped: the
    /// collector has copied everything live out of them.
    pub fn install(&mut self, mut block: Block, used: usize) {
        let depth = self.stack_used();
        let new_stop = block.len() - depth;
        block[new_stop..].copy_from_slice(&self.block[self.sp()..]);
        self.block = block;
        self.htop = used as u32;
        self.stop = new_stop as u32;
        self.fragments = None;
    }

    /// Replaces the old heap (after a collection promoted into it or
    /// emptied it).
    pub(crate) fn set_old(&mut self, old: Block, top: usize) {
        let g = self.generations_mut();
        g.old = old;
        g.old_top = top;
    }

    /// Takes the old heap out (to copy into it), leaving an empty one.
    pub(crate) fn take_old(&mut self) -> (Block, usize) {
        match &mut self.gen {
            Some(g) => (core::mem::take(&mut g.old), core::mem::take(&mut g.old_top)),
            None => (Block::empty(), 0),
        }
    }

    /// Conses `head` onto `tail` (allocating anywhere).
    #[inline]
    pub fn cons(&mut self, head: Term, tail: Term) -> Result<Term, OutOfMemory> {
        let p = self.alloc(2)?;
        // SAFETY: two fresh words.
        unsafe {
            *p = head;
            *p.add(1) = tail;
        }
        Ok(Term::list_ptr(p))
    }

    /// Builds a tuple of `elems`.
    pub fn tuple(&mut self, elems: &[Term]) -> Result<Term, OutOfMemory> {
        let s = self.alloc_slice(elems.len() + 1)?;
        s[0] = Term::header(crate::term::HeaderTag::Tuple, elems.len());
        s[1..].copy_from_slice(elems);
        Ok(Term::boxed_ptr(s.as_ptr()))
    }

    /// Builds a boxed float.
    pub fn float(&mut self, f: f64) -> Result<Term, OutOfMemory> {
        let s = self.alloc_slice(crate::term::FLOAT_WORDS)?;
        s[0] = Term::header(crate::term::HeaderTag::Float, crate::term::WORDS_PER_U64);
        crate::term::write_u64(&mut s[1..], f.to_bits());
        Ok(Term::boxed_ptr(s.as_ptr()))
    }

    /// Builds a proper list of `elems`, ending in `tail`.
    pub fn list_from(&mut self, elems: &[Term], tail: Term) -> Result<Term, OutOfMemory> {
        let mut acc = tail;
        if elems.is_empty() {
            return Ok(acc);
        }
        let s = self.alloc_slice(2 * elems.len())?;
        for (i, &e) in elems.iter().enumerate().rev() {
            s[2 * i] = e;
            s[2 * i + 1] = acc;
            acc = Term::list_ptr(&s[2 * i]);
        }
        Ok(acc)
    }

    /// Builds the list of the bytes of `s` (an Erlang string).
    pub fn string(&mut self, s: &[u8]) -> Result<Term, OutOfMemory> {
        let mut acc = Term::NIL;
        if s.is_empty() {
            return Ok(acc);
        }
        let cells = self.alloc_slice(2 * s.len())?;
        for (i, &b) in s.iter().enumerate().rev() {
            cells[2 * i] = Term::small(b as isize);
            cells[2 * i + 1] = acc;
            acc = Term::list_ptr(&cells[2 * i]);
        }
        Ok(acc)
    }

    /// Builds a list of the characters of a UTF-8 string.
    pub fn unicode_string(&mut self, s: &str) -> Result<Term, OutOfMemory> {
        let chars: Vec<Term> = s.chars().map(|c| Term::small(c as isize)).collect();
        self.list_from(&chars, Term::NIL)
    }

    /// Collects a proper list into a vector, or `None` if it is improper.
    pub fn list_to_vec(list: Term) -> Option<Vec<Term>> {
        let mut it = ListIter::new(list);
        let v: Vec<Term> = it.by_ref().collect();
        if it.tail().is_nil() {
            Some(v)
        } else {
            None
        }
    }
}
