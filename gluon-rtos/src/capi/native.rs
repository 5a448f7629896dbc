//! Native functions written in C, and the term API they use.
//!
//! A native gets its arguments as `gluon_term` words and returns one. The
//! words are valid only during the call (the process's heap may move
//! afterwards). To fail, a native returns `gluon_raise_badarg(env)` or
//! `gluon_raise_error(env, reason)`; a `gluon_make_*` that runs out of
//! memory or atoms marks the call failed the same way, so a native may
//! build its result and return it without checking each step.

use super::{bytes_arg, gluon_status, gluon_vm, str_arg};
use ::gluon_vm::bif::{Ctx, Exception};
use ::gluon_vm::term::Term;
use alloc::boxed::Box;
use core::ffi::{c_char, c_void};

/// A term: one machine word, valid during the native call that got or
/// made it.
pub type gluon_term = usize;

/// The context of one native call (opaque).
pub struct gluon_env {
    ctx: *mut c_void,
    raised: Option<Exception>,
}

/// A native written in C: `args` holds `argc` terms; `user` is the
/// pointer given at registration.
pub type gluon_native_fn = Option<
    unsafe extern "C" fn(
        env: *mut gluon_env,
        args: *const gluon_term,
        argc: usize,
        user: *mut c_void,
    ) -> gluon_term,
>;

impl gluon_env {
    fn ctx(&mut self) -> &mut Ctx<'static> {
        // SAFETY: `ctx` points at the `Ctx` of the call in progress, which
        // outlives this env (see `gluon_register_native`); the lifetime is
        // only widened for the call's duration.
        unsafe { &mut *(self.ctx as *mut Ctx<'static>) }
    }

    /// Records the first failure; returns a harmless placeholder.
    fn fail(&mut self, e: Exception) -> gluon_term {
        self.raised.get_or_insert(e);
        Term::NIL.raw()
    }

    /// A term a constructor built, or its failure recorded.
    fn built<E: Into<Exception>>(&mut self, r: Result<Term, E>) -> gluon_term {
        match r {
            Ok(t) => t.raw(),
            Err(err) => self.fail(err.into()),
        }
    }
}

/// Binds `module:function/arity` to `f`, so Erlang calls it as
/// `module:function(...)` (it also takes precedence over Erlang code of
/// that name). Call from the VM's task, before or after `gluon_start`.
///
/// # Safety
/// `vm` is null or a live VM; the names are NUL-terminated strings; `f`
/// stays callable with `user` for the VM's life.
#[no_mangle]
pub unsafe extern "C" fn gluon_register_native(
    vm: *mut gluon_vm,
    module: *const c_char,
    function: *const c_char,
    arity: u8,
    f: gluon_native_fn,
    user: *mut c_void,
) -> gluon_status {
    // SAFETY: the caller's promise.
    let (Some(v), Some(m), Some(name), Some(f)) = (
        unsafe { vm.as_mut() },
        unsafe { str_arg(module) },
        unsafe { str_arg(function) },
        f,
    ) else {
        return gluon_status::GLUON_E_INVALID;
    };
    let call = move |ctx: &mut Ctx<'_>, args: &[Term]| {
        let mut env = gluon_env {
            ctx: ctx as *mut Ctx<'_> as *mut c_void,
            raised: None,
        };
        // `Term` is one word, so a slice of terms is a C array of them.
        // SAFETY: the embedder's promise about `f` and `user`.
        let r = unsafe {
            f(
                &mut env,
                args.as_ptr() as *const gluon_term,
                args.len(),
                user,
            )
        };
        match env.raised {
            Some(e) => Err(e),
            None => Ok(Term::from_raw(r)),
        }
    };
    match v.vm_mut().register_native(m, name, arity, Box::new(call)) {
        Ok(()) => gluon_status::GLUON_OK,
        Err(_) => gluon_status::GLUON_E_ATOMS,
    }
}

/// The env of a call, or `None` for null.
///
/// # Safety
/// `env` is null or the env of the native call in progress.
unsafe fn env<'a>(env: *mut gluon_env) -> Option<&'a mut gluon_env> {
    // SAFETY: the caller's promise.
    unsafe { env.as_mut() }
}

