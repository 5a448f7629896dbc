//! Compact-term decoding: the variable-length operand encoding of the
//! `Code` chunk (also used for atom lengths in OTP 28+ atom tables and for
//! the items of the `Line` chunk).
//!
//! The first byte's low 3 bits are the tag. Then:
//! * bit 3 clear: the value is the top 4 bits (0..=15);
//! * bit 3 set, bit 4 clear: the top 3 bits and the next byte form an
//!   11-bit value (0..=2047);
//! * bits 3 and 4 set: the top 3 bits `n` give a byte count, `n + 2` for
//!   `n < 7`, otherwise `9 +` a nested `u`-tagged count; that many bytes
//!   follow, big-endian (two's complement for tag `i`).
//!
//! Tag 7 (`z`) is "extended": its value selects a further form (float,
//! list, float register, allocation list, literal, typed register).

use super::error::{BeamError, ErrorKind};
use super::reader::Reader;
use alloc::vec::Vec;

/// Compact-term tags.
pub mod tag {
    /// Unsigned integer (literal operand such as an arity or a count).
    pub const U: u8 = 0;
    /// Integer (an Erlang integer constant).
    pub const I: u8 = 1;
    /// Atom-table index; 0 is `[]`.
    pub const A: u8 = 2;
    /// X register.
    pub const X: u8 = 3;
    /// Y register (stack slot).
    pub const Y: u8 = 4;
    /// Label; 0 means "no label".
    pub const F: u8 = 5;
    /// Character (Unicode code point).
    pub const H: u8 = 6;
    /// Extended tag: the value selects one of the `EXT_*` forms.
    pub const Z: u8 = 7;
    /// `z` 0: a float stored as 8 raw bytes (before OTP R16B).
    pub const EXT_FLOAT: u64 = 0;
    /// `z` 1: a list; a `u` count and that many operands follow.
    pub const EXT_LIST: u64 = 1;
    /// `z` 2: a float register; a `u` register number follows.
    pub const EXT_FREG: u64 = 2;
    /// `z` 3: an allocation list; a `u` count and `u` (kind, count) pairs.
    pub const EXT_ALLOC_LIST: u64 = 3;
    /// `z` 4: a literal; a `u` literal-table index follows.
    pub const EXT_LITERAL: u64 = 4;
    /// `z` 5: a register with a type hint; an `x`/`y` operand and a `u`
    /// type-table index follow (OTP 25+).
    pub const EXT_TYPED_REG: u64 = 5;
}

/// Registers numbered this high or higher are rejected, as on the BEAM.
pub const MAX_REG: u32 = 1024;

/// The value of one compact term before interpretation.
#[derive(Copy, Clone, Debug)]
pub(crate) enum RawValue<'a> {
    /// A value of the 1- or 2-byte forms.
    Small(u64),
    /// The big-endian bytes of the multi-byte form.
    Bytes(&'a [u8]),
}

impl<'a> RawValue<'a> {
    /// The value as an unsigned number, if it fits in 64 bits.
    pub(crate) fn unsigned(self) -> Option<u64> {
        match self {
            RawValue::Small(v) => Some(v),
            RawValue::Bytes(b) => {
                let first = b.iter().position(|&x| x != 0).unwrap_or(b.len());
                let significant = b.get(first..).unwrap_or(&[]);
                if significant.len() > 8 {
                    return None;
                }
                Some(
                    significant
                        .iter()
                        .fold(0u64, |acc, &x| (acc << 8) | u64::from(x)),
                )
            }
        }
    }

    /// The value as a signed number (tag `i`), or the raw two's-complement
    /// bytes if it does not fit in an `i64`.
    pub(crate) fn signed(self) -> Result<i64, &'a [u8]> {
        match self {
            // At most 11 bits: always fits.
            RawValue::Small(v) => Ok(v as i64),
            RawValue::Bytes(b) => {
                let negative = b.first().is_some_and(|&x| x & 0x80 != 0);
                let (high, low) = b.split_at(b.len().saturating_sub(8));
                // Extra leading bytes are allowed if they only extend the sign.
                let low_negative = low.first().is_some_and(|&x| x & 0x80 != 0);
                let fill = if negative { 0xff } else { 0 };
                if !high.iter().all(|&x| x == fill)
                    || (!high.is_empty() && low_negative != negative)
                {
                    return Err(b);
                }
                let start: i64 = if negative { -1 } else { 0 };
                Ok(low.iter().fold(start, |acc, &x| (acc << 8) | i64::from(x)))
            }
        }
    }
}

