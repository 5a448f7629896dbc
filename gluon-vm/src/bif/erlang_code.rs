//! Code introspection: `M:module_info/0,1` (which the compiler turns into
//! `erlang:get_module_info/1,2`), `erlang:function_exported/3`,
//! `erlang:make_fun/3`, `erlang:module_loaded/1`.

use super::{native, BifDef, BifResult, Ctx, Exception};
use crate::code::{Module, Target};
use crate::term::{atom, Atom, Term};
use alloc::vec::Vec;

pub(crate) static BIFS: &[BifDef] = &[
    native("erlang", "get_module_info", 1, get_module_info1),
    native("erlang", "get_module_info", 2, get_module_info2),
    native("erlang", "function_exported", 3, function_exported),
    native("erlang", "make_fun", 3, make_fun),
    native("erlang", "module_loaded", 1, module_loaded),
];

fn module<'m>(ctx: &Ctx<'m>, m: Term) -> Result<&'m Module, Exception> {
    let name = m.as_atom().ok_or_else(Exception::badarg)?;
    ctx.modules
        .iter()
        .rev()
        .find(|x| x.name == name)
        .ok_or_else(Exception::badarg)
}

/// `[{Name, Arity}]` pairs.
fn fa_list(ctx: &mut Ctx<'_>, fas: &[(Atom, u32)]) -> BifResult {
    let mut items = Vec::with_capacity(fas.len());
    for &(f, a) in fas {
        items.push(ctx.heap.tuple(&[Term::atom(f), Term::small(a as isize)])?);
    }
    Ok(ctx.heap.list_from(&items, Term::NIL)?)
}

fn info_item(ctx: &mut Ctx<'_>, m: &Module, key: Atom) -> BifResult {
    match key {
        atom::MODULE => Ok(Term::atom(m.name)),
        atom::EXPORTS => {
            let fas: Vec<(Atom, u32)> = m.exports.iter().map(|&(f, a, _)| (f, a)).collect();
            fa_list(ctx, &fas)
        }
        atom::FUNCTIONS => {
            let fas: Vec<(Atom, u32)> = m.functions.iter().map(|f| (f.name, f.arity)).collect();
            fa_list(ctx, &fas)
        }
        // Attributes and compile information are not kept by the loader.
        atom::ATTRIBUTES | atom::COMPILE => Ok(Term::NIL),
        atom::MD5 => Ok(crate::binary::new_heap_binary(ctx.heap, &[])?),
        _ => Err(Exception::badarg()),
    }
}

fn get_module_info1(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let m = module(ctx, a[0])?;
    let keys = [
        atom::MODULE,
        atom::EXPORTS,
        atom::ATTRIBUTES,
        atom::COMPILE,
        atom::MD5,
    ];
    let mut items = Vec::with_capacity(keys.len());
    for k in keys {
        let v = info_item(ctx, m, k)?;
        items.push(ctx.heap.tuple(&[Term::atom(k), v])?);
    }
    Ok(ctx.heap.list_from(&items, Term::NIL)?)
}

fn get_module_info2(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let m = module(ctx, a[0])?;
    let key = a[1].as_atom().ok_or_else(Exception::badarg)?;
    info_item(ctx, m, key)
}

fn mfa(a: &[Term]) -> Result<(Atom, Atom, u32), Exception> {
    match (a[0].as_atom(), a[1].as_atom(), a[2].as_small()) {
        (Some(m), Some(f), Some(n)) if (0..=255).contains(&n) => Ok((m, f, n as u32)),
        _ => Err(Exception::badarg()),
    }
}

fn function_exported(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let (m, f, n) = mfa(a)?;
    let found = ctx
        .exports
        .find(m, f, n)
        .is_some_and(|e| match e.target.get() {
            Target::Code(_) => true,
            // Natives count once their module is loaded (as on the BEAM).
            Target::Bif(_) | Target::Apply(_) => e.code.get().is_some() || m == atom::ERLANG,
            Target::Native(_) => true,
            Target::Undefined => false,
        });
    Ok(Term::bool(found))
}

fn make_fun(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let (m, f, n) = mfa(a)?;
    let e = ctx.exports.entry(m, f, n);
    Ok(crate::fun::new_export(ctx.heap, e)?)
}

fn module_loaded(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let name = a[0].as_atom().ok_or_else(Exception::badarg)?;
    Ok(Term::bool(ctx.modules.iter().any(|m| m.name == name)))
}
