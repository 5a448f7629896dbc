//! The firmware packer (zephyr-module/scripts/gluon_pack.py): it bundles
//! the application's modules and the library modules they reach (imports
//! and external funs, transitively, plus those named; calls to the VM's
//! native functions need none), rewrites literal
//! tables uncompressed and drops the chunks the VM does not read; the
//! bundle then runs through the C API.

use gluon_rtos::capi::*;
use std::ffi::c_void;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

const APP: &str = "-module(app).\n-export([start/0]).\n\
start() ->\n\
    Shout = fun lib_b:shout/1,\n\
    io:format(\"~s ~s~n\", [lib_a:greet(\"pack\"), Shout(\"ok\")]),\n\
    io:format(\"~p~n\", [{literal, [1, 2.5, <<\"bin\">>, #{k => v}]}]).\n";
const LIB_A: &str = "-module(lib_a).\n-export([greet/1, spare/0]).\n\
greet(Who) -> prefix() ++ Who.\n\
prefix() -> \"hello from the \".\n\
spare() -> lib_d:unused().\n";
const LIB_B: &str = "-module(lib_b).\n-export([shout/1]).\n\
shout(S) -> lib_c:upper(S).\n";
const LIB_C: &str = "-module(lib_c).\n-export([upper/1]).\n\
upper(S) -> [C - 32 || C <- S].\n";
const LIB_D: &str = "-module(lib_d).\n-export([unused/0]).\nunused() -> ok.\n";
const LIB_E: &str = "-module(lib_e).\n-export([alone/0]).\nalone() -> ok.\n";

fn erlc(out: &Path, name: &str, src: &str) -> PathBuf {
    let erl = out.join(format!("{name}.erl"));
    std::fs::write(&erl, src).unwrap();
    let ok = Command::new("erlc")
        .arg("-o")
        .arg(out)
        .arg(&erl)
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "erlc is needed (scripts/provision installs it)");
    out.join(format!("{name}.beam"))
}

