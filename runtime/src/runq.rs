//! runq: the P-local run queue and the runnext slot (Go's `runqput`, `runqputslow`,
//! `runqget`, `runqgrab`/`runqsteal`), plus the global queue helpers (`globrunqput`,
//! `globrunqget`, `globrunqgetbatch`).
//!
//! The queue is a facade: crossbeam-deque's FIFO `Worker`/`Stealer` normally, a
//! mutex-backed `VecDeque` under `cfg(loom)` so that loom can model the protocol
//! (crossbeam's epoch GC is not loom-aware). Go's bound of 256 is enforced by
//! `runqput` (crossbeam's buffer grows): at 256, `runqputslow` moves the oldest half
//! plus the new G to the global queue in one batch.

use std::sync::atomic::Ordering;
use std::sync::Arc;

use crate::sync::AtomicPtr;

/// `len(pp.runq)`: Go's local queue capacity.
pub const RUNQ_CAP: usize = 256;

#[cfg(not(loom))]
mod imp {
    use crossbeam_deque::{Steal, Stealer as CbStealer, Worker};

    /// Owner end of a local run queue (only the P's owner holds it: `&mut P`).
    pub struct Local<T>(Worker<T>);
    /// Thief end, shared by every M (`PShared::stealer`).
    pub struct Stealer<T>(CbStealer<T>);

    /// Result of a steal attempt.
    pub enum Stolen<T> {
        Empty,
        Success(T),
        Retry,
    }

    impl<T> Local<T> {
        pub fn new() -> (Local<T>, Stealer<T>) {
            let w = Worker::new_fifo();
            let s = w.stealer();
            (Local(w), Stealer(s))
        }
        pub fn push(&self, t: T) {
            self.0.push(t)
        }
        /// Pops the oldest G (the end thieves take from too, as Go's runqget/runqgrab).
        pub fn pop(&self) -> Option<T> {
            self.0.pop()
        }
        pub fn len(&self) -> usize {
            self.0.len()
        }
    }

    impl<T> Stealer<T> {
        /// `runqgrab` + pop: take ceil(len/2) (at most `limit`) into `dst`, return one.
        pub fn steal_half_and_pop(&self, dst: &Local<T>, limit: usize) -> Stolen<T> {
            match self.0.steal_batch_with_limit_and_pop(&dst.0, limit) {
                Steal::Empty => Stolen::Empty,
                Steal::Success(t) => Stolen::Success(t),
                Steal::Retry => Stolen::Retry,
            }
        }
        pub fn is_empty(&self) -> bool {
            self.0.is_empty()
        }
        pub fn len(&self) -> usize {
            self.0.len()
        }
    }
}

#[cfg(loom)]
mod imp {
    use loom::sync::{Arc, Mutex};
    use std::collections::VecDeque;

    /// Owner end of a local run queue (mutex-backed stand-in for crossbeam under loom).
    pub struct Local<T>(Arc<Mutex<VecDeque<T>>>);
    /// Thief end.
    pub struct Stealer<T>(Arc<Mutex<VecDeque<T>>>);

    /// Result of a steal attempt.
    pub enum Stolen<T> {
        Empty,
        Success(T),
        Retry,
    }

    #[allow(clippy::len_without_is_empty)] // mirrors the crossbeam facade's surface
    impl<T> Local<T> {
        pub fn new() -> (Local<T>, Stealer<T>) {
            let q = Arc::new(Mutex::new(VecDeque::new()));
            (Local(q.clone()), Stealer(q))
        }
        pub fn push(&self, t: T) {
            self.0.lock().unwrap().push_back(t)
        }
        pub fn pop(&self) -> Option<T> {
            self.0.lock().unwrap().pop_front()
        }
        pub fn len(&self) -> usize {
            self.0.lock().unwrap().len()
        }
    }

    impl<T> Stealer<T> {
        pub fn steal_half_and_pop(&self, dst: &Local<T>, limit: usize) -> Stolen<T> {
            let mut batch = {
                let mut q = self.0.lock().unwrap();
                let n = (q.len() - q.len() / 2).min(limit);
                if n == 0 {
                    return Stolen::Empty;
                }
                q.drain(..n).collect::<VecDeque<T>>()
            };
            let first = batch.pop_front();
            let mut d = dst.0.lock().unwrap();
            d.extend(batch);
            match first {
                Some(t) => Stolen::Success(t),
                None => Stolen::Retry,
            }
        }
        pub fn is_empty(&self) -> bool {
            self.0.lock().unwrap().is_empty()
        }
        pub fn len(&self) -> usize {
            self.0.lock().unwrap().len()
        }
    }
}

pub use imp::{Local, Stealer, Stolen};

/// runnext half of `runqput(pp, gp, next=true)`: store `gp` in the slot and return the
/// G it kicked out ("Kick the old runnext out to the regular run queue"). Owner only.
pub fn runnext_put<T>(slot: &AtomicPtr<T>, gp: Arc<T>) -> Option<Arc<T>> {
    // AcqRel: Release publishes the G to a thief's Acquire swap; Acquire takes ownership
    // of the kicked-out one.
    let old = slot.swap(Arc::into_raw(gp) as *mut T, Ordering::AcqRel);
    if old.is_null() {
        None
    } else {
        // SAFETY: non-null runnext values are always `Arc::into_raw` results whose
        // reference was transferred to the slot; the swap gave it to us exclusively.
        Some(unsafe { Arc::from_raw(old) })
    }
}

/// runnext half of `runqget` / `runqgrab(stealRunNextG)`: take the slot's G, if any.
pub fn runnext_take<T>(slot: &AtomicPtr<T>) -> Option<Arc<T>> {
    if slot.load(Ordering::Relaxed).is_null() {
        return None; // cheap pre-check; the swap below decides
    }
    let old = slot.swap(std::ptr::null_mut(), Ordering::AcqRel); // AcqRel: see runnext_put
    if old.is_null() {
        None
    } else {
        // SAFETY: as in `runnext_put`: the swap transferred the slot's reference to us.
        Some(unsafe { Arc::from_raw(old) })
    }
}

/// Queue half of `runqput`: append to the local queue if it holds fewer than 256 Gs,
/// else `runqputslow`: move the oldest 128 plus `gp` (129 Gs, oldest first) into
/// `overflow`, which the caller puts on the global queue under one lock.
pub fn runq_put_bounded<T>(q: &Local<T>, gp: T, overflow: &mut Vec<T>) -> bool {
    if q.len() < RUNQ_CAP {
        q.push(gp);
        return true;
    }
    // runqputslow: n := (t-h)/2 = 128 ("the OLDEST half").
    for _ in 0..RUNQ_CAP / 2 {
        match q.pop() {
            Some(g) => overflow.push(g),
            None => break,
        }
    }
    overflow.push(gp);
    false
}

/// `runqsteal` without runnext: grab half of the victim's queue (at most 128, Go's
/// `len(runq)/2`) into `dst`, return one G to run. Retries transient failures.
pub fn runq_steal<T>(victim: &Stealer<T>, dst: &Local<T>) -> Option<T> {
    for _ in 0..8 {
        match victim.steal_half_and_pop(dst, RUNQ_CAP / 2) {
            Stolen::Success(t) => return Some(t),
            Stolen::Empty => return None,
            Stolen::Retry => std::hint::spin_loop(),
        }
    }
    None
}
