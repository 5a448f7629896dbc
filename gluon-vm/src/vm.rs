//! The VM: atoms, loaded modules, the export table and the processes.

use crate::bif::Class;
use crate::code::{CodePtr, ExportEntry, Module, Target};
use crate::interp::{Outcome, Regs};
use crate::os::Os;
use crate::process::{Pid, Status};
use crate::scheduler::{Scheduler, SpawnOpts, Trampolines, SLICE};
use crate::term::{atom, Atom, AtomTable, Term};
use alloc::boxed::Box;
use alloc::vec::Vec;

pub use crate::export_table::ExportTable;

/// Limits and sizes chosen when a VM is created.
#[derive(Copy, Clone, Debug)]
pub struct Config {
    /// Maximum number of atoms.
    pub max_atoms: usize,
}

impl Default for Config {
    fn default() -> Config {
        Config { max_atoms: 1 << 20 }
    }
}

/// Where a catch handler jumps, and which Y register of its frame holds the
/// catch tag (so unwinding can find the frame's base).
#[derive(Copy, Clone, Debug)]
pub struct CatchEntry {
    /// Handler address.
    pub handler: CodePtr,
    /// Y register of the catch tag.
    pub y: u32,
}

/// A virtual machine instance.
pub struct Vm {
    /// Interned atoms.
    pub atoms: AtomTable,
    /// Every `M:F/A` that has been loaded, imported or named.
    pub exports: ExportTable,
    pub(crate) modules: Vec<Module>,
    /// Catch handlers, indexed by the payload of catch tags.
    pub catches: Vec<CatchEntry>,
    /// The platform.
    pub os: Box<dyn Os>,
    /// Processes.
    pub sched: Scheduler,
    /// Natives registered by the embedder.
    pub natives: crate::native::Natives,
    regs: Option<Box<Regs>>,
    /// Modules loaded on first use: name and `.beam` image, by name.
    lazy: Vec<(Atom, &'static [u8])>,
    watched: Option<Pid>,
    watched_exit: Option<ExitKind>,
}

/// How a watched process ended.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum ExitKind {
    /// Its function returned or it exited with reason `normal`.
    Normal,
    /// An uncaught exception or another exit reason.
    Abnormal,
}

/// What [`Vm::run`] leaves behind.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum RunStatus {
    /// The budget ran out with processes still runnable: call again.
    Busy,
    /// Nothing can run until the monotonic time `until` (ns), or until an
    /// external event arrives if `None`.
    Idle {
        /// The next timer deadline.
        until: Option<u64>,
    },
    /// `erlang:halt/0,1` stopped the VM with this status.
    Halted(i32),
}

impl Vm {
    /// A VM with the native functions available and no modules loaded.
    pub fn new(config: Config, os: Box<dyn Os>) -> Vm {
        let mut vm = Vm {
            atoms: AtomTable::new(config.max_atoms),
            exports: ExportTable::default(),
            modules: Vec::new(),
            catches: Vec::new(),
            os,
            sched: Scheduler::new(Trampolines::new(core::ptr::null(), core::ptr::null())),
            natives: crate::native::Natives::default(),
            regs: None,
            lazy: Vec::new(),
            watched: None,
            watched_exit: None,
        };
        // Natives need nothing here: their atoms and table are in flash,
        // and the export table makes their entries on first use.
        let apply3 = vm.export_entry(atom::ERLANG, atom::APPLY, 3) as *const ExportEntry;
        let apply2 = vm.export_entry(atom::ERLANG, atom::APPLY, 2) as *const ExportEntry;
        vm.sched.tramp = Trampolines::new(apply3, apply2);
        vm
    }

    /// The address of the `Stop` instruction every process's first frame
    /// returns to.
    pub fn stop_ptr(&self) -> CodePtr {
        self.sched.tramp.stop()
    }

    /// Spawns a process calling `M:F(Args)`; the arguments must be
    /// immediates (atoms, small integers, pids).
    pub fn spawn(
        &mut self,
        m: Atom,
        f: Atom,
        args: &[Term],
    ) -> Result<Pid, crate::heap::OutOfMemory> {
        let mut tmp = crate::heap::Heap::new(2 * args.len())?;
        let list = tmp.list_from(args, Term::NIL)?;
        let a = [Term::atom(m), Term::atom(f), list];
        self.sched
            .spawn(None, &a, (m, f, args.len() as u32), SpawnOpts::default())
    }

