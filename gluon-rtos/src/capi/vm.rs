//! Creating, loading, starting, running and destroying a VM from C.

use super::platform::{gluon_platform, CPlatform};
use super::{bytes_arg, gluon_queue, gluon_status, str_arg};
use crate::queue::{EventQueue, Waker};
use crate::runner::{Ended, Progress, Runner};
use ::gluon_vm::os::Os;
use ::gluon_vm::vm::{Config, ExitKind, Vm};
use alloc::boxed::Box;
use core::ffi::{c_char, c_void};
use core::mem::ManuallyDrop;

/// How a VM is made. Start from `gluon_config_default`.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct gluon_config {
    /// Budget in bytes for the memory of all processes (heaps, stacks,
    /// messages); 0: no budget. A process needing more is killed, the
    /// others run on. The budget is one per program, shared by all VMs.
    pub memory_limit: usize,
    /// A memory region for all of the VM's allocations (a static array),
    /// in builds with the `region-heap` feature: given to the allocator by
    /// the first `gluon_vm_new`, and later VMs must name the same region.
    /// Other builds allocate through the firmware's global allocator and
    /// answer `GLUON_E_NOTSUP` to a region.
    pub heap_region: *mut c_void,
    /// Size of `heap_region` in bytes.
    pub heap_region_len: usize,
    /// Most atoms the VM may hold; 0: the default (1,048,576).
    pub max_atoms: u32,
    /// Reductions between two looks at the event queue; 0: 20,000.
    pub slice_reductions: u32,
    /// The platform hooks; NULL: the host's (builds with `std` only).
    pub platform: *const gluon_platform,
}

/// A VM with its event queue, owned by one task.
pub struct gluon_vm {
    runner:
        ManuallyDrop<Runner<'static, { super::GLUON_QUEUE_SLOTS }, { super::GLUON_EVENT_BYTES }>>,
    queue: *mut gluon_queue,
    last: Progress,
    exit_status: i32,
    /// The start module of the last bundle added.
    bundle_start: Option<::gluon_vm::term::Atom>,
}

impl Drop for gluon_vm {
    fn drop(&mut self) {
        // SAFETY: the runner borrows the queue, so it goes first; the
        // queue came from `Box::into_raw` and nothing else frees it.
        unsafe {
            ManuallyDrop::drop(&mut self.runner);
            drop(Box::from_raw(self.queue));
        }
    }
}

/// Where the VM stands after a run call.
#[repr(C)]
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum gluon_state {
    /// Work remains: call `gluon_run_until_idle` again soon.
    GLUON_BUSY = 0,
    /// Every process waits: block until an event or `gluon_next_deadline`.
    GLUON_IDLE = 1,
    /// `erlang:halt/0,1` ran; `gluon_exit_status` has its status.
    GLUON_HALTED = 2,
    /// The entry process ended (started with `stop_when_done`);
    /// `gluon_exit_status` is 0 if normally, 1 otherwise.
    GLUON_FINISHED = 3,
    /// `gluon_stop` was called.
    GLUON_STOPPED = 4,
}

/// Fills `*config` with the defaults: no budget, no region, default
/// limits, the host's hooks.
///
/// # Safety
/// `config` is null or writable.
#[no_mangle]
pub unsafe extern "C" fn gluon_config_default(config: *mut gluon_config) {
    // SAFETY: the caller's promise.
    if let Some(c) = unsafe { config.as_mut() } {
        *c = gluon_config {
            memory_limit: 0,
            heap_region: core::ptr::null_mut(),
            heap_region_len: 0,
            max_atoms: 0,
            slice_reductions: 0,
            platform: core::ptr::null(),
        };
    }
}

/// The platform hooks and the waker for its queue.
///
/// # Safety
/// `p` is null or a valid `gluon_platform`.
unsafe fn make_os(p: *const gluon_platform) -> Result<(Box<dyn Os>, Option<Waker>), gluon_status> {
    // SAFETY: the caller's promise.
    if let Some(p) = unsafe { p.as_ref() } {
        // SAFETY: the embedder's tables are valid (`gluon_platform`).
        let os = unsafe { CPlatform::new(*p) }.ok_or(gluon_status::GLUON_E_INVALID)?;
        // SAFETY: the embedder supplies `wake` as callable from any
        // context with `ctx`, for the VM's life.
        let waker = p.wake.map(|w| unsafe { Waker::from_raw(w, p.ctx) });
        return Ok((Box::new(os), waker));
    }
    #[cfg(feature = "std")]
    {
        let os = crate::host::HostOs::new();
        // SAFETY: the queue is dropped with the VM, which owns `os`.
        let waker = unsafe { os.waker() };
        Ok((Box::new(os), Some(waker)))
    }
    #[cfg(not(feature = "std"))]
    Err(gluon_status::GLUON_E_INVALID)
}

