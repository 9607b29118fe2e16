//! The dispatch loop: one `match` over [`Op`] in the instruction table's order.

use super::program::{narrow, MethodEntry, RKind, RT_RUNTIME_ERROR};
use super::value::{
    FuncVal, GoMap, GoSlice, GoStr, Iface, Key, MapRef, Obj, Pointer, SlotKind, Value, SHAPE_LEN,
};
use super::{
    rt, Deferred, Frame, FrameKind, PanicRec, Trap, Vm, MAX_FRAMES, MAX_REGS, PC_RUNTIME_GOPANIC,
    PC_RUNTIME_PANICMEM, PC_RUNTIME_SIGPANIC,
};
use crate::opcode::{Instr, Op};
use minigo_runtime::GcHeader;
use parking_lot::Mutex;
use std::sync::Arc;

/// Outcome of an interface method lookup ([`Vm::iface_method`]).
enum Dispatch {
    /// The method and its receiver.
    Found(MethodEntry, Value),
    /// The interface is nil.
    NilIface,
    /// A value-receiver method reached through a nil `*T` (Go's `panicwrap`).
    NilPtr(MethodEntry),
    /// The dynamic type lacks the method (the checker rules this out).
    Missing,
}

/// Outcome of starting a call.
pub enum CallDone {
    /// A Go frame was pushed; the loop continues in it.
    Pushed,
    /// A native function ran to completion; this many results are in the window.
    Native(usize),
}

/// Iterator of a map (`for k, v := range m`): the keys present when the loop started, each
/// looked up again when reached, so that an entry deleted before it is reached is not
/// produced and an updated one gives its current value, as Go's map iteration does.
pub struct MapIterState {
    pub map: Option<MapRef>,
    pub keys: Vec<Key>,
    pub pos: usize,
}

impl MapIterState {
    fn next(&mut self) -> Option<(Value, Value)> {
        let m = self.map.as_ref()?.lock();
        while let Some(k) = self.keys.get(self.pos) {
            self.pos += 1;
            if let Some(e) = m.entries.get(k) {
                return Some(e.clone());
            }
        }
        None
    }
}

/// Go's size classes (runtime/sizeclasses.go `class_to_size`), used by `append`'s growth so
/// printed capacities match Go.
const CLASS_TO_SIZE: [usize; 68] = [
    0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320,
    352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792,
    2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728,
    10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672,
    32768,
];

/// runtime/msize.go `roundupsize(size, noscan)` (Go ≥ 1.22 with malloc headers).
pub fn roundupsize(size: usize, noscan: bool) -> usize {
    const MAX_SMALL: usize = 32768;
    const HEADER: usize = 8; // mallocHeaderSize
    const MIN_FOR_HEADER: usize = 512; // minSizeForMallocHeader = goarch.PtrSize * ptrBits
    let mut req = size;
    if req <= MAX_SMALL - HEADER {
        if !noscan && req > MIN_FOR_HEADER {
            req += HEADER;
        }
        let class = CLASS_TO_SIZE
            .iter()
            .copied()
            .find(|&c| c >= req)
            .unwrap_or(MAX_SMALL);
        return class - (req - size);
    }
    // Large object: round up to the page size (8192).
    let page = 8192usize;
    req.div_ceil(page).saturating_mul(page)
}

/// runtime/slice.go `nextslicecap(newLen, oldCap)`.
pub fn nextslicecap(new_len: usize, old_cap: usize) -> usize {
    let mut newcap = old_cap;
    let doublecap = newcap + newcap;
    if new_len > doublecap {
        return new_len;
    }
    const THRESHOLD: usize = 256;
    if old_cap < THRESHOLD {
        return doublecap;
    }
    loop {
        newcap += (newcap + 3 * THRESHOLD) >> 2;
        if newcap >= new_len {
            return newcap;
        }
    }
}

/// runtime/slice.go `growslice`: the new capacity for appending to a slice of `old_cap`
/// elements of `ebytes` bytes each until length `new_len`.
pub fn grow_cap(new_len: usize, old_cap: usize, ebytes: usize, noscan: bool) -> usize {
    let newcap = nextslicecap(new_len, old_cap);
    if ebytes == 0 {
        return newcap;
    }
    let mem = roundupsize(newcap.saturating_mul(ebytes), noscan);
    mem / ebytes
}

/// `regs[dst] := regs[src] + add` slots, a pointer into the same object; false if `regs[src]`
/// is not a pointer. When `regs[dst]` already points into that object (a loop reusing its
/// temporary), only its offset changes: no reference count is touched.
#[inline(always)]
fn offset_ptr(regs: &mut [Value], dst: usize, src: usize, add: u32) -> bool {
    let (obj, off) = match &regs[src] {
        Value::Ptr(p) => (Arc::as_ptr(&p.obj), p.off + add),
        _ => return false,
    };
    if let Value::Ptr(d) = &mut regs[dst] {
        if Arc::as_ptr(&d.obj) == obj {
            d.off = off;
            return true;
        }
    }
    let obj = match &regs[src] {
        Value::Ptr(p) => p.obj.clone(),
        _ => return false,
    };
    regs[dst] = Value::Ptr(Pointer { obj, off });
    true
}

/// Go's `boundsErrorFmt`, or `boundsNegErrorFmt` for a negative index (no length then).
fn bad_index(i: i64, len: usize) -> String {
    if i < 0 {
        format!("index out of range [{}]", i)
    } else {
        format!("index out of range [{}] with length {}", i, len)
    }
}

/// `s[lo:hi]` / `s[:hi]` bounds failures (`boundsSliceA*`, `boundsSliceB`), Go's texts.
fn bad_slice_hi(hi: i64, what: &str, n: i64) -> String {
    if hi < 0 {
        format!("slice bounds out of range [:{}]", hi)
    } else {
        format!("slice bounds out of range [:{}] with {} {}", hi, what, n)
    }
}

fn bad_slice_lo(lo: i64, hi: i64, three: bool) -> String {
    let tail = if three { ":" } else { "" };
    if lo < 0 {
        format!("slice bounds out of range [{}:{}]", lo, tail)
    } else {
        format!("slice bounds out of range [{}:{}{}]", lo, hi, tail)
    }
}

