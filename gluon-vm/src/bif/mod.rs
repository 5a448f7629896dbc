//! Native functions (BIFs): the calling convention and the tables that map
//! `{M, F, A}` to Rust functions. Each submodule covers one Erlang module or
//! one family of functions and registers itself in [`TABLE`].

use crate::heap::{Heap, OutOfMemory};
use crate::os::Os;
use crate::term::{atom, Atom, AtomTable, Term};

#[cfg_attr(not(feature = "binary-module"), allow(dead_code))]
mod binary_args;
#[cfg(feature = "binary-module")]
mod binary_mod;
#[cfg(feature = "binary-module")]
mod binary_search;
#[cfg(feature = "binary-module")]
mod binary_split;
#[cfg(feature = "binary-module")]
mod binary_unsigned;
#[cfg(feature = "unicode")]
mod case_table;
mod dropped;
mod erlang_arith;
mod erlang_bitstr;
mod erlang_code;
mod erlang_compare;
mod erlang_convert;
mod erlang_dict;
mod erlang_error;
#[cfg(feature = "etf")]
mod erlang_etf;
mod erlang_existing_atom;
#[cfg(feature = "float")]
mod erlang_float;
pub mod index;
pub(crate) mod keep;
mod native_list;
// Also the float text of the ETF encoder: only its natives are gated.
mod drv_args;
#[cfg_attr(not(feature = "float"), allow(dead_code))]
mod erlang_float_fmt;
#[cfg(feature = "hashes")]
mod erlang_hash;
mod erlang_info;
mod erlang_int;
mod erlang_iolist;
mod erlang_list;
mod erlang_memory;
mod erlang_misc;
mod erlang_proc;
#[cfg(test)]
mod erlang_testkit;
#[cfg(test)]
mod erlang_testread;
mod erlang_time;
mod erlang_tuple;
mod erlang_types;
mod file;
mod grapheme;
mod hal;
mod io;
mod io_opts;
mod lists;
mod maps;
#[cfg(feature = "float")]
mod math;
mod net;
#[cfg(feature = "unicode")]
mod string_case;
#[cfg(feature = "unicode")]
mod unicode;
#[cfg(feature = "unicode")]
mod unicode_codec;

/// The class of an exception.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Class {
    /// `error`.
    Error,
    /// `exit`.
    Exit,
    /// `throw`.
    Throw,
}

impl Class {
    /// The class as an atom.
    pub fn atom(self) -> Atom {
        match self {
            Class::Error => atom::ERROR,
            Class::Exit => atom::EXIT,
            Class::Throw => atom::THROW,
        }
    }
    /// The class named by an atom term.
    pub fn from_term(t: Term) -> Option<Class> {
        match t.as_atom()? {
            atom::ERROR => Some(Class::Error),
            atom::EXIT => Some(Class::Exit),
            atom::THROW => Some(Class::Throw),
            _ => None,
        }
    }
}

/// Where an exception comes from, which decides the top of its stacktrace.
#[derive(Copy, Clone, Debug)]
pub enum Origin {
    /// A native function failed: its own frame tops the stacktrace.
    Native,
    /// `erlang:error/1`, `exit/1`, `throw/1`: the caller tops it.
    Raised,
    /// `erlang:error/2,3`: the caller tops it, shown with these arguments.
    RaisedWithArgs(Term),
    /// `erlang:raise/3`: this stacktrace replaces the built one.
    Reraised(Term),
    /// Memory ran out (the VM's budget or the process's
    /// `max_heap_size`): no catch applies, the process is killed.
    OutOfMemory,
}

/// An exception raised by a BIF.
#[derive(Copy, Clone, Debug)]
pub struct Exception {
    /// Its class.
    pub class: Class,
    /// Its reason.
    pub reason: Term,
    /// What tops its stacktrace.
    pub origin: Origin,
}

impl Exception {
    /// `error:Reason`.
    #[cold]
    pub fn error(reason: Term) -> Exception {
        Exception {
            class: Class::Error,
            reason,
            origin: Origin::Native,
        }
    }
    /// `error:badarg`.
    #[cold]
    pub fn badarg() -> Exception {
        Exception::error(Term::atom(atom::BADARG))
    }
    /// `error:badarith`.
    #[cold]
    pub fn badarith() -> Exception {
        Exception::error(Term::atom(atom::BADARITH))
    }
    /// `error:system_limit`.
    #[cold]
    pub fn system_limit() -> Exception {
        Exception::error(Term::atom(atom::SYSTEM_LIMIT))
    }
    /// An exception raised on purpose by `error/1`, `exit/1` or `throw/1`.
    #[cold]
    pub fn raised(class: Class, reason: Term) -> Exception {
        Exception {
            class,
            reason,
            origin: Origin::Raised,
        }
    }
    /// `error:notsup`: a feature this build of the VM leaves out.
    #[cold]
    pub fn notsup() -> Exception {
        Exception::error(Term::atom(atom::NOTSUP))
    }
}