/// Creates a VM from `config` (NULL: the defaults) with the bundled
/// standard library loadable on first use, and stores it in `*out`.
///
/// # Safety
/// `config` is null or valid; `out` is writable.
#[no_mangle]
pub unsafe extern "C" fn gluon_vm_new(
    config: *const gluon_config,
    out: *mut *mut gluon_vm,
) -> gluon_status {
    if out.is_null() {
        return gluon_status::GLUON_E_INVALID;
    }
    let mut c = gluon_config {
        memory_limit: 0,
        heap_region: core::ptr::null_mut(),
        heap_region_len: 0,
        max_atoms: 0,
        slice_reductions: 0,
        platform: core::ptr::null(),
    };
    // SAFETY: the caller's promise.
    if let Some(given) = unsafe { config.as_ref() } {
        c = *given;
    }
    if !c.heap_region.is_null() || c.heap_region_len != 0 {
        #[cfg(feature = "region-heap")]
        {
            if c.heap_region.is_null() || c.heap_region_len == 0 {
                return gluon_status::GLUON_E_INVALID;
            }
            // SAFETY: the embedder hands the region over for good.
            if !unsafe {
                crate::bare_metal::region::init(c.heap_region as usize, c.heap_region_len)
            } {
                return gluon_status::GLUON_E_INVALID;
            }
        }
        #[cfg(not(feature = "region-heap"))]
        return gluon_status::GLUON_E_NOTSUP;
    }
    // SAFETY: the caller's promise about `platform`.
    let (os, waker) = match unsafe { make_os(c.platform) } {
        Ok(v) => v,
        Err(e) => return e,
    };
    ::gluon_vm::memory::set_limit((c.memory_limit != 0).then_some(c.memory_limit));
    let mut config = Config::default();
    if c.max_atoms != 0 {
        config.max_atoms = c.max_atoms as usize;
    }
    let mut vm = Vm::new(config, os);
    crate::add_stdlib(&mut vm);
    let queue = Box::into_raw(Box::new(gluon_queue {
        q: EventQueue::new(),
    }));
    // SAFETY: the queue lives until the VM is dropped, after the runner.
    let q: &'static gluon_queue = unsafe { &*queue };
    if let Some(w) = waker {
        q.q.set_waker(w);
    }
    let mut runner = Runner::new(vm, &q.q);
    if c.slice_reductions != 0 {
        runner.set_slice(c.slice_reductions as usize);
    }
    let vm = Box::new(gluon_vm {
        runner: ManuallyDrop::new(runner),
        queue,
        last: Progress::Busy,
        exit_status: 0,
        bundle_start: None,
    });
    // SAFETY: checked non-null above.
    unsafe { *out = Box::into_raw(vm) };
    gluon_status::GLUON_OK
}

/// Destroys a VM and its queue. No task may send to the queue afterwards.
///
/// # Safety
/// `vm` is null or from `gluon_vm_new`, not yet destroyed.
#[no_mangle]
pub unsafe extern "C" fn gluon_vm_destroy(vm: *mut gluon_vm) {
    if !vm.is_null() {
        // SAFETY: the caller's promise.
        drop(unsafe { Box::from_raw(vm) });
    }
}

/// The VM's event queue, for other tasks and interrupt handlers (valid
/// until the VM is destroyed); NULL for a null VM.
///
/// # Safety
/// `vm` is null or a live VM.
#[no_mangle]
pub unsafe extern "C" fn gluon_queue_of(vm: *const gluon_vm) -> *const gluon_queue {
    // SAFETY: the caller's promise.
    match unsafe { vm.as_ref() } {
        Some(v) => v.queue,
        None => core::ptr::null(),
    }
}

/// Loads a `.beam` image of `len` bytes (copied: it may be freed after).
///
/// # Safety
/// `vm` is null or a live VM; `beam` points at `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn gluon_load_beam(
    vm: *mut gluon_vm,
    beam: *const u8,
    len: usize,
) -> gluon_status {
    // SAFETY: the caller's promise.
    let (Some(v), Some(b)) = (unsafe { vm.as_mut() }, unsafe { bytes_arg(beam, len) }) else {
        return gluon_status::GLUON_E_INVALID;
    };
    match ::gluon_vm::loader::load(&mut v.runner.vm, b) {
        Ok(_) => gluon_status::GLUON_OK,
        Err(_) => gluon_status::GLUON_E_LOAD,
    }
}