/// Reads one raw compact term: its tag and value.
pub(crate) fn read_raw<'a>(r: &mut Reader<'a>) -> Result<(u8, RawValue<'a>), BeamError> {
    let first = r.u8()?;
    let tag = first & 7;
    if first & 0x08 == 0 {
        return Ok((tag, RawValue::Small(u64::from(first >> 4))));
    }
    if first & 0x10 == 0 {
        let low = r.u8()?;
        return Ok((
            tag,
            RawValue::Small((u64::from(first >> 5) << 8) | u64::from(low)),
        ));
    }
    let n = first >> 5;
    let len = if n < 7 {
        usize::from(n) + 2
    } else {
        // The byte count is itself a `u` term; it may not nest further
        // (no real count needs it, and refusing keeps this non-recursive).
        let at = r.offset();
        let inner = r.u8()?;
        let count = if inner & 7 != tag::U {
            return Err(r.err_at(ErrorKind::UnexpectedTag { tag: inner & 7 }, at));
        } else if inner & 0x08 == 0 {
            u64::from(inner >> 4)
        } else if inner & 0x10 == 0 {
            (u64::from(inner >> 5) << 8) | u64::from(r.u8()?)
        } else if inner >> 5 < 7 {
            let b = r.bytes(usize::from(inner >> 5) + 2)?;
            RawValue::Bytes(b)
                .unsigned()
                .ok_or_else(|| r.err_at(ErrorKind::ValueTooLarge, at))?
        } else {
            return Err(r.err_at(ErrorKind::ValueTooLarge, at));
        };
        usize::try_from(count)
            .ok()
            .and_then(|c| c.checked_add(9))
            .ok_or_else(|| r.err_at(ErrorKind::ValueTooLarge, at))?
    };
    Ok((tag, RawValue::Bytes(r.bytes(len)?)))
}

/// Reads a compact term that must be `u`-tagged and fit in a `u32`.
pub(crate) fn read_u32(r: &mut Reader<'_>) -> Result<u32, BeamError> {
    let at = r.offset();
    let (t, v) = read_raw(r)?;
    if t != tag::U {
        return Err(r.err_at(ErrorKind::UnexpectedTag { tag: t }, at));
    }
    v.unsigned()
        .and_then(|v| u32::try_from(v).ok())
        .ok_or_else(|| r.err_at(ErrorKind::ValueTooLarge, at))
}

/// A register operand: X or Y.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Reg {
    /// X register (argument/scratch).
    X(u32),
    /// Y register (stack slot).
    Y(u32),
}

impl Reg {
    /// The register as a plain operand (dropping any type hint).
    pub fn operand(self) -> Operand<'static> {
        match self {
            Reg::X(n) => Operand::X(n),
            Reg::Y(n) => Operand::Y(n),
        }
    }
}

/// One decoded instruction operand.
///
/// Index operands are validated against the file's tables while decoding:
/// atom indices against the atom table, labels against the label count,
/// literal indices against the literal table, type indices against the type
/// table (when present), registers against [`MAX_REG`]. Import and fun
/// indices arrive as plain [`Operand::Unsigned`] and are checked by the
/// loader.
#[derive(Clone, PartialEq, Debug)]
pub enum Operand<'a> {
    /// Tag `u`: an unsigned number (counts, arities, import indices...).
    Unsigned(u64),
    /// Tag `i`: an integer constant that fits in an `i64`.
    Integer(i64),
    /// Tag `i`: an integer constant that does not fit in an `i64`, as its
    /// big-endian two's-complement bytes exactly as encoded.
    BigInt(&'a [u8]),
    /// Tag `a`: atom-table index (1-based; 1 is the module name).
    Atom(u32),
    /// Tag `a` with index 0: the empty list.
    Nil,
    /// Tag `x`: X register.
    X(u32),
    /// Tag `y`: Y register.
    Y(u32),
    /// Tag `f`: a label; 0 means "no label" (e.g. a failing BIF raises).
    Label(u32),
    /// Tag `h`: a character.
    Char(u32),
    /// `z` 0: a float constant (only in files older than OTP R16B).
    Float(f64),
    /// `z` 1: the variable-length operand list of `select_val`,
    /// `put_tuple2`, `bs_create_bin`, `bs_match`, `update_record`,
    /// `make_fun3`, ... Always an instruction's last operand; never nested.
    List(Vec<Operand<'a>>),
    /// `z` 2: float register.
    FReg(u32),
    /// `z` 3: heap need as (kind, count) pairs; kind 0 = words,
    /// 1 = floats, 2 = funs.
    AllocList(Vec<(u32, u32)>),
    /// `z` 4: literal-table index (0-based).
    Literal(u32),
    /// `z` 5: a register with an index into the `Type` chunk, which a VM
    /// that does not use type hints can ignore.
    TypedReg {
        /// The register.
        reg: Reg,
        /// Index into the type table.
        type_index: u32,
    },
}

/// Table sizes that operand indices are checked against.
#[derive(Copy, Clone, Debug)]
pub(crate) struct Limits {
    /// Number of atoms (valid atom indices are 1..=atoms).
    pub atoms: u32,
    /// The code header's label count (valid labels are 0..labels).
    pub labels: u32,
    /// Number of literals.
    pub literals: u32,
    /// Number of type-table entries, if there is a type table.
    pub types: Option<u32>,
}

fn small_u32(r: &Reader<'_>, v: RawValue<'_>, at: usize) -> Result<u32, BeamError> {
    v.unsigned()
        .and_then(|v| u32::try_from(v).ok())
        .ok_or_else(|| r.err_at(ErrorKind::ValueTooLarge, at))
}

fn register(r: &Reader<'_>, v: RawValue<'_>, at: usize) -> Result<u32, BeamError> {
    let n = small_u32(r, v, at)?;
    if n >= MAX_REG {
        return Err(r.err_at(ErrorKind::RegisterOutOfRange { reg: n }, at));
    }
    Ok(n)
}

/// Decodes one operand, validating indices against `limits`. `in_list`
/// forbids a nested list.
pub(crate) fn read_operand<'a>(
    r: &mut Reader<'a>,
    limits: &Limits,
    in_list: bool,
) -> Result<Operand<'a>, BeamError> {
    let at = r.offset();
    let (t, v) = read_raw(r)?;
    Ok(match t {
        tag::U => Operand::Unsigned(
            v.unsigned()
                .ok_or_else(|| r.err_at(ErrorKind::ValueTooLarge, at))?,
        ),
        tag::I => match v.signed() {
            Ok(n) => Operand::Integer(n),
            Err(bytes) => Operand::BigInt(bytes),
        },
        tag::A => match small_u32(r, v, at)? {
            0 => Operand::Nil,
            i if i <= limits.atoms => Operand::Atom(i),
            i => {
                return Err(r.err_at(
                    ErrorKind::AtomOutOfRange {
                        index: i,
                        count: limits.atoms,
                    },
                    at,
                ))
            }
        },
        tag::X => Operand::X(register(r, v, at)?),
        tag::Y => Operand::Y(register(r, v, at)?),
        tag::F => match small_u32(r, v, at)? {
            l if l < limits.labels || l == 0 => Operand::Label(l),
            l => {
                return Err(r.err_at(
                    ErrorKind::LabelOutOfRange {
                        label: l,
                        count: limits.labels,
                    },
                    at,
                ))
            }
        },
        tag::H => Operand::Char(small_u32(r, v, at)?),
        _ => read_extended(r, limits, in_list, v, at)?,
    })
}

