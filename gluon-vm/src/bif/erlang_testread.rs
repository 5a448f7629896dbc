//! Test support: reads terms written in Erlang syntax (see
//! [`super::erlang_testkit`] for the extra syntax it accepts).

use super::erlang_testkit::Env;
use crate::bignum;
use crate::binary;
use crate::code::{ExportEntry, Target};
use crate::term::{HeaderTag, Term};
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::Cell;

/// Reads one term; panics on malformed input.
pub(crate) fn parse(env: &mut Env, src: &str) -> Term {
    let mut r = Reader {
        s: src.as_bytes(),
        i: 0,
        env,
    };
    let t = r.term();
    r.ws();
    assert!(r.i == r.s.len(), "trailing input in {src:?}");
    t
}

struct Reader<'a, 'e> {
    s: &'a [u8],
    i: usize,
    env: &'e mut Env,
}

impl Reader<'_, '_> {
    fn peek(&self) -> u8 {
        self.s.get(self.i).copied().unwrap_or(0)
    }

    fn ws(&mut self) {
        while self.peek().is_ascii_whitespace() {
            self.i += 1;
        }
    }

    fn eat(&mut self, tok: &str) -> bool {
        self.ws();
        if self.s[self.i..].starts_with(tok.as_bytes()) {
            self.i += tok.len();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, tok: &str) {
        assert!(
            self.eat(tok),
            "expected {tok:?} at {} in {:?}",
            self.i,
            core::str::from_utf8(self.s)
        );
    }

    fn word(&mut self) -> String {
        let start = self.i;
        while matches!(self.peek(), b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' | b'@') {
            self.i += 1;
        }
        String::from_utf8_lossy(&self.s[start..self.i]).into_owned()
    }

    fn atom(&mut self, name: &str) -> Term {
        Term::atom(self.env.atoms.intern(name).expect("atom"))
    }

    fn seq(&mut self, close: &str) -> Vec<Term> {
        let mut v = Vec::new();
        if self.eat(close) {
            return v;
        }
        loop {
            v.push(self.term());
            if !self.eat(",") {
                break;
            }
        }
        v
    }

    /// One character of a quoted atom or string, escapes decoded.
    fn quoted_char(&mut self) -> u32 {
        let c = self.peek();
        self.i += 1;
        if c != b'\\' {
            // Multi-byte UTF-8 in test sources: decode one char.
            let rest = core::str::from_utf8(&self.s[self.i - 1..]).expect("utf8");
            let ch = rest.chars().next().expect("char");
            self.i += ch.len_utf8() - 1;
            return ch as u32;
        }
        let e = self.peek();
        self.i += 1;
        match e {
            b'n' => 10,
            b't' => 9,
            b'x' => {
                let braces = self.eat("{");
                let start = self.i;
                while self.peek().is_ascii_hexdigit() && (braces || self.i < start + 2) {
                    self.i += 1;
                }
                let v =
                    u32::from_str_radix(core::str::from_utf8(&self.s[start..self.i]).unwrap(), 16)
                        .unwrap();
                if braces {
                    self.expect("}");
                }
                v
            }
            other => other as u32,
        }
    }

    fn quoted(&mut self, q: u8) -> Vec<u32> {
        let mut v = Vec::new();
        while self.peek() != q {
            assert!(self.i < self.s.len(), "unterminated quote");
            v.push(self.quoted_char());
        }
        self.i += 1;
        v
    }

    fn number(&mut self, neg: bool) -> Term {
        let start = self.i;
        while self.peek().is_ascii_digit() {
            self.i += 1;
        }
        let int_part = String::from_utf8_lossy(&self.s[start..self.i]).into_owned();
        if self.peek() == b'#' {
            self.i += 1;
            let base: u32 = int_part.parse().unwrap();
            let d = self.word();
            let digits: Vec<u8> = d.chars().map(|c| c.to_digit(base).unwrap() as u8).collect();
            return super::erlang_int::from_radix(&mut self.env.heap, neg, &digits, base).unwrap();
        }
        if self.peek() == b'.' && self.s.get(self.i + 1).is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
            while self.peek().is_ascii_digit() {
                self.i += 1;
            }
            if matches!(self.peek(), b'e' | b'E') {
                self.i += 1;
                if matches!(self.peek(), b'+' | b'-') {
                    self.i += 1;
                }
                while self.peek().is_ascii_digit() {
                    self.i += 1;
                }
            }
            let text = core::str::from_utf8(&self.s[start..self.i]).unwrap();
            let f: f64 = text.parse().unwrap();
            return self.env.heap.float(if neg { -f } else { f }).unwrap();
        }
        let digits: Vec<u8> = int_part.bytes().map(|c| c - b'0').collect();
        super::erlang_int::from_radix(&mut self.env.heap, neg, &digits, 10).unwrap()
    }

