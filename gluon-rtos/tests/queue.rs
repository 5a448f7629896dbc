//! The event queue: bounded, counted, and safe with concurrent producers.

use gluon_rtos::message::Message;
use gluon_rtos::queue::{EventQueue, PostError, Wake, Waker};
use std::sync::atomic::{AtomicU32, Ordering};

#[test]
fn a_full_queue_refuses_and_counts() {
    let q: EventQueue<4, 32> = EventQueue::new();
    let mut m = Message::<16>::new();
    m.int(1);
    for _ in 0..4 {
        q.post(b"sink", &m).unwrap();
    }
    assert_eq!(q.post(b"sink", &m), Err(PostError::Full));
    assert_eq!(q.post(b"sink", &m), Err(PostError::Full));
    let s = q.stats();
    assert_eq!((s.posted, s.overflowed, s.high_water), (4, 2, 4));
    let ev = q.pop().unwrap();
    assert_eq!(ev.to(), b"sink");
    assert_eq!(ev.etf(), &[131, 97, 1][..]);
    q.post(b"sink", &m).unwrap();
    assert_eq!(q.stats().posted, 5);
}

#[test]
fn oversized_and_incomplete_messages_are_refused_uncounted() {
    let q: EventQueue<4, 8> = EventQueue::new();
    assert_eq!(
        q.post_etf(b"receiver", &[131, 97, 1]),
        Err(PostError::TooBig)
    );
    let mut m = Message::<16>::new();
    m.tuple(2).int(1);
    assert_eq!(q.post(b"r", &m), Err(PostError::Incomplete));
    assert_eq!(q.stats().posted + q.stats().overflowed, 0);
    assert!(q.is_empty());
}

struct CountWakes(AtomicU32);

impl Wake for CountWakes {
    fn wake(&self) {
        self.0.fetch_add(1, Ordering::Relaxed);
    }
}

static WAKES: CountWakes = CountWakes(AtomicU32::new(0));

#[test]
fn each_post_and_stop_request_wakes_the_task() {
    let q: EventQueue<4, 16> = EventQueue::new();
    q.set_waker(Waker::new(&WAKES));
    q.post_etf(b"a", &[131, 106]).unwrap();
    q.post_etf(b"a", &[131, 106]).unwrap();
    q.request_stop();
    assert_eq!(WAKES.0.load(Ordering::Relaxed), 3);
}

/// Four producers post 25,000 numbered messages each, retrying when the
/// queue is full, while a consumer takes them: every message arrives once,
/// each producer's in order, and the refusals are exactly the counted
/// overflows.
#[test]
fn concurrent_producers_lose_nothing() {
    const PRODUCERS: u32 = 4;
    const EACH: u32 = 25_000;
    static Q: EventQueue<16, 32> = EventQueue::new();
    let refused = AtomicU32::new(0);
    std::thread::scope(|s| {
        for p in 0..PRODUCERS {
            let refused = &refused;
            s.spawn(move || {
                for i in 0..EACH {
                    let mut m = Message::<16>::new();
                    m.tuple(2).int(p as i64).int(i as i64);
                    loop {
                        match Q.post(b"sink", &m) {
                            Ok(()) => break,
                            Err(PostError::Full) => {
                                refused.fetch_add(1, Ordering::Relaxed);
                                std::thread::yield_now();
                            }
                            Err(e) => panic!("{e:?}"),
                        }
                    }
                }
            });
        }
        let mut next = [0u32; PRODUCERS as usize];
        let mut got = 0;
        while got < PRODUCERS * EACH {
            let Some(ev) = Q.pop() else {
                std::thread::yield_now();
                continue;
            };
            let b = ev.etf();
            // {P, I}: 131 104 2, P as SMALL_INTEGER_EXT, I as either form.
            assert_eq!(&b[..4], &[131, 104, 2, 97]);
            let p = b[4] as usize;
            let i = match b[5] {
                97 => b[6] as u32,
                98 => u32::from_be_bytes([b[6], b[7], b[8], b[9]]),
                t => panic!("tag {t}"),
            };
            assert_eq!(i, next[p], "producer {p} out of order");
            next[p] += 1;
            got += 1;
        }
    });
    let s = Q.stats();
    assert_eq!(s.posted, PRODUCERS * EACH);
    assert_eq!(s.overflowed, refused.load(Ordering::Relaxed));
    assert!(Q.is_empty());
    assert!(s.high_water <= 16);
}
