//! `~p`/`~P` line breaking: the layout of OTP 25's `io_lib_pretty` for
//! terms longer than the line, reimplemented from observed behaviour.
//!
//! A term that fits (`length < line_length - column`) is written on one
//! line by [`write_term`]. Otherwise it is turned into a tree of nodes that
//! know their one-line length, and laid out:
//! - lists, tuples and maps put their first element after the bracket and
//!   every other one either on the same line, when it is *atomic* (atoms,
//!   numbers, strings, binary strings, pids...; map pairs when key and
//!   value are) and fits with its comma, or on a new line aligned with the
//!   first element. A non-atomic element always ends its line;
//! - a tuple whose first element is an atom (a *tagged* tuple) keeps the
//!   second element on the tag's line and aligns the others with it. If
//!   some tagged tuple of the term would then start its elements at or past
//!   half the line, all long tags (three characters or more) indent their
//!   elements by 4 instead;
//! - a map pair that does not fit is written `Key =>` with the value on the
//!   next line, 4 columns further in;
//! - a binary that is not a string is broken between segments;
//! - strings and atoms are never broken.
//!
//! Nesting beyond [`MAX_NEST`] levels is written on one line, so that the
//! layout's recursion stays bounded on small stacks.

use super::write::{
    binary_text, start_depth, write_atomic, write_segments, write_term, BinText, WriteOpts,
};
use crate::binary::bit_view;
use crate::term::{AtomTable, Term};
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

/// Nesting depth beyond which subterms are laid out on one line.
pub const MAX_NEST: usize = 200;

/// Writes `t` as `~p` does when it starts at 1-based column `col` of a line
/// of `line_length` characters (0: unlimited).
pub fn print(
    out: &mut String,
    t: Term,
    atoms: &AtomTable,
    col: usize,
    line_length: usize,
    opts: WriteOpts,
) {
    let opts = WriteOpts {
        pretty: true,
        ..opts
    };
    let mut one_line = String::new();
    write_term(&mut one_line, t, atoms, opts);
    let len = one_line.chars().count() as isize;
    let (col, ll) = (col.max(1) as isize, line_length as isize);
    if line_length == 0 || len < ll - col || !is_breakable(t) {
        out.push_str(&one_line);
        return;
    }
    let node = Builder { atoms, opts }.build(t, start_depth(opts.depth), 0);
    let tind = [-1, 4]
        .into_iter()
        .find(|&tind| Checker { ll, tind }.node(&node, col, 0).is_ok())
        .unwrap_or(1);
    Layout { out, ll, tind }.pp(&node, col, (col - 1) as usize, 0);
}

/// Terms whose layout can differ from their one-line form.
fn is_breakable(t: Term) -> bool {
    t.is_list() || t.is_tuple() || t.is_map() || t.is_bitstring()
}

/// A subterm with its one-line length in characters.
struct Node {
    len: isize,
    kind: Kind,
}

enum Kind {
    /// Text that is never broken and counts as atomic.
    Leaf(String),
    /// A binary written as segments, which may be broken between them.
    Bin(String),
    /// A list: elements and what ends it.
    List(Vec<Node>, Tail),
    /// A tuple; `true` if tagged (an atom first, more elements after).
    Tuple(Vec<Node>, bool),
    /// A map: [`Kind::Pair`] nodes, possibly ending with a `...` leaf.
    Map(Vec<Node>),
    /// `Key => Value`.
    Pair(Box<Node>, Box<Node>),
}

enum Tail {
    Nil,
    /// `|...`: cut by the depth limit.
    Dots,
    /// `|Tail` of an improper list.
    Improper(Box<Node>),
}

fn leaf(text: String) -> Node {
    Node {
        len: text.chars().count() as isize,
        kind: Kind::Leaf(text),
    }
}

fn dots() -> Node {
    leaf(String::from("..."))
}

impl Node {
    fn is_atomic(&self) -> bool {
        match &self.kind {
            Kind::Leaf(_) => true,
            Kind::Pair(k, v) => k.is_atomic() && v.is_atomic(),
            _ => false,
        }
    }

