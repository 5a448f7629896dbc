//! Terms the socket drivers exchange with Erlang: received data, IP
//! addresses as tuples.

use crate::heap::{Heap, OutOfMemory};
use crate::term::Term;
use core::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

/// Received bytes as a binary or a list of bytes.
///
/// # Errors
/// When the heap cannot grow.
pub fn data_term(heap: &mut Heap, bytes: &[u8], binary: bool) -> Result<Term, OutOfMemory> {
    if binary {
        crate::binary::new_heap_binary(heap, bytes)
    } else {
        heap.string(bytes)
    }
}

/// Words [`data_term`] may take.
pub fn data_words(n: usize, binary: bool) -> usize {
    if binary {
        crate::binary::heap_bin_words(n)
    } else {
        2 * n
    }
}

/// An address as Erlang writes it: `{A, B, C, D}` or eight 16-bit parts.
///
/// # Errors
/// When the heap cannot grow.
pub fn ip_term(heap: &mut Heap, ip: IpAddr) -> Result<Term, OutOfMemory> {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets().map(|b| Term::small(b as isize));
            heap.tuple(&o)
        }
        IpAddr::V6(v6) => {
            let s = v6.segments().map(|b| Term::small(b as isize));
            heap.tuple(&s)
        }
    }
}

/// `{IP, Port}`.
///
/// # Errors
/// When the heap cannot grow.
pub fn addr_term(heap: &mut Heap, a: SocketAddr) -> Result<Term, OutOfMemory> {
    let ip = ip_term(heap, a.ip())?;
    heap.tuple(&[ip, Term::small(a.port() as isize)])
}

/// The address an Erlang tuple names (`{127,0,0,1}`, an IPv6 8-tuple).
pub fn ip_of(t: Term) -> Option<IpAddr> {
    let e = t.as_tuple()?;
    let part = |t: &Term, max: isize| t.as_small().filter(|&n| (0..=max).contains(&n));
    match e.len() {
        4 => {
            let mut o = [0u8; 4];
            for (d, s) in o.iter_mut().zip(e) {
                *d = part(s, 255)? as u8;
            }
            Some(IpAddr::V4(Ipv4Addr::from(o)))
        }
        8 => {
            let mut o = [0u16; 8];
            for (d, s) in o.iter_mut().zip(e) {
                *d = part(s, 0xFFFF)? as u16;
            }
            Some(IpAddr::V6(Ipv6Addr::from(o)))
        }
        _ => None,
    }
}

/// A port number term (0..65535).
pub fn port_of(t: Term) -> Option<u16> {
    t.as_small().and_then(|n| u16::try_from(n).ok())
}
