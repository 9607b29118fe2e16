//! proc: the scheduler (Go's `proc.go`): runtime.main, newproc, schedule, findrunnable,
//! stealWork, execute, park_m, goschedImpl, goexit0, ready, gfget/gfput, and the
//! M/P hand-off machinery (wakep, startm, stopm, handoffp, pidleget/pidleput), checkdead.

use std::collections::VecDeque;
use std::sync::atomic::{
    fence, AtomicBool, AtomicI32, AtomicI64, AtomicU32, AtomicU64, AtomicUsize, Ordering,
};
use std::sync::Arc;
use std::time::Duration;

use parking_lot::{Mutex, MutexGuard, RwLock};

use crate::coro::{GEntry, Switch};
use crate::park::{Gctx, Note};
use crate::rand::CheapRand;
use crate::runq::{self, Local};
use crate::runtime2::*;
use crate::time::{nanotime, Timers};
use crate::Config;

/// Go's `_GoidCacheBatch`: goids are handed to Ps in batches of 16.
const GOID_CACHE_BATCH: u64 = 16;
/// Options of a run beyond `Config`.
#[derive(Clone, Debug)]
pub struct RunOpts {
    /// Goids Go gives its own system goroutines before user code runs, skipped so that
    /// user goroutine ids match Go's under GOMAXPROCS=1. Go 1.27 starts 4 (forcegchelper,
    /// bgsweep, bgscavenge, the GOMAXPROCS updater), plus the finalizer goroutine
    /// (runfinq) when package `os` is linked in (`fmt`, `log`, `bufio` on os.Stdin...,
    /// which call SetFinalizer at init): then user goroutines start at 7, else at 6.
    pub system_goroutines: u64,
}

impl Default for RunOpts {
    /// 5: a program that imports `os` (most do, through `fmt`).
    fn default() -> Self {
        RunOpts {
            system_goroutines: 5,
        }
    }
}
/// gfput: a P's free list spills to the global list at 64 Gs, down to 31.
const GFREE_SPILL: usize = 64;
/// gfput/gfget: the P keeps / refills up to 32 Gs.
const GFREE_KEEP: usize = 32;
/// Go's `schedtick % 61` fairness check of the global queue.
const GLOBAL_RUNQ_TICK: u32 = 61;
/// stealWork's `stealTries`.
const STEAL_TRIES: usize = 4;
/// Go's `sched.maxmcount`.
const MAX_M_COUNT: i64 = 10000;

// ---------------------------------------------------------------------------------------
// runtime.main

/// `runtime.main`: start the scheduler (schedinit + procresize + sysmon), run `main` as
/// goroutine 1 and return when it returns. Other goroutines are abandoned (the caller is
/// expected to exit the process, as Go does); the scheduler's threads exit at their next
/// scheduling point. A Rust panic that escaped a goroutine (a runtime or VM bug) is
/// re-raised here.
pub fn run_main(cfg: Config, main: GEntry) {
    run_main_with(cfg, RunOpts::default(), main)
}

/// `run_main` with `RunOpts` (e.g. `system_goroutines: 4` for a program that does not
/// link package `os`).
pub fn run_main_with(cfg: Config, opts: RunOpts, main: GEntry) {
    let nprocs = cfg.gomaxprocs.max(1);
    let random = cfg.sched_seed.is_some();
    let seed = cfg.sched_seed.unwrap_or(0);
    let sched = Arc::new_cyclic(|me| Sched {
        lock: Mutex::new(SchedLocked {
            midle: Vec::new(),
            nmidle: 0,
            nmidlelocked: 0,
            mnext: 0,
            nmsys: 0,
            nmfreed: 0,
            pidle: Vec::new(),
            runq: VecDeque::new(),
            gfree: Vec::new(),
            stackfree: Vec::new(),
            stopwait: 0,
            stopped: Vec::new(),
        }),
        runqsize: AtomicUsize::new(0),
        npidle: AtomicI32::new(0),
        nmspinning: AtomicI32::new(0),
        needspinning: AtomicU32::new(0),
        gcwaiting: AtomicBool::new(false),
        stopnote: Note::new(),
        lastpoll: AtomicI64::new(nanotime()),
        poll_until: AtomicI64::new(0),
        netpoll_note: Note::new(),
        allp: RwLock::new(Arc::new(AllP {
            ps: Vec::new(),
            coprimes: Vec::new(),
        })),
        gomaxprocs: AtomicI32::new(0),
        goidgen: AtomicU64::new(0),
        allgs: Mutex::new(Vec::new()),
        allm: Mutex::new(Vec::new()),
        ngoroutine: AtomicI64::new(0),
        main_started: AtomicBool::new(false),
        shutdown: AtomicBool::new(false),
        main_done: Note::new(),
        sysmon_note: Note::new(),
        starttime: nanotime(),
        cfg: cfg.clone(),
        random,
        seed,
        me: me.clone(),
        rust_panic: Mutex::new(None),
        gfree_len: AtomicUsize::new(0),
        stackfree_len: AtomicUsize::new(0),
        coarse_now: AtomicI64::new(nanotime()),
        stw: Mutex::new(()),
        heap: Arc::new(crate::mgc::Heap::new(me.clone(), cfg.gctrace)),
    });
    crate::fatal::register_sched(&sched);

    // schedinit: procresize(procs) makes every P idle; we take P0 for the main G.
    let mut p0 = {
        let mut l = sched.lock.lock();
        procresize_locked(&sched, &mut l, nprocs as i32, Vec::new());
        let p0 = pidleget_id(&sched, &mut l, 0);
        let id = l.mnext;
        l.mnext += 1;
        (p0, id)
    };

    // newproc for main: goid 1 from P0's first batch, then Go's system goroutines.
    let gp = Arc::new(G::new(sched.me.clone()));
    gp.casgstatus(G_IDLE, G_DEAD);
    sched.allgs.lock().push(gp.clone());
    {
        let p = &mut p0.0;
        let goid = take_goid(&sched, p);
        gp.goid.store(goid, Ordering::Relaxed); // published by the runq push below
                                                // Skip Go's system goroutines (taking further batches if needed).
        for _ in 0..opts.system_goroutines {
            let _ = take_goid(&sched, p);
        }
        let mut info = gp.info.lock();
        info.start_fn = Arc::from("main.main");
        info.parent_goid = 0;
        info.creator_fn = Arc::from("");
        info.creator_loc = None;
        drop(info);
        // Go's P0 has scheduled each system goroutine once, and runtime.main once more
        // (after gcenable's wait), when main.main starts: schedtick is then
        // system_goroutines+1, which fixes when findrunnable's `schedtick%61` fairness
        // check first takes the global queue before runnext (Go 1.27, GOMAXPROCS=1:
        // a `go f(); runtime.Gosched()` loop first resumes main before f at iteration
        // 55 with package os, 56 without).
        p.schedtick = (opts.system_goroutines as u32).wrapping_add(1);
        p.sh.schedtick.store(p.schedtick, Ordering::Relaxed); // read by sysmon only
                                                              // SAFETY: gp is fresh and not yet published: we own its stack state (I1).
        unsafe { (*gp.stack.get()).entry = Some(main) };
        gp.casgstatus(G_DEAD, G_RUNNABLE);
        sched.ngoroutine.fetch_add(1, Ordering::Relaxed); // counter only
        let mut rng = CheapRand::new(seed);
        runqput(&sched, p, &mut rng, gp, true);
    }
    sched.main_started.store(true, Ordering::Release); // Release: orders P setup before wakep users

    // sysmon: its own M without a P, counted in nmsys.
    {
        let mut l = sched.lock.lock();
        l.mnext += 1;
        l.nmsys += 1;
    }
    let s2 = sched.clone();
    let _ = std::thread::Builder::new()
        .name("minigo-sysmon".into())
        .spawn(move || crate::sysmon::sysmon(s2));

    // M0: runs the main goroutine's P.
    newm(&sched, Some(p0.0), false, p0.1);

    sched.main_done.sleep();
    // Main returned: stop the world's threads lazily (they exit at their next schedule).
    sched.shutdown.store(true, Ordering::SeqCst); // SeqCst: read by every M's schedule loop
    {
        let l = sched.lock.lock();
        for m in &l.midle {
            m.park.wakeup();
        }
    }
    sched.netpoll_note.wakeup();
    sched.sysmon_note.wakeup();
    let payload = sched.rust_panic.lock().take();
    if let Some(p) = payload {
        std::panic::resume_unwind(p);
    }
}

