//! The loader: turns a parsed `.beam` file into a [`Module`] of internal
//! instructions and installs it in the VM.
//!
//! Data flows one way: [`crate::beam`] parses and validates the file
//! format, this module resolves atoms, literals, imports, labels and funs
//! and translates each generic instruction (see [`translate`]).

mod error;
mod translate;

pub use error::LoadError;

use crate::beam::{self, BeamFile};
use crate::code::{CodePtr, FunDef, Module};
use crate::heap::Heap;
use crate::term::{Atom, Term};
use crate::vm::Vm;
use alloc::boxed::Box;
use alloc::vec::Vec;
use core::cell::Cell;

/// Loads a `.beam` image (which may live in flash: it is only borrowed
/// while loading) and installs it, replacing a module of the same name.
pub fn load(vm: &mut Vm, bytes: &[u8]) -> Result<Atom, LoadError> {
    let file = beam::parse(bytes)?;
    let module = build(vm, &file)?;
    let name = module.name;
    vm.install_module(module);
    Ok(name)
}

/// Loads a `.beam` image that lives as long as the program (in flash):
/// as [`load`], but the new atoms keep pointing at their names in the
/// image instead of copies.
pub fn load_static(vm: &mut Vm, bytes: &'static [u8]) -> Result<Atom, LoadError> {
    let file = beam::parse(bytes)?;
    for name in file.atoms.iter() {
        if let alloc::borrow::Cow::Borrowed(s) = name {
            vm.atoms
                .intern_static(s)
                .map_err(|_| LoadError::AtomTable)?;
        }
    }
    let module = build(vm, &file)?;
    let name = module.name;
    vm.install_module(module);
    Ok(name)
}

/// The loader's view of one file while translating it.
pub(crate) struct Context<'f, 'a> {
    pub file: &'f BeamFile<'a>,
    /// Atom table indices of the file's atoms (index 0 unused).
    pub atoms: Vec<Atom>,
    /// Decoded literals.
    pub literals: Vec<Term>,
    /// Storage for literals and for constants that need boxing.
    pub lit_heap: Heap,
    /// Export entries of the imports.
    pub imports: Vec<*const crate::code::ExportEntry>,
    /// Translation's first pass, which only sizes the code: constants are
    /// not made.
    pub counting: bool,
}

fn build(vm: &mut Vm, file: &BeamFile<'_>) -> Result<Module, LoadError> {
    let mut atoms = Vec::with_capacity(file.atoms.len() + 1);
    atoms.push(crate::term::atom::NIL);
    for name in file.atoms.iter() {
        atoms.push(vm.atoms.intern(name).map_err(|_| LoadError::AtomTable)?);
    }
    let name = *atoms.get(1).ok_or(LoadError::NoModuleName)?;

    // Literals: size them all first so they share one exact block.
    let mut words = 0usize;
    for i in 0..file.literal_count() {
        let bytes = file
            .literal(i)
            .ok_or(LoadError::Literal { index: i as u32 })?;
        words += crate::etf::decoded_words(bytes).map_err(|e| LoadError::Etf {
            index: i as u32,
            error: e,
        })?;
    }
    let mut lit_heap = Heap::new(words).map_err(|_| LoadError::OutOfMemory)?;
    let mut literals = Vec::with_capacity(file.literal_count());
    for i in 0..file.literal_count() {
        let bytes = file
            .literal(i)
            .ok_or(LoadError::Literal { index: i as u32 })?;
        let (t, _) =
            crate::etf::decode_with(bytes, &mut lit_heap, &mut vm.atoms, Some(&mut vm.exports))
                .map_err(|e| LoadError::Etf {
                    index: i as u32,
                    error: e,
                })?;
        literals.push(t);
    }

    let mut imports = Vec::with_capacity(file.imports.len());
    for imp in file.imports.iter() {
        let m = atom_at(&atoms, imp.module)?;
        let f = atom_at(&atoms, imp.function)?;
        imports.push(vm.export_entry(m, f, imp.arity) as *const _);
    }

    let funs: Box<[FunDef]> = file
        .funs
        .iter()
        .map(|f| {
            Ok(FunDef {
                module: name,
                function: atom_at(&atoms, f.function)?,
                arity: f.arity,
                num_free: f.num_free,
                index: f.index,
                old_uniq: f.old_uniq,
                entry: Cell::new(None),
            })
        })
        .collect::<Result<Vec<_>, LoadError>>()?
        .into_boxed_slice();

    let mut cx = Context {
        file,
        atoms,
        literals,
        lit_heap,
        imports,
        counting: false,
    };
    let out = translate::translate(vm, &mut cx, &funs)?;

    // Code addresses are final: the words never move.
    let code = out.code;
    let addr = |label: u32| -> Result<CodePtr, LoadError> {
        match out.labels.get(label as usize) {
            Some(&i) if (i as usize) < code.len() => Ok(CodePtr(code[i as usize..].as_ptr())),
            _ => Err(LoadError::BadLabel { label }),
        }
    };
    for (def, f) in funs.iter().zip(file.funs.iter()) {
        def.entry.set(Some(addr(f.label)?));
    }
    let mut exports = Vec::with_capacity(file.exports.len());
    for e in file.exports.iter() {
        let i = *out
            .labels
            .get(e.label as usize)
            .ok_or(LoadError::BadLabel { label: e.label })?;
        if i as usize >= code.len() {
            return Err(LoadError::BadLabel { label: e.label });
        }
        exports.push((atom_at(&cx.atoms, e.function)?, e.arity, i));
    }
    let (files, source) = translate::file_names(file, name, vm);
    Ok(Module {
        name,
        code,
        rare: out.rare,
        funs,
        literals: cx.lit_heap,
        functions: out.functions,
        lines: out.lines,
        files,
        source,
        exports: exports.into_boxed_slice(),
        attributes: Term::NIL,
        compile_info: Term::NIL,
    })
}

/// The VM atom for the file's atom index `i` (1-based).
pub(crate) fn atom_at(atoms: &[Atom], i: u32) -> Result<Atom, LoadError> {
    match atoms.get(i as usize) {
        Some(&a) if i != 0 => Ok(a),
        _ => Err(LoadError::BadAtom { index: i }),
    }
}