    /// Writes the node on one line.
    fn write(&self, out: &mut String) {
        match &self.kind {
            Kind::Leaf(s) | Kind::Bin(s) => out.push_str(s),
            Kind::List(elems, tail) => {
                out.push('[');
                write_joined(out, elems);
                match tail {
                    Tail::Nil => {}
                    Tail::Dots => out.push_str("|..."),
                    Tail::Improper(t) => {
                        out.push('|');
                        t.write(out);
                    }
                }
                out.push(']');
            }
            Kind::Tuple(elems, _) => {
                out.push('{');
                write_joined(out, elems);
                out.push('}');
            }
            Kind::Map(pairs) => {
                out.push_str("#{");
                write_joined(out, pairs);
                out.push('}');
            }
            Kind::Pair(k, v) => {
                k.write(out);
                out.push_str(" => ");
                v.write(out);
            }
        }
    }
}

fn write_joined(out: &mut String, nodes: &[Node]) {
    for (i, n) in nodes.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        n.write(out);
    }
}

/// The one-line length of brackets around comma-separated nodes.
fn joined_len(brackets: isize, nodes: &[Node]) -> isize {
    brackets + nodes.iter().map(|n| n.len).sum::<isize>() + (nodes.len() as isize - 1).max(0)
}

/// Builds the node tree, with the depth rules of [`write_term`].
struct Builder<'a> {
    atoms: &'a AtomTable,
    opts: WriteOpts,
}

impl Builder<'_> {
    fn one_line(&self, t: Term, d: usize) -> Node {
        let mut s = String::new();
        write_term(
            &mut s,
            t,
            self.atoms,
            WriteOpts {
                depth: Some(d),
                ..self.opts
            },
        );
        leaf(s)
    }

    fn build(&self, t: Term, d: usize, nest: usize) -> Node {
        if d == 0 {
            return dots();
        }
        let mut s = String::new();
        if write_atomic(&mut s, t, self.atoms, self.opts) {
            return leaf(s);
        }
        if nest >= MAX_NEST {
            return self.one_line(t, d);
        }
        if let Some(elems) = t.as_tuple() {
            return self.tuple(elems, d, nest);
        }
        if let Some(body) = crate::map::as_flat(t) {
            return self.map(body, d, nest);
        }
        if let Some((h, tail)) = t.as_cons() {
            if d == 1 || (self.opts.strings() && super::write::is_printable_list(t)) {
                return self.one_line(t, d);
            }
            return self.list(h, tail, d, nest);
        }
        if let Some((bytes, off, bits)) = bit_view(t) {
            return self.bitstring(t, bytes, off, bits, d);
        }
        self.one_line(t, d)
    }

    fn list(&self, h: Term, mut rest: Term, d: usize, nest: usize) -> Node {
        let mut elems = alloc::vec![self.build(h, d - 1, nest + 1)];
        let mut d = d - 1;
        let tail = loop {
            if rest.is_nil() {
                break Tail::Nil;
            }
            if d == 1 {
                break Tail::Dots;
            }
            match rest.as_cons() {
                Some((h, t)) => {
                    elems.push(self.build(h, d - 1, nest + 1));
                    rest = t;
                    d -= 1;
                }
                None => break Tail::Improper(Box::new(self.build(rest, d - 1, nest + 1))),
            }
        };
        let tail_len = match &tail {
            Tail::Nil => 0,
            Tail::Dots => 4,
            Tail::Improper(t) => 1 + t.len,
        };
        Node {
            len: joined_len(2, &elems) + tail_len,
            kind: Kind::List(elems, tail),
        }
    }

    fn tuple(&self, elems: &[Term], d: usize, nest: usize) -> Node {
        if elems.is_empty() || d == 1 {
            return leaf(String::from(if elems.is_empty() { "{}" } else { "{...}" }));
        }
        let mut nodes = Vec::with_capacity(elems.len().min(d));
        let mut d = d;
        for (i, &e) in elems.iter().enumerate() {
            if i > 0 && d == 1 {
                nodes.push(dots());
                break;
            }
            nodes.push(self.build(e, d - 1, nest + 1));
            d -= 1;
        }
        let tagged = elems.len() > 1 && elems[0].is_atom();
        Node {
            len: joined_len(2, &nodes),
            kind: Kind::Tuple(nodes, tagged),
        }
    }

    fn map(&self, body: &[Term], d: usize, nest: usize) -> Node {
        if body.is_empty() {
            return leaf(String::from("#{}"));
        }
        if d == 1 {
            return leaf(String::from("#{...}"));
        }
        let d0 = d - 1;
        let mut pairs = Vec::new();
        let mut count = d0;
        for (i, kv) in body.chunks_exact(2).enumerate() {
            if i > 0 && count == 1 {
                pairs.push(dots());
                break;
            }
            if i > 0 {
                count -= 1;
            }
            let k = self.build(kv[0], d0, nest + 1);
            let v = self.build(kv[1], d0, nest + 1);
            pairs.push(Node {
                len: k.len + 4 + v.len,
                kind: Kind::Pair(Box::new(k), Box::new(v)),
            });
        }
        Node {
            len: joined_len(3, &pairs),
            kind: Kind::Map(pairs),
        }
    }

    fn bitstring(&self, t: Term, bytes: &[u8], off: usize, bits: usize, d: usize) -> Node {
        let aligned = bits > 0 && off % 8 == 0 && bits % 8 == 0;
        if bits == 0 || d == 1 {
            return self.one_line(t, d);
        }
        if aligned && self.opts.strings() {
            let b = &bytes[off / 8..off / 8 + bits / 8];
            if let BinText::Str(..) = binary_text(b, d, self.opts.unicode) {
                return self.one_line(t, d);
            }
        }
        let mut s = String::new();
        write_segments(&mut s, bytes, off, bits, d);
        Node {
            len: s.chars().count() as isize,
            kind: Kind::Bin(s),
        }
    }
}

