//! The Erlang drivers through `gluon run` on the host: files, gen_tcp
//! (Erlang against Erlang in one VM, Erlang client against a Rust echo
//! server, Rust client against an Erlang server), gen_udp, the simulated
//! peripherals, and `{error, enotsup}` on a platform without them.

use gluon_vm::os::Os;
use gluon_vm::vm::{Config, RunStatus, Vm};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Compiles `src` (with `-D` macros) into a fresh directory; returns the
/// `.beam` file.
fn compile(src: &Path, defines: &[String]) -> PathBuf {
    let name = src.file_stem().unwrap().to_str().unwrap();
    let out = std::env::temp_dir().join(format!(
        "gluon-drivers-{name}-{}-{}",
        std::process::id(),
        defines.join("_").replace(['=', '-'], "")
    ));
    std::fs::create_dir_all(&out).unwrap();
    let ok = Command::new("erlc")
        .args(defines)
        .arg("-o")
        .arg(&out)
        .arg(src)
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "erlc is needed (scripts/provision installs it)");
    out.join(format!("{name}.beam"))
}

fn here(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// Runs `gluon run BEAM` in `dir` with a time limit.
fn gluon_run(beam: &Path, dir: &Path) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gluon"))
        .arg("run")
        .arg(beam)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let end = Instant::now() + Duration::from_secs(30);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > end {
            let _ = child.kill();
            panic!("gluon run {} did not finish", beam.display());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait_with_output().unwrap()
}

fn stdout_of(o: &Output) -> String {
    assert!(
        o.status.success(),
        "status {:?}, stderr {}",
        o.status,
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn files_read_write_list_and_errors() {
    let beam = compile(&here("../tests/erlang/drv_file.erl"), &[]);
    let dir = beam.parent().unwrap();
    let out = stdout_of(&gluon_run(&beam, dir));
    for line in [
        "read {ok,<<\"hello\\nworld\\n\">>}",
        "info 12 regular read_write",
        "read 3 {ok,\"hel\"}",
        "binary read {ok,<<1,2,3,4>>}",
        "list [\"a.txt\",\"b.bin\",\"sub\"]",
        "missing {error,enoent}",
        "dir as file {error,eisdir}",
        "delete dir {error,eperm}",
        "del_dir not empty {error,eexist}",
        "removed ok",
    ] {
        assert!(out.lines().any(|l| l == line), "no {line:?} in\n{out}");
    }
    // The program removed everything it made.
    let left: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("drv_file_tmp"))
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

#[test]
fn gen_tcp_server_and_client_in_one_vm() {
    let beam = compile(&here("../tests/erlang/drv_tcp.erl"), &[]);
    let out = stdout_of(&gluon_run(&beam, beam.parent().unwrap()));
    for line in [
        "echo {ok,<<\"ping\">>}",
        "big echo true",
        "timeout {error,timeout}",
        "server saw close",
        "active \"hello\"",
        "once \"one\"",
        "tcp_closed",
        "packets {ok,<<\"first\">>} {ok,<<\"second\">>} {ok,<<>>}",
        "owner died {error,closed}",
        "refused {error,econnrefused}",
    ] {
        assert!(out.lines().any(|l| l == line), "no {line:?} in\n{out}");
    }
}

#[test]
fn gen_tcp_client_against_a_rust_echo_server() {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    let server = std::thread::spawn(move || {
        let (s, _) = l.accept().unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        let mut w = s.try_clone().unwrap();
        let mut lines = Vec::new();
        for line in BufReader::new(s).lines() {
            let line = line.unwrap();
            w.write_all(format!("rust got {line}\n").as_bytes())
                .unwrap();
            lines.push(line.clone());
            if line == "bye" {
                break; // dropping both halves closes the connection
            }
        }
        lines
    });
    let beam = compile(
        &here("tests/erlang/tcp_client.erl"),
        &[format!("-DPORT={port}")],
    );
    let out = stdout_of(&gluon_run(&beam, beam.parent().unwrap()));
    assert_eq!(
        out,
        "passive {ok,<<\"rust got hello\\n\">>}\n\
         passive {ok,<<\"rust got again\\n\">>}\n\
         active <<\"rust got bye\\n\">>\n\
         closed\n"
    );
    assert_eq!(server.join().unwrap(), ["hello", "again", "bye"]);
}

#[test]
fn rust_clients_against_an_erlang_server() {
    let beam = compile(&here("tests/erlang/tcp_server.erl"), &[]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_gluon"))
        .arg("run")
        .arg(&beam)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    let port: u16 = first
        .trim()
        .strip_prefix("port ")
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no port in {first:?}"));
    // Active mode: one reply per message.
    let mut c = TcpStream::connect(("127.0.0.1", port)).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut buf = [0u8; 64];
    for word in ["alpha", "beta"] {
        c.write_all(word.as_bytes()).unwrap();
        let n = c.read(&mut buf).unwrap();
        assert_eq!(&buf[..n], format!("echo: {word}").as_bytes());
    }
    drop(c);
    // Passive mode with {packet, 2}: framed both ways.
    let mut c = TcpStream::connect(("127.0.0.1", port)).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    c.write_all(&[0, 5, b'g', b'l', b'u', b'o', b'n']).unwrap();
    let mut reply = [0u8; 7];
    c.read_exact(&mut reply).unwrap();
    assert_eq!(&reply, &[0, 5, b'G', b'L', b'U', b'O', b'N']);
    drop(c);
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "status {status:?}");
    assert_eq!(
        rest,
        "client closed\npacket <<\"gluon\">>\nsecond client closed\n"
    );
}

#[test]
fn gen_udp_round_trip() {
    let beam = compile(&here("../tests/erlang/drv_udp.erl"), &[]);
    let out = stdout_of(&gluon_run(&beam, beam.parent().unwrap()));
    assert_eq!(
        out,
        "passive {127,0,0,1} true \"hello\"\n\
         reply <<\"reply\">>\n\
         timeout {error,timeout}\n\
         active {127,0,0,1} true \"one\"\n\
         once <<\"two\">>\n\
         passive again <<\"three\">>\n\
         closed {error,closed}\n"
    );
}

#[test]
fn simulated_gpio_i2c_spi_uart() {
    let beam = compile(&here("tests/erlang/periph.erl"), &[]);
    let o = gluon_run(&beam, beam.parent().unwrap());
    let out = stdout_of(&o);
    assert_eq!(
        out,
        "pin 2 high\n\
         pin 2 low\n\
         write to input {error,einval}\n\
         missing pin {error,enoent}\n\
         pin 4 high\n\
         temperature 25.0\n\
         memory {ok,<<\"gluon\">>}\n\
         memory {ok,<<1,2,3>>}\n\
         no device {error,eio}\n\
         spi {ok,<<\"loop\">>}\n\
         spi read_at {ok,0}\n\
         uart {ok,<<\"AT\\r\\n\">>}\n\
         uart empty {error,timeout}\n"
    );
    // The simulated pins report their changes.
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err, "gpio: pin 2 high\ngpio: pin 2 low\ngpio: pin 4 high\n");
}

/// Console and clock only: no files, sockets or peripherals.
struct BareOs {
    out: Arc<Mutex<Vec<u8>>>,
    start: Instant,
}

impl Os for BareOs {
    fn console_write(&mut self, b: &[u8]) {
        self.out.lock().unwrap().extend_from_slice(b);
    }
    fn monotonic_ns(&mut self) -> u64 {
        self.start.elapsed().as_nanos() as u64
    }
}

#[test]
fn a_platform_without_capabilities_answers_enotsup() {
    let beam = std::fs::read(compile(&here("tests/erlang/no_caps.erl"), &[])).unwrap();
    let out = Arc::new(Mutex::new(Vec::new()));
    let os = BareOs {
        out: out.clone(),
        start: Instant::now(),
    };
    let mut vm = Vm::new(Config::default(), Box::new(os));
    gluon_rtos::add_stdlib(&mut vm);
    let m = gluon_vm::loader::load(&mut vm, &beam).unwrap();
    let f = vm.atoms.intern("start").unwrap();
    let pid = vm.spawn(m, f, &[]).unwrap();
    vm.watch(pid);
    loop {
        let status = vm.run(100_000);
        if vm.watched_exit().is_some() {
            break;
        }
        assert_eq!(status, RunStatus::Busy, "stopped early");
    }
    assert_eq!(
        String::from_utf8_lossy(&out.lock().unwrap()),
        "{error,enotsup}\n".repeat(6)
    );
}
