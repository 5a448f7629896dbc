//! `process_info/1,2`: what one process can learn about another (or
//! itself). Terms owned by another process are copied onto the caller's
//! heap.

use super::{native, BifDef, BifResult, Ctx, Exception};
use crate::copy::copy_to_heap;
use crate::heap::Heap;
use crate::process::{ProcInfo, Status};
use crate::term::{atom, Atom, Term};
use alloc::vec::Vec;

pub(crate) static BIFS: &[BifDef] = &[
    native("erlang", "process_info", 1, process_info1),
    native("erlang", "process_info", 2, process_info2),
];

/// The items `process_info/1` reports, in the BEAM's order.
const DEFAULT_ITEMS: &[Atom] = &[
    atom::CURRENT_FUNCTION,
    atom::INITIAL_CALL,
    atom::STATUS,
    atom::MESSAGE_QUEUE_LEN,
    atom::LINKS,
    atom::DICTIONARY,
    atom::TRAP_EXIT,
    atom::PRIORITY,
    atom::GROUP_LEADER,
    atom::TOTAL_HEAP_SIZE,
    atom::HEAP_SIZE,
    atom::STACK_SIZE,
    atom::REDUCTIONS,
];

/// What an item is computed from: the process's state, heap, and code
/// position.
struct View<'p> {
    info: &'p ProcInfo,
    /// Heap block, all heap words, and stack words.
    sizes: (usize, usize, usize),
    /// Minor collections so far and `max_heap_size` in words.
    gc: (u32, usize),
    /// Where the process is (unknown for the caller itself).
    ip: Option<crate::code::CodePtr>,
    running: bool,
}

fn sizes(h: &Heap) -> (usize, usize, usize) {
    (h.capacity(), h.total_words(), h.stack_used())
}

fn gc_counts(h: &Heap) -> (u32, usize) {
    h.generations()
        .map_or((0, 0), |g| (g.minor_gcs, g.max_words))
}

/// The `garbage_collection` item, in the BEAM's shape and order.
fn gc_item(
    v: &View<'_>,
    out: &mut Heap,
    atoms: &crate::term::AtomTable,
) -> Result<Term, Exception> {
    let mut max = [
        (Term::atom(atom::ERROR_LOGGER), Term::TRUE),
        (Term::atom(atom::KILL), Term::TRUE),
        (Term::atom(atom::SIZE), Term::small(v.gc.1 as isize)),
    ];
    let max = crate::map::from_pairs(out, &mut max, atoms)?;
    let items = [
        (atom::MAX_HEAP_SIZE, max),
        (atom::MIN_BIN_VHEAP_SIZE, Term::small(0)),
        (
            atom::MIN_HEAP_SIZE,
            Term::small(crate::scheduler::INITIAL_HEAP_WORDS as isize),
        ),
        (
            atom::FULLSWEEP_AFTER,
            Term::small(crate::gc::FULLSWEEP_AFTER as isize),
        ),
        (atom::MINOR_GCS, Term::small(v.gc.0 as isize)),
    ];
    let mut list = Vec::with_capacity(items.len());
    for (k, val) in items {
        list.push(out.tuple(&[Term::atom(k), val])?);
    }
    Ok(out.list_from(&list, Term::NIL)?)
}

fn mfa(heap: &mut Heap, m: Atom, f: Atom, a: u32) -> Result<Term, Exception> {
    Ok(heap.tuple(&[Term::atom(m), Term::atom(f), Term::small(a as isize)])?)
}

