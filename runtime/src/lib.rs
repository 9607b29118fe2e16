//! minigo-runtime: Go's G/M/P scheduler for minigo's bytecode VM.
//!
//! # Design
//!
//! - **G** (`runtime2::G`): a goroutine — status word with Go's numbering, goid, wait
//!   reason, and a corosensei coroutine (its own native stack) that runs the VM's closure.
//! - **M** (`runtime2::M`/`Mcore`): an OS thread; its native stack is *g0*, which runs
//!   `schedule()` in a loop and resumes Gs; a G gives control back by suspending (`mcall`).
//! - **P** (`runtime2::P`): the right to run Go code — local run queue (256 + runnext),
//!   G free list, timers — owned by value (`Box<P>`) by the M that runs it.
//!
//! ## Park / ready (gopark → park_m → ready), with no lost wakeup
//!
//! 1. The G takes the lock of what it waits on (a channel's raw mutex), enqueues its
//!    sudog, and suspends to g0 with `Park::Wait(reason, unlock)` — the lock still held.
//! 2. On g0 (same OS thread), `park_m` CASes the G Running→Waiting, then performs
//!    `unlock` (releases the lock / arms the sleep timer). Only now can a waker find the
//!    sudog; the coroutine is already fully suspended.
//! 3. A waker dequeues the sudog under the lock, writes the value and `success`, sets
//!    `g.param`, *unlocks*, then `ready`: CAS Waiting→Runnable (throws "bad g->status in
//!    ready" otherwise) and `runqput(p, g, next=true)` + `wakep`.
//! 4. Some M's `execute` wins the Runnable→Running CAS and alone resumes the coroutine,
//!    passing itself in `Resume`; the G reads its sudog's outcome.
//!
//! ## Spinning Ms (wakep / findrunnable), as Go's "delicate dance"
//!
//! 1. A submitter (newproc, ready, handoffp) publishes the G in a queue, then (StoreLoad,
//!    SeqCst) checks `nmspinning`: if 0 and a P is idle, `wakep` CASes it 0→1 and
//!    `startm(p, spinning=true)`; if no P is idle it sets `needspinning`.
//! 2. A spinning M looks at its queues, the global queue, and steals (4 rounds over the
//!    Ps in random coprime order; timers and runnext in the last round). At most half the
//!    busy Ps may have spinning Ms.
//! 3. Finding work, a spinning M stops spinning (`resetspinning`) and, if it was the last
//!    spinner, wakes another (`wakep`) so newly submitted work is not stranded.
//! 4. Finding none, it releases its P (`pidleput`), *then* decrements `nmspinning`, then
//!    (SeqCst fence) re-checks the global queue, every P's queue and the timers; any work
//!    seen makes it re-acquire a P and spin again. Else, with live timers pending, one M
//!    sleeps until the earliest (`netpoll`), the others `stopm` (→ `checkdead`).
//!
//! ## Invariants
//!
//! - I1: a G's coroutine/stack is touched only by its owner: the M that won the
//!   Runnable→Running CAS (until the G switches back to it), or whoever holds the dead G
//!   (a free list). The CAS is AcqRel, so ownership transfers carry the stack's writes.
//! - I2: anything that lets another M wake a parking G (unlocking the channel, arming
//!   the timer) happens on g0 *after* the G's Running→Waiting CAS (park_m).
//! - I3: G code never caches its M: the M arrives in `Resume` on every resume; no TLS,
//!   `Rc`, or lock guard lives across a suspend (coro.rs has the full argument).
//! - I4: a P's owner-only state (local queue push, G free list, stack cache, goid cache,
//!   schedtick) is reached only through `&mut P`, i.e. by the M holding the `Box<P>`.
//! - I5: sched.lock guards the idle P and M lists, the global run and free queues and the
//!   M counters, so checkdead sees them consistently; Ms are counted (mnext) before the
//!   lock is dropped in startm (mReserveID).
//! - I6: `Sched::allgs` holds every G ever made and never shrinks, so raw `*const G`
//!   (a P's `curg`, used by sysmon to preempt) never dangles.
//! - I7: channel invariants C1–C4 in chan.rs; a G is never readied while a channel lock
//!   is held.
//!
//! Files: runtime2 (types) · proc (scheduler) · runq (local queue facade) · park (Gctx,
//! gopark, Note) · coro (coroutines, stacks) · chan · select · sema (semaphores, sync
//! Mutex/RWMutex/WaitGroup/Cond) · time (timers, sleep) · syscall · sysmon (retake,
//! preemption, STW) · trace (schedtrace, dumps) · fatal (throw, panic).
//!
//! # Where minigo differs from Go
//!
//! - Preemption is cooperative at the VM's safe points (backward jumps, calls): no
//!   signal-based async preemption is needed since every loop has a safe point.
//! - A G's native stack is fixed (`STACK_SIZE`, 256 KiB of address space) and created
//!   lazily at the G's first run; `Gctx::safepoint` checks it like Go's stackguard0.
//!   The first 8192 live stacks have guard pages, later ones come from slabs (Linux's
//!   65530-mapping limit would otherwise cap parked goroutines near 32k).
//!   Memory per parked G (examples/many.rs, 100k Gs): 4.45 KiB of RSS — one touched
//!   stack page plus the G — and 0.50 KiB of page tables. 64 KiB stacks would leave RSS
//!   unchanged (only touched pages count) and cut page tables to 0.13 KiB, but the VM's
//!   nested dispatch loops (a `String()` method called by fmt) use ≈3.5 KiB of native
//!   stack per level, so 256 KiB is kept. Parking in less than Go's ≈2.7 KB needs a
//!   stackless park (the VM resumable at an instruction boundary, its native stack back
//!   in the P's pool while parked: ARCHITECTURE.md "Memory per goroutine").
//! - Sudogs live in the blocked G's frame (Go takes them from a per-P cache): no
//!   allocation per blocking channel operation or select (chan.rs C5).
//! - Go's system goroutines do not exist, but their goids are skipped (`RunOpts`) so
//!   user goroutine ids match Go's under GOMAXPROCS=1, and P0's schedtick counts them
//!   (the `schedtick%61` global-queue check happens at Go's ticks).
//! - Semaphores keep one queue per semaphore (Go hashes into 251 treaps); sync.Mutex
//!   does not spin before parking.
//! - Timers are callbacks on a per-P 4-ary heap; channel timers (`after_chan`,
//!   `ticker_chan`) stay in the heap but, as in Go ≥ 1.23, only count for deadlock
//!   detection while a goroutine waits on their channel.
//!
//! # Using it from the VM
//!
//! ```
//! use std::sync::Arc;
//! use minigo_runtime::{run_main, Chan, Config};
//!
//! let cfg = Config { gomaxprocs: 2, ..Config::default() }; // or Config::from_env()
//! run_main(cfg, Box::new(|g| {
//!     // g: &mut Gctx, the running goroutine (here goroutine 1, main.main).
//!     let c: Chan<i64> = Chan::new(0);
//!     let c2 = c.clone();
//!     g.go(Arc::from("main.worker"), Box::new(move |g| {
//!         c2.send(g, 42).unwrap(); // Err(ChanError::SendOnClosed) → Go panic
//!     }));
//!     assert_eq!(c.recv(g), (Some(42), true));
//! }));
//! // The process should now exit(0): other goroutines are abandoned, as in Go.
//! ```
//!
//! The VM calls `g.safepoint()` at backward jumps and calls (preemption and the native
//! stack check), wraps blocking host calls in `g.syscall(|| ...)`, registers a frame
//! printer with `g.set_traceback`, and reports unrecovered panics with `fatalpanic`.

