//! Edge cases on hand-built files. `Builder` assembles IFF files from
//! chunks; `enc` writes compact terms.

use super::compact::tag;
use super::*;
use alloc::string::ToString;
use alloc::vec;
use alloc::vec::Vec;

/// Encodes a compact term with a non-negative value.
fn enc(t: u8, v: u64) -> Vec<u8> {
    if v < 16 {
        vec![((v as u8) << 4) | t]
    } else if v < 2048 {
        vec![(((v >> 8) as u8) << 5) | 0x08 | t, v as u8]
    } else {
        let mut b = v.to_be_bytes().to_vec();
        while b.len() > 1 && b[0] == 0 {
            b.remove(0);
        }
        if b[0] & 0x80 != 0 {
            b.insert(0, 0);
        }
        enc_bytes(t, &b)
    }
}

/// Encodes a compact term in the multi-byte form with these exact bytes.
fn enc_bytes(t: u8, b: &[u8]) -> Vec<u8> {
    assert!(b.len() >= 2);
    let mut out = if b.len() <= 8 {
        vec![(((b.len() - 2) as u8) << 5) | 0x18 | t]
    } else {
        let mut o = vec![0xf8 | t];
        o.extend(enc(tag::U, (b.len() - 9) as u64));
        o
    };
    out.extend_from_slice(b);
    out
}

fn ext(sub: u64) -> Vec<u8> {
    enc(tag::Z, sub)
}

fn be(words: &[u32]) -> Vec<u8> {
    words.iter().flat_map(|w| w.to_be_bytes()).collect()
}

/// The `Code` chunk: header then instruction bytes.
fn code_chunk(max_opcode: u32, labels: u32, functions: u32, code: &[u8]) -> Vec<u8> {
    let mut c = be(&[16, 0, max_opcode, labels, functions]);
    c.extend_from_slice(code);
    c
}

/// `label 1; func_info m f 0; label 2; return; int_code_end`.
fn minimal_code() -> Vec<u8> {
    let mut c = vec![op::LABEL];
    c.extend(enc(tag::U, 1));
    c.push(op::FUNC_INFO);
    c.extend(enc(tag::A, 1));
    c.extend(enc(tag::A, 2));
    c.extend(enc(tag::U, 0));
    c.push(op::LABEL);
    c.extend(enc(tag::U, 2));
    c.push(op::RETURN);
    c.push(op::INT_CODE_END);
    c
}

fn atu8(names: &[&str]) -> Vec<u8> {
    let mut a = be(&[names.len() as u32]);
    for n in names {
        a.push(n.len() as u8);
        a.extend_from_slice(n.as_bytes());
    }
    a
}

struct Builder {
    chunks: Vec<([u8; 4], Vec<u8>)>,
}

impl Builder {
    /// A valid module `m` exporting `f/0`.
    fn minimal() -> Builder {
        Builder {
            chunks: vec![
                (*b"AtU8", atu8(&["m", "f"])),
                (
                    *b"Code",
                    code_chunk(
                        u32::from(op::INT_CODE_END.max(op::FUNC_INFO).max(op::RETURN)),
                        3,
                        1,
                        &minimal_code(),
                    ),
                ),
                (*b"StrT", vec![]),
                (*b"ImpT", be(&[0])),
                (*b"ExpT", be(&[1, 2, 0, 2])),
            ],
        }
    }

    fn set(mut self, id: &[u8; 4], data: Vec<u8>) -> Builder {
        match self.chunks.iter_mut().find(|(i, _)| i == id) {
            Some(c) => c.1 = data,
            None => self.chunks.push((*id, data)),
        }
        self
    }

    fn without(mut self, id: &[u8; 4]) -> Builder {
        self.chunks.retain(|(i, _)| i != id);
        self
    }

    /// Code chunk with this instruction stream (max opcode 191, 10 labels).
    fn code(self, code: &[u8]) -> Builder {
        self.set(b"Code", code_chunk(u32::from(MAX_OPCODE), 10, 1, code))
    }

    fn build(&self) -> Vec<u8> {
        let mut body = b"BEAM".to_vec();
        for (id, data) in &self.chunks {
            body.extend_from_slice(id);
            body.extend(be(&[data.len() as u32]));
            body.extend_from_slice(data);
            while body.len() & 3 != 0 {
                body.push(0);
            }
        }
        let mut f = b"FOR1".to_vec();
        f.extend(be(&[body.len() as u32]));
        f.extend(body);
        f
    }
}

fn kind(r: Result<BeamFile<'_>, BeamError>) -> ErrorKind {
    r.unwrap_err().kind()
}

/// Parses `bytes` and decodes all instructions, returning the first error.
fn all_ops(bytes: &[u8]) -> Result<Vec<GenericOp<'_>>, BeamError> {
    parse(bytes)?.instructions().collect()
}

/// Decodes the instruction stream `code` inside the minimal module.
fn decode(code: &[u8]) -> Result<Vec<GenericOp<'static>>, BeamError> {
    let bytes = Builder::minimal().code(code).build();
    let bytes: &'static [u8] = alloc::boxed::Box::leak(bytes.into_boxed_slice());
    all_ops(bytes)
}

