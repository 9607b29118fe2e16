//! coro: each G runs on its own corosensei coroutine, which migrates between Ms.
//!
//! The one hard `unsafe` of the runtime lives here: a suspended `Coroutine` is `!Send`
//! because nothing proves the values on its stack are `Send`. The argument that sending
//! it is sound, written once:
//!
//! 1. The coroutine's entry closure is `Send + 'static` (`Gctx::go` bounds), and the only
//!    runtime values on a G's stack at a suspend point are `Gctx` (raw pointers that are
//!    re-validated on every resume) and arguments of `gopark` that are plain data.
//! 2. No `thread_local!`, `Rc`, `RefCell` guard or lock guard is held across a suspend:
//!    every suspend point is `Gctx::suspend` (park.rs), whose callers hold none; channel
//!    locks are raw mutexes released by g0 after the switch (I2), not guards.
//! 3. The current M is never cached in TLS by G code: it arrives in `Resume` on every
//!    resume and replaces the pointer in `Gctx` (I3).
//! 4. A coroutine is resumed only by the M that won its G's Runnable→Running CAS (I1),
//!    so it is never resumed concurrently, and the CAS orders all prior stack writes.
//!
//! Stacks are reused: an exited G's stack goes to its P's stack cache (spilling to a
//! global pool), and a G takes one at its *first* execute — coroutines are created
//! lazily, so a runnable G that never ran holds no stack. Building a coroutine on a
//! reused stack with `Coroutine::with_stack` costs ≈20 ns instead of ≈9 µs for
//! mmap + mprotect + munmap. G structs themselves are recycled by `gfget`/`gfput`.

use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

use std::sync::atomic::{AtomicUsize, Ordering};

use corosensei::stack::{DefaultStack, Stack, StackPointer};
use corosensei::{Coroutine, CoroutineResult, Yielder};
use parking_lot::Mutex;

use crate::runtime2::{Park, Resume, G};
use crate::Gctx;

/// Native stack size of a goroutine's coroutine: 256 KiB of address space (the VM keeps
/// Go frames on the heap, so only the interpreter loop and runtime calls live here; pages
/// are committed only when touched). Plus one guard page.
pub const STACK_SIZE: usize = 256 * 1024;

/// Stacks with a guard page (one mmap + mprotect each = 2 kernel VMAs) are used for the
/// first this-many live stacks; past that, stacks come from slabs (64 per allocation, no
/// guard page) so that 100 000 parked goroutines stay under Linux's default
/// `vm.max_map_count` (65530). Both kinds are protected by the software check in
/// `Gctx::safepoint` (Go's stackguard0 check), which throws before the red zone is used.
const MAX_GUARDED_STACKS: usize = 8192;
/// Stacks per slab allocation.
const SLAB_STACKS: usize = 64;
/// Bytes at the low end of a stack that the safepoint check keeps free for runtime calls
/// made after the check (Go's `stackGuard`).
pub(crate) const STACK_RED_ZONE: usize = 64 * 1024;

static GUARDED_LIVE: AtomicUsize = AtomicUsize::new(0);
/// Free slab stacks (their top addresses); slabs are never returned to the OS.
static SLAB_FREE: Mutex<Vec<usize>> = Mutex::new(Vec::new());

/// A goroutine stack (`stackalloc`): guarded mmap or slab.
pub(crate) enum GStack {
    Guarded(DefaultStack),
    Slab(usize),
}

impl GStack {
    /// `stackalloc(STACK_SIZE)`.
    pub(crate) fn alloc() -> GStack {
        // Relaxed: a soft limit.
        if GUARDED_LIVE.fetch_add(1, Ordering::Relaxed) < MAX_GUARDED_STACKS {
            if let Ok(s) = DefaultStack::new(STACK_SIZE) {
                return GStack::Guarded(s);
            }
        }
        GUARDED_LIVE.fetch_sub(1, Ordering::Relaxed);
        let mut free = SLAB_FREE.lock();
        if free.is_empty() {
            let layout = match std::alloc::Layout::from_size_align(STACK_SIZE * SLAB_STACKS, 4096) {
                Ok(l) => l,
                Err(_) => crate::fatal::throw("out of memory (stackalloc)"),
            };
            // SAFETY: the layout has non-zero size; the memory is never freed (slab stacks
            // are recycled through SLAB_FREE), so the region stays valid forever.
            let base = unsafe { std::alloc::alloc(layout) } as usize;
            if base == 0 {
                crate::fatal::throw("out of memory (stackalloc)");
            }
            for i in 0..SLAB_STACKS {
                free.push(base + (i + 1) * STACK_SIZE);
            }
        }
        match free.pop() {
            Some(top) => GStack::Slab(top),
            None => crate::fatal::throw("out of memory (stackalloc)"),
        }
    }
}

impl Drop for GStack {
    fn drop(&mut self) {
        match self {
            GStack::Guarded(_) => {
                GUARDED_LIVE.fetch_sub(1, Ordering::Relaxed); // soft limit
            }
            GStack::Slab(top) => SLAB_FREE.lock().push(*top),
        }
    }
}

