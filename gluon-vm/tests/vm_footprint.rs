//! Measures the RAM a VM takes before any module is loaded, and what
//! loading the bundled `lists` module adds, counting every byte the VM
//! allocates (run it on i686 for the numbers of a 32-bit device).

use gluon_vm::os::Os;
use gluon_vm::vm::{Config, Vm};
use std::sync::Mutex;

mod common;
use common::counting::{measure, Counting};

#[global_allocator]
static A: Counting = Counting;

/// The tests measure one at a time (the test harness runs them on threads).
static ONE: Mutex<()> = Mutex::new(());

struct NullOs;

impl Os for NullOs {
    fn console_write(&mut self, _: &[u8]) {}
    fn monotonic_ns(&mut self) -> u64 {
        0
    }
}

#[test]
fn vm_start_is_small() {
    let _one = ONE.lock().unwrap();
    let (vm, resident, _) = measure(|| Vm::new(Config::default(), Box::new(NullOs)));
    println!("VM start: {resident} bytes on {}-bit", usize::BITS);
    // Natives cost nothing until used: their atoms and table are in flash.
    assert_eq!(
        vm.exports.len(),
        2,
        "only erlang:apply/2,3 are made at start"
    );
    let target = if cfg!(target_pointer_width = "64") {
        8192
    } else {
        4096
    };
    assert!(
        resident <= target,
        "VM start takes {resident} bytes, target {target}"
    );
}

#[test]
fn loading_lists_from_flash_copies_no_atom_names() {
    let _one = ONE.lock().unwrap();
    let dir = std::env::temp_dir().join(format!("gluon-footprint-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let src = concat!(env!("CARGO_MANIFEST_DIR"), "/../erlang-stdlib/lists.erl");
    let ok = std::process::Command::new("erlc")
        .arg("-o")
        .arg(&dir)
        .arg(src)
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("skipped: erlc is not installed");
        return;
    }
    let beam: &'static [u8] = Box::leak(std::fs::read(dir.join("lists.beam")).unwrap().into());
    let _ = std::fs::remove_dir_all(&dir);
    let mut vm = Vm::new(Config::default(), Box::new(NullOs));
    let atoms_before = vm.atoms.len();
    let (m, resident, peak) = measure(|| gluon_vm::loader::load_static(&mut vm, beam));
    m.expect("lists loads");
    let new_atoms = vm.atoms.len() - atoms_before;
    println!(
        "load lists: {resident} bytes resident, {peak} peak, {} export entries, {new_atoms} new atoms, on {}-bit",
        vm.exports.len(),
        usize::BITS
    );
    // The same module loaded again from a copy interns nothing new and
    // names no new export entry.
    let copy = beam.to_vec();
    let exports = vm.exports.len();
    gluon_vm::loader::load(&mut vm, &copy).expect("lists reloads");
    assert_eq!(vm.atoms.len() - atoms_before, new_atoms);
    assert_eq!(vm.exports.len(), exports);
    // Atom names of a module in flash are not copied: the atom table
    // holds a pointer and a length per new atom, and its hash slots.
    let per_atom = 2 * std::mem::size_of::<usize>() + 2 * 4;
    let names: usize = (atoms_before..vm.atoms.len())
        .map(|i| {
            vm.atoms
                .name(gluon_vm::term::Atom::from_index(i as u32))
                .len()
        })
        .sum();
    assert!(new_atoms > 0 && names > new_atoms);
    println!(
        "  atoms: at most {} bytes for {new_atoms} atoms ({names} bytes of names left in flash)",
        new_atoms * per_atom
    );
}