fn code_err(code: &[u8]) -> ErrorKind {
    decode(code).unwrap_err().kind()
}

/// `move Src x0` followed by `int_code_end`.
fn move_op(src: &[u8]) -> Vec<u8> {
    let mut c = vec![op::MOVE];
    c.extend_from_slice(src);
    c.extend(enc(tag::X, 0));
    c.push(op::INT_CODE_END);
    c
}

fn first_arg(src: &[u8]) -> Operand<'static> {
    decode(&move_op(src)).unwrap()[0].args[0].clone()
}

#[test]
fn minimal_module() {
    let bytes = Builder::minimal().build();
    let f = parse(&bytes).unwrap();
    assert_eq!(f.module_name(), "m");
    assert_eq!(f.atom(2), Some("f"));
    assert_eq!(f.atom(0), None);
    assert_eq!(f.atom(3), None);
    assert_eq!(
        f.exports,
        vec![Export {
            function: 2,
            arity: 0,
            label: 2
        }]
    );
    assert!(f.imports.is_empty() && f.funs.is_empty() && f.locals.is_empty());
    assert_eq!(f.literal_count(), 0);
    assert!(f.types.is_none());
    assert_eq!(f.chunk(ChunkId::STRT), Some(&[][..]));
    let ops: Vec<_> = f.instructions().map(|o| o.unwrap()).collect();
    let names: Vec<_> = ops.iter().map(|o| o.name).collect();
    assert_eq!(
        names,
        ["label", "func_info", "label", "return", "int_code_end"]
    );
    assert_eq!(
        &*ops[1].args,
        &[Operand::Atom(1), Operand::Atom(2), Operand::Unsigned(0)]
    );
    assert_eq!(ops[0].offset, f.code.offset);
}

#[test]
fn strt_is_optional_and_trailing_bytes_after_form_are_ignored() {
    let mut bytes = Builder::minimal().without(b"StrT").build();
    bytes.extend_from_slice(&[0xff; 13]);
    let f = parse(&bytes).unwrap();
    assert!(f.strings.is_empty());
}

#[test]
fn bad_headers() {
    assert_eq!(kind(parse(b"")), ErrorKind::NotBeam);
    assert_eq!(kind(parse(b"FOR1")), ErrorKind::NotBeam);
    assert_eq!(kind(parse(b"FOR1\0\0\0\x04BEAX")), ErrorKind::NotBeam);
    assert_eq!(kind(parse(&[0x1f, 0x8b, 8, 0])), ErrorKind::Compressed);
    let e = parse(b"FOR1\0\0\0\x08BEAM").unwrap_err();
    assert_eq!(
        e.kind(),
        ErrorKind::FormTooLong {
            declared: 8,
            available: 4
        }
    );
    assert_eq!(e.offset(), 4);
    assert_eq!(kind(parse(b"FOR1\0\0\0\x04BEAM")), ErrorKind::MissingChunk);
}

#[test]
fn chunk_beyond_end() {
    let mut bytes = Builder::minimal().build();
    // Make the last chunk (ExpT, 16 bytes) claim 9000 bytes.
    let at = bytes.len() - 16 - 4;
    bytes[at..at + 4].copy_from_slice(&9000u32.to_be_bytes());
    let e = parse(&bytes).unwrap_err();
    assert_eq!(
        e.kind(),
        ErrorKind::ChunkOverrun {
            declared: 9000,
            available: 16
        }
    );
    assert_eq!(e.chunk(), Some(ChunkId::EXPT));
    assert_eq!(e.offset() as usize, at - 4);
    assert_eq!(
        e.to_string(),
        alloc::format!(
            "chunk `ExpT` at offset {:#x}: declared size 9000 (padded to 4 bytes) exceeds the 16 bytes left in the file",
            at - 4
        )
    );
}

#[test]
fn misaligned_chunks() {
    // A 3-byte chunk whose padding byte is missing at the end of the form.
    let mut bytes = Builder::minimal().set(b"XYZ!", vec![1, 2, 3]).build();
    bytes.pop();
    let n = (bytes.len() - 8) as u32;
    bytes[4..8].copy_from_slice(&n.to_be_bytes());
    let e = parse(&bytes).unwrap_err();
    assert_eq!(
        e.kind(),
        ErrorKind::ChunkOverrun {
            declared: 3,
            available: 3
        }
    );
    assert_eq!(e.chunk(), Some(ChunkId(*b"XYZ!")));
    // A form that ends in the middle of a chunk header.
    let mut bytes = Builder::minimal().build();
    bytes.extend_from_slice(b"Lit");
    let n = (bytes.len() - 8) as u32;
    bytes[4..8].copy_from_slice(&n.to_be_bytes());
    assert!(matches!(
        kind(parse(&bytes)),
        ErrorKind::Truncated {
            needed: 4,
            available: 3
        }
    ));
    // Unknown chunks are skipped, padding included.
    let bytes = Builder::minimal()
        .set(b"Abcd", vec![9; 5])
        .set(b"Dbgi", vec![7; 6])
        .build();
    assert!(parse(&bytes).is_ok());
}

