//! The runner: events posted from another thread reach a registered
//! process; the task sleeps in `wait_event` until an event or a timer; a
//! stop request ends the loop; undeliverable events are counted.

use gluon_rtos::host::HostSignal;
use gluon_rtos::message::Message;
use gluon_rtos::queue::{EventQueue, PostError, Waker};
use gluon_rtos::runner::{Ended, Progress, Runner};
use gluon_vm::os::Os;
use gluon_vm::vm::{Config, ExitKind, Vm};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Captures output; waits on a host signal; counts its waits.
struct TestOs {
    out: Arc<Mutex<Vec<u8>>>,
    signal: &'static HostSignal,
    start: Instant,
    waits: Arc<Mutex<u32>>,
}

impl Os for TestOs {
    fn console_write(&mut self, b: &[u8]) {
        self.out.lock().unwrap().extend_from_slice(b);
    }
    fn report_write(&mut self, b: &[u8]) {
        self.console_write(b);
    }
    fn monotonic_ns(&mut self) -> u64 {
        self.start.elapsed().as_nanos() as u64
    }
    fn wait_event(&mut self, deadline: Option<u64>) {
        *self.waits.lock().unwrap() += 1;
        let now = self.monotonic_ns();
        self.signal
            .wait(deadline.map(|d| Duration::from_nanos(d.saturating_sub(now))));
    }
}

fn sink_beam() -> Vec<u8> {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/erlang/sink.erl");
    let out = std::env::temp_dir().join(format!("gluon-runner-{}", std::process::id()));
    std::fs::create_dir_all(&out).unwrap();
    let ok = std::process::Command::new("erlc")
        .arg("-o")
        .arg(&out)
        .arg(&src)
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "erlc is needed (scripts/provision installs it)");
    std::fs::read(out.join("sink.beam")).unwrap()
}

struct Setup {
    runner: Runner<'static, 8, 48>,
    out: Arc<Mutex<Vec<u8>>>,
    waits: Arc<Mutex<u32>>,
}

fn setup(queue: &'static EventQueue<8, 48>) -> Setup {
    let signal: &'static HostSignal = Box::leak(Box::default());
    queue.set_waker(Waker::new(signal));
    let out = Arc::new(Mutex::new(Vec::new()));
    let waits = Arc::new(Mutex::new(0));
    let os = TestOs {
        out: out.clone(),
        signal,
        start: Instant::now(),
        waits: waits.clone(),
    };
    let mut vm = Vm::new(Config::default(), Box::new(os));
    gluon_rtos::add_stdlib(&mut vm);
    vm.register_native(
        "host",
        "echo",
        1,
        Box::new(|_ctx, args| {
            let b =
                gluon_vm::binary::as_bytes(args[0]).ok_or_else(gluon_vm::bif::Exception::badarg)?;
            Ok(gluon_vm::term::Term::small(b.len() as isize))
        }),
    )
    .unwrap();
    let m = gluon_vm::loader::load(&mut vm, &sink_beam()).unwrap();
    let f = vm.atoms.intern("start").unwrap();
    let pid = vm.spawn(m, f, &[]).unwrap();
    let mut runner = Runner::new(vm, queue);
    runner.end_with_entry(pid);
    Setup { runner, out, waits }
}

fn post_retrying(q: &EventQueue<8, 48>, m: &Message<40>) {
    while let Err(e) = q.post(b"sink", m) {
        assert_eq!(e, PostError::Full);
        std::thread::yield_now();
    }
}

#[test]
fn messages_from_another_thread_all_arrive() {
    static Q: EventQueue<8, 48> = EventQueue::new();
    let mut s = setup(&Q);
    // The sink registers itself, then waits: idle, no deadline.
    assert_eq!(
        s.runner.run_until_idle(1_000_000),
        Progress::Idle { until: None }
    );
    const N: i64 = 20_000;
    let producer = std::thread::spawn(|| {
        for i in 1..=N {
            let mut m = Message::<40>::new();
            m.tuple(2).atom("n").int(i);
            post_retrying(&Q, &m);
        }
        let mut m = Message::<40>::new();
        m.tuple(2).atom("ping").binary(b"abc");
        post_retrying(&Q, &m);
        let mut m = Message::<40>::new();
        m.atom("stop");
        post_retrying(&Q, &m);
    });
    let ended = s.runner.run();
    producer.join().unwrap();
    assert_eq!(ended, Ended::EntryExited(ExitKind::Normal));
    let out = String::from_utf8(s.out.lock().unwrap().clone()).unwrap();
    assert_eq!(
        out,
        format!(
            "sink ready\nping abc -> 3\n{N} messages, sum {}\n",
            N * (N + 1) / 2
        )
    );
    let st = Q.stats();
    assert_eq!(st.posted as i64, N + 2);
    assert_eq!(st.delivered as i64, N + 2);
    assert_eq!(st.undeliverable, 0);
}

#[test]
fn the_task_sleeps_until_the_next_timer() {
    static Q: EventQueue<8, 48> = EventQueue::new();
    let mut s = setup(&Q);
    // Let the sink register its name first: an event for a name nobody
    // holds yet is undeliverable.
    assert_eq!(
        s.runner.run_until_idle(1_000_000),
        Progress::Idle { until: None }
    );
    let mut m = Message::<40>::new();
    m.tuple(2).atom("wait").int(60);
    Q.post(b"sink", &m).unwrap();
    let mut m = Message::<40>::new();
    m.atom("stop");
    Q.post(b"sink", &m).unwrap();
    let t0 = Instant::now();
    assert_eq!(s.runner.run(), Ended::EntryExited(ExitKind::Normal));
    assert!(t0.elapsed() >= Duration::from_millis(60));
    // A timed sleep, not a busy loop.
    assert!(
        *s.waits.lock().unwrap() <= 3,
        "{} waits",
        s.waits.lock().unwrap()
    );
    let out = String::from_utf8(s.out.lock().unwrap().clone()).unwrap();
    assert_eq!(out, "sink ready\nwaited 60\n0 messages, sum 0\n");
}

#[test]
fn a_stop_request_ends_the_loop_and_bad_events_are_counted() {
    static Q: EventQueue<8, 48> = EventQueue::new();
    let mut s = setup(&Q);
    assert_eq!(
        s.runner.run_until_idle(1_000_000),
        Progress::Idle { until: None }
    );
    Q.post_etf(b"nobody_by_this_name", &[131, 106]).unwrap();
    Q.post_etf(b"sink", &[131, 104, 2, 97]).unwrap(); // truncated tuple
    let stopper = std::thread::spawn(|| {
        std::thread::sleep(Duration::from_millis(20));
        Q.request_stop();
    });
    assert_eq!(s.runner.run(), Ended::Stopped);
    stopper.join().unwrap();
    let st = Q.stats();
    assert_eq!((st.delivered, st.undeliverable), (0, 2));
    let out = String::from_utf8(s.out.lock().unwrap().clone()).unwrap();
    assert!(
        out.contains("event for 'nobody_by_this_name' not delivered: no such registered name"),
        "{out}"
    );
    assert!(
        out.contains("event for 'sink' not delivered: malformed term"),
        "{out}"
    );
}
