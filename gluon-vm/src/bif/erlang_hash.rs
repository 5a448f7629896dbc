//! Hashes and checksums of module `erlang`: `phash2/1,2`, `phash/2`,
//! `crc32/1,2`, `crc32_combine/3`, `adler32/1,2`, `adler32_combine/3`,
//! `md5/1`, `md5_init/0`, `md5_update/2`, `md5_final/1`. The algorithms
//! live in [`crate::hash`].

use super::erlang_iolist::walk;
use super::{native, BifDef, BifResult, Ctx, Exception};
use crate::hash::{crc32, md5::Md5, phash::phash, phash2::phash2};
use crate::term::Term;

/// Hash natives of module `erlang`.
pub(crate) static BIFS: &[BifDef] = &[
    native("erlang", "phash2", 1, phash2_1),
    native("erlang", "phash2", 2, phash2_2),
    native("erlang", "phash", 2, phash_2),
    native("erlang", "crc32", 1, crc32_1),
    native("erlang", "crc32", 2, crc32_2),
    native("erlang", "crc32_combine", 3, crc32_combine),
    native("erlang", "adler32", 1, adler32_1),
    native("erlang", "adler32", 2, adler32_2),
    native("erlang", "adler32_combine", 3, adler32_combine),
    native("erlang", "md5", 1, md5),
    native("erlang", "md5_init", 0, md5_init),
    native("erlang", "md5_update", 2, md5_update),
    native("erlang", "md5_final", 1, md5_final),
];

fn arg(args: &[Term], i: usize) -> Term {
    args.get(i).copied().unwrap_or(Term::NIL)
}

/// An integer term as a `u64` in `lo..=hi`, else `badarg`.
fn int_in(t: Term, lo: u64, hi: u64) -> Result<u64, Exception> {
    crate::bignum::to_i64(t)
        .and_then(|n| u64::try_from(n).ok())
        .filter(|n| (lo..=hi).contains(n))
        .ok_or_else(Exception::badarg)
}

/// A 32-bit checksum argument.
fn u32_arg(t: Term) -> Result<u32, Exception> {
    int_in(t, 0, u32::MAX as u64).map(|n| n as u32)
}

/// A hash range: 1..=2^32.
fn range_arg(t: Term) -> Result<u64, Exception> {
    int_in(t, 1, 1 << 32)
}

fn integer(ctx: &mut Ctx, n: u64) -> BifResult {
    Ok(crate::bignum::from_i64(ctx.heap, n as i64)?)
}

/// Feeds the bytes of iodata `t` to `f`, or `badarg`.
fn iodata(t: Term, f: impl FnMut(&[u8])) -> Result<(), Exception> {
    if walk(t, f) {
        Ok(())
    } else {
        Err(Exception::badarg())
    }
}

/// `erlang:phash2(Term)`: the portable hash, in 0..2^27-1.
pub fn phash2_1(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let h = phash2(arg(args, 0), ctx.atoms)?;
    Ok(Term::small((h & 0x7ff_ffff) as isize))
}

/// `erlang:phash2(Term, Range)`: the portable hash in 0..Range-1.
pub fn phash2_2(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let range = range_arg(arg(args, 1))?;
    let h = phash2(arg(args, 0), ctx.atoms)? as u64;
    integer(ctx, h % range)
}

/// `erlang:phash(Term, Range)`: the old portable hash, in 1..Range.
pub fn phash_2(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let range = range_arg(arg(args, 1))?;
    let h = phash(arg(args, 0), ctx.atoms)? as u64;
    integer(ctx, 1 + h % range)
}

/// `erlang:crc32(Data)`.
pub fn crc32_1(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    crc32_from(ctx, 0, arg(args, 0))
}

/// `erlang:crc32(OldCrc, Data)`: continues a CRC.
pub fn crc32_2(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let old = u32_arg(arg(args, 0))?;
    crc32_from(ctx, old, arg(args, 1))
}

fn crc32_from(ctx: &mut Ctx, mut crc: u32, data: Term) -> BifResult {
    iodata(data, |b| crc = crc32::update(crc, b))?;
    integer(ctx, crc as u64)
}

/// `erlang:crc32_combine(FirstCrc, SecondCrc, SecondSize)` (a size below
/// 2^32, as on the BEAM).
pub fn crc32_combine(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let a = u32_arg(arg(args, 0))?;
    let b = u32_arg(arg(args, 1))?;
    let n = int_in(arg(args, 2), 0, u32::MAX as u64)?;
    integer(ctx, crc32::combine(a, b, n) as u64)
}

