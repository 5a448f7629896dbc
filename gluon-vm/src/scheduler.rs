//! The process table, run queues, registered names, message delivery and
//! exit signals. Single core: one process runs at a time for a slice of
//! reductions; [`crate::vm::Vm::run`] drives it.

use crate::bif::{Class, Exception};
use crate::code::op::{self, Word};
use crate::code::CodePtr;
use crate::copy;
use crate::heap::{alloc_words, Heap, OutOfMemory};
use crate::proc_table::ProcTable;
use crate::process::{Monitor, Pid, Priority, ProcInfo, Process, Status};
use crate::term::{atom, Atom, HeaderTag, Term, REF_WORDS, WORDS_PER_U64};
use crate::timer::{TimerEvent, Timers};
use crate::vecmap::VecMap;
use alloc::boxed::Box;
use alloc::collections::VecDeque;
use alloc::vec::Vec;

/// Reductions a process runs before others get a turn (as on the BEAM).
pub const SLICE: usize = 4000;

/// Words of a new process's heap (and stack).
pub const INITIAL_HEAP_WORDS: usize = 8;

/// An exit signal on its way.
struct Signal {
    to: Pid,
    from: Pid,
    reason: Term,
    block: crate::heap::Block,
    /// Sent because a linked process died (rather than by `exit/2`).
    link: bool,
}

/// Entry points for new processes: tail calls of `erlang:apply/3` and
/// `/2`, and the `Stop` instruction every process's first frame returns to.
pub(crate) struct Trampolines {
    code: Box<[Word]>,
}

impl Trampolines {
    pub(crate) fn new(
        apply3: *const crate::code::ExportEntry,
        apply2: *const crate::code::ExportEntry,
    ) -> Trampolines {
        Trampolines {
            // In the loader's word format (see `code::op`).
            code: alloc::vec![
                op::head(op::CALL_EXT_ONLY, 3, 0, 0),
                apply3 as Word,
                op::head(op::CALL_EXT_ONLY, 2, 0, 0),
                apply2 as Word,
                op::head(op::STOP, 0, 0, 0),
            ]
            .into_boxed_slice(),
        }
    }
    fn at(&self, i: usize) -> CodePtr {
        CodePtr(self.code[i..].as_ptr())
    }
    /// Start of `apply(M, F, Args)`.
    pub fn apply3(&self) -> CodePtr {
        self.at(0)
    }
    /// Start of `apply(Fun, Args)`.
    pub fn apply2(&self) -> CodePtr {
        self.at(2)
    }
    /// The `Stop` instruction.
    pub fn stop(&self) -> CodePtr {
        self.at(4)
    }
}

/// Options of `spawn_opt` that the scheduler applies.
#[derive(Copy, Clone, Default)]
pub struct SpawnOpts {
    /// Link to the parent.
    pub link: bool,
    /// Monitor from the parent: the monitor's reference id.
    pub monitor: Option<u64>,
    /// Priority, if not normal.
    pub priority: Option<Priority>,
    /// Initial heap size in words.
    pub min_heap: Option<usize>,
    /// `max_heap_size` in words (0: none).
    pub max_heap: usize,
}

/// Processes and what connects them.
pub struct Scheduler {
    procs: ProcTable,
    next_pid: Pid,
    queues: [VecDeque<Pid>; 4],
    low_turn: u32,
    /// Registered names.
    pub registry: VecMap<Atom, Pid>,
    /// Pending timers.
    pub timers: Timers,
    next_ref: u64,
    unique: u64,
    signals: VecDeque<Signal>,
    pub(crate) tramp: Trampolines,
    /// Set by `erlang:halt/0,1`: the status the VM stops with.
    pub halted: Option<i32>,
    /// The process taken out of the table to run, if any.
    pub(crate) running: Option<Pid>,
    /// Messages for the running process sent while it runs by code that
    /// has no access to it (a process it killed reporting 'DOWN').
    pub(crate) inbox: Vec<(Term, crate::heap::Block)>,
    /// Links (pids) and monitors (reference ids) of the running process
    /// that ended while it ran, to drop from its state.
    forget: Vec<(Option<Pid>, Option<u64>)>,
    /// Open sockets (ports) and who waits on them.
    pub ports: crate::net::PortTable,
}

impl Scheduler {
    pub(crate) fn new(tramp: Trampolines) -> Scheduler {
        Scheduler {
            procs: ProcTable::default(),
            next_pid: 0,
            queues: Default::default(),
            low_turn: 0,
            registry: VecMap::new(),
            timers: Timers::default(),
            next_ref: 0,
            unique: 0,
            signals: VecDeque::new(),
            tramp,
            halted: None,
            running: None,
            inbox: Vec::new(),
            forget: Vec::new(),
            ports: crate::net::PortTable::default(),
        }
    }

