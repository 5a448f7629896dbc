//! `io_lib:format/2`: the engine behind `io:format/1,2,3` and
//! `io_lib:format/2`, matching OTP 25's output.
//!
//! A control sequence is `~F.P.PadModC`: field width `F` (`-` for left
//! adjustment, `*` to take it from the arguments; a negative `*` width
//! flips the adjustment), precision `P` (or `*`), pad character (or `*`),
//! modifiers `t` (Unicode) and `l` (no string detection for `~p`), and the
//! control character. Anything OTP rejects — a wrong argument type, too few
//! or too many arguments, an unknown control — is [`FormatError::BadArg`],
//! which the BIF raises as `badarg`.
//!
//! `~p`/`~P` know their starting column from the text already produced (a
//! tab advances to the next multiple of 8), as OTP's `io_lib_format` does.
//!
//! Files: `atom.rs` (quoting, escapes), `chars.rs` (`~s` arguments),
//! `integer.rs` (bases), `float.rs` (`~w`, `~f`, `~e`, `~g` of floats),
//! `write.rs` (the one-line term writer), `pretty.rs` (`~p` line breaking).

mod atom;
mod chars;
mod float;
mod integer;
mod pretty;
#[cfg(test)]
mod tests;
mod write;

pub use atom::{needs_quotes, write_atom};
pub use float::{fwrite_e, fwrite_f, fwrite_g, write_float};
pub use pretty::{print, MAX_NEST};
pub use write::{write_term, WriteOpts};

use crate::term::{AtomTable, Term};
use alloc::string::String;
use alloc::vec::Vec;

/// Why a format failed: OTP raises `badarg` in every case.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum FormatError {
    /// A malformed control sequence, an argument of the wrong type, or too
    /// few or too many arguments.
    BadArg,
}

/// The default line length of `~p`.
pub const LINE_LENGTH: usize = 80;

/// Formats `args` by the format string `fmt` (its code points) as
/// `io_lib:format/2` does. Characters above 255 only come from `~ts`,
/// `~tc`, `~tp`/`~tw` (atoms) and the format string itself.
pub fn format(fmt: &[u32], args: &[Term], atoms: &AtomTable) -> Result<String, FormatError> {
    let mut f = Formatter {
        out: String::new(),
        args,
        next: 0,
        atoms,
    };
    let mut i = 0;
    while let Some(&c) = fmt.get(i) {
        i += 1;
        let c = char::from_u32(c).ok_or(FormatError::BadArg)?;
        if c == '~' {
            let spec = f.parse(fmt, &mut i)?;
            f.control(&spec)?;
        } else {
            f.out.push(c);
        }
    }
    if f.next != args.len() {
        return Err(FormatError::BadArg);
    }
    Ok(f.out)
}

/// One parsed control sequence.
struct Spec {
    width: Option<usize>,
    left: bool,
    precision: Option<usize>,
    pad: char,
    unicode: bool,
    no_strings: bool,
    control: char,
}

struct Formatter<'a> {
    out: String,
    args: &'a [Term],
    next: usize,
    atoms: &'a AtomTable,
}