// ---------------------------------------------------------------------------------------
// M start and the schedule loop.

/// `newm` + `mstart`: create an M (OS thread) that starts with `pp` (or looks for one).
/// `id` was reserved (`mReserveID`) under sched.lock so checkdead counts it.
pub(crate) fn newm(s: &Arc<Sched>, pp: Option<Box<P>>, spinning: bool, id: i64) {
    let m = Arc::new(M {
        id,
        park: Note::new(),
        nextp: Mutex::new(pp),
        wake_spinning: AtomicBool::new(spinning),
        spinning: AtomicBool::new(false),
        blocked: AtomicBool::new(false),
        p_id: AtomicI64::new(-1),
        curg_goid: AtomicU64::new(0),
    });
    s.allm.lock().push(m.clone());
    let s2 = s.clone();
    let res = std::thread::Builder::new()
        .name(format!("minigo-m{id}"))
        .spawn(move || mstart(s2, m));
    if res.is_err() {
        crate::fatal::throw("newosproc: failed to create thread");
    }
}

/// `mstart1` → `schedule()`: the g0 loop of an M thread.
fn mstart(sched: Arc<Sched>, m: Arc<M>) {
    let rng = if sched.random {
        CheapRand::new(sched.seed ^ (m.id as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15))
    } else {
        CheapRand::from_entropy(m.id as u64)
    };
    crate::mgc::mcache_init(&sched.heap);
    let mut mc = Mcore {
        sched,
        ms: MState {
            m,
            p: None,
            spinning: false,
            rng,
            oldp: None,
            syscalltick: 0,
        },
    };
    {
        let (s, ms) = mc.split();
        let p = ms.m.nextp.lock().take();
        match p {
            Some(p) => acquirep(ms, p),
            None => {
                if !stopm(s, ms) {
                    return mexit(s);
                }
            }
        }
        if ms.m.wake_spinning.swap(false, Ordering::Relaxed) {
            // startm(pp, spinning=true) already counted us in nmspinning.
            ms.spinning = true;
            ms.m.spinning.store(true, Ordering::Relaxed);
        }
    }
    schedule(&mut mc);
    mexit(&mc.sched);
}

/// `mexit`: the M's thread ends (only after main returned).
fn mexit(s: &Sched) {
    let mut l = s.lock.lock();
    l.nmfreed += 1;
}

/// `schedule()`: find a runnable G and execute it, forever (until shutdown).
fn schedule(mc: &mut Mcore) {
    loop {
        let (gp, inherit, trywakep) = {
            let (s, ms) = mc.split();
            match findrunnable(s, ms) {
                Some(x) => x,
                None => return,
            }
        };
        {
            let (s, ms) = mc.split();
            if ms.spinning {
                resetspinning(s, ms);
            }
            if trywakep {
                wakep(s);
            }
        }
        execute(mc, gp, inherit);
    }
}

/// `execute(gp, inheritTime)` + the `mcall` dispatch: run `gp` until it switches back to
/// g0, then do what it asked (park_m, goschedImpl, goexit0, exitsyscallNoP).
fn execute(mc: &mut Mcore, gp: Arc<G>, inherit: bool) {
    {
        let (s, ms) = mc.split();
        gp.casgstatus(G_RUNNABLE, G_RUNNING); // I1: we now own gp's stack
        gp.waitsince.store(0, Ordering::Relaxed); // informational
        gp.preempt.store(false, Ordering::Relaxed); // a stale request dies here, as in Go
        gp.m_id.store(ms.m.id, Ordering::Relaxed); // informational
        ms.m.curg_goid.store(gp.goid(), Ordering::Relaxed); // informational
        let p = ms.pp();
        if !inherit {
            p.schedtick = p.schedtick.wrapping_add(1);
            p.sh.schedtick.store(p.schedtick, Ordering::Relaxed); // read by sysmon's retake only
        }
        p.sh.curg
            .store(Arc::as_ptr(&gp) as *mut G, Ordering::Release); // Release: sysmon derefs it (I6)
                                                                   // SAFETY: we own gp's stack state (I1, CAS above).
        let st = unsafe { &mut *gp.stack.get() };
        if st.coro.is_none() && st.stack.is_none() {
            st.stack = Some(stackget(s, p));
        }
    }
    let r = Resume {
        m: mc as *mut Mcore,
    };
    // SAFETY: we won gp's Runnable→Running CAS above, so we own its stack state until it
    // switches back (I1). `mc` is not used while the G runs: the G uses `r.m` (I3).
    let sw = unsafe { (*gp.stack.get()).resume(&gp, r) };
    let (s, ms) = mc.split();
    if let Some(p) = ms.p.as_ref() {
        p.sh.curg.store(std::ptr::null_mut(), Ordering::Release); // see above
    }
    ms.m.curg_goid.store(0, Ordering::Relaxed); // informational
    gp.m_id.store(-1, Ordering::Relaxed); // informational
    match sw {
        Switch::Park(Park::Wait(reason, unlock)) => park_m(s, ms, gp, reason, unlock),
        Switch::Park(Park::Gosched) => gosched_impl(s, ms, gp, false),
        Switch::Park(Park::Preempted) => gosched_impl(s, ms, gp, true),
        Switch::Park(Park::Yield) => goyield_m(s, ms, gp),
        Switch::Park(Park::Goexit) => {
            // The coroutine is suspended inside goexit and will never be resumed: forget
            // it (its stack is leaked; dropping it would unwind through VM frames).
            // SAFETY: we own gp's stack state (I1): it just switched back to us.
            let st = unsafe { &mut *gp.stack.get() };
            if let Some(c) = st.coro.take() {
                std::mem::forget(c);
            }
            goexit0(s, ms, gp, None, true)
        }
        Switch::Park(Park::SyscallNoP) => crate::syscall::exitsyscall_nop(s, ms, gp),
        Switch::Exit(payload) => goexit0(s, ms, gp, payload, false),
    }
}

