//! Binaries and iolists: `binary_to_list/1`, `list_to_binary/1`,
//! `iolist_to_binary/1`, `iolist_size/1`, `byte_size/1`, `bit_size/1`.
//!
//! An iolist is `[]`, or a cons whose head is a byte, a binary or an
//! iolist and whose tail is an iolist or a binary. Walks use an explicit
//! stack, so deep or long iolists cannot exhaust the Rust stack.

use super::{native, BifDef, BifResult, Ctx, Exception};
use crate::binary;
use crate::term::Term;
use alloc::borrow::Cow;
use alloc::vec::Vec;

/// Binary and iolist natives of module `erlang`.
pub(crate) static BIFS: &[BifDef] = &[
    native("erlang", "binary_to_list", 1, binary_to_list),
    native("erlang", "list_to_binary", 1, list_to_binary),
    native("erlang", "iolist_to_binary", 1, iolist_to_binary),
    native("erlang", "iolist_size", 1, iolist_size),
    native("erlang", "byte_size", 1, byte_size),
    native("erlang", "bit_size", 1, bit_size),
];

/// The bytes of a binary (a whole number of bytes at any bit offset), or
/// `None` for other terms and for bitstrings with a partial byte.
pub(crate) fn binary_bytes(t: Term) -> Option<Cow<'static, [u8]>> {
    let (bytes, off, len) = binary::bit_view(t)?;
    if len % 8 != 0 {
        return None;
    }
    if off % 8 == 0 {
        return bytes.get(off / 8..off / 8 + len / 8).map(Cow::Borrowed);
    }
    let v = (0..len / 8)
        .map(|i| {
            (0..8).fold(0u8, |acc, k| {
                acc << 1 | binary::bit_at(bytes, off + 8 * i + k)
            })
        })
        .collect();
    Some(Cow::Owned(v))
}

fn arg(args: &[Term]) -> Term {
    args.first().copied().unwrap_or(Term::NIL)
}

/// Visits the bytes of iolist `root` in order, passing each run of bytes
/// to `f`; `false` if `root` is not an iolist (or a binary).
pub(crate) fn walk(root: Term, mut f: impl FnMut(&[u8])) -> bool {
    let mut pending: Vec<Term> = alloc::vec![root];
    while let Some(t) = pending.pop() {
        if t.is_nil() {
            continue;
        }
        if let Some((h, tl)) = t.as_cons() {
            pending.push(tl);
            match h.as_small() {
                Some(b @ 0..=255) => f(&[b as u8]),
                Some(_) => return false,
                None if h.is_list_or_nil() || h.is_bitstring() => pending.push(h),
                None => return false,
            }
        } else {
            match binary_bytes(t) {
                Some(b) => f(&b),
                None => return false,
            }
        }
    }
    true
}

/// The size in bytes of an iolist, or `None`.
fn size_of(t: Term) -> Option<usize> {
    let mut n = 0usize;
    walk(t, |b| n += b.len()).then_some(n)
}

/// Builds a binary of the bytes of an iolist (or `badarg`).
fn flatten(ctx: &mut Ctx, t: Term) -> BifResult {
    let n = size_of(t).ok_or_else(Exception::badarg)?;
    let (bin, p) = binary::alloc_heap_binary(ctx.heap, n)?;
    // SAFETY: `p` points at `n` writable bytes of the fresh binary.
    let out = unsafe { core::slice::from_raw_parts_mut(p, n) };
    let mut at = 0;
    walk(t, |b| {
        if let Some(dst) = out.get_mut(at..at + b.len()) {
            dst.copy_from_slice(b);
        }
        at += b.len();
    });
    Ok(bin)
}

/// `binary_to_list(Binary)`.
pub fn binary_to_list(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let b = binary_bytes(arg(args)).ok_or_else(Exception::badarg)?;
    Ok(ctx.heap.string(&b)?)
}

/// `list_to_binary(IoList)`: the argument must be a list.
pub fn list_to_binary(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let t = arg(args);
    if !t.is_list_or_nil() {
        return Err(Exception::badarg());
    }
    flatten(ctx, t)
}

/// `iolist_to_binary(IoListOrBinary)`.
pub fn iolist_to_binary(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let t = arg(args);
    if binary::is_binary(t) {
        return Ok(t);
    }
    flatten(ctx, t)
}

/// `iolist_size(IoListOrBinary)`.
pub fn iolist_size(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let n = size_of(arg(args)).ok_or_else(Exception::badarg)?;
    Ok(crate::bignum::from_i64(ctx.heap, n as i64)?)
}

/// `byte_size(Bitstring)`: bytes needed, a partial byte counting as one.
pub fn byte_size(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    match binary::bit_view(arg(args)) {
        Some((_, _, bits)) => Ok(crate::bignum::from_i64(ctx.heap, bits.div_ceil(8) as i64)?),
        None => Err(Exception::badarg()),
    }
}