#[test]
fn missing_and_duplicate_chunks() {
    for id in [b"Code", b"AtU8", b"ImpT", b"ExpT"] {
        let e = parse(&Builder::minimal().without(id).build()).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::MissingChunk, "{id:?}");
        assert_eq!(e.chunk(), Some(ChunkId(*id)));
    }
    let mut b = Builder::minimal();
    b.chunks.push((*b"ImpT", be(&[0])));
    let e = parse(&b.build()).unwrap_err();
    assert_eq!(
        (e.kind(), e.chunk()),
        (ErrorKind::DuplicateChunk, Some(ChunkId::IMPT))
    );
}

#[test]
fn latin1_atom_chunk() {
    let mut a = be(&[2]);
    a.push(1);
    a.push(b'm');
    a.extend_from_slice(&[2, 0xe9, b't']);
    let bytes = Builder::minimal().without(b"AtU8").set(b"Atom", a).build();
    let f = parse(&bytes).unwrap();
    assert_eq!(f.atom(2), Some("ét"));
    assert!(matches!(f.atoms[0], alloc::borrow::Cow::Borrowed("m")));
}

#[test]
fn long_atom_table_of_otp28() {
    let long = "ω".repeat(200);
    let mut a = be(&[(-3i32) as u32]);
    for n in ["m", "f", long.as_str()] {
        a.extend(enc(tag::U, n.len() as u64));
        a.extend_from_slice(n.as_bytes());
    }
    let bytes = Builder::minimal().set(b"AtU8", a).build();
    let f = parse(&bytes).unwrap();
    assert_eq!(f.atom(3), Some(long.as_str()));
    assert_eq!(f.atoms.len(), 3);
}

#[test]
fn bad_atom_tables() {
    let bad_utf8 = [0, 0, 0, 1, 2, 0xc3, 0x28];
    assert_eq!(
        kind(parse(
            &Builder::minimal().set(b"AtU8", bad_utf8.to_vec()).build()
        )),
        ErrorKind::BadUtf8
    );
    assert_eq!(
        kind(parse(&Builder::minimal().set(b"AtU8", be(&[0])).build())),
        ErrorKind::NoAtoms
    );
    let huge = be(&[0x0fff_ffff]);
    assert!(matches!(
        kind(parse(&Builder::minimal().set(b"AtU8", huge).build())),
        ErrorKind::CountTooLarge {
            count: 0x0fff_ffff,
            available: 0
        }
    ));
    let mut trailing = atu8(&["m", "f"]);
    trailing.push(0);
    assert_eq!(
        kind(parse(&Builder::minimal().set(b"AtU8", trailing).build())),
        ErrorKind::TrailingBytes { count: 1 }
    );
}

#[test]
fn table_indices_are_checked() {
    let b = || Builder::minimal();
    assert_eq!(
        kind(parse(&b().set(b"ImpT", be(&[1, 1, 3, 0])).build())),
        ErrorKind::AtomOutOfRange { index: 3, count: 2 }
    );
    assert_eq!(
        kind(parse(&b().set(b"ImpT", be(&[1, 0, 1, 0])).build())),
        ErrorKind::AtomOutOfRange { index: 0, count: 2 }
    );
    assert_eq!(
        kind(parse(&b().set(b"ImpT", be(&[1, 1, 2, 256])).build())),
        ErrorKind::BadArity { arity: 256 }
    );
    assert_eq!(
        kind(parse(&b().set(b"ExpT", be(&[1, 2, 0, 3])).build())),
        ErrorKind::LabelOutOfRange { label: 3, count: 3 }
    );
    assert_eq!(
        kind(parse(&b().set(b"LocT", be(&[1, 2, 0, 7])).build())),
        ErrorKind::LabelOutOfRange { label: 7, count: 3 }
    );
    assert!(matches!(
        kind(parse(&b().set(b"ImpT", be(&[0x4000_0000])).build())),
        ErrorKind::CountTooLarge {
            count: 0x4000_0000,
            ..
        }
    ));
    let fun = be(&[1, 2, 1, 2, 0, 1, 99]);
    let bytes = b().set(b"FunT", fun).build();
    let f = parse(&bytes).unwrap();
    assert_eq!(
        f.funs,
        vec![FunEntry {
            function: 2,
            arity: 1,
            label: 2,
            index: 0,
            num_free: 1,
            old_uniq: 99
        }]
    );
    assert!(matches!(
        kind(parse(&b().set(b"FunT", be(&[1, 2, 1, 2, 0, 1])).build())),
        ErrorKind::CountTooLarge { .. }
    ));
}

