//! The atom table: interned names, with the atoms the VM itself needs
//! predefined at fixed indices so that Rust code can name them as constants.

use alloc::boxed::Box;
use alloc::vec::Vec;

/// An interned atom: an index into the VM's [`AtomTable`].
#[derive(Copy, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Atom(u32);

impl Atom {
    /// The atom with this table index.
    #[inline]
    pub const fn from_index(i: u32) -> Atom {
        Atom(i)
    }
    /// Its table index.
    #[inline]
    pub const fn index(self) -> u32 {
        self.0
    }
}

/// Longest atom name in characters, as on the BEAM.
pub const MAX_ATOM_CHARS: usize = 255;

macro_rules! predefined_atoms {
    ($($name:ident = $text:literal,)*) => {
        /// Table positions of the predefined atoms (declaration order).
        #[allow(non_camel_case_types, clippy::upper_case_acronyms, dead_code)]
        #[repr(u32)]
        enum Index { $($name,)* }
        $(
            #[doc = concat!("Predefined atom `", $text, "`.")]
            pub const $name: Atom = Atom(Index::$name as u32);
        )*
        /// Names of the predefined atoms, in index order.
        pub const PREDEFINED: &[&str] = &[$($text,)*];
    };
}

predefined_atoms! {
    FALSE = "false",
    TRUE = "true",
    OK = "ok",
    ERROR = "error",
    UNDEFINED = "undefined",
    NIL = "nil",
    ERLANG = "erlang",
    THROW = "throw",
    EXIT = "exit",
    EXIT_UPPER = "EXIT",
    NORMAL = "normal",
    KILL = "kill",
    KILLED = "killed",
    BADARG = "badarg",
    BADARITH = "badarith",
    BADMATCH = "badmatch",
    FUNCTION_CLAUSE = "function_clause",
    CASE_CLAUSE = "case_clause",
    IF_CLAUSE = "if_clause",
    TRY_CLAUSE = "try_clause",
    UNDEF = "undef",
    BADFUN = "badfun",
    BADARITY = "badarity",
    BADRECORD = "badrecord",
    BADKEY = "badkey",
    BADMAP = "badmap",
    SYSTEM_LIMIT = "system_limit",
    NOTSUP = "notsup",
    NOPROC = "noproc",
    NOCATCH = "nocatch",
    FILE = "file",
    LINE = "line",
    ERROR_INFO = "error_info",
    LISTS = "lists",
    IO = "io",
    IO_LIB = "io_lib",
    START = "start",
    MODULE_INFO = "module_info",
    MODULE = "module",
    EXPORTS = "exports",
    FUNCTIONS = "functions",
    ATTRIBUTES = "attributes",
    COMPILE = "compile",
    MD5 = "md5",
    ARITY = "arity",
    NAME = "name",
    ENV = "env",
    TYPE = "type",
    LOCAL = "local",
    EXTERNAL = "external",
    INDEX = "index",
    NEW_INDEX = "new_index",
    NEW_UNIQ = "new_uniq",
    UNIQ = "uniq",
    PID = "pid",
    APPLY = "apply",
    INFINITY = "infinity",
    TIMEOUT = "timeout",
    VALUE = "value",
    BADFUN_LOWER = "fun",
    NOT_A_LIST = "not_a_list",
    LATIN1 = "latin1",
    UNICODE = "unicode",
    UTF8 = "utf8",
    NONODE = "nonode@nohost",
    DOWN = "DOWN",
    PROCESS = "process",
    RUNNING = "running",
    RUNNABLE = "runnable",
    WAITING = "waiting",
    EXITING = "exiting",
    TRAP_EXIT = "trap_exit",
    PRIORITY = "priority",
    LOW = "low",
    HIGH = "high",
    MAX = "max",
    MESSAGES = "messages",
    MESSAGE_QUEUE_LEN = "message_queue_len",
    LINKS = "links",
    MONITORS = "monitors",
    MONITORED_BY = "monitored_by",
    DICTIONARY = "dictionary",
    REGISTERED_NAME = "registered_name",
    HEAP_SIZE = "heap_size",
    TOTAL_HEAP_SIZE = "total_heap_size",
    STACK_SIZE = "stack_size",
    MEMORY = "memory",
    REDUCTIONS = "reductions",
    CURRENT_FUNCTION = "current_function",
    STATUS = "status",
    INITIAL_CALL = "initial_call",
    GROUP_LEADER = "group_leader",
    LINK = "link",
    MONITOR = "monitor",
    MIN_HEAP_SIZE = "min_heap_size",
    MAX_HEAP_SIZE = "max_heap_size",
    FLUSH = "flush",
    INFO = "info",
    TIMEOUT_VALUE = "timeout_value",
    SECOND = "second",
    MILLISECOND = "millisecond",
    MICROSECOND = "microsecond",
    NANOSECOND = "nanosecond",
    NATIVE = "native",
    PERF_COUNTER = "perf_counter",
    SECONDS = "seconds",
    MILLI_SECONDS = "milli_seconds",
    MICRO_SECONDS = "micro_seconds",
    NANO_SECONDS = "nano_seconds",
    POSITIVE = "positive",
    MONOTONIC = "monotonic",
    ABS = "abs",
    ASYNC = "async",
    SPAWN = "spawn",
    ALIAS = "alias",
    GARBAGE_COLLECTION = "garbage_collection",
    SEND = "send",
    BANG = "!",
    CANCEL_TIMER = "cancel_timer",
    COMPACT = "compact",
    SHORT = "short",
    DECIMALS = "decimals",
    SCIENTIFIC = "scientific",
    STANDARD_IO = "standard_io",
    STANDARD_ERROR = "standard_error",
    USER = "user",
    // Memory: erlang:memory/0,1, garbage collection and heap limits.
    ERROR_LOGGER = "error_logger",
    SIZE = "size",
    MINOR_GCS = "minor_gcs",
    FULLSWEEP_AFTER = "fullsweep_after",
    MIN_BIN_VHEAP_SIZE = "min_bin_vheap_size",
    TOTAL = "total",
    PROCESSES = "processes",
    PROCESSES_USED = "processes_used",
    SYSTEM = "system",
    ATOM = "atom",
    ATOM_USED = "atom_used",
    BINARY = "binary",
    CODE = "code",
    ETS = "ets",
    INCLUDE_SHARED_BINARIES = "include_shared_binaries",
}

