//! Builds the C programs of `tests/c/` with the host's C compiler against
//! `include/gluon.h` and this crate's static library, and runs them:
//! `capi_test.c` on the `sink` Erlang module (natives, 100,000 messages
//! from a second thread, a counted overflow, timers and error codes) and
//! `caps_test.c` on `caps` (the files, sockets and peripheral groups of a
//! C platform, driven through `file`, `gen_tcp` and `gpio`).

use std::path::{Path, PathBuf};
use std::process::Command;

/// The static library beside this test (`target/<profile>`). `cargo test`
/// builds the library as an rlib only, so the archive is (re)built here,
/// into the same target directory and profile: an archive older than the
/// header would link against the old layouts. Cargo makes this cheap when
/// nothing changed.
fn staticlib() -> PathBuf {
    static BUILT: std::sync::Mutex<bool> = std::sync::Mutex::new(false);
    let exe = std::env::current_exe().unwrap();
    let profile_dir = exe.parent().unwrap().parent().unwrap();
    let lib = profile_dir.join("libgluon_rtos.a");
    let mut built = BUILT.lock().unwrap_or_else(|e| e.into_inner());
    if !*built {
        *built = true;
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

/// Compiles `tests/c/NAME.c` and `tests/erlang/MODULE.erl` into `work`,
/// and runs the program on the module's `.beam`.
fn build_and_run(name: &str, module: &str, work: &Path) -> std::process::Output {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(work).unwrap();
    erlc(&dir.join(format!("tests/erlang/{module}.erl")), work);
    let exe = work.join(name);
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
        .arg(dir.join(format!("tests/c/{name}.c")))
        .arg(staticlib())
        .args(["-lpthread", "-ldl", "-lm", "-o"])
        .arg(&exe)
        .status()
        .expect("a C compiler (cc)");
    assert!(status.success(), "{name}.c does not compile");
    Command::new(&exe)
        .arg(work.join(format!("{module}.beam")))
        .output()
        .unwrap()
}

#[test]
fn c_program_drives_the_vm() {
    let work = std::env::temp_dir().join(format!("gluon-capi-{}", std::process::id()));
    let out = build_and_run("capi_test", "sink", &work);
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

#[test]
fn c_platform_groups_serve_file_gen_tcp_and_gpio() {
    let work = std::env::temp_dir().join(format!("gluon-caps-{}", std::process::id()));
    let out = build_and_run("caps_test", "caps", &work);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert_eq!(
        stdout,
        "read_file {ok,<<\"hello world\\n\">>}\n\
         read {ok,<<\"hello\">>}\n\
         position {ok,6}\n\
         read_line {ok,<<\"world\\n\">>}\n\
         at eof eof\n\
         list_dir [\"b.bin\",\"notes.txt\"]\n\
         info {file_info,3,regular,read_write,undefined,undefined,undefined,33188,1,0,0,0,0,0}\n\
         missing {error,enoent}\n\
         delete ok {error,enoent}\n\
         make_dir {error,enotsup}\n\
         tcp <<\"echo: ping\">> on 7000\n\
         after close {error,closed}\n\
         udp {error,enotsup}\n\
         c: pin 2 high\n\
         pin 2 high\n\
         c: pin 2 low\n\
         pin 2 low\n\
         pin 9 {error,enoent}\n\
         i2c {error,enotsup}\n\
         c: ok\n"
    );
    let _ = std::fs::remove_dir_all(&work);
}
