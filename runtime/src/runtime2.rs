//! runtime2: the scheduler's data structures (Go's `runtime2.go`): G, M, P, Sched,
//! statuses, wait reasons, and the values exchanged between a G and its M's g0 on each
//! switch (`Resume` in, `Park` out).

use crate::sync::AtomicPtr;
use std::cell::UnsafeCell;
use std::collections::VecDeque;
use std::sync::atomic::{
    AtomicBool, AtomicI32, AtomicI64, AtomicU32, AtomicU64, AtomicU8, AtomicUsize, Ordering,
};
use std::sync::{Arc, Weak};

use parking_lot::{Mutex, RwLock};

use crate::coro::GStackState;
use crate::park::Note;
use crate::rand::CheapRand;
use crate::runq;
use crate::time::Timers;

// ---------------------------------------------------------------------------------------
// G statuses (runtime2.go `_Gidle` ... `_Gpreempted`), with Go's numbering.

/// `_Gidle`: just allocated, not yet initialised.
pub const G_IDLE: u32 = 0;
/// `_Grunnable`: on a run queue; its stack is not owned by anyone.
pub const G_RUNNABLE: u32 = 1;
/// `_Grunning`: owns its coroutine, is running on an M that has a P.
pub const G_RUNNING: u32 = 2;
/// `_Gsyscall`: running a blocking call outside the scheduler; has an M, not a P.
pub const G_SYSCALL: u32 = 3;
/// `_Gwaiting`: blocked in the runtime, recorded somewhere (a channel's sudog queue, a timer).
pub const G_WAITING: u32 = 4;
/// `_Gdead`: exited, on a free list (or never used).
pub const G_DEAD: u32 = 6;
/// `_Gpreempted`: stopped itself for a suspendG preemption (unused in minigo; kept for numbering).
pub const G_PREEMPTED: u32 = 9;

/// `gStatusStrings`: names used by goroutine headers and scheddetail.
pub(crate) fn gstatus_string(s: u32) -> &'static str {
    match s {
        0 => "idle",
        1 => "runnable",
        2 => "running",
        3 => "syscall",
        4 => "waiting",
        6 => "dead",
        8 => "copystack",
        9 => "preempted",
        _ => "???",
    }
}

// P statuses (runtime2.go `_Pidle` ...).
/// `_Pidle`: on the idle list, no M.
pub const P_IDLE: u32 = 0;
/// `_Prunning`: owned by an M that runs Go code or the scheduler.
pub const P_RUNNING: u32 = 1;
/// `_Psyscall`: parked in its M's syscall slot (Go ≤1.25 status; tip reads the G's status).
pub const P_SYSCALL: u32 = 2;
/// `_Pgcstop`: stopped for stop-the-world.
pub const P_GCSTOP: u32 = 3;
/// `_Pdead`: no longer used (GOMAXPROCS shrank).
pub const P_DEAD: u32 = 4;

// ---------------------------------------------------------------------------------------
// Wait reasons.

/// Why a G is in `_Gwaiting` (Go's `waitReason`); `as_str` gives Go's exact strings,
/// which appear in goroutine headers (`goroutine 1 [chan receive]:`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum WaitReason {
    /// `waitReasonZero`: "".
    Zero = 0,
    /// "IO wait".
    IoWait,
    /// "semacquire".
    Semacquire,
    /// "sleep" (time.Sleep).
    Sleep,
    /// "chan receive (nil chan)".
    ChanReceiveNilChan,
    /// "chan send (nil chan)".
    ChanSendNilChan,
    /// "select (no cases)" (`select {}`).
    SelectNoCases,
    /// "select".
    Select,
    /// "chan receive".
    ChanReceive,
    /// "chan send".
    ChanSend,
    /// "sync.Cond.Wait".
    SyncCondWait,
    /// "sync.Mutex.Lock".
    SyncMutexLock,
    /// "sync.RWMutex.RLock".
    SyncRWMutexRLock,
    /// "sync.RWMutex.Lock".
    SyncRWMutexLock,
    /// "sync.WaitGroup.Wait".
    SyncWaitGroupWait,
    /// "preempted".
    Preempted,
    /// "panicwait".
    PanicWait,
    /// "stopping the world".
    StoppingTheWorld,
    /// "finalizer wait" (the finalizer goroutine with nothing to run).
    FinalizerWait,
}

