//! The VM's only door to the scheduler. Until the `runtime` branch (minigo-runtime: `Gctx`,
//! `Chan<T>`, `select`, `run_main`) is merged, this module provides a stand-in with the same
//! shape: goroutines on OS threads, channels on a mutex + condvar, no deadlock detection. When
//! the runtime lands only this file changes (`Gctx` → `minigo_runtime::Gctx`, `ChanObj` →
//! `Chan<Value>`, `select` → `minigo_runtime::select`).

use super::value::Value;
use super::{Shared, Trap, Vm};
use parking_lot::{Condvar, Mutex};
use std::collections::VecDeque;
use std::io::Write;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Entry closure of a goroutine.
pub type GEntry = Box<dyn FnOnce(&mut Gctx) + Send + 'static>;

static GOIDGEN: AtomicU64 = AtomicU64::new(1);
/// Live goroutines (runtime.NumGoroutine).
pub static NGOROUTINES: AtomicUsize = AtomicUsize::new(0);

/// Stand-in for `minigo_runtime::Gctx`: the running goroutine's handle.
pub struct Gctx {
    goid: u64,
}

impl Gctx {
    pub fn goid(&self) -> u64 {
        self.goid
    }
    #[inline]
    pub fn safepoint(&mut self) {}
    pub fn gosched(&mut self) {
        std::thread::yield_now();
    }
    pub fn sleep(&mut self, d: Duration) {
        std::thread::sleep(d);
    }
    /// `newproc`: start `f` as a new goroutine.
    pub fn go(&mut self, _start_fn: Arc<str>, f: GEntry) -> u64 {
        let goid = GOIDGEN.fetch_add(1, Ordering::Relaxed) + 1;
        NGOROUTINES.fetch_add(1, Ordering::Relaxed);
        let spawned = std::thread::Builder::new()
            .stack_size(8 << 20)
            .spawn(move || {
                let mut g = Gctx { goid };
                f(&mut g);
                NGOROUTINES.fetch_sub(1, Ordering::Relaxed);
            });
        if spawned.is_err() {
            fatal_exit("fatal error: thread exhaustion\n", 2);
        }
        goid
    }
}

/// `run_main`: run the main goroutine (goid 1) on this thread.
pub fn run_main(f: GEntry) {
    NGOROUTINES.store(1, Ordering::Relaxed);
    let mut g = Gctx { goid: 1 };
    f(&mut g);
}

impl Gctx {
    /// A handle for running a VM outside `run_main` (tests).
    pub fn for_tests() -> Gctx {
        Gctx { goid: 1 }
    }
}

pub type GHandle<'g> = &'g mut Gctx;

#[inline(always)]
pub fn preempt_requested(_g: &Gctx) -> bool {
    false
}

#[inline]
pub fn safepoint(g: &mut Gctx) {
    g.safepoint()
}

/// Print `text` to stderr and exit the process (Go's fatal paths); never returns normally, but
/// typed as a `Trap` for callers that propagate it.
pub fn fatal_exit(text: &str, code: i32) -> Trap {
    let _ = std::io::stdout().flush();
    let mut e = std::io::stderr().lock();
    let _ = e.write_all(text.as_bytes());
    let _ = e.flush();
    std::process::exit(code)
}

/// Start a goroutine running function value `f` with `args` (the `go` statement).
pub fn go_value(vm: &mut Vm<'_>, f: Value, args: Vec<Value>, _line: u32) {
    let shared: Arc<Shared> = vm.shared.clone();
    let name: Arc<str> = match &f {
        Value::Func(fv) => match &**fv {
            super::value::FuncVal::Go { func, .. } | super::value::FuncVal::Bound { func, .. } => {
                Arc::from(shared.prog.funcs[*func as usize].name.as_str())
            }
            super::value::FuncVal::Native { id } => {
                Arc::from(shared.prog.natives[*id as usize].name)
            }
        },
        _ => Arc::from("?"),
    };
    vm.g.go(
        name,
        Box::new(move |g: &mut Gctx| {
            let goid = g.goid();
            let mut vm = Vm::new(shared, goid, g);
            run_goroutine(&mut vm, &f, &args);
        }),
    );
}

