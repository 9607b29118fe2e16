//! time: nanotime, per-P timers (Go's `time.go` 4-ary heap), time.Sleep's timer, the
//! idle M's timed sleep ("netpoll" without a network) and timer callbacks.
//!
//! Each P owns a `Timers` heap (shared with thieves under a mutex, as Go's `ts.mu`). A
//! sleeping G's timer is armed by g0 in park_m (resetForSleep) on the current P. Expired
//! timers are run by `check_timers` from findrunnable (own P) and stealWork's last round
//! (other Ps); an M that finds nothing to do sleeps until the earliest timer (`netpoll`
//! with a delay), and adding an earlier timer wakes it (`wake_netpoller`).

use std::sync::atomic::{AtomicI64, AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use parking_lot::Mutex;

use crate::chan::Chan;
use crate::park::Gctx;
use crate::runtime2::{MState, PShared, Sched, G};

/// Go's `timerHeapN`: the timer heap is 4-ary.
const TIMER_HEAP_N: usize = 4;

/// `nanotime()`: monotonic nanoseconds since the first call in this process (never 0).
pub fn nanotime() -> i64 {
    static START: OnceLock<Instant> = OnceLock::new();
    let start = START.get_or_init(Instant::now);
    start.elapsed().as_nanos() as i64 + 1
}

/// What a timer does when it fires (Go's `t.f`).
pub(crate) enum TimerFn {
    /// `goroutineReady`: ready a sleeping G.
    Ready(Arc<G>),
    /// A runtime callback (time.After support): runs on g0, must not block.
    Func(Box<dyn FnOnce() + Send>),
    /// `goFunc` (time.AfterFunc): start a goroutine running the entry.
    Go(Arc<TimerState>, Arc<str>, crate::coro::GEntry),
    /// A periodic timer (time.Ticker): `f` runs on g0 every `period` ns until stopped.
    Tick(Arc<TimerState>, i64, Arc<dyn Fn() + Send + Sync>),
}

/// Whether a timer still matters to checkdead (a pending, un-stopped timer; for channel
/// timers, only while some goroutine waits on the channel, as in Go ≥ 1.23).
type Keepalive = Box<dyn Fn() -> bool + Send>;

pub(crate) struct TimerEntry {
    when: i64,
    seq: u64,
    f: TimerFn,
    keepalive: Option<Keepalive>,
}

/// A P's timers (`timers` in time.go).
pub(crate) struct Timers {
    heap: Mutex<Vec<TimerEntry>>,
    /// `ts.len`.
    len: AtomicU32,
    /// `minWhenHeap`: earliest `when`, 0 = none. Lock-free pre-check for check().
    min_when: AtomicI64,
    seq: AtomicU64,
}

impl Timers {
    pub(crate) fn new() -> Timers {
        Timers {
            heap: Mutex::new(Vec::new()),
            len: AtomicU32::new(0),
            min_when: AtomicI64::new(0),
            seq: AtomicU64::new(0),
        }
    }

    /// `ts.wakeTime()`: earliest timer, 0 if none.
    pub(crate) fn wake_time(&self) -> i64 {
        self.min_when.load(Ordering::Acquire) // Acquire: pairs with the Release in publish
    }

    pub(crate) fn len(&self) -> u32 {
        self.len.load(Ordering::Acquire) // see publish
    }

    fn publish(&self, h: &[TimerEntry]) {
        self.len.store(h.len() as u32, Ordering::Release); // Release: written under ts.mu
        self.min_when
            .store(h.first().map(|t| t.when).unwrap_or(0), Ordering::Release);
    }

    /// `ts.addHeap`.
    pub(crate) fn add(&self, when: i64, f: TimerFn) {
        self.add_with(when, f, None)
    }

    fn add_with(&self, when: i64, f: TimerFn, keepalive: Option<Keepalive>) {
        let seq = self.seq.fetch_add(1, Ordering::Relaxed); // FIFO tiebreak only
        self.push_entry(TimerEntry {
            when: when.max(1),
            seq,
            f,
            keepalive,
        });
    }

    /// Whether some timer here can still wake a goroutine (checkdead's "for each P: if
    /// len(pp.timers.heap) > 0 return", minus stopped timers and unwatched channel
    /// timers, which Go does not keep in the heap).
    pub(crate) fn has_live(&self) -> bool {
        if self.len() == 0 {
            return false;
        }
        let h = self.heap.lock();
        h.iter().any(|t| t.keepalive.as_ref().is_none_or(|k| k()))
    }

    pub(crate) fn push_entry(&self, t: TimerEntry) {
        let mut h = self.heap.lock();
        h.push(t);
        let n = h.len() - 1;
        sift_up(&mut h, n);
        self.publish(&h);
    }

    /// Remove every timer (pp.destroy moves them to another P).
    pub(crate) fn take_all(&self) -> Vec<TimerEntry> {
        let mut h = self.heap.lock();
        let v = std::mem::take(&mut *h);
        self.publish(&h);
        v
    }

    /// Pop all timers due at `now`; returns them and the next `when` (0 if none).
    fn take_expired(&self, now: i64) -> Vec<TimerEntry> {
        let mut out = Vec::new();
        let mut h = self.heap.lock();
        while let Some(t) = h.first() {
            if t.when > now {
                break;
            }
            let last = h.len() - 1;
            h.swap(0, last);
            if let Some(t) = h.pop() {
                out.push(t);
            }
            if !h.is_empty() {
                sift_down(&mut h, 0);
            }
        }
        self.publish(&h);
        out
    }
}

fn less(a: &TimerEntry, b: &TimerEntry) -> bool {
    (a.when, a.seq) < (b.when, b.seq)
}

/// `siftupTimer` (4-ary).
fn sift_up(h: &mut [TimerEntry], mut i: usize) {
    while i > 0 {
        let parent = (i - 1) / TIMER_HEAP_N;
        if !less(&h[i], &h[parent]) {
            break;
        }
        h.swap(i, parent);
        i = parent;
    }
}

/// `siftdownTimer` (4-ary).
fn sift_down(h: &mut [TimerEntry], mut i: usize) {
    let n = h.len();
    loop {
        let first = i * TIMER_HEAP_N + 1;
        if first >= n {
            break;
        }
        let mut m = first;
        for c in first + 1..(first + TIMER_HEAP_N).min(n) {
            if less(&h[c], &h[m]) {
                m = c;
            }
        }
        if !less(&h[m], &h[i]) {
            break;
        }
        h.swap(i, m);
        i = m;
    }
}

/// `ts.check(now)` on P `pp` (ours or a victim's in stealWork): run expired timers with
/// the heap unlocked, readying Gs onto *our* P. Returns (now, pollUntil, ran).
pub(crate) fn check_timers(s: &Sched, ms: &mut MState, pp: &PShared, now: i64) -> (i64, i64, bool) {
    let next = pp.timers.wake_time();
    if next == 0 || now < next {
        return (now, next, false);
    }
    let expired = pp.timers.take_expired(now);
    let ran = !expired.is_empty();
    for t in expired {
        let keepalive = t.keepalive;
        match t.f {
            TimerFn::Tick(state, period, f) => {
                if state.pending() {
                    f();
                    // Go: next = when + period*(1+delay/period): missed ticks are skipped.
                    let delay = now - t.when;
                    let next = t
                        .when
                        .saturating_add(period.saturating_mul(1 + delay / period));
                    ms.pp()
                        .sh
                        .timers
                        .add_with(next, TimerFn::Tick(state, period, f), keepalive);
                }
            }
            TimerFn::Ready(gp) => crate::proc::ready(s, Some(ms), gp, true),
            TimerFn::Func(f) => f(),
            TimerFn::Go(state, name, entry) => {
                if state.fire() {
                    let cr = crate::proc::Creator {
                        parent_goid: 0,
                        creator_fn: Arc::from("time.goFunc"),
                        creator_loc: None,
                    };
                    crate::proc::newproc(s, ms, name, cr, entry);
                }
            }
        }
    }
    (now, pp.timers.wake_time(), ran)
}

/// `netpollBreak()`: wake the M sleeping in the timed wait.
pub(crate) fn netpoll_break(s: &Sched) {
    s.netpoll_note.wakeup();
}

/// `wakeNetPoller(when)`: make sure some M will run a timer due at `when`.
pub(crate) fn wake_netpoller(s: &Sched, when: i64) {
    if s.lastpoll.load(Ordering::SeqCst) == 0 {
        // SeqCst: pairs with findrunnable's lastpoll swap.
        let pu = s.poll_until.load(Ordering::SeqCst);
        if pu == 0 || pu > when {
            netpoll_break(s);
        }
    } else {
        crate::proc::wakep(s);
    }
}

/// Shared state of a runtime timer: pending → fired or stopped, decided once.
pub(crate) struct TimerState(AtomicU32);

const TIMER_PENDING: u32 = 0;
const TIMER_FIRED: u32 = 1;
const TIMER_STOPPED: u32 = 2;

impl TimerState {
    fn new() -> Arc<TimerState> {
        Arc::new(TimerState(AtomicU32::new(TIMER_PENDING)))
    }

    /// The firing path: true if the timer was still pending.
    fn fire(&self) -> bool {
        // AcqRel: decides the race with stop() exactly once.
        self.0
            .compare_exchange(
                TIMER_PENDING,
                TIMER_FIRED,
                Ordering::AcqRel,
                Ordering::Acquire,
            )
            .is_ok()
    }

    fn pending(&self) -> bool {
        self.0.load(Ordering::Acquire) == TIMER_PENDING // Acquire: see fire
    }
}

/// Handle to a runtime timer (`Gctx::after_func`, `after_chan`, `after_go`).
#[derive(Clone)]
pub struct TimerHandle {
    state: Arc<TimerState>,
}

impl TimerHandle {
    /// `Timer.Stop`: true if the call stopped the timer, false if it already fired or was
    /// stopped. A stopped timer no longer counts as a possible wakeup for deadlock
    /// detection.
    pub fn stop(&self) -> bool {
        // AcqRel: see TimerState::fire.
        self.state
            .0
            .compare_exchange(
                TIMER_PENDING,
                TIMER_STOPPED,
                Ordering::AcqRel,
                Ordering::Acquire,
            )
            .is_ok()
    }
}

fn when_after(d: Duration) -> i64 {
    let ns = i64::try_from(d.as_nanos()).unwrap_or(i64::MAX);
    nanotime().saturating_add(ns)
}

impl Gctx {
    fn add_timer(&mut self, when: i64, f: TimerFn, keepalive: Option<Keepalive>) {
        let mc = self.mc();
        let (s, ms) = mc.split();
        ms.pp().sh.timers.add_with(when, f, keepalive);
        wake_netpoller(s, when);
    }

    /// A runtime timer: after `d`, `f` runs on some M's scheduler stack (g0), not as a
    /// goroutine, so it must not block (e.g. `Chan::offer`). While pending and not
    /// stopped it counts as a future wakeup (no deadlock is reported). The timer goes on
    /// this G's current P.
    pub fn after_func(&mut self, d: Duration, f: Box<dyn FnOnce() + Send>) -> TimerHandle {
        let state = TimerState::new();
        let (st2, st3) = (state.clone(), state.clone());
        let wrapped: Box<dyn FnOnce() + Send> = Box::new(move || {
            if st2.fire() {
                f();
            }
        });
        self.add_timer(
            when_after(d),
            TimerFn::Func(wrapped),
            Some(Box::new(move || st3.pending())),
        );
        TimerHandle { state }
    }

    /// `time.After` / `time.NewTimer` (Go ≥ 1.23 semantics): after `d`, send `v` on `ch`
    /// without blocking (make `ch` with capacity 1, as package time does). The timer only
    /// counts for deadlock detection while some goroutine is blocked receiving from `ch`,
    /// as Go keeps channel timers in the heap only then.
    pub fn after_chan<T: Send + 'static>(
        &mut self,
        d: Duration,
        ch: &Chan<T>,
        v: T,
    ) -> TimerHandle {
        let state = TimerState::new();
        let st2 = state.clone();
        let st3 = state.clone();
        let c2 = ch.clone();
        let c3 = ch.clone();
        let f: Box<dyn FnOnce() + Send> = Box::new(move || {
            if st2.fire() {
                let _ = c2.offer(v);
            }
        });
        let keep: Keepalive = Box::new(move || st3.pending() && c3.has_waiting_receivers());
        self.add_timer(when_after(d), TimerFn::Func(f), Some(keep));
        TimerHandle { state }
    }

    /// `time.NewTicker(d)` / `time.Tick`: every `d` (> 0), send `make()` on `ch` without
    /// blocking (ticks are dropped while the buffer is full, as Go's `sendTime`). Like
    /// `after_chan`, it only counts for deadlock detection while a goroutine waits on `ch`.
    /// `stop` ends it.
    pub fn ticker_chan<T: Send + 'static>(
        &mut self,
        d: Duration,
        ch: &Chan<T>,
        make: Arc<dyn Fn() -> T + Send + Sync>,
    ) -> TimerHandle {
        let state = TimerState::new();
        let st3 = state.clone();
        let c2 = ch.clone();
        let c3 = ch.clone();
        let f: Arc<dyn Fn() + Send + Sync> = Arc::new(move || {
            let _ = c2.offer(make());
        });
        let period = i64::try_from(d.as_nanos()).unwrap_or(i64::MAX).max(1);
        let keep: Keepalive = Box::new(move || st3.pending() && c3.has_waiting_receivers());
        self.add_timer(
            when_after(d),
            TimerFn::Tick(state.clone(), period, f),
            Some(keep),
        );
        TimerHandle { state }
    }

    /// `time.AfterFunc(d, f)`: after `d`, run `entry` in a new goroutine (named `start_fn`,
    /// "created by time.goFunc"). Counts as a future wakeup while pending.
    pub fn after_go(
        &mut self,
        d: Duration,
        start_fn: Arc<str>,
        entry: crate::coro::GEntry,
    ) -> TimerHandle {
        let state = TimerState::new();
        let st3 = state.clone();
        self.add_timer(
            when_after(d),
            TimerFn::Go(state.clone(), start_fn, entry),
            Some(Box::new(move || st3.pending())),
        );
        TimerHandle { state }
    }
}
