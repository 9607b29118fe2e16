//! The bytecode VM: one [`Vm`] per goroutine. Frames and registers live in heap `Vec`s owned by
//! the G (never the native stack), so deep Go recursion cannot overflow the native stack and a
//! parked goroutine is just data. The dispatch loop (`interp.rs`) is one `match` in the order of
//! the instruction table (`opcode.rs`); it checks for preemption (`rt::safepoint`) at backward
//! jumps and calls, where Go puts its stack-guard check.

pub mod fmt;
pub mod interp;
pub mod lib;
pub mod panic;
pub mod program;
pub mod rt;
#[cfg(test)]
mod tests;
pub mod value;

use program::Program;
use std::sync::Arc;
use value::{FuncVal, Pointer, Value};

/// Why execution stopped abnormally.
#[derive(Debug)]
pub enum Trap {
    /// A Go panic is unwinding (its record is on the VM's panic stack).
    Panicking,
    /// `os.Exit(n)` or a fatal error already printed: exit the process with this code.
    Exit(i32),
}

/// Frame kinds: how a frame's return is handled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameKind {
    Normal,
    /// A deferred call run by `RunDefers` on normal return.
    Deferred,
    /// A deferred call run while panicking: `recover()` is valid directly inside it.
    PanicDeferred,
    /// Entered from native code (callback): returning from it stops the nested loop.
    Entry,
}

#[derive(Clone)]
pub struct Frame {
    pub func: u32,
    pub pc: u32,
    /// Absolute register index of R[0].
    pub base: u32,
    /// Absolute register index where results go.
    pub ret: u32,
    pub kind: FrameKind,
    /// The closure being run (for captured cells).
    pub closure: Option<Arc<FuncVal>>,
}

/// A deferred call, recorded with the frame depth that registered it.
pub struct Deferred {
    pub depth: usize,
    pub func: Value,
    pub args: Vec<Value>,
    /// `defer recover()`: recovers as a direct call from the deferring function would when
    /// that function returns normally; a no-op when a panic or Goexit runs it.
    pub recover: bool,
}

/// One active panic (Go's `_panic`).
pub struct PanicRec {
    /// The panic value (an interface value, or nil).
    pub val: Value,
    pub recovered: bool,
    /// A newer panic unwound past the deferred call this one was running: it can no longer be
    /// recovered and goes when the newer one is recovered (Go's `_panic.aborted`).
    pub aborted: bool,
    /// Depth of the frame whose deferred call this panic runs (a recovery resumes it).
    pub defer_depth: usize,
    /// Depth of that deferred call's own frame (0 while none runs).
    pub defer_frame: usize,
    /// The stack when the panic started (function, line), innermost first.
    pub trace: Vec<(u32, u32)>,
    /// A nil dereference: Go prints the `[signal SIGSEGV ...]` line.
    pub sigsegv: bool,
}

/// Pseudo function numbers of runtime frames in tracebacks (beside the program's functions):
/// the frames Go shows below a goroutine's function, and between a panic's deferred call and
/// the frame that panicked.
pub const PC_RUNTIME_MAIN: u32 = u32::MAX - 2;
pub const PC_RUNTIME_GOEXIT: u32 = u32::MAX - 3;
pub const PC_RUNTIME_GOPANIC: u32 = u32::MAX - 4;
pub const PC_RUNTIME_PANICMEM: u32 = u32::MAX - 5;
pub const PC_RUNTIME_SIGPANIC: u32 = u32::MAX - 6;

/// Go's maximum stack is 1 GB; minigo bounds the frame depth instead (a Go frame of a small
/// function is ~100 bytes, so this is the same order of recursion depth).
pub const MAX_FRAMES: usize = 1_000_000;
/// Bound on the register file (32-byte values: 2 GiB would be too much; 48M values ≈ 1.5 GiB).
pub const MAX_REGS: usize = 48_000_000;

/// Globals shared by every goroutine of a program.
pub struct Shared {
    pub prog: Arc<Program>,
    pub globals: Pointer,
    pub args: Vec<String>,
    /// The cells of the package-level arrays and structs, by global slot (nil for the other
    /// globals): they never change once the globals exist, so reading one takes no lock.
    pub cells: Vec<Value>,
}

impl Shared {
    pub fn new(prog: Program, globals: Pointer, args: Vec<String>) -> Shared {
        let mut cells = vec![Value::Nil; prog.nglobals as usize];
        for &(slot, _, _) in &prog.global_cells {
            cells[slot as usize] = globals.obj.get(slot as usize);
        }
        Shared {
            prog: Arc::new(prog),
            globals,
            args,
            cells,
        }
    }
}

