//! Compiles Gluon's Erlang standard library (`erlang-stdlib/*.erl`) with
//! the host's `erlc` and embeds the `.beam` files in the binary (with the
//! `stdlib` feature; without it the table is empty).

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;
use std::process::Command;

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap()).join("../erlang-stdlib");
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    let beams = out.join("stdlib");
    fs::create_dir_all(&beams).unwrap();
    println!("cargo:rerun-if-changed={}", root.display());
    let mut sources: Vec<PathBuf> = fs::read_dir(&root)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    sources.retain(|p| p.extension().is_some_and(|e| e == "erl"));
    // Without the `stdlib` feature the table stays empty (and erlc is not
    // needed): firmware embeds the modules it needs itself.
    if env::var_os("CARGO_FEATURE_STDLIB").is_none() {
        sources.clear();
    }
    sources.sort();
    let mut table = String::from("/// The bundled standard library: module name and `.beam` image.\npub static STDLIB: &[(&str, &[u8])] = &[\n");
    if !sources.is_empty() {
        for s in &sources {
            println!("cargo:rerun-if-changed={}", s.display());
        }
        let status = Command::new(env::var("ERLC").unwrap_or_else(|_| "erlc".into()))
            .arg("-o")
            .arg(&beams)
            .args(&sources)
            .status();
        match status {
            Ok(s) if s.success() => {}
            Ok(s) => panic!("erlc failed on erlang-stdlib ({s})"),
            Err(e) => panic!(
                "cannot run erlc ({e}): Gluon's standard library is Erlang compiled at build time; \
                 install Erlang/OTP (Debian: apt-get install erlang-base) or set ERLC"
            ),
        }
        for s in &sources {
            let name = s.file_stem().unwrap().to_str().unwrap();
            let beam = beams.join(format!("{name}.beam"));
            writeln!(
                table,
                "    ({name:?}, include_bytes!({:?})),",
                beam.display().to_string()
            )
            .unwrap();
        }
    }
    table.push_str("];\n");
    fs::write(out.join("stdlib.rs"), table).unwrap();
}
