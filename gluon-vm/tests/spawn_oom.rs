//! Memory exhaustion of the system heap (not the VM's term budget) during
//! spawn kills the spawning process, not the VM: the allocator below
//! starts failing once the VM has taken a fixed number of bytes, as a
//! firmware's heap does when it is full.

use gluon_vm::os::Os;
use gluon_vm::vm::{Config, ExitKind, RunStatus, Vm};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicIsize, Ordering};

struct Capped;

static LIVE: AtomicIsize = AtomicIsize::new(0);

thread_local! {
    /// The cap, in live bytes, for allocations of this thread (the test's
    /// VM); other threads (the harness) are never limited.
    static CAP: Cell<isize> = const { Cell::new(isize::MAX) };
}

unsafe impl GlobalAlloc for Capped {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let cap = CAP.try_with(|c| c.get()).unwrap_or(isize::MAX);
        let now = LIVE.fetch_add(l.size() as isize, Ordering::Relaxed) + l.size() as isize;
        if now > cap {
            LIVE.fetch_sub(l.size() as isize, Ordering::Relaxed);
            return std::ptr::null_mut();
        }
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(p, l) }
    }
}

#[global_allocator]
static A: Capped = Capped;

struct NullOs;

impl Os for NullOs {
    fn console_write(&mut self, _: &[u8]) {}
    fn monotonic_ns(&mut self) -> u64 {
        0
    }
}

#[test]
fn a_spawn_loop_that_exhausts_the_heap_kills_only_the_spawner() {
    let dir = std::env::temp_dir().join(format!("gluon-spawn-oom-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let src = dir.join("spawner.erl");
    std::fs::write(
        &src,
        "-module(spawner).\n-export([start/0, idle/0]).\n\
         start() -> loop(0).\n\
         loop(N) -> spawn(spawner, idle, []), loop(N + 1).\n\
         idle() -> receive stop -> ok end.\n",
    )
    .unwrap();
    let ok = std::process::Command::new("erlc")
        .arg("-o")
        .arg(&dir)
        .arg(&src)
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("skipped: erlc is not installed");
        return;
    }
    let beam = std::fs::read(dir.join("spawner.beam")).unwrap();
    let _ = std::fs::remove_dir_all(&dir);

    let mut vm = Vm::new(Config::default(), Box::new(NullOs));
    let m = gluon_vm::loader::load(&mut vm, &beam).expect("spawner loads");
    let start = vm.atoms.intern("start").unwrap();
    let pid = vm.spawn(m, start, &[]).expect("spawns");
    vm.watch(pid);
    // From here the VM may take 2 MB more of the system heap.
    let cap = LIVE.load(Ordering::Relaxed) + (2 << 20);
    CAP.with(|c| c.set(cap));
    let mut slices = 0;
    while vm.watched_exit().is_none() {
        slices += 1;
        assert!(slices < 100_000, "the spawner never stopped");
        if let RunStatus::Idle { .. } = vm.run(10_000) {
            break;
        }
    }
    CAP.with(|c| c.set(isize::MAX));
    assert_eq!(vm.watched_exit(), Some(ExitKind::Abnormal));
    // The VM goes on: the idle processes are still there, and a new
    // process runs.
    let live = vm.sched.len();
    assert!(live > 100, "only {live} processes were spawned");
    let idle = vm.atoms.intern("idle").unwrap();
    let again = vm.spawn(m, idle, &[]).expect("the VM spawns again");
    assert!(vm.sched.get(again).is_some());
}