impl Vm<'_> {
    /// Build a `runtime.Error` panic value, of the runtime type Go uses for that error
    /// (`runtime.boundsError` for bounds, `runtime.errorString` otherwise).
    pub fn runtime_error(&self, msg: &str) -> Value {
        let bounds = [
            "index out of range",
            "slice bounds out of range",
            "cannot convert slice",
        ];
        let ty = if bounds.iter().any(|b| msg.starts_with(b)) {
            super::program::RT_BOUNDS_ERROR
        } else {
            RT_RUNTIME_ERROR
        };
        Value::Iface(Iface::new(
            ty,
            Value::from_str(&format!("runtime error: {msg}")),
        ))
    }

    /// A `runtime.plainError` panic value (channel and nil-map errors; no "runtime error: ").
    pub fn plain_error(&self, msg: &str) -> Value {
        Value::Iface(Iface::new(
            super::program::RT_PLAIN_ERROR,
            Value::from_str(msg),
        ))
    }

    /// The panic of a value method called through a nil pointer (`(*T).M` made from `T.M`,
    /// or an interface holding a nil `*T`): Go's `panicwrap` message, a plain error.
    #[cold]
    pub fn panicwrap(&self, func: u32, native: bool) -> Value {
        let prog = &self.shared.prog;
        let name = if native {
            prog.natives.get(func as usize).map_or("?", |n| n.name)
        } else {
            prog.funcs
                .get(func as usize)
                .map_or("?", |f| f.name.as_str())
        };
        // "path/pkg.T.M": the type is between the package and the method.
        let pkg_end = name.rfind('/').map_or(0, |i| i + 1);
        let ty = name[pkg_end..]
            .split_once('.')
            .and_then(|(_, tm)| tm.rsplit_once('.'))
            .map_or("?", |(t, _)| t);
        self.plain_error(&format!(
            "value method {name} called using nil *{ty} pointer"
        ))
    }

    /// Start a panic with value `val` (Go's `gopanic`): record it, then run the deferred
    /// calls.
    pub fn gopanic(&mut self, val: Value, stop_depth: usize, sigsegv: bool) -> Result<(), Trap> {
        self.record_panic(val, sigsegv);
        self.unwind(stop_depth)
    }

    /// Push a new panic record; the stack at this point is its trace.
    pub fn record_panic(&mut self, val: Value, sigsegv: bool) {
        let trace = self.traceback();
        self.panics.push(PanicRec {
            val,
            recovered: false,
            aborted: false,
            defer_depth: 0,
            defer_frame: 0,
            trace,
            sigsegv,
        });
    }

    /// Turn a native's panic request or a propagated panic into unwinding.
    pub fn raise(&mut self, t: Trap, stop_depth: usize) -> Result<(), Trap> {
        match t {
            Trap::Panicking => match self.pending_panic.take() {
                Some((v, seg)) => self.gopanic(v, stop_depth, seg),
                None => self.unwind(stop_depth),
            },
            other => Err(other),
        }
    }

    /// Continue the current panic: start its next deferred call (returns Ok with its frame
    /// pushed), or, when no deferred call above `stop_depth` is left, drop the frames above it
    /// and return `Err(Panicking)`. As in Go, the panicking frames stay on the stack while the
    /// deferred calls run above them (so `runtime.Caller` sees where the panic happened); a
    /// recovery (`recovery`) drops them.
    pub fn unwind(&mut self, stop_depth: usize) -> Result<(), Trap> {
        loop {
            let next = self.defers.last().map_or(0, |d| d.depth);
            if next <= stop_depth {
                self.abort_panics(stop_depth);
                self.frames.truncate(stop_depth);
                return Err(Trap::Panicking);
            }
            self.abort_panics(next);
            let Some(d) = self.defers.pop() else {
                continue;
            };
            if d.recover {
                // `defer recover()` run by a panic is not called by a deferred function.
                continue;
            }
            if let Some(p) = self.panics.last_mut() {
                p.defer_depth = next;
                p.defer_frame = 0;
            }
            match self.start_deferred(d, FrameKind::PanicDeferred) {
                Ok(true) => {
                    let top = self.frames.len();
                    if let Some(p) = self.panics.last_mut() {
                        p.defer_frame = top;
                    }
                    return Ok(());
                }
                Ok(false) => continue,
                Err(Trap::Panicking) => {
                    // A native deferred call panicked: the new panic continues unwinding.
                    if let Some((v, seg)) = self.pending_panic.take() {
                        self.record_panic(v, seg);
                    }
                    continue;
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// The current panic is unwinding to the deferred calls of the frame at `depth`: older
    /// panics whose deferred call runs above it are aborted.
    fn abort_panics(&mut self, depth: usize) {
        let n = self.panics.len().saturating_sub(1);
        for p in &mut self.panics[..n] {
            if p.defer_frame > depth {
                p.aborted = true;
            }
        }
    }

    /// A deferred call of the current panic returned after recovering it (Go's `recovery`):
    /// the panic and the ones it aborted are done, the panicking frames go, and the frame that
    /// deferred the call returns normally.
    fn recovery(&mut self) {
        let depth = self.panics.pop().map_or(0, |p| p.defer_depth);
        while self.panics.last().is_some_and(|p| p.aborted) {
            self.panics.pop();
        }
        self.frames.truncate(depth);
        let prog = &self.shared.prog;
        if let Some(caller) = self.frames.last_mut() {
            caller.pc = prog.funcs[caller.func as usize].recover_pc;
        }
    }

    /// `recover()` called directly by the function running in the frame at `depth`: the
    /// current panic's value if that frame is the panic's deferred call (Go's `gorecover`).
    pub fn gorecover(&mut self, depth: usize) -> Value {
        let deferred = depth > 0 && self.frames[depth - 1].kind == FrameKind::PanicDeferred;
        match self.panics.last_mut() {
            Some(p) if deferred && !p.recovered && !p.aborted && p.defer_frame == depth => {
                p.recovered = true;
                p.val.clone()
            }
            _ => Value::Nil,
        }
    }

    /// Start a deferred call above the current frame. Ok(true) if a Go frame was pushed,
    /// Ok(false) if it was a native call that already completed.
    fn start_deferred(&mut self, d: Deferred, kind: FrameKind) -> Result<bool, Trap> {
        let win = self.top_of_frame();
        self.ensure_regs(win + d.args.len() + 2);
        self.regs[win] = d.func;
        let n = d.args.len();
        for (i, a) in d.args.into_iter().enumerate() {
            self.regs[win + 1 + i] = a;
        }
        match self.push_call(win, n, kind)? {
            CallDone::Pushed => Ok(true),
            CallDone::Native(_) => Ok(false),
        }
    }

    /// The current stack as (function, line) pairs, innermost first. Below a panic's
    /// deferred call come the runtime's panic frames (`runtime.gopanic`, and for a nil
    /// dereference `runtime.panicmem` and `runtime.sigpanic`), then the frames that panicked.
    pub fn traceback(&self) -> Vec<(u32, u32)> {
        let prog = &self.shared.prog;
        let mut out = Vec::with_capacity(self.frames.len());
        for (i, f) in self.frames.iter().enumerate().rev() {
            // A frame running its deferred calls on return stops at RUNDEFERS (re-executed
            // after each); any other is just past the instruction it runs.
            let running_defers = self
                .frames
                .get(i + 1)
                .is_some_and(|up| up.kind == FrameKind::Deferred);
            let pc = if running_defers {
                f.pc as usize
            } else {
                (f.pc as usize).saturating_sub(1)
            };
            out.push((f.func, prog.line_of(f.func, pc)));
            if f.kind == FrameKind::PanicDeferred {
                out.push((PC_RUNTIME_GOPANIC, 0));
                if self
                    .panics
                    .iter()
                    .any(|p| p.defer_frame == i + 1 && p.sigsegv)
                {
                    out.push((PC_RUNTIME_PANICMEM, 0));
                    out.push((PC_RUNTIME_SIGPANIC, 0));
                }
            }
        }
        out
    }

    /// Push a call: `regs[win]` holds the function value, arguments follow.
    pub fn push_call(
        &mut self,
        win: usize,
        nargs: usize,
        kind: FrameKind,
    ) -> Result<CallDone, Trap> {
        // The function value is moved out of the window (the call's results overwrite it):
        // a closure's goes to its frame without a count update.
        let fv = match std::mem::take(&mut self.regs[win]) {
            Value::Func(f) => f,
            _ => {
                let e = self.runtime_error("invalid memory address or nil pointer dereference");
                let depth = self.frames.len();
                self.gopanic(e, depth, true)?;
                return Ok(CallDone::Pushed);
            }
        };
        if let FuncVal::Go { func, captures, .. } = &*fv {
            let (f, closure) = (*func, !captures.is_empty());
            self.push_frame(f, win, kind, closure.then_some(fv))?;
            return Ok(CallDone::Pushed);
        }
        match &*fv {
            FuncVal::Go { .. } => Err(self.internal("push_call")),
            FuncVal::Bound { func, recv, .. } => {
                let f = *func;
                self.ensure_regs(win + nargs + 3);
                for i in (0..nargs).rev() {
                    let v = std::mem::take(&mut self.regs[win + 1 + i]);
                    self.regs[win + 2 + i] = v;
                }
                self.regs[win + 1] = recv.clone();
                self.push_frame(f, win, kind, None)?;
                Ok(CallDone::Pushed)
            }
            FuncVal::Native { .. } | FuncVal::NativeBound { .. } => {
                let (id, recv) = match &*fv {
                    FuncVal::NativeBound { id, recv, .. } => (id, Some(recv.clone())),
                    FuncVal::Native { id } => (id, None),
                    _ => return Err(self.internal("push_call")),
                };
                let n = self.call_native(*id, win, recv, win + 1, nargs, 0)?;
                Ok(CallDone::Native(n))
            }
            FuncVal::DerefMethod { func, slots } => {
                let recv = match &self.regs[win + 1] {
                    Value::Ptr(p) => p.load(*slots as usize),
                    _ => {
                        let e = self.panicwrap(*func, false);
                        let depth = self.frames.len();
                        self.gopanic(e, depth, false)?;
                        return Ok(CallDone::Pushed);
                    }
                };
                self.regs[win + 1] = recv;
                self.push_frame(*func, win, kind, None)?;
                Ok(CallDone::Pushed)
            }
            FuncVal::IfaceMethod { sym } => {
                let (entry, recv) = match self.iface_method(&self.regs[win + 1], *sym) {
                    Dispatch::Found(e, recv) => (e, recv),
                    Dispatch::NilPtr(e) => {
                        let e = self.panicwrap(e.func, e.native);
                        let depth = self.frames.len();
                        self.gopanic(e, depth, false)?;
                        return Ok(CallDone::Pushed);
                    }
                    Dispatch::NilIface | Dispatch::Missing => {
                        let e =
                            self.runtime_error("invalid memory address or nil pointer dereference");
                        let depth = self.frames.len();
                        self.gopanic(e, depth, true)?;
                        return Ok(CallDone::Pushed);
                    }
                };
                if entry.native {
                    let n = self.call_native(
                        entry.func,
                        win,
                        Some(recv),
                        win + 2,
                        nargs.saturating_sub(1),
                        0,
                    )?;
                    return Ok(CallDone::Native(n));
                }
                self.regs[win + 1] = recv;
                self.push_frame(entry.func, win, kind, None)?;
                Ok(CallDone::Pushed)
            }
        }
    }

    /// Dynamic dispatch (Go's itab lookup): method `sym` of the dynamic type of interface
    /// value `v`, and the receiver as the method takes it (the stored pointer loaded first
    /// for a value-receiver method reached through a `*T`).
    #[inline]
    fn iface_method(&self, v: &Value, sym: u32) -> Dispatch {
        let Value::Iface(i) = v else {
            return Dispatch::NilIface;
        };
        let prog = &self.shared.prog;
        let Some(entry) = prog
            .types
            .get(i.ty as usize)
            .and_then(|t| t.methods.get(&sym))
        else {
            return Dispatch::Missing;
        };
        let recv = if entry.deref > 0 {
            match &i.val {
                Value::Ptr(p) => p.load(entry.deref as usize),
                _ => return Dispatch::NilPtr(*entry),
            }
        } else {
            i.val.clone()
        };
        Dispatch::Found(*entry, recv)
    }

    /// Call native `id`: its arguments are `recv` (a bound or dispatched receiver), then the
    /// `nargs` registers from `from`, moved out (they are the call's temporaries); its
    /// results go to `win ..`, with the register file made large enough for at least
    /// `want` of them. Returns the number of results.
    pub fn call_native(
        &mut self,
        id: u32,
        win: usize,
        recv: Option<Value>,
        from: usize,
        nargs: usize,
        want: u32,
    ) -> Result<usize, Trap> {
        let nf = match self.shared.prog.natives.get(id as usize) {
            Some(n) => n.f,
            None => return Err(self.internal("unknown native")),
        };
        let mut args: Vec<Value> = Vec::with_capacity(nargs + 1);
        args.extend(recv);
        if let Some(regs) = self.regs.get_mut(from..from + nargs) {
            args.extend(regs.iter_mut().map(std::mem::take));
        }
        let res = nf(self, &args)?;
        let n = res.len();
        self.ensure_regs(win + n.max(want as usize) + 1);
        for (slot, v) in self.regs[win..].iter_mut().zip(res) {
            *slot = v;
        }
        Ok(n)
    }

    /// Push a Go frame for function `func` whose arguments start at `win + 1`.
    pub fn push_frame(
        &mut self,
        func: u32,
        win: usize,
        kind: FrameKind,
        closure: Option<Arc<FuncVal>>,
    ) -> Result<(), Trap> {
        let base = win + 1;
        let nregs = match self.shared.prog.funcs.get(func as usize) {
            Some(f) => f.nregs as usize,
            None => return Err(self.internal("call of unknown function")),
        };
        if self.frames.len() >= MAX_FRAMES || base + nregs > MAX_REGS {
            return Err(self.stack_overflow());
        }
        self.ensure_regs(base + nregs + 1);
        self.frames.push(Frame {
            func,
            pc: 0,
            base: base as u32,
            ret: win as u32,
            kind,
            closure,
        });
        Ok(())
    }

    fn stack_overflow(&mut self) -> Trap {
        let trace = self.traceback();
        let mut s = String::new();
        s.push_str("runtime: goroutine stack exceeds 1000000000-byte limit\n");
        s.push_str("runtime: sp=0xc020160398 stack=[0xc020160000, 0xc040160000]\n");
        s.push_str("fatal error: stack overflow\n\n");
        s.push_str("runtime stack:\n");
        s.push_str(&format!("\ngoroutine {} [running]:\n", self.goid));
        s.push_str(&self.format_trace(&trace));
        rt::fatal_exit(&s, 2)
    }

    pub fn internal(&self, msg: &str) -> Trap {
        rt::fatal_exit(&format!("fatal error: minigo internal error: {msg}\n"), 2)
    }

    /// Frames as Go prints them (`main.f(...)\n\tfile:line +0x0`).
    pub fn format_trace(&self, trace: &[(u32, u32)]) -> String {
        rt::format_frames(&self.shared, trace)
    }

    /// Run until the frame depth drops to `stop_depth`.
    pub fn run(&mut self, stop_depth: usize) -> Result<(), Trap> {
        let shared = self.shared.clone();
        let prog = &*shared.prog;
        'frames: loop {
            let depth = self.frames.len();
            if depth <= stop_depth {
                return Ok(());
            }
            let fr = &self.frames[depth - 1];
            let func = match prog.funcs.get(fr.func as usize) {
                Some(f) => f,
                None => return Err(self.internal("bad frame")),
            };
            let code: &[Instr] = &func.code;
            let consts: &[Value] = &func.consts;
            let base = fr.base as usize;
            let mut pc = fr.pc as usize;

            macro_rules! r {
                ($i:expr) => {
                    self.regs[base + $i as usize]
                };
            }
            // Write an integer word without running the old value's drop glue when it is
            // already an integer (the common case in arithmetic).
            macro_rules! seti {
                ($i:expr, $v:expr) => {{
                    let v: i64 = $v;
                    match &mut self.regs[base + $i as usize] {
                        Value::Int(x) => *x = v,
                        slot => *slot = Value::Int(v),
                    }
                }};
            }
            // Write a value; an integer over an integer skips the old value's drop glue.
            macro_rules! setv {
                ($i:expr, $v:expr) => {{
                    let v: Value = $v;
                    match (&mut self.regs[base + $i as usize], v) {
                        (Value::Int(x), Value::Int(y)) => *x = y,
                        (slot, v) => *slot = v,
                    }
                }};
            }
            macro_rules! ext {
                () => {{
                    let x = match code.get(pc) {
                        Some(x) => *x,
                        None => return Err(self.internal("missing EXT")),
                    };
                    pc += 1;
                    x
                }};
            }
            // Raise a Go panic with value `$v`; unwinding may leave this frame.
            // The map key image of value `v` (EXT `x`: bit 2 of x.b a float key, x.c its
            // type); an unhashable dynamic type panics.
            macro_rules! key {
                ($v:expr, $x:expr) => {{
                    if let Some(t) = unhashable(prog, $v) {
                        rte!("hash of unhashable type {t}");
                    }
                    map_key(prog, $v, $x.b & 2 != 0, $x.c)
                }};
            }
            macro_rules! throw {
                ($v:expr) => {{
                    self.frames[depth - 1].pc = pc as u32;
                    let v = $v;
                    self.gopanic(v, stop_depth, false)?;
                    continue 'frames;
                }};
            }
            macro_rules! rte {
                ($($t:tt)*) => {{
                    let e = self.runtime_error(&format!($($t)*));
                    throw!(e)
                }};
            }
            macro_rules! nilderef {
                () => {{
                    self.frames[depth - 1].pc = pc as u32;
                    let e = self.runtime_error("invalid memory address or nil pointer dereference");
                    self.gopanic(e, stop_depth, true)?;
                    continue 'frames;
                }};
            }
            macro_rules! safepoint {
                () => {
                    if rt::preempt_requested(self.g) {
                        self.frames[depth - 1].pc = pc as u32;
                        let (regs, frames, prog) =
                            (&mut self.regs, &self.frames, &self.shared.prog);
                        self.g
                            .safepoint_with(|| release_dead_regs(regs, frames, prog));
                    }
                };
            }
            macro_rules! jump {
                ($off:expr) => {{
                    let off = $off as i64;
                    pc = (pc as i64 + off) as usize;
                    if off < 0 {
                        safepoint!();
                    }
                }};
            }
            macro_rules! kint {
                ($i:expr) => {
                    match consts.get($i as usize) {
                        Some(Value::Int(k)) => *k,
                        _ => 0,
                    }
                };
            }
            macro_rules! cmp_jump_k {
                ($ins:expr, $op:tt) => {{
                    if r!($ins.a).int() $op kint!($ins.b) {
                        jump!($ins.sc());
                    }
                }};
            }
            macro_rules! cmp_jump {
                ($ins:expr, $op:tt) => {{
                    if r!($ins.a).int() $op r!($ins.b).int() {
                        jump!($ins.sc());
                    }
                }};
            }

            loop {
                let ins = match code.get(pc) {
                    Some(i) => *i,
                    None => return Err(self.internal("pc out of range")),
                };
                pc += 1;
                match ins.op {
                    Op::Nop | Op::Ext => {}
                    Op::Move => {
                        if let Value::Int(x) = r!(ins.b) {
                            seti!(ins.a, x);
                        } else {
                            let v = r!(ins.b).clone();
                            r!(ins.a) = v;
                        }
                    }
                    Op::LoadI => seti!(ins.a, ins.sbx() as i64),
                    Op::LoadK => {
                        let v = consts.get(ins.bx() as usize).cloned().unwrap_or_default();
                        r!(ins.a) = v;
                    }
                    Op::LoadNil => r!(ins.a) = Value::Nil,
                    Op::GetGlobal => {
                        let v = shared.globals.obj.get(ins.bx() as usize);
                        r!(ins.a) = v;
                    }
                    Op::GlobalCell => {
                        let cell = shared.cells.get(ins.bx() as usize);
                        match (&mut r!(ins.a), cell) {
                            // Already this cell (a loop reusing its register): nothing to do.
                            (Value::Ptr(d), Some(Value::Ptr(c)))
                                if Arc::ptr_eq(&d.obj, &c.obj) && d.off == c.off => {}
                            (slot, c) => *slot = c.cloned().unwrap_or_default(),
                        }
                    }
                    Op::SetGlobal => {
                        let v = r!(ins.a).clone();
                        shared.globals.obj.set(ins.bx() as usize, v);
                    }
                    Op::GetUp | Op::LoadUp | Op::StoreUp => {
                        let (slot, up) = if ins.op == Op::StoreUp {
                            (ins.b, ins.a)
                        } else {
                            (ins.a, ins.b)
                        };
                        // The cell is borrowed from the running closure, not copied (a copy
                        // is two atomic count updates per access).
                        let cell = match self.frames[depth - 1].closure.as_deref() {
                            Some(FuncVal::Go { captures, .. }) => captures.get(up as usize),
                            _ => None,
                        };
                        match (ins.op, cell) {
                            (Op::GetUp, c) => {
                                let c = c.cloned().unwrap_or_default();
                                r!(slot) = c;
                            }
                            (Op::LoadUp, Some(Value::Ptr(p))) => {
                                let v = p.load(1);
                                r!(slot) = v;
                            }
                            (Op::StoreUp, Some(Value::Ptr(p))) => {
                                let v = r!(slot).clone();
                                p.store(1, v)
                            }
                            _ => nilderef!(),
                        }
                    }

                    // ---- integers ----
                    Op::AddI => {
                        seti!(ins.a, r!(ins.b).int().wrapping_add(r!(ins.c).int()))
                    }
                    Op::AddIK => {
                        seti!(ins.a, r!(ins.b).int().wrapping_add(ins.sc() as i64))
                    }
                    Op::AddK => seti!(ins.a, r!(ins.b).int().wrapping_add(kint!(ins.c))),
                    Op::SubI => {
                        seti!(ins.a, r!(ins.b).int().wrapping_sub(r!(ins.c).int()))
                    }
                    Op::MulI => {
                        seti!(ins.a, r!(ins.b).int().wrapping_mul(r!(ins.c).int()))
                    }
                    Op::DivI | Op::RemI | Op::DivU | Op::RemU => {
                        let (x, y) = (r!(ins.b).int(), r!(ins.c).int());
                        if y == 0 {
                            rte!("integer divide by zero");
                        }
                        let v = match ins.op {
                            Op::DivI => x.wrapping_div(y),
                            Op::RemI => x.wrapping_rem(y),
                            Op::DivU => ((x as u64) / (y as u64)) as i64,
                            _ => ((x as u64) % (y as u64)) as i64,
                        };
                        r!(ins.a) = Value::Int(v);
                    }
                    Op::And => seti!(ins.a, r!(ins.b).int() & r!(ins.c).int()),
                    Op::Or => seti!(ins.a, r!(ins.b).int() | r!(ins.c).int()),
                    Op::Xor => seti!(ins.a, r!(ins.b).int() ^ r!(ins.c).int()),
                    Op::AndNot => seti!(ins.a, r!(ins.b).int() & !r!(ins.c).int()),
                    Op::Shl | Op::ShrI | Op::ShrU => {
                        let x = r!(ins.b).int();
                        let mut n = r!(ins.c & !SHIFT_UNSIGNED).int();
                        if n < 0 {
                            if ins.c & SHIFT_UNSIGNED == 0 {
                                rte!("negative shift amount");
                            }
                            n = i64::MAX; // an unsigned count of 2^63 or more
                        }
                        let v = match ins.op {
                            Op::Shl => {
                                if n >= 64 {
                                    0
                                } else {
                                    x.wrapping_shl(n as u32)
                                }
                            }
                            Op::ShrI => x >> n.min(63),
                            _ => {
                                if n >= 64 {
                                    0
                                } else {
                                    ((x as u64) >> n) as i64
                                }
                            }
                        };
                        r!(ins.a) = Value::Int(v);
                    }
                    Op::NegI => seti!(ins.a, r!(ins.b).int().wrapping_neg()),
                    Op::BitNot => seti!(ins.a, !r!(ins.b).int()),
                    Op::MulK => seti!(ins.a, r!(ins.b).int().wrapping_mul(kint!(ins.c))),
                    Op::DivK => {
                        let k = kint!(ins.c);
                        seti!(
                            ins.a,
                            if k == 0 {
                                0
                            } else {
                                r!(ins.b).int().wrapping_div(k)
                            }
                        )
                    }
                    Op::DivUK => {
                        let k = kint!(ins.c) as u64;
                        seti!(
                            ins.a,
                            (r!(ins.b).int() as u64).checked_div(k).unwrap_or(0) as i64
                        )
                    }
                    Op::RemK => {
                        let k = kint!(ins.c);
                        seti!(
                            ins.a,
                            if k == 0 {
                                0
                            } else {
                                r!(ins.b).int().wrapping_rem(k)
                            }
                        )
                    }
                    Op::RemUK => {
                        let k = kint!(ins.c) as u64;
                        seti!(
                            ins.a,
                            if k == 0 {
                                0
                            } else {
                                ((r!(ins.b).int() as u64) % k) as i64
                            }
                        )
                    }
                    Op::AndK => seti!(ins.a, r!(ins.b).int() & kint!(ins.c)),
                    Op::OrK => seti!(ins.a, r!(ins.b).int() | kint!(ins.c)),
                    Op::XorK => seti!(ins.a, r!(ins.b).int() ^ kint!(ins.c)),
                    Op::ShlK => {
                        let n = kint!(ins.c);
                        let x = r!(ins.b).int();
                        seti!(ins.a, if !(0..64).contains(&n) { 0 } else { x << n })
                    }
                    Op::ShrK => {
                        let n = kint!(ins.c).clamp(0, 63);
                        seti!(ins.a, r!(ins.b).int() >> n)
                    }
                    Op::ShrUK => {
                        let n = kint!(ins.c);
                        let x = r!(ins.b).int() as u64;
                        seti!(
                            ins.a,
                            if !(0..64).contains(&n) {
                                0
                            } else {
                                (x >> n) as i64
                            }
                        )
                    }
                    Op::Narrow => seti!(ins.a, narrow(r!(ins.b).int(), ins.c as u16)),

                    // ---- floats ----
                    Op::AddF => seti!(
                        ins.a,
                        (r!(ins.b).float() + r!(ins.c).float()).to_bits() as i64
                    ),
                    Op::SubF => seti!(
                        ins.a,
                        (r!(ins.b).float() - r!(ins.c).float()).to_bits() as i64
                    ),
                    Op::MulF => seti!(
                        ins.a,
                        (r!(ins.b).float() * r!(ins.c).float()).to_bits() as i64
                    ),
                    Op::DivF => seti!(
                        ins.a,
                        (r!(ins.b).float() / r!(ins.c).float()).to_bits() as i64
                    ),
                    Op::NegF => seti!(ins.a, (-r!(ins.b).float()).to_bits() as i64),
                    Op::DivC => {
                        let part = |v: &Value, i: usize| match v {
                            Value::Tuple(t) => t.get(i).map_or(0.0, Value::float),
                            _ => 0.0,
                        };
                        let (b, c) = (&r!(ins.b), &r!(ins.c));
                        let (e, f) =
                            complex128div((part(b, 0), part(b, 1)), (part(c, 0), part(c, 1)));
                        r!(ins.a) =
                            Value::Tuple(Box::new([Value::from_f64(e), Value::from_f64(f)]));
                    }
                    Op::RoundF32 => {
                        seti!(ins.a, (r!(ins.b).float() as f32 as f64).to_bits() as i64)
                    }
                    Op::IToF => {
                        let x = r!(ins.b).int();
                        let f = if ins.c == 1 {
                            x as u64 as f64
                        } else {
                            x as f64
                        };
                        r!(ins.a) = Value::from_f64(f);
                    }
                    Op::FToI => {
                        let f = r!(ins.b).float();
                        let v = if ins.c == 7 {
                            f as u64 as i64
                        } else {
                            narrow(f as i64, ins.c as u16)
                        };
                        r!(ins.a) = Value::Int(v);
                    }

                    // ---- comparisons ----
                    Op::Not => seti!(ins.a, (r!(ins.b).int() == 0) as i64),
                    Op::EqI => seti!(ins.a, (r!(ins.b).int() == r!(ins.c).int()) as i64),
                    Op::NeI => seti!(ins.a, (r!(ins.b).int() != r!(ins.c).int()) as i64),
                    Op::LtI => seti!(ins.a, (r!(ins.b).int() < r!(ins.c).int()) as i64),
                    Op::LeI => seti!(ins.a, (r!(ins.b).int() <= r!(ins.c).int()) as i64),
                    Op::LtU => {
                        r!(ins.a) =
                            Value::from_bool((r!(ins.b).int() as u64) < (r!(ins.c).int() as u64))
                    }
                    Op::LeU => {
                        r!(ins.a) =
                            Value::from_bool((r!(ins.b).int() as u64) <= (r!(ins.c).int() as u64))
                    }
                    Op::EqF => seti!(ins.a, (r!(ins.b).float() == r!(ins.c).float()) as i64),
                    Op::LtF => seti!(ins.a, (r!(ins.b).float() < r!(ins.c).float()) as i64),
                    Op::LeF => seti!(ins.a, (r!(ins.b).float() <= r!(ins.c).float()) as i64),
                    Op::EqS => {
                        seti!(ins.a, (r!(ins.b).as_str() == r!(ins.c).as_str()) as i64)
                    }
                    Op::LtS => {
                        seti!(ins.a, (r!(ins.b).as_str() < r!(ins.c).as_str()) as i64)
                    }
                    Op::LeS => {
                        seti!(ins.a, (r!(ins.b).as_str() <= r!(ins.c).as_str()) as i64)
                    }
                    Op::Eq => match values_equal(prog, &r!(ins.b), &r!(ins.c)) {
                        Ok(b) => seti!(ins.a, (b) as i64),
                        Err(tn) => rte!("comparing uncomparable type {}", tn),
                    },
                    Op::EqT => {
                        let x = ext!();
                        match values_equal_typed(prog, x.a, &r!(ins.b), &r!(ins.c)) {
                            Ok(b) => seti!(ins.a, (b) as i64),
                            Err(tn) => rte!("comparing uncomparable type {}", tn),
                        }
                    }

                    // ---- control flow ----
                    Op::Jmp => jump!(ins.sbx()),
                    Op::JmpIf => {
                        if r!(ins.a).int() != 0 {
                            jump!(ins.sbx())
                        }
                    }
                    Op::JmpIfNot => {
                        if r!(ins.a).int() == 0 {
                            jump!(ins.sbx())
                        }
                    }
                    Op::JNil => {
                        if matches!(r!(ins.a), Value::Nil) {
                            jump!(ins.sbx())
                        }
                    }
                    Op::JNotNil => {
                        if !matches!(r!(ins.a), Value::Nil) {
                            jump!(ins.sbx())
                        }
                    }
                    Op::JLtI => cmp_jump!(ins, <),
                    Op::JGeI => cmp_jump!(ins, >=),
                    Op::JLeI => cmp_jump!(ins, <=),
                    Op::JGtI => cmp_jump!(ins, >),
                    Op::JEqI => cmp_jump!(ins, ==),
                    Op::JNeI => cmp_jump!(ins, !=),
                    Op::JLtK => cmp_jump_k!(ins, <),
                    Op::JGeK => cmp_jump_k!(ins, >=),
                    Op::JLeK => cmp_jump_k!(ins, <=),
                    Op::JGtK => cmp_jump_k!(ins, >),
                    Op::JEqK => cmp_jump_k!(ins, ==),
                    Op::JNeK => cmp_jump_k!(ins, !=),

                    // ---- strings ----
                    Op::Concat => {
                        let v = r!(ins.b).str().concat(&r!(ins.c).str());
                        r!(ins.a) = Value::Str(v);
                    }
                    Op::StrLen => seti!(ins.a, r!(ins.b).as_str().len() as i64),
                    Op::StrIndex => {
                        let i = r!(ins.c).int();
                        let s = r!(ins.b).as_str();
                        if i < 0 || i as usize >= s.len() {
                            let n = s.len();
                            rte!("{}", bad_index(i, n));
                        }
                        let b = s[i as usize];
                        r!(ins.a) = Value::Int(b as i64);
                    }
                    Op::StrSlice => {
                        let x = ext!();
                        let s = r!(ins.b).str();
                        let n = s.len() as i64;
                        let lo = if x.a & 1 != 0 { r!(ins.c).int() } else { 0 };
                        let hi = if x.a & 2 != 0 { r!(ins.c + 1).int() } else { n };
                        if hi < 0 || hi > n {
                            rte!("{}", bad_slice_hi(hi, "length", n));
                        }
                        if lo < 0 || lo > hi {
                            rte!("{}", bad_slice_lo(lo, hi, false));
                        }
                        r!(ins.a) = Value::Str(s.substr(lo as usize, hi as usize));
                    }
                    Op::StrNext => {
                        let i = r!(ins.c).int() as usize;
                        let (ch, w) = decode_rune(r!(ins.b).as_str(), i);
                        r!(ins.a) = Value::Int(ch as i64);
                        r!(ins.a + 1) = Value::Int(w as i64);
                    }
                    Op::StrConv => {
                        let v = str_conv(&r!(ins.b), ins.c as u16);
                        r!(ins.a) = v;
                    }

                    // ---- slices and arrays ----
                    Op::MakeSlice => {
                        let x = ext!();
                        let len = r!(ins.b).int();
                        let cap = r!(ins.c).int();
                        if len < 0 || len > u32::MAX as i64 / 2 {
                            rte!("makeslice: len out of range");
                        }
                        if cap < len || cap > u32::MAX as i64 / 2 {
                            rte!("makeslice: cap out of range");
                        }
                        let shape = x.b.max(1) as usize;
                        let esz = shape & SHAPE_LEN;
                        let zero = consts.get(x.c as usize).cloned().unwrap_or_default();
                        let zslots: Vec<Value> = match zero {
                            Value::Tuple(t) => t.into_vec(),
                            Value::Nil => vec![],
                            v => vec![v],
                        };
                        let obj =
                            Obj::new(SlotKind::from_u16(x.a as u16), cap as usize * esz, &zslots);
                        r!(ins.a) = Value::Slice(GoSlice {
                            obj: crate::vm::value::new_obj(obj),
                            off: 0,
                            len: len as u32,
                            cap: cap as u32,
                            esz: shape as u32,
                        });
                    }
                    Op::Len => {
                        let n = match &r!(ins.b) {
                            Value::Slice(s) => s.len as i64,
                            Value::Str(s) => s.len() as i64,
                            _ => 0,
                        };
                        r!(ins.a) = Value::Int(n);
                    }
                    Op::Cap => {
                        let n = match &r!(ins.b) {
                            Value::Slice(s) => s.cap as i64,
                            _ => 0,
                        };
                        r!(ins.a) = Value::Int(n);
                    }
                    Op::Index | Op::IndexN => {
                        let i = r!(ins.c).int();
                        let v = match &r!(ins.b) {
                            Value::Slice(s) if i >= 0 && (i as u64) < s.len as u64 => {
                                s.get(i as usize)
                            }
                            Value::Slice(s) => {
                                let n = s.len as usize;
                                rte!("{}", bad_index(i, n))
                            }
                            _ => rte!("{}", bad_index(i, 0)),
                        };
                        setv!(ins.a, v);
                    }
                    Op::SetIndex | Op::SetIndexN => {
                        let i = r!(ins.b).int();
                        let v = r!(ins.c).clone();
                        match &r!(ins.a) {
                            Value::Slice(s) if i >= 0 && (i as u64) < s.len as u64 => {
                                s.set(i as usize, v)
                            }
                            Value::Slice(s) => {
                                let n = s.len as usize;
                                rte!("{}", bad_index(i, n))
                            }
                            _ => rte!("{}", bad_index(i, 0)),
                        }
                    }
                    Op::ElemPtr => {
                        let i = r!(ins.c).int();
                        let p = match &r!(ins.b) {
                            Value::Slice(s) if i >= 0 && (i as u64) < s.len as u64 => {
                                s.elem_ptr(i as usize)
                            }
                            Value::Slice(s) => {
                                let n = s.len as usize;
                                rte!("{}", bad_index(i, n))
                            }
                            _ => rte!("{}", bad_index(i, 0)),
                        };
                        r!(ins.a) = Value::Ptr(p);
                    }
                    Op::SliceOp => {
                        let x = ext!();
                        let (obj, off, len, cap, esz, is_arr) = match &r!(ins.b) {
                            Value::Slice(s) => (
                                Some(s.obj.clone()),
                                s.off,
                                s.len as i64,
                                s.cap as i64,
                                s.esz,
                                false,
                            ),
                            // X.b != 0: a pointer to an array of X.c elements of shape X.b.
                            Value::Ptr(p) if x.b != 0 => (
                                Some(p.obj.clone()),
                                p.off,
                                x.c as i64,
                                x.c as i64,
                                x.b,
                                true,
                            ),
                            Value::Nil if x.b != 0 => nilderef!(),
                            _ => (None, 0, 0, 0, 1, false),
                        };
                        let width = ((esz as usize) & SHAPE_LEN).max(1) as u32;
                        let lo = if x.a & 1 != 0 { r!(ins.c).int() } else { 0 };
                        let hi = if x.a & 2 != 0 {
                            r!(ins.c + 1).int()
                        } else {
                            len
                        };
                        let max = if x.a & 4 != 0 {
                            r!(ins.c + 2).int()
                        } else {
                            cap
                        };
                        let what = if is_arr { "length" } else { "capacity" };
                        if x.a & 4 != 0 {
                            if max < 0 {
                                rte!("slice bounds out of range [::{}]", max);
                            }
                            if max > cap {
                                rte!(
                                    "slice bounds out of range [::{}] with {} {}",
                                    max,
                                    what,
                                    cap
                                );
                            }
                            if hi < 0 {
                                rte!("slice bounds out of range [:{}:]", hi);
                            }
                            if hi > max {
                                rte!("slice bounds out of range [:{}:{}]", hi, max);
                            }
                        } else if hi < 0 || hi > cap {
                            rte!("{}", bad_slice_hi(hi, what, cap));
                        }
                        if lo < 0 || lo > hi {
                            rte!("{}", bad_slice_lo(lo, hi, x.a & 4 != 0));
                        }
                        let v = match obj {
                            None => Value::Nil,
                            Some(obj) => Value::Slice(GoSlice {
                                obj,
                                off: off + lo as u32 * width,
                                len: (hi - lo) as u32,
                                cap: (max - lo) as u32,
                                esz,
                            }),
                        };
                        r!(ins.a) = v;
                    }
                    Op::Append | Op::AppendS => {
                        let x = ext!();
                        let vals: Vec<Value> = if ins.op == Op::Append {
                            (0..ins.c).map(|i| r!(ins.b + 1 + i).clone()).collect()
                        } else {
                            match &r!(ins.c) {
                                Value::Slice(s) => (0..s.len as usize).map(|i| s.get(i)).collect(),
                                Value::Str(s) => {
                                    s.as_bytes().iter().map(|b| Value::Int(*b as i64)).collect()
                                }
                                _ => vec![],
                            }
                        };
                        let v = append_values(&r!(ins.b), vals, x.a, x.b, x.c);
                        r!(ins.a) = v;
                    }
                    Op::Copy => {
                        let n = copy_values(&r!(ins.b), &r!(ins.c));
                        r!(ins.a) = Value::Int(n as i64);
                    }
                    Op::ArrIndex => {
                        let x = ext!();
                        let i = r!(ins.c).int();
                        let (shape, n) = (x.a as usize, x.b as usize);
                        let esz = (shape & SHAPE_LEN).max(1);
                        if i < 0 || i as usize >= n {
                            rte!("{}", bad_index(i, n));
                        }
                        let t = r!(ins.b).tuple();
                        let s = i as usize * esz;
                        let v = if shape == 1 {
                            t.get(s).cloned().unwrap_or_default()
                        } else {
                            Value::Tuple(t.get(s..s + esz).unwrap_or(&[]).to_vec().into())
                        };
                        r!(ins.a) = v;
                    }
                    Op::ArrSet => {
                        let x = ext!();
                        let i = r!(ins.b).int();
                        let (shape, n) = (x.a as usize, x.b as usize);
                        let esz = (shape & SHAPE_LEN).max(1);
                        if i < 0 || i as usize >= n {
                            rte!("{}", bad_index(i, n));
                        }
                        let v = r!(ins.c).clone();
                        set_slots(&mut r!(ins.a), i as usize * esz, shape, v);
                    }
                    Op::GetField => {
                        let v = r!(ins.b)
                            .tuple()
                            .get(ins.c as usize)
                            .cloned()
                            .unwrap_or_default();
                        r!(ins.a) = v;
                    }
                    Op::SetField => {
                        let v = r!(ins.c).clone();
                        set_slots(&mut r!(ins.a), ins.b as usize, 1, v);
                    }
                    Op::GetFieldN => {
                        let x = ext!();
                        let (s, n) = (ins.c as usize, x.a as usize & SHAPE_LEN);
                        let v = Value::Tuple(
                            r!(ins.b)
                                .tuple()
                                .get(s..s + n)
                                .unwrap_or(&[])
                                .to_vec()
                                .into(),
                        );
                        r!(ins.a) = v;
                    }
                    Op::SetFieldN => {
                        let x = ext!();
                        let v = r!(ins.c).clone();
                        set_slots(&mut r!(ins.a), ins.b as usize, x.a as usize, v);
                    }
                    Op::MakeTuple => {
                        let mut t = Vec::with_capacity(ins.c as usize);
                        for i in 0..ins.c {
                            match &r!(ins.b + i) {
                                Value::Tuple(x) => t.extend(x.iter().cloned()),
                                v => t.push(v.clone()),
                            }
                        }
                        r!(ins.a) = Value::Tuple(t.into());
                    }

                    // ---- pointers ----
                    Op::New => {
                        let x = ext!();
                        let obj = Obj::new(
                            SlotKind::from_u16(ins.c as u16),
                            ins.b as usize & SHAPE_LEN,
                            &[],
                        );
                        if x.b != 1 {
                            if let Some(z) = consts.get(x.a as usize) {
                                obj.set_n(0, ins.b as usize, z.clone());
                            }
                        }
                        r!(ins.a) = Value::Ptr(Pointer {
                            obj: crate::vm::value::new_obj(obj),
                            off: 0,
                        });
                    }
                    Op::Load => {
                        let v = match &r!(ins.b) {
                            Value::Ptr(p) => p.load(ins.c as usize),
                            _ => nilderef!(),
                        };
                        setv!(ins.a, v);
                    }
                    Op::Store => {
                        let v = match &r!(ins.b) {
                            Value::Int(i) => Value::Int(*i),
                            o => o.clone(),
                        };
                        match &r!(ins.a) {
                            Value::Ptr(p) => p.store(ins.c as usize, v),
                            _ => nilderef!(),
                        }
                    }
                    Op::LoadF => {
                        let v = match &r!(ins.b) {
                            Value::Ptr(p) => p.obj.get(p.off as usize + ins.c as usize),
                            _ => nilderef!(),
                        };
                        r!(ins.a) = v;
                    }
                    Op::StoreF => {
                        let v = r!(ins.c).clone();
                        match &r!(ins.a) {
                            Value::Ptr(p) => p.obj.set(p.off as usize + ins.b as usize, v),
                            _ => nilderef!(),
                        }
                    }
                    Op::PtrOff => {
                        if !offset_ptr(
                            &mut self.regs,
                            base + ins.a as usize,
                            base + ins.b as usize,
                            ins.c,
                        ) {
                            nilderef!();
                        }
                    }
                    Op::ArrGlobIdx => {
                        let x = ext!();
                        let i = r!(ins.c).int();
                        let (esz, n) = ((x.a as usize & SHAPE_LEN).max(1), x.b as usize);
                        if i < 0 || i as usize >= n {
                            rte!("{}", bad_index(i, n));
                        }
                        let Some(Value::Ptr(cell)) = shared.cells.get(ins.b as usize) else {
                            return Err(self.internal("global cell"));
                        };
                        let off = cell.off + (i as usize * esz) as u32;
                        match &mut r!(ins.a) {
                            Value::Ptr(d) if Arc::ptr_eq(&d.obj, &cell.obj) => d.off = off,
                            slot => {
                                *slot = Value::Ptr(Pointer {
                                    obj: cell.obj.clone(),
                                    off,
                                })
                            }
                        }
                    }
                    Op::ArrPtrIdx => {
                        let x = ext!();
                        let i = r!(ins.c).int();
                        let (esz, n) = ((x.a as usize & SHAPE_LEN).max(1), x.b as usize);
                        if !matches!(r!(ins.b), Value::Ptr(_)) {
                            nilderef!();
                        }
                        if i < 0 || i as usize >= n {
                            rte!("{}", bad_index(i, n));
                        }
                        let add = (i as usize * esz) as u32;
                        offset_ptr(
                            &mut self.regs,
                            base + ins.a as usize,
                            base + ins.b as usize,
                            add,
                        );
                    }

                    // ---- maps ----
                    Op::MakeMap => {
                        r!(ins.a) = Value::Map(GoMap::new_ref());
                    }
                    Op::MapGet => {
                        let x = ext!();
                        let k = key!(&r!(ins.c), x);
                        let found = match &r!(ins.b) {
                            Value::Map(m) => m.lock().entries.get(&k).map(|e| e.1.clone()),
                            _ => None,
                        };
                        let ok = found.is_some();
                        let v = found.unwrap_or_else(|| {
                            consts.get(x.a as usize).cloned().unwrap_or_default()
                        });
                        r!(ins.a) = v;
                        if x.b & 1 != 0 {
                            r!(ins.a + 1) = Value::from_bool(ok);
                        }
                    }
                    Op::MapSet => {
                        let x = ext!();
                        let kv = r!(ins.b).clone();
                        let k = key!(&kv, x);
                        let v = r!(ins.c).clone();
                        match &r!(ins.a) {
                            Value::Map(m) => {
                                m.lock().entries.insert(k, (kv, v));
                            }
                            _ => throw!(self.plain_error("assignment to entry in nil map")),
                        }
                    }
                    Op::MapAddI => {
                        let x = ext!();
                        let kv = r!(ins.b).clone();
                        let k = key!(&kv, x);
                        let d = r!(ins.c).int();
                        let d = if x.b & 1 != 0 { d.wrapping_neg() } else { d };
                        let Value::Map(m) = &r!(ins.a) else {
                            throw!(self.plain_error("assignment to entry in nil map"))
                        };
                        let mut m = m.lock();
                        let e = m.entries.entry(k).or_insert((Value::Nil, Value::Int(0)));
                        // As a store, it keeps the key as written (a float key's sign of zero).
                        e.0 = kv;
                        e.1 = Value::Int(e.1.int().wrapping_add(d));
                    }
                    Op::MapDelete => {
                        let x = ext!();
                        let k = key!(&r!(ins.b), x);
                        if let Value::Map(m) = &r!(ins.a) {
                            m.lock().entries.remove(&k);
                        }
                    }
                    Op::MapLen => {
                        let n = match &r!(ins.b) {
                            Value::Map(m) => m.lock().entries.len() as i64,
                            _ => 0,
                        };
                        r!(ins.a) = Value::Int(n);
                    }
                    Op::MapIter => {
                        let (map, keys) = match &r!(ins.b) {
                            Value::Map(m) => {
                                (Some(m.clone()), m.lock().entries.keys().cloned().collect())
                            }
                            _ => (None, vec![]),
                        };
                        r!(ins.a) =
                            Value::Native(Arc::new(Mutex::new(MapIterState { map, keys, pos: 0 })));
                    }
                    Op::MapNext => {
                        let next = match &r!(ins.b) {
                            Value::Native(n) => match n.downcast_ref::<Mutex<MapIterState>>() {
                                Some(it) => it.lock().next(),
                                None => None,
                            },
                            _ => None,
                        };
                        match next {
                            Some((k, v)) => {
                                r!(ins.a) = k;
                                r!(ins.a + 1) = v;
                            }
                            None => jump!(ins.sc()),
                        }
                    }

                    // ---- interfaces ----
                    Op::ToIface => {
                        let v = r!(ins.b).clone();
                        r!(ins.a) = Value::Iface(Iface::new(ins.c, v));
                    }
                    Op::Assert | Op::AssertOk => {
                        let x = ext!();
                        let target = ins.c;
                        let src = r!(ins.b).clone();
                        let ok = match &src {
                            Value::Iface(i) => {
                                if x.a == 1 {
                                    implements(prog, i.ty, target).is_ok()
                                } else {
                                    i.ty == target
                                }
                            }
                            _ => false,
                        };
                        if ins.op == Op::AssertOk {
                            let v = if !ok {
                                consts.get(x.c as usize).cloned().unwrap_or_default()
                            } else if x.a == 1 {
                                src
                            } else if let Value::Iface(i) = &src {
                                i.val.clone()
                            } else {
                                Value::Nil
                            };
                            r!(ins.a) = v;
                            r!(ins.a + 1) = Value::from_bool(ok);
                        } else if ok {
                            r!(ins.a) = if x.a == 1 {
                                src
                            } else if let Value::Iface(i) = &src {
                                i.val.clone()
                            } else {
                                Value::Nil
                            };
                        } else {
                            let tname = |t: u32| {
                                prog.types
                                    .get(t as usize)
                                    .map_or("?".to_string(), |t| t.name.clone())
                            };
                            let msg = match (&src, x.a == 1) {
                                (Value::Iface(i), false) => {
                                    // Two types spelled alike (declared in different
                                    // functions): Go says so.
                                    let (have, want) = (tname(i.ty), tname(target));
                                    let scopes = if have == want {
                                        " (types from different scopes)"
                                    } else {
                                        ""
                                    };
                                    format!(
                                        "interface conversion: {} is {}, not {}{}",
                                        tname(x.b),
                                        have,
                                        want,
                                        scopes
                                    )
                                }
                                (Value::Iface(i), true) => format!(
                                    "interface conversion: {} is not {}: missing method {}",
                                    tname(i.ty),
                                    tname(target),
                                    implements(prog, i.ty, target).err().unwrap_or_default()
                                ),
                                (_, false) => format!(
                                    "interface conversion: {} is nil, not {}",
                                    tname(x.b),
                                    tname(target)
                                ),
                                (_, true) => format!(
                                    "interface conversion: interface is nil, not {}",
                                    tname(target)
                                ),
                            };
                            // Go's *runtime.TypeAssertionError: a runtime.Error whose text has
                            // no "runtime error: " prefix.
                            throw!(Value::Iface(Iface::new(
                                super::program::RT_TYPE_ASSERTION_ERROR,
                                Value::from_str(&msg)
                            )));
                        }
                    }
                    Op::DynType => {
                        let t = match &r!(ins.b) {
                            Value::Iface(i) => i.ty as i64,
                            _ => -1,
                        };
                        r!(ins.a) = Value::Int(t);
                    }
                    Op::Implements => {
                        let ok = match &r!(ins.b) {
                            Value::Iface(i) => implements(prog, i.ty, ins.c).is_ok(),
                            _ => false,
                        };
                        r!(ins.a) = Value::from_bool(ok);
                    }

                    // ---- functions ----
                    Op::Closure => {
                        let x = ext!();
                        let caps: Box<[Value]> = (0..x.a).map(|i| r!(ins.c + i).clone()).collect();
                        r!(ins.a) = Value::Func(FuncVal::new(FuncVal::Go {
                            func: ins.b,
                            captures: caps,
                            hdr: GcHeader::new(),
                        }));
                    }
                    Op::FuncRef => {
                        r!(ins.a) = Value::Func(FuncVal::new(FuncVal::Go {
                            func: ins.bx(),
                            captures: Box::new([]),
                            hdr: GcHeader::new(),
                        }));
                    }
                    Op::BindM => {
                        let recv = r!(ins.b).clone();
                        r!(ins.a) = Value::Func(FuncVal::new(FuncVal::Bound {
                            func: ins.c,
                            recv,
                            hdr: GcHeader::new(),
                        }));
                    }
                    Op::BindN => {
                        let recv = r!(ins.b).clone();
                        r!(ins.a) = Value::Func(FuncVal::new(FuncVal::NativeBound {
                            id: ins.c,
                            recv,
                            hdr: GcHeader::new(),
                        }));
                    }
                    Op::BindI => {
                        let (entry, recv) = match self.iface_method(&r!(ins.b), ins.c) {
                            Dispatch::Found(e, recv) => (e, recv),
                            Dispatch::NilIface => nilderef!(),
                            Dispatch::NilPtr(e) => throw!(self.panicwrap(e.func, e.native)),
                            Dispatch::Missing => return Err(self.internal("method not found")),
                        };
                        let fv = if entry.native {
                            FuncVal::NativeBound {
                                id: entry.func,
                                recv,
                                hdr: GcHeader::new(),
                            }
                        } else {
                            FuncVal::Bound {
                                func: entry.func,
                                recv,
                                hdr: GcHeader::new(),
                            }
                        };
                        r!(ins.a) = Value::Func(FuncVal::new(fv));
                    }
                    Op::Call => {
                        self.frames[depth - 1].pc = pc as u32;
                        safepoint!();
                        let win = base + ins.a as usize;
                        match self.push_call(win, ins.b as usize, FrameKind::Normal) {
                            Ok(CallDone::Pushed) => continue 'frames,
                            Ok(CallDone::Native(_)) => {}
                            Err(t @ Trap::Panicking) => {
                                self.raise(t, stop_depth)?;
                                continue 'frames;
                            }
                            Err(e) => return Err(e),
                        }
                    }
                    Op::CallS => {
                        self.frames[depth - 1].pc = pc as u32;
                        safepoint!();
                        self.push_frame(ins.b, base + ins.a as usize, FrameKind::Normal, None)?;
                        continue 'frames;
                    }
                    Op::CallM => {
                        self.frames[depth - 1].pc = pc as u32;
                        safepoint!();
                        let recv_at = base + ins.a as usize + 1;
                        let (entry, recv) = match self.iface_method(&self.regs[recv_at], ins.b) {
                            Dispatch::Found(e, recv) => (e, recv),
                            Dispatch::NilIface => nilderef!(),
                            Dispatch::NilPtr(e) => throw!(self.panicwrap(e.func, e.native)),
                            Dispatch::Missing => return Err(self.internal("method not found")),
                        };
                        if entry.native {
                            let win = base + ins.a as usize;
                            let nargs = (ins.c as usize).saturating_sub(1);
                            let r =
                                self.call_native(entry.func, win, Some(recv), win + 2, nargs, 0);
                            match r {
                                Ok(_) => {}
                                Err(t @ Trap::Panicking) => {
                                    self.raise(t, stop_depth)?;
                                }
                                Err(e) => return Err(e),
                            }
                            continue 'frames;
                        }
                        self.regs[recv_at] = recv;
                        self.push_frame(
                            entry.func,
                            base + ins.a as usize,
                            FrameKind::Normal,
                            None,
                        )?;
                        continue 'frames;
                    }
                    Op::CallN => {
                        let x = ext!();
                        self.frames[depth - 1].pc = pc as u32;
                        let win = base + ins.a as usize;
                        let r = self.call_native(ins.b, win, None, win + 1, ins.c as usize, x.a);
                        match r {
                            Ok(_) => {
                                // A native may have grown the register file or pushed frames
                                // (callbacks) that have since returned: reload the frame.
                                continue 'frames;
                            }
                            Err(t @ Trap::Panicking) => {
                                self.raise(t, stop_depth)?;
                                continue 'frames;
                            }
                            Err(e) => return Err(e),
                        }
                    }
                    Op::Ret => {
                        let fr = match self.frames.pop() {
                            Some(f) => f,
                            None => return Ok(()),
                        };
                        let (from, to) = (fr.base as usize + ins.a as usize, fr.ret as usize);
                        for i in 0..ins.b as usize {
                            let v = std::mem::take(&mut self.regs[from + i]);
                            self.regs[to + i] = v;
                        }
                        match fr.kind {
                            FrameKind::Normal | FrameKind::Deferred => {}
                            FrameKind::Entry => self.last_results = ins.b as usize,
                            FrameKind::PanicDeferred => {
                                if self.panics.last().is_some_and(|p| p.recovered) {
                                    self.recovery();
                                } else {
                                    self.unwind(stop_depth)?;
                                }
                            }
                        }
                        continue 'frames;
                    }
                    Op::Defer => {
                        let f = r!(ins.a).clone();
                        let args = (0..ins.b).map(|i| r!(ins.a + 1 + i).clone()).collect();
                        self.defers.push(Deferred {
                            depth,
                            func: f,
                            args,
                            recover: ins.c == 1,
                        });
                    }
                    Op::RunDefers => {
                        if self.defers.last().is_some_and(|d| d.depth == depth) {
                            if let Some(d) = self.defers.pop() {
                                if d.recover {
                                    self.gorecover(depth);
                                    pc -= 1; // the next deferred call
                                    continue;
                                }
                                // Re-execute RUNDEFERS when the deferred call returns.
                                self.frames[depth - 1].pc = (pc - 1) as u32;
                                match self.start_deferred(d, FrameKind::Deferred) {
                                    Ok(_) => continue 'frames,
                                    Err(t @ Trap::Panicking) => {
                                        self.raise(t, stop_depth)?;
                                        continue 'frames;
                                    }
                                    Err(e) => return Err(e),
                                }
                            }
                        }
                    }
                    Op::Panic => {
                        let v = r!(ins.a).clone();
                        let v = if v.is_nil() {
                            // Go 1.21: panic(nil) becomes a *runtime.PanicNilError.
                            Value::Iface(Iface::new(
                                super::program::RT_PANIC_NIL_ERROR,
                                Value::from_str("runtime error: panic called with nil argument"),
                            ))
                        } else {
                            v
                        };
                        throw!(v);
                    }
                    Op::Recover => {
                        r!(ins.a) = self.gorecover(depth);
                    }
                    Op::Go => {
                        let f = r!(ins.a).clone();
                        let args: Vec<Value> =
                            (0..ins.b).map(|i| r!(ins.a + 1 + i).clone()).collect();
                        self.frames[depth - 1].pc = pc as u32;
                        let line = prog.line_of(self.frames[depth - 1].func, pc - 1);
                        rt::go_value(self, f, args, line);
                        // The new G may run on another M; ours continues (no reload needed).
                    }

                    // ---- channels ----
                    Op::MakeChan => {
                        let cap = r!(ins.b).int();
                        if cap < 0 {
                            // A plainError in Go: no "runtime error: " prefix.
                            throw!(self.plain_error("makechan: size out of range"));
                        }
                        r!(ins.a) = Value::Chan(Arc::new(rt::ChanObj::new(cap as usize)));
                    }
                    Op::Send => {
                        self.frames[depth - 1].pc = pc as u32;
                        let v = r!(ins.b).clone();
                        let c = match &r!(ins.a) {
                            Value::Chan(c) => Some(c.clone()),
                            _ => None,
                        };
                        if let Err(msg) = rt::chansend(self, c, v) {
                            let e = self.plain_error(msg);
                            throw!(e);
                        }
                    }
                    Op::Recv => {
                        self.frames[depth - 1].pc = pc as u32;
                        let c = match &r!(ins.b) {
                            Value::Chan(c) => Some(c.clone()),
                            _ => None,
                        };
                        let (v, ok) = rt::chanrecv(self, c);
                        r!(ins.a) = v.unwrap_or_else(|| {
                            // The zero value of the element type follows in EXT when needed.
                            Value::Nil
                        });
                        if ins.c & 1 != 0 {
                            r!(ins.a + 1) = Value::from_bool(ok);
                        }
                        if ins.c & 2 != 0 {
                            let x = ext!();
                            if !ok {
                                r!(ins.a) = consts.get(x.a as usize).cloned().unwrap_or_default();
                            }
                        }
                    }
                    Op::Close => {
                        let c = match &r!(ins.a) {
                            Value::Chan(c) => Some(c.clone()),
                            _ => None,
                        };
                        if let Err(msg) = rt::closechan(self, c) {
                            let e = self.plain_error(msg);
                            throw!(e);
                        }
                    }
                    Op::Select => {
                        let x = ext!();
                        self.frames[depth - 1].pc = pc as u32;
                        let mut cases = Vec::with_capacity(ins.c as usize);
                        for i in 0..ins.c {
                            // Each case: R[B+3i] = kind (0 recv, 1 send), R[B+3i+1] = chan,
                            // R[B+3i+2] = value to send.
                            let k = r!(ins.b + 3 * i).int();
                            let ch = match &r!(ins.b + 3 * i + 1) {
                                Value::Chan(c) => Some(c.clone()),
                                _ => None,
                            };
                            let v = r!(ins.b + 3 * i + 2).clone();
                            cases.push((k == 1, ch, v));
                        }
                        match rt::select(self, cases, x.a == 1) {
                            Ok((idx, v, ok)) => {
                                r!(ins.a) = Value::Int(idx);
                                r!(ins.a + 1) = v;
                                r!(ins.a + 2) = Value::from_bool(ok);
                            }
                            Err(msg) => {
                                let e = self.plain_error(msg);
                                throw!(e);
                            }
                        }
                    }
                    Op::ChanLen => {
                        let n = match &r!(ins.b) {
                            Value::Chan(c) => {
                                if ins.c == 1 {
                                    c.chancap()
                                } else {
                                    c.chanlen()
                                }
                            }
                            _ => 0,
                        };
                        r!(ins.a) = Value::Int(n as i64);
                    }
                }
            }
        }
    }
}

/// Store a value of `shape` into the tuple in `dst` at slot `off`.
fn set_slots(dst: &mut Value, off: usize, shape: usize, v: Value) {
    let n = shape & SHAPE_LEN;
    if let Value::Tuple(t) = dst {
        if shape == 1 {
            if let Some(s) = t.get_mut(off) {
                *s = v;
            }
        } else if let Value::Tuple(src) = v {
            for (i, x) in src.into_vec().into_iter().enumerate().take(n) {
                if let Some(s) = t.get_mut(off + i) {
                    *s = x;
                }
            }
        }
    }
}

/// Decode the UTF-8 rune at byte `i` (Go's `for range` over strings): invalid → (U+FFFD, 1).
pub fn decode_rune(s: &[u8], i: usize) -> (u32, usize) {
    let b = match s.get(i) {
        Some(b) => *b,
        None => return (0xFFFD, 1),
    };
    if b < 0x80 {
        return (b as u32, 1);
    }
    let end = (i + 4).min(s.len());
    for w in 2..=4 {
        if i + w > end {
            break;
        }
        if let Ok(st) = std::str::from_utf8(&s[i..i + w]) {
            if let Some(c) = st.chars().next() {
                return (c as u32, w);
            }
        }
    }
    (0xFFFD, 1)
}

/// Encode a rune as UTF-8 (invalid code points become U+FFFD), as Go's `string(rune)`.
pub fn encode_rune(r: i64, out: &mut Vec<u8>) {
    let c = u32::try_from(r)
        .ok()
        .and_then(char::from_u32)
        .unwrap_or('\u{FFFD}');
    let mut buf = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}

fn str_conv(v: &Value, kind: u16) -> Value {
    match kind {
        1 => match v {
            Value::Slice(s) => Value::from_bytes(s.bytes()),
            _ => Value::Str(GoStr::empty()),
        },
        2 | 6 => {
            let b = v.as_str();
            if b.is_empty() {
                // []byte("") is an empty, non-nil slice.
                return Value::Slice(GoSlice {
                    obj: Arc::new(Obj::new(SlotKind::Bytes, 0, &[])),
                    off: 0,
                    len: 0,
                    cap: 0,
                    esz: 1,
                });
            }
            let cap = if kind == 6 {
                b.len()
            } else {
                roundupsize(b.len(), true)
            };
            let obj = Obj::new(SlotKind::Bytes, cap, &[]);
            for (i, x) in b.iter().enumerate() {
                obj.set(i, Value::Int(*x as i64));
            }
            Value::Slice(GoSlice {
                obj: crate::vm::value::new_obj(obj),
                off: 0,
                len: b.len() as u32,
                cap: cap as u32,
                esz: 1,
            })
        }
        3 => {
            let mut out = Vec::new();
            if let Value::Slice(s) = v {
                for i in 0..s.len as usize {
                    encode_rune(s.get(i).int(), &mut out);
                }
            }
            Value::from_bytes(out)
        }
        4 | 7 => {
            let b = v.as_str();
            let mut runes = Vec::new();
            let mut i = 0;
            while i < b.len() {
                let (c, w) = decode_rune(b, i);
                runes.push(c as i64);
                i += w;
            }
            let cap = if kind == 7 {
                runes.len()
            } else {
                roundupsize(runes.len() * 4, true) / 4
            };
            let obj = Obj::new(SlotKind::Words, cap.max(runes.len()), &[]);
            for (i, r) in runes.iter().enumerate() {
                obj.set(i, Value::Int(*r));
            }
            Value::Slice(GoSlice {
                obj: crate::vm::value::new_obj(obj),
                off: 0,
                len: runes.len() as u32,
                cap: cap.max(runes.len()) as u32,
                esz: 1,
            })
        }
        _ => {
            let mut out = Vec::new();
            encode_rune(v.int(), &mut out);
            Value::from_bytes(out)
        }
    }
}

/// `append(s, vals...)` with Go's growth. `kind` slot kind, `esz` slots per element, `ebytes`
/// the element's size in bytes (for size-class rounding).
/// Flag of a shift's count operand (C): the count's type is unsigned.
pub const SHIFT_UNSIGNED: u32 = 0x8000_0000;

/// Flag of `append`'s element byte size: the slice has Go's 32-byte stack buffer.
pub const APPEND_STACK_BUF: u32 = 0x8000_0000;

pub fn append_values(s: &Value, vals: Vec<Value>, kind: u32, shape: u32, ebytes: u32) -> Value {
    let shape = shape.max(1) as usize;
    let esz = (shape & SHAPE_LEN).max(1);
    let (obj, off, len, cap) = match s {
        Value::Slice(s) => (
            Some(s.obj.clone()),
            s.off as usize,
            s.len as usize,
            s.cap as usize,
        ),
        _ => (None, 0, 0, 0),
    };
    if vals.is_empty() {
        return s.clone();
    }
    let new_len = len + vals.len();
    if let (Some(obj), true) = (&obj, new_len <= cap) {
        for (i, v) in vals.into_iter().enumerate() {
            obj.set_n(off + (len + i) * esz, shape, v);
        }
        return Value::Slice(GoSlice {
            obj: obj.clone(),
            off: off as u32,
            len: new_len as u32,
            cap: cap as u32,
            esz: shape as u32,
        });
    }
    let kind = SlotKind::from_u16(kind as u16);
    // The append has a 32-byte stack buffer (Go's growsliceBuf): used when the slice had no
    // capacity yet and the new length fits in it.
    let buf = ebytes & APPEND_STACK_BUF != 0;
    let ebytes = ebytes & !APPEND_STACK_BUF;
    let buflen = if buf && cap == 0 {
        32 / ebytes.max(1) as usize
    } else {
        0
    };
    let newcap = if new_len <= buflen {
        buflen
    } else {
        grow_cap(new_len, cap, ebytes as usize, kind != SlotKind::Vals).max(new_len)
    };
    let nobj = Obj::new(kind, newcap * esz, &[]);
    if let Some(obj) = &obj {
        for i in 0..len * esz {
            nobj.set(i, obj.get(off + i));
        }
    }
    // Slots past the new length must hold the element's zero value: copy the shape of the
    // first appended element with zeroed scalars / nils.
    if kind == SlotKind::Vals {
        if let Some(first) = vals.first() {
            let z = zero_like(first);
            for i in new_len..newcap {
                nobj.set_n(i * esz, shape, z.clone());
            }
        }
    }
    for (i, v) in vals.into_iter().enumerate() {
        nobj.set_n((len + i) * esz, shape, v);
    }
    Value::Slice(GoSlice {
        obj: crate::vm::value::new_obj(nobj),
        off: 0,
        len: new_len as u32,
        cap: newcap as u32,
        esz: shape as u32,
    })
}

/// The zero value of the same shape as `v` (scalars 0, strings "", references nil).
pub fn zero_like(v: &Value) -> Value {
    match v {
        Value::Int(_) => Value::Int(0),
        Value::Str(_) => Value::Str(GoStr::empty()),
        Value::Tuple(t) => Value::Tuple(t.iter().map(zero_like).collect()),
        _ => Value::Nil,
    }
}

/// `copy(dst, src)`; `src` may be a string. Returns the number of elements copied.
pub fn copy_values(dst: &Value, src: &Value) -> usize {
    let d = match dst {
        Value::Slice(d) => d,
        _ => return 0,
    };
    match src {
        Value::Str(s) => {
            let b = s.as_bytes();
            let n = b.len().min(d.len as usize);
            for (i, x) in b.iter().take(n).enumerate() {
                d.set(i, Value::Int(*x as i64));
            }
            n
        }
        Value::Slice(s) => {
            let n = (s.len as usize).min(d.len as usize);
            let tmp: Vec<Value> = (0..n).map(|i| s.get(i)).collect();
            for (i, v) in tmp.into_iter().enumerate() {
                d.set(i, v);
            }
            n
        }
        _ => 0,
    }
}

/// Whether runtime type `t` implements interface type `iface`; Err(missing method name).
pub fn implements(prog: &super::program::Program, t: u32, iface: u32) -> Result<(), String> {
    let methods = match prog.types.get(iface as usize).map(|t| &t.kind) {
        Some(RKind::Interface(m)) => m,
        _ => return Err(String::new()),
    };
    let tt = match prog.types.get(t as usize) {
        Some(t) => t,
        None => return Err(String::new()),
    };
    for (m, sig) in methods {
        let ok = prog
            .find_method_sym(m)
            .and_then(|s| tt.methods.get(&s))
            .is_some_and(|e| e.sig == *sig || e.sig == super::program::ANY_SIG);
        let ok = ok || (matches!(tt.kind, RKind::ErrorString) && m == "Error");
        if !ok {
            return Err(m.clone());
        }
    }
    Ok(())
}

/// The name of the uncomparable dynamic type inside map key `k` (an interface holding a
/// slice, map or func, possibly inside a struct key), which Go's map refuses to hash.
#[inline]
fn unhashable(prog: &super::program::Program, k: &Value) -> Option<String> {
    match k {
        Value::Iface(_) | Value::Tuple(_) => unhashable_slow(prog, k),
        _ => None,
    }
}

#[cold]
fn unhashable_slow(prog: &super::program::Program, k: &Value) -> Option<String> {
    match k {
        Value::Iface(i) => match prog.types.get(i.ty as usize) {
            Some(t) if !t.comparable => Some(t.name.clone()),
            _ => unhashable(prog, &i.val),
        },
        Value::Tuple(t) => t.iter().find_map(|v| unhashable(prog, v)),
        _ => None,
    }
}

/// The flattened slots of a value (a register tuple, or one slot).
fn slots_of(v: &Value) -> &[Value] {
    match v {
        Value::Tuple(t) => t,
        v => std::slice::from_ref(v),
    }
}

/// Go's `==` on two values of runtime type `ty`, walking its fields and elements so that float
/// parts compare as floats (NaN != NaN, -0 == +0).
pub fn values_equal_typed(
    prog: &super::program::Program,
    ty: u32,
    a: &Value,
    b: &Value,
) -> Result<bool, String> {
    eq_slots(prog, ty, slots_of(a), slots_of(b))
}

fn eq_slots(
    prog: &super::program::Program,
    ty: u32,
    a: &[Value],
    b: &[Value],
) -> Result<bool, String> {
    let Some(t) = prog.types.get(ty as usize) else {
        return Ok(a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.int() == y.int()));
    };
    match &t.kind {
        RKind::Float64 | RKind::Float32 | RKind::Complex(_) => {
            Ok(a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.float() == y.float()))
        }
        RKind::Struct(fields) => {
            for f in fields {
                let n = prog.types.get(f.ty as usize).map_or(1, |t| t.slots) as usize;
                let r = f.off as usize..f.off as usize + n;
                match (a.get(r.clone()), b.get(r)) {
                    (Some(x), Some(y)) => {
                        if !eq_slots(prog, f.ty, x, y)? {
                            return Ok(false);
                        }
                    }
                    _ => return Ok(false),
                }
            }
            Ok(true)
        }
        RKind::Array(n, e) => {
            let w = prog.types.get(*e as usize).map_or(1, |t| t.slots) as usize;
            if w == 0 {
                return Ok(true);
            }
            for i in 0..*n as usize {
                let r = i * w..(i + 1) * w;
                match (a.get(r.clone()), b.get(r)) {
                    (Some(x), Some(y)) => {
                        if !eq_slots(prog, *e, x, y)? {
                            return Ok(false);
                        }
                    }
                    _ => return Ok(false),
                }
            }
            Ok(true)
        }
        _ => match (a, b) {
            ([x], [y]) => values_equal(prog, x, y),
            _ => Ok(false),
        },
    }
}

