//! Building a message without the VM: terms written as external term
//! format into a fixed buffer, so an interrupt handler or another task can
//! make one on its stack with no allocation and no access to the VM.
//!
//! The builder is prefix notation, as ETF is: `tuple(3)` is followed by
//! its three elements, `list(n)` by `n` elements and a tail (usually
//! `nil()`). Each call that does not fit marks the builder as failed;
//! [`Message::finish`] tells whether a whole term was written.

/// Why a message could not be built or posted.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum MessageError {
    /// It does not fit the buffer, an atom is over 255 bytes, or more
    /// than one term was written.
    TooBig,
    /// The term is not complete: a tuple or list lacks elements.
    Incomplete,
}

// ETF tags (the published format of OTP's external term format).
const VERSION: u8 = 131;
const NEW_FLOAT_EXT: u8 = 70;
const SMALL_INTEGER_EXT: u8 = 97;
const INTEGER_EXT: u8 = 98;
const SMALL_TUPLE_EXT: u8 = 104;
const LARGE_TUPLE_EXT: u8 = 105;
const NIL_EXT: u8 = 106;
const LIST_EXT: u8 = 108;
const BINARY_EXT: u8 = 109;
const SMALL_BIG_EXT: u8 = 110;
const SMALL_ATOM_UTF8_EXT: u8 = 119;

/// Where a message being built stands (shared by the Rust builder and
/// the C API's `gluon_msg`, which keep their bytes beside it).
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct MsgState {
    /// Bytes written.
    len: u32,
    /// Terms still to write before the message is complete.
    pending: u32,
    /// Something did not fit or was out of place.
    failed: bool,
}

impl MsgState {
    /// Nothing written; one term expected.
    pub const fn new() -> MsgState {
        MsgState {
            len: 0,
            pending: 1,
            failed: false,
        }
    }
}

impl Default for MsgState {
    fn default() -> Self {
        Self::new()
    }
}

/// Writes terms as ETF into a byte buffer, keeping its [`MsgState`].
pub struct Writer<'a> {
    st: &'a mut MsgState,
    buf: &'a mut [u8],
}

impl<'a> Writer<'a> {
    /// A writer continuing the message `st` in `buf`.
    pub fn new(st: &'a mut MsgState, buf: &'a mut [u8]) -> Writer<'a> {
        Writer { st, buf }
    }

    fn put(&mut self, bytes: &[u8]) {
        if self.st.failed {
            return;
        }
        if self.st.len == 0 {
            self.put_raw(&[VERSION]);
        }
        self.put_raw(bytes);
    }

    fn put_raw(&mut self, bytes: &[u8]) {
        let at = self.st.len as usize;
        match self.buf.get_mut(at..at + bytes.len()) {
            Some(dst) => {
                dst.copy_from_slice(bytes);
                self.st.len += bytes.len() as u32;
            }
            None => self.st.failed = true,
        }
    }

    /// Counts one term written and `children` more now expected.
    fn term(&mut self, children: u32) {
        if self.st.pending == 0 {
            // A term after the message was complete: not a message.
            self.st.failed = true;
        }
        self.st.pending = self.st.pending.saturating_sub(1).saturating_add(children);
    }

    /// An atom (UTF-8, at most 255 bytes).
    pub fn atom(&mut self, name: &[u8]) {
        match u8::try_from(name.len()) {
            Ok(n) => {
                self.put(&[SMALL_ATOM_UTF8_EXT, n]);
                self.put(name);
            }
            Err(_) => self.st.failed = true,
        }
        self.term(0)
    }

    /// An integer.
    pub fn int(&mut self, n: i64) {
        if (0..=255).contains(&n) {
            self.put(&[SMALL_INTEGER_EXT, n as u8]);
        } else if let Ok(v) = i32::try_from(n) {
            self.put(&[INTEGER_EXT]);
            self.put(&v.to_be_bytes());
        } else {
            let digits = n.unsigned_abs().to_le_bytes();
            let len = 8 - digits.iter().rev().take_while(|&&d| d == 0).count();
            self.put(&[SMALL_BIG_EXT, len as u8, (n < 0) as u8]);
            self.put(&digits[..len]);
        }
        self.term(0)
    }

    /// A float.
    pub fn float(&mut self, f: f64) {
        self.put(&[NEW_FLOAT_EXT]);
        self.put(&f.to_bits().to_be_bytes());
        self.term(0)
    }

    /// A binary holding a copy of `bytes`.
    pub fn binary(&mut self, bytes: &[u8]) {
        match u32::try_from(bytes.len()) {
            Ok(n) => {
                self.put(&[BINARY_EXT]);
                self.put(&n.to_be_bytes());
                self.put(bytes);
            }
            Err(_) => self.st.failed = true,
        }
        self.term(0)
    }

    /// A tuple of `arity` elements, which follow.
    pub fn tuple(&mut self, arity: u32) {
        match u8::try_from(arity) {
            Ok(a) => self.put(&[SMALL_TUPLE_EXT, a]),
            Err(_) => {
                self.put(&[LARGE_TUPLE_EXT]);
                self.put(&arity.to_be_bytes());
            }
        }
        self.term(arity)
    }

    /// A list of `len` elements, which follow, then its tail.
    pub fn list(&mut self, len: u32) {
        if len == 0 {
            return self.nil();
        }
        self.put(&[LIST_EXT]);
        self.put(&len.to_be_bytes());
        self.term(len.saturating_add(1))
    }

    /// The empty list `[]`.
    pub fn nil(&mut self) {
        self.put(&[NIL_EXT]);
        self.term(0)
    }

    /// The ETF bytes of the complete message.
    ///
    /// # Errors
    /// [`MessageError::TooBig`] if something did not fit,
    /// [`MessageError::Incomplete`] if the term lacks elements.
    pub fn finish(self) -> Result<&'a [u8], MessageError> {
        finish_parts(self.st, self.buf)
    }
}

