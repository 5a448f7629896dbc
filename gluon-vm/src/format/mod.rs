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
//! Files: `directive.rs` (parsing `~F.P.PadModC`), `field.rs` (widths
//! and padding), `atom.rs` (quoting, escapes), `chars.rs` (`~s` arguments),
//! `integer.rs` (bases), `float.rs` (`~w`, `~f`, `~e`, `~g` of floats),
//! `write.rs` (the one-line term writer), `pretty.rs`, `node.rs` and
//! `layout.rs` (`~p` line breaking).

mod atom;
mod chars;
mod directive;
mod field;
mod float;
mod integer;
mod layout;
mod node;
mod pretty;
#[cfg(test)]
mod tests;
mod write;

pub use atom::{needs_quotes, write_atom};
pub use float::{c_scientific, fwrite_e, fwrite_f, fwrite_g, write_float};
pub use pretty::print;
pub use write::{is_printable_list, write_string, write_term, WriteOpts};

use crate::term::{AtomTable, Term};
use alloc::string::String;
use alloc::vec::Vec;
use directive::{Args, Spec};

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
    let mut out = String::new();
    let mut args = Args::new(args);
    let mut i = 0;
    while let Some(&c) = fmt.get(i) {
        i += 1;
        let c = char::from_u32(c).ok_or(FormatError::BadArg)?;
        if c == '~' {
            let spec = directive::parse(fmt, &mut i, &mut args)?;
            control(&mut out, &spec, &mut args, atoms)?;
        } else {
            out.push(c);
        }
    }
    if !args.all_used() {
        return Err(FormatError::BadArg);
    }
    Ok(out)
}

/// Runs one control sequence.
fn control(
    out: &mut String,
    s: &Spec,
    args: &mut Args<'_>,
    atoms: &AtomTable,
) -> Result<(), FormatError> {
    match s.control {
        'w' | 'W' => {
            let t = args.next()?;
            let depth = if s.control == 'W' {
                depth_arg(args)?
            } else {
                None
            };
            let mut text = String::new();
            let opts = WriteOpts {
                depth,
                unicode: s.unicode,
                ..WriteOpts::plain()
            };
            write_term(&mut text, t, atoms, opts);
            field::term(out, &text, s, s.precision);
        }
        'p' | 'P' => {
            let t = args.next()?;
            let depth = if s.control == 'P' {
                depth_arg(args)?
            } else {
                None
            };
            // The field width is the line length; it cannot be left-adjusted.
            if s.left {
                return Err(FormatError::BadArg);
            }
            // The precision is the starting column.
            let col = s.precision.unwrap_or_else(|| field::column(out) + 1);
            let opts = WriteOpts {
                depth,
                unicode: s.unicode,
                pretty: true,
                no_strings: s.no_strings,
            };
            print(out, t, atoms, col, s.width.unwrap_or(LINE_LENGTH), opts);
        }
        's' => {
            let chars = chars::string_arg(args.next()?, atoms, s.unicode)?;
            field::string(out, &chars, s)?;
        }
        'c' => {
            let t = args.next()?;
            let c = if s.unicode {
                let n = t.as_small().ok_or(FormatError::BadArg)?;
                u32::try_from(n)
                    .ok()
                    .and_then(char::from_u32)
                    .ok_or(FormatError::BadArg)?
            } else {
                char::from(low_byte(t).ok_or(FormatError::BadArg)?)
            };
            field::character(out, c, s)?;
        }
        '~' => field::character(out, '~', s)?,
        'n' => match (s.width, s.left) {
            (None, _) => out.push('\n'),
            (Some(n), false) => field::pad(out, n, '\n'),
            (Some(_), true) => return Err(FormatError::BadArg),
        },
        'i' => {
            args.next()?;
        }
        'e' | 'f' | 'g' => {
            let x = args.next()?.as_float().ok_or(FormatError::BadArg)?;
            let p = s.precision.unwrap_or(6);
            let text = match s.control {
                'e' if p >= 2 => fwrite_e(x, p),
                'f' if p >= 1 => fwrite_f(x, p),
                'g' if p >= 1 => fwrite_g(x, p),
                _ => return Err(FormatError::BadArg),
            };
            // Too long for the field width: all `*`.
            field::term(out, &text, s, s.width);
        }
        'b' | 'B' | 'x' | 'X' | '#' | '+' => {
            let t = args.next()?;
            // The precision is the base.
            let base = s.precision.unwrap_or(10);
            if !(2..=36).contains(&base) {
                return Err(FormatError::BadArg);
            }
            let upper = matches!(s.control, 'B' | 'X' | '#');
            let (neg, digits) =
                integer::integer_digits(t, base as u32, upper).ok_or(FormatError::BadArg)?;
            let prefix: Vec<char> = match s.control {
                'x' | 'X' => chars::prefix_arg(args.next()?, atoms)?,
                '#' | '+' => alloc::format!("{base}#").chars().collect(),
                _ => Vec::new(),
            };
            let mut text = String::new();
            if neg {
                text.push('-');
            }
            text.extend(prefix);
            text.push_str(&digits);
            field::term(out, &text, s, None);
        }
        _ => return Err(FormatError::BadArg),
    }
    Ok(())
}

/// The depth argument of `~W`/`~P`: negative (or huge) means none.
fn depth_arg(args: &mut Args<'_>) -> Result<Option<usize>, FormatError> {
    let t = args.next()?;
    if let Some(n) = t.as_small() {
        Ok(usize::try_from(n).ok())
    } else if t.is_integer() {
        Ok(None)
    } else {
        Err(FormatError::BadArg)
    }
}

/// An integer modulo 256 (two's complement), as `~c` takes it without `t`.
fn low_byte(t: Term) -> Option<u8> {
    if let Some(n) = t.as_small() {
        return Some(n as u8);
    }
    let (neg, digits) = crate::bignum::as_big(t)?;
    let low = digits.first().copied().unwrap_or(0) as u8;
    Some(if neg { low.wrapping_neg() } else { low })
}