/// `park_m(gp)` on g0: Running→Waiting, then the unlock function (I2). From the moment
/// the lock is released another M may `ready` gp; we no longer touch its stack.
fn park_m(s: &Sched, ms: &mut MState, gp: Arc<G>, reason: WaitReason, unlock: Unlock) {
    gp.waitreason.store(reason as u8, Ordering::Relaxed); // ordered by the status CAS
                                                          // waitsince: Go sets it lazily (GC stack scan); we take sysmon's coarse clock, which
                                                          // is plenty for the "N minutes" of goroutine headers and costs no clock read.
    gp.waitsince
        .store(s.coarse_now.load(Ordering::Relaxed), Ordering::Relaxed); // informational
    gp.casgstatus(G_RUNNING, G_WAITING);
    match unlock {
        Unlock::None => {}
        Unlock::Lock(l) => {
            // SAFETY: the G locked this raw mutex before suspending and still holds it; the
            // channel it belongs to is kept alive by the G's own reference on its stack.
            unsafe { parking_lot::lock_api::RawMutex::unlock(&*l) };
        }
        Unlock::Locks(ls) => {
            for l in ls {
                // SAFETY: as above, for each distinct channel of the select (selparkcommit).
                unsafe { parking_lot::lock_api::RawMutex::unlock(&*l) };
            }
        }
        Unlock::Sleep(when) => {
            // resetForSleep: arm the timer only now that gp is parked.
            let p = ms.pp();
            p.sh.timers.add(when, crate::time::TimerFn::Ready(gp));
            crate::time::wake_netpoller(s, when);
        }
    }
}

/// `goschedImpl(gp, preempted)`: Running→Runnable, to the global queue (or runnext when a
/// stop-the-world is pending and we were preempted), then wakep.
fn gosched_impl(s: &Sched, ms: &mut MState, gp: Arc<G>, preempted: bool) {
    gp.casgstatus(G_RUNNING, G_RUNNABLE);
    if preempted && s.gcwaiting.load(Ordering::Relaxed) {
        let MState { p, rng, .. } = ms;
        if let Some(p) = p.as_mut() {
            runqput(s, p, rng, gp, true);
        }
    } else {
        let mut l = s.lock.lock();
        globrunqput(s, &mut l, gp);
    }
    if s.main_started.load(Ordering::Relaxed) {
        wakep(s);
    }
}

/// `goyield_m(gp)`: like Gosched, but to the local run queue tail, so the G readied
/// into runnext runs first.
fn goyield_m(s: &Sched, ms: &mut MState, gp: Arc<G>) {
    gp.casgstatus(G_RUNNING, G_RUNNABLE);
    let MState { p, rng, .. } = ms;
    match p.as_mut() {
        Some(p) => runqput(s, p, rng, gp, false),
        None => {
            let mut l = s.lock.lock();
            globrunqput(s, &mut l, gp);
        }
    }
}

/// `goexit0` → `gdestroy`: Running→Dead, recycle the G and its stack (gfput).
fn goexit0(
    s: &Sched,
    ms: &mut MState,
    gp: Arc<G>,
    payload: Option<Box<dyn std::any::Any + Send>>,
    goexit: bool,
) {
    gp.casgstatus(G_RUNNING, G_DEAD);
    s.ngoroutine.fetch_sub(1, Ordering::Relaxed); // counter only
    {
        let mut info = gp.info.lock();
        info.traceback = None;
    }
    gp.waitreason.store(0, Ordering::Relaxed);
    gp.locked_ext.store(0, Ordering::Relaxed); // gdestroy: gp.lockedm = 0
                                               // SAFETY: gp is Dead and still ours (I1): return its stack to the P's cache.
    let stk = unsafe { (*gp.stack.get()).stack.take() };
    if let Some(stk) = stk {
        stackput(s, ms.pp(), stk);
    }
    // Main returning ends the program; main calling runtime.Goexit does not.
    let is_main = gp.goid() == 1 && !goexit;
    if let Some(p) = payload {
        *s.rust_panic.lock() = Some(p);
        s.shutdown.store(true, Ordering::SeqCst); // SeqCst: checkdead must see it
        s.main_done.wakeup();
    }
    let p = ms.pp();
    gfput(s, p, gp);
    if is_main {
        // runtime.main's exit(0): from here on nothing is a deadlock.
        s.shutdown.store(true, Ordering::SeqCst); // SeqCst: checkdead must see it
        s.main_done.wakeup();
    }
}

// ---------------------------------------------------------------------------------------
// newproc, gfget/gfput, goids.

fn take_goid(s: &Sched, p: &mut P) -> u64 {
    if p.goidcache == p.goidcacheend {
        // Relaxed: goid uniqueness needs only atomicity.
        p.goidcache = s.goidgen.fetch_add(GOID_CACHE_BATCH, Ordering::Relaxed) + 1;
        p.goidcacheend = p.goidcache + GOID_CACHE_BATCH;
    }
    let id = p.goidcache;
    p.goidcache += 1;
    id
}

/// Who created a G, for "created by" lines.
pub(crate) struct Creator {
    pub(crate) parent_goid: u64,
    pub(crate) creator_fn: Arc<str>,
    pub(crate) creator_loc: Option<Arc<str>>,
}

/// `newproc` + `newproc1`: make a runnable G running `entry`, put it in runnext, wakep.
pub(crate) fn newproc(
    s: &Sched,
    ms: &mut MState,
    start_fn: Arc<str>,
    cr: Creator,
    entry: GEntry,
) -> u64 {
    let MState { p, rng, .. } = ms;
    let p = match p.as_mut() {
        Some(p) => p,
        None => crate::fatal::throw("newproc: m has no p"),
    };
    let gp = match gfget(s, p) {
        Some(g) => g,
        None => {
            let g = Arc::new(G::new(s.me.clone()));
            g.casgstatus(G_IDLE, G_DEAD);
            s.allgs.lock().push(g.clone());
            g
        }
    };
    if gp.readstatus() != G_DEAD {
        crate::fatal::throw("newproc1: new g is not Gdead");
    }
    let goid = take_goid(s, p);
    gp.goid.store(goid, Ordering::Relaxed); // published by runqput (release)
    {
        let mut info = gp.info.lock();
        info.start_fn = start_fn;
        info.parent_goid = cr.parent_goid;
        info.creator_fn = cr.creator_fn;
        info.creator_loc = cr.creator_loc;
        info.traceback = None;
    }
    // SAFETY: gp is Dead and came from our free list or was just made: we own it (I1).
    unsafe { (*gp.stack.get()).entry = Some(entry) };
    gp.casgstatus(G_DEAD, G_RUNNABLE);
    s.ngoroutine.fetch_add(1, Ordering::Relaxed); // counter only
    runqput(s, p, rng, gp, true);
    if s.main_started.load(Ordering::Relaxed) {
        wakep(s);
    }
    goid
}

