//! Runs the Gluon VM as one RTOS task.
//!
//! - [`runner`]: the task's loop (deliver events, run until idle, wait).
//! - [`queue`]: the interrupt-safe event queue through which other tasks
//!   and interrupt handlers send messages to registered processes.
//! - [`message`]: building such messages without the VM.
//! - [`bundle`]: reading a flash image of modules (the AVM layout).
//! - [`console`]: console hooks over `embedded-io` streams.
//! - [`hal`]: the peripheral hooks over `embedded-hal` drivers.
//! - [`capi`]: the C API (`include/gluon.h`).
//! - [`host`] (feature `std`): the hooks over the Rust standard library.
//!
//! Everything but [`host`] is `no_std` + `alloc`. A static library for C
//! firmware without a Rust port crate turns on `region-heap` (or
//! `c-allocator`), `panic-halt` and `c-critical-section` (see
//! `Cargo.toml`). Native functions are
//! registered on the VM itself ([`gluon_vm::vm::Vm::register_native`]).
#![no_std]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

#[cfg(all(
    feature = "std",
    any(
        feature = "region-heap",
        feature = "c-allocator",
        feature = "panic-halt"
    )
))]
compile_error!("`region-heap`, `c-allocator` and `panic-halt` are for builds without `std`");
#[cfg(all(feature = "region-heap", feature = "c-allocator"))]
compile_error!("`region-heap` and `c-allocator` are two allocators: pick one");

mod bare_metal;

pub mod bundle;
pub mod capi;
pub mod console;
pub mod hal;
#[cfg(feature = "std")]
pub mod host;
pub mod message;
pub mod queue;
pub mod runner;

/// The bundled standard library (Erlang compiled by `erlc` at build time),
/// for [`gluon_vm::vm::Vm::add_lazy_module`]; empty without the `stdlib`
/// feature.
pub mod stdlib {
    include!(concat!(env!("OUT_DIR"), "/stdlib.rs"));
}

/// Makes the bundled standard library loadable on first use (nothing
/// without the `stdlib` feature).
pub fn add_stdlib(vm: &mut gluon_vm::vm::Vm) {
    for (name, bytes) in stdlib::STDLIB {
        vm.add_lazy_module(name, bytes);
    }
}