/// The map key of `v`, of runtime type `ty` when known (`ty` 0: use `is_float`): float parts
/// of aggregates and of interface keys are normalised (-0 is +0; each NaN is its own key).
pub fn map_key(prog: &super::program::Program, v: &Value, is_float: bool, ty: u32) -> Key {
    match v {
        Value::Iface(i) => Key::Iface(i.ty, Box::new(key_typed(prog, i.ty, &i.val))),
        Value::Tuple(_) if ty != 0 => key_typed(prog, ty - 1, v),
        _ => Key::from_value(v, is_float),
    }
}

fn key_typed(prog: &super::program::Program, ty: u32, v: &Value) -> Key {
    match prog.types.get(ty as usize).map(|t| &t.kind) {
        Some(RKind::Float64 | RKind::Float32) => Key::from_value(v, true),
        Some(RKind::Complex(_) | RKind::Struct(_) | RKind::Array(..)) => {
            let mut out = Vec::new();
            key_slots(prog, ty, slots_of(v), &mut out);
            Key::Tuple(out)
        }
        _ => match v {
            Value::Iface(i) => Key::Iface(i.ty, Box::new(key_typed(prog, i.ty, &i.val))),
            v => Key::from_value(v, false),
        },
    }
}

fn key_slots(prog: &super::program::Program, ty: u32, s: &[Value], out: &mut Vec<Key>) {
    match prog.types.get(ty as usize).map(|t| &t.kind) {
        Some(RKind::Complex(_)) => out.extend(s.iter().map(|x| Key::from_value(x, true))),
        Some(RKind::Struct(fields)) => {
            for f in fields {
                let n = prog.types.get(f.ty as usize).map_or(1, |t| t.slots) as usize;
                if let Some(x) = s.get(f.off as usize..f.off as usize + n) {
                    key_slots(prog, f.ty, x, out);
                }
            }
        }
        Some(RKind::Array(n, e)) => {
            let w = prog.types.get(*e as usize).map_or(1, |t| t.slots) as usize;
            for i in 0..(*n as usize).min(s.len().checked_div(w).unwrap_or(0)) {
                key_slots(prog, *e, &s[i * w..(i + 1) * w], out);
            }
        }
        _ => out.push(match s {
            [x] => key_typed(prog, ty, x),
            _ => Key::Nil,
        }),
    }
}

