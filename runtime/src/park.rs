//! park: the gopark/goready protocol (G side) and `Note`, the M sleep/wakeup primitive.
//!
//! G side (`Gctx`, this file) → g0 side (`park_m`, `ready` in proc.rs). The protocol is
//! the numbered steps in lib.rs ("park/ready"); the G only ever *suspends* to g0 with a
//! `Park` value, and everything that could let another M wake it (releasing a channel
//! lock, arming a sleep timer) is done by g0 after the switch (I2).

use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use corosensei::Yielder;
#[cfg(not(loom))]
use parking_lot::{Condvar, Mutex};

use crate::runtime2::{Mcore, Park, Resume, TracebackFn, Unlock, WaitReason, G};

/// Go's `note`: a one-shot wakeup with token semantics — a `wakeup` before `sleep` is
/// not lost (`notewakeup` before `notesleep`), and `sleep` consumes the token
/// (`notesleep` + `noteclear`). Under `cfg(loom)` it is built on loom's Mutex/Condvar
/// (tests/loom.rs models it).
pub struct Note {
    #[cfg(not(loom))]
    token: Mutex<bool>,
    #[cfg(not(loom))]
    cv: Condvar,
    #[cfg(loom)]
    token: loom::sync::Mutex<bool>,
    #[cfg(loom)]
    cv: loom::sync::Condvar,
}

#[cfg(loom)]
impl Default for Note {
    fn default() -> Self {
        Note::new()
    }
}

#[cfg(loom)]
impl Note {
    /// A note without a token.
    pub fn new() -> Note {
        Note {
            token: loom::sync::Mutex::new(false),
            cv: loom::sync::Condvar::new(),
        }
    }

    /// `notewakeup`.
    pub fn wakeup(&self) {
        let mut t = self.token.lock().unwrap();
        *t = true;
        self.cv.notify_one();
    }

    /// `notesleep` + `noteclear`.
    pub fn sleep(&self) {
        let mut t = self.token.lock().unwrap();
        while !*t {
            t = self.cv.wait(t).unwrap();
        }
        *t = false;
    }

    /// `notetsleep` (loom has no time: waits like `sleep`).
    pub fn sleep_timeout(&self, _d: Duration) -> bool {
        self.sleep();
        true
    }
}

#[cfg(not(loom))]
impl Note {
    pub(crate) fn new() -> Note {
        Note {
            token: Mutex::new(false),
            cv: Condvar::new(),
        }
    }

    /// `notewakeup`.
    pub(crate) fn wakeup(&self) {
        let mut t = self.token.lock();
        *t = true;
        self.cv.notify_one();
    }

    /// `notesleep` + `noteclear`.
    pub(crate) fn sleep(&self) {
        let mut t = self.token.lock();
        while !*t {
            self.cv.wait(&mut t);
        }
        *t = false;
    }

    /// `notetsleep` + `noteclear`: returns whether the note was woken (vs timed out).
    pub(crate) fn sleep_timeout(&self, d: Duration) -> bool {
        let mut t = self.token.lock();
        if !*t {
            let _ = self.cv.wait_for(&mut t, d);
        }
        std::mem::replace(&mut *t, false)
    }
}

/// The running G's handle on the runtime, given to its code (`go` entry closures receive
/// `&mut Gctx`). Not `Send`: it lives on the G's coroutine stack and holds pointers that
/// are only valid there (I3). Mirrors Go's `getg()` for user code.
pub struct Gctx {
    pub(crate) g: Arc<G>,
    yielder: *const Yielder<Resume, Park>,
    /// The M this G runs on, refreshed on every resume; valid until the next suspend.
    m: *mut Mcore,
    /// `stackguard0`: lowest stack address a safe point may be reached at (of the current
    /// segment: see `newstack`).
    stack_guard: usize,
    /// Bytes of extra stack segments in use, and one segment kept for reuse.
    seg_bytes: usize,
    spare: Option<corosensei::stack::DefaultStack>,
}

impl Gctx {
    pub(crate) fn new(
        g: Arc<G>,
        y: &Yielder<Resume, Park>,
        m: *mut Mcore,
        stack_guard: usize,
    ) -> Gctx {
        Gctx {
            g,
            yielder: y as *const _,
            m,
            stack_guard,
            seg_bytes: 0,
            spare: None,
        }
    }