    /// A fresh reference id.
    pub fn make_ref(&mut self) -> u64 {
        self.next_ref += 1;
        self.next_ref
    }

    /// A fresh unique integer (`erlang:unique_integer`).
    pub fn unique_integer(&mut self) -> u64 {
        self.unique += 1;
        self.unique
    }

    /// Number of live processes (not counting one taken out to run).
    pub fn len(&self) -> usize {
        self.procs.len()
    }

    /// Whether no process is in the table.
    pub fn is_empty(&self) -> bool {
        self.procs.is_empty()
    }

    /// Pids of the processes in the table.
    pub fn pids(&self) -> impl Iterator<Item = Pid> + '_ {
        self.procs.keys().copied()
    }

    /// A process in the table.
    pub fn get(&self, pid: Pid) -> Option<&Process> {
        self.procs.get(&pid)
    }

    /// A process in the table, mutably.
    pub fn get_mut(&mut self, pid: Pid) -> Option<&mut Process> {
        self.procs.get_mut(&pid)
    }

    pub(crate) fn take(&mut self, pid: Pid) -> Option<Box<Process>> {
        self.procs.take(pid)
    }

    pub(crate) fn put_back(&mut self, p: Box<Process>) {
        self.procs.insert(p.info.pid, p);
    }

    fn enqueue(&mut self, pid: Pid, prio: Priority) {
        self.queues[prio as usize].push_back(pid);
    }

    /// Makes a waiting process runnable.
    fn wake(&mut self, pid: Pid) {
        if let Some(p) = self.procs.get_mut(&pid) {
            if p.info.status == Status::Waiting {
                p.info.status = Status::Runnable;
                let prio = p.info.priority;
                self.enqueue(pid, prio);
            }
        }
    }

    /// Puts a process that used up its slice at the back of its queue.
    pub(crate) fn requeue(&mut self, p: Box<Process>) {
        let (pid, prio) = (p.info.pid, p.info.priority);
        self.put_back(p);
        self.enqueue(pid, prio);
    }

    /// The next process to run: max, then high, then normal with a low
    /// one every eighth turn (so low priority is slower, never starved).
    pub(crate) fn pick(&mut self) -> Option<Pid> {
        loop {
            let pid = if let Some(p) = self.queues[3].pop_front() {
                p
            } else if let Some(p) = self.queues[2].pop_front() {
                p
            } else {
                self.low_turn = self.low_turn.wrapping_add(1);
                let low_first = self.low_turn.is_multiple_of(8) || self.queues[1].is_empty();
                let q = if low_first && !self.queues[0].is_empty() {
                    0
                } else {
                    1
                };
                self.queues[q].pop_front()?
            };
            // Skip stale entries (process exited or was queued twice).
            match self.procs.get(&pid) {
                Some(p) if p.info.status == Status::Runnable => return Some(pid),
                _ => continue,
            }
        }
    }

    /// Creates a process that will run `apply(x0, x1[, x2])` with `args`
    /// (copied from the parent's heap) and returns its pid.
    pub fn spawn(
        &mut self,
        parent: Option<&mut ProcInfo>,
        args: &[Term],
        initial_call: crate::process::InitialCall,
        opts: SpawnOpts,
    ) -> Result<Pid, OutOfMemory> {
        let ip = if args.len() == 3 {
            self.tramp.apply3()
        } else {
            self.tramp.apply2()
        };
        let pid = self.next_pid;
        let words: usize = args.iter().map(|&a| copy::flat_size(a)).sum::<usize>() + 8;
        // Everything a new process needs is allocated fallibly before it
        // is linked to its parent or entered in the tables: when the system
        // heap is exhausted the spawn fails (the spawner is killed, as on
        // any out-of-memory), not the VM.
        self.procs.reserve_one()?;
        let mut p = crate::heap::try_box(Process::new(
            pid,
            ip,
            words.max(opts.min_heap.unwrap_or(INITIAL_HEAP_WORDS)),
            initial_call,
        )?)?;
        self.next_pid += 1;
        for &a in args {
            let c = copy::copy_to_heap(a, &mut p.heap)?;
            p.saved_x.push(c);
        }
        p.heap.push(self.tramp.stop().to_term());
        if opts.max_heap != 0 {
            p.heap.generations_mut().max_words = opts.max_heap;
        }
        if let Some(prio) = opts.priority {
            p.info.priority = prio;
        }
        let prio = p.info.priority;
        self.queues[prio as usize]
            .try_reserve(1)
            .map_err(|_| OutOfMemory)?;
        if let Some(parent) = parent {
            p.info.group_leader = parent.group_leader;
            if opts.link {
                p.info.links.push(parent.pid);
                parent.links.push(pid);
            }
            if let Some(r) = opts.monitor {
                p.info.monitors.push(Monitor {
                    reference: r,
                    other: parent.pid,
                    watching: false,
                    name: None,
                });
                parent.monitors.push(Monitor {
                    reference: r,
                    other: pid,
                    watching: true,
                    name: None,
                });
            }
        }
        self.procs.insert(pid, p);
        self.enqueue(pid, prio);
        Ok(pid)
    }

    /// Resolves a send destination: a pid, a registered name, or
    /// `{Name, Node}` on this node. `None` for a name nobody has.
    pub fn resolve(&self, dest: Term) -> Option<Option<Pid>> {
        if dest.is_pid() {
            return Some(Some(dest.pid_index()));
        }
        if let Some(a) = dest.as_atom() {
            return self.registry.get(&a).map(|&p| Some(p));
        }
        if let Some(&[name, node]) = dest.as_tuple() {
            let name = name.as_atom()?;
            if node == Term::atom(atom::NONODE) {
                // `{Name, Node} ! Msg` never fails, even for an unknown name.
                return Some(self.registry.get(&name).copied());
            }
        }
        None
    }

    /// Delivers a message (already copied into `block`) to `to`; `me` is
    /// the running process, which is not in the table.
    pub fn deliver(
        &mut self,
        me: Option<&mut ProcInfo>,
        to: Pid,
        msg: Term,
        block: crate::heap::Block,
    ) {
        if let Some(me) = me {
            if me.pid == to {
                me.mailbox.push(msg, block);
                return;
            }
        }
        if let Some(p) = self.procs.get_mut(&to) {
            p.info.mailbox.push(msg, block);
            self.wake(to);
        } else if self.running == Some(to) {
            self.inbox.push((msg, block));
        }
    }

    /// Moves messages that arrived for the running process while it was
    /// out of the table into its mailbox.
    pub(crate) fn drain_inbox(&mut self, me: &mut ProcInfo) {
        for (m, b) in self.inbox.drain(..) {
            me.mailbox.push(m, b);
        }
        for (link, monitor) in self.forget.drain(..) {
            if let Some(l) = link {
                me.links.retain(|&x| x != l);
            }
            if let Some(r) = monitor {
                me.monitors.retain(|m| m.reference != r);
            }
        }
    }

    /// Drops `link` and `monitor` from process `who`'s state (which may be
    /// the running process, out of the table).
    fn forget(&mut self, who: Pid, link: Option<Pid>, monitor: Option<u64>) {
        if let Some(other) = self.procs.get_mut(&who) {
            if let Some(l) = link {
                other.info.links.retain(|&x| x != l);
            }
            if let Some(r) = monitor {
                other.info.monitors.retain(|m| m.reference != r);
            }
        } else if self.running == Some(who) {
            self.forget.push((link, monitor));
        }
    }

    /// Whether there is anything for [`Scheduler::drain_inbox`].
    pub(crate) fn has_inbox(&self) -> bool {
        !self.inbox.is_empty() || !self.forget.is_empty()
    }

    /// `Dest ! Msg` from the running process.
    pub fn send(&mut self, me: &mut ProcInfo, dest: Term, msg: Term) -> Result<(), Exception> {
        let to = match self.resolve(dest) {
            Some(Some(p)) => p,
            Some(None) => return Ok(()),
            None => return Err(Exception::badarg()),
        };
        if to != me.pid && !self.procs.contains_key(&to) {
            return Ok(()); // a dead process: the message is dropped
        }
        let (m, block) = copy_to_block(msg)?;
        self.deliver(Some(me), to, m, block);
        Ok(())
    }

    /// Queues an exit signal from `from` to `to` with `reason` (copied).
    pub fn exit_signal(
        &mut self,
        from: Pid,
        to: Pid,
        reason: Term,
        link: bool,
    ) -> Result<(), OutOfMemory> {
        let (reason, block) = copy_to_block(reason)?;
        self.signals.push_back(Signal {
            to,
            from,
            reason,
            block,
            link,
        });
        Ok(())
    }

    /// Applies queued exit signals. A signal to the running process `me`
    /// becomes an `'EXIT'` message or a pending exit; other processes that
    /// must die are terminated at once, which may queue more signals.
    pub fn process_signals(&mut self, mut me: Option<(&mut ProcInfo, &mut Heap)>) {
        while let Some(s) = self.signals.pop_front() {
            let kill = s.reason == Term::atom(atom::KILL) && !s.link;
            let normal = s.reason == Term::atom(atom::NORMAL);
            if let Some((info, heap)) = me.as_mut() {
                if info.pid == s.to {
                    if kill {
                        info.pending_exit = Some(Term::atom(atom::KILLED));
                    } else if info.trap_exit {
                        if let Ok((m, b)) = exit_message(s.from, s.reason) {
                            info.mailbox.push(m, b);
                        }
                    } else if !normal || s.from == s.to {
                        heap.adopt(s.block);
                        info.pending_exit = Some(s.reason);
                    }
                    continue;
                }
            }
            let Some(p) = self.procs.get_mut(&s.to) else {
                continue;
            };
            if kill {
                if let Some(p) = self.procs.remove(&s.to) {
                    self.terminate(p, Term::atom(atom::KILLED));
                }
            } else if p.info.trap_exit {
                if let Ok((m, b)) = exit_message(s.from, s.reason) {
                    p.info.mailbox.push(m, b);
                    self.wake(s.to);
                }
            } else if !normal {
                if let Some(mut p) = self.procs.remove(&s.to) {
                    p.heap.adopt(s.block);
                    self.terminate(p, s.reason);
                }
            }
        }
    }

    /// Ends process `p` with `reason`: unregisters it, cancels its receive
    /// timer, and signals its links and monitors.
    // Taking the box (not the process) frees it here without moving the
    // large process structure out of it first.
    #[allow(clippy::boxed_local)]
    pub fn terminate(&mut self, mut p: Box<Process>, reason: Term) {
        p.info.status = Status::Exited;
        let pid = p.info.pid;
        // The slot it was taken from to run, if it was.
        self.procs.remove(&pid);
        if let Some(name) = p.info.name.take() {
            self.registry.remove(&name);
        }
        if let Some(t) = p.info.receive_timer.take() {
            self.timers.cancel(t.get());
        }
        // The reason goes to links as it is: a process that called
        // `exit(kill)` sends a trappable `kill` (only `exit/2` kills).
        for l in p.info.links.take_all() {
            self.forget(l, Some(pid), None);
            let _ = self.exit_signal(pid, l, reason, true);
        }
        for m in p.info.monitors.take_all() {
            self.forget(m.other, None, Some(m.reference));
            if !m.watching {
                let obj = match m.name {
                    Some(n) => DownObject::Name(n),
                    None => DownObject::Pid(pid),
                };
                if let Ok((msg, block)) = down_message(m.reference, obj, reason) {
                    self.deliver(None, m.other, msg, block);
                }
            }
        }
    }

    /// Fires every timer due at `now`.
    pub(crate) fn fire_timers(&mut self, now: u64) {
        while let Some((_, ev)) = self.timers.pop_due(now) {
            match ev {
                TimerEvent::Receive(pid) => {
                    if let Some(p) = self.procs.get_mut(&pid) {
                        p.info.receive_timer = None;
                        p.info.timed_out = true;
                        self.wake(pid);
                    }
                }
                TimerEvent::Send { to, msg, block } => {
                    if let Some(Some(pid)) = self.resolve(to) {
                        self.deliver(None, pid, msg, block);
                    }
                }
            }
        }
    }

    /// Whether any process is runnable.
    pub fn has_runnable(&self) -> bool {
        self.queues.iter().any(|q| !q.is_empty())
    }
}

