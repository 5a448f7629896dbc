//! The tree `~p` lays out: every subterm that may be broken over lines,
//! with its one-line length. Built without recursion into flat vectors
//! (so neither building nor dropping it depends on the term's depth), with
//! the depth and string rules of the one-line writer: a node written on
//! one line is exactly [`write_term`]'s text of its term at its depth.

use super::write::{
    binary_text, is_printable_list, write_atomic, write_segments, write_term, BinText, WriteOpts,
};
use crate::binary::bit_view;
use crate::term::{AtomTable, Term};
use alloc::string::String;
use alloc::vec::Vec;

/// A subterm: its term and depth (to write it on one line), its one-line
/// length in characters, and its shape.
pub(super) struct Node {
    pub term: Term,
    pub depth: usize,
    pub len: isize,
    pub kind: Kind,
}

/// A range of [`Tree::kids`].
pub(super) type Kids = (usize, usize);

#[derive(Copy, Clone)]
pub(super) enum Kind {
    /// Never broken and atomic: atoms, numbers, strings, binary strings,
    /// pids, `{...}`, `#{...}`, `<<...>>`.
    Leaf,
    /// `[...]`: a list cut by the depth limit; OTP does not count it as
    /// atomic.
    CutList,
    /// A binary written as segments, which may be broken between them.
    Bin,
    /// A list: its elements and what ends it.
    List(Kids, Tail),
    /// A tuple; tagged if an atom comes first and more elements follow;
    /// `true` if cut by the depth limit (`,...`).
    Tuple(Kids, bool, bool),
    /// A map of [`Kind::Pair`] nodes; `true` if cut by the depth limit.
    Map(Kids, bool),
    /// `Key => Value` (node indexes).
    Pair(usize, usize),
}

/// How a list ends.
#[derive(Copy, Clone)]
pub(super) enum Tail {
    Nil,
    /// `|...`: cut by the depth limit. The element before it counts as the
    /// last one.
    Dots,
    /// `|Tail` of an improper list (a node index).
    Improper(usize),
}

/// The nodes of one term; children are ranges of `kids`.
pub(super) struct Tree {
    pub nodes: Vec<Node>,
    pub kids: Vec<usize>,
    opts: WriteOpts,
}

impl Tree {
    /// The children of a node.
    pub(super) fn kids(&self, k: Kids) -> &[usize] {
        &self.kids[k.0..k.1]
    }

    /// Whether node `n` may share a line with the elements before it.
    pub(super) fn is_atomic(&self, n: usize) -> bool {
        match self.nodes[n].kind {
            Kind::Leaf => true,
            Kind::Pair(k, v) => self.is_atomic(k) && self.is_atomic(v),
            _ => false,
        }
    }

    /// Writes node `n` on one line.
    pub(super) fn write(&self, n: usize, out: &mut String, atoms: &AtomTable) {
        let node = &self.nodes[n];
        if let Kind::Pair(k, v) = node.kind {
            self.write(k, out, atoms);
            out.push_str(" => ");
            self.write(v, out, atoms);
        } else {
            let opts = WriteOpts {
                depth: Some(node.depth),
                ..self.opts
            };
            write_term(out, node.term, atoms, opts);
        }
    }
}

/// A container whose children are being built.
enum Frame {
    List {
        rest: Term,
        d: usize,
        tail: Tail,
        improper: bool,
    },
    Tuple {
        elems: &'static [Term],
        next: usize,
        d: usize,
        dots: bool,
    },
    Map {
        body: crate::map::Body,
        next: usize,
        d0: usize,
        stage: u8,
        dots: bool,
    },
}

/// A frame with its term, depth, and where its children start in the
/// pending stack.
struct Open {
    term: Term,
    depth: usize,
    mark: usize,
    frame: Frame,
}

/// What a frame wants next.
enum Step {
    Visit(Term, usize),
    Done,
}