impl WaitReason {
    /// Go's `waitReasonStrings` entry.
    pub fn as_str(self) -> &'static str {
        match self {
            WaitReason::Zero => "",
            WaitReason::IoWait => "IO wait",
            WaitReason::Semacquire => "semacquire",
            WaitReason::Sleep => "sleep",
            WaitReason::ChanReceiveNilChan => "chan receive (nil chan)",
            WaitReason::ChanSendNilChan => "chan send (nil chan)",
            WaitReason::SelectNoCases => "select (no cases)",
            WaitReason::Select => "select",
            WaitReason::ChanReceive => "chan receive",
            WaitReason::ChanSend => "chan send",
            WaitReason::SyncCondWait => "sync.Cond.Wait",
            WaitReason::SyncMutexLock => "sync.Mutex.Lock",
            WaitReason::SyncRWMutexRLock => "sync.RWMutex.RLock",
            WaitReason::SyncRWMutexLock => "sync.RWMutex.Lock",
            WaitReason::SyncWaitGroupWait => "sync.WaitGroup.Wait",
            WaitReason::Preempted => "preempted",
            WaitReason::PanicWait => "panicwait",
            WaitReason::StoppingTheWorld => "stopping the world",
            WaitReason::FinalizerWait => "finalizer wait",
        }
    }

    pub(crate) fn from_u8(v: u8) -> WaitReason {
        const ALL: [WaitReason; 19] = [
            WaitReason::Zero,
            WaitReason::IoWait,
            WaitReason::Semacquire,
            WaitReason::Sleep,
            WaitReason::ChanReceiveNilChan,
            WaitReason::ChanSendNilChan,
            WaitReason::SelectNoCases,
            WaitReason::Select,
            WaitReason::ChanReceive,
            WaitReason::ChanSend,
            WaitReason::SyncCondWait,
            WaitReason::SyncMutexLock,
            WaitReason::SyncRWMutexRLock,
            WaitReason::SyncRWMutexLock,
            WaitReason::SyncWaitGroupWait,
            WaitReason::Preempted,
            WaitReason::PanicWait,
            WaitReason::StoppingTheWorld,
            WaitReason::FinalizerWait,
        ];
        ALL.get(v as usize).copied().unwrap_or(WaitReason::Zero)
    }
}

impl std::fmt::Display for WaitReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

// ---------------------------------------------------------------------------------------
// G.

/// Frame lines of a goroutine for dumps, supplied by the VM (`Gctx::set_traceback`).
pub type TracebackFn = Arc<dyn Fn() -> String + Send + Sync>;

/// Cold, per-incarnation facts about a G (reset by newproc when a dead G is reused).
pub(crate) struct GInfo {
    /// `startpc`, as a Go function name ("main.worker").
    pub(crate) start_fn: Arc<str>,
    /// `parentGoid`.
    pub(crate) parent_goid: u64,
    /// Function containing the `go` statement, for "created by ..." (`gopc`'s function).
    pub(crate) creator_fn: Arc<str>,
    /// Location line of the `go` statement ("/path/prog.go:11 +0x76"), if the VM gave one.
    pub(crate) creator_loc: Option<Arc<str>>,
    /// Frame lines printer, if the VM gave one.
    pub(crate) traceback: Option<TracebackFn>,
}