/// Copies `t` into a block of its own (for a message or a signal).
pub fn copy_to_block(t: Term) -> Result<(Term, crate::heap::Block), OutOfMemory> {
    if t.is_immediate() {
        return Ok((t, crate::heap::Block::empty()));
    }
    let mut block = alloc_words(copy::flat_size(t))?;
    let mut objs = Vec::new();
    let c = copy::copy_into(t, &mut block, &mut |o| objs.push(o));
    for o in objs {
        block.add_offheap(o);
    }
    Ok((c, block))
}

/// Builds a message made of `extra` words of fresh structure plus a copy
/// of `reason`; `build` writes the structure into the first `extra` words
/// and returns the message.
fn block_with(
    reason: Term,
    extra: usize,
    build: impl FnOnce(&mut [Term], Term) -> Term,
) -> Result<(Term, crate::heap::Block), OutOfMemory> {
    let n = if reason.is_immediate() {
        0
    } else {
        copy::flat_size(reason)
    };
    let mut block = alloc_words(extra + n)?;
    let mut objs = Vec::new();
    let r = if n == 0 {
        reason
    } else {
        copy::copy_into(reason, &mut block[extra..], &mut |o| objs.push(o))
    };
    for o in objs {
        block.add_offheap(o);
    }
    let m = build(&mut block[..extra], r);
    Ok((m, block))
}

