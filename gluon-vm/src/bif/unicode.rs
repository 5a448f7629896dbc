//! Natives of module `unicode`: `characters_to_list/1,2` and
//! `characters_to_binary/1,2,3`.
//!
//! The input is chardata: a binary in the input encoding, or a possibly
//! deep list of code points and such binaries, whose tail may be a binary.
//! Binaries are decoded as one stream, so a character may be split across
//! them. The results follow OTP to the shape of the rest:
//!
//! - `{error, Converted, Rest}`: `Rest` starts at the bad element. In the
//!   list holding it, the rest is `[Bad | Tail]` (a binary element
//!   contributes its undecodable remainder); each enclosing list wraps it
//!   as `[InnerRest | ItsTail]`. With an output encoding other than UTF-8
//!   (OTP converts those in Erlang) a bad integer is wrapped as `[Bad]`.
//! - `{incomplete, Converted, Bytes}`: the data ends inside a character.
//!   A character cut short at the end of a binary takes the bytes it
//!   lacks from the binaries that follow. If a code point follows instead,
//!   or the completed bytes are invalid, it is an error whose rest is
//!   `[Bytes, RestAtThatElement]` (`[Bytes | ...]` for non-UTF-8 outputs).
//! - `characters_to_binary([Binary])` converts as `Binary` would.
//! - `badarg` for anything that is not chardata, or unknown encodings.

use super::unicode_codec::{Decoded, Encoding};
use super::{native, BifDef, BifResult, Ctx, Exception};
use crate::binary;
use crate::term::Term;
use alloc::vec::Vec;

/// Natives of module `unicode`.
pub(crate) static BIFS: &[BifDef] = &[
    native("unicode", "characters_to_list", 1, characters_to_list),
    native("unicode", "characters_to_list", 2, characters_to_list),
    native("unicode", "characters_to_binary", 1, characters_to_binary),
    native("unicode", "characters_to_binary", 2, characters_to_binary),
    native("unicode", "characters_to_binary", 3, characters_to_binary),
];

/// Why a binary could not be decoded.
enum Bad {
    /// Pending bytes from earlier binaries and the first ones of this
    /// one make no character.
    Completion,
    /// These bytes (to the end of the binary) start with no character.
    Bytes(Vec<u8>),
}

/// How a conversion ended.
enum Outcome {
    /// All converted.
    Done,
    /// `{error, _, Rest}`.
    Error(Term),
    /// `{incomplete, _, Bytes}`.
    Incomplete(Vec<u8>),
}

/// One conversion: the code points so far and undecoded bytes carried
/// from one binary to the next.
struct Convert {
    input: Encoding,
    /// Largest code point the output can hold.
    max_out: u32,
    /// The rest shapes of OTP's Erlang conversion (non-UTF-8 output).
    erlang_shape: bool,
    chars: Vec<u32>,
    pending: Vec<u8>,
}

impl Convert {
    /// Whether integer `n` is a code point this conversion accepts.
    fn valid_int(&self, n: isize) -> bool {
        let max = if self.input == Encoding::Latin1 {
            255
        } else {
            0x10FFFF
        };
        (0..=max.min(self.max_out) as isize).contains(&n) && !(0xD800..=0xDFFF).contains(&n)
    }

    /// Bytes the character starting with the pending bytes takes.
    fn needed(&self) -> usize {
        let p = &self.pending;
        match self.input {
            Encoding::Latin1 => 1,
            Encoding::Utf8 => match p[0] {
                0xC2..=0xDF => 2,
                0xE0..=0xEF => 3,
                0xF0..=0xF4 => 4,
                _ => 1,
            },
            Encoding::Utf16 { .. } if p.len() < 2 => 2,
            Encoding::Utf16 { little } => {
                let hi = if little { p[1] } else { p[0] };
                if (0xD8..=0xDB).contains(&hi) {
                    4
                } else {
                    2
                }
            }
            Encoding::Utf32 { .. } => 4,
        }
    }