/// Builds the tree of `t` at depth `d` (`UNLIMITED` for none); returns it
/// with the index of its root.
pub(super) fn build(t: Term, d: usize, atoms: &AtomTable, opts: WriteOpts) -> (Tree, usize) {
    let mut b = Builder {
        atoms,
        tree: Tree {
            nodes: Vec::new(),
            kids: Vec::new(),
            opts,
        },
        pending: Vec::new(),
        scratch: String::new(),
    };
    let mut open: Vec<Open> = Vec::new();
    let mut visit = Some((t, d));
    loop {
        if let Some((t, d)) = visit.take() {
            if let Some(o) = b.start(t, d) {
                open.push(o);
            }
        }
        let Some(top) = open.last_mut() else {
            break;
        };
        match b.step(top) {
            Step::Visit(t, d) => visit = Some((t, d)),
            Step::Done => {
                let o = open.pop().expect("an open frame");
                b.finish(o);
            }
        }
    }
    let root = b.pending.pop().expect("a root node");
    (b.tree, root)
}

struct Builder<'a> {
    atoms: &'a AtomTable,
    tree: Tree,
    /// Finished nodes waiting for their parent.
    pending: Vec<usize>,
    scratch: String,
}

impl Builder<'_> {
    fn push(&mut self, term: Term, depth: usize, len: isize, kind: Kind) {
        self.tree.nodes.push(Node {
            term,
            depth,
            len,
            kind,
        });
        self.pending.push(self.tree.nodes.len() - 1);
    }

    /// A node written on one line; its length is measured by writing it.
    fn leaf(&mut self, t: Term, d: usize, kind: Kind) {
        self.scratch.clear();
        let opts = WriteOpts {
            depth: Some(d),
            ..self.tree.opts
        };
        write_term(&mut self.scratch, t, self.atoms, opts);
        let len = self.scratch.chars().count() as isize;
        self.push(t, d, len, kind);
    }

    /// Makes the node of `t` if it has no children to build, else opens a
    /// frame for it.
    fn start(&mut self, t: Term, d: usize) -> Option<Open> {
        let opts = self.tree.opts;
        let open = |frame| {
            Some(Open {
                term: t,
                depth: d,
                mark: 0,
                frame,
            })
        };
        self.scratch.clear();
        let frame = if d == 0 || write_atomic(&mut self.scratch, t, self.atoms, opts) {
            None
        } else if let Some(elems) = t.as_tuple().filter(|e| !e.is_empty() && d > 1) {
            open(Frame::Tuple {
                elems,
                next: 0,
                d,
                dots: false,
            })
        } else if let Some(body) =
            crate::map::body(t, self.atoms).filter(|b| !b.words().is_empty() && d > 1)
        {
            open(Frame::Map {
                body,
                next: 0,
                d0: d - 1,
                stage: 0,
                dots: false,
            })
        } else if t.is_list() && d == 1 {
            self.push(t, d, 5, Kind::CutList);
            return None;
        } else if t.is_list() && !(opts.strings() && is_printable_list(t)) {
            open(Frame::List {
                rest: t,
                d,
                tail: Tail::Nil,
                improper: false,
            })
        } else if self.is_segments(t, d) {
            self.scratch.clear();
            if let Some((bytes, off, bits)) = bit_view(t) {
                write_segments(&mut self.scratch, bytes, off, bits, d);
            }
            let len = self.scratch.chars().count() as isize;
            self.push(t, d, len, Kind::Bin);
            return None;
        } else {
            None
        };
        match frame {
            Some(mut o) => {
                o.mark = self.pending.len();
                Some(o)
            }
            None => {
                self.leaf(t, d, Kind::Leaf);
                None
            }
        }
    }

    /// Whether `t` is a bitstring written as (breakable) segments.
    fn is_segments(&self, t: Term, d: usize) -> bool {
        let Some((_, _, bits)) = bit_view(t) else {
            return false;
        };
        if bits == 0 || d == 1 {
            return false;
        }
        if bits % 8 == 0 && self.tree.opts.strings() {
            let b = crate::binary::binary_bytes(t).unwrap_or_default();
            return matches!(
                binary_text(&b, d, self.tree.opts.unicode),
                BinText::Segments
            );
        }
        true
    }

    fn step(&mut self, o: &mut Open) -> Step {
        match &mut o.frame {
            Frame::List {
                rest,
                d,
                tail,
                improper,
            } => {
                if *improper {
                    // The tail's node is the last pending one; `finish`
                    // puts its index here.
                    *tail = Tail::Improper(0);
                    return Step::Done;
                }
                if rest.is_nil() {
                    return Step::Done;
                }
                if *d == 1 {
                    *tail = Tail::Dots;
                    return Step::Done;
                }
                *d -= 1;
                match rest.as_cons() {
                    Some((h, t)) => {
                        *rest = t;
                        Step::Visit(h, *d)
                    }
                    None => {
                        *improper = true;
                        Step::Visit(*rest, *d)
                    }
                }
            }
            Frame::Tuple {
                elems,
                next,
                d,
                dots,
            } => {
                if *next == elems.len() {
                    return Step::Done;
                }
                if *next > 0 && *d == 1 {
                    *dots = true;
                    return Step::Done;
                }
                *next += 1;
                *d -= 1;
                Step::Visit(elems[*next - 1], *d)
            }
            Frame::Map {
                body,
                next,
                d0,
                stage,
                dots,
            } => {
                // Stage 0: next key; 1: its value; 2: make the pair.
                match *stage {
                    1 => {
                        *stage = 2;
                        return Step::Visit(body.words()[2 * *next + 1], *d0);
                    }
                    2 => {
                        let v = self.pending.pop().expect("a value");
                        let k = self.pending.pop().expect("a key");
                        let len = self.tree.nodes[k].len + 4 + self.tree.nodes[v].len;
                        self.push(Term::NIL, 0, len, Kind::Pair(k, v));
                        *next += 1;
                        *stage = 0;
                    }
                    _ => {}
                }
                if 2 * *next == body.words().len() {
                    return Step::Done;
                }
                // `d0` pairs are shown, all at depth `d0`.
                if *next > 0 && *next == *d0 {
                    *dots = true;
                    return Step::Done;
                }
                *stage = 1;
                Step::Visit(body.words()[2 * *next], *d0)
            }
        }
    }

    /// Makes the node of a finished frame from its pending children.
    fn finish(&mut self, o: Open) {
        let improper = match o.frame {
            Frame::List {
                tail: Tail::Improper(_),
                ..
            } => self.pending.pop(),
            _ => None,
        };
        let start = self.tree.kids.len();
        let children = self.pending.split_off(o.mark);
        let sum: isize = children.iter().map(|&c| self.tree.nodes[c].len).sum();
        let commas = children.len() as isize - 1;
        self.tree.kids.extend(children);
        let kids = (start, self.tree.kids.len());
        let (brackets, kind, dots) = match o.frame {
            Frame::List { tail, .. } => {
                let tail = match (tail, improper) {
                    (Tail::Improper(_), Some(t)) => Tail::Improper(t),
                    (t, _) => t,
                };
                let extra = match tail {
                    Tail::Nil => 0,
                    Tail::Dots => 4,
                    Tail::Improper(t) => 1 + self.tree.nodes[t].len,
                };
                (2 + extra, Kind::List(kids, tail), false)
            }
            Frame::Tuple { elems, dots, .. } => {
                let tagged = elems.len() > 1 && elems[0].is_atom();
                (2, Kind::Tuple(kids, tagged, dots), dots)
            }
            Frame::Map { dots, .. } => (3, Kind::Map(kids, dots), dots),
        };
        let len = brackets + sum + commas + if dots { 4 } else { 0 };
        self.push(o.term, o.depth, len, kind);
    }
}
