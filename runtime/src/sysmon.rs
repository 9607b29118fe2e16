//! sysmon: the monitor thread (Go's `sysmon`): 20 µs → 10 ms back-off, `retake`
//! (preempt a G running ≥ 10 ms, hand off the P of an M blocked in a syscall),
//! schedtrace printing. Also stop-the-world (for runtime.GOMAXPROCS): `gcstopm`,
//! `stop_the_world`, `start_the_world`, `preemptall`.

use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use parking_lot::MutexGuard;

use crate::park::Gctx;
use crate::proc::{handoffp, pidleget, procresize_locked, releasep, startm, stopm, wakep};
use crate::runtime2::{MState, PShared, Sched, SchedLocked, P, P_GCSTOP, P_RUNNING, P_SYSCALL};
use crate::time::nanotime;

/// Go's `forcePreemptNS`: a G (or runnext chain) running this long is preempted.
const FORCE_PREEMPT_NS: i64 = 10 * 1000 * 1000;
/// sysmon's minimum and maximum sleep (µs).
const SYSMON_MIN_DELAY_US: u64 = 20;
const SYSMON_MAX_DELAY_US: u64 = 10 * 1000;

/// `sysmoncheck`-style per-P record (`pd` in retake).
#[derive(Clone, Copy, Default)]
struct SysmonTick {
    schedtick: u32,
    schedwhen: i64,
    syscalltick: u32,
    syscallwhen: i64,
}

/// `sysmon()`: runs on its own thread without a P until the program ends.
pub(crate) fn sysmon(s: Arc<Sched>) {
    let mut idle = 0u32;
    let mut delay = 0u64;
    let mut pd: Vec<SysmonTick> = Vec::new();
    let trace_ns = s.cfg.schedtrace_ms as i64 * 1_000_000;
    // Go's lasttrace starts at 0 against a since-boot clock: the first tick prints.
    let mut lasttrace = nanotime() - trace_ns;
    loop {
        if s.shutdown.load(Ordering::Relaxed) {
            return;
        }
        if idle == 0 {
            delay = SYSMON_MIN_DELAY_US;
        } else if idle > 50 {
            delay *= 2;
        }
        delay = delay.min(SYSMON_MAX_DELAY_US);
        s.sysmon_note.sleep_timeout(Duration::from_micros(delay));
        if s.shutdown.load(Ordering::Relaxed) {
            return;
        }
        let now = nanotime();
        s.coarse_now.store(now, Ordering::Relaxed); // informational clock
        if retake(&s, now, &mut pd) != 0 {
            idle = 0;
        } else {
            idle += 1;
        }
        // Overdue timers and no M sleeping on them (`timeSleepUntil() < now`): start an
        // M for an idle P so they run.
        if s.lastpoll.load(Ordering::SeqCst) != 0 && s.npidle.load(Ordering::SeqCst) > 0 {
            let next = s
                .allp()
                .ps
                .iter()
                .map(|p| p.timers.wake_time())
                .filter(|&w| w != 0)
                .min();
            if matches!(next, Some(w) if w < now) {
                startm(&s, None, false);
            }
        }
        if trace_ns > 0 && lasttrace + trace_ns <= now {
            lasttrace = now;
            crate::trace::schedtrace(&s, s.cfg.scheddetail);
        }
    }
}

/// `retake(now)`: preempt long-running Gs, retake Ps blocked in syscalls. Returns the
/// number of Ps retaken.
fn retake(s: &Sched, now: i64, pd: &mut Vec<SysmonTick>) -> u32 {
    let allp = s.allp();
    if pd.len() < allp.ps.len() {
        pd.resize(allp.ps.len(), SysmonTick::default());
    }
    let mut n = 0;
    for p in allp.ps.iter() {
        let d = &mut pd[p.id];
        let status = p.status.load(Ordering::Relaxed);
        let mut sysretake = false;
        if status == P_RUNNING || status == P_SYSCALL {
            let t = p.schedtick.load(Ordering::Relaxed);
            if d.schedtick != t {
                d.schedtick = t;
                d.schedwhen = now;
            } else if d.schedwhen + FORCE_PREEMPT_NS <= now {
                preemptone(p);
                sysretake = true;
            }
        }
        if status == P_SYSCALL {
            let t = p.syscalltick.load(Ordering::Relaxed);
            if !sysretake && d.syscalltick != t {
                d.syscalltick = t;
                d.syscallwhen = now;
                continue;
            }
            if p.runqempty()
                && s.nmspinning.load(Ordering::SeqCst) + s.npidle.load(Ordering::SeqCst) > 0
                && d.syscallwhen + FORCE_PREEMPT_NS > now
            {
                continue;
            }
            let taken = p.syscall_slot.lock().take();
            if let Some(pp) = taken {
                pp.sh.syscalltick.fetch_add(1, Ordering::Relaxed); // informational
                pp.sh
                    .status
                    .store(crate::runtime2::P_IDLE, Ordering::Relaxed);
                n += 1;
                handoffp(s, pp);
            }
        }
    }
    n
}

/// `preemptone(pp)`: ask the G running on `pp` to yield at its next safe point.
fn preemptone(p: &PShared) {
    let g = p.curg.load(Ordering::Acquire); // Acquire: pairs with execute's Release
    if g.is_null() {
        return;
    }
    // SAFETY: curg points into an `Arc<G>` held by `Sched::allgs`, which never shrinks
    // (I6), so the G is alive; we only touch an atomic flag.
    unsafe { (*g).preempt.store(true, Ordering::Relaxed) }; // Relaxed: a hint, polled
}