/// Makes module `name` load on first use from a `.beam` image that stays
/// in place for the program's life (in flash): nothing is copied until a
/// function of it is called.
///
/// # Safety
/// `vm` is null or a live VM; `name` is a NUL-terminated string; `beam`
/// points at `len` bytes that are never modified or freed.
#[no_mangle]
pub unsafe extern "C" fn gluon_add_flash_beam(
    vm: *mut gluon_vm,
    name: *const c_char,
    beam: *const u8,
    len: usize,
) -> gluon_status {
    // SAFETY: the caller's promise, including the image's lifetime.
    let (Some(v), Some(n), Some(b)) = (unsafe { vm.as_mut() }, unsafe { str_arg(name) }, unsafe {
        bytes_arg(beam, len)
    }) else {
        return gluon_status::GLUON_E_INVALID;
    };
    let b: &'static [u8] = unsafe { core::slice::from_raw_parts(b.as_ptr(), b.len()) };
    v.runner.vm.add_lazy_module(n, b);
    gluon_status::GLUON_OK
}

/// Adds the modules of a bundle (the AVM "packbeam" layout: see
/// `gluon_rtos::bundle`). With `in_place`, the bundle stays where it is
/// for the program's life (in flash) and each module loads from it on
/// first use; without, every module is loaded (copied) now. The bundle's
/// start module becomes the default of `gluon_start`.
///
/// # Safety
/// `vm` is null or a live VM; `bundle` points at `len` bytes, which with
/// `in_place` are never modified or freed.
#[no_mangle]
pub unsafe extern "C" fn gluon_load_bundle(
    vm: *mut gluon_vm,
    bundle: *const u8,
    len: usize,
    in_place: bool,
) -> gluon_status {
    // SAFETY: the caller's promise, including the lifetime with `in_place`.
    let (Some(v), Some(b)) = (unsafe { vm.as_mut() }, unsafe { bytes_arg(bundle, len) }) else {
        return gluon_status::GLUON_E_INVALID;
    };
    let b: &'static [u8] = unsafe { core::slice::from_raw_parts(b.as_ptr(), b.len()) };
    let Ok(entries) = crate::bundle::entries(b) else {
        return gluon_status::GLUON_E_LOAD;
    };
    for e in entries {
        let Ok(e) = e else {
            return gluon_status::GLUON_E_LOAD;
        };
        let Some(module) = e.module() else { continue };
        let vm = &mut v.runner.vm;
        if in_place {
            vm.add_lazy_module(module, e.data);
        } else if ::gluon_vm::loader::load(vm, e.data).is_err() {
            return gluon_status::GLUON_E_LOAD;
        }
        if e.flags & crate::bundle::START != 0 {
            match vm.atoms.intern(module) {
                Ok(a) => v.bundle_start = Some(a),
                Err(_) => return gluon_status::GLUON_E_ATOMS,
            }
        }
    }
    gluon_status::GLUON_OK
}

/// Spawns a process running `module:function()` (`module` NULL: the start
/// module of the last bundle loaded). With `stop_when_done`,
/// the run functions report `GLUON_FINISHED` when it ends (as a program's
/// main does); without, the VM lives on with its other processes.
///
/// # Safety
/// `vm` is null or a live VM; the names are NUL-terminated strings.
#[no_mangle]
pub unsafe extern "C" fn gluon_start(
    vm: *mut gluon_vm,
    module: *const c_char,
    function: *const c_char,
    stop_when_done: bool,
) -> gluon_status {
    // SAFETY: the caller's promise.
    let (Some(v), Some(f)) = (unsafe { vm.as_mut() }, unsafe { str_arg(function) }) else {
        return gluon_status::GLUON_E_INVALID;
    };
    let start = v.bundle_start;
    let r = &mut v.runner;
    let m = if module.is_null() {
        match start {
            Some(m) => Ok(m),
            None => return gluon_status::GLUON_E_UNDEF,
        }
    } else {
        // SAFETY: the caller's promise.
        match unsafe { str_arg(module) } {
            Some(m) => r.vm.atoms.intern(m),
            None => return gluon_status::GLUON_E_INVALID,
        }
    };
    let (Ok(m), Ok(f)) = (m, r.vm.atoms.intern(f)) else {
        return gluon_status::GLUON_E_ATOMS;
    };
    if r.vm.find_export(m, f, 0).is_none()
        && !(r.vm.autoload(m) && r.vm.find_export(m, f, 0).is_some())
    {
        return gluon_status::GLUON_E_UNDEF;
    }
    let Ok(pid) = r.vm.spawn(m, f, &[]) else {
        return gluon_status::GLUON_E_NOMEM;
    };
    if stop_when_done {
        r.end_with_entry(pid);
    }
    gluon_status::GLUON_OK
}

fn state_of(v: &mut gluon_vm, p: Progress) -> gluon_state {
    v.last = p;
    match p {
        Progress::Busy => gluon_state::GLUON_BUSY,
        Progress::Idle { .. } => gluon_state::GLUON_IDLE,
        Progress::Ended(Ended::Halted(n)) => {
            v.exit_status = n;
            gluon_state::GLUON_HALTED
        }
        Progress::Ended(Ended::EntryExited(k)) => {
            v.exit_status = (k != ExitKind::Normal) as i32;
            gluon_state::GLUON_FINISHED
        }
        Progress::Ended(Ended::Stopped) => gluon_state::GLUON_STOPPED,
    }
}