/// `gfput(pp, gp)`: keep a dead G (with its stack) on the P; at 64 move 33 to the global
/// list, leaving 31.
fn gfput(s: &Sched, p: &mut P, gp: Arc<G>) {
    if gp.readstatus() != G_DEAD {
        crate::fatal::throw("gfput: bad status (not Gdead)");
    }
    p.gfree.push(gp);
    if p.gfree.len() >= GFREE_SPILL {
        let mut moved = Vec::with_capacity(GFREE_SPILL);
        while p.gfree.len() >= GFREE_KEEP {
            if let Some(g) = p.gfree.pop() {
                moved.push(g);
            }
        }
        let mut l = s.lock.lock();
        l.gfree.extend(moved);
        s.gfree_len.store(l.gfree.len(), Ordering::Relaxed); // written under lock
    }
    p.sh.gfreecnt.store(p.gfree.len(), Ordering::Relaxed); // informational
}

/// Per-P stack cache limits: spill half to the global pool at 64, refill 16.
const STACKCACHE_SPILL: usize = 64;
const STACKCACHE_REFILL: usize = 16;

/// `stackalloc` from the P's cache (`stackcacherefill` from the global pool), else new.
fn stackget(s: &Sched, p: &mut P) -> crate::coro::GStack {
    if p.stackcache.is_empty() && s.stackfree_len.load(Ordering::Relaxed) > 0 {
        let mut l = s.lock.lock();
        while p.stackcache.len() < STACKCACHE_REFILL {
            match l.stackfree.pop() {
                Some(st) => p.stackcache.push(st),
                None => break,
            }
        }
        s.stackfree_len.store(l.stackfree.len(), Ordering::Relaxed); // written under lock
    }
    match p.stackcache.pop() {
        Some(st) => st,
        None => crate::coro::GStack::alloc(),
    }
}

/// `stackfree` into the P's cache (`stackcacherelease` of half at 64).
fn stackput(s: &Sched, p: &mut P, st: crate::coro::GStack) {
    p.stackcache.push(st);
    if p.stackcache.len() >= STACKCACHE_SPILL {
        let moved: Vec<_> = p.stackcache.drain(STACKCACHE_SPILL / 2..).collect();
        let mut l = s.lock.lock();
        l.stackfree.extend(moved);
        s.stackfree_len.store(l.stackfree.len(), Ordering::Relaxed); // written under lock
    }
}

/// `gfget(pp)`: a dead G for reuse; refills the P's list to 32 from the global list.
fn gfget(s: &Sched, p: &mut P) -> Option<Arc<G>> {
    if p.gfree.is_empty() && s.gfree_len.load(Ordering::Relaxed) > 0 {
        let mut l = s.lock.lock();
        while p.gfree.len() < GFREE_KEEP {
            match l.gfree.pop() {
                Some(g) => p.gfree.push(g),
                None => break,
            }
        }
        s.gfree_len.store(l.gfree.len(), Ordering::Relaxed); // written under lock
    }
    let g = p.gfree.pop();
    p.sh.gfreecnt.store(p.gfree.len(), Ordering::Relaxed); // informational
    g
}

// ---------------------------------------------------------------------------------------
// Run queues.

/// `runqput(pp, gp, next)`: runnext (kicking the old one to the tail) or the local queue;
/// overflow of half to the global queue (runqputslow). In random mode, `next` is dropped
/// half of the time (Go's `randomizeScheduler`).
pub(crate) fn runqput(s: &Sched, p: &mut P, rng: &mut CheapRand, gp: Arc<G>, mut next: bool) {
    if s.random && next && rng.below(2) == 0 {
        next = false;
    }
    let gp = if next {
        match runq::runnext_put(&p.sh.runnext, gp) {
            None => return,
            Some(old) => old,
        }
    } else {
        gp
    };
    let mut overflow = Vec::new();
    if !runq::runq_put_bounded(&p.runq, gp, &mut overflow) {
        let mut l = s.lock.lock();
        for g in overflow {
            globrunqput(s, &mut l, g);
        }
    }
}

/// `runqget(pp)`: runnext first (inherits the time slice), then the queue head.
fn runqget(p: &mut P) -> Option<(Arc<G>, bool)> {
    if let Some(g) = runq::runnext_take(&p.sh.runnext) {
        return Some((g, true));
    }
    p.runq.pop().map(|g| (g, false))
}

/// `globrunqput(gp)`; sched.lock held.
pub(crate) fn globrunqput(s: &Sched, l: &mut MutexGuard<'_, SchedLocked>, gp: Arc<G>) {
    l.runq.push_back(gp);
    s.runqsize.store(l.runq.len(), Ordering::SeqCst); // SeqCst: StoreLoad with nmspinning (wakep)
}

/// `globrunqputhead(gp)`; sched.lock held.
fn globrunqputhead(s: &Sched, l: &mut MutexGuard<'_, SchedLocked>, gp: Arc<G>) {
    l.runq.push_front(gp);
    s.runqsize.store(l.runq.len(), Ordering::SeqCst); // see globrunqput
}

/// `globrunqget()`: one G; sched.lock held.
fn globrunqget(s: &Sched, l: &mut MutexGuard<'_, SchedLocked>) -> Option<Arc<G>> {
    let g = l.runq.pop_front();
    s.runqsize.store(l.runq.len(), Ordering::SeqCst); // see globrunqput
    g
}

/// `globrunqgetbatch(n)` + `runqputbatch`: first G to run, up to
/// `min(n, size, size/gomaxprocs+1)`-1 more into the local queue; sched.lock held.
fn globrunqgetbatch(
    s: &Sched,
    l: &mut MutexGuard<'_, SchedLocked>,
    p: &mut P,
    n: usize,
) -> Option<Arc<G>> {
    let size = l.runq.len();
    if size == 0 {
        return None;
    }
    let gmp = s.gomaxprocs().max(1) as usize;
    let n = n.min(size).min(size / gmp + 1).max(1);
    let first = l.runq.pop_front();
    for _ in 1..n {
        match l.runq.pop_front() {
            Some(g) => p.runq.push(g),
            None => break,
        }
    }
    s.runqsize.store(l.runq.len(), Ordering::SeqCst); // see globrunqput
    first
}

// ---------------------------------------------------------------------------------------
// ready / goready.

