//! Gluon VM core: a BEAM bytecode virtual machine for small devices.
//!
//! `no_std` + `alloc`: everything outside the VM goes through [`os::Os`].
#![no_std]
extern crate alloc;
#[cfg(test)]
extern crate std;

pub mod beam;
pub mod bif;
pub mod bignum;
pub mod binary;
pub mod code;
pub mod copy;
pub mod decimal;
pub mod etf;
pub mod export_table;
pub mod format;
pub mod fun;
pub mod gc;
pub mod hash;
pub mod heap;
pub mod interp;
pub mod lazyvec;
pub mod loader;
pub mod mailbox;
pub mod map;
pub mod memory;
pub mod native;
pub mod net;
pub mod os;
pub mod proc_table;
pub mod process;
pub mod report;
pub mod scheduler;
pub mod sort;
pub mod term;
pub mod timer;
pub mod vecmap;
pub mod vm;