/// `last_depth`: closing brackets that follow an element on its line.
fn last_depth(is_last: bool, ld: isize) -> isize {
    if is_last {
        ld + 1
    } else {
        0
    }
}

/// Whether `n` fits at `col` followed by `ld` closing characters.
fn fits(n: &Node, col: isize, ll: isize, ld: isize) -> bool {
    n.len < ll - col - ld
}

/// Whether an atomic element fits after a comma on the current line.
fn fits_after(n: &Node, col: isize, ll: isize, ld1: isize) -> bool {
    let elen = 1 + n.len;
    n.is_atomic()
        && if ld1 == 0 {
            elen + 1 < ll - col
        } else {
            elen < ll - col - ld1
        }
}

/// Value indentation of a broken map pair.
const PAIR_INDENT: isize = 4;

/// The layout writer. `ind` is the indentation (in spaces) of new lines
/// inside the node being written.
struct Layout<'a> {
    out: &'a mut String,
    ll: isize,
    /// Tag indentation: -1 (after the tag), or the indentation of long tags.
    tind: isize,
}

impl Layout<'_> {
    fn newline(&mut self, ind: usize) {
        self.out.push('\n');
        self.out.extend(core::iter::repeat(' ').take(ind));
    }

    fn pp(&mut self, n: &Node, col: isize, ind: usize, ld: isize) {
        if fits(n, col, self.ll, ld) {
            n.write(self.out);
            return;
        }
        match &n.kind {
            Kind::List(elems, tail) => {
                self.out.push('[');
                self.list(elems, tail, col + 1, ind + 1, ld);
                self.out.push(']');
            }
            Kind::Tuple(elems, true) => {
                self.out.push('{');
                self.tag_tuple(elems, col, ind, ld);
                self.out.push('}');
            }
            Kind::Tuple(elems, false) => {
                self.out.push('{');
                self.list(elems, &Tail::Nil, col + 1, ind + 1, ld);
                self.out.push('}');
            }
            Kind::Map(pairs) => {
                self.out.push_str("#{");
                self.map(pairs, col + 2, ind + 2, ld);
                self.out.push('}');
            }
            Kind::Bin(s) => self.binary(s, col + 2, ind + 2, ld),
            Kind::Leaf(_) | Kind::Pair(..) => n.write(self.out),
        }
    }

    /// Writes an element at `col`; returns its width, or the line length
    /// when the next element must start a new line.
    fn element(&mut self, n: &Node, col: isize, ind: usize, ld: isize) -> isize {
        if fits(n, col, self.ll, ld) && n.is_atomic() {
            n.write(self.out);
            n.len
        } else {
            self.pp(n, col, ind, ld);
            self.ll
        }
    }

    fn list(&mut self, elems: &[Node], tail: &Tail, col0: isize, ind: usize, ld: isize) {
        let Some((first, rest)) = elems.split_first() else {
            return;
        };
        let w = self.element(first, col0, ind, last_depth(rest.is_empty(), ld));
        self.tail(rest, tail, col0, col0 + w, ind, ld);
    }

    fn tail(
        &mut self,
        elems: &[Node],
        tail: &Tail,
        col0: isize,
        mut col: isize,
        ind: usize,
        ld: isize,
    ) {
        for (i, e) in elems.iter().enumerate() {
            let ld1 = last_depth(i + 1 == elems.len(), ld);
            self.out.push(',');
            if fits_after(e, col, self.ll, ld1) {
                e.write(self.out);
                col += 1 + e.len;
            } else {
                self.newline(ind);
                col = col0 + self.element(e, col0, ind, ld1);
            }
        }
        match tail {
            Tail::Nil => {}
            Tail::Dots => self.out.push_str("|..."),
            Tail::Improper(t) => {
                self.out.push('|');
                if t.len + 1 < self.ll - col - (ld + 1) {
                    t.write(self.out);
                } else {
                    self.newline(ind);
                    self.pp(t, col0, ind, ld + 1);
                }
            }
        }
    }

    fn tag_tuple(&mut self, elems: &[Node], col: isize, ind: usize, ld: isize) {
        let (tag, rest) = elems.split_first().expect("tagged tuples have elements");
        let tag_ind = tag.len + 2;
        let tcol = col + tag_ind;
        tag.write(self.out);
        if self.tind > 0 && tag_ind > self.tind {
            // Even the first element after a long tag may start a new line.
            self.tail(
                rest,
                &Tail::Nil,
                col + self.tind,
                tcol,
                ind + self.tind as usize,
                ld,
            );
        } else {
            self.out.push(',');
            self.list(rest, &Tail::Nil, tcol, ind + tag_ind as usize, ld);
        }
    }

    fn map(&mut self, pairs: &[Node], col0: isize, ind: usize, ld: isize) {
        let Some((first, rest)) = pairs.split_first() else {
            return;
        };
        let mut col = col0 + self.pair(first, col0, ind, last_depth(rest.is_empty(), ld));
        for (i, p) in rest.iter().enumerate() {
            let ld1 = last_depth(i + 1 == rest.len(), ld);
            self.out.push(',');
            if matches!(p.kind, Kind::Leaf(_)) {
                // The `...` of a depth limit.
                p.write(self.out);
            } else if fits_after(p, col, self.ll, ld1) {
                p.write(self.out);
                col += 1 + p.len;
            } else {
                self.newline(ind);
                col = col0 + self.pair(p, col0, ind, ld1);
            }
        }
    }

    fn pair(&mut self, p: &Node, col: isize, ind: usize, ld: isize) -> isize {
        if fits(p, col, self.ll, ld) {
            p.write(self.out);
            return if p.is_atomic() { p.len } else { self.ll };
        }
        if let Kind::Pair(k, v) = &p.kind {
            self.pp(k, col, ind, ld);
            self.out.push_str(" =>");
            let vind = ind + PAIR_INDENT as usize;
            self.newline(vind);
            self.pp(v, col + PAIR_INDENT, vind, ld);
        } else {
            p.write(self.out);
        }
        self.ll
    }

    /// `<<1,2,3>>` broken between segments; `col` is past the `<<`.
    fn binary(&mut self, s: &str, col: isize, ind: usize, ld: isize) {
        let inner = &s[2..s.len() - 2];
        let width = (self.ll - col - ld).max(8);
        let mut room = width;
        self.out.push_str("<<");
        let segs: Vec<&str> = inner.split(',').collect();
        for (i, seg) in segs.iter().enumerate() {
            let len = seg.len() as isize;
            if i + 1 < segs.len() {
                if room - (len + 1) < 0 {
                    self.newline(ind);
                    room = width - (len + 1);
                } else {
                    room -= len + 1;
                }
                self.out.push_str(seg);
                self.out.push(',');
            } else {
                if len > room {
                    self.newline(ind);
                }
                self.out.push_str(seg);
            }
        }
        self.out.push_str(">>");
    }
}

