//! The VM's account of term memory, and its budget.
//!
//! Every word that holds Erlang terms — process heaps and stacks, heap
//! fragments, old heaps, messages in flight — is allocated through
//! [`crate::heap::alloc_words`], which charges it here, and is released
//! when its [`crate::heap::Block`] is dropped. A budget set by the embedder
//! (`gluon run --max-memory`) makes a charge beyond it fail: the allocation
//! reports `OutOfMemory` and the process that asked is killed, while the
//! VM and every other process keep running.
//!
//! The account is one per program, not per [`crate::vm::Vm`]: firmware
//! runs one VM, and a counter beside each heap would cost every process a
//! word. Tests that read it run in a test binary of their own.
//!
//! Code, atoms and other VM tables are allocated directly and are not
//! charged: they grow only when modules load or atoms are made, and the
//! budget is meant to stop runaway processes, the one thing Erlang code
//! controls.

use core::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Bytes of a word.
const W: usize = core::mem::size_of::<usize>();

static USED: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
/// In words; 0 means no budget.
static LIMIT: AtomicUsize = AtomicUsize::new(0);
static BUDGET_REFUSED: AtomicBool = AtomicBool::new(false);

/// Sets the budget for term memory in bytes (`None`: unlimited).
pub fn set_limit(bytes: Option<usize>) {
    LIMIT.store(bytes.map_or(0, |b| (b / W).max(1)), Ordering::Relaxed);
}

/// The budget in bytes, if one is set.
pub fn limit() -> Option<usize> {
    match LIMIT.load(Ordering::Relaxed) {
        0 => None,
        w => Some(w * W),
    }
}

/// Bytes of term memory in use now.
pub fn used() -> usize {
    USED.load(Ordering::Relaxed) * W
}

/// The most bytes of term memory ever in use at once.
pub fn peak() -> usize {
    PEAK.load(Ordering::Relaxed) * W
}

/// Charges `words` to the account; fails, charging nothing, when that
/// would exceed the budget.
pub(crate) fn charge(words: usize) -> Result<(), crate::heap::OutOfMemory> {
    let before = USED.fetch_add(words, Ordering::Relaxed);
    let now = before.saturating_add(words);
    let limit = LIMIT.load(Ordering::Relaxed);
    if limit != 0 && now > limit {
        USED.fetch_sub(words, Ordering::Relaxed);
        BUDGET_REFUSED.store(true, Ordering::Relaxed);
        return Err(crate::heap::OutOfMemory);
    }
    PEAK.fetch_max(now, Ordering::Relaxed);
    BUDGET_REFUSED.store(false, Ordering::Relaxed);
    Ok(())
}

/// Whether the last charge was refused by the budget (rather than the
/// system heap failing afterwards): the out-of-memory report says which.
pub(crate) fn budget_refused() -> bool {
    BUDGET_REFUSED.load(Ordering::Relaxed)
}

/// Gives back `words` charged earlier.
pub(crate) fn release(words: usize) {
    USED.fetch_sub(words, Ordering::Relaxed);
}