/// Go's `==` on two values of the same static type (deep for tuples and interfaces).
/// Err(type name) when comparing interfaces holding an uncomparable dynamic type.
pub fn values_equal(prog: &super::program::Program, a: &Value, b: &Value) -> Result<bool, String> {
    Ok(match (a, b) {
        (Value::Nil, Value::Nil) => true,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Ptr(x), Value::Ptr(y)) => x.same(y),
        (Value::Chan(x), Value::Chan(y)) => Arc::ptr_eq(x, y),
        (Value::Map(x), Value::Map(y)) => Arc::ptr_eq(x, y),
        (Value::Tuple(x), Value::Tuple(y)) => {
            if x.len() != y.len() {
                return Ok(false);
            }
            for (p, q) in x.iter().zip(y.iter()) {
                if !values_equal(prog, p, q)? {
                    return Ok(false);
                }
            }
            true
        }
        (Value::Iface(x), Value::Iface(y)) => {
            if x.ty != y.ty {
                return Ok(false);
            }
            let t = prog.types.get(x.ty as usize);
            if let Some(t) = t {
                if !t.comparable {
                    return Err(t.name.clone());
                }
                if matches!(
                    t.kind,
                    RKind::Float64
                        | RKind::Float32
                        | RKind::Complex(_)
                        | RKind::Struct(_)
                        | RKind::Array(..)
                ) {
                    return values_equal_typed(prog, x.ty, &x.val, &y.val);
                }
                if matches!(t.kind, RKind::ErrorString)
                    && !super::program::RT_RUNTIME_ERRORS.contains(&x.ty)
                {
                    // *errors.errorString: pointer identity.
                    return Ok(Arc::ptr_eq(x, y));
                }
            }
            values_equal(prog, &x.val, &y.val)?
        }
        _ => false,
    })
}

