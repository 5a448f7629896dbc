//! The one-line term writer behind `~w`, `~W` and (in its `pretty` flavour)
//! the one-line form of `~p` and `~P`.
//!
//! It walks the term with an explicit work stack, so deeply nested terms
//! cannot overflow the native stack.
//!
//! Facts (checked against OTP 25):
//! - `~w` never prints lists or binaries as strings; maps are written
//!   `#{k => v,k2 => v2}` in key order (term order, as OTP 25 iterates maps
//!   of up to 32 keys);
//! - depth limits (`~W`, `~P`): depth 0 prints `...`; a tuple or list at
//!   depth 1 prints `{...}`/`[...]`; element `k` of a tuple or list gets
//!   depth `D - k`, and the rest is cut as `,...` (tuples) or `|...`
//!   (lists); binaries show `D - 1` segments; map pairs all get depth
//!   `D - 1` and `D - 1` of them are shown. `~W` prints a map at depth 1 as
//!   `#{}` and adds `,...` after the last shown pair whenever the count
//!   runs out, even if no pair is left; `~P` prints `#{...}` and does not;
//! - `~p` prints a proper list of Latin-1 printable characters as a string
//!   (`~tp` too: the default printable range is Latin-1), and at depth 2
//!   or more the whole string;
//! - `~p` prints a binary of printable bytes as `<<"...">>`; `~tp` judges a
//!   binary that is valid UTF-8 by its characters alone (`<<"é"/utf8>>`
//!   when they are printable and not all ASCII, else segments) and any
//!   other binary by its bytes; under a depth limit `D` only the first
//!   `4 * (D - 1)` characters are looked at: a printable view shows them
//!   followed by `...` when more follow, and a printable prefix of at least
//!   `D - 1` characters is shown the same way;
//! - the `l` modifier turns string detection off for lists and binaries.

use super::atom::{is_bare_name, is_printable_latin1, write_atom, write_quoted};
use super::float::write_float;
use super::integer::integer_digits;
use crate::binary::bit_view;
use crate::term::{AtomTable, ListIter, Term};
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

/// Options of [`write_term`].
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct WriteOpts {
    /// Depth limit (`~W`, `~P`); `None` for no limit.
    pub depth: Option<usize>,
    /// The `t` modifier: atoms with characters above 255 are written as
    /// they are instead of with `\x{...}` escapes, and `~p` recognizes
    /// UTF-8 binaries.
    pub unicode: bool,
    /// `~p` flavour: printable lists and binaries are written as strings.
    pub pretty: bool,
    /// The `l` modifier: no string detection even in the `~p` flavour.
    pub no_strings: bool,
}

impl WriteOpts {
    /// The options of plain `~w`.
    pub const fn plain() -> WriteOpts {
        WriteOpts {
            depth: None,
            unicode: false,
            pretty: false,
            no_strings: false,
        }
    }

    /// Whether lists and binaries may be written as strings.
    pub(super) fn strings(&self) -> bool {
        self.pretty && !self.no_strings
    }
}

/// Internal depth: `UNLIMITED` never counts down to 1 in practice.
pub(super) const UNLIMITED: usize = usize::MAX;

/// The internal depth for a [`WriteOpts::depth`].
pub(super) fn start_depth(depth: Option<usize>) -> usize {
    depth.unwrap_or(UNLIMITED)
}

/// Writes `t` on one line, as `io_lib:write/2` (or, with
/// [`WriteOpts::pretty`], as `~p` does when the term fits on the line).
pub fn write_term(out: &mut String, t: Term, atoms: &AtomTable, opts: WriteOpts) {
    let mut w = Writer {
        out,
        atoms,
        opts,
        jobs: Vec::new(),
    };
    w.jobs.push(Job::Term(t, start_depth(opts.depth)));
    while let Some(job) = w.jobs.pop() {
        w.run(job);
    }
}