#[test]
fn code_header_checks() {
    let b = || Builder::minimal();
    let e = parse(
        &b().set(b"Code", code_chunk(192, 3, 1, &minimal_code()))
            .build(),
    )
    .unwrap_err();
    assert_eq!(
        e.kind(),
        ErrorKind::MaxOpcodeTooNew {
            max_opcode: 192,
            supported: 191
        }
    );
    assert!(e.to_string().contains("later Erlang/OTP release"));
    let mut c = code_chunk(191, 3, 1, &minimal_code());
    c[7] = 1; // instruction set 1
    assert_eq!(
        kind(parse(&b().set(b"Code", c).build())),
        ErrorKind::UnsupportedInstructionSet { set: 1 }
    );
    assert_eq!(
        kind(parse(&b().set(b"Code", be(&[8, 0, 0])).build())),
        ErrorKind::BadCodeHeader { header_size: 8 }
    );
    assert!(matches!(
        kind(parse(&b().set(b"Code", be(&[16, 0, 0])).build())),
        ErrorKind::Truncated { .. }
    ));
    // A longer header (future fields) is skipped.
    let mut c = be(&[20, 0, 191, 3, 1, 0xdead]);
    c.extend(minimal_code());
    assert_eq!(all_ops(&b().set(b"Code", c).build()).unwrap().len(), 5);
}

#[test]
fn unknown_and_too_new_opcodes() {
    assert_eq!(code_err(&[0]), ErrorKind::UnknownOpcode { opcode: 0 });
    assert_eq!(code_err(&[192]), ErrorKind::UnknownOpcode { opcode: 192 });
    assert_eq!(code_err(&[255]), ErrorKind::UnknownOpcode { opcode: 255 });
    // `return` (19) in a module declaring max opcode 3.
    let bytes = Builder::minimal()
        .set(b"Code", code_chunk(3, 3, 1, &minimal_code()))
        .build();
    let e = all_ops(&bytes).unwrap_err();
    assert_eq!(
        e.kind(),
        ErrorKind::OpcodeAboveMax {
            opcode: 19,
            max_opcode: 3
        }
    );
    assert_eq!(e.chunk(), Some(ChunkId::CODE));
    let f = parse(&bytes).unwrap();
    let code_at = f.code.offset;
    assert_eq!(e.offset() as usize, code_at + minimal_code().len() - 2);
}

#[test]
fn truncated_code() {
    assert_eq!(code_err(&[]), ErrorKind::MissingCodeEnd);
    assert_eq!(code_err(&[op::RETURN]), ErrorKind::MissingCodeEnd);
    assert!(matches!(
        code_err(&[op::MOVE, 0x03]),
        ErrorKind::Truncated { .. }
    ));
    // A multi-byte term whose bytes run out.
    assert!(matches!(
        code_err(&[op::MOVE, 0x39, 1]),
        ErrorKind::Truncated {
            needed: 3,
            available: 1
        }
    ));
    // The iterator stops after the first error.
    let bytes = Builder::minimal().code(&[0, op::RETURN]).build();
    let f = parse(&bytes).unwrap();
    let mut it = f.instructions();
    assert!(it.next().unwrap().is_err());
    assert!(it.next().is_none());
}

#[test]
fn bytes_after_int_code_end_are_ignored() {
    let ops = decode(&[op::INT_CODE_END, 0xff, 0xff]).unwrap();
    assert_eq!(ops.len(), 1);
}

#[test]
fn compact_values() {
    assert_eq!(first_arg(&enc(tag::U, 7)), Operand::Unsigned(7));
    assert_eq!(first_arg(&enc(tag::U, 2047)), Operand::Unsigned(2047));
    assert_eq!(first_arg(&enc(tag::U, 2048)), Operand::Unsigned(2048));
    assert_eq!(
        first_arg(&enc(tag::U, u64::MAX)),
        Operand::Unsigned(u64::MAX)
    );
    assert_eq!(first_arg(&enc(tag::I, 15)), Operand::Integer(15));
    assert_eq!(first_arg(&enc(tag::I, 1000)), Operand::Integer(1000));
    assert_eq!(
        first_arg(&enc_bytes(tag::I, &[0xff, 0xff])),
        Operand::Integer(-1)
    );
    assert_eq!(
        first_arg(&enc_bytes(tag::I, &[0xfe, 0xd4])),
        Operand::Integer(-300)
    );
    assert_eq!(
        first_arg(&enc_bytes(tag::I, &i64::MIN.to_be_bytes())),
        Operand::Integer(i64::MIN)
    );
    // Redundant sign bytes still give an i64.
    assert_eq!(
        first_arg(&enc_bytes(
            tag::I,
            &[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x85]
        )),
        Operand::Integer(-123)
    );
    // 2^64 - 1 needs 9 bytes: a bignum.
    let big = [0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];
    assert_eq!(first_arg(&enc_bytes(tag::I, &big)), Operand::BigInt(&big));
    let neg_big = [0xff, 0x7f, 0, 0, 0, 0, 0, 0, 0];
    assert_eq!(
        first_arg(&enc_bytes(tag::I, &neg_big)),
        Operand::BigInt(&neg_big)
    );
    // A long bignum (nested length: 9 + 31 = 40 bytes).
    let mut huge = vec![0x12u8; 40];
    huge[0] = 0x7f;
    let enc_huge = enc_bytes(tag::I, &huge);
    assert_eq!(enc_huge[..3], [0xf8 | tag::I, 0x08 | tag::U, 31]);
    assert_eq!(
        first_arg(&enc_huge),
        Operand::BigInt(alloc::boxed::Box::leak(huge.into_boxed_slice()))
    );
    assert_eq!(first_arg(&enc(tag::A, 0)), Operand::Nil);
    assert_eq!(first_arg(&enc(tag::A, 2)), Operand::Atom(2));
    assert_eq!(first_arg(&enc(tag::X, 1023)), Operand::X(1023));
    assert_eq!(first_arg(&enc(tag::Y, 5)), Operand::Y(5));
    assert_eq!(first_arg(&enc(tag::F, 0)), Operand::Label(0));
    assert_eq!(first_arg(&enc(tag::F, 9)), Operand::Label(9));
    assert_eq!(first_arg(&enc(tag::H, 0x3c9)), Operand::Char(0x3c9));
    let mut fl = ext(tag::EXT_FLOAT);
    fl.extend_from_slice(&2.5f64.to_be_bytes());
    assert_eq!(first_arg(&fl), Operand::Float(2.5));
    let mut fr = ext(tag::EXT_FREG);
    fr.extend(enc(tag::U, 3));
    assert_eq!(first_arg(&fr), Operand::FReg(3));
    let mut tr = ext(tag::EXT_TYPED_REG);
    tr.extend(enc(tag::Y, 4));
    tr.extend(enc(tag::U, 0));
    assert_eq!(
        first_arg(&tr),
        Operand::TypedReg {
            reg: Reg::Y(4),
            type_index: 0
        }
    );
    let mut al = ext(tag::EXT_ALLOC_LIST);
    for v in [2, 0, 3, 1, 1] {
        al.extend(enc(tag::U, v));
    }
    assert_eq!(first_arg(&al), Operand::AllocList(vec![(0, 3), (1, 1)]));
}

