//! A bundle (AVM layout) through the C API: its start module runs, and
//! its other modules load from it, in place or copied.

use gluon_rtos::capi::*;
use std::ffi::c_void;
use std::path::Path;
use std::sync::Mutex;

const APP: &str = "-module(app).\n-export([start/0]).\n\
start() -> io:format(\"~s~n\", [greet_lib:greet(\"bundle\")]).\n";
const LIB: &str = "-module(greet_lib).\n-export([greet/1]).\n\
greet(Who) -> \"hello from the \" ++ Who.\n";

fn compile(dir: &Path, name: &str, src: &str) -> Vec<u8> {
    let erl = dir.join(format!("{name}.erl"));
    std::fs::write(&erl, src).unwrap();
    let ok = std::process::Command::new("erlc")
        .arg("-o")
        .arg(dir)
        .arg(&erl)
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "erlc is needed (scripts/provision installs it)");
    std::fs::read(dir.join(format!("{name}.beam"))).unwrap()
}

/// A bundle as its layout describes it.
fn bundle(entries: &[(&str, u32, &[u8])]) -> Vec<u8> {
    let mut out = gluon_rtos::bundle::HEADER.to_vec();
    for &(name, flags, data) in entries {
        let name_len = (name.len() + 1).next_multiple_of(4);
        let size = 12 + name_len + data.len();
        out.extend_from_slice(&(size as u32).to_be_bytes());
        out.extend_from_slice(&flags.to_be_bytes());
        out.extend_from_slice(&[0; 4]);
        out.extend_from_slice(name.as_bytes());
        out.resize(out.len() + name_len - name.len(), 0);
        out.extend_from_slice(data);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    out.extend_from_slice(&[0; 12]);
    out
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

fn run(image: &'static [u8], in_place: bool) -> String {
    OUT.lock().unwrap().clear();
    let hooks = gluon_platform {
        ctx: std::ptr::null_mut(),
        console_write: Some(capture),
        report_write: None,
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
            gluon_start(vm, std::ptr::null(), c"start".as_ptr(), true),
            gluon_status::GLUON_E_UNDEF,
            "no bundle yet"
        );
        assert_eq!(
            gluon_load_bundle(vm, image.as_ptr(), image.len(), in_place),
            gluon_status::GLUON_OK
        );
        assert_eq!(
            gluon_start(vm, std::ptr::null(), c"start".as_ptr(), true),
            gluon_status::GLUON_OK
        );
        let mut st = gluon_state::GLUON_BUSY;
        assert_eq!(gluon_run(vm, &mut st), gluon_status::GLUON_OK);
        assert_eq!(st, gluon_state::GLUON_FINISHED);
        assert_eq!(gluon_exit_status(vm), 0);
        gluon_vm_destroy(vm);
    }
    String::from_utf8(OUT.lock().unwrap().clone()).unwrap()
}

#[test]
fn a_bundle_starts_its_start_module() {
    let dir = std::env::temp_dir().join(format!("gluon-bundle-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let app = compile(&dir, "app", APP);
    let lib = compile(&dir, "greet_lib", LIB);
    let image: &'static [u8] = Vec::leak(bundle(&[
        ("app.beam", 3, &app),
        ("greet_lib.beam", 2, &lib),
        ("priv/notes.txt", 4, b"not code"),
    ]));
    assert_eq!(run(image, true), "hello from the bundle\n");
    assert_eq!(run(image, false), "hello from the bundle\n");
    // A damaged bundle is refused.
    let mut vm = std::ptr::null_mut();
    unsafe {
        assert_eq!(
            gluon_vm_new(std::ptr::null(), &mut vm),
            gluon_status::GLUON_OK
        );
        let cut = &image[..image.len() / 2];
        assert_eq!(
            gluon_load_bundle(vm, cut.as_ptr(), cut.len(), false),
            gluon_status::GLUON_E_LOAD
        );
        gluon_vm_destroy(vm);
    }
    let _ = std::fs::remove_dir_all(&dir);
}
