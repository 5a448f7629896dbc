//! Checked against `core`'s float formatting and parsing (Grisu/Dragon,
//! Eisel-Lemire), which the firmware no longer links but tests may.

extern crate std;

use super::*;
use std::format;
use std::string::String;

/// Deterministic floats spread over every binade, with the awkward ones.
fn floats() -> Vec<f64> {
    let mut out = alloc::vec![
        5e-324,
        1e-323,
        2.2250738585072014e-308,
        2.225073858507201e-308,
        1.7976931348623157e308,
        1e23,
        9007199254740992.0,
        9007199254740993.0,
        0.1,
        0.3,
        1.0,
        2.0,
        0.5,
        100.0,
        1.0e22,
        5e-310,
        123456.789,
        2.0f64.powi(-1022),
        2.0f64.powi(1023),
        2.0f64.powi(-1000),
        8.41e21,
        5.0e-324 * 3.0,
    ];
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    while out.len() < 4000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let f = f64::from_bits(x & !(1 << 63));
        if f.is_finite() && f != 0.0 {
            out.push(f);
        }
        // Short mantissas: powers of two and small integers over 2^k,
        // where ties and binade boundaries live.
        let g = ((x >> 20) % 4096) as f64 * 2.0f64.powi((x % 200) as i32 - 100);
        if g != 0.0 {
            out.push(g);
        }
    }
    out
}

fn split(text: &str) -> (Vec<u8>, i32) {
    let (m, e) = text.split_once('e').unwrap();
    (
        m.bytes().filter(u8::is_ascii_digit).collect(),
        e.parse().unwrap(),
    )
}

/// The shortest round-trip digits by `core`, then the nearest of that
/// length when `core` rounded a tie the other way.
fn core_shortest(f: f64) -> (Vec<u8>, i32) {
    let text = format!("{f:e}");
    let (digits, _) = split(&text);
    let exact = format!("{:.*e}", digits.len() - 1, f);
    if exact.parse::<f64>() == Ok(f) {
        return split(&exact);
    }
    split(&text)
}

#[test]
fn shortest_matches_core() {
    for f in floats() {
        assert_eq!(shortest(f).unwrap(), core_shortest(f), "{f:e}");
    }
}

#[test]
fn significant_matches_core() {
    for (i, f) in floats().into_iter().enumerate() {
        let n = 1 + i % 30;
        let want = split(&format!("{:.*e}", n - 1, f));
        assert_eq!(significant(f, n).unwrap(), want, "{f:e} to {n}");
    }
    assert_eq!(significant(0.0, 3).unwrap(), (b"000".to_vec(), 0));
    assert_eq!(significant(9.96, 2).unwrap(), (b"10".to_vec(), 1));
}

/// `round(|f|·10^p)` ties up, from `core`'s exact expansion of `f`.
fn core_scaled(f: f64, p: usize) -> Vec<u8> {
    let exact = format!("{:.1100}", f.abs());
    let (int, frac) = exact.split_once('.').unwrap();
    let mut ds: Vec<u8> = int.bytes().chain(frac.bytes().take(p)).collect();
    if frac.as_bytes()[p] >= b'5' {
        let mut i = ds.len();
        loop {
            if i == 0 {
                ds.insert(0, b'1');
                break;
            }
            i -= 1;
            if ds[i] == b'9' {
                ds[i] = b'0';
            } else {
                ds[i] += 1;
                break;
            }
        }
    }
    let first = ds.iter().position(|&d| d != b'0').unwrap_or(ds.len() - 1);
    ds.split_off(first)
}

#[test]
fn scaled_rounds_ties_up() {
    for (i, f) in floats().into_iter().enumerate().step_by(7) {
        let p = i % 40;
        assert_eq!(scaled(f, p as u32).unwrap(), core_scaled(f, p), "{f:e} {p}");
    }
    assert_eq!(scaled(0.125, 2).unwrap(), b"13");
    assert_eq!(scaled(2.5, 0).unwrap(), b"3");
    assert_eq!(scaled(0.0, 3).unwrap(), b"0");
}

