//! Natives registered at run time: Erlang calls them like any function,
//! directly, through `apply` and through funs; they raise like BIFs and
//! take precedence over Erlang code of the same name.

use gluon_vm::bif::Exception;
use gluon_vm::os::Os;
use gluon_vm::term::Term;
use gluon_vm::vm::{Config, ExitKind, RunStatus, Vm};
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

const SRC: &str = "-module(app).\n-export([start/0, double/1]).\n\
start() ->\n\
    io:format(\"~p~n\", [sensor:read(21)]),\n\
    io:format(\"~p~n\", [apply(sensor, read, [2])]),\n\
    F = fun sensor:read/1, io:format(\"~p~n\", [F(5)]),\n\
    {'EXIT', {badarg, [{sensor, read, [nope], _} | _]}} = (catch sensor:read(nope)),\n\
    io:format(\"badarg~n\"),\n\
    io:format(\"~p~n\", [app:double(4)]),\n\
    io:format(\"~p~n\", [erlang:function_exported(sensor, read, 1)]),\n\
    {'EXIT', {undef, [{sensor, read, [1, 2], _} | _]}} = (catch sensor:read(1, 2)),\n\
    io:format(\"undef~n\").\n\
double(X) -> {erlang_code, X}.\n";

fn compile(dir: &std::path::Path) -> Option<Vec<u8>> {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join("app.erl"), SRC).unwrap();
    let ok = std::process::Command::new("erlc")
        .arg("-o")
        .arg(dir)
        .arg(dir.join("app.erl"))
        .status()
        .is_ok_and(|s| s.success());
    ok.then(|| std::fs::read(dir.join("app.beam")).unwrap())
}

#[test]
fn registered_natives_are_called_from_erlang() {
    let dir = std::env::temp_dir().join(format!("gluon-natives-{}", std::process::id()));
    let Some(beam) = compile(&dir) else {
        panic!("erlc is needed (scripts/provision installs it)");
    };
    let out = Arc::new(Mutex::new(Vec::new()));
    let mut vm = Vm::new(Config::default(), Box::new(Capture(out.clone())));
    let calls = Arc::new(Mutex::new(0));
    let seen = calls.clone();
    vm.register_native(
        "sensor",
        "read",
        1,
        Box::new(move |ctx, args| {
            *seen.lock().unwrap() += 1;
            let n = args[0].as_small().ok_or_else(Exception::badarg)?;
            let ok = Term::atom(ctx.atoms.intern("ok").unwrap());
            Ok(ctx.heap.tuple(&[ok, Term::small(n * 2)])?)
        }),
    )
    .unwrap();
    // Registered before the module loads: takes precedence over its code.
    vm.register_native(
        "app",
        "double",
        1,
        Box::new(|_, args| Ok(Term::small(args[0].as_small().unwrap_or(0) * 2))),
    )
    .unwrap();
    let m = gluon_vm::loader::load(&mut vm, &beam).unwrap();
    let f = vm.atoms.intern("start").unwrap();
    let pid = vm.spawn(m, f, &[]).unwrap();
    vm.watch(pid);
    assert_eq!(vm.run(1_000_000), RunStatus::Idle { until: None });
    assert_eq!(vm.watched_exit(), Some(ExitKind::Normal));
    let text = String::from_utf8(out.lock().unwrap().clone()).unwrap();
    assert_eq!(text, "{ok,42}\n{ok,4}\n{ok,10}\nbadarg\n8\ntrue\nundef\n");
    assert_eq!(*calls.lock().unwrap(), 4);
    let _ = std::fs::remove_dir_all(&dir);
}
