//! fatal: throw / fatal / fatalpanic (Go's `panic.go` fatal paths): print under a
//! process-wide lock that is never released (so other Ms cannot interleave output), dump
//! goroutines as Go's gotraceback level asks, and exit with status 2.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Weak};

use parking_lot::Mutex;

use crate::runtime2::Sched;

/// `paniclk`: taken by the first M to start a fatal print, never released.
static PANICLK: Mutex<()> = Mutex::new(());
/// `panicking`.
static PANICKING: AtomicBool = AtomicBool::new(false);
/// The most recently started scheduler, for dumps requested outside any M.
static CURRENT: Mutex<Option<Weak<Sched>>> = Mutex::new(None);

pub(crate) fn register_sched(s: &Arc<Sched>) {
    *CURRENT.lock() = Some(Arc::downgrade(s));
}

pub(crate) fn current_sched() -> Option<Arc<Sched>> {
    CURRENT.lock().as_ref().and_then(|w| w.upgrade())
}

/// Whether a fatal error is being printed (`panicking > 0`).
pub(crate) fn panicking() -> bool {
    PANICKING.load(Ordering::SeqCst) // SeqCst: checkdead must not race a panic print
}

/// `startpanic_m`: become the only printer. A second fatal error on another M blocks
/// here forever (the first one exits the process).
fn startpanic() -> parking_lot::MutexGuard<'static, ()> {
    PANICKING.store(true, Ordering::SeqCst); // see panicking()
    let g = PANICLK.lock();
    if let Some(s) = current_sched() {
        if s.cfg.schedtrace_ms > 0 || s.cfg.scheddetail {
            crate::trace::schedtrace(&s, true);
        }
        crate::sysmon::freezetheworld(&s);
    }
    g
}

fn exit2(_g: parking_lot::MutexGuard<'static, ()>) -> ! {
    let _ = std::io::stderr().flush();
    let _ = std::io::stdout().flush();
    std::process::exit(2)
}

/// `throw(s)`: a runtime invariant failed. Prints `fatal error: s`, then every goroutine,
/// and exits 2.
pub fn throw(msg: &str) -> ! {
    let g = startpanic();
    let mut out = format!("fatal error: {msg}\n");
    if let Some(s) = current_sched() {
        out.push_str(&crate::trace::tracebackothers(&s, None));
    }
    let _ = std::io::stderr().write_all(out.as_bytes());
    exit2(g)
}

/// `fatal(s)` off any user goroutine (checkdead's deadlock, on g0): `dopanic_m` sees
/// `gp != gp.m.curg` and dumps every goroutine (user frames only), exit 2.
pub fn fatal(msg: &str) -> ! {
    throw(msg)
}

/// `fatal(s)` on the user goroutine `goid` (`sync: unlock of unlocked mutex`,
/// `concurrent map writes`): `throwTypeUser` ⇒ gotraceback's `all` is false, so Go prints
/// only that goroutine (`goroutine N [running]:` and its frames), then exits 2.
pub fn fatal_on(goid: u64, msg: &str) -> ! {
    let g = startpanic();
    let mut out = format!("fatal error: {msg}\n\n");
    match current_sched() {
        Some(s) => out.push_str(&crate::trace::goroutine_dump(&s, goid, true)),
        None => out.push_str(&format!("goroutine {goid} [running]:\n")),
    }
    let _ = std::io::stderr().write_all(out.as_bytes());
    exit2(g)
}

/// `fatalpanic`: the VM formatted the panic lines (`panic: ...` possibly with
/// `[recovered]` chains) into `text`; print it, then `goroutine N [running]:` and the
/// traceback of the panicking goroutine (GOTRACEBACK=single), and exit 2.
pub fn fatalpanic(goid: u64, text: &str) -> ! {
    let g = startpanic();
    let mut out = String::from(text);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out.push('\n');
    match current_sched() {
        Some(s) => out.push_str(&crate::trace::goroutine_dump(&s, goid, true)),
        None => out.push_str(&format!("goroutine {goid} [running]:\n")),
    }
    let _ = std::io::stderr().write_all(out.as_bytes());
    exit2(g)
}

/// A write to standard output or standard error failed with EPIPE (the reader went away, as
/// in `prog | head -1`). Go's runtime (`sigpipe`) then lets the process die of SIGPIPE, as a
/// C program would; Rust ignores SIGPIPE, so restore the default action and raise it.
pub fn sigpipe() -> ! {
    // SAFETY: signal(2) installs the default action (no Rust handler) and raise(2) sends
    // SIGPIPE to this thread; neither takes pointers or touches Rust-managed memory.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
        libc::raise(libc::SIGPIPE);
    }
    std::process::exit(2)
}
