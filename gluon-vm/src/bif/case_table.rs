//! A compact Unicode case-mapping table for `string:uppercase/1` and
//! friends: about 4 KB of flash, where `core`'s `char::to_uppercase` and
//! `to_lowercase` tables cost about 25 KB.
//!
//! One-to-one mappings come in runs of characters with the same offset to
//! their mapping, consecutive (stride 1) or every other character (stride
//! 2, as in Latin Extended-A): each run is `(start | (stride - 1) << 21 |
//! (len - 1) << 22, offset)`, 8 bytes. Mappings to several characters (ß →
//! SS, İ → i̇) are listed one by one. The data is generated from the Rust
//! toolchain's own Unicode tables by the ignored test `generate` below
//! (`cargo test -p gluon-vm case_table::tests::generate -- --ignored
//! --nocapture`), and the test `agrees_with_core` checks every character.

/// The mapping of `c` by one table pair, appended to `out`; `c` itself
/// when it has none.
fn map(runs: &[(u32, i32)], multi: &[(u16, [u16; 3])], c: u32, out: &mut alloc::vec::Vec<u32>) {
    if let Ok(k) = u16::try_from(c) {
        if let Ok(i) = multi.binary_search_by_key(&k, |&(m, _)| m) {
            out.extend(multi[i].1.iter().filter(|&&x| x != 0).map(|&x| x as u32));
            return;
        }
    }
    out.push(simple(runs, c).unwrap_or(c));
}

/// The one-to-one mapping of `c` in `runs`, if any.
fn simple(runs: &[(u32, i32)], c: u32) -> Option<u32> {
    let i = runs.partition_point(|&(w, _)| w & 0x1F_FFFF <= c);
    let (w, offset) = *runs.get(i.checked_sub(1)?)?;
    let start = w & 0x1F_FFFF;
    let stride = 1 + ((w >> 21) & 1);
    let len = 1 + (w >> 22);
    let k = c - start;
    (k.is_multiple_of(stride) && k / stride < len).then(|| c.wrapping_add_signed(offset))
}

/// Appends the uppercase of `c` (full mapping: ß → SS).
pub(crate) fn upper(c: u32, out: &mut alloc::vec::Vec<u32>) {
    map(&UPPER, &UPPER_MULTI, c, out)
}

/// Appends the lowercase of `c` (full mapping: İ → i̇).
pub(crate) fn lower(c: u32, out: &mut alloc::vec::Vec<u32>) {
    map(&LOWER, &LOWER_MULTI, c, out)
}