impl From<OutOfMemory> for Exception {
    /// Running out of memory kills the process (reason `killed`, as the
    /// BEAM does on `max_heap_size`); it is not an error Erlang code can
    /// catch and retry.
    #[cold]
    fn from(_: OutOfMemory) -> Exception {
        Exception {
            class: Class::Exit,
            reason: Term::atom(atom::KILLED),
            origin: Origin::OutOfMemory,
        }
    }
}

/// What a BIF returns.
pub type BifResult = Result<Term, Exception>;

/// What a BIF may use: the calling process (its heap and the rest of its
/// state), the atom table, the other processes, and the OS hooks.
pub struct Ctx<'a> {
    /// The calling process's heap: results are built here.
    pub heap: &'a mut Heap,
    /// The VM's atoms.
    pub atoms: &'a mut AtomTable,
    /// The platform.
    pub os: &'a mut dyn Os,
    /// The calling process's state (mailbox, links, dictionary...).
    pub me: &'a mut crate::process::ProcInfo,
    /// The other processes, names and timers.
    pub sched: &'a mut crate::scheduler::Scheduler,
    /// The export table (for `spawn`, `apply`-like natives and funs).
    pub exports: &'a mut crate::vm::ExportTable,
    /// Loaded modules (to name the function at a code address).
    pub modules: &'a [crate::code::Module],
}

/// Stands in for a guard BIF this VM does not implement: raises `undef`.
pub fn missing(_: &mut Ctx<'_>, _: &[Term]) -> BifResult {
    Err(Exception::error(Term::atom(atom::UNDEF)))
}

/// One native function: `module:name/arity` and what calling it runs.
pub struct BifDef {
    /// Module name.
    pub module: &'static str,
    /// Function name.
    pub name: &'static str,
    /// Arity.
    pub arity: u8,
    /// The native (or `Target::Apply` for `erlang:apply/2,3`).
    pub target: crate::code::Target,
}

/// Shorthand for table entries.
pub(crate) const fn native(
    module: &'static str,
    name: &'static str,
    arity: u8,
    f: crate::code::BifFn,
) -> BifDef {
    BifDef {
        module,
        name,
        arity,
        target: crate::code::Target::Bif(f),
    }
}

/// Natives of the VM itself (not of one Erlang module).
static CORE: &[BifDef] = &[
    BifDef {
        module: "erlang",
        name: "apply",
        arity: 2,
        target: crate::code::Target::Apply(2),
    },
    BifDef {
        module: "erlang",
        name: "apply",
        arity: 3,
        target: crate::code::Target::Apply(3),
    },
];

/// The table of a module gated by a cargo feature, or nothing without it.
macro_rules! family {
    ($feature:literal, $module:ident) => {{
        #[cfg(feature = $feature)]
        let defs: &'static [BifDef] = $module::BIFS;
        #[cfg(not(feature = $feature))]
        let defs: &'static [BifDef] = &[];
        defs
    }};
}

/// The `notsup` stand-ins of a family: only when the family is left out.
const fn left_out(on: bool, defs: &'static [BifDef]) -> &'static [BifDef] {
    if on {
        &[]
    } else {
        defs
    }
}

/// Every native function, one table per Erlang module or family. Read at
/// compile time only: [`index`] turns it into the table in flash that the
/// VM looks natives up in, and [`crate::term::atom`] into the atoms of
/// their names, so a VM holds nothing in RAM for a native until a module
/// uses it. A name may appear only once (the build fails otherwise).
pub(crate) const FAMILIES: &[&[BifDef]] = &[
    CORE,
    erlang_types::BIFS,
    erlang_arith::BIFS,
    erlang_compare::BIFS,
    erlang_tuple::BIFS,
    erlang_list::BIFS,
    erlang_convert::BIFS,
    erlang_iolist::BIFS,
    erlang_bitstr::BIFS,
    family!("float", erlang_float),
    family!("float", erlang_float_fmt),
    family!("hashes", erlang_hash),
    erlang_error::BIFS,
    family!("etf", erlang_etf),
    erlang_misc::BIFS,
    erlang_dict::BIFS,
    erlang_proc::BIFS,
    erlang_code::BIFS,
    erlang_info::BIFS,
    erlang_memory::BIFS,
    erlang_time::BIFS,
    lists::BIFS,
    maps::BIFS,
    io::BIFS,
    family!("float", math),
    family!("binary-module", binary_mod),
    family!("unicode", unicode),
    family!("unicode", string_case),
    grapheme::BIFS,
    io_opts::BIFS,
    erlang_existing_atom::BIFS,
    file::BIFS,
    net::BIFS,
    hal::BIFS,
    left_out(cfg!(feature = "etf"), dropped::ETF),
    left_out(cfg!(feature = "hashes"), dropped::HASHES),
    left_out(cfg!(feature = "unicode"), dropped::UNICODE),
    left_out(cfg!(feature = "binary-module"), dropped::BINARY_MODULE),
    left_out(cfg!(feature = "float"), dropped::FLOAT),
];

/// Every native function's definition that this build has (see
/// [`keep`]), in [`FAMILIES`] order.
pub fn table() -> impl Iterator<Item = &'static BifDef> {
    (0..crate::term::static_atoms::NATIVES).map(crate::term::static_atoms::native_def)
}

pub use index::{lookup, native_name};
