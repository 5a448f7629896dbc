//! Laying out a node tree over several lines (rules in `pretty.rs`), with
//! an explicit task stack instead of recursion.
//!
//! The same walk serves OTP's tag-indentation check (`cind`): without an
//! output it writes nothing and fails as soon as a tagged tuple would start
//! its elements past the middle of the line.
//!
//! Columns are 1-based; `ld` counts the closing brackets that follow a
//! node on its last line; `ind` is the indentation of new lines inside the
//! node being written. An element's width is known before it is written (a
//! non-atomic element always ends its line), so no task returns a value.

use super::node::{Kids, Kind, Tail, Tree};
use super::write::write_segments;
use crate::binary::bit_view;
use crate::term::AtomTable;
use alloc::string::String;
use alloc::vec::Vec;

/// `last_depth`: the closing brackets that follow an element on its line.
fn last_depth(is_last: bool, ld: isize) -> isize {
    if is_last {
        ld + 1
    } else {
        0
    }
}

/// A tag indentation that does not work out.
pub(super) struct NoGood;

/// The elements of a list or tuple still to write.
#[derive(Copy, Clone)]
struct Seq {
    kids: Kids,
    tail: Tail,
    /// Precedes the depth limit's dots: `|` in lists, `,` in tuples.
    sep: char,
    /// The column of the first element, where new lines start.
    col0: isize,
    /// The column after the previous element.
    col: isize,
    ind: usize,
    ld: isize,
    /// The next element is the first: no comma before it.
    first: bool,
}

/// Pending work, popped last-in first-out.
enum Task {
    /// A node at a column.
    Pp {
        n: usize,
        col: isize,
        ind: usize,
        ld: isize,
    },
    /// The rest of a list or tuple.
    Seq(Seq),
    /// The rest of a map (pairs, with `sep` unused).
    Map(Seq, bool),
    /// Fixed text.
    Text(&'static str),
    /// ` =>`, then a new line indented by this much.
    Arrow(usize),
}

/// Walks a tree, writing to `out` (or only checking, if `None`).
pub(super) struct Engine<'a> {
    pub tree: &'a Tree,
    pub atoms: &'a AtomTable,
    pub out: Option<&'a mut String>,
    pub ll: isize,
    /// Tag indentation: -1 keeps elements after a tuple's tag; a positive
    /// value indents them by that much for longer tags.
    pub tind: isize,
}

