//! Builds `tests/c/capi_test.c` with the host's C compiler against
//! `include/gluon.h` and this crate's static library, and runs it on the
//! `sink` Erlang module: natives, 100,000 messages from a second thread,
//! a counted overflow, timers and error codes, all through the C API.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The static library beside this test (`target/<profile>`). `cargo test`
/// builds the library as an rlib only, so on a fresh checkout the archive
/// is built here, into the same target directory and profile.
fn staticlib() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let profile_dir = exe.parent().unwrap().parent().unwrap();
    let lib = profile_dir.join("libgluon_rtos.a");
    if !lib.exists() {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let mut cmd = Command::new(cargo);
        cmd.args(["build", "-p", "gluon-rtos", "--lib"])
            .arg("--target-dir")
            .arg(profile_dir.parent().unwrap());
        if profile_dir.file_name().is_some_and(|n| n == "release") {
            cmd.arg("--release");
        }
        assert!(
            cmd.status().is_ok_and(|s| s.success()),
            "building the static library failed"
        );
    }
    assert!(lib.exists(), "{} is missing", lib.display());
    lib
}

fn erlc(src: &Path, out: &Path) {
    let ok = Command::new("erlc")
        .arg("-o")
        .arg(out)
        .arg(src)
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "erlc is needed (scripts/provision installs it)");
}

#[test]
fn c_program_drives_the_vm() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let work = std::env::temp_dir().join(format!("gluon-capi-{}", std::process::id()));
    std::fs::create_dir_all(&work).unwrap();
    erlc(&dir.join("tests/erlang/sink.erl"), &work);
    let exe = work.join("capi_test");
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".into());
    let status = Command::new(&cc)
        .args([
            "-std=c11",
            "-D_POSIX_C_SOURCE=200809L",
            "-Wall",
            "-Wextra",
            "-Werror",
            "-O1",
        ])
        .arg("-I")
        .arg(dir.join("include"))
        .arg(dir.join("tests/c/capi_test.c"))
        .arg(staticlib())
        .args(["-lpthread", "-ldl", "-lm", "-o"])
        .arg(&exe)
        .status()
        .expect("a C compiler (cc)");
    assert!(status.success(), "the C test does not compile");
    let out = Command::new(&exe)
        .arg(work.join("sink.beam"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    let sent = 32 + 7 + 1 + 100_000 + 3;
    assert_eq!(
        stdout,
        format!(
            "sink ready\n\
             describe foo -> {{atom,<<\"foo\">>}}\n\
             describe -7 -> {{int,-14}}\n\
             describe {{a,1}} -> {{tuple,[a,1]}}\n\
             describe [1,2,3] -> {{list,3}}\n\
             describe <<\"x\">> -> {{error,no_binaries}}\n\
             describe 1.5 -> {{error,badarg}}\n\
             describe 1099511627776 -> {{int,2199023255552}}\n\
             waited 20\nping abc -> {{echo,<<\"abc\">>,3}}\n\
             100033 messages, sum 5000050000\n\
             c: posted {sent}, delivered {sent}, undeliverable 0\n\
             c: the event queue is full (message not queued, overflow counted)\nc: ok\n"
        )
    );
    let _ = std::fs::remove_dir_all(&work);
}
