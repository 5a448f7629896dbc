//! Tests of `format` against outputs recorded from OTP 25.

use super::*;
use crate::heap::Heap;

#[test]
fn smoke() {
    let atoms = AtomTable::new(1 << 20);
    let mut heap = Heap::new(4096).unwrap();
    let l = heap.string(b"abc").unwrap();
    let fmt: Vec<u32> = "~p ~w~n".chars().map(|c| c as u32).collect();
    assert_eq!(
        format(&fmt, &[l, l], &atoms).unwrap(),
        "\"abc\" [97,98,99]\n"
    );
}
