//! `include/gluon.h` is what cbindgen makes of the C API now.
//! `GLUON_BLESS_HEADER=1 cargo test -p gluon-rtos --test c_header`
//! rewrites it after a change.

use std::path::Path;

#[test]
fn c_header_is_fresh() {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = cbindgen::Config::from_file(crate_dir.join("cbindgen.toml")).unwrap();
    let mut out = Vec::new();
    cbindgen::Builder::new()
        .with_crate(crate_dir)
        .with_config(config)
        .generate()
        .expect("cbindgen cannot read the C API")
        .write(&mut out);
    let path = crate_dir.join("include/gluon.h");
    if std::env::var_os("GLUON_BLESS_HEADER").is_some() {
        std::fs::write(&path, &out).unwrap();
    }
    let committed = std::fs::read(&path).unwrap_or_default();
    assert!(
        committed == out,
        "include/gluon.h is stale: run GLUON_BLESS_HEADER=1 cargo test -p gluon-rtos --test c_header"
    );
}
