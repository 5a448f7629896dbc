//! Memory BIFs: `erlang:memory/0,1` and `erlang:garbage_collect/0,1,2`.
//!
//! `erlang:memory` reports what the VM accounts for: term memory of
//! processes (heaps, stacks, old heaps, fragments, messages) from
//! [`crate::memory`], process structures, loaded code with its literals,
//! and the atom table. `binary` is the bytes of off-heap binaries
//! ([`crate::binary::refc`]), which the account holds apart from process
//! memory; there are no ETS tables, so `ets` reads 0.

use super::{native, BifDef, BifResult, Ctx, Exception};
use crate::gc::Kind;
use crate::process::Process;
use crate::term::{atom, Atom, Term};
use core::mem::size_of;

pub(crate) static BIFS: &[BifDef] = &[
    native("erlang", "memory", 0, memory0),
    native("erlang", "memory", 1, memory1),
    native("erlang", "garbage_collect", 0, garbage_collect0),
    native("erlang", "garbage_collect", 1, garbage_collect1),
    native("erlang", "garbage_collect", 2, garbage_collect2),
];

/// The categories of `erlang:memory/0`, in the BEAM's order.
const TYPES: &[Atom] = &[
    atom::TOTAL,
    atom::PROCESSES,
    atom::PROCESSES_USED,
    atom::SYSTEM,
    atom::ATOM,
    atom::ATOM_USED,
    atom::BINARY,
    atom::CODE,
    atom::ETS,
];

/// Bytes per category, computed once per call.
struct Usage {
    processes: usize,
    binary: usize,
    atom: usize,
    code: usize,
}

impl Usage {
    fn measure(ctx: &Ctx<'_>) -> Usage {
        let w = size_of::<usize>();
        // Literal areas are term memory too, but they belong to code.
        let mut literals = 0;
        let mut code = 0;
        for m in ctx.modules {
            literals += m.literals.total_words() * w;
            code += m.literals.total_words() * w
                + m.code_bytes()
                + size_of_val(&*m.funs)
                + size_of_val(&*m.functions);
        }
        // The calling process is out of the scheduler's table while it runs.
        let procs = ctx.sched.len() + 1;
        let binary = crate::binary::refc::total_bytes();
        let processes = crate::memory::used()
            .saturating_sub(literals)
            .saturating_sub(binary)
            + procs * size_of::<Process>();
        let atom = (0..ctx.atoms.len())
            .map(|i| ctx.atoms.name(Atom::from_index(i as u32)).len() + 2 * w)
            .sum();
        Usage {
            processes,
            binary,
            atom,
            code,
        }
    }

    fn get(&self, t: Atom) -> Option<usize> {
        // As on the BEAM, `system` includes binaries, code and atoms.
        let system = self.atom + self.code + self.binary;
        Some(match t {
            atom::TOTAL => self.processes + system,
            atom::PROCESSES | atom::PROCESSES_USED => self.processes,
            atom::SYSTEM => system,
            atom::ATOM | atom::ATOM_USED => self.atom,
            atom::CODE => self.code,
            atom::BINARY => self.binary,
            atom::ETS => 0,
            _ => return None,
        })
    }
}

fn pair(ctx: &mut Ctx<'_>, u: &Usage, t: Atom) -> BifResult {
    let n = u.get(t).ok_or_else(Exception::badarg)?;
    let v = crate::bignum::from_i64(ctx.heap, n as i64)?;
    Ok(ctx.heap.tuple(&[Term::atom(t), v])?)
}

fn memory0(ctx: &mut Ctx<'_>, _: &[Term]) -> BifResult {
    let u = Usage::measure(ctx);
    let mut items = alloc::vec::Vec::with_capacity(TYPES.len());
    for &t in TYPES {
        items.push(pair(ctx, &u, t)?);
    }
    Ok(ctx.heap.list_from(&items, Term::NIL)?)
}

fn memory1(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let u = Usage::measure(ctx);
    if let Some(t) = a[0].as_atom() {
        let n = u.get(t).ok_or_else(Exception::badarg)?;
        return Ok(crate::bignum::from_i64(ctx.heap, n as i64)?);
    }
    let types = crate::heap::Heap::list_to_vec(a[0]).ok_or_else(Exception::badarg)?;
    let mut items = alloc::vec::Vec::with_capacity(types.len());
    for t in types {
        let t = t.as_atom().ok_or_else(Exception::badarg)?;
        items.push(pair(ctx, &u, t)?);
    }
    Ok(ctx.heap.list_from(&items, Term::NIL)?)
}

/// Collects the calling process: the interpreter runs a major collection
/// when this call returns, with the result as the only live register.
fn garbage_collect0(ctx: &mut Ctx<'_>, _: &[Term]) -> BifResult {
    ctx.me.gc_requested = true;
    Ok(Term::TRUE)
}

/// Collects `Pid` (false if it is not alive). Another process is not
/// running, so its saved registers, dictionary and stack are all its roots.
fn garbage_collect1(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    if !a[0].is_pid() {
        return Err(Exception::badarg());
    }
    let pid = a[0].pid_index();
    if pid == ctx.me.pid {
        return garbage_collect0(ctx, a);
    }
    let Some(p) = ctx.sched.get_mut(pid) else {
        return Ok(Term::FALSE);
    };
    let p: &mut Process = p;
    let result = crate::gc::collect_as(
        &mut p.heap,
        &mut [&mut p.saved_x[..], &mut p.info.dict[..]],
        0,
        Some(Kind::Major),
    );
    if result.is_err() {
        // Over its max_heap_size or the VM's budget: the same fate as
        // when it collects itself.
        ctx.sched
            .exit_signal(ctx.me.pid, pid, Term::atom(atom::KILL), false)?;
    }
    Ok(Term::TRUE)
}

/// `garbage_collect(Pid, Options)`: options (`{async, _}`, `{type, _}`)
/// are checked for shape; the collection is always synchronous and major.
fn garbage_collect2(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    crate::heap::Heap::list_to_vec(a[1]).ok_or_else(Exception::badarg)?;
    garbage_collect1(ctx, a)
}