/// `ready(gp, next)`: Waiting→Runnable, onto the current P (runnext when `next`), wakep.
/// With no P at hand (`ms` is None: a close or timer callback outside any G) the G goes to
/// the global queue instead.
pub(crate) fn ready(s: &Sched, ms: Option<&mut MState>, gp: Arc<G>, next: bool) {
    if gp
        .status
        .compare_exchange(G_WAITING, G_RUNNABLE, Ordering::AcqRel, Ordering::Acquire)
        .is_err()
    {
        // AcqRel: see casgstatus.
        crate::fatal::throw("bad g->status in ready");
    }
    gp.waitreason.store(0, Ordering::Relaxed); // casgstatus clears it when leaving _Gwaiting
    match ms {
        Some(ms) if ms.p.is_some() => {
            let MState { p, rng, .. } = ms;
            if let Some(p) = p.as_mut() {
                runqput(s, p, rng, gp, next);
            }
        }
        _ => {
            let mut l = s.lock.lock();
            globrunqput(s, &mut l, gp);
        }
    }
    wakep(s);
}

// ---------------------------------------------------------------------------------------
// findrunnable and stealWork.

/// `findRunnable()`: (G, inheritTime, tryWakeP); None means the scheduler is shutting
/// down. Transcribes Go's order (see go-runtime-notes §1.7).
fn findrunnable(s: &Sched, ms: &mut MState) -> Option<(Arc<G>, bool, bool)> {
    'top: loop {
        if s.shutdown.load(Ordering::Relaxed) {
            return None;
        }
        if s.gcwaiting.load(Ordering::Acquire) {
            // Acquire: pairs with stopTheWorld's store.
            if !crate::sysmon::gcstopm(s, ms) {
                return None;
            }
            continue 'top;
        }
        // 2. Our own timers.
        // (ts.check(0): read the clock only if this P has timers.)
        let (mut now, mut poll_until) = if ms.pp().sh.timers.wake_time() == 0 {
            (0, 0)
        } else {
            let psh = ms.pp().sh.clone();
            let (n, pu, _) = crate::time::check_timers(s, ms, &psh, nanotime());
            (n, pu)
        };

        // 4. Fairness: every 61st tick look at the global queue first.
        if ms.pp().schedtick.is_multiple_of(GLOBAL_RUNQ_TICK)
            && s.runqsize.load(Ordering::Relaxed) > 0
        {
            let mut l = s.lock.lock();
            if let Some(g) = globrunqget(s, &mut l) {
                return Some((g, false, false));
            }
        }
        // 6. Local runq (runnext first).
        if let Some((g, inherit)) = runqget(ms.pp()) {
            return Some((g, inherit, false));
        }
        // 7. Global runq.
        if s.runqsize.load(Ordering::Relaxed) > 0 {
            let mut l = s.lock.lock();
            let p = ms.pp();
            if let Some(g) = globrunqgetbatch(s, &mut l, p, runq::RUNQ_CAP / 2) {
                return Some((g, false, false));
            }
        }
        // 9. Steal, limiting spinning Ms to half the busy Ps.
        let gmp = s.gomaxprocs();
        if ms.spinning
            || 2 * s.nmspinning.load(Ordering::SeqCst) < gmp - s.npidle.load(Ordering::SeqCst)
        {
            if !ms.spinning {
                become_spinning(s, ms);
            }
            if now == 0 {
                now = nanotime();
            }
            let (g, tnow, w, new_work) = steal_work(s, ms, now);
            if let Some((g, inherit)) = g {
                return Some((g, inherit, false));
            }
            if new_work {
                continue 'top;
            }
            now = tnow;
            if w != 0 && (poll_until == 0 || w < poll_until) {
                poll_until = w;
            }
        }
        let _ = now;

        // 11. Nothing found: give up the P.
        let allp = s.allp();
        {
            let mut l = s.lock.lock();
            if s.gcwaiting.load(Ordering::Acquire) || s.shutdown.load(Ordering::Relaxed) {
                continue 'top;
            }
            if !l.runq.is_empty() {
                let p = ms.pp();
                let g = globrunqgetbatch(s, &mut l, p, runq::RUNQ_CAP / 2);
                if let Some(g) = g {
                    return Some((g, false, false));
                }
            }
            if !ms.spinning && s.needspinning.load(Ordering::SeqCst) == 1 {
                // A P was needed for spinning while we looked: become the spinner.
                become_spinning(s, ms);
                continue 'top;
            }
            let p = releasep(ms);
            pidleput(s, &mut l, p);
        }

        // 12. The delicate dance: stop spinning, then re-check everything (StoreLoad).
        let was_spinning = ms.spinning;
        if ms.spinning {
            ms.spinning = false;
            ms.m.spinning.store(false, Ordering::Relaxed); // informational
            if s.nmspinning.fetch_sub(1, Ordering::SeqCst) <= 0 {
                // SeqCst: the decrement must be visible before we re-check the queues.
                crate::fatal::throw("findrunnable: negative nmspinning");
            }
            fence(Ordering::SeqCst);
            {
                let mut l = s.lock.lock();
                if !l.runq.is_empty() {
                    if let Some(mut p) = pidleget_spinning(s, &mut l) {
                        let g = globrunqgetbatch(s, &mut l, &mut p, runq::RUNQ_CAP / 2);
                        drop(l);
                        acquirep(ms, p);
                        become_spinning(s, ms);
                        if let Some(g) = g {
                            return Some((g, false, false));
                        }
                        continue 'top;
                    }
                }
            }
            // checkRunqsNoP
            for p2 in allp.ps.iter() {
                if !p2.idle.load(Ordering::SeqCst) && !p2.runqempty() {
                    let mut l = s.lock.lock();
                    let pp = pidleget_spinning(s, &mut l);
                    drop(l);
                    if let Some(pp) = pp {
                        acquirep(ms, pp);
                        become_spinning(s, ms);
                        continue 'top;
                    }
                    break;
                }
            }
            // checkTimersNoP
            for p2 in allp.ps.iter() {
                let w = p2.timers.wake_time();
                if w != 0 && (poll_until == 0 || w < poll_until) {
                    poll_until = w;
                }
            }
        }
        // 13. "netpoll": with timers pending, one M sleeps until the earliest one. Timers
        // that cannot wake anyone (stopped; channel timers nobody waits on, which Go ≥1.23
        // keeps out of the heap) do not keep an M polling, so checkdead still runs.
        if poll_until != 0 && !allp.ps.iter().any(|p| p.timers.has_live()) {
            poll_until = 0;
            // An M may be polling for timers that just became dead (stopped, or their
            // channel lost its waiters): wake it so it re-checks and can go idle too,
            // letting checkdead run.
            if s.lastpoll.load(Ordering::SeqCst) == 0 {
                crate::time::netpoll_break(s);
            }
        }
        if poll_until != 0 && s.lastpoll.swap(0, Ordering::SeqCst) != 0 {
            // SeqCst: lastpoll==0 is how wake_netpoller knows someone sleeps here.
            s.poll_until.store(poll_until, Ordering::SeqCst);
            let delay = poll_until - nanotime();
            if delay > 0 {
                // Go's netpoll(delay) waits in whole milliseconds, as epoll_wait does
                // (netpoll_epoll.go: under 1 ms waits 1 ms, longer delays are truncated), and
                // the timers are run after it returns: a timer fires up to ~1 ms after its
                // `when`, never before. Waking early just loops back here.
                let waitms = if delay < 1_000_000 {
                    1
                } else {
                    delay / 1_000_000
                };
                ms.m.blocked.store(true, Ordering::Relaxed); // informational
                s.netpoll_note
                    .sleep_timeout(Duration::from_millis(waitms as u64));
                ms.m.blocked.store(false, Ordering::Relaxed);
            }
            s.poll_until.store(0, Ordering::SeqCst);
            s.lastpoll.store(nanotime(), Ordering::SeqCst);
            let pp = {
                let mut l = s.lock.lock();
                pidleget(s, &mut l)
            };
            if let Some(pp) = pp {
                acquirep(ms, pp);
                if was_spinning {
                    become_spinning(s, ms);
                }
                continue 'top;
            }
        } else if poll_until != 0 {
            let pu = s.poll_until.load(Ordering::SeqCst);
            if pu == 0 || pu > poll_until {
                crate::time::netpoll_break(s);
            }
        }
        if !stopm(s, ms) {
            return None;
        }
    }
}