/// Pending work, popped last-in first-out.
enum Job {
    /// A term at a depth.
    Term(Term, usize),
    /// Fixed text.
    Text(&'static str),
    /// What follows a list element: the rest of the list.
    ListTail(Term, usize),
    /// The tuple elements not written yet.
    Tuple(&'static [Term], usize),
    /// The map pairs not written yet, how many more may be shown, and the
    /// depth of every key and value.
    Map(crate::map::Body, usize, usize, usize),
}

struct Writer<'a, 'b> {
    out: &'a mut String,
    atoms: &'b AtomTable,
    opts: WriteOpts,
    jobs: Vec<Job>,
}

impl Writer<'_, '_> {
    fn run(&mut self, job: Job) {
        match job {
            Job::Text(s) => self.out.push_str(s),
            Job::Term(t, d) => self.term(t, d),
            Job::ListTail(t, d) => {
                if t.is_nil() {
                    self.out.push(']');
                } else if d == 1 {
                    self.out.push_str("|...]");
                } else if let Some((h, tail)) = t.as_cons() {
                    self.out.push(',');
                    self.jobs.push(Job::ListTail(tail, d - 1));
                    self.jobs.push(Job::Term(h, d - 1));
                } else {
                    self.out.push('|');
                    self.jobs.push(Job::Text("]"));
                    self.jobs.push(Job::Term(t, d - 1));
                }
            }
            Job::Tuple(rest, d) => match rest.split_first() {
                None => self.out.push('}'),
                Some(_) if d == 1 => self.out.push_str(",...}"),
                Some((&e, more)) => {
                    self.out.push(',');
                    self.jobs.push(Job::Tuple(more, d - 1));
                    self.jobs.push(Job::Term(e, d - 1));
                }
            },
            Job::Map(body, at, count, d0) => {
                let rest = &body.words()[at..];
                // `~W` checks the count before the end; `~P` the other way.
                if rest.is_empty() && (self.opts.pretty || count != 1) {
                    self.out.push('}');
                } else if count == 1 {
                    self.out.push_str(",...}");
                } else {
                    let (k, v) = (rest[0], rest[1]);
                    self.out.push(',');
                    self.jobs.push(Job::Map(body, at + 2, count - 1, d0));
                    self.pair(k, v, d0);
                }
            }
        }
    }

    fn pair(&mut self, k: Term, v: Term, d: usize) {
        self.jobs.push(Job::Term(v, d));
        self.jobs.push(Job::Text(" => "));
        self.jobs.push(Job::Term(k, d));
    }

    fn term(&mut self, t: Term, d: usize) {
        if d == 0 {
            self.out.push_str("...");
        } else if write_atomic(self.out, t, self.atoms, self.opts) {
            // Written.
        } else if t.is_nil() {
            self.out.push_str("[]");
        } else if let Some((h, tail)) = t.as_cons() {
            if d == 1 {
                self.out.push_str("[...]");
            } else if self.opts.strings() && is_printable_list(t) {
                write_string(self.out, t, self.opts.unicode);
            } else {
                self.out.push('[');
                self.jobs.push(Job::ListTail(tail, d - 1));
                self.jobs.push(Job::Term(h, d - 1));
            }
        } else if let Some(elems) = t.as_tuple() {
            match elems.split_first() {
                None => self.out.push_str("{}"),
                Some(_) if d == 1 => self.out.push_str("{...}"),
                Some((&e, rest)) => {
                    self.out.push('{');
                    self.jobs.push(Job::Tuple(rest, d - 1));
                    self.jobs.push(Job::Term(e, d - 1));
                }
            }
        } else if let Some(body) = crate::map::body(t, self.atoms) {
            let words = body.words();
            if words.is_empty() {
                self.out.push_str("#{}");
            } else if d == 1 {
                self.out
                    .push_str(if self.opts.pretty { "#{...}" } else { "#{}" });
            } else {
                let (k, v) = (words[0], words[1]);
                self.out.push_str("#{");
                self.jobs.push(Job::Map(body, 2, d - 1, d - 1));
                self.pair(k, v, d - 1);
            }
        } else if bit_view(t).is_some() {
            write_bitstring(self.out, t, d, self.opts);
        } else {
            // Not a value Erlang code can hold (e.g. a match context).
            let _ = write!(self.out, "#Term<{:#x}>", t.raw());
        }
    }
}

/// Writes a term that has no subterms to walk (numbers, atoms, pids,
/// ports, references, funs); returns `false` for other terms.
pub(super) fn write_atomic(out: &mut String, t: Term, atoms: &AtomTable, opts: WriteOpts) -> bool {
    if let Some(n) = t.as_small() {
        let _ = write!(out, "{n}");
    } else if let Some(a) = t.as_atom() {
        write_atom(out, atoms.name(a), opts.unicode);
    } else if t.is_pid() {
        let n = t.pid_index() as u64;
        let _ = write!(out, "<0.{}.{}>", n & 0xffff_ffff, n >> 32);
    } else if t.is_port() {
        let _ = write!(out, "#Port<0.{}>", t.port_index());
    } else if let Some(f) = t.as_float() {
        write_float(out, f);
    } else if let Some(id) = t.as_reference() {
        // The id words as the ETF layer lays them out: 18, 32 and 14 bits.
        let _ = write!(
            out,
            "#Ref<0.{}.{}.{}>",
            id >> 50,
            (id >> 18) & 0xffff_ffff,
            id & 0x3_ffff
        );
    } else if let Some((def, _)) = crate::fun::as_closure(t) {
        out.push_str("#Fun<");
        write_runtime_atom(out, atoms.name(def.module), opts.unicode);
        let _ = write!(out, ".{}.{}>", def.index, def.old_uniq);
    } else if let Some(e) = crate::fun::as_export(t) {
        out.push_str("fun ");
        write_runtime_atom(out, atoms.name(e.module), opts.unicode);
        out.push(':');
        write_runtime_atom(out, atoms.name(e.function), opts.unicode);
        let _ = write!(out, "/{}", e.arity);
    } else if let Some((neg, digits)) = integer_digits(t, 10, false) {
        if neg {
            out.push('-');
        }
        out.push_str(&digits);
    } else {
        return false;
    }
    true
}

/// Atoms inside funs are quoted by the runtime's rule, which has no
/// reserved words (`fun 'Mod':and/3`).
fn write_runtime_atom(out: &mut String, name: &str, unicode: bool) {
    if is_bare_name(name) {
        out.push_str(name);
    } else {
        write_quoted(out, name.chars(), '\'', unicode);
    }
}

/// Whether `t` is a non-empty proper list of printable characters.
/// Whether `t` is a list of printable Latin-1 characters (`~p` shows it
/// as a string).
pub fn is_printable_list(t: Term) -> bool {
    let mut it = ListIter::new(t);
    let all = it.by_ref().all(|c| {
        c.as_small()
            .is_some_and(|n| n >= 0 && is_printable_latin1(n as u32))
    });
    all && it.tail().is_nil()
}

/// Writes a printable list as a string literal.
pub fn write_string(out: &mut String, t: Term, unicode: bool) {
    let chars = ListIter::new(t).filter_map(|c| char::from_u32(c.as_small().unwrap_or(0) as u32));
    write_quoted(out, chars, '"', unicode);
}

/// How the `~p` flavour shows a binary.
pub(super) enum BinText {
    /// As a string: its characters, whether it is `/utf8`, and whether it
    /// is cut short (`...`).
    Str(Vec<char>, bool, bool),
    /// As segments.
    Segments,
}

/// Decides how `~p`/`~P` show the byte-aligned, non-empty binary `bytes`
/// at depth `d` (2 or more).
///
/// Under a depth limit only the first `4 * (d - 1)` characters are looked
/// at. With `t`, a binary that decodes as UTF-8 (as far as looked at) is
/// judged by its characters alone; otherwise by its bytes as Latin-1.
pub(super) fn binary_text(bytes: &[u8], d: usize, unicode: bool) -> BinText {
    let limited = d != UNLIMITED;
    let budget = if limited {
        4usize.saturating_mul(d - 1)
    } else {
        usize::MAX
    };
    if unicode {
        if let Some((chars, complete)) = utf8_prefix(bytes, budget) {
            return judge(chars, complete, true, d, limited);
        }
    }
    let n = bytes.len().min(budget);
    let chars = bytes[..n].iter().map(|&b| b as char).collect();
    judge(chars, n == bytes.len(), false, d, limited)
}

/// Up to `budget` characters decoded from the start of `bytes`, and whether
/// that is all of them; `None` if invalid UTF-8 comes first.
fn utf8_prefix(bytes: &[u8], budget: usize) -> Option<(Vec<char>, bool)> {
    let valid = match core::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => core::str::from_utf8(&bytes[..e.valid_up_to()]).ok()?,
    };
    let chars: Vec<char> = valid.chars().take(budget).collect();
    let used: usize = chars.iter().map(|c| c.len_utf8()).sum();
    if chars.len() < budget && used < bytes.len() {
        return None;
    }
    Some((chars, used == bytes.len()))
}

/// String or segments, by the printable characters looked at: all of
/// them, or (under a depth limit) a printable prefix of at least `d - 1`.
/// Decoded UTF-8 is marked `/utf8` if what is shown is not all ASCII.
fn judge(mut chars: Vec<char>, complete: bool, decoded: bool, d: usize, limited: bool) -> BinText {
    let more = match chars.iter().position(|&c| !is_printable_latin1(c as u32)) {
        None => !complete,
        Some(p) if limited && p > 0 && p >= d - 1 => {
            chars.truncate(p);
            true
        }
        Some(_) => return BinText::Segments,
    };
    let utf8 = decoded && !chars.iter().all(char::is_ascii);
    BinText::Str(chars, utf8, more)
}

/// Writes a bitstring at depth `d` (at least 1).
fn write_bitstring(out: &mut String, t: Term, d: usize, opts: WriteOpts) {
    let Some((bytes, off, bits)) = bit_view(t) else {
        return;
    };
    if bits == 0 {
        out.push_str("<<>>");
        return;
    }
    if d == 1 {
        out.push_str("<<...>>");
        return;
    }
    let whole = crate::binary::binary_bytes(t);
    if let Some(b) = whole.filter(|_| opts.strings()) {
        if let BinText::Str(chars, utf8, more) = binary_text(&b, d, opts.unicode) {
            out.push_str("<<");
            write_quoted(out, chars.into_iter(), '"', opts.unicode);
            if utf8 {
                out.push_str("/utf8");
            }
            if more {
                out.push_str("...");
            }
            out.push_str(">>");
            return;
        }
    }
    write_segments(out, bytes, off, bits, d);
}

/// The value of `n` bits (at most 8) starting `pos` bits into `bytes`.
pub(super) fn bits_at(bytes: &[u8], pos: usize, n: usize) -> u8 {
    (0..n).fold(0u8, |acc, i| {
        (acc << 1) | crate::binary::bit_at(bytes, pos + i)
    })
}

/// Writes `<<1,2,3:4>>`, showing at most `d - 1` segments.
pub(super) fn write_segments(out: &mut String, bytes: &[u8], off: usize, bits: usize, d: usize) {
    let whole = bits / 8;
    let rest = bits % 8;
    let count = whole + usize::from(rest != 0);
    let shown = count.min(d - 1);
    out.push_str("<<");
    for i in 0..shown {
        if i > 0 {
            out.push(',');
        }
        if i < whole {
            let _ = write!(out, "{}", bits_at(bytes, off + 8 * i, 8));
        } else {
            let _ = write!(out, "{}:{}", bits_at(bytes, off + 8 * i, rest), rest);
        }
    }
    if shown < count {
        out.push_str(if shown > 0 { ",..." } else { "..." });
    }
    out.push_str(">>");
}