/// Makes the call fail with `error:badarg`; return its result.
///
/// # Safety
/// `e` is the env of the native call in progress.
#[no_mangle]
pub unsafe extern "C" fn gluon_raise_badarg(e: *mut gluon_env) -> gluon_term {
    // SAFETY: the caller's promise.
    unsafe { env(e) }.map_or(0, |e| e.fail(Exception::badarg()))
}

/// Makes the call fail with `error:Reason`; return its result.
///
/// # Safety
/// `e` is the env of the native call in progress; `reason` a term of it.
#[no_mangle]
pub unsafe extern "C" fn gluon_raise_error(e: *mut gluon_env, reason: gluon_term) -> gluon_term {
    // SAFETY: the caller's promise.
    unsafe { env(e) }.map_or(0, |e| e.fail(Exception::error(Term::from_raw(reason))))
}

/// The atom named by a NUL-terminated UTF-8 string.
///
/// # Safety
/// `e` is the env of the native call in progress; `name` a C string.
#[no_mangle]
pub unsafe extern "C" fn gluon_make_atom(e: *mut gluon_env, name: *const c_char) -> gluon_term {
    // SAFETY: the caller's promise.
    let Some(e) = (unsafe { env(e) }) else {
        return 0;
    };
    let Some(name) = (unsafe { str_arg(name) }) else {
        return e.fail(Exception::badarg());
    };
    match e.ctx().atoms.intern(name) {
        Ok(a) => Term::atom(a).raw(),
        Err(_) => e.fail(Exception::system_limit()),
    }
}

/// An integer.
///
/// # Safety
/// `e` is the env of the native call in progress.
#[no_mangle]
pub unsafe extern "C" fn gluon_make_int(e: *mut gluon_env, value: i64) -> gluon_term {
    // SAFETY: the caller's promise.
    let Some(e) = (unsafe { env(e) }) else {
        return 0;
    };
    if let Some(t) = Term::try_small(value) {
        return t.raw();
    }
    let built = ::gluon_vm::bignum::from_i64(e.ctx().heap, value);
    e.built(built)
}

/// A binary holding a copy of `len` bytes at `data`.
///
/// # Safety
/// `e` is the env of the native call in progress; `data` points at `len`
/// bytes.
#[no_mangle]
pub unsafe extern "C" fn gluon_make_binary(
    e: *mut gluon_env,
    data: *const u8,
    len: usize,
) -> gluon_term {
    // SAFETY: the caller's promise.
    let Some(e) = (unsafe { env(e) }) else {
        return 0;
    };
    let Some(bytes) = (unsafe { bytes_arg(data, len) }) else {
        return e.fail(Exception::badarg());
    };
    let built = ::gluon_vm::binary::new_heap_binary(e.ctx().heap, bytes);
    e.built(built)
}

/// A tuple of the `n` terms at `elems`.
///
/// # Safety
/// `e` is the env of the native call in progress; `elems` points at `n`
/// terms of this call.
#[no_mangle]
pub unsafe extern "C" fn gluon_make_tuple(
    e: *mut gluon_env,
    elems: *const gluon_term,
    n: usize,
) -> gluon_term {
    // SAFETY: the caller's promise.
    let Some(e) = (unsafe { env(e) }) else {
        return 0;
    };
    let Some(terms) = (unsafe { terms_arg(elems, n) }) else {
        return e.fail(Exception::badarg());
    };
    let built = e.ctx().heap.tuple(terms);
    e.built(built)
}

/// A proper list of the `n` terms at `elems`.
///
/// # Safety
/// As `gluon_make_tuple`.
#[no_mangle]
pub unsafe extern "C" fn gluon_make_list(
    e: *mut gluon_env,
    elems: *const gluon_term,
    n: usize,
) -> gluon_term {
    // SAFETY: the caller's promise.
    let Some(e) = (unsafe { env(e) }) else {
        return 0;
    };
    let Some(terms) = (unsafe { terms_arg(elems, n) }) else {
        return e.fail(Exception::badarg());
    };
    let built = e.ctx().heap.list_from(terms, Term::NIL);
    e.built(built)
}

/// `n` terms at `p` as a slice.
///
/// # Safety
/// `p` points at `n` terms, or `n` is 0.
unsafe fn terms_arg<'a>(p: *const gluon_term, n: usize) -> Option<&'a [Term]> {
    if n == 0 {
        return Some(&[]);
    }
    // SAFETY: the caller's promise; `Term` is a transparent word.
    (!p.is_null()).then(|| unsafe { core::slice::from_raw_parts(p as *const Term, n) })
}

