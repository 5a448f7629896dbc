//! The textual float of `FLOAT_EXT` (minor version 0): C's `"%.20e"` in a
//! 31-byte field padded with NUL bytes.

use core::fmt::Write;

/// Length of the `FLOAT_EXT` text field.
pub(crate) const FIELD: usize = 31;

/// A fixed buffer that `core::fmt` can write into.
struct Buf {
    bytes: [u8; 40],
    len: usize,
}

impl Write for Buf {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        let end = self.len + s.len();
        let dst = self.bytes.get_mut(self.len..end).ok_or(core::fmt::Error)?;
        dst.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// `f` as `"%.20e"` would print it (`1.50000000000000000000e+00`), padded
/// to the field with NUL bytes.
///
/// Rust's exact-precision formatting rounds the exact binary value half to
/// even, as glibc's `printf` does; only the exponent's spelling differs
/// (`e0` instead of `e+00`), so it is rewritten.
pub(crate) fn format(f: f64) -> [u8; FIELD] {
    let mut b = Buf {
        bytes: [0; 40],
        len: 0,
    };
    // Cannot fail for finite values: at most 28 characters. Non-finite
    // values (which Erlang never holds) fit too ("NaN", "inf").
    let _ = write!(b, "{f:.20e}");
    let text = &b.bytes[..b.len];
    let mut out = [0u8; FIELD];
    let Some(e) = text.iter().position(|&c| c == b'e') else {
        let n = text.len().min(FIELD);
        out[..n].copy_from_slice(&text[..n]);
        return out;
    };
    let (mantissa, exp) = (&text[..e], &text[e + 1..]);
    let (sign, digits) = match exp.first() {
        Some(b'-') => (b'-', &exp[1..]),
        _ => (b'+', exp),
    };
    let mut i = 0;
    let mut put = |c: u8| {
        if let Some(slot) = out.get_mut(i) {
            *slot = c;
        }
        i += 1;
    };
    mantissa.iter().for_each(|&c| put(c));
    put(b'e');
    put(sign);
    if digits.len() < 2 {
        put(b'0');
    }
    digits.iter().for_each(|&c| put(c));
    out
}

/// Parses a `FLOAT_EXT` field as OTP 25 accepts it: the text before the
/// first NUL (or all 31 bytes) must be `[+-]digits.digits[(e|E)[+-]digits]`
/// and its value finite (underflow gives zero).
pub(crate) fn parse(field: &[u8]) -> Option<f64> {
    let len = field.iter().position(|&c| c == 0).unwrap_or(field.len());
    let s = &field[..len];
    let mut i = 0;
    let digits = |i: &mut usize| {
        let start = *i;
        while s.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i > start
    };
    if matches!(s.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    if !digits(&mut i) || s.get(i) != Some(&b'.') {
        return None;
    }
    i += 1;
    if !digits(&mut i) {
        return None;
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(s.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if !digits(&mut i) {
            return None;
        }
    }
    if i != s.len() {
        return None;
    }
    let f: f64 = core::str::from_utf8(s).ok()?.parse().ok()?;
    f.is_finite().then_some(f)
}