/// Runs of one-to-one uppercase mappings.
#[rustfmt::skip]
static UPPER: [(u32, i32); 198] = [
    (0x06400061, -32), (0x000000B5, 743), (0x058000E0, -32), (0x018000F8, -32),
    (0x000000FF, 121), (0x05E00101, -1), (0x00000131, -232), (0x00A00133, -1),
    (0x01E0013A, -1), (0x05A0014B, -1), (0x00A0017A, -1), (0x0000017F, -300),
    (0x00000180, 195), (0x00600183, -1), (0x00000188, -1), (0x0000018C, -1),
    (0x00000192, -1), (0x00000195, 97), (0x00000199, -1), (0x0000019A, 163),
    (0x0000019B, 42561), (0x0000019E, 130), (0x00A001A1, -1), (0x000001A8, -1),
    (0x000001AD, -1), (0x000001B0, -1), (0x006001B4, -1), (0x000001B9, -1),
    (0x000001BD, -1), (0x000001BF, 56), (0x000001C5, -1), (0x000001C6, -2),
    (0x000001C8, -1), (0x000001C9, -2), (0x000001CB, -1), (0x000001CC, -2),
    (0x01E001CE, -1), (0x000001DD, -79), (0x022001DF, -1), (0x000001F2, -1),
    (0x000001F3, -2), (0x000001F5, -1), (0x04E001F9, -1), (0x02200223, -1),
    (0x0000023C, -1), (0x0040023F, 10815), (0x00000242, -1), (0x01200247, -1),
    (0x00000250, 10783), (0x00000251, 10780), (0x00000252, 10782), (0x00000253, -210),
    (0x00000254, -206), (0x00400256, -205), (0x00000259, -202), (0x0000025B, -203),
    (0x0000025C, 42319), (0x00000260, -205), (0x00000261, 42315), (0x00000263, -207),
    (0x00000264, 42343), (0x00000265, 42280), (0x00000266, 42308), (0x00000268, -209),
    (0x00000269, -211), (0x0000026A, 42308), (0x0000026B, 10743), (0x0000026C, 42305),
    (0x0000026F, -211), (0x00000271, 10749), (0x00000272, -213), (0x00000275, -214),
    (0x0000027D, 10727), (0x00000280, -218), (0x00000282, 42307), (0x00000283, -218),
    (0x00000287, 42282), (0x00000288, -218), (0x00000289, -69), (0x0040028A, -217),
    (0x0000028C, -71), (0x00000292, -219), (0x0000029D, 42261), (0x0000029E, 42258),
    (0x00000345, 84), (0x00600371, -1), (0x00000377, -1), (0x0080037B, 130),
    (0x000003AC, -38), (0x008003AD, -37), (0x040003B1, -32), (0x000003C2, -31),
    (0x020003C3, -32), (0x000003CC, -64), (0x004003CD, -63), (0x000003D0, -62),
    (0x000003D1, -57), (0x000003D5, -47), (0x000003D6, -54), (0x000003D7, -8),
    (0x02E003D9, -1), (0x000003F0, -86), (0x000003F1, -80), (0x000003F2, 7),
    (0x000003F3, -116), (0x000003F5, -96), (0x000003F8, -1), (0x000003FB, -1),
    (0x07C00430, -32), (0x03C00450, -80), (0x04200461, -1), (0x06A0048B, -1),
    (0x01A004C2, -1), (0x000004CF, -15), (0x0BE004D1, -1), (0x09400561, -48),
    (0x0A8010D0, 3008), (0x008010FD, 3008), (0x014013F8, -8), (0x00001C80, -6254),
    (0x00001C81, -6253), (0x00001C82, -6244), (0x00401C83, -6242), (0x00001C85, -6243),
    (0x00001C86, -6236), (0x00001C87, -6181), (0x00001C88, 35266), (0x00001C8A, -1),
    (0x00001D79, 35332), (0x00001D7D, 3814), (0x00001D8E, 35384), (0x12A01E01, -1),
    (0x00001E9B, -59), (0x0BE01EA1, -1), (0x01C01F00, 8), (0x01401F10, 8),
    (0x01C01F20, 8), (0x01C01F30, 8), (0x01401F40, 8), (0x00E01F51, 8),
    (0x01C01F60, 8), (0x00401F70, 74), (0x00C01F72, 86), (0x00401F76, 100),
    (0x00401F78, 128), (0x00401F7A, 112), (0x00401F7C, 126), (0x00401FB0, 8),
    (0x00001FBE, -7205), (0x00401FD0, 8), (0x00401FE0, 8), (0x00001FE5, 7),
    (0x0000214E, -28), (0x03C02170, -16), (0x00002184, -1), (0x064024D0, -26),
    (0x0BC02C30, -48), (0x00002C61, -1), (0x00002C65, -10795), (0x00002C66, -10792),
    (0x00A02C68, -1), (0x00002C73, -1), (0x00002C76, -1), (0x0C602C81, -1),
    (0x00602CEC, -1), (0x00002CF3, -1), (0x09402D00, -7264), (0x00002D27, -7264),
    (0x00002D2D, -7264), (0x05A0A641, -1), (0x0360A681, -1), (0x01A0A723, -1),
    (0x07A0A733, -1), (0x0060A77A, -1), (0x0120A77F, -1), (0x0000A78C, -1),
    (0x0060A791, -1), (0x0000A794, 48), (0x0260A797, -1), (0x01E0A7B5, -1),
    (0x0060A7C8, -1), (0x01E0A7CD, -1), (0x0000A7F6, -1), (0x0000AB53, -928),
    (0x13C0AB70, -38864), (0x0640FF41, -32), (0x09C10428, -40), (0x08C104D8, -40),
    (0x02810597, -39), (0x038105A3, -39), (0x018105B3, -39), (0x004105BB, -39),
    (0x0C810CC0, -64), (0x05410D70, -32), (0x07C118C0, -32), (0x07C16E60, -32),
    (0x06016EBB, -27), (0x0841E922, -34),
];
/// Runs of one-to-one lowercase mappings.
#[rustfmt::skip]
static LOWER: [(u32, i32); 185] = [
    (0x06400041, 32), (0x058000C0, 32), (0x018000D8, 32), (0x05E00100, 1),
    (0x00A00132, 1), (0x01E00139, 1), (0x05A0014A, 1), (0x00000178, -121),
    (0x00A00179, 1), (0x00000181, 210), (0x00600182, 1), (0x00000186, 206),
    (0x00000187, 1), (0x00400189, 205), (0x0000018B, 1), (0x0000018E, 79),
    (0x0000018F, 202), (0x00000190, 203), (0x00000191, 1), (0x00000193, 205),
    (0x00000194, 207), (0x00000196, 211), (0x00000197, 209), (0x00000198, 1),
    (0x0000019C, 211), (0x0000019D, 213), (0x0000019F, 214), (0x00A001A0, 1),
    (0x000001A6, 218), (0x000001A7, 1), (0x000001A9, 218), (0x000001AC, 1),
    (0x000001AE, 218), (0x000001AF, 1), (0x004001B1, 217), (0x006001B3, 1),
    (0x000001B7, 219), (0x000001B8, 1), (0x000001BC, 1), (0x000001C4, 2),
    (0x000001C5, 1), (0x000001C7, 2), (0x000001C8, 1), (0x000001CA, 2),
    (0x022001CB, 1), (0x022001DE, 1), (0x000001F1, 2), (0x006001F2, 1),
    (0x000001F6, -97), (0x000001F7, -56), (0x04E001F8, 1), (0x00000220, -130),
    (0x02200222, 1), (0x0000023A, 10795), (0x0000023B, 1), (0x0000023D, -163),
    (0x0000023E, 10792), (0x00000241, 1), (0x00000243, -195), (0x00000244, 69),
    (0x00000245, 71), (0x01200246, 1), (0x00600370, 1), (0x00000376, 1),
    (0x0000037F, 116), (0x00000386, 38), (0x00800388, 37), (0x0000038C, 64),
    (0x0040038E, 63), (0x04000391, 32), (0x020003A3, 32), (0x000003CF, 8),
    (0x02E003D8, 1), (0x000003F4, -60), (0x000003F7, 1), (0x000003F9, -7),
    (0x000003FA, 1), (0x008003FD, -130), (0x03C00400, 80), (0x07C00410, 32),
    (0x04200460, 1), (0x06A0048A, 1), (0x000004C0, 15), (0x01A004C1, 1),
    (0x0BE004D0, 1), (0x09400531, 48), (0x094010A0, 7264), (0x000010C7, 7264),
    (0x000010CD, 7264), (0x13C013A0, 38864), (0x014013F0, 8), (0x00001C89, 1),
    (0x0A801C90, -3008), (0x00801CBD, -3008), (0x12A01E00, 1), (0x00001E9E, -7615),
    (0x0BE01EA0, 1), (0x01C01F08, -8), (0x01401F18, -8), (0x01C01F28, -8),
    (0x01C01F38, -8), (0x01401F48, -8), (0x00E01F59, -8), (0x01C01F68, -8),
    (0x01C01F88, -8), (0x01C01F98, -8), (0x01C01FA8, -8), (0x00401FB8, -8),
    (0x00401FBA, -74), (0x00001FBC, -9), (0x00C01FC8, -86), (0x00001FCC, -9),
    (0x00401FD8, -8), (0x00401FDA, -100), (0x00401FE8, -8), (0x00401FEA, -112),
    (0x00001FEC, -7), (0x00401FF8, -128), (0x00401FFA, -126), (0x00001FFC, -9),
    (0x00002126, -7517), (0x0000212A, -8383), (0x0000212B, -8262), (0x00002132, 28),
    (0x03C02160, 16), (0x00002183, 1), (0x064024B6, 26), (0x0BC02C00, 48),
    (0x00002C60, 1), (0x00002C62, -10743), (0x00002C63, -3814), (0x00002C64, -10727),
    (0x00A02C67, 1), (0x00002C6D, -10780), (0x00002C6E, -10749), (0x00002C6F, -10783),
    (0x00002C70, -10782), (0x00002C72, 1), (0x00002C75, 1), (0x00402C7E, -10815),
    (0x0C602C80, 1), (0x00602CEB, 1), (0x00002CF2, 1), (0x05A0A640, 1),
    (0x0360A680, 1), (0x01A0A722, 1), (0x07A0A732, 1), (0x0060A779, 1),
    (0x0000A77D, -35332), (0x0120A77E, 1), (0x0000A78B, 1), (0x0000A78D, -42280),
    (0x0060A790, 1), (0x0260A796, 1), (0x0000A7AA, -42308), (0x0000A7AB, -42319),
    (0x0000A7AC, -42315), (0x0000A7AD, -42305), (0x0000A7AE, -42308), (0x0000A7B0, -42258),
    (0x0000A7B1, -42282), (0x0000A7B2, -42261), (0x0000A7B3, 928), (0x01E0A7B4, 1),
    (0x0000A7C4, -48), (0x0000A7C5, -42307), (0x0000A7C6, -35384), (0x0060A7C7, 1),
    (0x0000A7CB, -42343), (0x01E0A7CC, 1), (0x0000A7DC, -42561), (0x0000A7F5, 1),
    (0x0640FF21, 32), (0x09C10400, 40), (0x08C104B0, 40), (0x02810570, 39),
    (0x0381057C, 39), (0x0181058C, 39), (0x00410594, 39), (0x0C810C80, 64),
    (0x05410D50, 32), (0x07C118A0, 32), (0x07C16E40, 32), (0x06016EA0, 27),
    (0x0841E900, 34),
];
/// Characters whose uppercase is several characters (zero-padded).
#[rustfmt::skip]
static UPPER_MULTI: [(u16, [u16; 3]); 102] = [
    (0x00DF, [0x0053, 0x0053, 0x0000]), (0x0149, [0x02BC, 0x004E, 0x0000]), (0x01F0, [0x004A, 0x030C, 0x0000]),
    (0x0390, [0x0399, 0x0308, 0x0301]), (0x03B0, [0x03A5, 0x0308, 0x0301]), (0x0587, [0x0535, 0x0552, 0x0000]),
    (0x1E96, [0x0048, 0x0331, 0x0000]), (0x1E97, [0x0054, 0x0308, 0x0000]), (0x1E98, [0x0057, 0x030A, 0x0000]),
    (0x1E99, [0x0059, 0x030A, 0x0000]), (0x1E9A, [0x0041, 0x02BE, 0x0000]), (0x1F50, [0x03A5, 0x0313, 0x0000]),
    (0x1F52, [0x03A5, 0x0313, 0x0300]), (0x1F54, [0x03A5, 0x0313, 0x0301]), (0x1F56, [0x03A5, 0x0313, 0x0342]),
    (0x1F80, [0x1F08, 0x0399, 0x0000]), (0x1F81, [0x1F09, 0x0399, 0x0000]), (0x1F82, [0x1F0A, 0x0399, 0x0000]),
    (0x1F83, [0x1F0B, 0x0399, 0x0000]), (0x1F84, [0x1F0C, 0x0399, 0x0000]), (0x1F85, [0x1F0D, 0x0399, 0x0000]),
    (0x1F86, [0x1F0E, 0x0399, 0x0000]), (0x1F87, [0x1F0F, 0x0399, 0x0000]), (0x1F88, [0x1F08, 0x0399, 0x0000]),
    (0x1F89, [0x1F09, 0x0399, 0x0000]), (0x1F8A, [0x1F0A, 0x0399, 0x0000]), (0x1F8B, [0x1F0B, 0x0399, 0x0000]),
    (0x1F8C, [0x1F0C, 0x0399, 0x0000]), (0x1F8D, [0x1F0D, 0x0399, 0x0000]), (0x1F8E, [0x1F0E, 0x0399, 0x0000]),
    (0x1F8F, [0x1F0F, 0x0399, 0x0000]), (0x1F90, [0x1F28, 0x0399, 0x0000]), (0x1F91, [0x1F29, 0x0399, 0x0000]),
    (0x1F92, [0x1F2A, 0x0399, 0x0000]), (0x1F93, [0x1F2B, 0x0399, 0x0000]), (0x1F94, [0x1F2C, 0x0399, 0x0000]),
    (0x1F95, [0x1F2D, 0x0399, 0x0000]), (0x1F96, [0x1F2E, 0x0399, 0x0000]), (0x1F97, [0x1F2F, 0x0399, 0x0000]),
    (0x1F98, [0x1F28, 0x0399, 0x0000]), (0x1F99, [0x1F29, 0x0399, 0x0000]), (0x1F9A, [0x1F2A, 0x0399, 0x0000]),
    (0x1F9B, [0x1F2B, 0x0399, 0x0000]), (0x1F9C, [0x1F2C, 0x0399, 0x0000]), (0x1F9D, [0x1F2D, 0x0399, 0x0000]),
    (0x1F9E, [0x1F2E, 0x0399, 0x0000]), (0x1F9F, [0x1F2F, 0x0399, 0x0000]), (0x1FA0, [0x1F68, 0x0399, 0x0000]),
    (0x1FA1, [0x1F69, 0x0399, 0x0000]), (0x1FA2, [0x1F6A, 0x0399, 0x0000]), (0x1FA3, [0x1F6B, 0x0399, 0x0000]),
    (0x1FA4, [0x1F6C, 0x0399, 0x0000]), (0x1FA5, [0x1F6D, 0x0399, 0x0000]), (0x1FA6, [0x1F6E, 0x0399, 0x0000]),
    (0x1FA7, [0x1F6F, 0x0399, 0x0000]), (0x1FA8, [0x1F68, 0x0399, 0x0000]), (0x1FA9, [0x1F69, 0x0399, 0x0000]),
    (0x1FAA, [0x1F6A, 0x0399, 0x0000]), (0x1FAB, [0x1F6B, 0x0399, 0x0000]), (0x1FAC, [0x1F6C, 0x0399, 0x0000]),
    (0x1FAD, [0x1F6D, 0x0399, 0x0000]), (0x1FAE, [0x1F6E, 0x0399, 0x0000]), (0x1FAF, [0x1F6F, 0x0399, 0x0000]),
    (0x1FB2, [0x1FBA, 0x0399, 0x0000]), (0x1FB3, [0x0391, 0x0399, 0x0000]), (0x1FB4, [0x0386, 0x0399, 0x0000]),
    (0x1FB6, [0x0391, 0x0342, 0x0000]), (0x1FB7, [0x0391, 0x0342, 0x0399]), (0x1FBC, [0x0391, 0x0399, 0x0000]),
    (0x1FC2, [0x1FCA, 0x0399, 0x0000]), (0x1FC3, [0x0397, 0x0399, 0x0000]), (0x1FC4, [0x0389, 0x0399, 0x0000]),
    (0x1FC6, [0x0397, 0x0342, 0x0000]), (0x1FC7, [0x0397, 0x0342, 0x0399]), (0x1FCC, [0x0397, 0x0399, 0x0000]),
    (0x1FD2, [0x0399, 0x0308, 0x0300]), (0x1FD3, [0x0399, 0x0308, 0x0301]), (0x1FD6, [0x0399, 0x0342, 0x0000]),
    (0x1FD7, [0x0399, 0x0308, 0x0342]), (0x1FE2, [0x03A5, 0x0308, 0x0300]), (0x1FE3, [0x03A5, 0x0308, 0x0301]),
    (0x1FE4, [0x03A1, 0x0313, 0x0000]), (0x1FE6, [0x03A5, 0x0342, 0x0000]), (0x1FE7, [0x03A5, 0x0308, 0x0342]),
    (0x1FF2, [0x1FFA, 0x0399, 0x0000]), (0x1FF3, [0x03A9, 0x0399, 0x0000]), (0x1FF4, [0x038F, 0x0399, 0x0000]),
    (0x1FF6, [0x03A9, 0x0342, 0x0000]), (0x1FF7, [0x03A9, 0x0342, 0x0399]), (0x1FFC, [0x03A9, 0x0399, 0x0000]),
    (0xFB00, [0x0046, 0x0046, 0x0000]), (0xFB01, [0x0046, 0x0049, 0x0000]), (0xFB02, [0x0046, 0x004C, 0x0000]),
    (0xFB03, [0x0046, 0x0046, 0x0049]), (0xFB04, [0x0046, 0x0046, 0x004C]), (0xFB05, [0x0053, 0x0054, 0x0000]),
    (0xFB06, [0x0053, 0x0054, 0x0000]), (0xFB13, [0x0544, 0x0546, 0x0000]), (0xFB14, [0x0544, 0x0535, 0x0000]),
    (0xFB15, [0x0544, 0x053B, 0x0000]), (0xFB16, [0x054E, 0x0546, 0x0000]), (0xFB17, [0x0544, 0x053D, 0x0000]),
];
/// Characters whose lowercase is several characters (zero-padded).
#[rustfmt::skip]
static LOWER_MULTI: [(u16, [u16; 3]); 1] = [
    (0x0130, [0x0069, 0x0307, 0x0000]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::String;
    use alloc::vec::Vec;
    use core::fmt::Write;

    #[test]
    fn agrees_with_core() {
        let mut out = Vec::new();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            out.clear();
            upper(c as u32, &mut out);
            let want: Vec<u32> = c.to_uppercase().map(|x| x as u32).collect();
            assert_eq!(out, want, "uppercase of U+{:04X}", c as u32);
            out.clear();
            lower(c as u32, &mut out);
            let want: Vec<u32> = c.to_lowercase().map(|x| x as u32).collect();
            assert_eq!(out, want, "lowercase of U+{:04X}", c as u32);
        }
    }

    /// Runs `(start, stride, len, offset)` of the one-to-one mappings.
    fn runs(map: impl Fn(char) -> Option<u32>) -> Vec<(u32, u32, u32, i32)> {
        let mut out: Vec<(u32, u32, u32, i32)> = Vec::new();
        for ch in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let c = ch as u32;
            let Some(m) = map(ch) else { continue };
            let d = (m as i64 - c as i64) as i32;
            if let Some(r) = out.last_mut() {
                let last = r.0 + r.1 * (r.2 - 1);
                // A character between two of a stride-2 run comes first in
                // this scan and ends the run, so runs never interleave.
                if r.3 == d && r.2 == 1 && (c - r.0 == 1 || c - r.0 == 2) {
                    r.1 = c - r.0;
                    r.2 = 2;
                    continue;
                }
                if r.3 == d && r.2 >= 2 && c == last + r.1 && r.2 < 1024 {
                    r.2 += 1;
                    continue;
                }
            }
            out.push((c, 1, 1, d));
        }
        out
    }

    fn single(it: impl Iterator<Item = char>, c: char) -> Option<u32> {
        let v: Vec<char> = it.collect();
        (v.len() == 1 && v[0] != c).then(|| v[0] as u32)
    }

    fn emit_runs(s: &mut String, name: &str, doc: &str, rs: &[(u32, u32, u32, i32)]) {
        writeln!(s, "/// {doc}").unwrap();
        writeln!(s, "#[rustfmt::skip]").unwrap();
        writeln!(s, "static {name}: [(u32, i32); {}] = [", rs.len()).unwrap();
        for chunk in rs.chunks(4) {
            let items: Vec<String> = chunk
                .iter()
                .map(|&(st, stride, len, d)| {
                    alloc::format!(
                        "(0x{:08X}, {})",
                        st | (stride - 1) << 21 | (len - 1) << 22,
                        d
                    )
                })
                .collect();
            writeln!(s, "    {},", items.join(", ")).unwrap();
        }
        writeln!(s, "];").unwrap();
    }

    fn emit_multi(s: &mut String, name: &str, doc: &str, f: &dyn Fn(char) -> Vec<char>) {
        let v: Vec<(u32, Vec<char>)> = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .map(|c| (c as u32, f(c)))
            .filter(|(_, m)| m.len() > 1)
            .collect();
        writeln!(s, "/// {doc}").unwrap();
        writeln!(s, "#[rustfmt::skip]").unwrap();
        writeln!(s, "static {name}: [(u16, [u16; 3]); {}] = [", v.len()).unwrap();
        for chunk in v.chunks(3) {
            let items: Vec<String> = chunk
                .iter()
                .map(|(c, m)| {
                    let mut w = [0u32; 3];
                    for (i, x) in m.iter().enumerate() {
                        w[i] = *x as u32;
                    }
                    alloc::format!(
                        "(0x{:04X}, [0x{:04X}, 0x{:04X}, 0x{:04X}])",
                        c,
                        w[0],
                        w[1],
                        w[2]
                    )
                })
                .collect();
            writeln!(s, "    {},", items.join(", ")).unwrap();
        }
        writeln!(s, "];").unwrap();
    }

    /// Prints the tables for this file from the toolchain's mappings.
    #[test]
    #[ignore]
    fn generate() {
        let mut s = String::new();
        let up = runs(|c| single(c.to_uppercase(), c));
        let lo = runs(|c| single(c.to_lowercase(), c));
        emit_runs(
            &mut s,
            "UPPER",
            "Runs of one-to-one uppercase mappings.",
            &up,
        );
        emit_runs(
            &mut s,
            "LOWER",
            "Runs of one-to-one lowercase mappings.",
            &lo,
        );
        emit_multi(
            &mut s,
            "UPPER_MULTI",
            "Characters whose uppercase is several characters (zero-padded).",
            &|c| c.to_uppercase().collect(),
        );
        emit_multi(
            &mut s,
            "LOWER_MULTI",
            "Characters whose lowercase is several characters (zero-padded).",
            &|c| c.to_lowercase().collect(),
        );
        std::print!("{s}");
    }
}