fn parsed(text: &str) -> Option<f64> {
    parse(text.as_bytes()).unwrap()
}

#[test]
fn parse_matches_core() {
    for f in floats() {
        for text in [
            format!("{f:e}"),
            format!("{f:.16e}"),
            format!("{f:.25e}"),
            format!("{f:.5e}"),
        ] {
            let want = text.parse::<f64>().unwrap();
            assert_eq!(
                parsed(&text).map(f64::to_bits),
                Some(want.to_bits()),
                "{text}"
            );
        }
    }
}

/// The exact decimal of the midpoint between `f` and the next float up.
fn midpoint(f: f64) -> String {
    let next = f64::from_bits(f.to_bits() + 1);
    let (a, b) = (format!("{f:.1100}"), format!("{next:.1100}"));
    // Their mean, digit by digit: (a + b) / 2 in decimal.
    let digits = |s: &str| -> Vec<u32> {
        s.bytes()
            .filter(u8::is_ascii_digit)
            .map(|c| (c - b'0') as u32)
            .collect()
    };
    let point = a.find('.').unwrap().max(b.find('.').unwrap());
    let pad = |s: &str| {
        let p = s.find('.').unwrap();
        let mut v = alloc::vec![0; point - p];
        v.extend(digits(s));
        v
    };
    let (x, y) = (pad(&a), pad(&b));
    let mut sum = alloc::vec![0u32; x.len() + 1];
    for i in (0..x.len()).rev() {
        let s = x[i] + y[i] + sum[i + 1];
        sum[i + 1] = s % 10;
        sum[i] = s / 10;
    }
    let mut half = String::new();
    let mut rem = 0;
    for d in sum.iter().chain([0].iter()) {
        let v = rem * 10 + d;
        half.push(char::from(b'0' + (v / 2) as u8));
        rem = v % 2;
    }
    // `sum` had one more integer digit than the operands.
    format!("{}.{}", &half[..point + 1], &half[point + 1..])
}

#[test]
fn parse_rounds_midpoints_to_even() {
    for f in floats().into_iter().step_by(10) {
        let mid = midpoint(f);
        let want = mid.parse::<f64>().unwrap();
        assert_eq!(
            parsed(&mid).map(f64::to_bits),
            Some(want.to_bits()),
            "{mid}"
        );
        let above = format!("{mid}00000000000000000000000001");
        let want = above.parse::<f64>().unwrap();
        assert_eq!(parsed(&above).map(f64::to_bits), Some(want.to_bits()));
    }
}

#[test]
fn parse_edges() {
    assert_eq!(parsed("1.0e309"), None);
    assert_eq!(parsed("1.7976931348623159e308"), None);
    assert_eq!(parsed("1.7976931348623157e308"), Some(f64::MAX));
    assert_eq!(parsed("2.4703282292062328e-324"), Some(5e-324));
    assert_eq!(parsed("2.4703282292062327e-324"), Some(0.0));
    assert_eq!(
        parsed("-1.0e-400").map(f64::to_bits),
        Some((-0.0f64).to_bits())
    );
    assert_eq!(parsed("0.000"), Some(0.0));
    assert_eq!(parsed("1,5"), Some(1.5));
    assert_eq!(parsed("+12.5e-1"), Some(1.25));
    assert_eq!(parsed("1.0e99999999999999999999999"), None);
    assert_eq!(parsed("1.0e-99999999999999999999999"), Some(0.0));
    let long = format!("0.{}1e3", "0".repeat(2000));
    assert_eq!(parsed(&long), Some(0.0));
    assert_eq!(parsed(&format!("{}.5", "1".repeat(1000))), None);
    for many in [
        format!("0.{}", "1".repeat(1000)),
        format!("{}e-990", "9".repeat(1000)),
    ] {
        assert_eq!(parsed(&many), many.parse::<f64>().ok(), "{many}");
    }
}
