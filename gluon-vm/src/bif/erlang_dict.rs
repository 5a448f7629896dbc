//! The process dictionary: `put/2`, `get/0,1`, `erase/0,1`,
//! `get_keys/0,1`. Kept as a flat key/value vector, a root of the
//! process's collections; keys and values live on the process heap.

use super::{native, BifDef, BifResult, Ctx};
use crate::term::{exact_eq, Term};
use alloc::vec::Vec;

pub(crate) static BIFS: &[BifDef] = &[
    native("erlang", "put", 2, put),
    native("erlang", "get", 1, get1),
    native("erlang", "get", 0, get0),
    native("erlang", "erase", 1, erase1),
    native("erlang", "erase", 0, erase0),
    native("erlang", "get_keys", 0, get_keys0),
    native("erlang", "get_keys", 1, get_keys1),
];

fn find(ctx: &Ctx<'_>, key: Term) -> Option<usize> {
    ctx.me
        .dict
        .chunks(2)
        .position(|kv| exact_eq(kv[0], key, ctx.atoms))
}

fn put(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    match find(ctx, a[0]) {
        Some(i) => {
            let old = ctx.me.dict[2 * i + 1];
            ctx.me.dict[2 * i + 1] = a[1];
            Ok(old)
        }
        None => {
            ctx.me.dict.extend_from_slice(&[a[0], a[1]]);
            Ok(Term::atom(crate::term::atom::UNDEFINED))
        }
    }
}

fn get1(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    Ok(
        find(ctx, a[0]).map_or(Term::atom(crate::term::atom::UNDEFINED), |i| {
            ctx.me.dict[2 * i + 1]
        }),
    )
}

/// All `{Key, Value}` pairs.
fn pairs(ctx: &mut Ctx<'_>) -> BifResult {
    let dict = ctx.me.dict.clone();
    let mut items = Vec::with_capacity(dict.len() / 2);
    for kv in dict.chunks(2) {
        items.push(ctx.heap.tuple(&[kv[0], kv[1]])?);
    }
    Ok(ctx.heap.list_from(&items, Term::NIL)?)
}

fn get0(ctx: &mut Ctx<'_>, _: &[Term]) -> BifResult {
    pairs(ctx)
}

fn erase1(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    match find(ctx, a[0]) {
        Some(i) => {
            let old = ctx.me.dict[2 * i + 1];
            ctx.me.dict.remove_range(2 * i..2 * i + 2);
            Ok(old)
        }
        None => Ok(Term::atom(crate::term::atom::UNDEFINED)),
    }
}

fn erase0(ctx: &mut Ctx<'_>, _: &[Term]) -> BifResult {
    let all = pairs(ctx)?;
    ctx.me.dict.clear();
    Ok(all)
}

fn get_keys0(ctx: &mut Ctx<'_>, _: &[Term]) -> BifResult {
    let keys: Vec<Term> = ctx.me.dict.chunks(2).map(|kv| kv[0]).collect();
    Ok(ctx.heap.list_from(&keys, Term::NIL)?)
}

fn get_keys1(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let atoms = &*ctx.atoms;
    let keys: Vec<Term> = ctx
        .me
        .dict
        .chunks(2)
        .filter(|kv| exact_eq(kv[1], a[0], atoms))
        .map(|kv| kv[0])
        .collect();
    Ok(ctx.heap.list_from(&keys, Term::NIL)?)
}

#[cfg(test)]
mod tests {
    use super::super::erlang_testkit::Env;
    use super::*;

    #[test]
    fn put_get_erase() {
        let mut env = Env::new();
        let k = env.parse("k");
        let v = env.parse("{1,2}");
        assert_eq!(
            put(&mut env.ctx(), &[k, v]).unwrap(),
            Term::atom(crate::term::atom::UNDEFINED)
        );
        assert_eq!(get1(&mut env.ctx(), &[k]).unwrap(), v);
        assert_eq!(put(&mut env.ctx(), &[k, Term::NIL]).unwrap(), v);
        assert_eq!(erase1(&mut env.ctx(), &[k]).unwrap(), Term::NIL);
        assert_eq!(get0(&mut env.ctx(), &[]).unwrap(), Term::NIL);
    }
}
