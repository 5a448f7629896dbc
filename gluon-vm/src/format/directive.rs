//! Parsing a control sequence `~F.P.PadModC`.
//!
//! Facts (checked against OTP 25): `-` must be followed by digits or `*`;
//! a `*` width taken from the arguments flips the adjustment when negative
//! (`~-*w` with -6 is right-adjusted); a `*` precision must not be
//! negative; the pad character is whatever follows the second `.` (even
//! `t` or `.`), or an argument for `*`; `t` and `l` may repeat in any
//! order; a sequence cut short by the end of the format is `badarg`.

use super::FormatError;
use crate::term::Term;

/// One parsed control sequence.
pub(super) struct Spec {
    pub width: Option<usize>,
    pub left: bool,
    pub precision: Option<usize>,
    pub pad: char,
    /// The `t` modifier.
    pub unicode: bool,
    /// The `l` modifier.
    pub no_strings: bool,
    pub control: char,
}

/// The arguments, consumed in order.
pub(super) struct Args<'a> {
    list: &'a [Term],
    next: usize,
}

impl<'a> Args<'a> {
    pub(super) fn new(list: &'a [Term]) -> Args<'a> {
        Args { list, next: 0 }
    }

    /// The next argument; running out is `badarg`.
    pub(super) fn next(&mut self) -> Result<Term, FormatError> {
        let t = *self.list.get(self.next).ok_or(FormatError::BadArg)?;
        self.next += 1;
        Ok(t)
    }

    fn small(&mut self) -> Result<isize, FormatError> {
        self.next()?.as_small().ok_or(FormatError::BadArg)
    }

    /// Whether every argument was used (extra ones are `badarg`).
    pub(super) fn all_used(&self) -> bool {
        self.next == self.list.len()
    }
}

/// Reads the format's characters after a `~`.
struct Reader<'a> {
    fmt: &'a [u32],
    i: &'a mut usize,
}

impl Reader<'_> {
    fn next(&mut self) -> Result<char, FormatError> {
        let c = self.fmt.get(*self.i).copied().ok_or(FormatError::BadArg)?;
        *self.i += 1;
        char::from_u32(c).ok_or(FormatError::BadArg)
    }

    /// A decimal number starting with the digit `c`; returns it and the
    /// character after it.
    fn number(&mut self, mut c: char) -> Result<(usize, char), FormatError> {
        let mut n = 0usize;
        while let Some(d) = c.to_digit(10) {
            n = n
                .checked_mul(10)
                .and_then(|n| n.checked_add(d as usize))
                .ok_or(FormatError::BadArg)?;
            c = self.next()?;
        }
        Ok((n, c))
    }
}

/// Parses what follows a `~` at `fmt[*i]`, taking `*` values from `args`.
pub(super) fn parse(fmt: &[u32], i: &mut usize, args: &mut Args<'_>) -> Result<Spec, FormatError> {
    let mut r = Reader { fmt, i };
    let mut c = r.next()?;
    let mut left = false;
    let mut width = None;
    if c == '-' {
        left = true;
        c = r.next()?;
        if c != '*' && !c.is_ascii_digit() {
            return Err(FormatError::BadArg);
        }
    }
    if c == '*' {
        let n = args.small()?;
        left ^= n < 0;
        width = Some(n.unsigned_abs());
        c = r.next()?;
    } else if c.is_ascii_digit() {
        let (n, after) = r.number(c)?;
        width = Some(n);
        c = after;
    }
    let mut precision = None;
    let mut pad = ' ';
    if c == '.' {
        c = r.next()?;
        if c == '*' {
            precision = Some(usize::try_from(args.small()?).map_err(|_| FormatError::BadArg)?);
            c = r.next()?;
        } else if c.is_ascii_digit() {
            let (n, after) = r.number(c)?;
            precision = Some(n);
            c = after;
        }
        if c == '.' {
            pad = r.next()?;
            if pad == '*' {
                // Only a character: OTP also repeats any other term.
                let n = args.small()?;
                pad = u32::try_from(n)
                    .ok()
                    .and_then(char::from_u32)
                    .ok_or(FormatError::BadArg)?;
            }
            c = r.next()?;
        }
    }
    let (mut unicode, mut no_strings) = (false, false);
    loop {
        match c {
            't' => unicode = true,
            'l' => no_strings = true,
            _ => break,
        }
        c = r.next()?;
    }
    Ok(Spec {
        width,
        left,
        precision,
        pad,
        unicode,
        no_strings,
        control: c,
    })
}
