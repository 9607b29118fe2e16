//! The VM's only door to the scheduler (`minigo-runtime`): goroutine start (`newproc`),
//! channels, select, sleeping, fatal exits, and the frame lines the runtime prints in
//! goroutine dumps (deadlock, panics).

use super::value::{FuncVal, Value};
use super::{Shared, Trap, Vm};
use minigo_runtime::{Chan, ChanError, SelectCase};
pub use minigo_runtime::{Config, GEntry, Gctx, WaitReason};
use parking_lot::Mutex;
use std::io::Write;
use std::sync::Arc;

/// A Go channel of VM values.
pub type ChanObj = Chan<Value>;

/// `runtime.main`: run the main goroutine on the scheduler.
pub fn run_main(f: GEntry) {
    minigo_runtime::run_main(Config::from_env(), f)
}

/// The preemption check is inside `Gctx::safepoint` (one relaxed load); always take it.
#[inline(always)]
pub fn preempt_requested(_g: &Gctx) -> bool {
    true
}

#[inline(always)]
pub fn safepoint(g: &mut Gctx) {
    g.safepoint()
}

/// Print `text` to stderr and exit the process (Go's fatal paths).
pub fn fatal_exit(text: &str, code: i32) -> Trap {
    let _ = std::io::stdout().flush();
    let mut e = std::io::stderr().lock();
    let _ = e.write_all(text.as_bytes());
    let _ = e.flush();
    std::process::exit(code)
}

/// The frames of a goroutine as the runtime prints them in dumps: a snapshot published by
/// the VM before each blocking operation (`Vm::publish_frames`).
pub type FrameSnapshot = Arc<Mutex<Vec<(u32, u32)>>>;

/// Install the traceback printer of the current G.
pub fn install_traceback(vm: &mut Vm<'_>) {
    let snap = vm.snapshot.clone();
    let shared = vm.shared.clone();
    vm.g.set_traceback(Arc::new(move || {
        let frames = snap.lock().clone();
        format_frames(&shared, &frames)
    }));
}

/// `main.f(...)\n\t/path/prog.go:L +0x0\n` per frame, eliding the middle of very deep
/// stacks as Go does (50 innermost, 50 outermost). Of the runtime's frames Go shows only the
/// panic (`runtime.gopanic`, printed as `panic`).
pub fn format_frames(shared: &Shared, frames: &[(u32, u32)]) -> String {
    let prog = &shared.prog;
    let mut s = String::new();
    let n = frames.len();
    for (i, &(f, line)) in frames.iter().enumerate() {
        if n > 100 && i == 50 {
            s.push_str(&format!("...{} frames elided...\n", n - 100));
        }
        if n > 100 && i >= 50 && i < n - 50 {
            continue;
        }
        if f == super::PC_RUNTIME_GOPANIC {
            s.push_str("panic({0x0?, 0x0?})\n\truntime/panic.go:0 +0x0\n");
            continue;
        }
        let func = match prog.funcs.get(f as usize) {
            Some(f) if !f.name.is_empty() => f,
            _ => continue,
        };
        let args = if func.nparams == 0 { "()" } else { "(...)" };
        s.push_str(&format!(
            "{}{}\n\t{} +0x0\n",
            func.name,
            args,
            prog.location(line)
        ));
    }
    s
}

fn func_name(shared: &Shared, f: &Value) -> Arc<str> {
    match f {
        Value::Func(fv) => match &**fv {
            FuncVal::Go { func, .. } | FuncVal::Bound { func, .. } => shared
                .prog
                .funcs
                .get(*func as usize)
                .map_or(Arc::from("?"), |f| Arc::from(f.name.as_str())),
            FuncVal::Native { id } | FuncVal::NativeBound { id, .. } => shared
                .prog
                .natives
                .get(*id as usize)
                .map_or(Arc::from("?"), |n| Arc::from(n.name)),
            FuncVal::IfaceMethod { .. } | FuncVal::DerefMethod { .. } => Arc::from("?"),
        },
        _ => Arc::from("?"),
    }
}