/// Run a goroutine body to completion; an unrecovered panic ends the process (exit 2).
pub fn run_goroutine(vm: &mut Vm<'_>, f: &Value, args: &[Value]) -> i32 {
    match vm.call_value(f, args) {
        Ok(_) => 0,
        Err(Trap::Exit(c)) => c,
        Err(Trap::Panicking) => {
            let text = vm.panic_report();
            fatal_exit(&format!("{text}\n"), 2);
            2
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Channels (stand-in for minigo_runtime::Chan<Value>)

struct ChanState {
    buf: VecDeque<Value>,
    closed: bool,
    /// Items ever taken by receivers (an unbuffered sender waits for its ticket).
    taken: u64,
    put: u64,
}

pub struct ChanObj {
    cap: usize,
    st: Mutex<ChanState>,
    cv: Condvar,
}

/// Wakes `select` loops waiting on any channel.
static SELECT_CV: Condvar = Condvar::new();
static SELECT_MU: Mutex<u64> = Mutex::new(0);

fn kick() {
    *SELECT_MU.lock() += 1;
    SELECT_CV.notify_all();
}

impl ChanObj {
    pub fn new(cap: usize) -> ChanObj {
        ChanObj {
            cap,
            st: Mutex::new(ChanState {
                buf: VecDeque::new(),
                closed: false,
                taken: 0,
                put: 0,
            }),
            cv: Condvar::new(),
        }
    }
    pub fn len(&self) -> usize {
        if self.cap == 0 {
            0
        } else {
            self.st.lock().buf.len()
        }
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn cap(&self) -> usize {
        self.cap
    }
    fn try_send(&self, v: Value) -> Result<Option<Value>, &'static str> {
        let mut st = self.st.lock();
        if st.closed {
            return Err("send on closed channel");
        }
        if st.buf.len() < self.cap.max(1) && (self.cap > 0 || st.put == st.taken) {
            st.buf.push_back(v);
            st.put += 1;
            self.cv.notify_all();
            drop(st);
            kick();
            return Ok(None);
        }
        Ok(Some(v))
    }
    fn send(&self, v: Value) -> Result<(), &'static str> {
        let mut st = self.st.lock();
        loop {
            if st.closed {
                return Err("send on closed channel");
            }
            if st.buf.len() < self.cap.max(1) && (self.cap > 0 || st.put == st.taken) {
                break;
            }
            self.cv.wait(&mut st);
        }
        st.buf.push_back(v);
        st.put += 1;
        let ticket = st.put;
        self.cv.notify_all();
        kick();
        if self.cap == 0 {
            while st.taken < ticket && !st.closed {
                self.cv.wait(&mut st);
            }
        }
        Ok(())
    }
    fn try_recv(&self) -> Option<(Option<Value>, bool)> {
        let mut st = self.st.lock();
        if let Some(v) = st.buf.pop_front() {
            st.taken += 1;
            self.cv.notify_all();
            drop(st);
            kick();
            return Some((Some(v), true));
        }
        if st.closed {
            return Some((None, false));
        }
        None
    }
    fn recv(&self) -> (Option<Value>, bool) {
        let mut st = self.st.lock();
        loop {
            if let Some(v) = st.buf.pop_front() {
                st.taken += 1;
                self.cv.notify_all();
                drop(st);
                kick();
                return (Some(v), true);
            }
            if st.closed {
                return (None, false);
            }
            self.cv.wait(&mut st);
        }
    }
    fn close(&self) -> Result<(), &'static str> {
        let mut st = self.st.lock();
        if st.closed {
            return Err("close of closed channel");
        }
        st.closed = true;
        self.cv.notify_all();
        drop(st);
        kick();
        Ok(())
    }
}

fn block_forever() -> ! {
    loop {
        std::thread::sleep(Duration::from_secs(3600));
    }
}

pub fn chansend(_vm: &mut Vm<'_>, c: Option<Arc<ChanObj>>, v: Value) -> Result<(), &'static str> {
    match c {
        Some(c) => c.send(v),
        None => block_forever(),
    }
}

pub fn chanrecv(_vm: &mut Vm<'_>, c: Option<Arc<ChanObj>>) -> (Option<Value>, bool) {
    match c {
        Some(c) => c.recv(),
        None => block_forever(),
    }
}

pub fn closechan(c: Option<Arc<ChanObj>>) -> Result<(), &'static str> {
    match c {
        Some(c) => c.close(),
        None => Err("close of nil channel"),
    }
}

/// `selectgo`: cases are (is_send, channel, value to send). Returns (index, received value,
/// ok); index -1 = default.
pub fn select(
    _vm: &mut Vm<'_>,
    cases: Vec<(bool, Option<Arc<ChanObj>>, Value)>,
    has_default: bool,
) -> Result<(i64, Value, bool), &'static str> {
    let mut order: Vec<usize> = (0..cases.len()).collect();
    loop {
        let seen = *SELECT_MU.lock();
        // Poll in a rotating order (Go uses a random permutation).
        order.rotate_left(1);
        for &i in &order {
            let (is_send, ch, v) = &cases[i];
            let ch = match ch {
                Some(c) => c,
                None => continue,
            };
            if *is_send {
                if ch.try_send(v.clone())?.is_none() {
                    return Ok((i as i64, Value::Nil, false));
                }
            } else if let Some((v, ok)) = ch.try_recv() {
                return Ok((i as i64, v.unwrap_or_default(), ok));
            }
        }
        if has_default {
            return Ok((-1, Value::Nil, false));
        }
        let mut g = SELECT_MU.lock();
        if *g == seen {
            SELECT_CV.wait_for(&mut g, Duration::from_millis(5));
        }
    }
}
