//! Atom quoting and quoted-text escaping, as OTP 25's `io_lib` writes them.
//!
//! Facts (checked against OTP 25):
//! - an atom is written bare when it starts with a lowercase letter
//!   (`a`..`z` or Latin-1 `ß`..`ÿ` except `÷`), continues with letters,
//!   digits, `_` or `@` (Latin-1 letters `À`..`ÿ` except `×` and `÷`
//!   included), and is not a reserved word; any character above 255 forces
//!   quotes, even with the `t` modifier;
//! - `maybe` and `else` are not reserved in OTP 25;
//! - inside quotes, the quote character and `\` are escaped, control
//!   characters get their letter escapes (`\n \r \t \v \b \f \e \d`) or a
//!   three-digit octal escape, as do 128..159; 160..255 are written as is;
//!   characters above 255 are written as is in Unicode mode (`~tw`) and as
//!   `\x{HEX}` otherwise.

use alloc::string::String;
use core::fmt::Write;

/// Erlang's reserved words (OTP 25, default features): atoms spelled like
/// them must be quoted.
const RESERVED: &[&str] = &[
    "after", "and", "andalso", "band", "begin", "bnot", "bor", "bsl", "bsr", "bxor", "case",
    "catch", "cond", "div", "end", "fun", "if", "let", "not", "of", "or", "orelse", "receive",
    "rem", "try", "when", "xor",
];

/// A lowercase letter that may start a bare atom.
fn is_lower(c: char) -> bool {
    c.is_ascii_lowercase() || (('\u{df}'..='\u{ff}').contains(&c) && c != '\u{f7}')
}

/// A character that may continue a bare atom.
fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || c == '_'
        || c == '@'
        || (('\u{c0}'..='\u{ff}').contains(&c) && c != '\u{d7}' && c != '\u{f7}')
}

/// Whether `name` is written without quotes apart from the reserved-word
/// rule (the rule the runtime itself applies, e.g. in `fun M:F/A`).
pub(super) fn is_bare_name(name: &str) -> bool {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) if is_lower(c) => chars.all(is_name_char),
        _ => false,
    }
}

/// Whether `io_lib` quotes the atom `name`.
pub fn needs_quotes(name: &str) -> bool {
    !is_bare_name(name) || RESERVED.contains(&name)
}

/// Writes the atom `name` as `~w` does, quoting it when needed; `unicode`
/// is the `t` modifier.
pub fn write_atom(out: &mut String, name: &str, unicode: bool) {
    if needs_quotes(name) {
        write_quoted(out, name.chars(), '\'', unicode);
    } else {
        out.push_str(name);
    }
}

/// Writes `chars` between `quote` characters with Erlang escapes.
pub(super) fn write_quoted(
    out: &mut String,
    chars: impl Iterator<Item = char>,
    quote: char,
    unicode: bool,
) {
    out.push(quote);
    for c in chars {
        push_escaped(out, c, quote, unicode);
    }
    out.push(quote);
}

/// Writes one character of quoted text.
pub(super) fn push_escaped(out: &mut String, c: char, quote: char, unicode: bool) {
    let letter = match c {
        '\n' => Some('n'),
        '\r' => Some('r'),
        '\t' => Some('t'),
        '\u{b}' => Some('v'),
        '\u{8}' => Some('b'),
        '\u{c}' => Some('f'),
        '\u{1b}' => Some('e'),
        '\u{7f}' => Some('d'),
        '\\' => Some('\\'),
        _ if c == quote => Some(quote),
        _ => None,
    };
    let n = c as u32;
    if let Some(l) = letter {
        out.push('\\');
        out.push(l);
    } else if n < 32 || (128..160).contains(&n) {
        let _ = write!(out, "\\{n:03o}");
    } else if n > 255 && !unicode {
        let _ = write!(out, "\\x{{{n:X}}}");
    } else {
        out.push(c);
    }
}

/// Characters `io_lib` treats as printable in a Latin-1 string (the
/// default printable range): ` `..`~`, `\u{a0}`..`ÿ` and the control
/// characters that have letter escapes (except `\d`).
pub(super) fn is_printable_latin1(c: u32) -> bool {
    matches!(c, 32..=126 | 160..=255 | 8..=13 | 27)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn atom(name: &str, unicode: bool) -> String {
        let mut s = String::new();
        write_atom(&mut s, name, unicode);
        s
    }

    #[test]
    fn quoting_follows_otp() {
        // Expected strings produced by OTP 25 (io_lib:format("~w", [A])).
        assert_eq!(atom("hello_World@1", false), "hello_World@1");
        assert_eq!(atom("Hello", false), "'Hello'");
        assert_eq!(atom("[]", false), "'[]'");
        assert_eq!(atom("", false), "''");
        assert_eq!(atom("and", false), "'and'");
        assert_eq!(atom("maybe", false), "maybe");
        assert_eq!(atom("a'b", false), "'a\\'b'");
        assert_eq!(atom("a\"b", false), "'a\"b'");
        assert_eq!(
            atom("\u{0}\u{1}\u{8}\u{1b}\u{7f}\u{80}\u{a0}", false),
            "'\\000\\001\\b\\e\\d\\200\u{a0}'"
        );
        assert_eq!(atom("\u{df}a", false), "\u{df}a");
        assert_eq!(atom("a\u{c0}\u{d7}", false), "'a\u{c0}\u{d7}'");
        assert_eq!(atom("a\u{161}", false), "'a\\x{161}'");
        assert_eq!(atom("a\u{161}", true), "'a\u{161}'");
    }
}