/// Interned atom names.
///
/// The static atoms (predefined, and the names of the natives) live in
/// flash ([`super::static_atoms`]); the table holds only the atoms made
/// since, as names that live as long as the program (a module's atom
/// chunk in flash, see [`AtomTable::intern_static`]) or as copies packed
/// into chunks of [`CHUNK`] bytes (no allocation header per name), found
/// by name through an open-addressing hash table of their numbers.
pub struct AtomTable {
    /// Names of the atoms from [`super::static_atoms::COUNT`] on.
    names: Vec<&'static str>,
    /// Hash slots: 0 is empty, `n` is `names[n - 1]`; a power of two long.
    slots: Vec<u32>,
    /// Storage of copied names; never freed nor moved while the table
    /// lives, which is what makes the `'static` in `names` sound.
    chunks: Vec<Box<[u8]>>,
    /// Bytes used in the last chunk.
    used: usize,
    limit: usize,
}

/// Size of a chunk of copied names: a few dozen names, little slack.
const CHUNK: usize = 256;

/// FNV-1a: small, and good enough for short names.
fn hash(name: &str) -> u32 {
    name.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ b as u32).wrapping_mul(0x0100_0193)
    })
}

/// Reasons an atom cannot be created.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum AtomError {
    /// Longer than [`MAX_ATOM_CHARS`] characters.
    TooLong,
    /// The table is full (`system_limit` in Erlang).
    TableFull,
}

impl AtomTable {
    /// A table holding the static atoms, allowing at most `limit` atoms
    /// (the static ones count).
    pub fn new(limit: usize) -> AtomTable {
        AtomTable {
            names: Vec::new(),
            slots: Vec::new(),
            chunks: Vec::new(),
            used: CHUNK,
            limit,
        }
    }

    /// The atom named `name`, creating it if needed (with a copy of the
    /// name).
    pub fn intern(&mut self, name: &str) -> Result<Atom, AtomError> {
        if let Some(a) = self.lookup(name) {
            return Ok(a);
        }
        self.check_new(name)?;
        let copy = self.copy(name);
        Ok(self.add(copy))
    }

    /// The atom named `name`, creating it if needed without copying the
    /// name: for names that live as long as the program (in flash).
    pub fn intern_static(&mut self, name: &'static str) -> Result<Atom, AtomError> {
        if let Some(a) = self.lookup(name) {
            return Ok(a);
        }
        self.check_new(name)?;
        Ok(self.add(name))
    }

    fn check_new(&self, name: &str) -> Result<(), AtomError> {
        if name.chars().count() > MAX_ATOM_CHARS {
            return Err(AtomError::TooLong);
        }
        if self.len() >= self.limit {
            return Err(AtomError::TableFull);
        }
        Ok(())
    }

