//! Reports for processes that end with an uncaught error, in the shape of
//! the BEAM's "Error in process ... with exit value: ...".

use crate::process::Pid;
use crate::term::Term;
use crate::vm::Vm;
use alloc::string::String;

/// The report printed when process `pid` dies of an uncaught error or
/// throw; `reason` is its exit reason (`{Reason, Stacktrace}`).
pub fn exit_report(vm: &Vm, pid: Pid, reason: Term) -> String {
    let mut s =
        alloc::format!("=ERROR REPORT====\nError in process <0.{pid}.0> with exit value:\n");
    let opts = crate::format::WriteOpts {
        pretty: true,
        unicode: true,
        ..crate::format::WriteOpts::plain()
    };
    crate::format::print(
        &mut s,
        reason,
        &vm.atoms,
        0,
        crate::format::LINE_LENGTH,
        opts,
    );
    s.push_str("\n\n");
    s
}