/// `bit_size(Bitstring)`.
pub fn bit_size(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    match binary::bit_view(arg(args)) {
        Some((_, _, bits)) => Ok(crate::bignum::from_i64(ctx.heap, bits as i64)?),
        None => Err(Exception::badarg()),
    }
}

#[cfg(test)]
mod tests {
    use super::super::erlang_testkit::{check, Env};
    use super::*;
    use alloc::format;
    use alloc::string::String;

    /// Checked against OTP 25.
    #[rustfmt::skip]
    const CASES: &[(&str, &str, &str)] = &[
        ("binary_to_list", "[<<1, 2>>]", "[1, 2]"),
        ("binary_to_list", "[<<>>]", "[]"),
        ("binary_to_list", "[<<1, 2:3>>]", "!badarg"),
        ("binary_to_list", "[\"ab\"]", "!badarg"),
        ("list_to_binary", "[[1, [2, <<3>>], <<4>> | <<5>>]]", "<<1, 2, 3, 4, 5>>"),
        ("list_to_binary", "[[]]", "<<>>"),
        ("list_to_binary", "[[[], [[]]]]", "<<>>"),
        ("list_to_binary", "[\"abc\"]", "<<\"abc\">>"),
        ("list_to_binary", "[<<1>>]", "!badarg"),
        ("list_to_binary", "[[256]]", "!badarg"),
        ("list_to_binary", "[[-1]]", "!badarg"),
        ("list_to_binary", "[[<<1:3>>]]", "!badarg"),
        ("list_to_binary", "[[1 | 2]]", "!badarg"),
        ("list_to_binary", "[[a]]", "!badarg"),
        ("list_to_binary", "[[1.0]]", "!badarg"),
        ("iolist_to_binary", "[<<1>>]", "<<1>>"),
        ("iolist_to_binary", "[[<<1, 2>>, [3 | <<4>>]]]", "<<1, 2, 3, 4>>"),
        ("iolist_to_binary", "[<<1:3>>]", "!badarg"),
        ("iolist_to_binary", "[[<<>> | <<1:3>>]]", "!badarg"),
        ("iolist_to_binary", "[[a]]", "!badarg"),
        ("iolist_to_binary", "[a]", "!badarg"),
        ("iolist_size", "[[1, <<2, 3>> | <<4>>]]", "4"),
        ("iolist_size", "[<<1, 2>>]", "2"),
        ("iolist_size", "[[]]", "0"),
        ("iolist_size", "[[<<1:3>>]]", "!badarg"),
        ("iolist_size", "[[1 | a]]", "!badarg"),
        ("iolist_size", "[a]", "!badarg"),
        ("byte_size", "[<<1, 2:3>>]", "2"),
        ("byte_size", "[<<1, 2>>]", "2"),
        ("byte_size", "[<<>>]", "0"),
        ("byte_size", "[a]", "!badarg"),
        ("bit_size", "[<<1, 2:3>>]", "11"),
        ("bit_size", "[<<>>]", "0"),
        ("bit_size", "[a]", "!badarg"),
        ("bit_size", "[[1]]", "!badarg"),
    ];

    #[test]
    fn iolist_natives_match_otp() {
        check(BIFS, CASES);
    }

    #[test]
    fn unaligned_sub_binaries_read_bytewise() {
        let mut env = Env::new();
        let base = env.parse("<<16#0F, 16#F0, 16#AB>>");
        // Bits 4..20: 0xFF, 0x0A.
        let sub = binary::new_sub_binary(&mut env.heap, base, 4, 16).unwrap();
        let l = binary_to_list(&mut env.ctx(), &[sub]).unwrap();
        assert_eq!(env.show(l), "[255,10]");
        let list = env
            .heap
            .list_from(&[sub, Term::small(1)], Term::NIL)
            .unwrap();
        let b = list_to_binary(&mut env.ctx(), &[list]).unwrap();
        assert_eq!(env.show(b), "<<255,10,1>>");
    }

    #[test]
    fn deep_and_long_iolists() {
        let mut env = Env::new();
        let t = nest(&mut env, 50_000);
        let n = iolist_size(&mut env.ctx(), &[t]).unwrap();
        assert_eq!(n.as_small(), Some(1));
        let v: Vec<String> = (0..100_000).map(|i| format!("{}", i % 256)).collect();
        let r = env
            .call(list_to_binary, &format!("[[{}]]", v.join(",")))
            .unwrap();
        assert_eq!(binary::as_bytes(r).map(|b| b.len()), Some(100_000));
    }

    /// `[[[...[<<7>>]...]]]` nested `depth` times, built without recursion.
    fn nest(env: &mut Env, depth: usize) -> Term {
        let mut t = binary::new_heap_binary(&mut env.heap, &[7]).unwrap();
        for _ in 0..depth {
            t = env.heap.cons(t, Term::NIL).unwrap();
        }
        t
    }
}