#[test]
fn bad_compact_terms() {
    // Unsigned wider than 64 bits.
    assert_eq!(
        code_err(&move_op(&enc_bytes(tag::U, &[1; 9]))),
        ErrorKind::ValueTooLarge
    );
    // Atom index beyond u32.
    assert_eq!(
        code_err(&move_op(&enc_bytes(tag::A, &[1, 0, 0, 0, 0]))),
        ErrorKind::ValueTooLarge
    );
    // Unknown extended tags.
    assert_eq!(
        code_err(&move_op(&ext(6))),
        ErrorKind::BadExtendedTag { ext: 6 }
    );
    assert_eq!(
        code_err(&move_op(&ext(15))),
        ErrorKind::BadExtendedTag { ext: 15 }
    );
    // A typed register that is not a register.
    let mut tr = ext(tag::EXT_TYPED_REG);
    tr.extend(enc(tag::A, 1));
    tr.extend(enc(tag::U, 0));
    assert_eq!(
        code_err(&move_op(&tr)),
        ErrorKind::UnexpectedTag { tag: tag::A }
    );
    // A literal index that is not `u`.
    let mut lit = ext(tag::EXT_LITERAL);
    lit.extend(enc(tag::I, 0));
    assert_eq!(
        code_err(&move_op(&lit)),
        ErrorKind::UnexpectedTag { tag: tag::I }
    );
    // A nested length prefix that is not `u`.
    assert_eq!(
        code_err(&move_op(&[0xf8 | tag::I, tag::A])),
        ErrorKind::UnexpectedTag { tag: tag::A }
    );
    // A nested length prefix that nests again.
    assert_eq!(
        code_err(&move_op(&[0xf8 | tag::I, 0xf8, 0])),
        ErrorKind::ValueTooLarge
    );
    // An allocation-list kind other than 0..=2.
    let mut al = ext(tag::EXT_ALLOC_LIST);
    al.extend(enc(tag::U, 1));
    al.extend(enc(tag::U, 3));
    al.extend(enc(tag::U, 1));
    assert_eq!(code_err(&move_op(&al)), ErrorKind::BadAllocKind { kind: 3 });
    // Registers are limited to 1023.
    assert_eq!(
        code_err(&move_op(&enc(tag::X, 1024))),
        ErrorKind::RegisterOutOfRange { reg: 1024 }
    );
    let mut fr = ext(tag::EXT_FREG);
    fr.extend(enc(tag::U, 5000));
    assert_eq!(
        code_err(&move_op(&fr)),
        ErrorKind::RegisterOutOfRange { reg: 5000 }
    );
}

