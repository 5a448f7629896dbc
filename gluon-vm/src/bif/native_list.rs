//! The list of natives a firmware keeps (`GLUON_NATIVES`, see
//! [`super::keep`]): its text format and the sorted search the compiler
//! runs over it. Shared by the crate and its build script (which includes
//! this file), so it uses neither `std` nor `alloc`.
//!
//! One native a line, `module:function/arity` with the atoms' names as
//! they are (`erlang:+/2`, `erlang:=:=/2`, `erlang://2`): the module ends
//! at the first `:`, the arity follows the last `/`. Blank lines and lines
//! starting with `#` are skipped.

use core::cmp::Ordering;

/// A native's name: module, function, arity.
pub type Name<'a> = (&'a str, &'a str, u8);

/// The native named on `line`, `None` for a blank or comment line.
///
/// # Errors
/// A line that is not `module:function/arity`.
// The build script reads the list; the crate only tests the reader.
#[cfg_attr(not(test), allow(dead_code))]
pub fn parse_line(line: &str) -> Result<Option<Name<'_>>, &'static str> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return Ok(None);
    }
    let bad = "expected module:function/arity";
    let (m, rest) = line.split_once(':').ok_or(bad)?;
    let (f, a) = rest.rsplit_once('/').ok_or(bad)?;
    if m.is_empty() || f.is_empty() {
        return Err(bad);
    }
    let a = a
        .parse()
        .map_err(|_| "the arity is not a number below 256")?;
    Ok(Some((m, f, a)))
}

/// Byte-wise order of two names (`str`'s order), usable by the compiler.
const fn compare_str(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return if a[i] < b[i] {
                Ordering::Less
            } else {
                Ordering::Greater
            };
        }
        i += 1;
    }
    if a.len() < b.len() {
        Ordering::Less
    } else if a.len() > b.len() {
        Ordering::Greater
    } else {
        Ordering::Equal
    }
}

/// The order of names: module, then function, then arity (that of the
/// tuple `(&str, &str, u8)`), which the build script sorts the list by.
pub const fn compare(a: Name<'_>, b: Name<'_>) -> Ordering {
    match compare_str(a.0, b.0) {
        Ordering::Equal => {}
        o => return o,
    }
    match compare_str(a.1, b.1) {
        Ordering::Equal => {}
        o => return o,
    }
    if a.2 < b.2 {
        Ordering::Less
    } else if a.2 > b.2 {
        Ordering::Greater
    } else {
        Ordering::Equal
    }
}

/// Whether `sorted` (in [`compare`] order) holds `name`: a binary search,
/// a handful of comparisons per native when the compiler filters the
/// table.
pub const fn contains(sorted: &[Name<'_>], name: Name<'_>) -> bool {
    let (mut lo, mut hi) = (0, sorted.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match compare(sorted[mid], name) {
            Ordering::Less => lo = mid + 1,
            Ordering::Greater => hi = mid,
            Ordering::Equal => return true,
        }
    }
    false
}
