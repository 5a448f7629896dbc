//! The OS hooks as C function pointers, for firmware written in C.

use super::caps::{gluon_files, gluon_peripherals, gluon_sockets, CFiles, CPeripherals, CSockets};
use ::gluon_vm::os::{Files, Os, Peripherals, Sockets};
use core::ffi::c_void;

/// The platform hooks for a VM created from C. `console_write` and
/// `monotonic_ns` are required; the others may be NULL. Every hook gets
/// `ctx` first.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct gluon_platform {
    /// Passed to every hook.
    pub ctx: *mut c_void,
    /// Writes program output.
    pub console_write: Option<unsafe extern "C" fn(ctx: *mut c_void, bytes: *const u8, len: usize)>,
    /// Writes error reports (NULL: the console).
    pub report_write: Option<unsafe extern "C" fn(ctx: *mut c_void, bytes: *const u8, len: usize)>,
    /// Monotonic time in nanoseconds.
    pub monotonic_ns: Option<unsafe extern "C" fn(ctx: *mut c_void) -> u64>,
    /// Wall-clock time in ns since 1970 into `*out`; false if unknown
    /// (NULL: never known).
    pub system_time_ns: Option<unsafe extern "C" fn(ctx: *mut c_void, out: *mut u64) -> bool>,
    /// Blocks until `wake` is called or the monotonic time reaches
    /// `deadline_ns` (if `has_deadline`). A wake that comes before the
    /// wait must end it at once (a binary semaphore or task
    /// notification). NULL: `gluon_run` polls instead of sleeping.
    pub wait_event:
        Option<unsafe extern "C" fn(ctx: *mut c_void, has_deadline: bool, deadline_ns: u64)>,
    /// Ends a `wait_event`, from any task or interrupt handler (e.g.
    /// `vTaskNotifyGiveFromISR`, `k_sem_give`). NULL: senders do not wake
    /// the task, which then only notices events when it next runs.
    pub wake: Option<unsafe extern "C" fn(ctx: *mut c_void)>,
    /// The file system behind Erlang's `file` (NULL: none, every call
    /// answers `{error, enotsup}`). Read when the VM is created.
    pub files: *const gluon_files,
    /// The network stack behind `gen_tcp`, `gen_udp` and `inet` (NULL:
    /// none).
    pub sockets: *const gluon_sockets,
    /// The GPIO, I²C, SPI and UART behind the modules of those names
    /// (NULL: none).
    pub peripherals: *const gluon_peripherals,
}

/// [`Os`] over a [`gluon_platform`] whose required hooks are present.
pub(crate) struct CPlatform {
    p: gluon_platform,
    console: unsafe extern "C" fn(*mut c_void, *const u8, usize),
    clock: unsafe extern "C" fn(*mut c_void) -> u64,
    files: Option<CFiles>,
    sockets: Option<CSockets>,
    peripherals: Option<CPeripherals>,
}

impl CPlatform {
    /// `None` when a required hook is missing.
    ///
    /// # Safety
    /// The group pointers of `p` are null or point at tables valid for
    /// the call (they are copied).
    pub(crate) unsafe fn new(p: gluon_platform) -> Option<CPlatform> {
        let ctx = p.ctx;
        // SAFETY: the caller's promise.
        let (files, sockets, peripherals) =
            unsafe { (p.files.as_ref(), p.sockets.as_ref(), p.peripherals.as_ref()) };
        Some(CPlatform {
            console: p.console_write?,
            clock: p.monotonic_ns?,
            files: files.map(|&t| CFiles { ctx, t }),
            sockets: sockets.map(|&t| CSockets { ctx, t }),
            peripherals: peripherals.map(|&t| CPeripherals { ctx, t }),
            p,
        })
    }
}

// SAFETY (all calls below): the embedder gave these hooks for this VM,
// with `ctx`, and promised they are valid while the VM exists.
impl Os for CPlatform {
    fn console_write(&mut self, bytes: &[u8]) {
        unsafe { (self.console)(self.p.ctx, bytes.as_ptr(), bytes.len()) }
    }

    fn report_write(&mut self, bytes: &[u8]) {
        match self.p.report_write {
            Some(f) => unsafe { f(self.p.ctx, bytes.as_ptr(), bytes.len()) },
            None => self.console_write(bytes),
        }
    }

    fn monotonic_ns(&mut self) -> u64 {
        unsafe { (self.clock)(self.p.ctx) }
    }

    fn system_time_ns(&mut self) -> Option<u64> {
        let f = self.p.system_time_ns?;
        let mut t = 0u64;
        unsafe { f(self.p.ctx, &mut t) }.then_some(t)
    }

    fn wait_event(&mut self, deadline: Option<u64>) {
        if let Some(f) = self.p.wait_event {
            unsafe { f(self.p.ctx, deadline.is_some(), deadline.unwrap_or(0)) }
        }
    }

    fn files(&mut self) -> Option<&mut dyn Files> {
        self.files.as_mut().map(|f| f as &mut dyn Files)
    }

    fn sockets(&mut self) -> Option<&mut dyn Sockets> {
        self.sockets.as_mut().map(|s| s as &mut dyn Sockets)
    }

    fn peripherals(&mut self) -> Option<&mut dyn Peripherals> {
        self.peripherals.as_mut().map(|p| p as &mut dyn Peripherals)
    }
}
