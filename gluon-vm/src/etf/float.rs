//! The textual float of `FLOAT_EXT` (minor version 0): C's `"%.20e"` in a
//! 31-byte field padded with NUL bytes.

/// Length of the `FLOAT_EXT` text field.
pub(crate) const FIELD: usize = 31;

/// `f` as `"%.20e"` would print it (`1.50000000000000000000e+00`), padded
/// to the field with NUL bytes.
pub(crate) fn format(f: f64) -> [u8; FIELD] {
    let text = crate::format::c_scientific(f, 20);
    let mut out = [0u8; FIELD];
    let n = text.len().min(FIELD);
    out[..n].copy_from_slice(&text.as_bytes()[..n]);
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
    // Out of memory for the digits of a 31-byte text: as good as refused.
    crate::decimal::parse(s).ok().flatten()
}