/// The per-goroutine VM state.
pub struct Vm<'g> {
    pub shared: Arc<Shared>,
    pub regs: Vec<Value>,
    pub frames: Vec<Frame>,
    pub defers: Vec<Deferred>,
    pub panics: Vec<PanicRec>,
    /// Goroutine id (1 = main).
    pub goid: u64,
    /// Runtime context of the G running this VM.
    pub g: &'g mut rt::Gctx,
    /// Number of results left by the last `Entry` frame's return.
    pub last_results: usize,
    /// Frames published for the runtime's goroutine dumps (see `rt::install_traceback`).
    pub snapshot: rt::FrameSnapshot,
    /// A panic requested by a native function (`Vm::native_panic`), started by the dispatch
    /// loop when the native returns `Err(Trap::Panicking)`.
    pub pending_panic: Option<(Value, bool)>,
}

impl<'g> Vm<'g> {
    pub fn new(shared: Arc<Shared>, goid: u64, g: &'g mut rt::Gctx) -> Vm<'g> {
        Vm {
            shared,
            // Small to start: a parked goroutine keeps these (they grow on demand).
            regs: Vec::with_capacity(32),
            frames: Vec::with_capacity(8),
            defers: Vec::new(),
            panics: Vec::new(),
            goid,
            g,
            last_results: 0,
            snapshot: Default::default(),
            pending_panic: None,
        }
    }

    pub fn prog(&self) -> &Program {
        &self.shared.prog
    }

    /// Call a function value with arguments and return its results, running the nested
    /// dispatch loop (used by natives for callbacks: `sort.Slice`'s less, `String()` methods).
    pub fn call_value(&mut self, f: &Value, args: &[Value]) -> Result<Vec<Value>, Trap> {
        // A callback from native code (String() called by fmt, sort's less) nests the dispatch
        // loop on the native stack: the safepoint's stack check turns runaway nesting into Go's
        // `fatal error: stack overflow` instead of a fault.
        self.g.safepoint();
        let win = self.top_of_frame();
        self.ensure_regs(win + 1 + args.len() + 1);
        self.regs[win] = f.clone();
        for (i, a) in args.iter().enumerate() {
            self.regs[win + 1 + i] = a.clone();
        }
        let depth = self.frames.len();
        let pushed = match self.push_call(win, args.len(), FrameKind::Entry) {
            Err(Trap::Panicking) => {
                if let Some((v, seg)) = self.pending_panic.take() {
                    self.gopanic(v, depth, seg)?;
                }
                return Err(Trap::Panicking);
            }
            r => r?,
        };
        match pushed {
            // The results are taken out of the registers (above the caller's frame), so a
            // long-lived deep nesting does not keep every level's result alive.
            interp::CallDone::Native(n) => Ok(self.take_regs(win, n)),
            interp::CallDone::Pushed => {
                if self.g.morestack_needed() {
                    // Deep native re-entrance: continue on a new stack segment.
                    let mut seg = self.g.newstack();
                    let r = seg.run(|| self.run(depth));
                    self.g.oldstack(seg);
                    r?;
                } else {
                    self.run(depth)?;
                }
                let nres = self.last_results;
                Ok(self.take_regs(win, nres))
            }
        }
    }

    /// Call function `func` (an index) with arguments; used for `main.main`, `init` and method
    /// callbacks.
    pub fn call_func(&mut self, func: u32, args: &[Value]) -> Result<Vec<Value>, Trap> {
        let f = Value::Func(FuncVal::new(FuncVal::Go {
            func,
            captures: Box::new([]),
            hdr: minigo_runtime::GcHeader::new(),
        }));
        self.call_value(&f, args)
    }

    /// Move `n` values out of the registers from `at` (leaving nil).
    fn take_regs(&mut self, at: usize, n: usize) -> Vec<Value> {
        self.regs[at..at + n]
            .iter_mut()
            .map(std::mem::take)
            .collect()
    }

    /// First register above the current frame's registers.
    fn top_of_frame(&self) -> usize {
        match self.frames.last() {
            Some(fr) => {
                let nregs = self.prog().funcs[fr.func as usize].nregs as usize;
                fr.base as usize + nregs
            }
            None => 0,
        }
    }

    /// From a native function: request a Go panic with value `v` (`seg`: a nil dereference).
    /// Return the result with `?`/`return Err(..)`.
    pub fn native_panic(&mut self, v: Value, seg: bool) -> Trap {
        self.pending_panic = Some((v, seg));
        Trap::Panicking
    }

    /// Publish the current frames for goroutine dumps (before the G may park).
    pub fn publish_frames(&mut self) {
        let t = self.traceback();
        *self.snapshot.lock() = t;
        self.release_dead_regs();
    }

    /// See [`interp::release_dead_regs`]: before this G blocks or collects.
    pub fn release_dead_regs(&mut self) {
        interp::release_dead_regs(&mut self.regs, &self.frames, &self.shared.prog);
    }

    #[inline]
    pub fn ensure_regs(&mut self, n: usize) {
        if self.regs.len() < n {
            self.regs.resize(n, Value::Nil);
        }
    }
}
