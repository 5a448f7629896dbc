//! Why a module could not be loaded.

use core::fmt;

/// A load failure, saying what is wrong and where.
#[derive(Copy, Clone, Debug)]
#[non_exhaustive]
pub enum LoadError {
    /// The file format is broken.
    Format(crate::beam::BeamError),
    /// The atom table is full or an atom is too long.
    AtomTable,
    /// The atom chunk is empty.
    NoModuleName,
    /// An operand refers to an atom that does not exist.
    BadAtom { index: u32 },
    /// A literal cannot be read.
    Literal { index: u32 },
    /// A literal is not valid external term format.
    Etf {
        index: u32,
        error: crate::etf::EtfError,
    },
    /// A jump to a label that is not defined.
    BadLabel { label: u32 },
    /// An import, fun or literal index out of range.
    BadIndex { what: &'static str, index: u32 },
    /// An operand of the wrong kind for its instruction.
    BadOperand { op: &'static str, offset: u32 },
    /// An instruction this VM does not run (yet).
    Unsupported { op: &'static str },
    /// Memory ran out while loading.
    OutOfMemory,
}

impl From<crate::beam::BeamError> for LoadError {
    fn from(e: crate::beam::BeamError) -> LoadError {
        LoadError::Format(e)
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Format(e) => write!(f, "{e}"),
            LoadError::AtomTable => f.write_str("atom table full or atom too long"),
            LoadError::NoModuleName => f.write_str("atom table is empty: no module name"),
            LoadError::BadAtom { index } => write!(f, "reference to undefined atom #{index}"),
            LoadError::Literal { index } => write!(f, "literal #{index} is missing"),
            LoadError::Etf { index, error } => write!(f, "literal #{index}: {error}"),
            LoadError::BadLabel { label } => write!(f, "jump to undefined label {label}"),
            LoadError::BadIndex { what, index } => write!(f, "{what} index {index} out of range"),
            LoadError::BadOperand { op, offset } => {
                write!(f, "instruction `{op}`: bad operand {offset}")
            }
            LoadError::Unsupported { op } => {
                write!(f, "instruction `{op}` is not supported by this VM")
            }
            LoadError::OutOfMemory => f.write_str("out of memory"),
        }
    }
}