#![warn(missing_docs)]

mod chan;
mod coro;
mod fatal;
mod malloc;
mod mgc;
mod park;
mod proc;
mod rand;
#[cfg(loom)]
#[doc(hidden)]
pub mod runq;
#[cfg(not(loom))]
mod runq;
mod runtime2;
mod select;
mod sema;
#[cfg(loom)]
#[doc(hidden)]
pub mod sync;
#[cfg(not(loom))]
mod sync;
mod syscall;
mod sysmon;
mod time;
mod trace;

use std::sync::atomic::Ordering;

pub use chan::{Chan, ChanError};
pub use coro::{GEntry, StackSegment, STACK_SIZE};
pub use fatal::{fatal, fatal_on, fatalpanic, sigpipe, throw};
pub use malloc::{mallocinit, memstats, GoAlloc};
pub use mgc::{addr, track, GcHeader, GcStats, Trace};
pub use park::Gctx;
#[cfg(loom)]
#[doc(hidden)]
pub use park::Note;
pub use proc::{run_main, run_main_with, RunOpts};
pub use runtime2::{TracebackFn, WaitReason};
pub use select::{select, SelectCase};
pub use sema::{Mutex, NotifyList, RWMutex, Sema, WaitGroup};
pub use time::{nanotime, TimerHandle};