/// Delivers queued events and runs processes for at most about
/// `max_reductions` reductions (0: no limit), until every process waits.
/// Stores where the VM stands in `*state`. For a task that waits on its
/// own primitives: on `GLUON_IDLE` block until an event is sent or
/// `gluon_next_deadline` passes, then call again.
///
/// # Safety
/// `vm` is null or a live VM; `state` is null or writable.
#[no_mangle]
pub unsafe extern "C" fn gluon_run_until_idle(
    vm: *mut gluon_vm,
    max_reductions: u32,
    state: *mut gluon_state,
) -> gluon_status {
    // SAFETY: the caller's promise.
    let Some(v) = (unsafe { vm.as_mut() }) else {
        return gluon_status::GLUON_E_INVALID;
    };
    let budget = if max_reductions == 0 {
        usize::MAX
    } else {
        max_reductions as usize
    };
    let p = v.runner.run_until_idle(budget);
    let s = state_of(v, p);
    // SAFETY: the caller's promise.
    if let Some(out) = unsafe { state.as_mut() } {
        *out = s;
    }
    gluon_status::GLUON_OK
}

/// After `GLUON_IDLE`: whether a timer is pending, and its monotonic time
/// in ns (the clock of the platform's `monotonic_ns`) in `*deadline_ns`.
/// False: wait for an event with no timeout.
///
/// # Safety
/// `vm` is null or a live VM; `deadline_ns` is null or writable.
#[no_mangle]
pub unsafe extern "C" fn gluon_next_deadline(vm: *const gluon_vm, deadline_ns: *mut u64) -> bool {
    // SAFETY: the caller's promise.
    let Some(v) = (unsafe { vm.as_ref() }) else {
        return false;
    };
    match v.last {
        Progress::Idle { until: Some(t) } => {
            // SAFETY: the caller's promise.
            if let Some(out) = unsafe { deadline_ns.as_mut() } {
                *out = t;
            }
            true
        }
        _ => false,
    }
}

/// The task body: runs the VM, sleeping in the platform's `wait_event`
/// whenever every process waits, until it halts, the entry process ends
/// (`stop_when_done`) or `gluon_stop` is called; stores which in `*state`.
///
/// # Safety
/// `vm` is null or a live VM; `state` is null or writable.
#[no_mangle]
pub unsafe extern "C" fn gluon_run(vm: *mut gluon_vm, state: *mut gluon_state) -> gluon_status {
    // SAFETY: the caller's promise.
    let Some(v) = (unsafe { vm.as_mut() }) else {
        return gluon_status::GLUON_E_INVALID;
    };
    let e = v.runner.run();
    let s = state_of(v, Progress::Ended(e));
    // SAFETY: the caller's promise.
    if let Some(out) = unsafe { state.as_mut() } {
        *out = s;
    }
    gluon_status::GLUON_OK
}

/// The status of a halted VM, or of a finished entry process (0 normal,
/// 1 abnormal).
///
/// # Safety
/// `vm` is null or a live VM.
#[no_mangle]
pub unsafe extern "C" fn gluon_exit_status(vm: *const gluon_vm) -> i32 {
    // SAFETY: the caller's promise.
    unsafe { vm.as_ref() }.map_or(0, |v| v.exit_status)
}

/// The platform's monotonic time in ns (the clock of deadlines).
///
/// # Safety
/// `vm` is null or a live VM.
#[no_mangle]
pub unsafe extern "C" fn gluon_monotonic_ns(vm: *mut gluon_vm) -> u64 {
    // SAFETY: the caller's promise.
    unsafe { vm.as_mut() }.map_or(0, |v| v.runner.vm.os.monotonic_ns())
}

/// Bytes of process memory in use now, and (in `*peak`, if not NULL) the
/// most ever in use.
///
/// # Safety
/// `peak` is null or writable.
#[no_mangle]
pub unsafe extern "C" fn gluon_memory_used(peak: *mut usize) -> usize {
    // SAFETY: the caller's promise.
    if let Some(p) = unsafe { peak.as_mut() } {
        *p = ::gluon_vm::memory::peak();
    }
    ::gluon_vm::memory::used()
}

/// Bytes of `heap_region` not allocated now (builds with `region-heap`;
/// 0 in others).
#[no_mangle]
pub extern "C" fn gluon_heap_free() -> usize {
    #[cfg(feature = "region-heap")]
    return crate::bare_metal::region::free();
    #[cfg(not(feature = "region-heap"))]
    0
}

impl gluon_vm {
    /// The VM, for the natives module.
    pub(super) fn vm_mut(&mut self) -> &mut Vm {
        &mut self.runner.vm
    }
}