/// `{'EXIT', From, Reason}`.
pub fn exit_message(from: Pid, reason: Term) -> Result<(Term, crate::heap::Block), OutOfMemory> {
    block_with(reason, 4, |s, r| {
        s[0] = Term::header(HeaderTag::Tuple, 3);
        s[1] = Term::atom(atom::EXIT_UPPER);
        s[2] = Term::pid(from);
        s[3] = r;
        Term::boxed_ptr(s.as_ptr())
    })
}

/// `{timeout, Ref, Msg}` for `erlang:start_timer`.
pub fn timeout_message(
    reference: u64,
    msg: Term,
) -> Result<(Term, crate::heap::Block), OutOfMemory> {
    block_with(msg, 4 + REF_WORDS, |s, m| {
        let (tuple, rf) = s.split_at_mut(4);
        rf[0] = Term::header(HeaderTag::Ref, WORDS_PER_U64);
        crate::term::write_u64(&mut rf[1..], reference);
        tuple[0] = Term::header(HeaderTag::Tuple, 3);
        tuple[1] = Term::atom(atom::TIMEOUT);
        tuple[2] = Term::boxed_ptr(rf.as_ptr());
        tuple[3] = m;
        Term::boxed_ptr(tuple.as_ptr())
    })
}

/// What a 'DOWN' message names: a pid, or `{Name, Node}` for a monitor
/// set up by name.
#[derive(Copy, Clone)]
pub enum DownObject {
    Pid(Pid),
    Name(Atom),
}

