//! Raising exceptions: `error/1,2,3`, `exit/1`, `throw/1`,
//! `erlang:raise/3` and `erlang:nif_error/1,2`.

use super::{native, BifDef, BifResult, Class, Ctx, Exception, Origin};
use crate::heap::{Heap, OutOfMemory};
use crate::term::{atom, Term};
use alloc::vec::Vec;

/// Exception natives of module `erlang`.
pub(crate) static BIFS: &[BifDef] = &[
    native("erlang", "error", 1, error),
    native("erlang", "error", 2, error2),
    native("erlang", "error", 3, error3),
    native("erlang", "exit", 1, exit),
    native("erlang", "throw", 1, throw),
    native("erlang", "raise", 3, raise),
    native("erlang", "nif_error", 1, nif_error),
    native("erlang", "nif_error", 2, nif_error),
];

/// Frames kept by `erlang:raise/3`, as the BEAM's default backtrace depth.
const MAX_FRAMES: usize = 8;

fn arg(args: &[Term], i: usize) -> Term {
    args.get(i).copied().unwrap_or(Term::NIL)
}

/// `error(Reason)`: the caller tops the stacktrace.
pub fn error(_: &mut Ctx, args: &[Term]) -> BifResult {
    Err(Exception::raised(Class::Error, arg(args, 0)))
}

/// `error(Reason, Args)`: the caller's frame shows `Args` when it is a list
/// (any other value, such as `none`, shows the arity as `error/1` does).
pub fn error2(_: &mut Ctx, args: &[Term]) -> BifResult {
    let a = arg(args, 1);
    let origin = if a.is_list_or_nil() {
        Origin::RaisedWithArgs(a)
    } else {
        Origin::Raised
    };
    Err(Exception {
        class: Class::Error,
        reason: arg(args, 0),
        origin,
    })
}

/// `error(Reason, Args, Options)`: as `error/2`; the `error_info` option
/// is not yet added to the frame.
pub fn error3(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    error2(ctx, args)
}

/// `exit(Reason)`.
pub fn exit(_: &mut Ctx, args: &[Term]) -> BifResult {
    Err(Exception::raised(Class::Exit, arg(args, 0)))
}

/// `throw(Reason)`.
pub fn throw(_: &mut Ctx, args: &[Term]) -> BifResult {
    Err(Exception::raised(Class::Throw, arg(args, 0)))
}

/// `erlang:nif_error(Reason)`, `erlang:nif_error(Reason, Args)`: an error
/// whose stacktrace starts with the `nif_error` call itself, as on the BEAM.
pub fn nif_error(_: &mut Ctx, args: &[Term]) -> BifResult {
    Err(Exception::error(arg(args, 0)))
}

/// Checks a stacktrace given to `raise/3` and normalizes its frames:
/// `{M, F, A}` gains `[]` as location, `{Fun, Args}` too; `{M, F, A, Loc}`
/// and `{Fun, Args, Loc}` need `Loc` to be a list. Keeps the first
/// [`MAX_FRAMES`] frames. `Ok(None)` if the stacktrace is malformed.
fn normalize_trace(heap: &mut Heap, trace: Term) -> Result<Option<Term>, OutOfMemory> {
    let Some(elems) = Heap::list_to_vec(trace) else {
        return Ok(None);
    };
    let mut frames: Vec<Term> = Vec::with_capacity(elems.len().min(MAX_FRAMES));
    for e in elems {
        let Some(el) = e.as_tuple() else {
            return Ok(None);
        };
        let frame = match *el {
            [f, a] if f.is_function() => Some(heap.tuple(&[f, a, Term::NIL])?),
            [f, _, loc] if f.is_function() && loc.is_list_or_nil() => Some(e),
            [m, f, a] if m.is_atom() && f.is_atom() => Some(heap.tuple(&[m, f, a, Term::NIL])?),
            [m, f, _, loc] if m.is_atom() && f.is_atom() && loc.is_list_or_nil() => Some(e),
            _ => None,
        };
        match frame {
            Some(f) if frames.len() < MAX_FRAMES => frames.push(f),
            Some(_) => {}
            None => return Ok(None),
        }
    }
    Ok(Some(heap.list_from(&frames, Term::NIL)?))
}

/// `erlang:raise(Class, Reason, Stacktrace)`: raises with the given
/// stacktrace; returns `badarg` (without raising) if the class or the
/// stacktrace is invalid, as OTP does.
pub fn raise(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let Some(class) = Class::from_term(arg(args, 0)) else {
        return Ok(Term::atom(atom::BADARG));
    };
    match normalize_trace(ctx.heap, arg(args, 2))? {
        Some(trace) => Err(Exception {
            class,
            reason: arg(args, 1),
            origin: Origin::Reraised(trace),
        }),
        None => Ok(Term::atom(atom::BADARG)),
    }
}

#[cfg(test)]
mod tests {
    use super::super::erlang_testkit::{check, Env};
    use super::*;

