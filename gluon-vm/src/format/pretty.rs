//! `~p`/`~P`: OTP 25's `io_lib_pretty` layout, reimplemented from
//! observed behaviour (checked against thousands of random terms).
//!
//! A term that fits (`length < line_length - column`) is written on one
//! line by [`write_term`]. Otherwise it becomes a tree of nodes that know
//! their one-line length (`node.rs`), laid out by `layout.rs`, both
//! without recursion so that deep terms cannot overflow the native stack:
//! - lists, tuples and maps put their first element after the bracket and
//!   every other one either on the same line, when it is *atomic* (atoms,
//!   numbers, strings, binary strings, pids...; map pairs when key and
//!   value are) and fits with its comma, or on a new line aligned with the
//!   first element; a non-atomic element always ends its line;
//! - a tuple whose first element is an atom (a *tagged* tuple) keeps the
//!   second element on the tag's line and aligns the others with it. If
//!   some tagged tuple of the term would then start its elements at or past
//!   the middle of the line, tags longer than two characters indent their
//!   elements by 4 instead (first element included), and if that still
//!   reaches past the middle, by 1;
//! - a map pair that does not fit is written `Key =>` with the value on the
//!   next line, 4 columns further in (or by the tag indentation in force);
//! - an improper tail stays after the `|` only if atomic and fitting;
//! - a binary that is not a string is broken between segments;
//! - strings and atoms are never broken.

use super::layout::Engine;
use super::node::build;
use super::write::{start_depth, write_term, WriteOpts};
use crate::term::{AtomTable, Term};
use alloc::string::String;

/// Writes `t` as `~p` does when it starts at 1-based column `col` of lines
/// of `line_length` characters (0: no limit). `opts.pretty` is implied.
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
    let breakable = t.is_list() || t.is_tuple() || t.is_map() || t.is_bitstring();
    if line_length == 0 || len < ll - col || !breakable {
        out.push_str(&one_line);
        return;
    }
    let (tree, root) = build(t, start_depth(opts.depth), atoms, opts);
    let fits_with = |tind| {
        let mut check = Engine {
            tree: &tree,
            atoms,
            out: None,
            ll,
            tind,
        };
        check.run(root, col).is_ok()
    };
    let tind = [-1, 4]
        .into_iter()
        .find(|&tind| fits_with(tind))
        .unwrap_or(1);
    let mut engine = Engine {
        tree: &tree,
        atoms,
        out: Some(out),
        ll,
        tind,
    };
    // Writing never fails: only checking does.
    let _ = engine.run(root, col);
}