/// Checks whether a tag indentation keeps every tagged tuple's elements
/// before the middle of the line (OTP's `cind`).
struct Checker {
    ll: isize,
    tind: isize,
}

struct NoGood;

impl Checker {
    fn node(&self, n: &Node, col: isize, ld: isize) -> Result<(), NoGood> {
        if fits(n, col, self.ll, ld) {
            return Ok(());
        }
        match &n.kind {
            Kind::List(elems, tail) => self.list(elems, tail, col + 1, ld),
            Kind::Tuple(elems, true) => self.tag_tuple(elems, col, ld),
            Kind::Tuple(elems, false) => self.list(elems, &Tail::Nil, col + 1, ld),
            Kind::Map(pairs) => self.map(pairs, col + 2, ld),
            _ => Ok(()),
        }
    }

    fn element(&self, n: &Node, col: isize, ld: isize) -> Result<isize, NoGood> {
        if fits(n, col, self.ll, ld) && n.is_atomic() {
            Ok(n.len)
        } else {
            self.node(n, col, ld)?;
            Ok(self.ll)
        }
    }

    fn list(&self, elems: &[Node], tail: &Tail, col0: isize, ld: isize) -> Result<(), NoGood> {
        let Some((first, rest)) = elems.split_first() else {
            return Ok(());
        };
        let w = self.element(first, col0, last_depth(rest.is_empty(), ld))?;
        self.tail(rest, tail, col0, col0 + w, ld)
    }

