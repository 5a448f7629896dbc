//! A vector that costs one word until something is put in it.
//!
//! Most processes never link, monitor, use their dictionary or keep
//! registers across a yield; an empty `Vec` would still cost three words
//! each in every process. `LazyVec` is a boxed `Vec` allocated on first
//! push, so the empty case is a single null pointer.

use alloc::boxed::Box;
use alloc::vec::Vec;
use core::ops::{Deref, DerefMut};

/// A `Vec` that is one null word while empty.
#[derive(Clone, Debug, PartialEq, Eq)]
// A boxed Vec on purpose: the box is what makes the empty case one word.
#[allow(clippy::box_collection)]
pub struct LazyVec<T>(Option<Box<Vec<T>>>);

impl<T> Default for LazyVec<T> {
    fn default() -> LazyVec<T> {
        LazyVec(None)
    }
}

impl<T> LazyVec<T> {
    /// An empty vector (no allocation).
    pub const fn new() -> LazyVec<T> {
        LazyVec(None)
    }

    fn vec(&mut self) -> &mut Vec<T> {
        self.0.get_or_insert_with(|| Box::new(Vec::new()))
    }

    /// Appends an element.
    pub fn push(&mut self, v: T) {
        self.vec().push(v);
    }

    /// Keeps the elements for which `f` is true; frees the storage when
    /// none remain.
    pub fn retain(&mut self, f: impl FnMut(&T) -> bool) {
        if let Some(v) = self.0.as_mut() {
            v.retain(f);
            if v.is_empty() {
                self.0 = None;
            }
        }
    }

    /// Removes everything and frees the storage.
    pub fn clear(&mut self) {
        self.0 = None;
    }

    /// Removes and returns the element at `i`.
    pub fn remove(&mut self, i: usize) -> T {
        self.vec().remove(i)
    }

    /// Removes the elements in `range`.
    pub fn remove_range(&mut self, range: core::ops::Range<usize>) {
        if let Some(v) = self.0.as_mut() {
            v.drain(range);
        }
    }

    /// Takes all elements out, leaving it empty.
    pub fn take_all(&mut self) -> Vec<T> {
        self.0.take().map(|b| *b).unwrap_or_default()
    }
}

impl<T: Clone> LazyVec<T> {
    /// Appends copies of `s`.
    pub fn extend_from_slice(&mut self, s: &[T]) {
        if !s.is_empty() {
            self.vec().extend_from_slice(s);
        }
    }

    /// Replaces the contents by copies of `s`, reusing the storage.
    pub fn set(&mut self, s: &[T]) {
        match self.0.as_mut() {
            Some(v) => {
                v.clear();
                v.extend_from_slice(s);
            }
            None => self.extend_from_slice(s),
        }
    }
}

impl<T> Deref for LazyVec<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        self.0.as_deref().map_or(&[], |v| v.as_slice())
    }
}

impl<T> DerefMut for LazyVec<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        match self.0.as_deref_mut() {
            Some(v) => v.as_mut_slice(),
            None => &mut [],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_word_while_empty() {
        assert_eq!(
            core::mem::size_of::<LazyVec<u64>>(),
            core::mem::size_of::<usize>()
        );
        let mut v = LazyVec::new();
        assert!(v.is_empty());
        v.push(1);
        v.extend_from_slice(&[2, 3]);
        assert_eq!(&v[..], &[1, 2, 3]);
        v.retain(|&x| x != 2);
        assert_eq!(v.remove(0), 1);
        v.retain(|_| false);
        assert!(v.0.is_none());
        v.set(&[7, 8]);
        assert_eq!(v.take_all(), alloc::vec![7, 8]);
        assert!(v.is_empty());
    }
}
