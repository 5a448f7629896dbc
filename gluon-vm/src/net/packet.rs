//! `{packet, N}` framing: a big-endian length of N bytes before each
//! message (N = 0: raw, whatever has arrived).

use alloc::vec::Vec;

/// Takes the next message out of `buf`: with `packet` 0, up to `want`
/// bytes (all that is there when `want` is 0, exactly `want` otherwise);
/// with 1, 2 or 4, one whole framed message. `None` while incomplete.
pub fn take_packet(buf: &mut Vec<u8>, packet: u8, want: usize) -> Option<Vec<u8>> {
    if packet == 0 {
        if buf.is_empty() || (want > 0 && buf.len() < want) {
            return None;
        }
        let n = if want == 0 { buf.len() } else { want };
        let rest = buf.split_off(n);
        return Some(core::mem::replace(buf, rest));
    }
    let h = packet as usize;
    if buf.len() < h {
        return None;
    }
    let len = buf[..h].iter().fold(0usize, |a, &b| a << 8 | b as usize);
    if buf.len() < h.saturating_add(len) {
        return None;
    }
    let rest = buf.split_off(h + len);
    let mut msg = core::mem::replace(buf, rest);
    msg.drain(..h);
    Some(msg)
}

/// `data` with its `{packet, N}` header; `None` when it is too long for
/// the header.
pub fn frame(data: Vec<u8>, packet: u8) -> Option<Vec<u8>> {
    if packet == 0 {
        return Some(data);
    }
    let h = packet as usize;
    // In 64 bits: a 4-byte header's shift is the whole of a 32-bit usize.
    let len = data.len() as u64;
    if len >> (8 * h) != 0 {
        return None;
    }
    let mut out = Vec::with_capacity(h + data.len());
    for i in (0..h).rev() {
        out.push((len >> (8 * i)) as u8);
    }
    out.extend_from_slice(&data);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    #[test]
    fn framed_messages_come_out_whole_and_in_order() {
        let mut buf = frame(b"abc".to_vec(), 2).unwrap();
        buf.extend(frame(b"de".to_vec(), 2).unwrap());
        buf.extend_from_slice(&[0, 5, b'x']);
        assert_eq!(take_packet(&mut buf, 2, 0).unwrap(), b"abc");
        assert_eq!(take_packet(&mut buf, 2, 0).unwrap(), b"de");
        assert_eq!(take_packet(&mut buf, 2, 0), None);
        assert_eq!(buf, vec![0, 5, b'x']);
    }

    #[test]
    fn raw_takes_all_or_exactly_what_is_asked() {
        let mut buf = b"hello".to_vec();
        assert_eq!(take_packet(&mut buf, 0, 6), None);
        assert_eq!(take_packet(&mut buf, 0, 2).unwrap(), b"he");
        assert_eq!(take_packet(&mut buf, 0, 0).unwrap(), b"llo");
        assert_eq!(take_packet(&mut buf, 0, 0), None);
    }

    #[test]
    fn headers_refuse_what_they_cannot_count() {
        assert_eq!(frame(vec![0; 256], 1), None);
        assert_eq!(frame(vec![7; 3], 1).unwrap(), vec![3, 7, 7, 7]);
        assert_eq!(frame(vec![], 4).unwrap(), vec![0, 0, 0, 0]);
    }
}
