//! The embedding API: run until idle, then wake the VM with a message from
//! outside (as an RTOS task does after an event), and see it handled.

use gluon_vm::os::Os;
use gluon_vm::term::Term;
use gluon_vm::vm::{Config, RunStatus, Vm};
use std::sync::{Arc, Mutex};

struct Capture(Arc<Mutex<Vec<u8>>>);

impl Os for Capture {
    fn console_write(&mut self, b: &[u8]) {
        self.0.lock().unwrap().extend_from_slice(b);
    }
    fn monotonic_ns(&mut self) -> u64 {
        0
    }
}

const SRC: &str = "-module(sink).\n-export([start/0]).\n\
start() -> register(sink, self()), loop(0).\n\
loop(N) -> receive {reading, V} -> io:format(\"reading ~p~n\", [V]), loop(N + V); stop -> io:format(\"total ~p~n\", [N]) end.\n";

#[test]
fn external_messages_wake_an_idle_vm() {
    let dir = std::env::temp_dir().join(format!("gluon-embed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("sink.erl"), SRC).unwrap();
    let ok = std::process::Command::new("erlc")
        .arg("-o")
        .arg(&dir)
        .arg(dir.join("sink.erl"))
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("skipped: erlc is not installed");
        return;
    }
    let beam = std::fs::read(dir.join("sink.beam")).unwrap();
    let out = Arc::new(Mutex::new(Vec::new()));
    let mut vm = Vm::new(Config::default(), Box::new(Capture(out.clone())));
    let m = gluon_vm::loader::load(&mut vm, &beam).unwrap();
    let f = vm.atoms.intern("start").unwrap();
    let pid = vm.spawn(m, f, &[]).unwrap();
    vm.watch(pid);
    // Nothing to do until an event arrives: idle with no deadline.
    assert_eq!(vm.run(100_000), RunStatus::Idle { until: None });
    let sink = Term::atom(vm.atoms.intern("sink").unwrap());
    let tag = Term::atom(vm.atoms.intern("reading").unwrap());
    let mut scratch = gluon_vm::heap::Heap::new(16).unwrap();
    for v in [3, 4] {
        let msg = scratch.tuple(&[tag, Term::small(v)]).unwrap();
        assert!(vm.send_external(sink, msg).unwrap());
        assert_eq!(vm.run(100_000), RunStatus::Idle { until: None });
    }
    let stop = Term::atom(vm.atoms.intern("stop").unwrap());
    assert!(vm.send_external(sink, stop).unwrap());
    vm.run(100_000);
    assert!(vm.watched_exit().is_some());
    assert!(
        !vm.send_external(sink, stop).unwrap(),
        "the name is gone with the process"
    );
    assert_eq!(
        String::from_utf8(out.lock().unwrap().clone()).unwrap(),
        "reading 3\nreading 4\ntotal 7\n"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
