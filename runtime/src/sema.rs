//! sema: Go's `sema.go` semaphores ("sleep and wakeup such that every sleep is paired
//! with a single wakeup, even if, due to races, the wakeup happens before the sleep"),
//! and the `sync` primitives built on them as Go's `sync` package does: `Mutex`
//! (normal/starvation modes), `RWMutex`, `WaitGroup`, and `NotifyList` for `sync.Cond`. Go's panics and fatal errors are values or
//! `fatal` calls with Go's messages.
//!
//! Protocol (semacquire1 / semrelease1):
//! - acquire: fast `cansemacquire` CAS; else lock the root, **announce** (`nwait++`) and
//!   re-check before queueing, so a release that incremented the count first is seen.
//! - release: **publish** (`value++`) before looking at `nwait`; dequeue one waiter under
//!   the lock; with `handoff` the count is passed directly (`ticket = 1`) and the releaser
//!   yields its time slice to the waiter (`goyield`).
//!
//! Differences from Go: one queue per semaphore (Go hashes addresses into 251 treaps),
//! and `sync.Mutex` does not spin before parking (`runtime_canSpin` is false).

use std::cell::UnsafeCell;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicI32, AtomicU32, AtomicU64, Ordering};
use std::sync::Arc;

use parking_lot::lock_api::RawMutex as _;
use parking_lot::RawMutex;

use crate::park::Gctx;
use crate::runtime2::{Park, Unlock, WaitReason, G};
use crate::time::nanotime;

struct SemaWaiter {
    g: Arc<G>,
    /// `s.ticket`: 1 when the releaser handed the count to us directly.
    ticket: AtomicU32,
}

struct SemaRoot {
    lock: RawMutex,
    /// The semaphore's count (`*addr`).
    value: AtomicU32,
    /// `root.nwait`.
    nwait: AtomicU32,
    q: UnsafeCell<VecDeque<Arc<SemaWaiter>>>,
}

// SAFETY: `q` is only accessed with `lock` held; the rest is atomic.
unsafe impl Sync for SemaRoot {}
// SAFETY: as above.
unsafe impl Send for SemaRoot {}

/// A runtime semaphore (`runtime_Semacquire`/`runtime_Semrelease` on one `uint32`).
#[derive(Clone)]
pub struct Sema(Arc<SemaRoot>);

impl Default for Sema {
    fn default() -> Self {
        Sema::new(0)
    }
}

impl Sema {
    /// A semaphore with count `n`.
    pub fn new(n: u32) -> Sema {
        Sema(Arc::new(SemaRoot {
            lock: RawMutex::INIT,
            value: AtomicU32::new(n),
            nwait: AtomicU32::new(0),
            q: UnsafeCell::new(VecDeque::new()),
        }))
    }

    /// `cansemacquire`: decrement the count if positive.
    fn cansemacquire(&self) -> bool {
        let v = &self.0.value;
        let mut x = v.load(Ordering::Acquire); // Acquire: pairs with release's AcqRel add
        loop {
            if x == 0 {
                return false;
            }
            match v.compare_exchange_weak(x, x - 1, Ordering::AcqRel, Ordering::Acquire) {
                Ok(_) => return true,
                Err(cur) => x = cur,
            }
        }
    }

    /// `semacquire1(addr, lifo, reason)`: wait until the count is positive and take one.
    /// `lifo` queues at the head (sync.Mutex waiters that already waited once).
    pub fn acquire(&self, g: &mut Gctx, lifo: bool, reason: WaitReason) {
        if self.cansemacquire() {
            return;
        }
        let r = &*self.0;
        let s = Arc::new(SemaWaiter {
            g: g.g.clone(),
            ticket: AtomicU32::new(0),
        });
        loop {
            r.lock.lock();
            // Announce before re-checking: a release after this point sees nwait > 0.
            r.nwait.fetch_add(1, Ordering::SeqCst); // SeqCst: StoreLoad against release
            if self.cansemacquire() {
                r.nwait.fetch_sub(1, Ordering::SeqCst);
                // SAFETY: we hold the lock.
                unsafe { r.lock.unlock() };
                break;
            }
            {
                // SAFETY: lock held; the reference ends before the park.
                let q = unsafe { &mut *r.q.get() };
                if lifo {
                    q.push_front(s.clone());
                } else {
                    q.push_back(s.clone());
                }
            }
            // goparkunlock: g0 releases the root lock after we are Waiting (I2).
            g.gopark(reason, Unlock::Lock(&r.lock as *const RawMutex));
            if s.ticket.load(Ordering::Acquire) != 0 || self.cansemacquire() {
                // Acquire: pairs with the releaser's ticket store.
                break;
            }
        }
    }

