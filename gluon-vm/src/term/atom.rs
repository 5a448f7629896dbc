//! The atom table: interned names, with the atoms the VM itself needs
//! predefined at fixed indices so that Rust code can name them as constants.

use alloc::boxed::Box;
use alloc::collections::BTreeMap;
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

/// Interned atom names. Lookup by name is a B-tree search (no hasher needed
/// on `no_std`); lookup by index is a vector access.
pub struct AtomTable {
    names: Vec<Box<str>>,
    index: BTreeMap<Box<str>, u32>,
    limit: usize,
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
    /// A table holding the predefined atoms, allowing at most `limit` atoms.
    pub fn new(limit: usize) -> AtomTable {
        let mut t = AtomTable {
            names: Vec::new(),
            index: BTreeMap::new(),
            limit,
        };
        for name in PREDEFINED {
            // Cannot fail: predefined names are short and few.
            let _ = t.intern(name);
        }
        t
    }

    /// The atom named `name`, creating it if needed.
    pub fn intern(&mut self, name: &str) -> Result<Atom, AtomError> {
        if let Some(&i) = self.index.get(name) {
            return Ok(Atom(i));
        }
        if name.chars().count() > MAX_ATOM_CHARS {
            return Err(AtomError::TooLong);
        }
        if self.names.len() >= self.limit {
            return Err(AtomError::TableFull);
        }
        let i = self.names.len() as u32;
        self.names.push(name.into());
        self.index.insert(name.into(), i);
        Ok(Atom(i))
    }

    /// The atom named `name` if it already exists.
    pub fn lookup(&self, name: &str) -> Option<Atom> {
        self.index.get(name).map(|&i| Atom(i))
    }

    /// The name of an atom.
    pub fn name(&self, a: Atom) -> &str {
        self.names.get(a.0 as usize).map_or("", |s| s)
    }

    /// Number of atoms.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether the table is empty (never, once created).
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
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
        let mut t = AtomTable::new(PREDEFINED.len() + 1);
        let a = t.intern("hello").unwrap();
        assert_eq!(t.intern("hello").unwrap(), a);
        assert_eq!(t.intern("other"), Err(AtomError::TableFull));
        let long = "x".repeat(256);
        assert_eq!(t.intern(&long), Err(AtomError::TooLong));
    }
}