/// Go's `runtime.complex128div`: Smith's algorithm, then C99's corrections to infinities and
/// zeros when both parts came out NaN.
fn complex128div(n: (f64, f64), m: (f64, f64)) -> (f64, f64) {
    let ((a, b), (c, d)) = (n, m);
    let (mut e, mut f);
    if c.abs() >= d.abs() {
        let ratio = d / c;
        let denom = c + ratio * d;
        e = (a + b * ratio) / denom;
        f = (b - a * ratio) / denom;
    } else {
        let ratio = c / d;
        let denom = d + ratio * c;
        e = (a * ratio + b) / denom;
        f = (b * ratio - a) / denom;
    }
    if e.is_nan() && f.is_nan() {
        let inf2one = |x: f64| (if x.is_infinite() { 1.0f64 } else { 0.0 }).copysign(x);
        if c == 0.0 && d == 0.0 && (!a.is_nan() || !b.is_nan()) {
            e = f64::INFINITY.copysign(c) * a;
            f = f64::INFINITY.copysign(c) * b;
        } else if (a.is_infinite() || b.is_infinite()) && c.is_finite() && d.is_finite() {
            let (a, b) = (inf2one(a), inf2one(b));
            e = f64::INFINITY * (a * c + b * d);
            f = f64::INFINITY * (b * c - a * d);
        } else if (c.is_infinite() || d.is_infinite()) && a.is_finite() && b.is_finite() {
            let (c, d) = (inf2one(c), inf2one(d));
            e = 0.0 * (a * c + b * d);
            f = 0.0 * (b * c - a * d);
        }
    }
    (e, f)
}

/// Drop the values registers above the innermost frame still hold (left by frames that
/// returned): the collector counts every reference a register holds, and Go's would not see
/// these (they are past the top of the stack).
#[cold]
pub(crate) fn release_dead_regs(
    regs: &mut [Value],
    frames: &[Frame],
    prog: &super::program::Program,
) {
    let top = frames.last().map_or(0, |fr| {
        fr.base as usize + prog.funcs[fr.func as usize].nregs as usize
    });
    for r in regs.iter_mut().skip(top) {
        if !matches!(r, Value::Nil | Value::Int(_)) {
            *r = Value::Nil;
        }
    }
}
