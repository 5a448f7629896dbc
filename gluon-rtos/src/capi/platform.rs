//! The OS hooks as C function pointers, for firmware written in C.

use ::gluon_vm::os::Os;
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
}

/// [`Os`] over a [`gluon_platform`] whose required hooks are present.
pub(crate) struct CPlatform {
    p: gluon_platform,
    console: unsafe extern "C" fn(*mut c_void, *const u8, usize),
    clock: unsafe extern "C" fn(*mut c_void) -> u64,
}

impl CPlatform {
    /// `None` when a required hook is missing.
    pub(crate) fn new(p: gluon_platform) -> Option<CPlatform> {
        Some(CPlatform {
            console: p.console_write?,
            clock: p.monotonic_ns?,
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
}
