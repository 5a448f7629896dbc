//! Field widths, precisions and padding, as `io_lib_format` applies them.
//!
//! Facts (checked against OTP 25):
//! - terms (`~w`, numbers): a text longer than the precision (which
//!   defaults to the field width) becomes that many `*`; the result is
//!   padded to the field width on the left, or on the right with `-`;
//! - `~s`: truncated to the precision (default: field width) or padded on
//!   the right up to it with the pad character, then adjusted in the
//!   field; a field narrower than the precision is `badarg`;
//! - `~c`: the character repeated `precision` times (default: the field
//!   width, default 1), adjusted in the field.

use super::directive::Spec;
use super::FormatError;
use alloc::string::String;

/// Appends `n` copies of `c`.
pub(super) fn pad(out: &mut String, n: usize, c: char) {
    (0..n).for_each(|_| out.push(c));
}

/// Writes `len` characters (by `body`) padded to `width`.
fn adjusted(out: &mut String, body: impl FnOnce(&mut String), len: usize, width: usize, s: &Spec) {
    let fill = width.saturating_sub(len);
    if s.left {
        body(out);
        pad(out, fill, s.pad);
    } else {
        pad(out, fill, s.pad);
        body(out);
    }
}

/// `text` in a field: filled with `*` when longer than `precision` (which
/// defaults to the field width), padded to the field width.
pub(super) fn term(out: &mut String, text: &str, s: &Spec, precision: Option<usize>) {
    let Some(width) = s.width.or(precision) else {
        out.push_str(text);
        return;
    };
    let len = text.chars().count();
    let p = precision.unwrap_or(len.min(width));
    if len > p {
        adjusted(out, |o| pad(o, p, '*'), p, width, s);
    } else {
        adjusted(out, |o| o.push_str(text), len, width, s);
    }
}

/// `~s`: truncated or padded (on the right) to the precision, then
/// adjusted in the field.
pub(super) fn string(out: &mut String, chars: &[char], s: &Spec) -> Result<(), FormatError> {
    let (width, precision) = match (s.width, s.precision) {
        (None, None) => {
            out.extend(chars);
            return Ok(());
        }
        (Some(w), None) => (w, w),
        (None, Some(p)) => (p, p),
        (Some(w), Some(p)) if w >= p => (w, p),
        _ => return Err(FormatError::BadArg),
    };
    let shown = &chars[..chars.len().min(precision)];
    if s.precision.is_some() {
        let fill = precision - shown.len();
        let body = |o: &mut String| {
            o.extend(shown);
            pad(o, fill, s.pad);
        };
        adjusted(out, body, precision, width, s);
    } else {
        adjusted(out, |o| o.extend(shown), shown.len(), width, s);
    }
    Ok(())
}

/// `~c` and `~~`.
pub(super) fn character(out: &mut String, c: char, s: &Spec) -> Result<(), FormatError> {
    match (s.width, s.precision) {
        (None, None) => out.push(c),
        (Some(n), None) | (None, Some(n)) => pad(out, n, c),
        (Some(w), Some(p)) if w >= p => adjusted(out, |o| pad(o, p, c), p, w, s),
        _ => return Err(FormatError::BadArg),
    }
    Ok(())
}

/// The column (0-based) where the next character of `out` goes; a tab
/// moves to the next multiple of 8.
pub(super) fn column(out: &str) -> usize {
    let line = out.rsplit('\n').next().unwrap_or("");
    line.chars().fold(0, |col, c| {
        if c == '\t' {
            (col + 8) / 8 * 8
        } else {
            col + 1
        }
    })
}