/// A goroutine (Go's `g`). Shared as `Arc<G>`; `Sched::allgs` holds every G ever created
/// and never shrinks (I6), so a raw `*const G` taken from an `Arc` stays valid for the
/// life of the scheduler.
pub struct G {
    /// `goid`; changes when a dead G is reused by newproc.
    pub(crate) goid: AtomicU64,
    /// `atomicstatus`, Go numbering (`G_*`).
    pub(crate) status: AtomicU32,
    /// `waitreason`, meaningful in `_Gwaiting`.
    pub(crate) waitreason: AtomicU8,
    /// `waitsince`: nanotime when the G blocked (0 while running).
    pub(crate) waitsince: AtomicI64,
    /// `preempt`: set by sysmon's preemptone / STW; polled by `Gctx::safepoint`.
    pub(crate) preempt: AtomicBool,
    /// `selectDone`: select wakeup arbitration (CAS 0→1 by the one waker that wins).
    pub(crate) select_done: AtomicU32,
    /// `param`: address of the sudog that woke this G (0 = none); see chan.rs/select.rs.
    pub(crate) param: AtomicUsize,
    /// `m` id running this G (-1 = none), for scheddetail.
    pub(crate) m_id: AtomicI64,
    /// `m.lockedExt` of a G that called `runtime.LockOSThread` (nesting count; Go keeps it
    /// on the M it wires the G to). Nonzero ⇒ `gp.lockedm != 0`, which goroutineheader
    /// prints as ", locked to thread". The G↔M wiring itself is not enforced: a locked G
    /// may still be resumed by another M.
    pub(crate) locked_ext: AtomicU32,
    /// A goroutine of the runtime's own (the finalizer goroutine): hidden from
    /// `NumGoroutine`, dumps and the deadlock check, as Go's `isSystemGoroutine`.
    pub(crate) system: AtomicBool,
    /// The coroutine, its stack and entry closure. Touched only by the owner of the G:
    /// the M that won the Runnable→Running CAS, or the P whose free list holds it (I1).
    pub(crate) stack: UnsafeCell<GStackState>,
    pub(crate) info: Mutex<GInfo>,
    /// The scheduler this G belongs to (for wakeups issued from outside any M).
    pub(crate) sched: Weak<Sched>,
}

// SAFETY: every field but `stack` is Sync by itself. `stack` (the coroutine and entry
// closure) is accessed only by the G's current owner as defined by invariant I1 (status
// CAS Runnable→Running, or being on exactly one free list while Dead), so no two threads
// touch it concurrently, and ownership changes are ordered by the AcqRel status CAS /
// run-queue publication.
unsafe impl Sync for G {}
// SAFETY: see `Sync`; the coroutine wrapper itself is `Send` (coro.rs).
unsafe impl Send for G {}

impl G {
    pub(crate) fn new(sched: Weak<Sched>) -> G {
        G {
            goid: AtomicU64::new(0),
            status: AtomicU32::new(G_IDLE),
            waitreason: AtomicU8::new(0),
            waitsince: AtomicI64::new(0),
            preempt: AtomicBool::new(false),
            select_done: AtomicU32::new(0),
            param: AtomicUsize::new(0),
            m_id: AtomicI64::new(-1),
            locked_ext: AtomicU32::new(0),
            system: AtomicBool::new(false),
            stack: UnsafeCell::new(GStackState::default()),
            info: Mutex::new(GInfo {
                start_fn: Arc::from(""),
                parent_goid: 0,
                creator_fn: Arc::from(""),
                creator_loc: None,
                traceback: None,
            }),
            sched,
        }
    }

    pub(crate) fn goid(&self) -> u64 {
        self.goid.load(Ordering::Relaxed) // set before the G is published (runqput release)
    }

    pub(crate) fn readstatus(&self) -> u32 {
        self.status.load(Ordering::Acquire) // pairs with the AcqRel CAS in casgstatus
    }

    /// `casgstatus(gp, old, new)`: throws on an unexpected current status.
    pub(crate) fn casgstatus(&self, old: u32, new: u32) {
        // AcqRel: the CAS hands ownership of the G's stack between threads (I1).
        if let Err(cur) =
            self.status
                .compare_exchange(old, new, Ordering::AcqRel, Ordering::Acquire)
        {
            crate::fatal::throw(&format!(
                "casgstatus: bad incoming values (goid {} old {} new {} cur {})",
                self.goid(),
                gstatus_string(old),
                gstatus_string(new),
                gstatus_string(cur)
            ));
        }
    }