    /// Checked against OTP 25 (results only; origins are tested below).
    #[rustfmt::skip]
    const CASES: &[(&str, &str, &str)] = &[
        ("error", "[foo]", "!foo"),
        ("error", "[{a, 1}]", "!{a, 1}"),
        ("error", "[x, [1, 2]]", "!x"),
        ("error", "[x, none]", "!x"),
        ("error", "[x, [1], [{error_info, #{}}]]", "!x"),
        ("exit", "[normal]", "!exit:normal"),
        ("exit", "[{shutdown, 1}]", "!exit:{shutdown, 1}"),
        ("throw", "[ball]", "!throw:ball"),
        ("nif_error", "[undef]", "!undef"),
        ("nif_error", "[x, [1]]", "!x"),
        ("raise", "[foo, bar, []]", "badarg"),
        ("raise", "[error, bar, foo]", "badarg"),
        ("raise", "[error, bar, [foo]]", "badarg"),
        ("raise", "[error, x, [{m, f, 1, []} | t]]", "badarg"),
        ("raise", "[error, x, [{\"m\", f, 1}]]", "badarg"),
        ("raise", "[error, x, [{m, f, 1, foo}]]", "badarg"),
        ("raise", "[error, x, [{m, f, 1, []}, {a, b}]]", "badarg"),
        ("raise", "[error, x, [{m, 1, 2, 3}]]", "badarg"),
        ("raise", "[error, x, {m, f, 1}]", "badarg"),
        ("raise", "[throw, x, []]", "!throw:x"),
        ("raise", "[exit, x, []]", "!exit:x"),
        ("raise", "[error, x, [{m, f, 1}]]", "!x"),
    ];

    #[test]
    fn exceptions_match_otp() {
        check(BIFS, CASES);
    }

    fn trace_of(env: &mut Env, args: &str) -> Option<alloc::string::String> {
        match env.call(raise, args) {
            Err(Exception {
                origin: Origin::Reraised(t),
                ..
            }) => Some(env.show(t)),
            _ => None,
        }
    }

    #[test]
    fn raise_normalizes_frames() {
        let mut env = Env::new();
        let want = env.parse("[{m, f, 1, []}, {m, f, [a | b], [{line, 3}]}, {m, f, x, [y | z]}]");
        let want = env.show(want);
        let got = trace_of(
            &mut env,
            "[error, x, [{m, f, 1}, {m, f, [a | b], [{line, 3}]}, {m, f, x, [y | z]}]]",
        );
        assert_eq!(got, Some(want));
        let got = trace_of(
            &mut env,
            "[error, x, [{fun lists:map/2, [1]}, {fun lists:map/2, 1, [a]}]]",
        );
        assert_eq!(
            got.as_deref(),
            Some("[{fun lists:map/2,[1],[]},{fun lists:map/2,1,[\"a\"]}]")
        );
        assert_eq!(
            env.call(raise, "[error, x, [{fun lists:map/2, x, y}]]")
                .ok(),
            Some(Term::atom(atom::BADARG))
        );
        // Only eight frames are kept, but all are checked.
        let ten = "[error, x, [{m,f,0},{m,f,1},{m,f,2},{m,f,3},{m,f,4},{m,f,5},{m,f,6},{m,f,7},{m,f,8},{m,f,9}]]";
        let got = trace_of(&mut env, ten).unwrap();
        assert!(
            got.contains("{\"m\",\"f\",7,[]}]") && !got.contains(",8,"),
            "{got}"
        );
        let bad = "[error, x, [{m,f,0},{m,f,1},{m,f,2},{m,f,3},{m,f,4},{m,f,5},{m,f,6},{m,f,7},{m,f,8},bad]]";
        assert_eq!(env.call(raise, bad).ok(), Some(Term::atom(atom::BADARG)));
    }

    #[test]
    fn origins_decide_the_stacktrace_top() {
        let mut env = Env::new();
        let origin =
            |env: &mut Env, f: crate::code::BifFn, a: &str| env.call(f, a).err().map(|e| e.origin);
        assert!(matches!(
            origin(&mut env, error, "[x]"),
            Some(Origin::Raised)
        ));
        assert!(matches!(
            origin(&mut env, exit, "[x]"),
            Some(Origin::Raised)
        ));
        assert!(matches!(
            origin(&mut env, throw, "[x]"),
            Some(Origin::Raised)
        ));
        assert!(matches!(
            origin(&mut env, error2, "[x, foo]"),
            Some(Origin::Raised)
        ));
        assert!(matches!(
            origin(&mut env, error3, "[x, none, []]"),
            Some(Origin::Raised)
        ));
        assert!(matches!(
            origin(&mut env, nif_error, "[x]"),
            Some(Origin::Native)
        ));
        match env.call(error2, "[x, [1 | 2]]") {
            Err(Exception {
                origin: Origin::RaisedWithArgs(a),
                ..
            }) => assert_eq!(env.show(a), "[1|2]"),
            other => panic!("{other:?}"),
        }
        match env.call(error3, "[x, [], foo]") {
            Err(Exception {
                origin: Origin::RaisedWithArgs(a),
                ..
            }) => assert!(a.is_nil()),
            other => panic!("{other:?}"),
        }
    }
}
