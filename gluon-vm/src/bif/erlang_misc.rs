//! `node/0`, `erlang:fun_info/2` and `erlang:system_info/1`.

use super::{native, BifDef, BifResult, Ctx, Exception};
use crate::term::atom;
use crate::term::Term;

/// Miscellaneous natives of module `erlang`.
pub(crate) static BIFS: &[BifDef] = &[
    native("erlang", "node", 0, node),
    native("erlang", "fun_info", 2, fun_info),
    native("erlang", "system_info", 1, system_info),
];

/// `node()`: always `nonode@nohost` (no distribution).
pub fn node(_: &mut Ctx, _: &[Term]) -> BifResult {
    Ok(Term::atom(atom::NONODE))
}

/// `erlang:fun_info(Fun, Item)` for `arity`, `module`, `name`, `type`,
/// `env`, `index`, `new_index` and `uniq`: `{Item, Value}`. Export funs
/// answer `undefined` for the lambda-only items. A closure's `pid` and
/// `new_uniq` are not tracked (`notsup`); other items are `badarg`.
pub fn fun_info(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let (f, item) = match args {
        [f, i, ..] => (*f, *i),
        _ => return Err(Exception::badarg()),
    };
    let undefined = Term::atom(atom::UNDEFINED);
    let a = item.as_atom().ok_or_else(Exception::badarg)?;
    let value = if let Some((def, free)) = crate::fun::as_closure(f) {
        match a {
            atom::ARITY => Term::small(def.arity.saturating_sub(def.num_free) as isize),
            atom::MODULE => Term::atom(def.module),
            atom::NAME => Term::atom(def.function),
            atom::TYPE => Term::atom(atom::LOCAL),
            atom::ENV => ctx.heap.list_from(free, Term::NIL)?,
            atom::INDEX | atom::NEW_INDEX => crate::bignum::from_i64(ctx.heap, def.index as i64)?,
            atom::UNIQ => crate::bignum::from_i64(ctx.heap, def.old_uniq as i64)?,
            atom::PID | atom::NEW_UNIQ => return Err(Exception::notsup()),
            _ => return Err(Exception::badarg()),
        }
    } else if let Some(e) = crate::fun::as_export(f) {
        match a {
            atom::ARITY => crate::bignum::from_i64(ctx.heap, e.arity as i64)?,
            atom::MODULE => Term::atom(e.module),
            atom::NAME => Term::atom(e.function),
            atom::TYPE => Term::atom(atom::EXTERNAL),
            atom::ENV => Term::NIL,
            atom::INDEX | atom::NEW_INDEX | atom::UNIQ | atom::NEW_UNIQ | atom::PID => undefined,
            _ => return Err(Exception::badarg()),
        }
    } else {
        return Err(Exception::badarg());
    };
    Ok(ctx.heap.tuple(&[item, value])?)
}

/// `erlang:system_info(wordsize)`: bytes per word. Other items: `badarg`.
pub fn system_info(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let item = args.first().and_then(|t| t.as_atom());
    match item.map(|a| ctx.atoms.name(a)) {
        Some("wordsize") => Ok(Term::small(core::mem::size_of::<usize>() as isize)),
        _ => Err(Exception::badarg()),
    }
}

#[cfg(test)]
mod tests {
    use super::super::erlang_testkit::{check, Env};
    use super::*;
    use crate::code::FunDef;
    use core::cell::Cell;

    /// Checked against OTP 25.
    #[rustfmt::skip]
    const CASES: &[(&str, &str, &str)] = &[
        ("node", "[]", "'nonode@nohost'"),
        ("fun_info", "[fun lists:map/2, arity]", "{arity, 2}"),
        ("fun_info", "[fun lists:map/2, module]", "{module, lists}"),
        ("fun_info", "[fun lists:map/2, name]", "{name, map}"),
        ("fun_info", "[fun lists:map/2, type]", "{type, external}"),
        ("fun_info", "[fun lists:map/2, env]", "{env, []}"),
        ("fun_info", "[fun lists:map/2, index]", "{index, undefined}"),
        ("fun_info", "[fun lists:map/2, new_index]", "{new_index, undefined}"),
        ("fun_info", "[fun lists:map/2, uniq]", "{uniq, undefined}"),
        ("fun_info", "[fun lists:map/2, new_uniq]", "{new_uniq, undefined}"),
        ("fun_info", "[fun lists:map/2, pid]", "{pid, undefined}"),
        ("fun_info", "[fun lists:map/2, foo]", "!badarg"),
        ("fun_info", "[fun lists:map/2, refs]", "!badarg"),
        ("fun_info", "[fun lists:map/2, 1]", "!badarg"),
        ("fun_info", "[a, name]", "!badarg"),
        ("system_info", "[foo]", "!badarg"),
        ("system_info", "[\"wordsize\"]", "!badarg"),
    ];

    #[test]
    fn misc_natives_match_otp() {
        check(BIFS, CASES);
    }

    #[test]
    fn native_table_has_no_duplicates() {
        let mut seen = alloc::collections::BTreeSet::new();
        for d in super::super::table() {
            assert!(
                seen.insert((d.module, d.name, d.arity)),
                "{}:{}/{} twice",
                d.module,
                d.name,
                d.arity
            );
        }
    }

    #[test]
    fn wordsize_is_the_target_word() {
        let mut env = Env::new();
        let r = env.call(system_info, "[wordsize]").unwrap();
        assert_eq!(r.as_small(), Some(usize::BITS as isize / 8));
    }

    #[test]
    fn closure_info() {
        let mut env = Env::new();
        let def = FunDef {
            module: env.atoms.intern("m").unwrap(),
            function: env.atoms.intern("-start/0-fun-0-").unwrap(),
            arity: 3,
            num_free: 2,
            index: 4,
            old_uniq: 0xdead_beef,
            entry: Cell::new(None),
        };
        let free = [Term::small(7), Term::atom(atom::OK)];
        let f = crate::fun::new_closure(&mut env.heap, &def, &free).unwrap();
        let info = |env: &mut Env, item: &str| {
            let i = env.parse(item);
            let r = fun_info(&mut env.ctx(), &[f, i]);
            env.outcome(r)
        };
        assert_eq!(info(&mut env, "arity"), "{\"arity\",1}");
        assert_eq!(info(&mut env, "module"), "{\"module\",\"m\"}");
        assert_eq!(info(&mut env, "name"), "{\"name\",\"-start/0-fun-0-\"}");
        assert_eq!(info(&mut env, "type"), "{\"type\",\"local\"}");
        assert_eq!(info(&mut env, "env"), "{\"env\",[7,\"ok\"]}");
        assert_eq!(info(&mut env, "index"), "{\"index\",4}");
        assert_eq!(info(&mut env, "new_index"), "{\"new_index\",4}");
        assert_eq!(info(&mut env, "uniq"), "{\"uniq\",3735928559}");
        assert_eq!(info(&mut env, "pid"), "!error:\"notsup\"");
        assert_eq!(info(&mut env, "refs"), "!error:\"badarg\"");
    }
}
