//! `gluon run --max-memory`: a runaway process is killed, the VM lives on.

use std::path::PathBuf;
use std::process::Command;

/// Compiles `tests/erlang/NAME.erl` into a fresh directory.
fn compile(name: &str) -> Option<PathBuf> {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/erlang/{name}.erl"));
    let out = std::env::temp_dir().join(format!("gluon-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&out).unwrap();
    let ok = Command::new("erlc")
        .arg("-o")
        .arg(&out)
        .arg(&src)
        .status()
        .is_ok_and(|s| s.success());
    ok.then(|| out.join(format!("{name}.beam")))
}

#[test]
fn runaway_process_is_killed_and_others_keep_answering() {
    let Some(beam) = compile("runaway") else {
        panic!("erlc is needed (scripts/provision installs it)");
    };
    let out = Command::new(env!("CARGO_BIN_EXE_gluon"))
        .args(["run", "--max-memory", "8M"])
        .arg(&beam)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "status {:?}, stderr {stderr}",
        out.status
    );
    assert_eq!(stdout, "hog: killed\necho: 42\nhog: killed\necho: 10\n");
    assert_eq!(
        stderr.matches("killed: VM memory budget exhausted").count(),
        2,
        "{stderr}"
    );
}

#[test]
fn bad_sizes_are_refused() {
    for size in ["", "12Q", "M", "-1"] {
        let out = Command::new(env!("CARGO_BIN_EXE_gluon"))
            .args(["run", "--max-memory", size, "nothing.beam"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "size {size:?}");
    }
}