fn pack(args: &[&str]) -> String {
    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../zephyr-module/scripts/gluon_pack.py");
    let out = Command::new("python3")
        .arg(script)
        .args(args)
        .output()
        .expect("python3 runs the packer");
    assert!(
        out.status.success(),
        "gluon_pack.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn listed(s: &str) -> Vec<&str> {
    s.lines().map(|l| l.split(' ').next().unwrap()).collect()
}

static OUT: Mutex<Vec<u8>> = Mutex::new(Vec::new());

unsafe extern "C" fn capture(_: *mut c_void, b: *const u8, n: usize) {
    OUT.lock()
        .unwrap()
        .extend_from_slice(unsafe { std::slice::from_raw_parts(b, n) });
}

unsafe extern "C" fn clock(_: *mut c_void) -> u64 {
    0
}

fn run(image: &'static [u8]) -> String {
    OUT.lock().unwrap().clear();
    let hooks = gluon_platform {
        ctx: std::ptr::null_mut(),
        console_write: Some(capture),
        report_write: Some(capture),
        monotonic_ns: Some(clock),
        system_time_ns: None,
        wait_event: None,
        wake: None,
        files: std::ptr::null(),
        sockets: std::ptr::null(),
        peripherals: std::ptr::null(),
    };
    let mut cfg = std::mem::MaybeUninit::<gluon_config>::uninit();
    unsafe {
        gluon_config_default(cfg.as_mut_ptr());
        let mut cfg = cfg.assume_init();
        cfg.platform = &hooks;
        let mut vm = std::ptr::null_mut();
        assert_eq!(gluon_vm_new(&cfg, &mut vm), gluon_status::GLUON_OK);
        assert_eq!(
            gluon_load_bundle(vm, image.as_ptr(), image.len(), true),
            gluon_status::GLUON_OK
        );
        assert_eq!(
            gluon_start(vm, std::ptr::null(), c"start".as_ptr(), true),
            gluon_status::GLUON_OK
        );
        let mut st = gluon_state::GLUON_BUSY;
        assert_eq!(gluon_run(vm, &mut st), gluon_status::GLUON_OK);
        assert_eq!(st, gluon_state::GLUON_FINISHED);
        gluon_vm_destroy(vm);
    }
    String::from_utf8(OUT.lock().unwrap().clone()).unwrap()
}

#[test]
fn packs_what_the_application_reaches_and_runs_it() {
    let dir = std::env::temp_dir().join(format!("gluon-pack-{}", std::process::id()));
    let lib = dir.join("lib");
    std::fs::create_dir_all(&lib).unwrap();
    let app = erlc(&dir, "app", APP);
    for (name, src) in [
        ("lib_a", LIB_A),
        ("lib_b", LIB_B),
        ("lib_c", LIB_C),
        ("lib_d", LIB_D),
        ("lib_e", LIB_E),
    ] {
        erlc(&lib, name, src);
    }
    let app = app.to_str().unwrap();
    let lib = lib.to_str().unwrap();
    // lib_a is imported, lib_b only an external fun, lib_c imported by
    // lib_b, lib_d by lib_a's spare/0; lib_e is reached by nothing.
    let chosen = pack(&["--list", "--lib", lib, app]);
    assert_eq!(listed(&chosen), ["app", "lib_a", "lib_b", "lib_c", "lib_d"]);
    let more = pack(&["--list", "--lib", lib, "--module", "lib_e", app]);
    assert_eq!(
        listed(&more),
        ["app", "lib_a", "lib_b", "lib_c", "lib_d", "lib_e"]
    );
    let whole = pack(&["--list", "--lib", lib, "--whole-lib", app]);
    assert_eq!(listed(&whole), listed(&more));

    // A call the VM implements natively needs no library module.
    erlc(
        Path::new(lib),
        "lists",
        "-module(lists).\n-export([reverse/1]).\nreverse(L) -> lists:reverse(L, []).\n",
    );
    let native = erlc(
        &dir,
        "native_only",
        "-module(native_only).\n-export([start/0]).\nstart() -> lists:reverse([1], []).\n",
    );
    let native = native.to_str().unwrap();
    let vm_src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../gluon-vm/src");
    let vm_src = vm_src.to_str().unwrap();
    assert_eq!(
        listed(&pack(&[
            "--list",
            "--lib",
            lib,
            "--natives",
            vm_src,
            native
        ])),
        ["native_only"]
    );
    assert_eq!(
        listed(&pack(&["--list", "--lib", lib, native])),
        ["native_only", "lists"]
    );

    // Pruned: the same modules, each with only the functions needed
    // (lib_a keeps greet/1 and the local prefix/0 it calls, not spare/0,
    // so lib_d stays out); a module named with --module stays whole.
    let pruned = pack(&["--list", "--lib", lib, "--prune", lib, app]);
    assert_eq!(listed(&pruned), ["app", "lib_a", "lib_b", "lib_c"]);
    let whole_a = pack(&[
        "--list", "--lib", lib, "--prune", lib, "--module", "lib_a", app,
    ]);
    assert_eq!(
        listed(&whole_a),
        ["app", "lib_a", "lib_b", "lib_c", "lib_d"]
    );

    let avm = dir.join("app.avm");
    pack(&[
        "--lib",
        lib,
        "--prune",
        lib,
        "--output",
        avm.to_str().unwrap(),
        app,
    ]);
    let image: &'static [u8] = Vec::leak(std::fs::read(&avm).unwrap());
    for e in gluon_rtos::bundle::entries(image).unwrap() {
        let e = e.unwrap();
        let file = ::gluon_vm::beam::parse(e.data).unwrap();
        // Only the chunks the VM reads are left, and literals are read in
        // place (no inflate).
        for c in &file.chunks {
            assert!(
                [
                    &b"AtU8"[..],
                    b"Code",
                    b"StrT",
                    b"ImpT",
                    b"ExpT",
                    b"FunT",
                    b"LitT",
                    b"Line"
                ]
                .contains(&&c.id.0[..]),
                "{}: chunk {:?} kept",
                e.name,
                c.id
            );
        }
        if e.name == "lib_a.beam" {
            let exported: Vec<&str> = file
                .exports
                .iter()
                .filter_map(|x| file.atom(x.function))
                .collect();
            assert!(exported.contains(&"greet") && !exported.contains(&"spare"));
        }
        if e.name == "app.beam" {
            assert!(!file.literals.is_empty());
            assert!(file.literals.is_borrowed());
            assert!(!file.lines.is_empty(), "line numbers stay");
        }
    }
    assert_eq!(
        run(image),
        "hello from the pack OK\n{literal,[1,2.5,<<\"bin\">>,#{k => v}]}\n"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--natives-out`: the natives the packed modules call (imports and
/// external funs, library modules' included), plus `--keep-native`; the
/// VM's build keeps only those (gluon-vm/src/bif/keep.rs).
#[test]
fn natives_out_lists_the_natives_the_bundle_calls() {
    let dir = std::env::temp_dir().join(format!("gluon-natives-{}", std::process::id()));
    let lib = dir.join("lib");
    std::fs::create_dir_all(&lib).unwrap();
    // `+` and `length` on variables (erlc folds constants), lists:reverse/1
    // from the library, which calls the native lists:reverse/2, and an
    // external fun of a native.
    let app = erlc(
        &dir,
        "natives_app",
        "-module(natives_app).\n-export([start/1]).\n\
         start(L) -> {length(L) + 1, fun erlang:abs/1, lists:reverse(L)}.\n",
    );
    erlc(
        &lib,
        "lists",
        "-module(lists).\n-export([reverse/1, unused/1]).\n\
         reverse(L) -> lists:reverse(L, []).\n\
         unused(X) -> erlang:atom_to_binary(X).\n",
    );
    let vm_src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../gluon-vm/src");
    let out = dir.join("natives.txt");
    let (app, lib, vm_src, out_s) = (
        app.to_str().unwrap(),
        lib.to_str().unwrap(),
        vm_src.to_str().unwrap(),
        out.to_str().unwrap(),
    );
    let natives = |extra: &[&str]| {
        let mut args = vec!["--lib", lib, "--natives", vm_src, "--natives-out", out_s];
        args.extend_from_slice(extra);
        args.push(app);
        pack(&args);
        let text = std::fs::read_to_string(&out).unwrap();
        text.lines()
            .filter(|l| !l.starts_with('#'))
            .map(String::from)
            .collect::<Vec<_>>()
    };
    // erlc's module_info/0,1 call erlang:get_module_info/1,2 in every module.
    let called = [
        "erlang:+/2",
        "erlang:abs/1",
        "erlang:get_module_info/1",
        "erlang:get_module_info/2",
        "erlang:length/1",
        "lists:reverse/2",
    ];
    // The whole library module: its unused/1 names atom_to_binary/1.
    let mut whole = called.to_vec();
    whole.insert(2, "erlang:atom_to_binary/1");
    assert_eq!(natives(&[]), whole);
    // Pruned to reverse/1, the library module calls only lists:reverse/2.
    assert_eq!(natives(&["--prune", lib]), called);
    // A native reached dynamically is named; a name that is no native
    // fails the build rather than be silently ignored.
    let mut kept = called.to_vec();
    kept.insert(2, "erlang:atom_to_list/1");
    assert_eq!(
        natives(&["--prune", lib, "--keep-native", "erlang:atom_to_list/1"]),
        kept
    );
    let bad = Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("../zephyr-module/scripts/gluon_pack.py"))
        .args(["--natives", vm_src, "--natives-out", out_s])
        .args(["--keep-native", "lists:reverse/1", app])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not a native of the VM"));
    let _ = std::fs::remove_dir_all(&dir);
}