/// `erlang:adler32(Data)`.
pub fn adler32_1(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    adler32_from(ctx, 1, arg(args, 0))
}

/// `erlang:adler32(OldAdler, Data)`: continues a checksum.
pub fn adler32_2(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let old = u32_arg(arg(args, 0))?;
    adler32_from(ctx, old, arg(args, 1))
}

fn adler32_from(ctx: &mut Ctx, old: u32, data: Term) -> BifResult {
    let mut sum = adler2::Adler32::from_checksum(old);
    iodata(data, |b| sum.write_slice(b))?;
    integer(ctx, sum.checksum() as u64)
}

/// The modulus of Adler-32.
const ADLER_BASE: u64 = 65521;

/// `erlang:adler32_combine(FirstAdler, SecondAdler, SecondSize)`.
///
/// With `A` the sum of the bytes plus one and `B` the sum of the `A`s
/// after each byte: for `X ++ Y`, `A = Ax + Ay - 1` and
/// `B = Bx + By + len(Y) * (Ax - 1)`, all modulo 65521.
pub fn adler32_combine(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let x = u32_arg(arg(args, 0))? as u64;
    let y = u32_arg(arg(args, 1))? as u64;
    let n = int_in(arg(args, 2), 0, u32::MAX as u64)?;
    if n == 0 {
        // The BEAM answers the first checksum unchanged (zlib's formula
        // would fold in the second one's initial 1).
        return integer(ctx, x);
    }
    let n = n % ADLER_BASE;
    let (ax, bx) = ((x & 0xffff) % ADLER_BASE, (x >> 16) % ADLER_BASE);
    let (ay, by) = ((y & 0xffff) % ADLER_BASE, (y >> 16) % ADLER_BASE);
    let a = (ax + ay + ADLER_BASE - 1) % ADLER_BASE;
    let b = (bx + by + n * ((ax + ADLER_BASE - 1) % ADLER_BASE)) % ADLER_BASE;
    integer(ctx, (b << 16) | a)
}

/// `erlang:md5(Data)`: the 16-byte digest.
pub fn md5(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let mut m = Md5::new();
    iodata(arg(args, 0), |b| m.update(b))?;
    Ok(crate::binary::new_heap_binary(ctx.heap, &m.finish())?)
}

/// `erlang:md5_init()`: a fresh context (an opaque binary).
pub fn md5_init(ctx: &mut Ctx, _: &[Term]) -> BifResult {
    Ok(crate::binary::new_heap_binary(
        ctx.heap,
        &Md5::new().save(),
    )?)
}

fn context(t: Term) -> Result<Md5, Exception> {
    super::erlang_iolist::binary_bytes(t)
        .and_then(|b| Md5::restore(&b))
        .ok_or_else(Exception::badarg)
}

/// `erlang:md5_update(Context, Data)`: a new context.
pub fn md5_update(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let mut m = context(arg(args, 0))?;
    iodata(arg(args, 1), |b| m.update(b))?;
    Ok(crate::binary::new_heap_binary(ctx.heap, &m.save())?)
}

/// `erlang:md5_final(Context)`: the digest.
pub fn md5_final(ctx: &mut Ctx, args: &[Term]) -> BifResult {
    let m = context(arg(args, 0))?;
    Ok(crate::binary::new_heap_binary(ctx.heap, &m.finish())?)
}

#[cfg(test)]
mod tests {
    use super::super::erlang_testkit::check;
    use super::*;