impl Formatter<'_> {
    fn arg(&mut self) -> Result<Term, FormatError> {
        let t = *self.args.get(self.next).ok_or(FormatError::BadArg)?;
        self.next += 1;
        Ok(t)
    }

    fn int_arg(&mut self) -> Result<isize, FormatError> {
        self.arg()?.as_small().ok_or(FormatError::BadArg)
    }

    /// Parses what follows a `~`, taking `*` values from the arguments.
    fn parse(&mut self, fmt: &[u32], i: &mut usize) -> Result<Spec, FormatError> {
        let mut next = || -> Result<char, FormatError> {
            let c = fmt.get(*i).copied().ok_or(FormatError::BadArg)?;
            *i += 1;
            char::from_u32(c).ok_or(FormatError::BadArg)
        };
        let mut c = next()?;
        let mut left = false;
        let mut width = None;
        if c == '-' {
            left = true;
            c = next()?;
            if c != '*' && !c.is_ascii_digit() {
                return Err(FormatError::BadArg);
            }
        }
        if c == '*' {
            let n = self.int_arg()?;
            left ^= n < 0;
            width = Some(n.unsigned_abs());
            c = next()?;
        } else if c.is_ascii_digit() {
            let mut n = 0usize;
            while let Some(d) = c.to_digit(10) {
                n = n
                    .checked_mul(10)
                    .and_then(|n| n.checked_add(d as usize))
                    .ok_or(FormatError::BadArg)?;
                c = next()?;
            }
            width = Some(n);
        }
        let mut precision = None;
        let mut pad = ' ';
        if c == '.' {
            c = next()?;
            if c == '*' {
                precision =
                    Some(usize::try_from(self.int_arg()?).map_err(|_| FormatError::BadArg)?);
                c = next()?;
            } else if c.is_ascii_digit() {
                let mut n = 0usize;
                while let Some(d) = c.to_digit(10) {
                    n = n
                        .checked_mul(10)
                        .and_then(|n| n.checked_add(d as usize))
                        .ok_or(FormatError::BadArg)?;
                    c = next()?;
                }
                precision = Some(n);
            }
            if c == '.' {
                pad = next()?;
                if pad == '*' {
                    let n = self.int_arg()?;
                    pad = u32::try_from(n)
                        .ok()
                        .and_then(char::from_u32)
                        .ok_or(FormatError::BadArg)?;
                }
                c = next()?;
            }
        }
        let (mut unicode, mut no_strings) = (false, false);
        loop {
            match c {
                't' => unicode = true,
                'l' => no_strings = true,
                _ => break,
            }
            c = next()?;
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

    fn control(&mut self, s: &Spec) -> Result<(), FormatError> {
        match s.control {
            'w' | 'W' => {
                let t = self.arg()?;
                let depth = if s.control == 'W' {
                    self.depth_arg()?
                } else {
                    None
                };
                let mut text = String::new();
                let opts = WriteOpts {
                    depth,
                    unicode: s.unicode,
                    ..WriteOpts::plain()
                };
                write_term(&mut text, t, self.atoms, opts);
                self.term_field(&text, s, s.precision);
            }
            'p' | 'P' => {
                let t = self.arg()?;
                let depth = if s.control == 'P' {
                    self.depth_arg()?
                } else {
                    None
                };
                if s.left {
                    return Err(FormatError::BadArg);
                }
                let col = s.precision.unwrap_or_else(|| column(&self.out) + 1);
                let opts = WriteOpts {
                    depth,
                    unicode: s.unicode,
                    pretty: true,
                    no_strings: s.no_strings,
                };
                print(
                    &mut self.out,
                    t,
                    self.atoms,
                    col,
                    s.width.unwrap_or(LINE_LENGTH),
                    opts,
                );
            }
            's' => {
                let t = self.arg()?;
                let chars = chars::string_arg(t, self.atoms, s.unicode)?;
                self.string_field(&chars, s)?;
            }
            'c' => {
                let t = self.arg()?;
                let c = if s.unicode {
                    let n = t.as_small().ok_or(FormatError::BadArg)?;
                    u32::try_from(n)
                        .ok()
                        .and_then(char::from_u32)
                        .ok_or(FormatError::BadArg)?
                } else {
                    char::from(low_byte(t).ok_or(FormatError::BadArg)?)
                };
                self.char_field(c, s)?;
            }
            '~' => self.char_field('~', s)?,
            'n' => match (s.width, s.left) {
                (None, _) => self.out.push('\n'),
                (Some(n), false) => self.out.extend(core::iter::repeat('\n').take(n)),
                (Some(_), true) => return Err(FormatError::BadArg),
            },
            'i' => {
                self.arg()?;
            }
            'e' | 'f' | 'g' => {
                let x = self.arg()?.as_float().ok_or(FormatError::BadArg)?;
                let p = s.precision.unwrap_or(6);
                let text = match s.control {
                    'e' if p >= 2 => fwrite_e(x, p),
                    'f' if p >= 1 => fwrite_f(x, p),
                    'g' if p >= 1 => fwrite_g(x, p),
                    _ => return Err(FormatError::BadArg),
                };
                self.term_field(&text, s, s.width);
            }
            'b' | 'B' | 'x' | 'X' | '#' | '+' => {
                let t = self.arg()?;
                let base = s.precision.unwrap_or(10);
                if !(2..=36).contains(&base) {
                    return Err(FormatError::BadArg);
                }
                let upper = matches!(s.control, 'B' | 'X' | '#');
                let (neg, digits) =
                    integer::integer_digits(t, base as u32, upper).ok_or(FormatError::BadArg)?;
                let prefix: Vec<char> = match s.control {
                    'x' | 'X' => chars::prefix_arg(self.arg()?, self.atoms)?,
                    '#' | '+' => alloc::format!("{base}#").chars().collect(),
                    _ => Vec::new(),
                };
                let mut text = String::new();
                if neg {
                    text.push('-');
                }
                text.extend(prefix);
                text.push_str(&digits);
                self.term_field(&text, s, None);
            }
            _ => return Err(FormatError::BadArg),
        }
        Ok(())
    }

    /// The depth argument of `~W`/`~P`: negative (or huge) means none.
    fn depth_arg(&mut self) -> Result<Option<usize>, FormatError> {
        let t = self.arg()?;
        if let Some(n) = t.as_small() {
            Ok(usize::try_from(n).ok())
        } else if t.is_integer() {
            Ok(None)
        } else {
            Err(FormatError::BadArg)
        }
    }

    fn pad(&mut self, n: usize, c: char) {
        self.out.extend(core::iter::repeat(c).take(n));
    }

    /// `text` in a field: filled with `*` when longer than `precision`
    /// (which defaults to the field width), padded to the field width.
    fn term_field(&mut self, text: &str, s: &Spec, precision: Option<usize>) {
        let Some(width) = s.width.or(precision) else {
            self.out.push_str(text);
            return;
        };
        let len = text.chars().count();
        let p = precision.unwrap_or(len.min(width));
        if len > p {
            self.adjusted(|f| f.pad(p, '*'), p, width, s);
        } else {
            self.adjusted(|f| f.out.push_str(text), len, width, s);
        }
    }

    /// Writes `len` characters (by `body`) padded to `width`.
    fn adjusted(&mut self, body: impl FnOnce(&mut Self), len: usize, width: usize, s: &Spec) {
        let fill = width.saturating_sub(len);
        if s.left {
            body(self);
            self.pad(fill, s.pad);
        } else {
            self.pad(fill, s.pad);
            body(self);
        }
    }

    /// `~s`: truncated or padded (on the right) to the precision, then
    /// adjusted in the field.
    fn string_field(&mut self, chars: &[char], s: &Spec) -> Result<(), FormatError> {
        let (width, precision) = match (s.width, s.precision) {
            (None, None) => {
                self.out.extend(chars);
                return Ok(());
            }
            (Some(w), None) => (w, w),
            (None, Some(p)) => (p, p),
            (Some(w), Some(p)) if w >= p => (w, p),
            _ => return Err(FormatError::BadArg),
        };
        let shown = &chars[..chars.len().min(precision)];
        let pad = s.pad;
        let fill = precision - shown.len();
        if s.precision.is_some() {
            self.adjusted(
                |f| {
                    f.out.extend(shown);
                    f.pad(fill, pad);
                },
                precision,
                width,
                s,
            );
        } else {
            self.adjusted(|f| f.out.extend(shown), shown.len(), width, s);
        }
        Ok(())
    }

    /// `~c` and `~~`: the character repeated `precision` (default: field
    /// width, default 1) times, adjusted in the field.
    fn char_field(&mut self, c: char, s: &Spec) -> Result<(), FormatError> {
        match (s.width, s.precision) {
            (None, None) => self.out.push(c),
            (Some(n), None) | (None, Some(n)) => self.pad(n, c),
            (Some(w), Some(p)) if w >= p => self.adjusted(|f| f.pad(p, c), p, w, s),
            _ => return Err(FormatError::BadArg),
        }
        Ok(())
    }
}

/// An integer modulo 256 (two's complement), as `~c` takes it.
fn low_byte(t: Term) -> Option<u8> {
    if let Some(n) = t.as_small() {
        return Some(n as u8);
    }
    let (neg, digits) = crate::bignum::as_big(t)?;
    let low = digits.first().copied().unwrap_or(0) as u8;
    Some(if neg { low.wrapping_neg() } else { low })
}

/// The column (0-based) where the next character of `out` goes; a tab
/// moves to the next multiple of 8.
fn column(out: &str) -> usize {
    let line = out.rsplit('\n').next().unwrap_or("");
    line.chars().fold(0, |col, c| {
        if c == '\t' {
            (col + 8) / 8 * 8
        } else {
            col + 1
        }
    })
}
