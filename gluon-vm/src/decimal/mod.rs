//! Exact conversions between floats and decimal digits.
//!
//! A finite float is `m·2^e`, so its value, the midpoints to its
//! neighbours and any decimal number are ratios of integers; everything
//! here is exact integer arithmetic on the bignum magnitudes of
//! [`crate::bignum`], whose digit routines the VM carries anyway. `core`'s
//! float formatting and parsing (Grisu and Dragon, Eisel-Lemire, with
//! their power-of-ten tables) would add about 31 KB of flash for text that
//! a device rarely writes or reads; this costs a few KB and is slower,
//! which only float-heavy printing notices.
//!
//! - [`shortest`]: the fewest digits that read back as the float and, of
//!   those, the nearest to it, ties to even (OTP's `short`, Ryu's choice).
//! - [`significant`]: the first `n` significant digits, rounded half to
//!   even on the exact value (C's `%.*e`).
//! - [`scaled`]: `round(|f|·10^p)`, ties up (`float_to_list(F, [{decimals,
//!   D}])`).
//! - [`parse`]: the float nearest to a decimal text, ties to even.
//!
//! Digits are ASCII; an exponent is that of the first digit (`(b"15", 2)`
//! is 1.5·10^2). Every function takes a finite float and fails only when
//! memory runs out.

mod parse;
mod print;
#[cfg(test)]
mod tests;

pub use parse::parse;
pub use print::{scaled, shortest, significant};

use crate::bignum::digits::{self, Word};
use crate::bignum::BigError;
use alloc::vec::Vec;

/// A magnitude: little-endian word digits, no high zero digit.
type Mag = Vec<Word>;

/// `|f|` as `(m, e)` with `|f| = m·2^e`.
fn parts(f: f64) -> (u64, i32) {
    let bits = f.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | 1 << 52, biased - 1075)
    }
}

/// The magnitude of `v`.
fn mag(v: u64) -> Result<Mag, BigError> {
    let mut m = Vec::new();
    m.try_reserve(4).map_err(|_| BigError::OutOfMemory)?;
    m.push(v as Word);
    if Word::BITS < 64 {
        m.push((v >> 32) as Word);
    }
    digits::trim(&mut m);
    Ok(m)
}

/// `v << bits`.
fn shl(v: u64, bits: u32) -> Result<Mag, BigError> {
    digits::shl(&mag(v)?, bits as usize)
}

/// `v *= 10^n`.
fn mul_pow10(v: &mut Mag, mut n: u32) -> Result<(), BigError> {
    while n >= 9 {
        digits::mul_word_add(v, 1_000_000_000, 0)?;
        n -= 9;
    }
    if n > 0 {
        digits::mul_word_add(v, 10u32.pow(n) as Word, 0)?;
    }
    Ok(())
}

/// An estimate of `floor(log10(|f|))` for a non-zero `f`, never above it
/// and at most three below: from the binary exponent, with log10(2) as
/// 78913/2^18. Callers step up from it with exact comparisons.
fn log10_estimate(f: f64) -> i32 {
    let (m, e) = parts(f);
    let log2 = e + 63 - m.leading_zeros() as i32;
    // Arithmetic shift: floor for negative values too. 78913/2^18 is a
    // hair below log10(2), which can lift a negative product by one: hence
    // the `- 1`.
    (((log2 as i64) * 78913) >> 18) as i32 - 1
}
