//! Magnitude division: Knuth's algorithm D (The Art of Computer
//! Programming, vol. 2, 4.3.1), one quotient digit per step, estimated from
//! the top two digits of the normalized divisor.

use super::digits::{self, Wide, Word, BITS};
use super::BigError;
use alloc::vec::Vec;
use core::cmp::Ordering;

/// Quotient and remainder of `a / b` (both trimmed, `b` non-zero), both
/// trimmed.
pub fn divrem(a: &[Word], b: &[Word]) -> Result<(Vec<Word>, Vec<Word>), BigError> {
    debug_assert!(!b.is_empty());
    if digits::cmp(a, b) == Ordering::Less {
        return Ok((Vec::new(), digits::copy(a, 0)?));
    }
    if b.len() == 1 {
        let mut q = digits::copy(a, 0)?;
        let r = digits::div_word(&mut q, b[0]);
        digits::trim(&mut q);
        let r = if r == 0 { Vec::new() } else { alloc::vec![r] };
        return Ok((q, r));
    }
    // D1: shift both so the divisor's top digit has its high bit set; the
    // quotient is unchanged and digit estimates are then off by at most 2.
    let s = b[b.len() - 1].leading_zeros() as usize;
    let v = digits::shl(b, s)?;
    let mut u = digits::shl(a, s)?;
    u.resize(a.len() + 1, 0);
    let n = v.len();
    let m = u.len() - n;
    let mut q = digits::zeros(m)?;
    let (v1, v2) = (v[n - 1] as Wide, v[n - 2] as Wide);
    let base: Wide = 1 << BITS;
    for j in (0..m).rev() {
        // D3: estimate q̂ from the top two digits of the current remainder.
        let top = ((u[j + n] as Wide) << BITS) | u[j + n - 1] as Wide;
        let mut qhat = top / v1;
        let mut rhat = top % v1;
        while qhat >= base || qhat * v2 > ((rhat << BITS) | u[j + n - 2] as Wide) {
            qhat -= 1;
            rhat += v1;
            if rhat >= base {
                break;
            }
        }
        // D4: subtract q̂·v from the remainder's window.
        let mut borrow: Word = 0;
        let mut carry: Word = 0;
        for i in 0..n {
            let p = qhat * v[i] as Wide + carry as Wide;
            carry = (p >> BITS) as Word;
            let (d, b1) = u[i + j].overflowing_sub(p as Word);
            let (d, b2) = d.overflowing_sub(borrow);
            u[i + j] = d;
            borrow = (b1 as Word) + (b2 as Word);
        }
        let (d, b1) = u[j + n].overflowing_sub(carry);
        let (d, b2) = d.overflowing_sub(borrow);
        u[j + n] = d;
        // D5/D6: q̂ was one too large (rare): add the divisor back.
        if b1 || b2 {
            qhat -= 1;
            let carry = digits::add_in_place(&mut u[j..j + n], &v);
            u[j + n] = u[j + n].wrapping_add(carry as Word);
        }
        q[j] = qhat as Word;
    }
    digits::trim(&mut q);
    // D8: the remainder is the low n digits, shifted back.
    let r = digits::shr(digits::trimmed(&u[..n]), s)?;
    Ok((q, r))
}