    pub(crate) fn waitreason(&self) -> WaitReason {
        WaitReason::from_u8(self.waitreason.load(Ordering::Relaxed)) // informational
    }
}

// ---------------------------------------------------------------------------------------
// G ⇄ g0 switch values.

/// What g0 must do after the G suspended (Go's `m.waitunlockf`/`m.waitlock`), done in
/// park_m after the switch so that no wakeup is lost (I2).
pub(crate) enum Unlock {
    /// Nothing: the G waits forever (nil channel, `select {}`) or is readied by a queue
    /// entry published before the park (none today).
    None,
    /// `parkunlock_c`: release one raw channel lock.
    Lock(*const parking_lot::RawMutex),
    /// `selparkcommit`: release several channel locks (distinct, lock order).
    Locks(Vec<*const parking_lot::RawMutex>),
    /// `resetForSleep`: arm the G's sleep timer for `when` on the current P.
    Sleep(i64),
}

/// The value a G yields to its M's g0 (the `mcall` argument).
pub(crate) enum Park {
    /// gopark → park_m.
    Wait(WaitReason, Unlock),
    /// Gosched → gosched_m → goschedImpl(preempted=false).
    Gosched,
    /// safepoint saw `preempt` → gopreempt_m → goschedImpl(preempted=true).
    Preempted,
    /// goyield → goyield_m: to the *local* queue tail (semrelease handoff).
    Yield,
    /// exitsyscall found no P → exitsyscallNoP.
    SyscallNoP,
    /// runtime.Goexit → goexit1 → goexit0, without returning from the entry closure.
    Goexit,
}

/// The value g0 passes to a G on every resume: the M it now runs on. G code never
/// reads a thread-local to find its M (I3).
#[derive(Clone, Copy)]
pub(crate) struct Resume {
    pub(crate) m: *mut Mcore,
}

// ---------------------------------------------------------------------------------------
// P.

/// Shared part of a P: what other Ms, sysmon and tracing may touch.
pub(crate) struct PShared {
    pub(crate) id: usize,
    /// `status` (`P_*`).
    pub(crate) status: AtomicU32,
    /// `runnext`: an owned `Arc<G>` as a raw pointer (null = empty). Only the owner P
    /// stores a G; others may only swap it to null (runqgrab).
    pub(crate) runnext: AtomicPtr<G>,
    pub(crate) stealer: runq::Stealer<Arc<G>>,
    /// Per-P timers (time.rs).
    pub(crate) timers: Timers,
    /// Mirror of `P::schedtick` for sysmon/schedtrace.
    pub(crate) schedtick: AtomicU32,
    /// `syscalltick`.
    pub(crate) syscalltick: AtomicU32,
    /// Id of the owning M, -1 = none.
    pub(crate) m_id: AtomicI64,
    /// The G running on this P (raw, never owning; valid by I6), null = none.
    pub(crate) curg: AtomicPtr<G>,
    /// The P itself while its M is in a syscall (`m.oldp`); sysmon's retake takes it.
    pub(crate) syscall_slot: Mutex<Option<Box<P>>>,
    /// `idlepMask` bit.
    pub(crate) idle: AtomicBool,
    /// gFree size mirror, for scheddetail.
    pub(crate) gfreecnt: AtomicUsize,
}

impl PShared {
    /// `runqempty(pp)`: no G in runq or runnext (may be momentarily stale, never wrong
    /// in the direction that matters for the spinning protocol, thanks to SeqCst fences).
    pub(crate) fn runqempty(&self) -> bool {
        self.stealer.is_empty() && self.runnext.load(Ordering::Acquire).is_null()
        // Acquire: see runnext stores
    }

    /// `t - h` plus runnext, for schedtrace.
    pub(crate) fn runqsize(&self) -> usize {
        self.stealer.len()
    }
}