#[test]
fn lists() {
    // select_val x0 f0 [1 -> f2, a -> f2]
    let mut c = vec![op::SELECT_VAL];
    c.extend(enc(tag::X, 0));
    c.extend(enc(tag::F, 0));
    c.extend(ext(tag::EXT_LIST));
    c.extend(enc(tag::U, 4));
    for part in [
        enc(tag::I, 1),
        enc(tag::F, 2),
        enc(tag::A, 1),
        enc(tag::F, 2),
    ] {
        c.extend(part);
    }
    c.push(op::INT_CODE_END);
    let ops = decode(&c).unwrap();
    assert_eq!(
        ops[0].args[2],
        Operand::List(vec![
            Operand::Integer(1),
            Operand::Label(2),
            Operand::Atom(1),
            Operand::Label(2)
        ])
    );
    // A list that is not the last operand.
    let mut c = vec![op::MOVE];
    c.extend(ext(tag::EXT_LIST));
    c.extend(enc(tag::U, 0));
    c.extend(enc(tag::X, 0));
    c.push(op::INT_CODE_END);
    assert_eq!(code_err(&c), ErrorKind::MisplacedList);
    // A list inside a list.
    let mut c = vec![op::PUT_TUPLE2];
    c.extend(enc(tag::X, 0));
    c.extend(ext(tag::EXT_LIST));
    c.extend(enc(tag::U, 1));
    c.extend(ext(tag::EXT_LIST));
    c.extend(enc(tag::U, 0));
    c.push(op::INT_CODE_END);
    assert_eq!(code_err(&c), ErrorKind::MisplacedList);
    // A huge element count is refused before allocating.
    let mut c = vec![op::PUT_TUPLE2];
    c.extend(enc(tag::X, 0));
    c.extend(ext(tag::EXT_LIST));
    c.extend(enc(tag::U, 0xffff_ffff));
    c.push(op::INT_CODE_END);
    assert!(matches!(
        code_err(&c),
        ErrorKind::CountTooLarge {
            count: 0xffff_ffff,
            ..
        }
    ));
    let mut c = vec![op::TEST_HEAP];
    c.extend(ext(tag::EXT_ALLOC_LIST));
    c.extend(enc(tag::U, 0x7fff_ffff));
    assert!(matches!(
        code_err(&c),
        ErrorKind::CountTooLarge {
            count: 0x7fff_ffff,
            ..
        }
    ));
}

#[test]
fn operand_ranges() {
    // Atom 3 of 2.
    assert_eq!(
        code_err(&move_op(&enc(tag::A, 3))),
        ErrorKind::AtomOutOfRange { index: 3, count: 2 }
    );
    // Label 10 with a label count of 10.
    let mut c = vec![op::JUMP];
    c.extend(enc(tag::F, 10));
    c.push(op::INT_CODE_END);
    assert_eq!(
        code_err(&c),
        ErrorKind::LabelOutOfRange {
            label: 10,
            count: 10
        }
    );
    // No literal table: literal 0 is out of range.
    let mut lit = ext(tag::EXT_LITERAL);
    lit.extend(enc(tag::U, 0));
    assert_eq!(
        code_err(&move_op(&lit)),
        ErrorKind::LiteralOutOfRange { index: 0, count: 0 }
    );
    // Type index checked against the Type chunk when there is one.
    let mut tr = ext(tag::EXT_TYPED_REG);
    tr.extend(enc(tag::X, 1));
    tr.extend(enc(tag::U, 2));
    let code = move_op(&tr);
    assert!(decode(&code).is_ok());
    let mut types = be(&[4, 2]);
    types.extend_from_slice(&[0x1f, 0xff, 0x00, 0x20]);
    let bytes = Builder::minimal().code(&code).set(b"Type", types).build();
    assert_eq!(
        all_ops(&bytes).unwrap_err().kind(),
        ErrorKind::TypeOutOfRange { index: 2, count: 2 }
    );
    assert!(matches!(
        kind(parse(
            &Builder::minimal().set(b"Type", be(&[4, 1000])).build()
        )),
        ErrorKind::CountTooLarge { count: 1000, .. }
    ));
    // A Type chunk of an unknown version is ignored, with its indices.
    let bytes = Builder::minimal()
        .code(&code)
        .set(b"Type", be(&[99, 0]))
        .build();
    assert!(parse(&bytes).unwrap().types.is_none());
    assert!(all_ops(&bytes).is_ok());
}

fn literal_table(lits: &[&[u8]]) -> Vec<u8> {
    let mut t = be(&[lits.len() as u32]);
    for l in lits {
        t.extend(be(&[l.len() as u32]));
        t.extend_from_slice(l);
    }
    t
}

const LIT_A: &[u8] = &[131, 100, 0, 1, b'a'];
const LIT_B: &[u8] = &[131, 97, 42];

#[test]
fn literals_compressed_and_not() {
    let table = literal_table(&[LIT_A, LIT_B]);
    // OTP 27 and earlier: zlib.
    let mut z = be(&[table.len() as u32]);
    z.extend(miniz_oxide::deflate::compress_to_vec_zlib(&table, 6));
    let mut lit = ext(tag::EXT_LITERAL);
    lit.extend(enc(tag::U, 1));
    let bytes = Builder::minimal()
        .set(b"LitT", z)
        .code(&move_op(&lit))
        .build();
    let f = parse(&bytes).unwrap();
    assert_eq!(f.literal_count(), 2);
    assert_eq!(f.literal(0), Some(LIT_A));
    assert_eq!(f.literal(1), Some(LIT_B));
    assert_eq!(f.literal(2), None);
    assert!(!f.literals.is_borrowed());
    assert_eq!(
        f.instructions().next().unwrap().unwrap().args[0],
        Operand::Literal(1)
    );
    // OTP 28+: uncompressed, borrowed.
    let mut u = be(&[0]);
    u.extend(&table);
    let bytes = Builder::minimal().set(b"LitT", u).build();
    let f = parse(&bytes).unwrap();
    assert!(f.literals.is_borrowed());
    assert_eq!(f.literals.iter().collect::<Vec<_>>(), vec![LIT_A, LIT_B]);
}

