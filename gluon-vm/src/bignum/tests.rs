//! Property checks of the digit algorithms: identities over pseudo-random
//! magnitudes of many sizes, and `u128` as the reference where it reaches.

use super::digits::{self, Word, BITS};
use super::{bitwise, divide, float, radix};
use alloc::vec::Vec;
use core::cmp::Ordering;

/// A deterministic generator (64-bit LCG, high bits).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0
    }
    fn word(&mut self) -> Word {
        // Sparse and dense digits both, to reach carries and borrows.
        match self.next() >> 61 {
            0 => 0,
            1 => Word::MAX,
            _ => (self.next() >> 11) as Word ^ ((self.next() as Word) << 7),
        }
    }
    fn mag(&mut self, max_len: usize) -> Vec<Word> {
        let len = (self.next() >> 33) as usize % (max_len + 1);
        let mut v: Vec<Word> = (0..len).map(|_| self.word()).collect();
        digits::trim(&mut v);
        v
    }
}

fn to_u128(a: &[Word]) -> u128 {
    a.iter()
        .rev()
        .fold(0u128, |acc, &d| (acc << BITS) | d as u128)
}

fn from_u128(mut n: u128) -> Vec<Word> {
    let mut v = Vec::new();
    while n != 0 {
        v.push(n as Word);
        n >>= BITS;
    }
    v
}

#[test]
fn small_values_match_u128() {
    let mut g = Lcg(1);
    for _ in 0..2000 {
        let a = (g.next() as u128) << (g.next() % 60) | g.next() as u128;
        let b = (g.next() >> (g.next() % 64)) as u128 + 1;
        let (x, y) = (from_u128(a), from_u128(b));
        assert_eq!(to_u128(&digits::add(&x, &y).unwrap()), a.wrapping_add(b));
        if a >= b {
            assert_eq!(to_u128(&digits::sub(&x, &y).unwrap()), a - b);
        }
        assert_eq!(digits::cmp(&x, &y), a.cmp(&b));
        let (q, r) = divide::divrem(&x, &y).unwrap();
        assert_eq!((to_u128(&q), to_u128(&r)), (a / b, a % b));
        if a.leading_zeros() + b.leading_zeros() >= 128 {
            assert_eq!(to_u128(&digits::mul(&x, &y).unwrap()), a * b);
        }
        let s = (g.next() % 64) as usize;
        assert_eq!(to_u128(&digits::shr(&x, s).unwrap()), a >> s);
        if a.leading_zeros() as usize >= s {
            assert_eq!(to_u128(&digits::shl(&x, s).unwrap()), a << s);
        }
    }
}

#[test]
fn division_identity_holds_at_every_size() {
    let mut g = Lcg(2);
    for _ in 0..600 {
        let a = g.mag(40);
        let b = g.mag(20);
        if b.is_empty() {
            continue;
        }
        let (q, r) = divide::divrem(&a, &b).unwrap();
        assert_eq!(digits::cmp(&r, &b), Ordering::Less);
        let back = digits::add(&digits::mul(&q, &b).unwrap(), &r).unwrap();
        assert_eq!(digits::trimmed(&back), &a[..]);
    }
}

#[test]
fn division_corrects_overestimated_quotient_digits() {
    // Divisors whose top digit is all ones after normalization exercise the
    // q̂ correction and the add-back step.
    let b = [Word::MAX, Word::MAX - 1, 1];
    let mut g = Lcg(3);
    for _ in 0..200 {
        let a = g.mag(12);
        let (q, r) = divide::divrem(&a, &b).unwrap();
        let back = digits::add(&digits::mul(&q, &b).unwrap(), &r).unwrap();
        assert_eq!(digits::trimmed(&back), &a[..]);
    }
}

/// Schoolbook reference for Karatsuba.
fn mul_reference(a: &[Word], b: &[Word]) -> Vec<Word> {
    let mut out: Vec<Word> = alloc::vec![0; a.len() + b.len() + 1];
    for (j, &y) in b.iter().enumerate() {
        let mut carry: u128 = 0;
        for (i, &x) in a.iter().enumerate() {
            let t = x as u128 * y as u128 + out[i + j] as u128 + carry;
            out[i + j] = t as Word;
            carry = t >> BITS;
        }
        let mut k = a.len() + j;
        while carry != 0 {
            let t = out[k] as u128 + carry;
            out[k] = t as Word;
            carry = t >> BITS;
            k += 1;
        }
    }
    digits::trim(&mut out);
    out
}

#[test]
fn karatsuba_matches_schoolbook() {
    let mut g = Lcg(4);
    for _ in 0..40 {
        let a = g.mag(300);
        let b = g.mag(150);
        assert_eq!(digits::mul(&a, &b).unwrap(), mul_reference(&a, &b));
    }
    let ones = alloc::vec![Word::MAX; 200];
    assert_eq!(
        digits::mul(&ones, &ones).unwrap(),
        mul_reference(&ones, &ones)
    );
}

