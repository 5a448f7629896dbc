//! Measures the memory one idle process costs (blocked in `receive` with an
//! empty mailbox), counting every byte the VM allocates for it.

use gluon_vm::os::Os;
use gluon_vm::vm::{Config, RunStatus, Vm};

mod common;
use common::counting::{live, Counting};

#[global_allocator]
static A: Counting = Counting;

struct NullOs;

impl Os for NullOs {
    fn console_write(&mut self, _: &[u8]) {}
    fn monotonic_ns(&mut self) -> u64 {
        0
    }
}

const SRC: &str = "-module(idle).\n-export([wait/0]).\nwait() -> receive stop -> ok end.\n";

#[test]
fn idle_process_cost() {
    let dir = std::env::temp_dir().join(format!("gluon-idle-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("idle.erl"), SRC).unwrap();
    let ok = std::process::Command::new("erlc")
        .arg("-o")
        .arg(&dir)
        .arg(dir.join("idle.erl"))
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("skipped: erlc is not installed");
        return;
    }
    let beam = std::fs::read(dir.join("idle.beam")).unwrap();
    let mut vm = Vm::new(Config::default(), Box::new(NullOs));
    let m = gluon_vm::loader::load(&mut vm, &beam).unwrap();
    let f = vm.atoms.intern("wait").unwrap();
    // Warm up tables so their growth is not charged to the processes.
    vm.spawn(m, f, &[]).unwrap();
    vm.run(1_000_000);
    const N: isize = 10_000;
    let before = live();
    for _ in 0..N {
        vm.spawn(m, f, &[]).unwrap();
    }
    assert!(matches!(
        vm.run(10_000_000),
        RunStatus::Idle { until: None }
    ));
    let per = (live() - before) / N;
    println!(
        "idle process: {per} bytes on {}-bit ({} bytes process struct)",
        usize::BITS,
        std::mem::size_of::<gluon_vm::process::Process>()
    );
    // The targets: 256 bytes on 32-bit, 400 on 64-bit.
    let target = if cfg!(target_pointer_width = "64") {
        400
    } else {
        256
    };
    assert!(
        per <= target,
        "an idle process costs {per} bytes, target {target}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