    fn tail(
        &self,
        elems: &[Node],
        tail: &Tail,
        col0: isize,
        mut col: isize,
        ld: isize,
    ) -> Result<(), NoGood> {
        for (i, e) in elems.iter().enumerate() {
            let ld1 = last_depth(i + 1 == elems.len(), ld);
            if fits_after(e, col, self.ll, ld1) {
                col += 1 + e.len;
            } else {
                col = col0 + self.element(e, col0, ld1)?;
            }
        }
        if let Tail::Improper(t) = tail {
            if t.len + 1 >= self.ll - col - (ld + 1) {
                self.node(t, col0, ld + 1)?;
            }
        }
        Ok(())
    }

    fn tag_tuple(&self, elems: &[Node], col: isize, ld: isize) -> Result<(), NoGood> {
        let (tag, rest) = elems.split_first().ok_or(NoGood)?;
        let tag_ind = tag.len + 2;
        let tcol = col + tag_ind;
        if self.tind > 0 && tag_ind > self.tind {
            let col1 = col + self.tind;
            if col1 > self.ll / 2 {
                return Err(NoGood);
            }
            self.tail(rest, &Tail::Nil, col1, tcol, ld)
        } else if tcol < self.ll / 2 {
            self.list(rest, &Tail::Nil, tcol, ld)
        } else {
            Err(NoGood)
        }
    }

    fn map(&self, pairs: &[Node], col0: isize, ld: isize) -> Result<(), NoGood> {
        let Some((first, rest)) = pairs.split_first() else {
            return Ok(());
        };
        let mut col = col0 + self.pair(first, col0, last_depth(rest.is_empty(), ld))?;
        for (i, p) in rest.iter().enumerate() {
            let ld1 = last_depth(i + 1 == rest.len(), ld);
            if matches!(p.kind, Kind::Leaf(_)) {
                continue;
            }
            if fits_after(p, col, self.ll, ld1) {
                col += 1 + p.len;
            } else {
                col = col0 + self.pair(p, col0, ld1)?;
            }
        }
        Ok(())
    }

    fn pair(&self, p: &Node, col: isize, ld: isize) -> Result<isize, NoGood> {
        if fits(p, col, self.ll, ld) {
            return Ok(if p.is_atomic() { p.len } else { self.ll });
        }
        if let Kind::Pair(k, v) = &p.kind {
            self.node(k, col, ld)?;
            self.node(v, col + PAIR_INDENT, ld)?;
        }
        Ok(self.ll)
    }
}