#[test]
fn radix_round_trips_in_every_base() {
    let mut g = Lcg(5);
    for base in 2..=36u32 {
        for max in [1, 3, 80, 200] {
            let a = g.mag(max);
            let mut text = Vec::new();
            radix::to_text(&mut text, &a, base, base % 2 == 0, 0).unwrap();
            let values: Vec<u8> = text
                .iter()
                .map(|&c| (c as char).to_digit(36).unwrap() as u8)
                .collect();
            assert!(values.iter().all(|&v| v < base as u8));
            assert!(text.len() == 1 || text[0] != b'0');
            assert_eq!(radix::from_digit_values(&values, base).unwrap(), a);
        }
    }
}

#[test]
fn decimal_text_matches_u128() {
    let mut g = Lcg(6);
    for _ in 0..500 {
        let a = (g.next() as u128) << (g.next() % 64) | g.next() as u128;
        let mut text = Vec::new();
        radix::to_text(&mut text, &from_u128(a), 10, true, 0).unwrap();
        assert_eq!(core::str::from_utf8(&text).unwrap(), alloc::format!("{a}"));
    }
}

#[test]
fn bitwise_matches_i128() {
    let mut g = Lcg(7);
    let signed = |n: i128| (n < 0, from_u128(n.unsigned_abs()));
    let back = |(neg, m): (bool, Vec<Word>)| {
        let v = to_u128(&m) as i128;
        if neg {
            -v
        } else {
            v
        }
    };
    for _ in 0..2000 {
        let a = ((g.next() as i128) << 40) >> (g.next() % 64);
        let b = ((g.next() as i64) >> (g.next() % 64)) as i128;
        let (x, y) = (signed(a), signed(b));
        let px = (x.0, &x.1[..]);
        let py = (y.0, &y.1[..]);
        assert_eq!(
            back(bitwise::bitop(bitwise::BitOp::And, px, py).unwrap()),
            a & b
        );
        assert_eq!(
            back(bitwise::bitop(bitwise::BitOp::Or, px, py).unwrap()),
            a | b
        );
        assert_eq!(
            back(bitwise::bitop(bitwise::BitOp::Xor, px, py).unwrap()),
            a ^ b
        );
        assert_eq!(back(bitwise::bnot(x.0, &x.1).unwrap()), !a);
        let s = (g.next() % 100) as usize;
        assert_eq!(
            back(bitwise::shift_right(x.0, &x.1, s).unwrap()),
            a >> s.min(127)
        );
    }
}

#[test]
fn float_conversion_rounds_to_nearest_even() {
    // 2^64 + 2^11 is a tie between 2^64 and 2^64 + 2^12: even wins.
    let tie = from_u128((1u128 << 64) + (1 << 11));
    assert_eq!(float::to_f64(&tie), Some(18446744073709551616.0));
    // One more bit far below breaks the tie upward.
    let mut above = digits::shl(&tie, 100).unwrap();
    above[0] |= 1;
    assert_eq!(
        float::to_f64(&above),
        Some(18446744073709555712.0 * libm::exp2(100.0))
    );
    let mut g = Lcg(8);
    for _ in 0..2000 {
        let a = g.next() as u128 | ((g.next() as u128) << 64);
        assert_eq!(float::to_f64(&from_u128(a)), Some(a as f64));
    }
    let max = digits::shl(&[1], 1024).unwrap();
    assert_eq!(float::to_f64(&max), None);
    let below = digits::sub(&max, &[1]).unwrap();
    assert_eq!(float::to_f64(&below), None, "rounds up to 2^1024");
    let f = f64::MAX;
    assert_eq!(float::to_f64(&float::from_integral(f).unwrap()), Some(f));
}

#[test]
fn comparison_with_floats_is_exact() {
    let two64 = from_u128(1u128 << 64);
    let f = 18446744073709551616.0;
    assert_eq!(float::cmp_f64(false, &two64, f), Ordering::Equal);
    let plus1 = from_u128((1u128 << 64) + 1);
    assert_eq!(float::cmp_f64(false, &plus1, f), Ordering::Greater);
    assert_eq!(float::cmp_f64(true, &plus1, -f), Ordering::Less);
    assert_eq!(float::cmp_f64(true, &two64, -f), Ordering::Equal);
    assert_eq!(float::cmp_f64(false, &two64, f + 4096.0), Ordering::Less);
    assert_eq!(float::cmp_f64(false, &two64, -f), Ordering::Greater);
    let huge = digits::shl(&[1], 2000).unwrap();
    assert_eq!(float::cmp_f64(false, &huge, f64::MAX), Ordering::Greater);
    assert_eq!(float::cmp_f64(true, &huge, -f64::MAX), Ordering::Less);
    assert_eq!(float::cmp_f64(false, &[5], 5.5), Ordering::Less);
    assert_eq!(float::cmp_f64(true, &[5], -5.5), Ordering::Greater);
}
