//! Native functions (BIFs): the calling convention and the tables that map
//! `{M, F, A}` to Rust functions. Each submodule covers one Erlang module or
//! one family of functions and registers itself in [`TABLE`].

use crate::heap::{Heap, OutOfMemory};
use crate::os::Os;
use crate::term::{atom, Atom, AtomTable, Term};

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

/// An exception raised by a BIF.
#[derive(Copy, Clone, Debug)]
pub struct Exception {
    /// Its class.
    pub class: Class,
    /// Its reason.
    pub reason: Term,
    /// A stacktrace supplied by `erlang:raise/3`, replacing the one the
    /// interpreter would build.
    pub trace: Option<Term>,
}

impl Exception {
    /// `error:Reason`.
    #[cold]
    pub fn error(reason: Term) -> Exception {
        Exception { class: Class::Error, reason, trace: None }
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
    /// `error:notsup`: a feature this build of the VM leaves out.
    #[cold]
    pub fn notsup() -> Exception {
        Exception::error(Term::atom(atom::NOTSUP))
    }
}

impl From<OutOfMemory> for Exception {
    #[cold]
    fn from(_: OutOfMemory) -> Exception {
        Exception::system_limit()
    }
}

/// What a BIF returns.
pub type BifResult = Result<Term, Exception>;

/// What a BIF may use: the calling process's heap, the atom table, and
/// the OS hooks.
pub struct Ctx<'a> {
    /// The calling process's heap: results are built here.
    pub heap: &'a mut Heap,
    /// The VM's atoms.
    pub atoms: &'a mut AtomTable,
    /// The platform.
    pub os: &'a mut dyn Os,
}
