//! The `gluon` command: runs Erlang programs compiled by `erlc` on the
//! Gluon VM, on a host operating system.

use gluon_rtos::host;
use gluon_vm::vm::{Config, ExitKind, RunStatus, Vm};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const HELP: &str = "\
gluon — run BEAM bytecode on the Gluon VM

USAGE:
    gluon run [-m MODULE] [-f FUNCTION] [--until-idle] [--max-memory SIZE] PATH...
    gluon --help | --version

`run` loads every PATH (a .beam file, or a directory whose .beam files are
all loaded) on top of the bundled standard library — a module given here
replaces a bundled one of the same name — then calls MODULE:FUNCTION().

OPTIONS:
    -m MODULE     module to start (default: the first module loaded from PATH)
    -f FUNCTION   function of arity 0 to call (default: start)
    --until-idle  keep running after MODULE:FUNCTION() returns, until no
                  process can make progress (by default the VM stops when
                  it returns, as `erl -eval 'M:F(), halt()'` does)
    --max-memory SIZE
                  budget for the memory of all processes (heaps, stacks,
                  messages), in bytes or with a K, M or G suffix; a process
                  that needs more is killed (reason `killed`, with an error
                  report) and the others keep running

Program output goes to standard output. The command exits with status 0
when the function returns. An uncaught exception prints a crash report
(class, reason, stacktrace) to standard error and exits with status 1;
a module that cannot be loaded is reported with the reason and exits 2.
";

struct RunArgs {
    until_idle: bool,
    max_memory: Option<usize>,
    module: Option<String>,
    function: String,
    paths: Vec<PathBuf>,
}

fn parse_run(args: &[String]) -> Result<RunArgs, String> {
    let mut r = RunArgs {
        until_idle: false,
        max_memory: None,
        module: None,
        function: "start".into(),
        paths: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-m" => r.module = Some(it.next().ok_or("-m needs a module name")?.clone()),
            "-f" => r.function = it.next().ok_or("-f needs a function name")?.clone(),
            "--until-idle" => r.until_idle = true,
            "--max-memory" => {
                let v = it.next().ok_or("--max-memory needs a size")?;
                r.max_memory = Some(parse_size(v).ok_or(format!("bad size {v}"))?);
            }
            s if s.starts_with('-') => return Err(format!("unknown option {s}")),
            s => r.paths.push(PathBuf::from(s)),
        }
    }
    if r.paths.is_empty() {
        return Err("run needs at least one .beam file or directory".into());
    }
    Ok(r)
}

/// A size in bytes: digits with an optional K, M or G suffix (powers of
/// 1024).
fn parse_size(s: &str) -> Option<usize> {
    let (digits, unit) = match s.char_indices().last()? {
        (i, 'K' | 'k') => (&s[..i], 1 << 10),
        (i, 'M' | 'm') => (&s[..i], 1 << 20),
        (i, 'G' | 'g') => (&s[..i], 1 << 30),
        _ => (s, 1),
    };
    digits.parse::<usize>().ok()?.checked_mul(unit)
}

/// The .beam files a PATH stands for, in a stable order.
fn beam_files(p: &Path) -> Result<Vec<PathBuf>, String> {
    if p.is_dir() {
        let mut v: Vec<PathBuf> = std::fs::read_dir(p)
            .map_err(|e| format!("{}: {e}", p.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|f| f.extension().is_some_and(|e| e == "beam"))
            .collect();
        v.sort();
        Ok(v)
    } else {
        Ok(vec![p.to_path_buf()])
    }
}

fn run(args: RunArgs) -> ExitCode {
    gluon_vm::memory::set_limit(args.max_memory);
    let mut vm = Vm::new(Config::default(), Box::new(host::HostOs::new()));
    // The bundled library loads on first use, keeping start-up small.
    gluon_rtos::add_stdlib(&mut vm);
    let mut first = None;
    for p in &args.paths {
        let files = match beam_files(p) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("gluon: {e}");
                return ExitCode::from(2);
            }
        };
        for f in files {
            let bytes = match std::fs::read(&f) {
                Ok(b) => b,
                Err(e) => {
                    eprintln!("gluon: {}: {e}", f.display());
                    return ExitCode::from(2);
                }
            };
            match gluon_vm::loader::load(&mut vm, &bytes) {
                Ok(m) => {
                    first.get_or_insert(m);
                }
                Err(e) => {
                    eprintln!("gluon: cannot load {}: {e}", f.display());
                    return ExitCode::from(2);
                }
            }
        }
    }
    let module = match &args.module {
        Some(m) => vm.atoms.intern(m).ok(),
        None => first,
    };
    let (Some(module), Ok(function)) = (module, vm.atoms.intern(&args.function)) else {
        eprintln!("gluon: no module to run");
        return ExitCode::from(2);
    };
    if vm.find_export(module, function, 0).is_none() {
        eprintln!(
            "gluon: {}:{}/0 is not defined",
            vm.atoms.name(module),
            args.function
        );
        return ExitCode::from(2);
    }
    let pid = match vm.spawn(module, function, &[]) {
        Ok(p) => p,
        Err(_) => {
            eprintln!("gluon: out of memory");
            return ExitCode::from(2);
        }
    };
    vm.watch(pid);
    let code = drive(&mut vm, args.until_idle);
    host::flush_stdout();
    code
}

/// Runs the VM until the entry process ends (or, with `until_idle`, until
/// nothing can run), sleeping until the next timer when all processes wait.
fn drive(vm: &mut Vm, until_idle: bool) -> ExitCode {
    let status_of = |k: Option<ExitKind>| match k {
        Some(ExitKind::Abnormal) => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    };
    loop {
        let status = vm.run(20_000);
        if !until_idle && vm.watched_exit().is_some() {
            return status_of(vm.watched_exit());
        }
        match status {
            RunStatus::Busy => {}
            RunStatus::Halted(n) => return ExitCode::from(n.clamp(0, 255) as u8),
            RunStatus::Idle { until: Some(t) } => {
                let now = vm.os.monotonic_ns();
                if t > now {
                    std::thread::sleep(std::time::Duration::from_nanos(t - now));
                }
            }
            RunStatus::Idle { until: None } => {
                if vm.watched_exit().is_none() {
                    eprintln!("gluon: every process is waiting for a message that cannot come");
                    return ExitCode::from(1);
                }
                return status_of(vm.watched_exit());
            }
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("run") => match parse_run(&args[1..]) {
            Ok(r) => run(r),
            Err(e) => {
                eprintln!("gluon: {e}\n\n{HELP}");
                ExitCode::from(2)
            }
        },
        Some("--version") | Some("-V") => {
            println!("gluon {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Some("--help") | Some("-h") | Some("help") => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        _ => {
            eprint!("{HELP}");
            ExitCode::from(2)
        }
    }
}