#[test]
#[cfg(not(feature = "inflate"))]
fn compressed_literals_need_inflate() {
    let table = literal_table(&[LIT_A, LIT_B]);
    let mut z = be(&[table.len() as u32]);
    z.extend(miniz_oxide::deflate::compress_to_vec_zlib(&table, 6));
    let bytes = Builder::minimal().set(b"LitT", z).build();
    assert_eq!(kind(parse(&bytes)), ErrorKind::NoInflate);
    // The uncompressed form still loads, in place.
    let mut u = be(&[0]);
    u.extend(&table);
    let bytes = Builder::minimal().set(b"LitT", u).build();
    let f = parse(&bytes).unwrap();
    assert!(f.literals.is_borrowed());
}

#[test]
fn bad_literal_tables() {
    let table = literal_table(&[LIT_A, LIT_B]);
    let zlib = miniz_oxide::deflate::compress_to_vec_zlib(&table, 6);
    let with = |size: u32, data: &[u8]| {
        let mut c = be(&[size]);
        c.extend_from_slice(data);
        kind(parse(&Builder::minimal().set(b"LitT", c).build()))
    };
    let n = table.len() as u32;
    assert_eq!(
        with(n - 1, &zlib),
        ErrorKind::SizeMismatch {
            declared: n - 1,
            actual: n
        }
    );
    assert_eq!(
        with(n + 1, &zlib),
        ErrorKind::SizeMismatch {
            declared: n + 1,
            actual: n
        }
    );
    // A declared size no deflate stream of this length can reach.
    assert_eq!(
        with(9_000_000, &zlib),
        ErrorKind::SizeMismatch {
            declared: 9_000_000,
            actual: u32::MAX
        }
    );
    assert_eq!(with(n, b"not zlib at all"), ErrorKind::BadZlib);
    let mut corrupt = zlib.clone();
    let last = corrupt.len() - 1;
    corrupt[last] ^= 0xff; // Adler-32 checksum
    assert_eq!(with(n, &corrupt), ErrorKind::BadZlib);
    assert_eq!(with(n, &zlib[..zlib.len() / 2]), ErrorKind::BadZlib);
    // Uncompressed: a count that cannot fit, a size that overruns, no 131.
    assert!(matches!(
        with(0, &be(&[0x1000_0000])),
        ErrorKind::CountTooLarge {
            count: 0x1000_0000,
            ..
        }
    ));
    assert!(matches!(
        with(0, &be(&[1, 100, 0])),
        ErrorKind::Truncated { needed: 100, .. }
    ));
    assert_eq!(
        with(0, &literal_table(&[LIT_A, &[97, 1]])),
        ErrorKind::BadLiteral { index: 1 }
    );
    assert_eq!(
        with(0, &literal_table(&[&[]])),
        ErrorKind::BadLiteral { index: 0 }
    );
    let mut extra = literal_table(&[LIT_A]);
    extra.push(0);
    assert_eq!(with(0, &extra), ErrorKind::TrailingBytes { count: 1 });
}

#[test]
fn line_table() {
    let mut l = be(&[0, 0, 3, 3, 1]);
    for part in [
        enc(tag::I, 10),
        enc(tag::A, 1),
        enc(tag::I, 3000),
        enc(tag::A, 0),
        enc(tag::I, 7),
    ] {
        l.extend(part);
    }
    l.extend_from_slice(&[0, 5]);
    l.extend_from_slice(b"x.hrl");
    let bytes = Builder::minimal().set(b"Line", l.clone()).build();
    let f = parse(&bytes).unwrap();
    let lines = &f.lines;
    assert_eq!(lines.len(), 3);
    assert_eq!(lines.instruction_count, 3);
    assert_eq!(lines.location(0), None);
    assert_eq!(lines.location(1), Some((0, 10)));
    assert_eq!(lines.location(2), Some((1, 3000)));
    assert_eq!(lines.location(3), Some((0, 7)));
    assert_eq!(lines.location(4), None);
    assert_eq!(lines.file(1), Some("x.hrl"));
    assert_eq!(lines.file(0), None);
    assert_eq!(lines.files().collect::<Vec<_>>(), ["x.hrl"]);

    // Bad item tag, file index out of range, huge counts, truncated names.
    let mut bad = be(&[0, 0, 1, 1, 0]);
    bad.extend(enc(tag::X, 1));
    assert_eq!(
        kind(parse(&Builder::minimal().set(b"Line", bad).build())),
        ErrorKind::BadLineItem
    );
    let mut bad = be(&[0, 0, 1, 1, 0]);
    bad.extend(enc(tag::A, 1));
    assert_eq!(
        kind(parse(&Builder::minimal().set(b"Line", bad).build())),
        ErrorKind::FileOutOfRange { index: 1, count: 0 }
    );
    let huge = be(&[0, 0, 1, 0xffff_ffff, 0]);
    assert!(matches!(
        kind(parse(&Builder::minimal().set(b"Line", huge).build())),
        ErrorKind::CountTooLarge { .. }
    ));
    let truncated = l[..l.len() - 1].to_vec();
    assert!(matches!(
        kind(parse(&Builder::minimal().set(b"Line", truncated).build())),
        ErrorKind::Truncated { .. }
    ));
    // Another version is ignored.
    let bytes = Builder::minimal()
        .set(b"Line", be(&[1, 0xffff_ffff]))
        .build();
    let f = parse(&bytes).unwrap();
    assert!(f.lines.is_empty());
    assert_eq!(f.lines.version, 1);
}

