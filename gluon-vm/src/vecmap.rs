//! A map kept as a vector sorted by key: the VM's small tables (registered
//! names, sockets, processes, lazily loaded modules). Against a B-tree it
//! costs no node overhead in RAM (one `(K, V)` a key, plus the vector's
//! slack) and little code in flash; lookups are binary searches, and
//! inserting or removing moves the entries behind, which stays cheap at
//! the sizes a device has. Keys that only grow (pids, port numbers) are
//! appended at the end.

use alloc::vec::Vec;

/// A map sorted by key, with the subset of `BTreeMap`'s interface the VM
/// uses.
#[derive(Debug)]
pub struct VecMap<K, V> {
    items: Vec<(K, V)>,
}

impl<K, V> Default for VecMap<K, V> {
    fn default() -> Self {
        VecMap { items: Vec::new() }
    }
}

impl<K: Ord + Copy, V> VecMap<K, V> {
    /// An empty map (allocates nothing).
    pub const fn new() -> Self {
        VecMap { items: Vec::new() }
    }

    fn search(&self, k: &K) -> Result<usize, usize> {
        // Keys usually arrive in increasing order: look at the end first.
        match self.items.last() {
            Some((last, _)) if last < k => Err(self.items.len()),
            _ => self.items.binary_search_by(|(x, _)| x.cmp(k)),
        }
    }

    /// The value of `k`.
    pub fn get(&self, k: &K) -> Option<&V> {
        let i = self.search(k).ok()?;
        Some(&self.items[i].1)
    }

    /// The value of `k`, mutably.
    pub fn get_mut(&mut self, k: &K) -> Option<&mut V> {
        let i = self.search(k).ok()?;
        Some(&mut self.items[i].1)
    }

    /// Whether `k` has a value.
    pub fn contains_key(&self, k: &K) -> bool {
        self.search(k).is_ok()
    }

    /// Sets the value of `k`, returning the one it replaces.
    pub fn insert(&mut self, k: K, v: V) -> Option<V> {
        match self.search(&k) {
            Ok(i) => Some(core::mem::replace(&mut self.items[i].1, v)),
            Err(i) => {
                self.items.insert(i, (k, v));
                None
            }
        }
    }

    /// Makes room for `n` more entries, failing instead of aborting when
    /// memory is exhausted.
    pub fn try_reserve(&mut self, n: usize) -> Result<(), crate::heap::OutOfMemory> {
        self.items
            .try_reserve(n)
            .map_err(|_| crate::heap::OutOfMemory)
    }

    /// Removes `k`, returning its value.
    pub fn remove(&mut self, k: &K) -> Option<V> {
        let i = self.search(k).ok()?;
        Some(self.items.remove(i).1)
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.items.iter().map(|(k, _)| k)
    }

    /// The values, in key order.
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.items.iter().map(|(_, v)| v)
    }

    /// The entries, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.items.iter().map(|(k, v)| (k, v))
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the map is empty.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn behaves_as_a_sorted_map() {
        let mut m = VecMap::new();
        for k in [5, 1, 9, 3, 7, 11] {
            assert_eq!(m.insert(k, k * 10), None);
        }
        assert_eq!(m.insert(3, 33), Some(30));
        assert_eq!(m.keys().copied().collect::<Vec<_>>(), [1, 3, 5, 7, 9, 11]);
        assert_eq!(m.get(&3), Some(&33));
        assert_eq!(m.get(&4), None);
        *m.get_mut(&9).unwrap() += 1;
        assert_eq!(m.remove(&9), Some(91));
        assert_eq!(m.remove(&9), None);
        assert!(m.contains_key(&11) && !m.contains_key(&12));
        assert_eq!(m.values().sum::<i32>(), 10 + 33 + 50 + 70 + 110);
        assert_eq!(m.iter().count(), m.len());
    }
}
