//! Soak test: a million processes spawned and reaped, and 100 MB of
//! binaries sent through processes; the VM's accounted term memory comes
//! back to where it started. (One test in this binary: the account is
//! program-wide.)

use gluon_vm::os::Os;
use gluon_vm::term::Term;
use gluon_vm::vm::{Config, RunStatus, Vm};

struct NullOs;

impl Os for NullOs {
    fn console_write(&mut self, _: &[u8]) {}
    fn monotonic_ns(&mut self) -> u64 {
        0
    }
}

fn compile(name: &str) -> Vec<u8> {
    let dir = std::env::temp_dir().join(format!("gluon-soak-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let src =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/erlang/{name}.erl"));
    let ok = std::process::Command::new("erlc")
        .arg("-o")
        .arg(&dir)
        .arg(&src)
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "erlc is needed (scripts/provision installs it)");
    std::fs::read(dir.join(format!("{name}.beam"))).unwrap()
}

/// The sizes: full in release builds, scaled down in debug builds so that
/// `cargo test` stays quick (the full run is in `scripts/test-all`).
fn sizes() -> (isize, isize) {
    if cfg!(debug_assertions) {
        (20_000, 4)
    } else {
        (1_000_000, 100)
    }
}

#[test]
fn memory_returns_to_its_starting_level() {
    let beam = compile("soak");
    let mut vm = Vm::new(Config::default(), Box::new(NullOs));
    let m = gluon_vm::loader::load(&mut vm, &beam).unwrap();
    let f = vm.atoms.intern("start").unwrap();
    // Warm up: one small run grows the VM's tables once.
    let warm = vm.spawn(m, f, &[Term::small(10), Term::small(1)]).unwrap();
    vm.watch(warm);
    while !matches!(vm.run(1_000_000), RunStatus::Idle { .. }) {}
    let before = gluon_vm::memory::used();

    let (procs, mb) = sizes();
    let pid = vm
        .spawn(m, f, &[Term::small(procs), Term::small(mb)])
        .unwrap();
    vm.watch(pid);
    loop {
        match vm.run(1_000_000) {
            RunStatus::Busy => {}
            RunStatus::Idle { .. } => break,
            RunStatus::Halted(_) => panic!("halted"),
        }
    }
    let exit = vm.watched_exit();
    assert_eq!(exit, Some(gluon_vm::vm::ExitKind::Normal));
    let after = gluon_vm::memory::used();
    let peak = gluon_vm::memory::peak();
    println!("term memory: {before} bytes before, {after} after, peak {peak}");
    let slack = before / 100;
    assert!(after.abs_diff(before) <= slack, "{before} -> {after}");
}