/// If `t` is an integer that fits 64 bits, stores it in `*out`.
///
/// # Safety
/// `t` is a term of the call in progress; `out` is writable.
#[no_mangle]
pub unsafe extern "C" fn gluon_get_int(t: gluon_term, out: *mut i64) -> bool {
    let t = Term::from_raw(t);
    let v = match t.as_small() {
        Some(n) => Some(n as i64),
        None => ::gluon_vm::bignum::to_i64(t),
    };
    // SAFETY: the caller's promise.
    match (v, unsafe { out.as_mut() }) {
        (Some(v), Some(out)) => {
            *out = v;
            true
        }
        _ => false,
    }
}

/// If `t` is an atom, copies its name NUL-terminated into `buf` (of
/// `size` bytes); false if not an atom or the name does not fit.
///
/// # Safety
/// `e` is the env of the call in progress; `buf` has `size` writable bytes.
#[no_mangle]
pub unsafe extern "C" fn gluon_get_atom(
    e: *mut gluon_env,
    t: gluon_term,
    buf: *mut c_char,
    size: usize,
) -> bool {
    // SAFETY: the caller's promise.
    let Some(e) = (unsafe { env(e) }) else {
        return false;
    };
    let Some(a) = Term::from_raw(t).as_atom() else {
        return false;
    };
    let name = e.ctx().atoms.name(a).as_bytes();
    if buf.is_null() || name.len() >= size {
        return false;
    }
    // SAFETY: `buf` has room for the name and its NUL (checked above).
    unsafe {
        core::ptr::copy_nonoverlapping(name.as_ptr(), buf as *mut u8, name.len());
        *buf.add(name.len()) = 0;
    }
    true
}

/// If `t` is a binary (of whole bytes), points `*data` at its bytes and
/// stores their number in `*len`.
///
/// # Safety
/// `t` is a term of the call in progress; the outputs are writable.
#[no_mangle]
pub unsafe extern "C" fn gluon_get_binary(
    t: gluon_term,
    data: *mut *const u8,
    len: *mut usize,
) -> bool {
    let Some(b) = ::gluon_vm::binary::as_bytes(Term::from_raw(t)) else {
        return false;
    };
    // SAFETY: the caller's promise.
    match (unsafe { data.as_mut() }, unsafe { len.as_mut() }) {
        (Some(d), Some(l)) => {
            *d = b.as_ptr();
            *l = b.len();
            true
        }
        _ => false,
    }
}

/// If `t` is a tuple, points `*elems` at its elements and stores its
/// arity in `*arity`.
///
/// # Safety
/// `t` is a term of the call in progress; the outputs are writable.
#[no_mangle]
pub unsafe extern "C" fn gluon_get_tuple(
    t: gluon_term,
    elems: *mut *const gluon_term,
    arity: *mut usize,
) -> bool {
    let t = Term::from_raw(t);
    if t.boxed_tag() != Some(::gluon_vm::term::HeaderTag::Tuple) {
        return false;
    }
    let body = t.boxed_body();
    // SAFETY: the caller's promise.
    match (unsafe { elems.as_mut() }, unsafe { arity.as_mut() }) {
        (Some(e), Some(a)) => {
            *e = body.as_ptr() as *const gluon_term;
            *a = body.len();
            true
        }
        _ => false,
    }
}

/// If `t` is a non-empty list, stores its head and tail.
///
/// # Safety
/// `t` is a term of the call in progress; the outputs are writable.
#[no_mangle]
pub unsafe extern "C" fn gluon_get_list_cell(
    t: gluon_term,
    head: *mut gluon_term,
    tail: *mut gluon_term,
) -> bool {
    let Some((h, tl)) = Term::from_raw(t).as_cons() else {
        return false;
    };
    // SAFETY: the caller's promise.
    match (unsafe { head.as_mut() }, unsafe { tail.as_mut() }) {
        (Some(hd), Some(tp)) => {
            *hd = h.raw();
            *tp = tl.raw();
            true
        }
        _ => false,
    }
}

/// Whether `t` is the empty list.
#[no_mangle]
pub extern "C" fn gluon_is_nil(t: gluon_term) -> bool {
    Term::from_raw(t).is_nil()
}
