//! Float register arithmetic, raising `badarith` where the BEAM does
//! (results that are not finite).

use crate::code::instr::FloatOp;
use crate::term::Term;

/// A number as a float, or `None` for non-numbers.
pub fn to_f64(t: Term) -> Option<f64> {
    if let Some(n) = t.as_small() {
        return Some(n as f64);
    }
    if let Some(f) = t.as_float() {
        return Some(f);
    }
    crate::bignum::to_f64(t)
}

/// `a op b`, or `None` when the result is not a finite number.
pub fn arith(op: FloatOp, a: f64, b: f64) -> Option<f64> {
    let r = match op {
        FloatOp::Add => a + b,
        FloatOp::Sub => a - b,
        FloatOp::Mul => a * b,
        FloatOp::Div => a / b,
    };
    if r.is_finite() {
        Some(r)
    } else {
        None
    }
}