fn read_extended<'a>(
    r: &mut Reader<'a>,
    limits: &Limits,
    in_list: bool,
    v: RawValue<'a>,
    at: usize,
) -> Result<Operand<'a>, BeamError> {
    let ext = v.unsigned().unwrap_or(u64::MAX);
    Ok(match ext {
        tag::EXT_FLOAT => Operand::Float(f64::from_bits(u64::from_be_bytes(r.array()?))),
        tag::EXT_LIST => {
            if in_list {
                return Err(r.err_at(ErrorKind::MisplacedList, at));
            }
            let count_at = r.offset();
            let n = read_u32(r)?;
            // Every element takes at least one byte.
            let n = r.check_count(n, 1, count_at)?;
            let mut items = Vec::with_capacity(n);
            for _ in 0..n {
                items.push(read_operand(r, limits, true)?);
            }
            Operand::List(items)
        }
        tag::EXT_FREG => {
            let reg_at = r.offset();
            let n = read_u32(r)?;
            if n >= MAX_REG {
                return Err(r.err_at(ErrorKind::RegisterOutOfRange { reg: n }, reg_at));
            }
            Operand::FReg(n)
        }
        tag::EXT_ALLOC_LIST => {
            let count_at = r.offset();
            let n = read_u32(r)?;
            let n = r.check_count(n, 2, count_at)?;
            let mut items = Vec::with_capacity(n);
            for _ in 0..n {
                let kind_at = r.offset();
                let kind = read_u32(r)?;
                if kind > 2 {
                    return Err(r.err_at(ErrorKind::BadAllocKind { kind }, kind_at));
                }
                items.push((kind, read_u32(r)?));
            }
            Operand::AllocList(items)
        }
        tag::EXT_LITERAL => {
            let index_at = r.offset();
            let index = read_u32(r)?;
            if index >= limits.literals {
                return Err(r.err_at(
                    ErrorKind::LiteralOutOfRange {
                        index,
                        count: limits.literals,
                    },
                    index_at,
                ));
            }
            Operand::Literal(index)
        }
        tag::EXT_TYPED_REG => {
            let reg_at = r.offset();
            let (t, rv) = read_raw(r)?;
            let reg = match t {
                tag::X => Reg::X(register(r, rv, reg_at)?),
                tag::Y => Reg::Y(register(r, rv, reg_at)?),
                _ => return Err(r.err_at(ErrorKind::UnexpectedTag { tag: t }, reg_at)),
            };
            let index_at = r.offset();
            let type_index = read_u32(r)?;
            if let Some(count) = limits.types {
                if type_index >= count {
                    return Err(r.err_at(
                        ErrorKind::TypeOutOfRange {
                            index: type_index,
                            count,
                        },
                        index_at,
                    ));
                }
            }
            Operand::TypedReg { reg, type_index }
        }
        ext => {
            let ext = u32::try_from(ext).unwrap_or(u32::MAX);
            return Err(r.err_at(ErrorKind::BadExtendedTag { ext }, at));
        }
    })
}