/// A P, owned by value (`Box<P>`) by the M that runs it, as tokio's `Box<Core>`: only
/// its owner can push to its local queue, so owner-only operations take `&mut P` (I4).
pub(crate) struct P {
    pub(crate) sh: Arc<PShared>,
    /// Local run queue (bounded to 256 by runqput, Go's `runq [256]guintptr`).
    pub(crate) runq: runq::Local<Arc<G>>,
    /// `gFree`: dead Gs for reuse by newproc.
    pub(crate) gfree: Vec<Arc<G>>,
    /// Per-P stack cache (Go's `mcache.stackcache`): stacks of exited Gs, handed to Gs
    /// on their first execute. Coroutines start lazily, so stacks are not tied to Gs.
    pub(crate) stackcache: Vec<crate::coro::GStack>,
    /// `schedtick`: incremented on every non-inheriting execute.
    pub(crate) schedtick: u32,
    /// `goidcache`, `goidcacheend`.
    pub(crate) goidcache: u64,
    pub(crate) goidcacheend: u64,
}

// ---------------------------------------------------------------------------------------
// M.

/// Shared part of an M (an OS thread): parking note and tracing mirrors.
pub(crate) struct M {
    pub(crate) id: i64,
    /// `park`: where an idle M sleeps (stopm/startm).
    pub(crate) park: Note,
    /// `nextp`: the P handed over by startm.
    pub(crate) nextp: Mutex<Option<Box<P>>>,
    /// Whether startm asked this M to start spinning.
    pub(crate) wake_spinning: AtomicBool,
    /// Mirrors for scheddetail.
    pub(crate) spinning: AtomicBool,
    pub(crate) blocked: AtomicBool,
    pub(crate) p_id: AtomicI64,
    pub(crate) curg_goid: AtomicU64,
}

/// The M's private state, living on the M thread's native stack (g0). A G running on
/// this M receives a pointer to it in `Resume` and may use it until its next suspend.
pub(crate) struct Mcore {
    pub(crate) sched: Arc<Sched>,
    pub(crate) ms: MState,
}

impl Mcore {
    /// Split borrow: the scheduler (shared) and this M's private state.
    pub(crate) fn split(&mut self) -> (&Sched, &mut MState) {
        (&self.sched, &mut self.ms)
    }
}

/// The private, mutable part of an M.
pub(crate) struct MState {
    pub(crate) m: Arc<M>,
    /// `m.p`.
    pub(crate) p: Option<Box<P>>,
    /// `m.spinning`.
    pub(crate) spinning: bool,
    pub(crate) rng: CheapRand,
    /// `m.oldp`: the P whose syscall slot holds our P during a syscall.
    pub(crate) oldp: Option<Arc<PShared>>,
    /// `m.syscalltick`.
    pub(crate) syscalltick: u32,
}