/// A term being written as ETF into `B` bytes (on the stack of an
/// interrupt handler, say).
#[derive(Clone)]
pub struct Message<const B: usize> {
    state: MsgState,
    buf: [u8; B],
}

impl<const B: usize> Default for Message<B> {
    fn default() -> Self {
        Self::new()
    }
}

macro_rules! forward {
    ($($(#[$doc:meta])* $name:ident($($arg:ident: $ty:ty),*);)*) => {$(
        $(#[$doc])*
        pub fn $name(&mut self, $($arg: $ty),*) -> &mut Self {
            Writer::new(&mut self.state, &mut self.buf).$name($($arg),*);
            self
        }
    )*};
}

impl<const B: usize> Message<B> {
    /// An empty message, waiting for one term.
    pub const fn new() -> Self {
        Message {
            state: MsgState::new(),
            buf: [0; B],
        }
    }

    /// An atom (UTF-8, at most 255 bytes).
    pub fn atom(&mut self, name: &str) -> &mut Self {
        Writer::new(&mut self.state, &mut self.buf).atom(name.as_bytes());
        self
    }

    forward! {
        /// An integer.
        int(n: i64);
        /// A float.
        float(f: f64);
        /// A binary holding a copy of `bytes`.
        binary(bytes: &[u8]);
        /// A tuple of `arity` elements, which follow.
        tuple(arity: u32);
        /// A list of `len` elements, which follow, then its tail (`nil()`
        /// for a proper list). A list of no elements is `nil()` alone.
        list(len: u32);
        /// The empty list `[]`.
        nil();
    }

    /// Starts over, for a new message.
    pub fn clear(&mut self) {
        self.state = MsgState::new();
    }

    /// The ETF bytes of the complete message.
    ///
    /// # Errors
    /// [`MessageError::TooBig`] if something did not fit,
    /// [`MessageError::Incomplete`] if the term lacks elements.
    pub fn finish(&self) -> Result<&[u8], MessageError> {
        finish_parts(&self.state, &self.buf)
    }
}

/// [`Writer::finish`] on shared references.
pub(crate) fn finish_parts<'a>(st: &MsgState, buf: &'a [u8]) -> Result<&'a [u8], MessageError> {
    if st.failed {
        Err(MessageError::TooBig)
    } else if st.pending != 0 {
        Err(MessageError::Incomplete)
    } else {
        Ok(&buf[..st.len as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_bytes_term_to_binary_writes() {
        // term_to_binary({reading, 7, -1, <<"ab">>, [1]}) on OTP 25,
        // except the atom, which OTP 25 writes as SMALL_ATOM_UTF8_EXT too.
        let mut m = Message::<64>::new();
        m.tuple(5)
            .atom("reading")
            .int(7)
            .int(-1)
            .binary(b"ab")
            .list(1)
            .int(1)
            .nil();
        assert_eq!(
            m.finish().unwrap(),
            &[
                131, 104, 5, 119, 7, b'r', b'e', b'a', b'd', b'i', b'n', b'g', 97, 7, 98, 255, 255,
                255, 255, 109, 0, 0, 0, 2, b'a', b'b', 108, 0, 0, 0, 1, 97, 1, 106
            ][..]
        );
    }

    #[test]
    fn large_integers_are_bignums() {
        let mut m = Message::<16>::new();
        m.int(-(1 << 40));
        assert_eq!(m.finish().unwrap(), &[131, 110, 6, 1, 0, 0, 0, 0, 0, 1][..]);
    }

    #[test]
    fn incomplete_and_oversized_messages_are_refused() {
        let mut m = Message::<64>::new();
        m.tuple(2).atom("a");
        assert_eq!(m.finish(), Err(MessageError::Incomplete));
        let mut m = Message::<8>::new();
        m.binary(b"0123456789");
        assert_eq!(m.finish(), Err(MessageError::TooBig));
        let mut m = Message::<8>::new();
        m.int(1).int(2);
        assert_eq!(m.finish(), Err(MessageError::TooBig));
    }
}
