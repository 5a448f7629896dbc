//! `binary:match/2,3`, `binary:matches/2,3` and `binary:split/2,3`: the
//! searching natives of module `binary` (see [`super::binary_search`]).

use super::binary_args::{atom_term, pair, patterns, search_options, sub, subject};
use super::binary_search::Searcher;
use super::{BifResult, Ctx, Exception};
use crate::term::Term;
use alloc::vec::Vec;

/// The matches of pattern `args[1]` in subject `args[0]` with the options
/// `args[2]` (if any), the first only unless `all`.
fn search(ctx: &Ctx, args: &[Term], all: bool) -> Result<Vec<(usize, usize)>, Exception> {
    let hay = subject(args[0])?;
    let pats = patterns(ctx, args[1])?;
    let (from, to) = match args.get(2) {
        Some(&o) => search_options(ctx, o, hay.len(), &[], &mut [])?,
        None => (0, hay.len()),
    };
    let refs: Vec<&[u8]> = pats.iter().map(|p| &p[..]).collect();
    let s = Searcher::new(&refs).ok_or_else(Exception::badarg)?;
    Ok(if all {
        s.find_all(&hay, from, to)
    } else {
        s.find(&hay, from, to).into_iter().collect()
    })
}

/// `binary:match(Subject, Pattern [, Options])`: `{Pos, Len}` or `nomatch`.
pub fn match_(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    match search(ctx, args, false)?.first() {
        Some(&(p, n)) => pair(ctx, p, n),
        None => atom_term(ctx, "nomatch"),
    }
}

/// `binary:matches(Subject, Pattern [, Options])`: every non-overlapping
/// match, leftmost first.
pub fn matches(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let found = search(ctx, args, true)?;
    let mut list = Term::NIL;
    for &(p, n) in found.iter().rev() {
        let m = pair(ctx, p, n)?;
        list = ctx.heap.cons(m, list)?;
    }
    Ok(list)
}

/// `binary:split(Subject, Pattern [, Options])`: the parts between the
/// first (or, with `global`, every) match; `trim` drops empty parts at
/// the end, `trim_all` every empty part. A `scope` limits where matches
/// are searched; the parts still cover the whole subject.
pub fn split(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let hay = subject(args[0])?;
    let pats = patterns(ctx, args[1])?;
    // global, trim, trim_all
    let mut flags = [false; 3];
    let (from, to) = match args.get(2) {
        Some(&o) => search_options(
            ctx,
            o,
            hay.len(),
            &["global", "trim", "trim_all"],
            &mut flags,
        )?,
        None => (0, hay.len()),
    };
    let [global, trim, trim_all] = flags;
    let refs: Vec<&[u8]> = pats.iter().map(|p| &p[..]).collect();
    let s = Searcher::new(&refs).ok_or_else(Exception::badarg)?;
    let found = if global {
        s.find_all(&hay, from, to)
    } else {
        s.find(&hay, from, to).into_iter().collect()
    };
    let mut ranges: Vec<(usize, usize)> = Vec::with_capacity(found.len() + 1);
    let mut start = 0;
    for &(p, n) in &found {
        ranges.push((start, p));
        start = p + n;
    }
    ranges.push((start, hay.len()));
    if trim_all {
        ranges.retain(|&(a, b)| a != b);
    } else if trim {
        while ranges.last().is_some_and(|&(a, b)| a == b) {
            ranges.pop();
        }
    }
    let mut list = Term::NIL;
    for &(a, b) in ranges.iter().rev() {
        let part = sub(ctx, args[0], a, b)?;
        list = ctx.heap.cons(part, list)?;
    }
    Ok(list)
}