    /// Decodes the bytes of one binary. A character cut short at the end
    /// of a binary is completed from the next ones (its bytes taken as
    /// they come, then checked, as OTP does).
    fn feed(&mut self, bytes: &[u8]) -> Result<(), Bad> {
        let mut i = 0;
        if !self.pending.is_empty() {
            let before = self.pending.clone();
            while i < bytes.len() && self.pending.len() < self.needed() {
                self.pending.push(bytes[i]);
                i += 1;
            }
            if self.pending.len() < self.needed() {
                return Ok(());
            }
            match self.input.decode(&self.pending) {
                Decoded::Char(c, n) if c <= self.max_out && n == self.pending.len() => {
                    self.chars.push(c);
                    self.pending.clear();
                }
                _ => {
                    self.pending = before;
                    return Err(Bad::Completion);
                }
            }
        }
        while i < bytes.len() {
            match self.input.decode(&bytes[i..]) {
                Decoded::Char(c, n) if c <= self.max_out => {
                    self.chars.push(c);
                    i += n;
                }
                Decoded::Incomplete => {
                    self.pending = bytes[i..].to_vec();
                    return Ok(());
                }
                _ => return Err(Bad::Bytes(bytes[i..].to_vec())),
            }
        }
        Ok(())
    }

    /// The rest when the pending bytes cannot start a character with what
    /// follows at `cur`: `[Pending, RestAtCur]`.
    fn after_pending(&mut self, ctx: &mut Ctx, cur: Term, levels: &[Term]) -> BifResult {
        let bytes = core::mem::take(&mut self.pending);
        let b = binary::new_heap_binary(ctx.heap, &bytes)?;
        let at = wrap(ctx, cur, levels)?;
        if self.erlang_shape {
            return Ok(ctx.heap.cons(b, at)?);
        }
        let tail = ctx.heap.cons(at, Term::NIL)?;
        Ok(ctx.heap.cons(b, tail)?)
    }

    /// Walks chardata `root` without recursion. `levels` holds, for each
    /// list entered, the tail after the element being converted.
    fn run(&mut self, ctx: &mut Ctx, root: Term) -> Result<Outcome, Exception> {
        let mut levels: Vec<Term> = Vec::new();
        let mut cur = root;
        loop {
            if cur.is_nil() {
                match levels.pop() {
                    Some(t) => cur = t,
                    None => return self.end(ctx),
                }
                continue;
            }
            if let Some(bytes) = super::erlang_iolist::binary_bytes(cur) {
                // The whole input, or the tail of a list: its rest is bare.
                match self.feed(&bytes) {
                    Ok(()) => cur = Term::NIL,
                    Err(Bad::Completion) => {
                        return Ok(Outcome::Error(self.after_pending(ctx, cur, &levels)?))
                    }
                    Err(Bad::Bytes(rest)) => {
                        let r = binary::new_heap_binary(ctx.heap, &rest)?;
                        return Ok(Outcome::Error(wrap(ctx, r, &levels)?));
                    }
                }
                continue;
            }
            let (h, t) = cur.as_cons().ok_or_else(Exception::badarg)?;
            if h.is_integer() {
                if !self.pending.is_empty() {
                    return Ok(Outcome::Error(self.after_pending(ctx, cur, &levels)?));
                }
                match h.as_small() {
                    Some(n) if self.valid_int(n) => {
                        self.chars.push(n as u32);
                        cur = t;
                    }
                    _ => {
                        let here = if self.erlang_shape {
                            let boxed = ctx.heap.cons(h, Term::NIL)?;
                            ctx.heap.cons(boxed, t)?
                        } else {
                            cur
                        };
                        return Ok(Outcome::Error(wrap(ctx, here, &levels)?));
                    }
                }
            } else if h.is_list_or_nil() {
                levels.push(t);
                cur = h;
            } else if let Some(bytes) = super::erlang_iolist::binary_bytes(h) {
                match self.feed(&bytes) {
                    Ok(()) => cur = t,
                    Err(Bad::Completion) => {
                        return Ok(Outcome::Error(self.after_pending(ctx, cur, &levels)?))
                    }
                    Err(Bad::Bytes(rest)) => {
                        let r = binary::new_heap_binary(ctx.heap, &rest)?;
                        let here = ctx.heap.cons(r, t)?;
                        return Ok(Outcome::Error(wrap(ctx, here, &levels)?));
                    }
                }
            } else {
                return Err(Exception::badarg());
            }
        }
    }