/// The `go` statement: start a goroutine running `f(args...)` (`newproc`).
pub fn go_value(vm: &mut Vm<'_>, f: Value, args: Vec<Value>, line: u32) {
    let shared: Arc<Shared> = vm.shared.clone();
    let name = func_name(&shared, &f);
    let creator: Arc<str> = vm
        .frames
        .last()
        .and_then(|fr| shared.prog.funcs.get(fr.func as usize))
        .map_or(Arc::from("main.main"), |f| Arc::from(f.name.as_str()));
    let loc: Arc<str> = Arc::from(format!("{} +0x0", shared.prog.location(line)).as_str());
    vm.g.go_at(
        name,
        creator,
        Some(loc),
        Box::new(move |g: &mut Gctx| {
            let goid = g.goid();
            let mut vm = Vm::new(shared, goid, g);
            install_traceback(&mut vm);
            run_goroutine(&mut vm, &f, &args);
        }),
    );
}

/// Run a goroutine body to completion; an unrecovered panic ends the process (exit 2),
/// `os.Exit(n)` exits with n.
pub fn run_goroutine(vm: &mut Vm<'_>, f: &Value, args: &[Value]) -> i32 {
    match vm.call_value(f, args) {
        Ok(_) => 0,
        Err(Trap::Exit(c)) => {
            let _ = std::io::stdout().flush();
            std::process::exit(c)
        }
        Err(Trap::Panicking) => fatal_panic(vm),
    }
}

/// Print the unrecovered panic of this goroutine and exit 2 (`fatalpanic`).
pub fn fatal_panic(vm: &mut Vm<'_>) -> ! {
    let text = vm.panic_text_lines();
    // The runtime prints the goroutine header and frames from our snapshot: publish the
    // stack as it was when the panic started.
    if let Some(p) = vm.panics.last() {
        *vm.snapshot.lock() = p.trace.clone();
    }
    let _ = std::io::stdout().flush();
    minigo_runtime::fatalpanic(vm.goid, &text)
}

fn chan_err(e: ChanError) -> &'static str {
    e.message()
}

pub fn chansend(vm: &mut Vm<'_>, c: Option<Arc<ChanObj>>, v: Value) -> Result<(), &'static str> {
    vm.publish_frames();
    match c {
        Some(c) => c.send(vm.g, v).map_err(chan_err),
        None => vm.g.block_forever(WaitReason::ChanSendNilChan),
    }
}

pub fn chanrecv(vm: &mut Vm<'_>, c: Option<Arc<ChanObj>>) -> (Option<Value>, bool) {
    vm.publish_frames();
    match c {
        Some(c) => c.recv(vm.g),
        None => vm.g.block_forever(WaitReason::ChanReceiveNilChan),
    }
}

pub fn closechan(vm: &mut Vm<'_>, c: Option<Arc<ChanObj>>) -> Result<(), &'static str> {
    match c {
        Some(c) => c.close_g(vm.g).map_err(chan_err),
        None => Err("close of nil channel"),
    }
}

/// `selectgo`: cases are (is_send, channel, value to send). Returns (index, received value,
/// ok); index -1 = default.
pub fn select(
    vm: &mut Vm<'_>,
    cases: Vec<(bool, Option<Arc<ChanObj>>, Value)>,
    has_default: bool,
) -> Result<(i64, Value, bool), &'static str> {
    vm.publish_frames();
    let sc: Vec<SelectCase<'_, Value>> = cases
        .iter()
        .map(|(is_send, ch, v)| match ch {
            None => SelectCase::Nil,
            Some(c) if *is_send => SelectCase::Send(c, v.clone()),
            Some(c) => SelectCase::Recv(c),
        })
        .collect();
    match minigo_runtime::select(vm.g, sc, !has_default) {
        None => Ok((-1, Value::Nil, false)),
        Some((i, v, ok)) => {
            if cases.get(i).is_some_and(|c| c.0) && !ok {
                return Err("send on closed channel");
            }
            Ok((i as i64, v.unwrap_or_default(), ok))
        }
    }
}

/// Live goroutines (`runtime.NumGoroutine`).
pub fn num_goroutine(vm: &mut Vm<'_>) -> usize {
    vm.g.num_goroutine()
}