    /// Checked against OTP 25, 27 and 29.
    #[rustfmt::skip]
    const CASES: &[(&str, &str, &str)] = &[
        ("phash2", "[0]", "88723725"),
        ("phash2", "[1]", "2614250"),
        ("phash2", "[-1]", "44071773"),
        ("phash2", "[255]", "44734653"),
        ("phash2", "[256]", "37021655"),
        ("phash2", "[134217728]", "12354923"),
        ("phash2", "[2147483648]", "14246037"),
        ("phash2", "[4294967296]", "95057355"),
        ("phash2", "[-4294967296]", "35930262"),
        ("phash2", "[576460752303423488]", "26969617"),
        ("phash2", "[1152921504606846976]", "31803508"),
        ("phash2", "[18446744073709551616]", "103122609"),
        ("phash2", "[-18446744073709551616]", "13457787"),
        ("phash2", "[0.0]", "20875736"),
        ("phash2", "[-0.0]", "20875736"),
        ("phash2", "[1.5]", "10380315"),
        ("phash2", "[-2.25]", "106798634"),
        ("phash2", "[a]", "97"),
        ("phash2", "[hello]", "7258927"),
        ("phash2", "['']", "0"),
        ("phash2", "[[]]", "113427502"),
        ("phash2", "[[1,2,3]]", "25788620"),
        ("phash2", "[\"abc\"]", "117343302"),
        ("phash2", "[[a|b]]", "74710280"),
        ("phash2", "[{}]", "87486268"),
        ("phash2", "[{a,b}]", "101277806"),
        ("phash2", "[<<>>]", "13708901"),
        ("phash2", "[<<1,2,3>>]", "6479071"),
        ("phash2", "[<<1:1>>]", "102233125"),
        ("phash2", "[<<1,2,3:5>>]", "6593870"),
        ("phash2", "[#{}]", "39679005"),
        ("phash2", "[#{a => 1}]", "59617982"),
        ("phash2", "[#{a => 1, b => 2}]", "103634663"),
        ("phash2", "[fun lists:map/2]", "34981515"),
        ("phash2", "[fun erlang:phash2/1]", "59484254"),
        ("phash2", "[#Port<0>]", "20126125"),
        ("phash2", "[#Port<5>]", "125905316"),
        ("phash2", "[#Pid<9>]", "132744451"),
        ("phash2", "[#Pid<80>]", "64285637"),
        ("phash2", "[#Pid<1000>]", "105136293"),
        ("phash2", "[hello, 1000]", "927"),
        ("phash2", "[hello, 4294967296]", "7258927"),
        ("phash2", "[x, 0]", "!badarg"),
        ("phash2", "[x, 4294967297]", "!badarg"),
        ("phash2", "[x, y]", "!badarg"),
        ("phash", "[0, 4294967296]", "1"),
        ("phash", "[1, 4294967296]", "2788898428"),
        ("phash", "[-1, 4294967296]", "1680185270"),
        ("phash", "[255, 4294967296]", "2499495046"),
        ("phash", "[134217728, 4294967296]", "2147483673"),
        ("phash", "[2147483648, 4294967296]", "385"),
        ("phash", "[4294967296, 4294967296]", "2788898428"),
        ("phash", "[1152921504606846976, 4294967296]", "49"),
        ("phash", "[18446744073709551616, 4294967296]", "2788898428"),
        ("phash", "[-18446744073709551616, 4294967296]", "1680185270"),
        ("phash", "[0.0, 4294967296]", "1"),
        ("phash", "[1.5, 4294967296]", "1073217537"),
        ("phash", "[a, 4294967296]", "98"),
        ("phash", "[[], 4294967296]", "2"),
        ("phash", "[[1,2,3], 4294967296]", "3336869158"),
        ("phash", "[\"abc\", 4294967296]", "3654580166"),
        ("phash", "[[a|b], 4294967296]", "4159696708"),
        ("phash", "[{a,b}, 4294967296]", "1904799770"),
        ("phash", "[<<1,2,3>>, 4294967296]", "687692590"),
        ("phash", "[<<1:1>>, 4294967296]", "808817679"),
        ("phash", "[<<1,2,3:5>>, 4294967296]", "2282888502"),
        ("phash", "[#{a => 1}, 4294967296]", "1670235874"),
        ("phash", "[fun lists:map/2, 4294967296]", "904024396"),
        ("phash", "[#Pid<9>, 4294967296]", "5164506"),
        ("phash", "[#Port<5>, 4294967296]", "3777324194"),
        ("crc32", "[<<\"123456789\">>]", "3421780262"),
        ("crc32", "[[<<\"1234\">>, \"5\" | <<\"6789\">>]]", "3421780262"),
        ("crc32", "[[1|2]]", "!badarg"),
        ("adler32", "[<<\"Wikipedia\">>]", "300286872"),
        ("md5", "[\"abc\"]", "<<144,1,80,152,60,210,79,176,214,150,63,125,40,225,127,114>>"),
    ];

    #[test]
    fn hash_natives_match_otp() {
        check(BIFS, CASES);
    }
}
