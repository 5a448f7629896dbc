//! Off-heap binaries: references are counted per on-heap object, shared
//! by messages without copying the bytes, and all released — the bytes
//! freed and the memory account back where it started — once every holder
//! is gone. One test in its own binary, because the account is global.

use gluon_vm::binary::{self, refc};
use gluon_vm::heap::Heap;
use gluon_vm::scheduler::copy_to_block;
use gluon_vm::term::Term;

fn collect(heap: &mut Heap, roots: &mut [Term]) {
    gluon_vm::gc::collect(heap, &mut [roots], 0).unwrap();
}

#[test]
fn references_are_shared_and_all_released() {
    let start_bytes = refc::total_bytes();
    let start_mem = gluon_vm::memory::used();
    {
        let mut a = Heap::new(64).unwrap();
        let bytes: Vec<u8> = (0..1000u32).map(|i| i as u8).collect();
        let big = binary::new_heap_binary(&mut a, &bytes).unwrap();
        assert_eq!(big.boxed_tag(), Some(gluon_vm::term::HeaderTag::RefcBin));
        assert_eq!(refc::ref_count(big), 1);
        assert_eq!(refc::total_bytes(), start_bytes + 1000);
        // A sub-binary keeps the storage alive without a reference of its
        // own; a message copy takes one and shares the bytes.
        let sub = binary::slice(&mut a, big, 80, 160).unwrap();
        let (msg, block) = copy_to_block(big).unwrap();
        assert_eq!(refc::ref_count(big), 2);
        assert_eq!(refc::total_bytes(), start_bytes + 1000, "bytes not copied");
        assert_eq!(binary::as_bytes(msg), Some(&bytes[..]));
        // The receiving heap adopts the message; the sender keeps only the
        // sub-binary: its collection keeps the object alive.
        let mut b = Heap::new(64).unwrap();
        b.adopt(block);
        let mut roots = [sub];
        collect(&mut a, &mut roots);
        assert_eq!(binary::as_bytes(roots[0]), Some(&bytes[10..30]));
        let (orig, _, _) = binary::storage(roots[0]).unwrap();
        assert_eq!(refc::ref_count(orig), 2);
        // The sender drops it: its collection releases its reference.
        collect(&mut a, &mut []);
        let mut mroots = [msg];
        collect(&mut b, &mut mroots);
        assert_eq!(refc::ref_count(mroots[0]), 1);
        assert_eq!(binary::as_bytes(mroots[0]), Some(&bytes[..]));
        // Surviving two more collections promotes it to the old heap; a
        // major collection with no roots frees it.
        collect(&mut b, &mut mroots);
        collect(&mut b, &mut mroots);
        assert_eq!(refc::ref_count(mroots[0]), 1);
        gluon_vm::gc::collect_as(&mut b, &mut [&mut []], 0, Some(gluon_vm::gc::Kind::Major))
            .unwrap();
        assert_eq!(
            refc::total_bytes(),
            start_bytes,
            "freed after the last holder"
        );
        // Dropping a heap releases what it still holds.
        let big2 = binary::new_heap_binary(&mut b, &bytes).unwrap();
        let (_m2, block2) = copy_to_block(big2).unwrap();
        assert_eq!(refc::ref_count(big2), 2);
        drop(block2);
        assert_eq!(refc::ref_count(big2), 1);
    }
    assert_eq!(refc::total_bytes(), start_bytes);
    assert_eq!(gluon_vm::memory::used(), start_mem);
}
