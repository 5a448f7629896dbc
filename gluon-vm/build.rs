//! Reads the list of natives a firmware keeps, when `GLUON_NATIVES` names
//! one or more files (separated as in `PATH`: `:` on Unix): the natives
//! its bundles call, as `gluon_pack.py --natives-out` writes them. Their
//! union becomes the constant `KEPT` (sorted) that the native table is
//! filtered by at compile time (`src/bif/keep.rs`); without the variable,
//! or with it empty, every native is kept.

use std::env;
use std::fs;
use std::path::PathBuf;

// The crate's own parser, so that both read the list alike.
#[path = "src/bif/native_list.rs"]
#[allow(dead_code)]
mod native_list;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/bif/native_list.rs");
    println!("cargo:rerun-if-env-changed=GLUON_NATIVES");
    let kept = match env::var_os("GLUON_NATIVES").filter(|v| !v.is_empty()) {
        None => "None".to_string(),
        Some(paths) => {
            let mut texts = Vec::new();
            for path in env::split_paths(&paths) {
                println!("cargo:rerun-if-changed={}", path.display());
                let text = fs::read_to_string(&path).unwrap_or_else(|e| {
                    panic!("GLUON_NATIVES: cannot read {}: {e}", path.display())
                });
                texts.push((path, text));
            }
            let mut names = Vec::new();
            for (path, text) in &texts {
                for (n, line) in text.lines().enumerate() {
                    match native_list::parse_line(line) {
                        Ok(Some(name)) => names.push(name),
                        Ok(None) => {}
                        Err(e) => panic!("{}:{}: {e}: {line:?}", path.display(), n + 1),
                    }
                }
            }
            names.sort_by(|a, b| native_list::compare(*a, *b));
            names.dedup();
            let items: Vec<String> = names
                .iter()
                .map(|(m, f, a)| format!("    ({m:?}, {f:?}, {a}),\n"))
                .collect();
            format!("Some(&[\n{}])", items.concat())
        }
    };
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let code = format!(
        "/// The natives `GLUON_NATIVES` lists, sorted (`None`: keep all).\n\
         pub(crate) const KEPT: Option<&[Name<'static>]> = {kept};\n"
    );
    fs::write(out.join("kept_natives.rs"), code).expect("writing OUT_DIR/kept_natives.rs");
}