    /// Sends `msg` from outside the VM (the embedder's task, after an event
    /// or an interrupt) to a pid or a registered name, waking the receiver.
    /// `msg` may live anywhere (a scratch heap of the caller): it is copied.
    /// Returns `false` when no such process exists.
    pub fn send_external(&mut self, to: Term, msg: Term) -> Result<bool, crate::heap::OutOfMemory> {
        let Some(Some(pid)) = self.sched.resolve(to) else {
            return Ok(false);
        };
        if self.sched.get(pid).is_none() {
            return Ok(false);
        }
        let (m, block) = crate::scheduler::copy_to_block(msg)?;
        self.sched.deliver(None, pid, m, block);
        Ok(true)
    }

    /// Whether a process waits on a socket or a socket delivers messages:
    /// when [`Vm::run`] reports itself idle, events from the platform's
    /// network stack can still wake it.
    pub fn io_waiting(&self) -> bool {
        self.sched.ports.waiting()
    }

    /// Reports through [`Vm::watched_exit`] when process `pid` ends.
    pub fn watch(&mut self, pid: Pid) {
        self.watched = Some(pid);
        self.watched_exit = None;
    }

    /// How the watched process ended, once it has.
    pub fn watched_exit(&self) -> Option<ExitKind> {
        self.watched_exit
    }

    /// Runs processes for about `budget` reductions in all.
    ///
    /// Returns [`RunStatus::Busy`] when work remains, or
    /// [`RunStatus::Idle`] with the next timer deadline when every process
    /// waits: the embedder then blocks until that time or an external
    /// event, and calls `run` again.
    pub fn run(&mut self, budget: usize) -> RunStatus {
        let mut regs = self.regs.take().unwrap_or_else(Regs::new);
        let mut left = budget as isize;
        // Sockets are looked at once per call, and again before going idle.
        let mut polled = false;
        let status = loop {
            if !self.sched.timers.is_empty() {
                let now = self.os.monotonic_ns();
                self.sched.fire_timers(now);
            }
            if !polled && !self.sched.ports.is_empty() {
                polled = true;
                crate::net::poll(self);
            }
            let mut next = self.sched.pick();
            if next.is_none() && !self.sched.ports.is_empty() {
                crate::net::poll(self);
                next = self.sched.pick();
            }
            let Some(pid) = next else {
                break RunStatus::Idle {
                    until: self.sched.timers.next_deadline(),
                };
            };
            let Some(mut p) = self.sched.take(pid) else {
                continue;
            };
            self.sched.running = Some(pid);
            let slice = (left.max(1) as usize).min(SLICE);
            let (out, used) = crate::interp::run(self, &mut p, &mut regs, slice);
            self.sched.running = None;
            self.sched.drain_inbox(&mut p.info);
            p.info.reductions += used as u64;
            left -= used as isize;
            match out {
                Outcome::Yield => self.sched.requeue(p),
                Outcome::Wait => {
                    p.info.status = Status::Waiting;
                    self.sched.put_back(p);
                }
                Outcome::Returned(_) => self.end(p, Term::atom(atom::NORMAL), None),
                Outcome::Exited(reason) => self.end(p, reason, None),
                Outcome::Crashed {
                    class,
                    reason,
                    trace,
                } => {
                    let r = crate::scheduler::crash_reason(&mut p.heap, class, reason, trace)
                        .unwrap_or(reason);
                    self.end(p, r, Some(class));
                }
            }
            self.sched.process_signals(None);
            if let Some(status) = self.sched.halted {
                break RunStatus::Halted(status);
            }
            if left <= 0 {
                break if self.sched.has_runnable() {
                    RunStatus::Busy
                } else {
                    RunStatus::Idle {
                        until: self.sched.timers.next_deadline(),
                    }
                };
            }
        };
        self.regs = Some(regs);
        status
    }

