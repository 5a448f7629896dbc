//! Magnitudes to and from text in bases 2 to 36.
//!
//! Both directions work a word at a time: the magnitude is divided (or
//! multiplied) by the largest power of the base that fits in a digit, so
//! each pass over the number yields (or consumes) up to 64 characters.
//! Beyond [`SPLIT_MIN`] digits, printing splits the number by a power of
//! the base near its square root and prints both halves recursively, which
//! keeps the quadratic passes short.

use super::digits::{self, Word};
use super::divide;
use super::BigError;
use alloc::vec::Vec;

/// Magnitudes longer than this (in digits) are printed by splitting.
const SPLIT_MIN: usize = 48;

/// The largest power of `base` that fits in a digit, and its exponent.
fn chunk(base: u32) -> (Word, usize) {
    let (mut p, mut k): (Word, usize) = (base as Word, 1);
    while let Some(n) = p.checked_mul(base as Word) {
        p = n;
        k += 1;
    }
    (p, k)
}

/// The character for digit value `d`.
fn digit_char(d: Word, upper: bool) -> u8 {
    match (d, upper) {
        (0..=9, _) => b'0' + d as u8,
        (_, true) => b'A' + (d - 10) as u8,
        (_, false) => b'a' + (d - 10) as u8,
    }
}

/// Appends the digits of `mag` in `base` to `out`, most significant first,
/// padded with zeros to at least `width` characters (0: no padding, and
/// `0` itself prints as `"0"`).
pub fn to_text(
    out: &mut Vec<u8>,
    mag: &[Word],
    base: u32,
    upper: bool,
    width: usize,
) -> Result<(), BigError> {
    let mag = digits::trimmed(mag);
    if mag.len() > SPLIT_MIN {
        return split_text(out, mag, base, upper, width);
    }
    let (p, k) = chunk(base);
    let mut v = digits::copy(mag, 0)?;
    let start = out.len();
    // Least significant characters first, reversed at the end.
    while !v.is_empty() {
        let mut r = digits::div_word(&mut v, p);
        digits::trim(&mut v);
        for _ in 0..k {
            if v.is_empty() && r == 0 {
                break;
            }
            out.push(digit_char(r % base as Word, upper));
            r /= base as Word;
        }
    }
    let min = if width == 0 { 1 } else { width };
    while out.len() - start < min {
        out.push(b'0');
    }
    out[start..].reverse();
    Ok(())
}

/// Prints a long magnitude as `hi · base^n + lo` with `lo` padded to `n`
/// characters, where `base^n` has about half the digits of `mag`.
fn split_text(
    out: &mut Vec<u8>,
    mag: &[Word],
    base: u32,
    upper: bool,
    width: usize,
) -> Result<(), BigError> {
    let (p, k) = chunk(base);
    // base^(k·half) is about half as long as `mag`: build it by squaring.
    let half = mag.len() / 2;
    let mut pow = alloc::vec![p];
    let mut words = 1;
    while words * 2 <= half {
        pow = digits::mul(&pow, &pow)?;
        words *= 2;
    }
    let (hi, lo) = divide::divrem(mag, &pow)?;
    let lo_width = words * k;
    to_text(out, &hi, base, upper, width.saturating_sub(lo_width))?;
    to_text(out, &lo, base, upper, lo_width)
}

/// The magnitude whose digit values (most significant first, each below
/// `base`) are `ds`.
pub fn from_digit_values(ds: &[u8], base: u32) -> Result<Vec<Word>, BigError> {
    let (p, k) = chunk(base);
    let mut v: Vec<Word> = Vec::new();
    let first = ds.len() % k;
    let (head, rest) = ds.split_at(first);
    let group = |g: &[u8]| {
        g.iter()
            .fold(0 as Word, |acc, &d| acc * base as Word + d as Word)
    };
    if !head.is_empty() {
        v.push(group(head));
    }
    for g in rest.chunks(k) {
        digits::mul_word_add(&mut v, p, group(g))?;
    }
    digits::trim(&mut v);
    Ok(v)
}