    fn binary(&mut self) -> Term {
        let mut bits: Vec<u8> = Vec::new();
        if !self.eat(">>") {
            loop {
                self.ws();
                if self.peek() == b'"' {
                    self.i += 1;
                    for c in self.quoted(b'"') {
                        push_bits(&mut bits, c as u64, 8);
                    }
                } else {
                    let v = self.term();
                    let v = bignum::to_i64(v).expect("segment value");
                    let size = if self.eat(":") {
                        self.ws();
                        self.word().parse().unwrap()
                    } else {
                        8
                    };
                    push_bits(&mut bits, v as u64, size);
                }
                if !self.eat(",") {
                    break;
                }
            }
            self.expect(">>");
        }
        let nbits = bits.len();
        let bytes: Vec<u8> = bits
            .chunks(8)
            .map(|c| {
                c.iter()
                    .enumerate()
                    .fold(0u8, |a, (k, &b)| a | b << (7 - k))
            })
            .collect();
        let bin = binary::new_heap_binary(&mut self.env.heap, &bytes).unwrap();
        if nbits & 7 != 0 {
            binary::new_sub_binary(&mut self.env.heap, bin, 0, nbits).unwrap()
        } else {
            bin
        }
    }

    fn term(&mut self) -> Term {
        self.ws();
        let c = self.peek();
        match c {
            b'-' if self.s.get(self.i + 1).is_some_and(|d| d.is_ascii_digit()) => {
                self.i += 1;
                self.number(true)
            }
            b'0'..=b'9' => self.number(false),
            b'$' => {
                self.i += 1;
                Term::small(self.quoted_char() as isize)
            }
            b'\'' => {
                self.i += 1;
                let s: String = self
                    .quoted(b'\'')
                    .into_iter()
                    .filter_map(char::from_u32)
                    .collect();
                self.atom(&s)
            }
            b'"' => {
                self.i += 1;
                let v: Vec<Term> = self
                    .quoted(b'"')
                    .into_iter()
                    .map(|c| Term::small(c as isize))
                    .collect();
                self.env.heap.list_from(&v, Term::NIL).unwrap()
            }
            b'[' => {
                self.i += 1;
                let v = self.seq("]");
                if v.is_empty() {
                    return Term::NIL;
                }
                let tail = if self.eat("|") {
                    self.term()
                } else {
                    Term::NIL
                };
                self.expect("]");
                self.env.heap.list_from(&v, tail).unwrap()
            }
            b'{' => {
                self.i += 1;
                let v = self.seq("}");
                if !v.is_empty() {
                    self.expect("}");
                }
                self.env.heap.tuple(&v).unwrap()
            }
            b'<' => {
                self.expect("<<");
                self.binary()
            }
            b'#' => {
                self.i += 1;
                if self.eat("{") {
                    let mut pairs = Vec::new();
                    if !self.eat("}") {
                        loop {
                            let k = self.term();
                            self.expect("=>");
                            let v = self.term();
                            pairs.push((k, v));
                            if !self.eat(",") {
                                break;
                            }
                        }
                        self.expect("}");
                    }
                    return crate::map::from_pairs(&mut self.env.heap, &mut pairs, &self.env.atoms)
                        .unwrap();
                }
                let kind = self.word();
                self.expect("<");
                self.ws();
                let n: usize = self.word().parse().unwrap();
                self.expect(">");
                match kind.as_str() {
                    "Pid" => Term::pid(n),
                    "Port" => Term::port(n),
                    "Ref" => {
                        let s = self.env.heap.alloc_slice(crate::term::REF_WORDS).unwrap();
                        s[0] = Term::header(HeaderTag::Ref, crate::term::WORDS_PER_U64);
                        crate::term::write_u64(&mut s[1..], n as u64);
                        Term::boxed_ptr(s.as_ptr())
                    }
                    k => panic!("unknown #{k}"),
                }
            }
            _ => {
                let w = self.word();
                assert!(!w.is_empty(), "unexpected {:?} at {}", c as char, self.i);
                if w == "fun" {
                    self.ws();
                    let m = self.word();
                    self.expect(":");
                    let f = self.word();
                    self.expect("/");
                    self.ws();
                    let a: u32 = self.word().parse().unwrap();
                    let e = Box::leak(Box::new(ExportEntry {
                        module: self.env.atoms.intern(&m).unwrap(),
                        function: self.env.atoms.intern(&f).unwrap(),
                        arity: a,
                        target: Cell::new(Target::Undefined),
                        code: Cell::new(None),
                    }));
                    return crate::fun::new_export(&mut self.env.heap, e).unwrap();
                }
                self.atom(&w)
            }
        }
    }
}

fn push_bits(bits: &mut Vec<u8>, v: u64, size: usize) {
    for k in (0..size).rev() {
        bits.push(((v >> k.min(63)) & 1) as u8);
    }
}
