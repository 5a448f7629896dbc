//! The VM: atoms, loaded modules, the export table and the processes.

use crate::bif;
use crate::code::{CodePtr, ExportEntry, Instr, Module, Target};
use crate::os::Os;
use crate::process::Process;
use crate::term::{Atom, AtomTable, Term};
use alloc::boxed::Box;
use alloc::collections::BTreeMap;
use alloc::vec::Vec;
use core::cell::Cell;

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

/// The VM-wide table of `M:F/A` entries. Entries are boxed and never
/// removed, so pointers to them stay valid for the VM's life.
#[derive(Default)]
pub struct ExportTable {
    map: BTreeMap<(Atom, Atom, u32), Box<ExportEntry>>,
}

impl ExportTable {
    /// The entry for `M:F/A`, created (undefined) if new.
    pub fn entry(&mut self, m: Atom, f: Atom, a: u32) -> &ExportEntry {
        self.map.entry((m, f, a)).or_insert_with(|| {
            Box::new(ExportEntry {
                module: m,
                function: f,
                arity: a,
                target: Cell::new(Target::Undefined),
                code: Cell::new(None),
            })
        })
    }

    /// The entry for `M:F/A` if one exists.
    pub fn find(&self, m: Atom, f: Atom, a: u32) -> Option<&ExportEntry> {
        self.map.get(&(m, f, a)).map(|b| &**b)
    }

    /// All entries.
    pub fn iter(&self) -> impl Iterator<Item = &ExportEntry> {
        self.map.values().map(|b| &**b)
    }
}

impl crate::etf::FunResolver for ExportTable {
    fn export(&mut self, m: Atom, f: Atom, a: u32) -> Option<*const ExportEntry> {
        Some(self.entry(m, f, a) as *const ExportEntry)
    }
}

/// A virtual machine instance.
pub struct Vm {
    /// Interned atoms.
    pub atoms: AtomTable,
    /// Every `M:F/A` that has been loaded, imported or named.
    pub exports: ExportTable,
    modules: Vec<Box<Module>>,
    /// Catch handlers, indexed by the payload of catch tags.
    pub catches: Vec<CatchEntry>,
    /// The platform.
    pub os: Box<dyn Os>,
    /// A `Stop` instruction: the continuation of a process's first call.
    stop_code: Box<[Instr]>,
    /// Processes by number.
    pub(crate) processes: Vec<Option<Box<Process>>>,
}

impl Vm {
    /// A VM with the native functions registered and no modules loaded.
    pub fn new(config: Config, os: Box<dyn Os>) -> Vm {
        let mut vm = Vm {
            atoms: AtomTable::new(config.max_atoms),
            exports: ExportTable::default(),
            modules: Vec::new(),
            catches: Vec::new(),
            os,
            stop_code: alloc::vec![Instr::Stop].into_boxed_slice(),
            processes: Vec::new(),
        };
        for b in bif::table() {
            let (Ok(m), Ok(f)) = (vm.atoms.intern(b.module), vm.atoms.intern(b.name)) else {
                continue;
            };
            let e = vm.export_entry(m, f, b.arity as u32);
            e.target.set(b.target);
        }
        vm
    }

    /// The address of the `Stop` instruction.
    pub fn stop_ptr(&self) -> CodePtr {
        CodePtr(self.stop_code.as_ptr())
    }

    /// The export entry for `M:F/A`, created (undefined) if new. Entries
    /// live as long as the VM.
    pub fn export_entry(&mut self, m: Atom, f: Atom, a: u32) -> &ExportEntry {
        self.exports.entry(m, f, a)
    }

    /// The export entry for `M:F/A` if one exists.
    pub fn find_export(&self, m: Atom, f: Atom, a: u32) -> Option<&ExportEntry> {
        self.exports.find(m, f, a)
    }

    /// Adds a loaded module, replacing one of the same name, and points
    /// its exports at its code. Natives keep precedence over Erlang code,
    /// as on the BEAM: OTP's `lists.beam` defines `lists:keyfind/3` as a
    /// stub that the native replaces.
    pub fn install_module(&mut self, module: Box<Module>) {
        let name = module.name;
        let exported: Vec<(Atom, u32, CodePtr)> = module
            .exports
            .iter()
            .map(|&(f, a, i)| (f, a, module.ptr(i as usize)))
            .collect();
        // Old code of a replaced module stays allocated: funs and return
        // addresses may still point into it.
        for e in self.exports.iter() {
            if e.module == name && matches!(e.target.get(), Target::Code(_)) {
                e.target.set(Target::Undefined);
                e.code.set(None);
            }
        }
        for (f, a, p) in exported {
            let e = self.export_entry(name, f, a);
            e.code.set(Some(p));
            if !matches!(e.target.get(), Target::Bif(_) | Target::Apply(_)) {
                e.target.set(Target::Code(p));
            }
        }
        self.modules.push(module);
    }

    /// Whether a module of that name is loaded.
    pub fn is_loaded(&self, name: Atom) -> bool {
        self.modules.iter().any(|m| m.name == name)
    }

    /// The newest loaded module named `name`.
    pub fn module(&self, name: Atom) -> Option<&Module> {
        self.modules.iter().rev().find(|m| m.name == name).map(|m| &**m)
    }

    /// The module whose code contains `p`.
    pub fn module_of(&self, p: CodePtr) -> Option<&Module> {
        self.modules.iter().find(|m| m.contains(p)).map(|m| &**m)
    }

    /// Registers a catch handler and returns the catch tag for it.
    pub fn add_catch(&mut self, handler: CodePtr, y: u32) -> Term {
        self.catches.push(CatchEntry { handler, y });
        Term::catch(self.catches.len() - 1)
    }
}