impl MState {
    /// The P this M holds; callers are on paths where holding a P is an invariant.
    pub(crate) fn pp(&mut self) -> &mut P {
        match self.p.as_mut() {
            Some(p) => p,
            None => crate::fatal::throw("m has no p"),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Sched.

/// Fields of `schedt` protected by `sched.lock`. Ps are kept boxed: they move between
/// threads as `Box<P>` values (I4).
#[allow(clippy::vec_box)]
pub(crate) struct SchedLocked {
    /// `midle`, `nmidle`.
    pub(crate) midle: Vec<Arc<M>>,
    pub(crate) nmidle: i64,
    /// `nmidlelocked` (always 0 without LockOSThread; sysmon's incidlelocked uses it).
    pub(crate) nmidlelocked: i64,
    /// `mnext`: number of Ms created (ids 0..mnext).
    pub(crate) mnext: i64,
    /// `nmsys`: system Ms (sysmon) not counted by checkdead.
    pub(crate) nmsys: i64,
    /// `nmfreed`: Ms that exited.
    pub(crate) nmfreed: i64,
    /// `pidle`.
    pub(crate) pidle: Vec<Box<P>>,
    /// Global run queue (`sched.runq`).
    pub(crate) runq: VecDeque<Arc<G>>,
    /// `sched.gFree` (Gs with stacks first).
    pub(crate) gfree: Vec<Arc<G>>,
    /// Global stack pool (`stackpool`), filled when a P's cache overflows.
    pub(crate) stackfree: Vec<crate::coro::GStack>,
    /// `stopwait` for STW.
    pub(crate) stopwait: i64,
    /// Ps stopped for STW (`_Pgcstop`).
    pub(crate) stopped: Vec<Box<P>>,
}

/// `allp` snapshot plus the coprimes used by the random steal order.
pub(crate) struct AllP {
    pub(crate) ps: Vec<Arc<PShared>>,
    pub(crate) coprimes: Vec<usize>,
}

/// The scheduler (`schedt` plus Go's scheduler globals). One per `run_main`.
pub(crate) struct Sched {
    pub(crate) lock: Mutex<SchedLocked>,
    /// Mirror of `lock.runq.len()` so findrunnable can skip the lock (written under lock).
    pub(crate) runqsize: AtomicUsize,
    /// `npidle`.
    pub(crate) npidle: AtomicI32,
    /// `nmspinning`.
    pub(crate) nmspinning: AtomicI32,
    /// `needspinning`.
    pub(crate) needspinning: AtomicU32,
    /// `gcwaiting`: a stop-the-world is pending.
    pub(crate) gcwaiting: AtomicBool,
    pub(crate) stopnote: Note,
    /// `lastpoll`: 0 while some M blocks in netpoll (our timer sleep).
    pub(crate) lastpoll: AtomicI64,
    /// `pollUntil`: when the netpolling M will wake up.
    pub(crate) poll_until: AtomicI64,
    pub(crate) netpoll_note: Note,
    pub(crate) allp: RwLock<Arc<AllP>>,
    pub(crate) gomaxprocs: AtomicI32,
    /// `sched.goidgen`.
    pub(crate) goidgen: AtomicU64,
    /// `allgs`: every G ever created; never shrinks (I6).
    pub(crate) allgs: Mutex<Vec<Arc<G>>>,
    pub(crate) allm: Mutex<Vec<Arc<M>>>,
    /// Live user goroutines (runtime.NumGoroutine).
    pub(crate) ngoroutine: AtomicI64,
    /// `mainStarted`.
    pub(crate) main_started: AtomicBool,
    /// Set when main returned: Ms exit at their next schedule().
    pub(crate) shutdown: AtomicBool,
    pub(crate) main_done: Note,
    pub(crate) sysmon_note: Note,
    pub(crate) starttime: i64,
    pub(crate) cfg: crate::Config,
    /// Random scheduling mode (MINIGO_SCHED_SEED).
    pub(crate) random: bool,
    pub(crate) seed: u64,
    /// Weak self-reference, for new Gs.
    pub(crate) me: Weak<Sched>,
    /// A Rust panic escaped a goroutine (a bug): re-raised by run_main's caller.
    pub(crate) rust_panic: Mutex<Option<Box<dyn std::any::Any + Send>>>,
    /// `gFree` global list length mirror (lock-free emptiness check in gfget).
    pub(crate) gfree_len: AtomicUsize,
    /// Mirror of `lock.stackfree.len()`.
    pub(crate) stackfree_len: AtomicUsize,
    /// nanotime() as of sysmon's last tick (≤ 10 ms stale).
    pub(crate) coarse_now: AtomicI64,
    /// Serialises stop-the-world requests (runtime.GOMAXPROCS, collections).
    pub(crate) stw: Mutex<()>,
    /// The garbage collector's heap.
    pub(crate) heap: Arc<crate::mgc::Heap>,
}

impl Sched {
    pub(crate) fn gomaxprocs(&self) -> i32 {
        self.gomaxprocs.load(Ordering::Relaxed) // changes only under STW
    }

    pub(crate) fn allp(&self) -> Arc<AllP> {
        self.allp.read().clone()
    }
}

/// `stealOrder`'s coprimes of `count` (Go's `randomOrder.reset`).
pub(crate) fn coprimes(count: usize) -> Vec<usize> {
    fn gcd(mut a: usize, mut b: usize) -> usize {
        while b != 0 {
            let t = a % b;
            a = b;
            b = t;
        }
        a
    }
    (1..=count.max(1))
        .filter(|&i| gcd(i, count.max(1)) == 1)
        .collect()
}