    /// Ends a process that stopped running.
    fn end(
        &mut self,
        p: alloc::boxed::Box<crate::process::Process>,
        reason: Term,
        crash: Option<Class>,
    ) {
        let pid = p.info.pid;
        if matches!(crash, Some(Class::Error) | Some(Class::Throw)) {
            let report = crate::report::exit_report(self, pid, reason);
            self.os.report_write(report.as_bytes());
        }
        if self.watched == Some(pid) {
            self.watched_exit = Some(if reason == Term::atom(atom::NORMAL) {
                ExitKind::Normal
            } else {
                ExitKind::Abnormal
            });
        }
        self.sched.terminate(p, reason);
    }

    /// The export entry for `M:F/A`, created (undefined) if new. Entries
    /// live as long as the VM.
    pub fn export_entry(&mut self, m: Atom, f: Atom, a: u32) -> &ExportEntry {
        self.exports.entry(m, f, a)
    }

    /// The export entry for `M:F/A` if one exists (or, for a native, can
    /// be made).
    pub fn find_export(&mut self, m: Atom, f: Atom, a: u32) -> Option<&ExportEntry> {
        self.exports.find(m, f, a)
    }

    /// Adds a loaded module, replacing one of the same name, and points
    /// its exports at its code. Natives keep precedence over Erlang code,
    /// as on the BEAM: OTP's `lists.beam` defines `lists:keyfind/3` as a
    /// stub that the native replaces.
    pub fn install_module(&mut self, module: Module) {
        let name = module.name;
        let exported: Vec<(Atom, u32, CodePtr)> = module
            .exports
            .iter()
            .map(|&(f, a, i)| (f, a, module.ptr(i as usize)))
            .collect();
        // Old code of a replaced module stays allocated: funs and return
        // addresses may still point into it.
        for e in self.exports.of_module(name) {
            if matches!(e.target.get(), Target::Code(_)) {
                e.target.set(Target::Undefined);
                e.code.set(None);
            }
        }
        for (f, a, p) in exported {
            let e = self.export_entry(name, f, a);
            e.code.set(Some(p));
            if !matches!(
                e.target.get(),
                Target::Bif(_) | Target::Apply(_) | Target::Native(_)
            ) {
                e.target.set(Target::Code(p));
            }
        }
        self.modules.push(module);
    }

    /// Makes module `name` loadable on first use from `beam` (an image
    /// that lives as long as the program, e.g. in flash): a call to one of
    /// its functions loads it. Modules loaded explicitly take precedence.
    pub fn add_lazy_module(&mut self, name: &str, beam: &'static [u8]) {
        if let Ok(a) = self.atoms.intern(name) {
            match self.lazy.binary_search_by_key(&a, |&(n, _)| n) {
                Ok(i) => self.lazy[i].1 = beam,
                Err(i) => self.lazy.insert(i, (a, beam)),
            }
        }
    }

    /// Loads module `name` from the lazy set if it is there and not loaded
    /// yet; returns whether it was loaded now.
    pub fn autoload(&mut self, name: Atom) -> bool {
        if self.is_loaded(name) {
            return false;
        }
        let Ok(i) = self.lazy.binary_search_by_key(&name, |&(n, _)| n) else {
            return false;
        };
        let (_, beam) = self.lazy.remove(i);
        match crate::loader::load_static(self, beam) {
            Ok(_) => true,
            Err(e) => {
                let msg =
                    alloc::format!("gluon: cannot load module {}: {e}\n", self.atoms.name(name));
                self.os.report_write(msg.as_bytes());
                false
            }
        }
    }

    /// Whether a module of that name is loaded.
    pub fn is_loaded(&self, name: Atom) -> bool {
        self.modules.iter().any(|m| m.name == name)
    }

    /// The newest loaded module named `name`.
    pub fn module(&self, name: Atom) -> Option<&Module> {
        self.modules.iter().rev().find(|m| m.name == name)
    }

    /// The module whose code contains `p`.
    pub fn module_of(&self, p: CodePtr) -> Option<&Module> {
        self.modules.iter().find(|m| m.contains(p))
    }

    /// Registers a catch handler and returns the catch tag for it.
    pub fn add_catch(&mut self, handler: CodePtr, y: u32) -> Term {
        self.catches.push(CatchEntry { handler, y });
        Term::catch(self.catches.len() - 1)
    }
}
