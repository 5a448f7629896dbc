//! Every module of OTP's `stdlib`, `kernel` and `compiler` (OTP 25 on the
//! host, 27 and 29 in the provisioned chroots) and of Elixir's own library
//! must load. OTP 29 modules may only be refused for instructions that
//! Gluon does not run yet, and those are listed by name.

use gluon_vm::loader::{load, LoadError};
use gluon_vm::os::Os;
use gluon_vm::vm::{Config, Vm};
use std::path::{Path, PathBuf};

struct NullOs;

impl Os for NullOs {
    fn console_write(&mut self, _: &[u8]) {}
    fn monotonic_ns(&mut self) -> u64 {
        0
    }
}

/// Instructions OTP 29 added for native records, which Gluon refuses with
/// their name until records are built. (With OTP 29.1 this refuses
/// `io_lib`, `io_lib_pretty` and `erl_eval`.)
const OTP29_ALLOWED_REFUSALS: &[&str] = &["is_any_native_record"];

/// The `.beam` files in the `ebin` directories of the named applications
/// (any version) under `lib`.
fn beams(lib: &Path, apps: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(dirs) = std::fs::read_dir(lib) else {
        return out;
    };
    for d in dirs.flatten() {
        let name = d.file_name().to_string_lossy().into_owned();
        let app = name.split('-').next().unwrap_or("");
        if !apps.is_empty() && !apps.contains(&app) {
            continue;
        }
        if let Ok(files) = std::fs::read_dir(d.path().join("ebin")) {
            out.extend(
                files
                    .flatten()
                    .map(|f| f.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "beam")),
            );
        }
    }
    out.sort();
    out
}

/// Loads every module in `beams`, each into a fresh VM; returns the
/// refusals as "path: reason".
fn refusals(beams: &[PathBuf]) -> Vec<(String, Option<&'static str>)> {
    let mut out = Vec::new();
    for path in beams {
        let bytes = std::fs::read(path).unwrap();
        let mut vm = Vm::new(Config::default(), Box::new(NullOs));
        if let Err(e) = load(&mut vm, &bytes) {
            let op = match e {
                LoadError::Unsupported { op } => Some(op),
                _ => None,
            };
            out.push((format!("{}: {e}", path.display()), op));
        }
    }
    out
}

fn otp_lib(root: &str) -> PathBuf {
    Path::new(root).join("usr/lib/erlang/lib")
}

const OTP_APPS: &[&str] = &["stdlib", "kernel", "compiler"];

#[test]
fn otp_25_and_27_modules_all_load() {
    let home = std::env::var("HOME").unwrap_or_default();
    for root in ["/".to_string(), format!("{home}/.cache/gluon/otp/trixie")] {
        let all = beams(&otp_lib(&root), OTP_APPS);
        if all.is_empty() {
            eprintln!("skipped: no OTP under {root}");
            continue;
        }
        let bad = refusals(&all);
        for (msg, _) in &bad {
            eprintln!("refused: {msg}");
        }
        assert!(
            bad.is_empty(),
            "{} of {} modules refused under {root}",
            bad.len(),
            all.len()
        );
        eprintln!("{root}: all {} modules load", all.len());
    }
}

#[test]
fn otp_29_modules_load_or_name_a_new_instruction() {
    let home = std::env::var("HOME").unwrap_or_default();
    let root = format!("{home}/.cache/gluon/otp/sid");
    let all = beams(&otp_lib(&root), OTP_APPS);
    if all.is_empty() {
        eprintln!("skipped: no OTP 29 under {root}");
        return;
    }
    let bad = refusals(&all);
    for (msg, _) in &bad {
        eprintln!("refused: {msg}");
    }
    let unexpected: Vec<&String> = bad
        .iter()
        .filter(|(_, op)| !op.is_some_and(|o| OTP29_ALLOWED_REFUSALS.contains(&o)))
        .map(|(m, _)| m)
        .collect();
    assert!(
        unexpected.is_empty(),
        "unexpected refusals: {unexpected:#?}"
    );
    eprintln!("{root}: {} modules, {} refused", all.len(), bad.len());
}

#[test]
fn elixir_modules_all_load() {
    let all = beams(Path::new("/usr/lib/elixir/lib"), &[]);
    if all.is_empty() {
        eprintln!("skipped: Elixir is not installed");
        return;
    }
    let bad = refusals(&all);
    for (msg, _) in &bad {
        eprintln!("refused: {msg}");
    }
    assert!(
        bad.is_empty(),
        "{} of {} Elixir modules refused",
        bad.len(),
        all.len()
    );
}