    /// `semrelease1(addr, handoff)`: add one to the count and wake one waiter; with
    /// `handoff` give the count straight to it and yield to it (starving sync.Mutex).
    pub fn release(&self, g: &mut Gctx, handoff: bool) {
        let r = &*self.0;
        r.value.fetch_add(1, Ordering::SeqCst); // SeqCst: publish before reading nwait
        if r.nwait.load(Ordering::SeqCst) == 0 {
            return;
        }
        r.lock.lock();
        if r.nwait.load(Ordering::SeqCst) == 0 {
            // SAFETY: we hold the lock.
            unsafe { r.lock.unlock() };
            return;
        }
        // SAFETY: lock held; reference dropped before the unlock.
        let s = unsafe { (*r.q.get()).pop_front() };
        if s.is_some() {
            r.nwait.fetch_sub(1, Ordering::SeqCst);
        }
        // SAFETY: we hold the lock.
        unsafe { r.lock.unlock() };
        if let Some(s) = s {
            if s.ticket.load(Ordering::Relaxed) != 0 {
                crate::fatal::throw("corrupted semaphore ticket");
            }
            if handoff && self.cansemacquire() {
                s.ticket.store(1, Ordering::Release); // Release: read after the waiter wakes
            }
            let handed = s.ticket.load(Ordering::Relaxed) == 1;
            g.goready(s.g.clone());
            if handed {
                // goyield: run the waiter now, we go to the local queue tail.
                g.suspend(Park::Yield);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// sync.Mutex

const MUTEX_LOCKED: i32 = 1;
const MUTEX_WOKEN: i32 = 2;
const MUTEX_STARVING: i32 = 4;
const MUTEX_WAITER_SHIFT: u32 = 3;
/// Go's `starvationThresholdNs`: a waiter starved for 1 ms switches to starvation mode.
const STARVATION_THRESHOLD_NS: i64 = 1_000_000;

/// Go's `sync.Mutex` (sync/mutex.go), parking on a runtime semaphore with wait reason
/// "sync.Mutex.Lock".
#[derive(Default)]
pub struct Mutex {
    state: AtomicI32,
    sema: Sema,
}

impl Mutex {
    /// An unlocked mutex.
    pub fn new() -> Mutex {
        Mutex::default()
    }

    /// `m.Lock()`.
    pub fn lock(&self, g: &mut Gctx) {
        // Acquire: the critical section starts after this CAS.
        if self
            .state
            .compare_exchange(0, MUTEX_LOCKED, Ordering::Acquire, Ordering::Relaxed)
            .is_ok()
        {
            return;
        }
        self.lock_slow(g);
    }

    /// `m.TryLock()`.
    pub fn try_lock(&self) -> bool {
        let old = self.state.load(Ordering::Relaxed);
        if old & (MUTEX_LOCKED | MUTEX_STARVING) != 0 {
            return false;
        }
        // Acquire: see lock.
        self.state
            .compare_exchange(
                old,
                old | MUTEX_LOCKED,
                Ordering::Acquire,
                Ordering::Relaxed,
            )
            .is_ok()
    }

    fn lock_slow(&self, g: &mut Gctx) {
        let mut wait_start: i64 = 0;
        let mut starving = false;
        let mut awoke = false;
        let mut old = self.state.load(Ordering::Relaxed);
        loop {
            let mut new = old;
            if old & MUTEX_STARVING == 0 {
                new |= MUTEX_LOCKED;
            }
            if old & (MUTEX_LOCKED | MUTEX_STARVING) != 0 {
                new += 1 << MUTEX_WAITER_SHIFT;
            }
            if starving && old & MUTEX_LOCKED != 0 {
                new |= MUTEX_STARVING;
            }
            if awoke {
                if new & MUTEX_WOKEN == 0 {
                    crate::fatal::throw("sync: inconsistent mutex state");
                }
                new &= !MUTEX_WOKEN;
            }
            // AcqRel: acquiring the lock (Acquire) / publishing our waiter count.
            if self
                .state
                .compare_exchange(old, new, Ordering::AcqRel, Ordering::Relaxed)
                .is_ok()
            {
                if old & (MUTEX_LOCKED | MUTEX_STARVING) == 0 {
                    break; // locked with CAS
                }
                let lifo = wait_start != 0;
                if wait_start == 0 {
                    wait_start = nanotime();
                }
                self.sema.acquire(g, lifo, WaitReason::SyncMutexLock);
                starving = starving || nanotime() - wait_start > STARVATION_THRESHOLD_NS;
                old = self.state.load(Ordering::Acquire); // Acquire: handoff in starvation mode
                if old & MUTEX_STARVING != 0 {
                    if old & (MUTEX_LOCKED | MUTEX_WOKEN) != 0 || old >> MUTEX_WAITER_SHIFT == 0 {
                        crate::fatal::throw("sync: inconsistent mutex state");
                    }
                    let mut delta = MUTEX_LOCKED - (1 << MUTEX_WAITER_SHIFT);
                    if !starving || old >> MUTEX_WAITER_SHIFT == 1 {
                        delta -= MUTEX_STARVING;
                    }
                    self.state.fetch_add(delta, Ordering::AcqRel); // AcqRel: we own the lock now
                    break;
                }
                awoke = true;
            } else {
                old = self.state.load(Ordering::Relaxed);
            }
        }
    }

    /// `m.Unlock()`; unlocking an unlocked mutex is Go's fatal error
    /// `fatal error: sync: unlock of unlocked mutex`.
    pub fn unlock(&self, g: &mut Gctx) {
        // Release: ends the critical section.
        let new = self.state.fetch_sub(MUTEX_LOCKED, Ordering::AcqRel) - MUTEX_LOCKED;
        if new != 0 {
            self.unlock_slow(g, new);
        }
    }

    fn unlock_slow(&self, g: &mut Gctx, new: i32) {
        if (new + MUTEX_LOCKED) & MUTEX_LOCKED == 0 {
            crate::fatal::fatal_on(g.goid(), "sync: unlock of unlocked mutex");
        }
        if new & MUTEX_STARVING == 0 {
            let mut old = new;
            loop {
                if old >> MUTEX_WAITER_SHIFT == 0
                    || old & (MUTEX_LOCKED | MUTEX_WOKEN | MUTEX_STARVING) != 0
                {
                    return;
                }
                let new = (old - (1 << MUTEX_WAITER_SHIFT)) | MUTEX_WOKEN;
                if self
                    .state
                    .compare_exchange(old, new, Ordering::AcqRel, Ordering::Relaxed)
                    .is_ok()
                {
                    self.sema.release(g, false);
                    return;
                }
                old = self.state.load(Ordering::Relaxed);
            }
        } else {
            self.sema.release(g, true);
        }
    }
}

// ---------------------------------------------------------------------------------------
// sync.WaitGroup

/// Go's `sync.WaitGroup`: counter in the high 32 bits, waiters in the low 32; Wait parks
/// with wait reason "sync.WaitGroup.Wait". Misuse returns Go's panic message as `Err`.
#[derive(Default)]
pub struct WaitGroup {
    state: AtomicU64,
    sema: Sema,
}

impl WaitGroup {
    /// A zero WaitGroup.
    pub fn new() -> WaitGroup {
        WaitGroup::default()
    }

    /// `wg.Add(delta)`; `Err` carries Go's panic text ("sync: negative WaitGroup counter").
    pub fn add(&self, g: &mut Gctx, delta: i64) -> Result<(), &'static str> {
        let state = self
            .state
            .fetch_add((delta as u64) << 32, Ordering::AcqRel)
            .wrapping_add((delta as u64) << 32); // AcqRel: Done → Wait happens-before
        let v = (state >> 32) as i32;
        let w = state as u32;
        if v < 0 {
            return Err("sync: negative WaitGroup counter");
        }
        if w != 0 && delta > 0 && v as i64 == delta {
            return Err("sync: WaitGroup misuse: Add called concurrently with Wait");
        }
        if v > 0 || w == 0 {
            return Ok(());
        }
        if self.state.load(Ordering::Acquire) != state {
            return Err("sync: WaitGroup misuse: Add called concurrently with Wait");
        }
        self.state.store(0, Ordering::Release); // Release: reset before waking waiters
        for _ in 0..w {
            self.sema.release(g, false);
        }
        Ok(())
    }

    /// `wg.Done()`.
    pub fn done(&self, g: &mut Gctx) -> Result<(), &'static str> {
        self.add(g, -1)
    }

    /// `wg.Wait()`.
    pub fn wait(&self, g: &mut Gctx) -> Result<(), &'static str> {
        loop {
            let state = self.state.load(Ordering::Acquire); // Acquire: see add
            if (state >> 32) as i32 == 0 {
                return Ok(());
            }
            if self
                .state
                .compare_exchange(state, state + 1, Ordering::AcqRel, Ordering::Acquire)
                .is_ok()
            {
                self.sema.acquire(g, false, WaitReason::SyncWaitGroupWait);
                if self.state.load(Ordering::Acquire) != 0 {
                    return Err("sync: WaitGroup is reused before previous Wait has returned");
                }
                return Ok(());
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// sync.RWMutex

/// Go's `rwmutexMaxReaders`.
const RWMUTEX_MAX_READERS: i32 = 1 << 30;

/// Go's `sync.RWMutex` (sync/rwmutex.go): writers wait with "sync.RWMutex.Lock",
/// readers with "sync.RWMutex.RLock", writer-vs-writer on an inner Mutex.
#[derive(Default)]
pub struct RWMutex {
    w: Mutex,
    writer_sem: Sema,
    reader_sem: Sema,
    reader_count: AtomicI32,
    reader_wait: AtomicI32,
}

impl RWMutex {
    /// An unlocked RWMutex.
    pub fn new() -> RWMutex {
        RWMutex::default()
    }

    /// `rw.RLock()`.
    pub fn rlock(&self, g: &mut Gctx) {
        // AcqRel: reader entry orders against the writer's Add(-max).
        if self.reader_count.fetch_add(1, Ordering::AcqRel) + 1 < 0 {
            self.reader_sem
                .acquire(g, false, WaitReason::SyncRWMutexRLock);
        }
    }

    /// `rw.TryRLock()`: read-lock unless a writer holds or awaits the lock.
    pub fn try_rlock(&self) -> bool {
        let mut c = self.reader_count.load(Ordering::Acquire);
        loop {
            if c < 0 {
                return false;
            }
            // AcqRel: as rlock's Add.
            match self.reader_count.compare_exchange_weak(
                c,
                c + 1,
                Ordering::AcqRel,
                Ordering::Acquire,
            ) {
                Ok(_) => return true,
                Err(now) => c = now,
            }
        }
    }

    /// `rw.TryLock()`: write-lock if neither a writer nor any reader holds the lock.
    pub fn try_lock(&self, g: &mut Gctx) -> bool {
        if !self.w.try_lock() {
            return false;
        }
        if self
            .reader_count
            .compare_exchange(0, -RWMUTEX_MAX_READERS, Ordering::AcqRel, Ordering::Acquire)
            .is_err()
        {
            self.w.unlock(g);
            return false;
        }
        true
    }

    /// `rw.RUnlock()`; `fatal error: sync: RUnlock of unlocked RWMutex` on misuse.
    pub fn runlock(&self, g: &mut Gctx) {
        let r = self.reader_count.fetch_sub(1, Ordering::AcqRel) - 1; // AcqRel: see rlock
        if r < 0 {
            if r + 1 == 0 || r + 1 == -RWMUTEX_MAX_READERS {
                crate::fatal::fatal_on(g.goid(), "sync: RUnlock of unlocked RWMutex");
            }
            if self.reader_wait.fetch_sub(1, Ordering::AcqRel) - 1 == 0 {
                // The last reader unblocks the writer.
                self.writer_sem.release(g, false);
            }
        }
    }

    /// `rw.Lock()`.
    pub fn lock(&self, g: &mut Gctx) {
        self.w.lock(g);
        // Announce the pending writer to readers.
        // Go: r := readerCount.Add(-max) + max, i.e. the count before the add.
        let r = self
            .reader_count
            .fetch_add(-RWMUTEX_MAX_READERS, Ordering::AcqRel);
        if r != 0 && self.reader_wait.fetch_add(r, Ordering::AcqRel) + r != 0 {
            self.writer_sem
                .acquire(g, false, WaitReason::SyncRWMutexLock);
        }
    }

    /// `rw.Unlock()`; `fatal error: sync: Unlock of unlocked RWMutex` on misuse.
    pub fn unlock(&self, g: &mut Gctx) {
        let r = self
            .reader_count
            .fetch_add(RWMUTEX_MAX_READERS, Ordering::AcqRel)
            + RWMUTEX_MAX_READERS;
        if r >= RWMUTEX_MAX_READERS {
            crate::fatal::fatal_on(g.goid(), "sync: Unlock of unlocked RWMutex");
        }
        for _ in 0..r {
            self.reader_sem.release(g, false);
        }
        self.w.unlock(g);
    }
}

// ---------------------------------------------------------------------------------------
// notifyList (sync.Cond)

struct NotifyWaiter {
    g: Arc<G>,
    ticket: u32,
}

struct NotifyInner {
    /// `wait`: ticket of the next waiter.
    wait: AtomicU32,
    /// `notify`: ticket of the next waiter to be notified (under lock).
    notify: AtomicU32,
    lock: RawMutex,
    list: UnsafeCell<VecDeque<NotifyWaiter>>,
}

// SAFETY: `list` is only accessed with `lock` held; the rest is atomic.
unsafe impl Sync for NotifyInner {}
// SAFETY: as above.
unsafe impl Send for NotifyInner {}

/// Go's `notifyList`, the runtime half of `sync.Cond`: `c.Wait()` is
/// `t := add(); c.L.Unlock(); wait(g, t); c.L.Lock()`; `Signal`/`Broadcast` are
/// `notify_one`/`notify_all`. Waiters park with wait reason "sync.Cond.Wait".
#[derive(Clone)]
pub struct NotifyList(Arc<NotifyInner>);

impl Default for NotifyList {
    fn default() -> Self {
        NotifyList::new()
    }
}

/// Ticket order with wraparound (`less(a, b)` in sema.go).
fn ticket_less(a: u32, b: u32) -> bool {
    (a.wrapping_sub(b) as i32) < 0
}

impl NotifyList {
    /// An empty list.
    pub fn new() -> NotifyList {
        NotifyList(Arc::new(NotifyInner {
            wait: AtomicU32::new(0),
            notify: AtomicU32::new(0),
            lock: RawMutex::INIT,
            list: UnsafeCell::new(VecDeque::new()),
        }))
    }

    /// `notifyListAdd`: take a ticket (before unlocking the Cond's Locker).
    pub fn add(&self) -> u32 {
        self.0.wait.fetch_add(1, Ordering::AcqRel) // AcqRel: orders against notify_*
    }

    /// `notifyListWait(t)`: park until ticket `t` is notified.
    pub fn wait(&self, g: &mut Gctx, t: u32) {
        let l = &*self.0;
        l.lock.lock();
        if ticket_less(t, l.notify.load(Ordering::Relaxed)) {
            // Already notified. SAFETY: we hold the lock.
            unsafe { l.lock.unlock() };
            return;
        }
        // SAFETY: lock held; reference ends before the park.
        unsafe {
            (*l.list.get()).push_back(NotifyWaiter {
                g: g.g.clone(),
                ticket: t,
            })
        };
        g.gopark(
            WaitReason::SyncCondWait,
            Unlock::Lock(&l.lock as *const RawMutex),
        );
    }

    /// `notifyListNotifyOne` (`c.Signal()`).
    pub fn notify_one(&self, g: &mut Gctx) {
        let l = &*self.0;
        if l.wait.load(Ordering::Acquire) == l.notify.load(Ordering::Acquire) {
            return; // fast path: no waiters since the last notification
        }
        l.lock.lock();
        let t = l.notify.load(Ordering::Relaxed);
        if t == l.wait.load(Ordering::Acquire) {
            // SAFETY: we hold the lock.
            unsafe { l.lock.unlock() };
            return;
        }
        l.notify.store(t.wrapping_add(1), Ordering::Release); // Release: read by wait/fast path
                                                              // SAFETY: lock held; reference dropped before unlock.
        let w = unsafe {
            let list = &mut *l.list.get();
            list.iter()
                .position(|w| w.ticket == t)
                .and_then(|i| list.remove(i))
        };
        // SAFETY: we hold the lock.
        unsafe { l.lock.unlock() };
        if let Some(w) = w {
            g.goready(w.g);
        }
    }

    /// `notifyListNotifyAll` (`c.Broadcast()`).
    pub fn notify_all(&self, g: &mut Gctx) {
        let l = &*self.0;
        if l.wait.load(Ordering::Acquire) == l.notify.load(Ordering::Acquire) {
            return;
        }
        l.lock.lock();
        // SAFETY: lock held; reference dropped before unlock.
        let all = unsafe { std::mem::take(&mut *l.list.get()) };
        l.notify
            .store(l.wait.load(Ordering::Acquire), Ordering::Release); // Release: see notify_one
                                                                       // SAFETY: we hold the lock.
        unsafe { l.lock.unlock() };
        for w in all {
            g.goready(w.g);
        }
    }
}