/// One item's value, built on `out` (the caller's heap).
fn item(
    v: &View<'_>,
    it: Atom,
    out: &mut Heap,
    modules: &[crate::code::Module],
    atoms: &crate::term::AtomTable,
) -> Result<Term, Exception> {
    let info = v.info;
    Ok(match it {
        atom::GARBAGE_COLLECTION => gc_item(v, out, atoms)?,
        atom::STATUS => Term::atom(match (v.running, info.status) {
            (true, _) => atom::RUNNING,
            (_, Status::Waiting) => atom::WAITING,
            (_, Status::Exited) => atom::EXITING,
            _ => atom::RUNNABLE,
        }),
        atom::MESSAGE_QUEUE_LEN => Term::small(info.mailbox.len() as isize),
        atom::MESSAGES => {
            let msgs: Vec<Term> = info.mailbox.iter().collect();
            let mut copies = Vec::with_capacity(msgs.len());
            for m in msgs {
                copies.push(copy_to_heap(m, out)?);
            }
            out.list_from(&copies, Term::NIL)?
        }
        atom::LINKS => crate::scheduler::pid_list(out, &info.links)?,
        atom::MONITORS => {
            let mut items = Vec::new();
            for m in info.monitors.iter().filter(|m| m.watching) {
                let obj = match m.name {
                    Some(n) => out.tuple(&[Term::atom(n), Term::atom(atom::NONODE)])?,
                    None => Term::pid(m.other),
                };
                items.push(out.tuple(&[Term::atom(atom::PROCESS), obj])?);
            }
            out.list_from(&items, Term::NIL)?
        }
        atom::MONITORED_BY => {
            let pids: Vec<usize> = info
                .monitors
                .iter()
                .filter(|m| !m.watching)
                .map(|m| m.other)
                .collect();
            crate::scheduler::pid_list(out, &pids)?
        }
        atom::DICTIONARY => {
            let mut items = Vec::with_capacity(info.dict.len() / 2);
            for kv in info.dict.chunks(2) {
                let (k, val) = (copy_to_heap(kv[0], out)?, copy_to_heap(kv[1], out)?);
                items.push(out.tuple(&[k, val])?);
            }
            out.list_from(&items, Term::NIL)?
        }
        atom::REGISTERED_NAME => info.name.map_or(Term::NIL, Term::atom),
        atom::TRAP_EXIT => Term::bool(info.trap_exit),
        atom::PRIORITY => Term::atom(match info.priority {
            crate::process::Priority::Low => atom::LOW,
            crate::process::Priority::Normal => atom::NORMAL,
            crate::process::Priority::High => atom::HIGH,
            crate::process::Priority::Max => atom::MAX,
        }),
        atom::GROUP_LEADER => Term::pid(info.group_leader),
        atom::HEAP_SIZE => Term::small(v.sizes.0 as isize),
        atom::TOTAL_HEAP_SIZE => Term::small(v.sizes.1 as isize),
        atom::STACK_SIZE => Term::small(v.sizes.2 as isize),
        atom::MEMORY => {
            let w = core::mem::size_of::<usize>();
            let bytes = core::mem::size_of::<crate::process::Process>() + v.sizes.1 * w;
            Term::small(bytes as isize)
        }
        atom::REDUCTIONS => crate::bignum::from_i64(out, info.reductions as i64)?,
        atom::INITIAL_CALL => {
            let (m, f, a) = info.initial_call;
            mfa(out, m, f, a)?
        }
        atom::CURRENT_FUNCTION => {
            let found = v.ip.and_then(|ip| {
                let m = modules.iter().find(|m| m.contains(ip))?;
                let f = m.function_at(m.index_of(ip))?;
                Some((m.name, f.name, f.arity))
            });
            match found {
                Some((m, f, a)) => mfa(out, m, f, a)?,
                None => Term::atom(atom::UNDEFINED),
            }
        }
        _ => return Err(Exception::badarg()),
    })
}

/// `{Item, Value}` pairs for `items`, or one value.
fn info_of(ctx: &mut Ctx<'_>, pid: usize, items: &[Atom]) -> Result<Option<Vec<Term>>, Exception> {
    let mut out = Vec::with_capacity(items.len());
    if pid == ctx.me.pid {
        let view = View {
            info: ctx.me,
            sizes: sizes(ctx.heap),
            gc: gc_counts(ctx.heap),
            ip: None,
            running: true,
        };
        for &it in items {
            out.push(item(&view, it, ctx.heap, ctx.modules, ctx.atoms)?);
        }
        return Ok(Some(out));
    }
    let Some(p) = ctx.sched.get(pid) else {
        return Ok(None);
    };
    let view = View {
        info: &p.info,
        sizes: sizes(&p.heap),
        gc: gc_counts(&p.heap),
        ip: Some(p.ip),
        running: false,
    };
    for &it in items {
        out.push(item(&view, it, ctx.heap, ctx.modules, ctx.atoms)?);
    }
    Ok(Some(out))
}

fn pid_arg(t: Term) -> Result<usize, Exception> {
    if t.is_pid() {
        Ok(t.pid_index())
    } else {
        Err(Exception::badarg())
    }
}

fn process_info1(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let pid = pid_arg(a[0])?;
    let Some(vals) = info_of(ctx, pid, DEFAULT_ITEMS)? else {
        return Ok(Term::atom(atom::UNDEFINED));
    };
    let mut pairs = Vec::with_capacity(vals.len());
    for (&k, v) in DEFAULT_ITEMS.iter().zip(vals) {
        pairs.push(ctx.heap.tuple(&[Term::atom(k), v])?);
    }
    Ok(ctx.heap.list_from(&pairs, Term::NIL)?)
}

fn process_info2(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let pid = pid_arg(a[0])?;
    let (items, single) = match a[1].as_atom() {
        Some(it) => (alloc::vec![it], true),
        None => {
            let list = Heap::list_to_vec(a[1]).ok_or_else(Exception::badarg)?;
            let items = list
                .iter()
                .map(|t| t.as_atom().ok_or_else(Exception::badarg))
                .collect::<Result<Vec<_>, _>>()?;
            (items, false)
        }
    };
    let Some(vals) = info_of(ctx, pid, &items)? else {
        return Ok(Term::atom(atom::UNDEFINED));
    };
    let mut pairs = Vec::with_capacity(vals.len());
    for (&k, v) in items.iter().zip(vals) {
        // `registered_name` of an unnamed process is `[]` alone, not a pair.
        if single && k == atom::REGISTERED_NAME && v.is_nil() {
            return Ok(Term::NIL);
        }
        pairs.push(ctx.heap.tuple(&[Term::atom(k), v])?);
    }
    if single {
        return Ok(pairs[0]);
    }
    Ok(ctx.heap.list_from(&pairs, Term::NIL)?)
}