    /// Stores a copy of `name` that lives as long as the table.
    fn copy(&mut self, name: &str) -> &'static str {
        let n = name.len();
        let bytes: &[u8] = if n == 0 {
            &[]
        } else if n > CHUNK / 4 {
            // Long names get a block of their own, pushed before the
            // current chunk so that it stays the last one.
            let at = self.chunks.len().saturating_sub(1);
            self.chunks.insert(at, name.as_bytes().into());
            &self.chunks[at]
        } else {
            if self.used + n > CHUNK {
                self.chunks.push(alloc::vec![0u8; CHUNK].into_boxed_slice());
                self.used = 0;
            }
            let at = self.used;
            self.used += n;
            match self.chunks.last_mut() {
                Some(chunk) => {
                    chunk[at..at + n].copy_from_slice(name.as_bytes());
                    &chunk[at..at + n]
                }
                None => &[],
            }
        };
        let s = core::str::from_utf8(bytes).unwrap_or("");
        // SAFETY: the bytes are in a boxed slice owned by `self.chunks`,
        // which never drops nor reallocates a chunk while the table lives
        // (only the vector of boxes moves), and `name` hands the name out
        // only for as long as the table is borrowed.
        unsafe { &*(s as *const str) }
    }

    fn add(&mut self, name: &'static str) -> Atom {
        self.names.push(name);
        let n = self.names.len();
        if n * 4 > self.slots.len() * 3 {
            self.rehash((self.slots.len() * 2).max(16));
        } else {
            self.place(n as u32);
        }
        Atom((super::static_atoms::COUNT + n - 1) as u32)
    }

    fn rehash(&mut self, size: usize) {
        self.slots.clear();
        self.slots.resize(size, 0);
        for n in 1..=self.names.len() as u32 {
            self.place(n);
        }
    }

    /// Puts name number `n` (1-based) in the first free slot of its probe
    /// sequence.
    fn place(&mut self, n: u32) {
        let mask = self.slots.len() - 1;
        let mut i = hash(self.names[n as usize - 1]) as usize & mask;
        while self.slots[i] != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = n;
    }

    /// The atom named `name` if it already exists.
    pub fn lookup(&self, name: &str) -> Option<Atom> {
        if let Some(i) = super::static_atoms::find(name) {
            return Some(Atom(i));
        }
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = hash(name) as usize & mask;
        loop {
            match self.slots[i] {
                0 => return None,
                n if self.names[n as usize - 1] == name => {
                    return Some(Atom((super::static_atoms::COUNT + n as usize - 1) as u32))
                }
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// The name of an atom.
    pub fn name(&self, a: Atom) -> &str {
        match super::static_atoms::name(a.0) {
            Some(s) => s,
            None => self
                .names
                .get(a.0 as usize - super::static_atoms::COUNT)
                .copied()
                .unwrap_or(""),
        }
    }

    /// Number of atoms.
    pub fn len(&self) -> usize {
        super::static_atoms::COUNT + self.names.len()
    }

    /// Whether the table is empty (never: the static atoms are there).
    pub fn is_empty(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predefined_atoms_have_their_names() {
        let t = AtomTable::new(1 << 20);
        assert_eq!(t.name(TRUE), "true");
        assert_eq!(t.name(NONODE), "nonode@nohost");
        assert_eq!(t.lookup("badarg"), Some(BADARG));
    }

    #[test]
    fn interning_is_idempotent_and_bounded() {
        let mut t = AtomTable::new(super::super::static_atoms::COUNT + 1);
        let a = t.intern("hello").unwrap();
        assert_eq!(t.intern("hello").unwrap(), a);
        assert_eq!(t.intern("other"), Err(AtomError::TableFull));
        let long = "x".repeat(256);
        assert_eq!(t.intern(&long), Err(AtomError::TooLong));
    }

    #[test]
    fn static_names_are_not_copied_and_copies_are_packed() {
        let mut t = AtomTable::new(1 << 20);
        let names: Vec<alloc::string::String> =
            (0..500).map(|i| alloc::format!("atom_{i}")).collect();
        for n in &names[..250] {
            let s: &'static str = alloc::boxed::Box::leak(n.clone().into_boxed_str());
            t.intern_static(s).unwrap();
        }
        assert!(t.chunks.is_empty());
        for n in &names[250..] {
            t.intern(n).unwrap();
        }
        let bytes: usize = names[250..].iter().map(|n| n.len()).sum();
        // Names of at most 8 bytes waste under 8 bytes a chunk.
        assert!((bytes.div_ceil(CHUNK)..=bytes.div_ceil(CHUNK - 8)).contains(&t.chunks.len()));
        for n in &names {
            let a = t.lookup(n).unwrap();
            assert_eq!(t.name(a), n);
            assert_eq!(t.intern(n).unwrap(), a);
        }
        let long = "y".repeat(200);
        let a = t.intern(&long).unwrap();
        assert_eq!(t.name(a), long);
        assert_eq!(t.intern("").map(|a| t.name(a).len()), Ok(0));
        assert_eq!(t.len(), super::super::static_atoms::COUNT + 502);
    }
}