/// `stealWork(now)`: 4 rounds over all Ps in a random coprime order; the last round
/// also runs their timers and steals runnext. Returns (G, now, pollUntil, newWork).
#[allow(clippy::type_complexity)]
fn steal_work(
    s: &Sched,
    ms: &mut MState,
    mut now: i64,
) -> (Option<(Arc<G>, bool)>, i64, i64, bool) {
    let allp = s.allp();
    let count = allp.ps.len();
    let mut poll_until = 0i64;
    let mut ran_timer = false;
    if count == 0 || allp.coprimes.is_empty() {
        return (None, now, 0, false);
    }
    let my_id = ms.pp().sh.id;
    for i in 0..STEAL_TRIES {
        let steal_timers_or_runnext = i == STEAL_TRIES - 1;
        // randomOrder.start(cheaprand())
        let r = ms.rng.next_u64() as usize;
        let mut pos = r % count;
        let inc = allp.coprimes[(r / count) % allp.coprimes.len()];
        for _ in 0..count {
            if s.gcwaiting.load(Ordering::Relaxed) {
                return (None, now, poll_until, true);
            }
            let p2 = allp.ps[pos].clone();
            pos = (pos + inc) % count;
            if p2.id == my_id {
                continue;
            }
            if steal_timers_or_runnext && p2.timers.len() > 0 {
                let (tnow, w, ran) = crate::time::check_timers(s, ms, &p2, now);
                now = tnow;
                if w != 0 && (poll_until == 0 || w < poll_until) {
                    poll_until = w;
                }
                if ran {
                    if let Some(g) = runqget(ms.pp()) {
                        return (Some(g), now, poll_until, false);
                    }
                    ran_timer = true;
                }
            }
            if !p2.idle.load(Ordering::SeqCst) {
                if let Some(g) = runqsteal(ms.pp(), &p2, steal_timers_or_runnext) {
                    return (Some((g, false)), now, poll_until, false);
                }
            }
        }
    }
    (None, now, poll_until, ran_timer)
}

/// `runqsteal(pp, p2, stealRunNextG)`: half of p2's queue into ours; p2's runnext only
/// when allowed, after Go's 3 µs back-off if p2 is running (its G may be about to
/// block and want the runnext G back).
fn runqsteal(p: &mut P, p2: &PShared, steal_runnext: bool) -> Option<Arc<G>> {
    if let Some(g) = runq::runq_steal(&p2.stealer, &p.runq) {
        return Some(g);
    }
    if steal_runnext && !p2.runnext.load(Ordering::Relaxed).is_null() {
        if p2.status.load(Ordering::Relaxed) == P_RUNNING {
            std::thread::sleep(Duration::from_micros(3));
        }
        return runq::runnext_take(&p2.runnext);
    }
    None
}

// ---------------------------------------------------------------------------------------
// Spinning, wakep, startm, stopm, handoffp.

/// `becomeSpinning`.
fn become_spinning(s: &Sched, ms: &mut MState) {
    ms.spinning = true;
    ms.m.spinning.store(true, Ordering::Relaxed); // informational
    s.nmspinning.fetch_add(1, Ordering::SeqCst); // SeqCst: pairs with wakep's check
    s.needspinning.store(0, Ordering::SeqCst);
}

/// `resetspinning`: the spinning M found work; if it was the last spinner, wake another.
fn resetspinning(s: &Sched, ms: &mut MState) {
    ms.spinning = false;
    ms.m.spinning.store(false, Ordering::Relaxed); // informational
    if s.nmspinning.fetch_sub(1, Ordering::SeqCst) <= 0 {
        // SeqCst: StoreLoad against submitters (wakep).
        crate::fatal::throw("findRunnable: negative nmspinning");
    }
    wakep(s);
}

/// `wakep()`: start a spinning M if there is an idle P and no spinning M.
pub(crate) fn wakep(s: &Sched) {
    // SeqCst: the submitter's queue store must be ordered before this load (StoreLoad).
    if s.nmspinning.load(Ordering::SeqCst) != 0
        || s.nmspinning
            .compare_exchange(0, 1, Ordering::SeqCst, Ordering::SeqCst)
            .is_err()
    {
        return;
    }
    let pp = {
        let mut l = s.lock.lock();
        pidleget_spinning(s, &mut l)
    };
    match pp {
        None => {
            if s.nmspinning.fetch_sub(1, Ordering::SeqCst) <= 0 {
                crate::fatal::throw("wakep: negative nmspinning");
            }
        }
        Some(pp) => startm(s, Some(pp), true),
    }
}

/// `startm(pp, spinning)`: run `pp` (or an idle P) on an idle M, or a new one.
pub(crate) fn startm(s: &Sched, pp: Option<Box<P>>, spinning: bool) {
    let mut l = s.lock.lock();
    let pp = match pp {
        Some(p) => p,
        None => {
            if spinning {
                crate::fatal::throw("startm: P required for spinning=true");
            }
            match pidleget(s, &mut l) {
                Some(p) => p,
                None => return,
            }
        }
    };
    if let Some(nmp) = l.midle.pop() {
        l.nmidle -= 1;
        drop(l);
        nmp.wake_spinning.store(spinning, Ordering::Relaxed); // ordered by the note's lock
        *nmp.nextp.lock() = Some(pp);
        nmp.park.wakeup();
        return;
    }
    // mReserveID before unlocking, so checkdead counts the M being created.
    let id = l.mnext;
    l.mnext += 1;
    checkmcount(&l);
    drop(l);
    match s.me.upgrade() {
        Some(sa) => newm(&sa, Some(pp), spinning, id),
        None => crate::fatal::throw("startm: scheduler gone"),
    }
}

fn checkmcount(l: &SchedLocked) {
    let count = l.mnext - l.nmfreed;
    if count > MAX_M_COUNT {
        eprintln!("runtime: program exceeds {MAX_M_COUNT}-thread limit");
        crate::fatal::throw("thread exhaustion");
    }
}