#[test]
fn error_messages() {
    let e = BeamError::in_chunk(
        ErrorKind::ChunkOverrun {
            declared: 9000,
            available: 512,
        },
        0x1a4,
        ChunkId::LITT,
    );
    assert_eq!(
        e.to_string(),
        "chunk `LitT` at offset 0x1a4: declared size 9000 (padded to 4 bytes) exceeds the 512 bytes left in the file"
    );
    let e = BeamError::new(ErrorKind::NotBeam, 0);
    assert_eq!(
        e.to_string(),
        "at offset 0x0: not a BEAM file (expected `FOR1` <size> `BEAM`)"
    );
    assert_eq!(ChunkId(*b"a\0b\n").to_string(), "a\\x00b\\x0a");
    let e = BeamError::in_chunk(
        ErrorKind::UnknownOpcode { opcode: 200 },
        0x40,
        ChunkId::CODE,
    );
    assert_eq!(
        e.to_string(),
        "chunk `Code` at offset 0x40: unknown opcode 200"
    );
}

/// A module using every operand form, for the mutation test.
fn rich_module() -> Vec<u8> {
    let mut c = minimal_code();
    c.pop();
    c.push(op::SELECT_VAL);
    c.extend(enc(tag::X, 0));
    c.extend(enc(tag::F, 2));
    c.extend(ext(tag::EXT_LIST));
    c.extend(enc(tag::U, 2));
    c.extend(enc_bytes(tag::I, &[0x80, 0, 0, 0, 0, 0, 0, 0, 0, 1]));
    c.extend(enc(tag::F, 1));
    let mut tr = ext(tag::EXT_TYPED_REG);
    tr.extend(enc(tag::Y, 1));
    tr.extend(enc(tag::U, 0));
    c.extend(move_op(&tr));
    c.pop();
    let mut lit = ext(tag::EXT_LITERAL);
    lit.extend(enc(tag::U, 0));
    c.extend(move_op(&lit));
    c.pop();
    c.push(op::TEST_HEAP);
    c.extend(ext(tag::EXT_ALLOC_LIST));
    for v in [1, 1, 2] {
        c.extend(enc(tag::U, v));
    }
    c.extend(enc(tag::U, 1));
    c.push(op::LINE);
    c.extend(enc(tag::U, 1));
    c.push(op::INT_CODE_END);
    let mut line = be(&[0, 0, 1, 1, 0]);
    line.extend(enc(tag::I, 5));
    let mut z = be(&[LIT_A.len() as u32 + 8]);
    z.extend(miniz_oxide::deflate::compress_to_vec_zlib(
        &literal_table(&[LIT_A]),
        6,
    ));
    Builder::minimal()
        .set(b"Code", code_chunk(191, 3, 1, &c))
        .set(b"LitT", z)
        .set(b"Line", line)
        .set(b"Type", be(&[1, 1, 0x0fff]))
        .set(b"FunT", be(&[1, 2, 0, 2, 0, 0, 7]))
        .set(b"LocT", be(&[0]))
        .build()
}

#[test]
fn mutations_never_panic() {
    let good = rich_module();
    let ops = all_ops(&good).unwrap();
    assert_eq!(ops.len(), 10);
    // Every truncation.
    for n in 0..good.len() {
        let _ = all_ops(&good[..n]);
    }
    // Every byte replaced by a few interesting values.
    let mut bytes = good.clone();
    for i in 0..good.len() {
        for v in [
            0x00,
            0x01,
            0x07,
            0x0f,
            0x17,
            0x7f,
            0x80,
            0xf8,
            0xff,
            good[i] ^ 0x10,
        ] {
            bytes[i] = v;
            let _ = all_ops(&bytes);
        }
        bytes[i] = good[i];
    }
    // Pseudo-random bytes behind a valid header.
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..2000 {
        let mut b = good.clone();
        for _ in 0..4 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let i = (seed % b.len() as u64) as usize;
            b[i] = (seed >> 32) as u8;
        }
        let _ = all_ops(&b);
    }
}