    /// Whether a nested interpreter entry (a callback from native code: `String()` called
    /// by fmt, sort's less) should run on a new stack segment: little room is left above the
    /// stack guard. Go grows its stacks by copying; minigo's frames live on the native stack
    /// and cannot move, so it adds segments instead (as Go did before 1.3).
    #[inline]
    pub fn morestack_needed(&self) -> bool {
        let probe = 0u8;
        (std::ptr::addr_of!(probe) as usize) < self.stack_guard + crate::coro::MORESTACK_MARGIN
    }

    /// `newstack`: a new stack segment, which becomes the current one for the stack check;
    /// run the nested entry with `StackSegment::run`, then give it back with `oldstack`.
    /// Throws `stack overflow` past `MAX_SEGMENT_BYTES`.
    pub fn newstack(&mut self) -> crate::coro::StackSegment {
        self.newstack_sized(crate::coro::SEGMENT_SIZE)
    }

    /// `newstack` with a segment of `size` bytes of address space (for native recursion
    /// known to go deep, such as printing a deeply nested value).
    pub fn newstack_sized(&mut self, size: usize) -> crate::coro::StackSegment {
        use corosensei::stack::Stack;
        if self.seg_bytes + size > crate::coro::MAX_SEGMENT_BYTES {
            self.stack_overflow();
        }
        let stack = match self.spare.take() {
            Some(s) if size == crate::coro::SEGMENT_SIZE => s,
            spare => {
                self.spare = spare;
                crate::coro::segment_alloc(size)
            }
        };
        self.seg_bytes += size;
        let old_guard = self.stack_guard;
        self.stack_guard = stack.limit().get() + crate::coro::STACK_RED_ZONE;
        crate::coro::StackSegment {
            stack,
            old_guard,
            size,
        }
    }

    /// `oldstack`: back on the previous segment after a `newstack` segment's entry returned.
    pub fn oldstack(&mut self, seg: crate::coro::StackSegment) {
        self.stack_guard = seg.old_guard;
        self.seg_bytes -= seg.size;
        if self.spare.is_none() && seg.size == crate::coro::SEGMENT_SIZE {
            self.spare = Some(seg.stack);
        }
    }

    /// The M this G is running on (`getg().m`), exclusively ours until the next suspend.
    #[inline]
    pub(crate) fn mc(&mut self) -> &mut Mcore {
        // SAFETY: `m` was handed to us by the M's g0 in the last `Resume`; g0 is blocked in
        // `Coroutine::resume` until we suspend, and does not touch its `Mcore` meanwhile,
        // so this is the only live reference. The borrow is tied to `&mut self`, and
        // `suspend` also takes `&mut self`, so it cannot be held across a switch (I3).
        unsafe { &mut *self.m }
    }

    /// `mcall`: switch to g0 with `p`; returns when some M resumes this G.
    pub(crate) fn suspend(&mut self, p: Park) {
        // SAFETY: the yielder outlives the coroutine body, which owns this Gctx; we are on
        // the coroutine's own stack (Gctx is !Send and only created inside it).
        let r = unsafe { &*self.yielder }.suspend(p);
        self.m = r.m;
    }

    /// `gopark(unlockf, lock, reason)`: park this G; `unlock` is performed by g0 after the
    /// switch (park_m). Returns after some M readied and resumed us.
    pub(crate) fn gopark(&mut self, reason: WaitReason, unlock: Unlock) {
        self.suspend(Park::Wait(reason, unlock));
    }

    /// `runtime.LockOSThread`: `lockedExt++` (records `gp.lockedm`; see `G::locked_ext`).
    pub fn lock_os_thread(&mut self) {
        let n = self.g.locked_ext.load(Ordering::Relaxed);
        if n == u32::MAX {
            crate::fatal::throw("LockOSThread nesting overflow");
        }
        self.g.locked_ext.store(n + 1, Ordering::Relaxed); // only this G writes it
    }

