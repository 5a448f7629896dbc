//! Stand-ins for the natives of type families left out of this build by a
//! cargo feature: the same `{M, F, A}` names, each raising `error:notsup`.
//! Keeping the names registered means a call never falls through to
//! `undef` (or to Erlang code of the same name) and so never changes
//! meaning: a program finds out at once that the feature is missing.
//!
//! Each list must name exactly what its family registers when the feature
//! is on; `tests::lists_match_the_families` checks that in a default build.

use super::{native, BifDef, BifResult, Ctx, Exception};
use crate::term::Term;

/// What every left-out native does.
pub(crate) fn notsup(_: &mut Ctx<'_>, _: &[Term]) -> BifResult {
    Err(Exception::notsup())
}

/// `etf`: the external term format natives (`bif/erlang_etf.rs`).
pub(crate) static ETF: &[BifDef] = &[
    native("erlang", "term_to_binary", 1, notsup),
    native("erlang", "term_to_binary", 2, notsup),
    native("erlang", "binary_to_term", 1, notsup),
    native("erlang", "binary_to_term", 2, notsup),
    native("erlang", "external_size", 1, notsup),
    native("erlang", "external_size", 2, notsup),
];

/// `hashes`: `bif/erlang_hash.rs`.
pub(crate) static HASHES: &[BifDef] = &[
    native("erlang", "phash2", 1, notsup),
    native("erlang", "phash2", 2, notsup),
    native("erlang", "phash", 2, notsup),
    native("erlang", "crc32", 1, notsup),
    native("erlang", "crc32", 2, notsup),
    native("erlang", "crc32_combine", 3, notsup),
    native("erlang", "adler32", 1, notsup),
    native("erlang", "adler32", 2, notsup),
    native("erlang", "adler32_combine", 3, notsup),
    native("erlang", "md5", 1, notsup),
    native("erlang", "md5_init", 0, notsup),
    native("erlang", "md5_update", 2, notsup),
    native("erlang", "md5_final", 1, notsup),
];

/// `unicode`: `bif/unicode.rs` and `bif/string_case.rs`.
pub(crate) static UNICODE: &[BifDef] = &[
    native("unicode", "characters_to_list", 1, notsup),
    native("unicode", "characters_to_list", 2, notsup),
    native("unicode", "characters_to_binary", 1, notsup),
    native("unicode", "characters_to_binary", 2, notsup),
    native("unicode", "characters_to_binary", 3, notsup),
    native("string", "uppercase", 1, notsup),
    native("string", "lowercase", 1, notsup),
    native("string", "titlecase", 1, notsup),
    native("string", "casefold", 1, notsup),
];

/// `binary-module`: `bif/binary_mod.rs`.
pub(crate) static BINARY_MODULE: &[BifDef] = &[
    native("binary", "match", 2, notsup),
    native("binary", "match", 3, notsup),
    native("binary", "matches", 2, notsup),
    native("binary", "matches", 3, notsup),
    native("binary", "split", 2, notsup),
    native("binary", "split", 3, notsup),
    native("binary", "compile_pattern", 1, notsup),
    native("binary", "part", 2, notsup),
    native("binary", "part", 3, notsup),
    native("binary", "copy", 1, notsup),
    native("binary", "copy", 2, notsup),
    native("binary", "at", 2, notsup),
    native("binary", "first", 1, notsup),
    native("binary", "last", 1, notsup),
    native("binary", "bin_to_list", 1, notsup),
    native("binary", "bin_to_list", 2, notsup),
    native("binary", "bin_to_list", 3, notsup),
    native("binary", "longest_common_prefix", 1, notsup),
    native("binary", "longest_common_suffix", 1, notsup),
    native("binary", "referenced_byte_size", 1, notsup),
    native("binary", "encode_hex", 1, notsup),
    native("binary", "encode_hex", 2, notsup),
    native("binary", "decode_hex", 1, notsup),
    native("binary", "encode_unsigned", 1, notsup),
    native("binary", "encode_unsigned", 2, notsup),
    native("binary", "decode_unsigned", 1, notsup),
    native("binary", "decode_unsigned", 2, notsup),
    native("binary", "list_to_bin", 1, notsup),
];

/// `float`: `bif/math.rs`, `bif/erlang_float.rs`, `bif/erlang_float_fmt.rs`.
pub(crate) static FLOAT: &[BifDef] = &[
    native("math", "pi", 0, notsup),
    native("math", "tau", 0, notsup),
    native("math", "sin", 1, notsup),
    native("math", "cos", 1, notsup),
    native("math", "tan", 1, notsup),
    native("math", "asin", 1, notsup),
    native("math", "acos", 1, notsup),
    native("math", "atan", 1, notsup),
    native("math", "sinh", 1, notsup),
    native("math", "cosh", 1, notsup),
    native("math", "tanh", 1, notsup),
    native("math", "asinh", 1, notsup),
    native("math", "acosh", 1, notsup),
    native("math", "atanh", 1, notsup),
    native("math", "exp", 1, notsup),
    native("math", "log", 1, notsup),
    native("math", "log2", 1, notsup),
    native("math", "log10", 1, notsup),
    native("math", "sqrt", 1, notsup),
    native("math", "erf", 1, notsup),
    native("math", "erfc", 1, notsup),
    native("math", "ceil", 1, notsup),
    native("math", "floor", 1, notsup),
    native("math", "atan2", 2, notsup),
    native("math", "pow", 2, notsup),
    native("math", "fmod", 2, notsup),
    native("erlang", "float_to_list", 1, notsup),
    native("erlang", "list_to_float", 1, notsup),
    native("erlang", "binary_to_float", 1, notsup),
    native("erlang", "float_to_list", 2, notsup),
    native("erlang", "float_to_binary", 1, notsup),
    native("erlang", "float_to_binary", 2, notsup),
];

/// In a build with every family, each stand-in list names exactly what
/// its family registers, so leaving a family out keeps every name and
/// changes only what calling it does.
#[cfg(all(
    test,
    feature = "etf",
    feature = "hashes",
    feature = "unicode",
    feature = "binary-module",
    feature = "float"
))]
mod tests {
    use super::super::*;
    use super::*;
    use alloc::collections::BTreeSet;
    use alloc::vec::Vec;

    fn names<'a>(defs: impl Iterator<Item = &'a BifDef>) -> BTreeSet<(&'a str, &'a str, u8)> {
        defs.map(|d| (d.module, d.name, d.arity)).collect()
    }

    #[test]
    fn lists_match_the_families() {
        let families: Vec<(&[BifDef], Vec<&[BifDef]>)> = alloc::vec![
            (ETF, alloc::vec![erlang_etf::BIFS]),
            (HASHES, alloc::vec![erlang_hash::BIFS]),
            (UNICODE, alloc::vec![unicode::BIFS, string_case::BIFS]),
            (BINARY_MODULE, alloc::vec![binary_mod::BIFS]),
            (
                FLOAT,
                alloc::vec![math::BIFS, erlang_float::BIFS, erlang_float_fmt::BIFS]
            ),
        ];
        for (stand_ins, real) in families {
            let real = names(real.into_iter().flat_map(|t| t.iter()));
            assert_eq!(names(stand_ins.iter()), real);
        }
    }
}