/// `stopm()`: park this M on the idle list until startm hands it a P. Returns false when
/// the scheduler shuts down instead.
pub(crate) fn stopm(s: &Sched, ms: &mut MState) -> bool {
    if ms.p.is_some() {
        crate::fatal::throw("stopm holding p");
    }
    if ms.spinning {
        crate::fatal::throw("stopm spinning");
    }
    loop {
        {
            let mut l = s.lock.lock();
            l.midle.push(ms.m.clone());
            l.nmidle += 1;
            checkdead(s, &l);
        }
        ms.m.blocked.store(true, Ordering::Relaxed); // informational (notesleep)
        ms.m.park.sleep();
        ms.m.blocked.store(false, Ordering::Relaxed);
        if s.shutdown.load(Ordering::Relaxed) {
            return false;
        }
        let p = ms.m.nextp.lock().take();
        if let Some(p) = p {
            acquirep(ms, p);
            if ms.m.wake_spinning.swap(false, Ordering::Relaxed) {
                ms.spinning = true;
                ms.m.spinning.store(true, Ordering::Relaxed); // informational
            }
            return true;
        }
        // Woken without a P (shutdown race or STW restart): go idle again.
        let mut l = s.lock.lock();
        if let Some(i) = l.midle.iter().position(|m| Arc::ptr_eq(m, &ms.m)) {
            l.midle.swap_remove(i);
            l.nmidle -= 1;
        }
    }
}

