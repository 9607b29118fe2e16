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
    /// A runtime callback (time.After/AfterFunc support): runs on g0, must not block.
    Func(Box<dyn FnOnce() + Send>),
}

pub(crate) struct TimerEntry {
    when: i64,
    seq: u64,
    f: TimerFn,
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
        let seq = self.seq.fetch_add(1, Ordering::Relaxed); // FIFO tiebreak only
        self.push_entry(TimerEntry {
            when: when.max(1),
            seq,
            f,
        });
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
        match t.f {
            TimerFn::Ready(gp) => crate::proc::ready(s, Some(ms), gp, true),
            TimerFn::Func(f) => f(),
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

/// Handle to a runtime timer made by `Gctx::after_func`; `stop` is Go's `t.Stop()`.
#[derive(Clone)]
pub struct TimerHandle {
    state: Arc<AtomicU32>,
}

const TIMER_PENDING: u32 = 0;
const TIMER_FIRED: u32 = 1;
const TIMER_STOPPED: u32 = 2;

impl TimerHandle {
    /// `Timer.Stop`: true if the call stopped the timer, false if it already fired or was
    /// stopped.
    pub fn stop(&self) -> bool {
        // AcqRel: decides the race with the firing path exactly once.
        self.state
            .compare_exchange(
                TIMER_PENDING,
                TIMER_STOPPED,
                Ordering::AcqRel,
                Ordering::Acquire,
            )
            .is_ok()
    }
}

impl Gctx {
    /// Start a runtime timer (Go's `newTimer`/`time.AfterFunc` machinery): after `d`, `f`
    /// runs on some M's scheduler stack (g0), not as a goroutine, so it must not block;
    /// typical use is a non-blocking channel send (`Chan::offer`) for time.After/NewTimer,
    /// or `spawn`-like wakeups. The timer goes on this G's current P.
    pub fn after_func(&mut self, d: Duration, f: Box<dyn FnOnce() + Send>) -> TimerHandle {
        let state = Arc::new(AtomicU32::new(TIMER_PENDING));
        let st2 = state.clone();
        let ns = i64::try_from(d.as_nanos()).unwrap_or(i64::MAX);
        let when = nanotime().saturating_add(ns);
        let wrapped: Box<dyn FnOnce() + Send> = Box::new(move || {
            // AcqRel: see stop().
            if st2
                .compare_exchange(
                    TIMER_PENDING,
                    TIMER_FIRED,
                    Ordering::AcqRel,
                    Ordering::Acquire,
                )
                .is_ok()
            {
                f();
            }
        });
        let mc = self.mc();
        let (s, ms) = mc.split();
        ms.pp().sh.timers.add(when, TimerFn::Func(wrapped));
        wake_netpoller(s, when);
        TimerHandle { state }
    }
}