    /// `runtime.UnlockOSThread`: `lockedExt--` (no-op when not locked).
    pub fn unlock_os_thread(&mut self) {
        let n = self.g.locked_ext.load(Ordering::Relaxed);
        if n > 0 {
            self.g.locked_ext.store(n - 1, Ordering::Relaxed);
        }
    }

    /// The goroutine id (`getg().goid`); main is 1.
    pub fn goid(&self) -> u64 {
        self.g.goid()
    }

    /// Safe point (Go's stack-guard check in function prologues): the VM calls it at
    /// backward jumps and calls. If sysmon (or a stop-the-world) asked to preempt this G,
    /// yield as `gopreempt_m` does (to the global queue). Also checks that the native
    /// stack has not grown into its red zone (deep native re-entrance), throwing
    /// `fatal error: stack overflow` instead of corrupting memory. Fast path: one relaxed
    /// load and one compare.
    #[inline]
    pub fn safepoint(&mut self) {
        self.safepoint_with(|| {})
    }

    /// [`Gctx::safepoint`], calling `before_stop` first when the G is about to stop (to be
    /// preempted, or to run a collection): the VM drops the values its returned frames left
    /// in registers, so that they do not keep objects alive.
    #[inline]
    pub fn safepoint_with(&mut self, before_stop: impl FnOnce()) {
        if self.g.preempt.load(Ordering::Relaxed) {
            // Relaxed: a late observation only delays preemption by one safe point.
            before_stop();
            self.preempt_slow();
        }
        let probe = 0u8;
        if (std::ptr::addr_of!(probe) as usize) < self.stack_guard {
            self.stack_overflow();
        }
    }

    #[cold]
    #[inline(never)]
    fn stack_overflow(&mut self) -> ! {
        eprintln!("runtime: goroutine stack exceeds 1000000000-byte limit");
        crate::fatal::throw("stack overflow")
    }

    #[cold]
    #[inline(never)]
    fn preempt_slow(&mut self) {
        // A wanted collection runs here, and the G goes on (sysmon asks again if its time
        // slice is over).
        if self.gc_requested() {
            return;
        }
        self.suspend(Park::Preempted);
    }

    /// `runtime.Gosched()`: yield the P; this G goes to the global run queue tail.
    pub fn gosched(&mut self) {
        self.suspend(Park::Gosched);
    }

    /// `time.Sleep(d)` (`timeSleep`): park on a timer with wait reason "sleep". Never
    /// blocks the M. `d == 0` returns at once, as Go's `ns <= 0`.
    pub fn sleep(&mut self, d: Duration) {
        if d.is_zero() {
            return;
        }
        let ns = i64::try_from(d.as_nanos()).unwrap_or(i64::MAX);
        let when = crate::time::nanotime().saturating_add(ns);
        // resetForSleep: the timer is armed by g0 after we are parked.
        self.gopark(WaitReason::Sleep, Unlock::Sleep(when));
    }

    /// Park forever (`gopark(nil, nil, reason)`): nil channel operations, `select {}`.
    /// Only a deadlock report or the end of the program follows.
    pub fn block_forever(&mut self, reason: WaitReason) -> ! {
        self.gopark(reason, Unlock::None);
        crate::fatal::throw("block_forever: goroutine resumed")
    }

    /// `runtime.Goexit()`: end this goroutine now (the VM has already run its deferred
    /// calls). For goroutine 1 the program does not end: it continues until the other
    /// goroutines exit, and then fails with Go's
    /// `fatal error: no goroutines (main called runtime.Goexit) - deadlock!`.
    pub fn goexit(&mut self) -> ! {
        self.suspend(Park::Goexit);
        crate::fatal::throw("goexit: goroutine resumed")
    }

    /// Set the printer of this G's frame lines for dumps (deadlock, panics): it returns
    /// lines such as `"main.main()\n\t/path/prog.go:8 +0x0\n"`. Called from another M
    /// while this G is parked, so it must read state the VM keeps shareable.
    pub fn set_traceback(&mut self, f: TracebackFn) {
        self.g.info.lock().traceback = Some(f);
    }

    /// Set the name of the function this G runs, as shown in dumps (by default the
    /// `start_fn` given to `go`).
    pub fn set_start_fn(&mut self, name: Arc<str>) {
        self.g.info.lock().start_fn = name;
    }
}