// SAFETY: both variants describe a region [limit, base) that is valid, writable and owned
// by this value for its whole life (mmap'd by DefaultStack, or a slab slot handed out
// once from SLAB_FREE); addresses are 4096-aligned (≥ STACK_ALIGNMENT).
unsafe impl Stack for GStack {
    fn base(&self) -> StackPointer {
        match self {
            GStack::Guarded(s) => s.base(),
            GStack::Slab(top) => match StackPointer::new(*top) {
                Some(p) => p,
                None => crate::fatal::throw("stackalloc: null stack"),
            },
        }
    }
    fn limit(&self) -> StackPointer {
        match self {
            GStack::Guarded(s) => s.limit(),
            GStack::Slab(top) => match StackPointer::new(*top - STACK_SIZE) {
                Some(p) => p,
                None => crate::fatal::throw("stackalloc: null stack"),
            },
        }
    }
}

/// One extra native stack segment of a G (`newstack`): 1 MiB of address space (mmap'd with
/// a guard page; pages are committed only when touched).
pub const SEGMENT_SIZE: usize = 1 << 20;
/// Total extra segments a G may hold at once before `fatal error: stack overflow` (Go's own
/// limit is a 1 GB stack; a nested interpreter entry costs ~4 KiB of native stack, so this
/// allows ~60 000 nested callbacks such as recursive `String()` methods).
pub(crate) const MAX_SEGMENT_BYTES: usize = 256 << 20;
/// A nested interpreter entry moves to a new segment when less than this is left above the
/// stack guard (Go's morestack check, with room for one entry's frames).
pub(crate) const MORESTACK_MARGIN: usize = 64 * 1024;

/// A stack segment in use (see `Gctx::newstack`): the stack and the guard to restore.
pub struct StackSegment {
    pub(crate) stack: DefaultStack,
    pub(crate) old_guard: usize,
    /// Bytes of address space (`SEGMENT_SIZE` unless made by `newstack_sized`).
    pub(crate) size: usize,
}

impl StackSegment {
    /// Run `f` on this segment (the caller's frames stay on the old stack until `f`
    /// returns). The G may park inside `f`: a coroutine switch saves and restores the stack
    /// pointer wherever it points, and the segment lives in the caller's frame, so it
    /// outlives the switch.
    pub fn run<R>(&mut self, f: impl FnOnce() -> R) -> R {
        corosensei::on_stack(&mut self.stack, f)
    }
}

pub(crate) fn segment_alloc(size: usize) -> DefaultStack {
    match DefaultStack::new(size) {
        Ok(s) => s,
        Err(_) => crate::fatal::throw("out of memory (newstack)"),
    }
}

/// The entry closure of a G (`fn` of `newproc`).
pub type GEntry = Box<dyn FnOnce(&mut Gctx) + Send + 'static>;

/// A G's coroutine. See the module comment for why `Send` holds.
pub(crate) struct GCoro(Coroutine<Resume, Park, Option<Box<dyn Any + Send>>, GStack>);

// SAFETY: points 1–4 of the module comment: only Send data lives on the coroutine stack
// across suspends, no TLS/Rc/guards are held there, the M arrives in `Resume`, and only
// the winner of the Runnable→Running CAS resumes it.
unsafe impl Send for GCoro {}

/// Coroutine state of a G (the `stack`, `sched` and `fn` of Go's `g`).
#[derive(Default)]
pub(crate) struct GStackState {
    /// The stack for the next coroutine (given by execute from the P's stack cache), or
    /// the stack of the finished one (goexit0 returns it to the cache).
    pub(crate) stack: Option<GStack>,
    /// The entry closure, until the first execute builds the coroutine.
    pub(crate) entry: Option<GEntry>,
    pub(crate) coro: Option<GCoro>,
}

/// What a resume produced.
pub(crate) enum Switch {
    Park(Park),
    /// The G's function returned (goexit); `Some` carries a Rust panic payload.
    Exit(Option<Box<dyn Any + Send>>),
}

impl GStackState {
    /// Resume the G (building its coroutine on first run). `gp` is the G this state
    /// belongs to; caller must own it (I1).
    pub(crate) fn resume(&mut self, gp: &Arc<G>, r: Resume) -> Switch {
        if self.coro.is_none() {
            let stack = match self.stack.take() {
                Some(s) => s,
                None => GStack::alloc(),
            };
            let guard = stack.limit().get() + STACK_RED_ZONE;
            let entry = match self.entry.take() {
                Some(e) => e,
                None => crate::fatal::throw("newproc1: newg missing entry"),
            };
            let g = gp.clone();
            let co = Coroutine::with_stack(stack, move |y: &Yielder<Resume, Park>, r: Resume| {
                let mut ctx = Gctx::new(g, y, r.m, guard);
                catch_unwind(AssertUnwindSafe(|| entry(&mut ctx))).err()
            });
            self.coro = Some(GCoro(co));
        }
        let co = match self.coro.as_mut() {
            Some(c) => c,
            None => crate::fatal::throw("execute: no coroutine"),
        };
        match co.0.resume(r) {
            CoroutineResult::Yield(p) => Switch::Park(p),
            CoroutineResult::Return(payload) => {
                if let Some(c) = self.coro.take() {
                    // The coroutine finished: keep its stack for the next G (gfput).
                    self.stack = Some(c.0.into_stack());
                }
                Switch::Exit(payload)
            }
        }
    }
}
