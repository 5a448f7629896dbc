//! Float segments: 16-, 32- and 64-bit IEEE 754 values.

use super::int::Flags;

/// The bits of `f` as a `size`-bit float, or `None` when the size is not
/// 16, 32 or 64 (`badarg` on the BEAM). A value too large for a narrow
/// float becomes an infinity, as on the BEAM.
pub fn encode(f: f64, size: usize) -> Option<u64> {
    match size {
        64 => Some(f.to_bits()),
        32 => Some((f as f32).to_bits() as u64),
        16 => Some(u64::from(to_half(f).unwrap_or(if f < 0.0 {
            0xfc00
        } else {
            0x7c00
        }))),
        _ => None,
    }
}

/// The value of a `size`-bit float with these bits, or `None` for a size
/// other than 16, 32 and 64 and for infinities and NaNs, which the bit
/// syntax does not match.
pub fn decode(bits: u64, size: usize) -> Option<f64> {
    let f = match size {
        64 => f64::from_bits(bits),
        32 => f32::from_bits(bits as u32) as f64,
        16 => from_half(bits as u16),
        _ => return None,
    };
    f.is_finite().then_some(f)
}

/// Reads the raw bits of a float segment in its byte order.
pub fn read_bits(bytes: &[u8], off: usize, size: usize, flags: Flags) -> u64 {
    if !flags.little {
        return super::bits::read_u64(bytes, off, size);
    }
    (0..size / 8).fold(0u64, |acc, j| {
        acc | super::bits::read_u64(bytes, off + 8 * j, 8) << (8 * j)
    })
}

/// Writes the raw bits of a float segment in its byte order.
pub fn write_bits(dst: &mut [u8], off: usize, size: usize, v: u64, flags: Flags) {
    if !flags.little {
        return super::bits::write_u64(dst, off, size, v);
    }
    for j in 0..size / 8 {
        super::bits::write_u64(dst, off + 8 * j, 8, (v >> (8 * j)) & 0xff);
    }
}

/// Half-precision bits of `f`, rounding to nearest even; `None` if the
/// value is too large or not finite.
fn to_half(f: f64) -> Option<u16> {
    if !f.is_finite() {
        return None;
    }
    let sign = if f.is_sign_negative() { 0x8000u16 } else { 0 };
    let a = f.abs();
    if a == 0.0 {
        return Some(sign);
    }
    // Scale into units of the smallest subnormal (2^-24) or of the
    // exponent's own step, then round to an integer mantissa.
    let bits = a.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32 - 1023;
    let (e, step_exp) = if exp < -14 {
        (0, -24)
    } else {
        (exp + 15, exp - 10)
    };
    let scaled = a / pow2(step_exp);
    let mut m = round_even(scaled) as u32;
    let mut e = e as u32;
    if e == 0 {
        // Subnormal; rounding may carry into the smallest normal.
        if m >= 0x400 {
            e = 1;
            m -= 0x400;
        }
    } else {
        if m >= 0x800 {
            m >>= 1;
            e += 1;
        }
        m -= 0x400;
    }
    if e >= 31 {
        return None;
    }
    Some(sign | (e as u16) << 10 | m as u16)
}

fn from_half(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let m = (h & 0x3ff) as f64;
    match e {
        0 => sign * m * pow2(-24),
        31 => {
            if m == 0.0 {
                sign * f64::INFINITY
            } else {
                f64::NAN
            }
        }
        _ => sign * (1024.0 + m) * pow2(e - 25),
    }
}

fn pow2(e: i32) -> f64 {
    f64::from_bits(((e + 1023) as u64) << 52)
}

fn round_even(x: f64) -> f64 {
    let t = x as u64 as f64; // truncation; x is positive and small
    let frac = x - t;
    if frac > 0.5 || (frac == 0.5 && (t as u64) % 2 == 1) {
        t + 1.0
    } else {
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_floats() {
        for (f, h) in [
            (1.0, 0x3c00u16),
            (-2.0, 0xc000),
            (65504.0, 0x7bff),
            (0.5, 0x3800),
            (5.960464477539063e-8, 0x0001),
            (6.103515625e-5, 0x0400),
            (0.1, 0x2e66),
        ] {
            assert_eq!(to_half(f), Some(h), "{f}");
            assert_eq!(from_half(h), f64::from(half_value(h)));
        }
        assert_eq!(to_half(65520.0), None);
    }

    fn half_value(h: u16) -> f32 {
        from_half(h) as f32
    }
}