/// `handoffp(pp)`: the P's M is blocked (syscall): start an M for the P if there is
/// work it could do, else put it on the idle list.
pub(crate) fn handoffp(s: &Sched, pp: Box<P>) {
    if !pp.sh.runqempty() || s.runqsize.load(Ordering::SeqCst) > 0 {
        return startm(s, Some(pp), false);
    }
    if s.nmspinning.load(Ordering::SeqCst) + s.npidle.load(Ordering::SeqCst) == 0
        && s.nmspinning
            .compare_exchange(0, 1, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok()
    {
        s.needspinning.store(0, Ordering::SeqCst);
        return startm(s, Some(pp), true);
    }
    let mut l = s.lock.lock();
    if s.gcwaiting.load(Ordering::Acquire) {
        crate::sysmon::gcstop_p(s, &mut l, pp);
        return;
    }
    if !l.runq.is_empty() {
        drop(l);
        return startm(s, Some(pp), false);
    }
    if s.npidle.load(Ordering::SeqCst) == s.gomaxprocs() - 1
        && s.lastpoll.load(Ordering::SeqCst) != 0
    {
        drop(l);
        return startm(s, Some(pp), false);
    }
    let when = pp.sh.timers.wake_time();
    pidleput(s, &mut l, pp);
    drop(l);
    if when != 0 {
        crate::time::wake_netpoller(s, when);
    }
}

// ---------------------------------------------------------------------------------------
// P idle list, acquirep/releasep.

/// `pidleput(pp)`; sched.lock held.
pub(crate) fn pidleput(s: &Sched, l: &mut MutexGuard<'_, SchedLocked>, pp: Box<P>) {
    if !pp.sh.runqempty() {
        crate::fatal::throw("pidleput: P has non-empty run queue");
    }
    pp.sh.status.store(P_IDLE, Ordering::Relaxed); // under sched.lock
    pp.sh.idle.store(true, Ordering::SeqCst); // SeqCst: checkRunqsNoP / stealWork read it
    l.pidle.push(pp);
    s.npidle.fetch_add(1, Ordering::SeqCst); // SeqCst: spinning-limit arithmetic
}

/// `pidleget()`; sched.lock held.
pub(crate) fn pidleget(s: &Sched, l: &mut MutexGuard<'_, SchedLocked>) -> Option<Box<P>> {
    let pp = l.pidle.pop()?;
    pp.sh.idle.store(false, Ordering::SeqCst); // see pidleput
    s.npidle.fetch_sub(1, Ordering::SeqCst);
    Some(pp)
}

fn pidleget_id(s: &Sched, l: &mut MutexGuard<'_, SchedLocked>, id: usize) -> Box<P> {
    let i = match l.pidle.iter().position(|p| p.sh.id == id) {
        Some(i) => i,
        None => crate::fatal::throw("schedinit: no P0"),
    };
    let pp = l.pidle.remove(i);
    pp.sh.idle.store(false, Ordering::SeqCst);
    s.npidle.fetch_sub(1, Ordering::SeqCst);
    pp
}

/// `pidlegetSpinning()`: like pidleget, but if none is idle tell the Ms about to go idle
/// that a spinner is needed (`needspinning`).
fn pidleget_spinning(s: &Sched, l: &mut MutexGuard<'_, SchedLocked>) -> Option<Box<P>> {
    let pp = pidleget(s, l);
    if pp.is_none() {
        s.needspinning.store(1, Ordering::SeqCst);
    }
    pp
}

/// `acquirep(pp)` / `wirep`.
pub(crate) fn acquirep(ms: &mut MState, pp: Box<P>) {
    if ms.p.is_some() {
        crate::fatal::throw("wirep: already in go");
    }
    pp.sh.status.store(P_RUNNING, Ordering::Relaxed); // owner-only (I4)
    pp.sh.m_id.store(ms.m.id, Ordering::Relaxed);
    ms.m.p_id.store(pp.sh.id as i64, Ordering::Relaxed);
    ms.p = Some(pp);
}

/// `releasep()`.
pub(crate) fn releasep(ms: &mut MState) -> Box<P> {
    let pp = match ms.p.take() {
        Some(p) => p,
        None => crate::fatal::throw("releasep: invalid arg"),
    };
    pp.sh.status.store(P_IDLE, Ordering::Relaxed); // owner-only (I4)
    pp.sh.m_id.store(-1, Ordering::Relaxed);
    ms.m.p_id.store(-1, Ordering::Relaxed);
    pp
}

/// Create P number `id` (`pp.init`).
fn new_p(id: usize) -> Box<P> {
    let (runq, stealer) = Local::new();
    let sh = Arc::new(PShared {
        id,
        status: AtomicU32::new(P_GCSTOP),
        runnext: crate::sync::AtomicPtr::new(std::ptr::null_mut()),
        stealer,
        timers: Timers::new(),
        schedtick: AtomicU32::new(0),
        syscalltick: AtomicU32::new(0),
        m_id: AtomicI64::new(-1),
        curg: crate::sync::AtomicPtr::new(std::ptr::null_mut()),
        syscall_slot: Mutex::new(None),
        idle: AtomicBool::new(false),
        gfreecnt: AtomicUsize::new(0),
    });
    Box::new(P {
        sh,
        runq,
        gfree: Vec::new(),
        stackcache: Vec::new(),
        schedtick: 0,
        goidcache: 0,
        goidcacheend: 0,
    })
}

/// `procresize(nprocs)`; sched.lock held and the world stopped: every existing P is in
/// `ps` (stopped) or `l.pidle`. New Ps are created, surplus ones destroyed (their Gs,
/// timers and free Gs move to the global lists), and all end up idle; the caller takes
/// what it needs with pidleget.
#[allow(clippy::vec_box)] // Ps move between threads as `Box<P>` (tokio's Box<Core>)
pub(crate) fn procresize_locked(
    s: &Sched,
    l: &mut MutexGuard<'_, SchedLocked>,
    nprocs: i32,
    ps: Vec<Box<P>>,
) {
    if nprocs <= 0 {
        crate::fatal::throw("procresize: invalid arg");
    }
    let n = nprocs as usize;
    let mut all: Vec<Box<P>> = ps;
    while let Some(p) = pidleget(s, l) {
        all.push(p);
    }
    all.sort_by_key(|p| p.sh.id);
    let old = all.len();
    for id in old..n {
        all.push(new_p(id));
    }
    let mut keep = Vec::new();
    let mut timers_moved = Vec::new();
    for mut p in all {
        if p.sh.id < n {
            keep.push(p);
            continue;
        }
        // pp.destroy(): runq and runnext to the global queue head, timers and free Gs away.
        let mut gs = Vec::new();
        if let Some(g) = runq::runnext_take(&p.sh.runnext) {
            gs.push(g);
        }
        while let Some(g) = p.runq.pop() {
            gs.push(g);
        }
        for g in gs.into_iter().rev() {
            globrunqputhead(s, l, g);
        }
        timers_moved.extend(p.sh.timers.take_all());
        l.gfree.append(&mut p.gfree);
        s.gfree_len.store(l.gfree.len(), Ordering::Relaxed); // under lock
        l.stackfree.append(&mut p.stackcache);
        s.stackfree_len.store(l.stackfree.len(), Ordering::Relaxed); // under lock
        p.sh.status.store(P_DEAD, Ordering::Relaxed);
    }
    if let Some(p0) = keep.first() {
        for t in timers_moved {
            p0.sh.timers.push_entry(t);
        }
    }
    let shared: Vec<Arc<PShared>> = keep.iter().map(|p| p.sh.clone()).collect();
    *s.allp.write() = Arc::new(AllP {
        coprimes: coprimes(shared.len()),
        ps: shared,
    });
    s.gomaxprocs.store(nprocs, Ordering::SeqCst); // SeqCst: read by spinning arithmetic
    for p in keep.into_iter().rev() {
        p.sh.status.store(P_IDLE, Ordering::Relaxed);
        pidleput_unchecked(s, l, p);
    }
}

/// pidleput for procresize: a P with runnable Gs is also idle until startTheWorld gives
/// it an M.
fn pidleput_unchecked(s: &Sched, l: &mut MutexGuard<'_, SchedLocked>, pp: Box<P>) {
    pp.sh.idle.store(true, Ordering::SeqCst);
    l.pidle.push(pp);
    s.npidle.fetch_add(1, Ordering::SeqCst);
}

// ---------------------------------------------------------------------------------------
// checkdead.

/// `checkdead()`: called with sched.lock held when an M goes idle. If no M is running Go
/// code and no timer can wake anyone, every goroutine is blocked forever: print Go's
/// deadlock report and exit 2.
pub(crate) fn checkdead(s: &Sched, l: &SchedLocked) {
    if s.shutdown.load(Ordering::Relaxed) || crate::fatal::panicking() {
        return;
    }
    let mcount = l.mnext - l.nmfreed;
    let run = mcount - l.nmidle - l.nmidlelocked - l.nmsys;
    if run > 0 {
        return;
    }
    if run < 0 {
        eprintln!(
            "runtime: checkdead: nmidle={} nmidlelocked={} mcount={} nmsys={}",
            l.nmidle, l.nmidlelocked, mcount, l.nmsys
        );
        crate::fatal::throw("checkdead: inconsistent counts");
    }
    let mut grunning = 0;
    let mut bad = None;
    {
        let allgs = s.allgs.lock();
        for g in allgs.iter() {
            if g.system.load(Ordering::Relaxed) {
                continue;
            }
            match g.readstatus() {
                G_WAITING | G_PREEMPTED => grunning += 1,
                st @ (G_RUNNABLE | G_RUNNING | G_SYSCALL) => {
                    bad = Some((g.goid(), st));
                    break;
                }
                _ => {}
            }
        }
    }
    if let Some((goid, st)) = bad {
        eprintln!("runtime: checkdead: find g {goid} in status {st}");
        crate::fatal::throw("checkdead: runnable g");
    }
    if grunning == 0 {
        crate::fatal::fatal("no goroutines (main called runtime.Goexit) - deadlock!");
    }
    // A sleeping G will be woken by a timer: not dead.
    for p in s.allp().ps.iter() {
        if p.timers.has_live() {
            return;
        }
    }
    crate::fatal::fatal("all goroutines are asleep - deadlock!");
}

// ---------------------------------------------------------------------------------------
// Gctx operations implemented here.

impl Gctx {
    /// The `go` statement (`newproc`): start `f` in a new goroutine. `start_fn` is the Go
    /// name of the started function ("main.worker", "main.main.func1") used in dumps. The
    /// new G goes to this P's runnext, as in Go. Returns its goid.
    pub fn go(&mut self, start_fn: Arc<str>, f: GEntry) -> u64 {
        let (creator_fn, parent) = {
            let info = self.g.info.lock();
            (info.start_fn.clone(), self.g.goid())
        };
        self.go_from(start_fn, creator_fn, None, f, parent)
    }

    /// `go` with the creator's details for "created by" lines: `creator_fn` is the function
    /// containing the `go` statement, `creator_loc` its location line
    /// ("/path/prog.go:11 +0x0"). Returns the new goid.
    pub fn go_at(
        &mut self,
        start_fn: Arc<str>,
        creator_fn: Arc<str>,
        creator_loc: Option<Arc<str>>,
        f: GEntry,
    ) -> u64 {
        let parent = self.g.goid();
        self.go_from(start_fn, creator_fn, creator_loc, f, parent)
    }

    fn go_from(
        &mut self,
        start_fn: Arc<str>,
        creator_fn: Arc<str>,
        creator_loc: Option<Arc<str>>,
        f: GEntry,
        parent: u64,
    ) -> u64 {
        let mc = self.mc();
        let (s, ms) = mc.split();
        newproc(
            s,
            ms,
            start_fn,
            Creator {
                parent_goid: parent,
                creator_fn,
                creator_loc,
            },
            f,
        )
    }

    /// `goready(gp)` for runtime code running on this G: ready `gp` onto our P's runnext.
    pub(crate) fn goready(&mut self, gp: Arc<G>) {
        let mc = self.mc();
        let (s, ms) = mc.split();
        ready(s, Some(ms), gp, true);
    }

    /// A random number from this M's generator (`cheaprand`).
    pub(crate) fn cheaprandn(&mut self, n: u32) -> u32 {
        self.mc().ms.rng.below(n)
    }
}