impl Engine<'_> {
    /// Lays out node `root` starting at column `col`.
    pub(super) fn run(&mut self, root: usize, col: isize) -> Result<(), NoGood> {
        let mut tasks = alloc::vec![Task::Pp {
            n: root,
            col,
            ind: (col - 1).max(0) as usize,
            ld: 0
        }];
        while let Some(task) = tasks.pop() {
            match task {
                Task::Pp { n, col, ind, ld } => self.pp(n, col, ind, ld, &mut tasks)?,
                Task::Seq(s) => self.seq(s, &mut tasks),
                Task::Map(s, dots) => self.map(s, dots, &mut tasks),
                Task::Text(s) => self.put(s),
                Task::Arrow(ind) => {
                    self.put(" =>");
                    self.newline(ind);
                }
            }
        }
        Ok(())
    }

    fn put(&mut self, s: &str) {
        if let Some(out) = self.out.as_deref_mut() {
            out.push_str(s);
        }
    }

    fn put_node(&mut self, n: usize) {
        if let Some(out) = self.out.as_deref_mut() {
            self.tree.write(n, out, self.atoms);
        }
    }

    fn newline(&mut self, ind: usize) {
        if let Some(out) = self.out.as_deref_mut() {
            out.push('\n');
            (0..ind).for_each(|_| out.push(' '));
        }
    }

    fn len(&self, n: usize) -> isize {
        self.tree.nodes[n].len
    }

    /// Whether node `n` fits at `col` followed by `ld` closing characters.
    fn fits(&self, n: usize, col: isize, ld: isize) -> bool {
        self.len(n) < self.ll - col - ld
    }

    /// Whether an atomic element fits after a comma on the current line.
    fn fits_after(&self, n: usize, col: isize, ld1: isize) -> bool {
        let elen = 1 + self.len(n);
        let room = if ld1 == 0 {
            elen + 1 < self.ll - col
        } else {
            elen < self.ll - col - ld1
        };
        room && self.tree.is_atomic(n)
    }

    /// Value indentation of a broken map pair: the tag indentation if one
    /// is in force, else 4.
    fn pair_indent(&self) -> isize {
        if self.tind > 0 {
            self.tind
        } else {
            4
        }
    }

    fn pp(
        &mut self,
        n: usize,
        col: isize,
        ind: usize,
        ld: isize,
        tasks: &mut Vec<Task>,
    ) -> Result<(), NoGood> {
        if self.fits(n, col, ld) {
            self.put_node(n);
            return Ok(());
        }
        let seq = |kids, tail, sep| Seq {
            kids,
            tail,
            sep,
            col0: col + 1,
            col: col + 1,
            ind: ind + 1,
            ld,
            first: true,
        };
        match self.tree.nodes[n].kind {
            Kind::List(kids, tail) => {
                self.put("[");
                tasks.push(Task::Text("]"));
                tasks.push(Task::Seq(seq(kids, tail, '|')));
            }
            Kind::Tuple(kids, false, dots) => {
                self.put("{");
                tasks.push(Task::Text("}"));
                tasks.push(Task::Seq(seq(kids, dots_tail(dots), ',')));
            }
            Kind::Tuple(kids, true, dots) => {
                self.put("{");
                tasks.push(Task::Text("}"));
                self.tag_tuple(kids, dots, col, ind, ld, tasks)?;
            }
            Kind::Map(kids, dots) => {
                self.put("#{");
                tasks.push(Task::Text("}"));
                let s = Seq {
                    col0: col + 2,
                    col: col + 2,
                    ind: ind + 2,
                    ..seq(kids, Tail::Nil, ',')
                };
                tasks.push(Task::Map(s, dots));
            }
            Kind::Bin => self.binary(n, col + 2, ind + 2, ld),
            Kind::Leaf | Kind::CutList | Kind::Pair(..) => self.put_node(n),
        }
        Ok(())
    }

    /// A tagged tuple after its `{`: the tag, then the other elements
    /// aligned after it, or indented by `tind` for long tags.
    fn tag_tuple(
        &mut self,
        kids: Kids,
        dots: bool,
        col: isize,
        ind: usize,
        ld: isize,
        tasks: &mut Vec<Task>,
    ) -> Result<(), NoGood> {
        let tag = self.tree.kids(kids)[0];
        let rest = (kids.0 + 1, kids.1);
        let tag_ind = self.len(tag) + 2;
        let tcol = col + tag_ind;
        let checking = self.out.is_none();
        self.put_node(tag);
        let tail = dots_tail(dots);
        if self.tind > 0 && tag_ind > self.tind {
            let col1 = col + self.tind;
            if checking && col1 > self.ll / 2 {
                return Err(NoGood);
            }
            // Even the first element after a long tag may start a new line.
            let ind = ind + self.tind as usize;
            tasks.push(Task::Seq(Seq {
                kids: rest,
                tail,
                sep: ',',
                col0: col1,
                col: tcol,
                ind,
                ld,
                first: false,
            }));
        } else {
            if checking && tcol >= self.ll / 2 {
                return Err(NoGood);
            }
            self.put(",");
            let ind = ind + tag_ind as usize;
            tasks.push(Task::Seq(Seq {
                kids: rest,
                tail,
                sep: ',',
                col0: tcol,
                col: tcol,
                ind,
                ld,
                first: true,
            }));
        }
        Ok(())
    }

    /// Writes elements until one must be laid out on its own (then pushes
    /// the rest and that element as tasks) or the sequence ends.
    fn seq(&mut self, mut s: Seq, tasks: &mut Vec<Task>) {
        while s.kids.0 < s.kids.1 {
            let e = self.tree.kids[s.kids.0];
            s.kids.0 += 1;
            let ld1 = last_depth(s.kids.0 == s.kids.1, s.ld);
            if !s.first {
                self.put(",");
                if self.fits_after(e, s.col, ld1) {
                    self.put_node(e);
                    s.col += 1 + self.len(e);
                    continue;
                }
                self.newline(s.ind);
            }
            s.first = false;
            if self.fits(e, s.col0, ld1) && self.tree.is_atomic(e) {
                self.put_node(e);
                s.col = s.col0 + self.len(e);
            } else {
                // A non-atomic element ends its line.
                s.col = s.col0 + self.ll;
                tasks.push(Task::Seq(s));
                tasks.push(Task::Pp {
                    n: e,
                    col: s.col0,
                    ind: s.ind,
                    ld: ld1,
                });
                return;
            }
        }
        match s.tail {
            Tail::Nil => {}
            Tail::Dots if s.first => self.put("..."),
            Tail::Dots => {
                let sep = if s.sep == '|' { "|..." } else { ",..." };
                self.put(sep);
            }
            Tail::Improper(t) => {
                self.put("|");
                if self.tree.is_atomic(t) && self.len(t) + 1 < self.ll - s.col - (s.ld + 1) {
                    self.put_node(t);
                } else {
                    self.newline(s.ind);
                    tasks.push(Task::Pp {
                        n: t,
                        col: s.col0,
                        ind: s.ind,
                        ld: s.ld + 1,
                    });
                }
            }
        }
    }

    /// Like [`Engine::seq`] for map pairs: a pair that does not fit is
    /// written `Key =>` with the value on the next line.
    fn map(&mut self, mut s: Seq, dots: bool, tasks: &mut Vec<Task>) {
        while s.kids.0 < s.kids.1 {
            let p = self.tree.kids[s.kids.0];
            s.kids.0 += 1;
            let ld1 = last_depth(s.kids.0 == s.kids.1, s.ld);
            if !s.first {
                self.put(",");
                if self.fits_after(p, s.col, ld1) {
                    self.put_node(p);
                    s.col += 1 + self.len(p);
                    continue;
                }
                self.newline(s.ind);
            }
            s.first = false;
            if self.fits(p, s.col0, ld1) {
                self.put_node(p);
                let w = if self.tree.is_atomic(p) {
                    self.len(p)
                } else {
                    self.ll
                };
                s.col = s.col0 + w;
                continue;
            }
            s.col = s.col0 + self.ll;
            tasks.push(Task::Map(s, dots));
            if let Kind::Pair(k, v) = self.tree.nodes[p].kind {
                let pi = self.pair_indent();
                let vind = s.ind + pi as usize;
                tasks.push(Task::Pp {
                    n: v,
                    col: s.col0 + pi,
                    ind: vind,
                    ld: ld1,
                });
                tasks.push(Task::Arrow(vind));
                tasks.push(Task::Pp {
                    n: k,
                    col: s.col0,
                    ind: s.ind,
                    ld: ld1,
                });
            }
            return;
        }
        if dots {
            self.put(",...");
        }
    }

    /// `<<1,2,3>>` broken between segments; `col` is past the `<<`.
    fn binary(&mut self, n: usize, col: isize, ind: usize, ld: isize) {
        let node = &self.tree.nodes[n];
        let mut text = String::new();
        if let Some((bytes, off, bits)) = bit_view(node.term) {
            write_segments(&mut text, bytes, off, bits, node.depth);
        }
        let inner = &text[2..text.len() - 2];
        let width = (self.ll - col - ld).max(8);
        let mut room = width;
        self.put("<<");
        let mut segs = inner.split(',').peekable();
        while let Some(seg) = segs.next() {
            let len = seg.len() as isize;
            let last = segs.peek().is_none();
            let need = if last { len } else { len + 1 };
            if need > room {
                self.newline(ind);
                room = width;
            }
            room -= need;
            self.put(seg);
            if !last {
                self.put(",");
            }
        }
        self.put(">>");
    }
}

fn dots_tail(dots: bool) -> Tail {
    if dots {
        Tail::Dots
    } else {
        Tail::Nil
    }
}