/// `preemptall()`.
pub(crate) fn preemptall(s: &Sched) {
    for p in s.allp().ps.iter() {
        if p.status.load(Ordering::Relaxed) == P_RUNNING {
            preemptone(p);
        }
    }
}

/// `freezetheworld()`: best-effort stop before a fatal print: Ms stop at their next
/// scheduling point, running Gs are asked to yield at their next safe point.
pub(crate) fn freezetheworld(s: &Sched) {
    s.gcwaiting.store(true, Ordering::Release); // Release: read by findrunnable
    preemptall(s);
}

/// `gcstopm()`: a stop-the-world is pending: give our P to it and sleep.
pub(crate) fn gcstopm(s: &Sched, ms: &mut MState) -> bool {
    if ms.spinning {
        ms.spinning = false;
        ms.m.spinning.store(false, Ordering::Relaxed); // informational
        s.nmspinning.fetch_sub(1, Ordering::SeqCst); // SeqCst: spinning protocol
    }
    let p = releasep(ms);
    {
        let mut l = s.lock.lock();
        gcstop_p(s, &mut l, p);
    }
    stopm(s, ms)
}

/// Park `pp` as stopped for the world stop; sched.lock held.
pub(crate) fn gcstop_p(s: &Sched, l: &mut MutexGuard<'_, SchedLocked>, pp: Box<P>) {
    pp.sh.status.store(P_GCSTOP, Ordering::Relaxed);
    l.stopped.push(pp);
    l.stopwait -= 1;
    if l.stopwait == 0 {
        s.stopnote.wakeup();
    }
}

impl Gctx {
    /// `runtime.GOMAXPROCS(n)`: with n < 1 only query; else stop the world, resize the
    /// set of Ps (procresize), restart. Returns the previous setting.
    pub fn gomaxprocs(&mut self, n: i32) -> i32 {
        loop {
            let mc = self.mc();
            let sched = mc.sched.clone();
            let s = &*sched;
            let ret = s.gomaxprocs();
            if n <= 0 || n == ret {
                return ret;
            }
            // Another goroutine stopping the world (a collection) waits for our P: yield
            // to it rather than block in the lock.
            if let Some(_stw) = s.stw.try_lock() {
                let ms = &mut mc.ms;
                stop_the_world(s, ms);
                start_the_world(s, ms, n);
                return ret;
            }
            self.gosched();
        }
    }
}

/// `stopTheWorldWithSema`: every P but ours ends in `l.stopped`; ours stays in `ms.p`
/// with status `_Pgcstop`.
pub(crate) fn stop_the_world(s: &Sched, ms: &mut MState) {
    {
        let mut l = s.lock.lock();
        l.stopwait = s.gomaxprocs() as i64;
        s.gcwaiting.store(true, Ordering::Release); // Release: read by findrunnable
        preemptall(s);
        ms.pp().sh.status.store(P_GCSTOP, Ordering::Relaxed);
        l.stopwait -= 1;
        for p in s.allp().ps.iter() {
            if p.status.load(Ordering::Relaxed) == P_SYSCALL {
                if let Some(pp) = p.syscall_slot.lock().take() {
                    gcstop_p(s, &mut l, pp);
                }
            }
        }
        while let Some(pp) = pidleget(s, &mut l) {
            gcstop_p(s, &mut l, pp);
        }
    }
    loop {
        if s.lock.lock().stopwait <= 0 {
            break;
        }
        s.stopnote.sleep_timeout(Duration::from_micros(100));
        preemptall(s);
    }
}

/// `startTheWorldWithSema`: procresize, restart Ps that have work, keep ours.
pub(crate) fn start_the_world(s: &Sched, ms: &mut MState, nprocs: i32) {
    let my_id = ms.pp().sh.id;
    let mine = releasep_gcstop(ms);
    let with_work: Vec<Box<P>> = {
        let mut l = s.lock.lock();
        let mut ps = std::mem::take(&mut l.stopped);
        ps.push(mine);
        procresize_locked(s, &mut l, nprocs, ps);
        l.stopwait = 0;
        s.gcwaiting.store(false, Ordering::Release); // see stop_the_world
                                                     // Keep our P if it survived, else P0.
        let want = if (my_id as i32) < nprocs { my_id } else { 0 };
        let i = l.pidle.iter().position(|p| p.sh.id == want).unwrap_or(0);
        let pp = l.pidle.remove(i);
        pp.sh.idle.store(false, Ordering::SeqCst);
        s.npidle.fetch_sub(1, Ordering::SeqCst);
        crate::proc::acquirep(ms, pp);
        let mut work = Vec::new();
        let mut k = 0;
        while k < l.pidle.len() {
            if !l.pidle[k].sh.runqempty() {
                let pp = l.pidle.remove(k);
                pp.sh.idle.store(false, Ordering::SeqCst);
                s.npidle.fetch_sub(1, Ordering::SeqCst);
                work.push(pp);
            } else {
                k += 1;
            }
        }
        work
    };
    for pp in with_work {
        startm(s, Some(pp), false);
    }
    wakep(s);
}

fn releasep_gcstop(ms: &mut MState) -> Box<P> {
    let pp = releasep(ms);
    pp.sh.status.store(P_GCSTOP, Ordering::Relaxed);
    pp
}