    /// The end of the data: bytes left over are `incomplete` if they can
    /// still start a character, else an error with them as the rest.
    fn end(&mut self, ctx: &mut Ctx) -> Result<Outcome, Exception> {
        if self.pending.is_empty() {
            return Ok(Outcome::Done);
        }
        let bytes = core::mem::take(&mut self.pending);
        if self.input.decode(&bytes) == Decoded::Incomplete {
            return Ok(Outcome::Incomplete(bytes));
        }
        Ok(Outcome::Error(binary::new_heap_binary(ctx.heap, &bytes)?))
    }
}

/// The rest `inner` of the innermost list wrapped by each enclosing list
/// as `[Inner | Tail]`.
fn wrap(ctx: &mut Ctx, inner: Term, levels: &[Term]) -> Result<Term, Exception> {
    let mut r = inner;
    for &t in levels.iter().rev() {
        r = ctx.heap.cons(r, t)?;
    }
    Ok(r)
}

/// Whether `t` is chardata all through (checked first: OTP raises
/// `badarg` for a bad element even after an encoding error).
fn is_chardata(t: Term) -> bool {
    let mut stack = alloc::vec![t];
    while let Some(t) = stack.pop() {
        if t.is_nil() || super::erlang_iolist::binary_bytes(t).is_some() {
            continue;
        }
        let Some((h, tl)) = t.as_cons() else {
            return false;
        };
        stack.push(tl);
        if h.is_list_or_nil() {
            stack.push(h);
        } else if !h.is_integer() && super::erlang_iolist::binary_bytes(h).is_none() {
            return false;
        }
    }
    true
}

/// The encoding argument `i`, defaulting to UTF-8.
fn encoding(ctx: &Ctx, args: &[Term], i: usize) -> Result<Encoding, Exception> {
    match args.get(i) {
        None => Ok(Encoding::Utf8),
        Some(&t) => Encoding::from_term(t, ctx.atoms).ok_or_else(Exception::badarg),
    }
}

/// Converts `args[0]` from encoding `args[1]` (default UTF-8) for output
/// in `out`.
fn convert(ctx: &mut Ctx, args: &[Term], out: Encoding) -> Result<(Vec<u32>, Outcome), Exception> {
    let input = encoding(ctx, args, 1)?;
    if !is_chardata(args[0]) {
        return Err(Exception::badarg());
    }
    let mut c = Convert {
        input,
        max_out: out.max_char(),
        erlang_shape: out != Encoding::Utf8,
        chars: Vec::new(),
        pending: Vec::new(),
    };
    let outcome = c.run(ctx, args[0])?;
    Ok((c.chars, outcome))
}

/// `{Tag, Converted, Rest}` or `Converted` alone.
fn result(ctx: &mut Ctx, converted: Term, outcome: Outcome) -> BifResult {
    let (tag, rest) = match outcome {
        Outcome::Done => return Ok(converted),
        Outcome::Error(rest) => ("error", rest),
        Outcome::Incomplete(bytes) => ("incomplete", binary::new_heap_binary(ctx.heap, &bytes)?),
    };
    let tag = super::binary_args::atom_term(ctx, tag)?;
    Ok(ctx.heap.tuple(&[tag, converted, rest])?)
}

/// `unicode:characters_to_list(Data [, InEncoding])`.
pub fn characters_to_list(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let (chars, outcome) = convert(ctx, args, Encoding::Utf8)?;
    let mut list = Term::NIL;
    for &c in chars.iter().rev() {
        list = ctx.heap.cons(Term::small(c as isize), list)?;
    }
    result(ctx, list, outcome)
}

/// `unicode:characters_to_binary(Data [, InEncoding [, OutEncoding]])`.
pub fn characters_to_binary(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let out = encoding(ctx, args, 2)?;
    // OTP converts `[Binary]` as `Binary` (a bad rest is then bare).
    let mut args: Vec<Term> = args.to_vec();
    if let Some((h, t)) = args[0].as_cons() {
        if t.is_nil() && h.is_bitstring() {
            args[0] = h;
        }
    }
    let (chars, outcome) = convert(ctx, &args, out)?;
    let mut bytes = Vec::with_capacity(chars.len());
    for &c in &chars {
        out.encode(c, &mut bytes);
    }
    let bin = binary::new_heap_binary(ctx.heap, &bytes)?;
    result(ctx, bin, outcome)
}