/// Scheduler configuration (`schedinit`'s environment parsing).
#[derive(Clone, Debug)]
pub struct Config {
    /// Number of Ps (`GOMAXPROCS`), ≥ 1.
    pub gomaxprocs: usize,
    /// `GODEBUG=schedtrace=N`: print a `SCHED` line every N ms (0 = off).
    pub schedtrace_ms: u64,
    /// `GODEBUG=scheddetail=1`: detailed P/M/G lines with schedtrace.
    pub scheddetail: bool,
    /// `GODEBUG=gctrace=1`: a line on standard error per collection.
    pub gctrace: bool,
    /// `MINIGO_SCHED_SEED=n`: seeded random scheduling mode (random runnext use, random
    /// steal victim order, random select poll order, all from seeded generators).
    pub sched_seed: Option<u64>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            gomaxprocs: num_cpu(),
            schedtrace_ms: 0,
            scheddetail: false,
            gctrace: false,
            sched_seed: None,
        }
    }
}

impl Config {
    /// From the environment: `GOMAXPROCS` (a positive integer; anything else means the
    /// default, the number of CPUs), `GODEBUG` (`schedtrace=N`, `scheddetail=1`),
    /// `MINIGO_SCHED_SEED`.
    pub fn from_env() -> Config {
        let mut c = Config::default();
        if let Ok(v) = std::env::var("GOMAXPROCS") {
            if let Ok(n) = v.trim().parse::<i64>() {
                if n > 0 {
                    c.gomaxprocs = n as usize;
                }
            }
        }
        if let Ok(v) = std::env::var("GODEBUG") {
            c.apply_godebug(&v);
        }
        if let Ok(v) = std::env::var("MINIGO_SCHED_SEED") {
            c.sched_seed = v.trim().parse::<u64>().ok();
        }
        c
    }

    /// Apply a `GODEBUG` value (`key=value` pairs separated by commas; unknown keys are
    /// ignored, as Go does).
    pub fn apply_godebug(&mut self, v: &str) {
        for kv in v.split(',') {
            let mut it = kv.splitn(2, '=');
            let k = it.next().unwrap_or("").trim();
            let val = it.next().unwrap_or("").trim();
            match k {
                "schedtrace" => self.schedtrace_ms = val.parse().unwrap_or(0),
                "gctrace" => self.gctrace = val.parse::<i64>().map(|n| n != 0).unwrap_or(false),
                "scheddetail" => {
                    self.scheddetail = val.parse::<i64>().map(|n| n != 0).unwrap_or(false)
                }
                _ => {}
            }
        }
    }
}

/// `runtime.NumCPU()`.
pub fn num_cpu() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
}

/// `runtime.NumGoroutine()` of the most recently started scheduler.
pub fn num_goroutine() -> usize {
    fatal::current_sched()
        .map(|s| s.ngoroutine.load(Ordering::Relaxed).max(1) as usize)
        .unwrap_or(0)
}

/// `runtime.GOMAXPROCS(n)` as a query: returns the current setting. Changing it needs the
/// calling goroutine (the world is stopped at safe points): use `Gctx::gomaxprocs(n)`;
/// this function ignores `n >= 1`.
pub fn gomaxprocs(_n: i32) -> i32 {
    fatal::current_sched().map(|s| s.gomaxprocs()).unwrap_or(0)
}

impl Gctx {
    /// `runtime.NumGoroutine()` for this goroutine's scheduler.
    pub fn num_goroutine(&mut self) -> usize {
        self.g
            .sched
            .upgrade()
            .map(|s| s.ngoroutine.load(Ordering::Relaxed).max(1) as usize)
            .unwrap_or(1)
    }
}
