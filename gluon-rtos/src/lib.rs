//! Runs the Gluon VM as one RTOS task.
#![no_std]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;