/// `{'DOWN', Ref, process, Object, Reason}`.
pub fn down_message(
    reference: u64,
    obj: DownObject,
    reason: Term,
) -> Result<(Term, crate::heap::Block), OutOfMemory> {
    block_with(reason, 6 + REF_WORDS + 3, |s, r| {
        let (tuple, rest) = s.split_at_mut(6);
        let (rf, named) = rest.split_at_mut(REF_WORDS);
        rf[0] = Term::header(HeaderTag::Ref, WORDS_PER_U64);
        crate::term::write_u64(&mut rf[1..], reference);
        let object = match obj {
            DownObject::Pid(p) => Term::pid(p),
            DownObject::Name(n) => {
                named[0] = Term::header(HeaderTag::Tuple, 2);
                named[1] = Term::atom(n);
                named[2] = Term::atom(atom::NONODE);
                Term::boxed_ptr(named.as_ptr())
            }
        };
        tuple[0] = Term::header(HeaderTag::Tuple, 5);
        tuple[1] = Term::atom(atom::DOWN);
        tuple[2] = Term::boxed_ptr(rf.as_ptr());
        tuple[3] = Term::atom(atom::PROCESS);
        tuple[4] = object;
        tuple[5] = r;
        Term::boxed_ptr(tuple.as_ptr())
    })
}

/// The exit reason of a process ended by an uncaught exception, as the
/// BEAM reports it to links and monitors.
pub fn crash_reason(
    heap: &mut Heap,
    class: Class,
    reason: Term,
    trace: Term,
) -> Result<Term, OutOfMemory> {
    match class {
        Class::Exit => Ok(reason),
        Class::Error => heap.tuple(&[reason, trace]),
        Class::Throw => {
            let r = heap.tuple(&[Term::atom(atom::NOCATCH), reason])?;
            heap.tuple(&[r, trace])
        }
    }
}

/// Builds a reference term on `heap`.
pub fn new_ref(heap: &mut Heap, id: u64) -> Result<Term, OutOfMemory> {
    let s = heap.alloc_slice(REF_WORDS)?;
    s[0] = Term::header(HeaderTag::Ref, WORDS_PER_U64);
    crate::term::write_u64(&mut s[1..], id);
    Ok(Term::boxed_ptr(s.as_ptr()))
}

/// Pids as a list, for `processes/0` and `process_info(_, links)`.
pub fn pid_list(heap: &mut Heap, pids: &[Pid]) -> Result<Term, OutOfMemory> {
    let terms: Vec<Term> = pids.iter().map(|&p| Term::pid(p)).collect();
    heap.list_from(&terms, Term::NIL)
}
