//! loom models of the runtime's lock-free protocols.
//!
//! Run with: `RUSTFLAGS="--cfg loom" CARGO_TARGET_DIR=target/loom cargo test -p minigo-runtime --test loom --release`
//!
//! - `runq_*`: the real `runq.rs` code (runnext slot + bounded local queue + steal), with
//!   the mutex-backed queue standing in for crossbeam-deque: every G put by the owner is
//!   run exactly once, whether the owner or a thief takes it.
//! - `park_ready_*`: the gopark → park_m → ready protocol (lib.rs steps 1–4) as a state
//!   machine on loom atomics: no lost wakeup, `ready` never sees a non-Waiting G, and the
//!   G is resumed by exactly one M. A variant with the unlock done before the status CAS
//!   (the bug park_m exists to prevent) is shown to fail.
//! - `note_*`: the real `Note` (M parking) over loom's Mutex/Condvar: a wakeup racing with
//!   a sleep is never lost, and the stopm/startm hand-off delivers the P.
#![cfg(loom)]

use loom::sync::atomic::{AtomicU32, Ordering};
use loom::sync::{Arc, Mutex};
use loom::thread;
use std::sync::Arc as StdArc;

use minigo_runtime::runq::{runnext_put, runnext_take, runq_put_bounded, runq_steal, Local};
use minigo_runtime::sync::AtomicPtr;
use minigo_runtime::Note;

#[test]
fn runq_owner_and_thief_each_g_runs_once() {
    loom::model(|| {
        let (local, stealer) = Local::<StdArc<u32>>::new();
        let runnext: Arc<AtomicPtr<u32>> = Arc::new(AtomicPtr::new(std::ptr::null_mut()));
        let seen = Arc::new(Mutex::new(Vec::new()));

        let (rn2, seen2) = (runnext.clone(), seen.clone());
        let (dst, _dst_stealer) = Local::<StdArc<u32>>::new();
        let thief = thread::spawn(move || {
            // stealWork's last round: the queue, then runnext.
            if let Some(g) = runq_steal(&stealer, &dst) {
                seen2.lock().unwrap().push(*g);
            } else if let Some(g) = runnext_take(&*rn2) {
                seen2.lock().unwrap().push(*g);
            }
            while let Some(g) = dst.pop() {
                seen2.lock().unwrap().push(*g);
            }
        });

        // Owner: newproc(1), newproc(2) (runnext kicks 1 to the queue), then runqget.
        let mut overflow = Vec::new();
        for id in 1..=2u32 {
            if let Some(old) = runnext_put(&*runnext, StdArc::new(id)) {
                assert!(runq_put_bounded(&local, old, &mut overflow));
            }
        }
        loop {
            if let Some(g) = runnext_take(&*runnext) {
                seen.lock().unwrap().push(*g);
                continue;
            }
            match local.pop() {
                Some(g) => seen.lock().unwrap().push(*g),
                None => break,
            }
        }
        thief.join().unwrap();
        let mut v = seen.lock().unwrap().clone();
        v.sort();
        assert_eq!(v, vec![1, 2], "a G was lost or run twice");
    });
}

#[test]
fn runq_overflow_moves_half_plus_one() {
    loom::model(|| {
        let (local, _s) = Local::<u32>::new();
        let mut overflow = Vec::new();
        for i in 0..256 {
            assert!(runq_put_bounded(&local, i, &mut overflow));
        }
        assert!(!runq_put_bounded(&local, 256, &mut overflow));
        assert_eq!(overflow.len(), 129); // runqputslow: oldest 128 + the new G
        assert_eq!(overflow[0], 0);
        assert_eq!(overflow[128], 256);
        assert_eq!(local.len(), 128);
    });
}

const RUNNING: u32 = 2;
const RUNNABLE: u32 = 1;
const WAITING: u32 = 4;

/// One parked receiver G, one sender, modelled on chanrecv/chansend + park_m + ready.
fn park_ready(unlock_before_cas: bool) {
    loom::model(move || {
        // The channel: its lock guards (waiter registered?, value delivered?).
        let chan = Arc::new(Mutex::new((false, None::<u32>)));
        let status = Arc::new(AtomicU32::new(RUNNING));
        let resumed = Arc::new(AtomicU32::new(0));

        // Sender (another M): chansend.
        let (c2, st2) = (chan.clone(), status.clone());
        let sender = thread::spawn(move || {
            let mut ch = c2.lock().unwrap();
            if ch.0 {
                // Dequeue the sudog, hand the value over, unlock, then ready().
                ch.0 = false;
                ch.1 = Some(7);
                drop(ch);
                // ready(): CAS Waiting→Runnable; failure is "bad g->status in ready".
                let ok = st2
                    .compare_exchange(WAITING, RUNNABLE, Ordering::AcqRel, Ordering::Acquire)
                    .is_ok();
                assert!(ok, "bad g->status in ready");
                true
            } else {
                // Buffer the value (cap-1 channel).
                ch.1 = Some(7);
                false
            }
        });

        // Receiver G on its M: chanrecv.
        let mut ch = chan.lock().unwrap();
        let mut parked = false;
        if ch.1.is_none() {
            // Enqueue the sudog and gopark with the lock held.
            ch.0 = true;
            parked = true;
            if unlock_before_cas {
                drop(ch); // WRONG: a waker may ready us before we are Waiting
                status.store(WAITING, Ordering::Release);
            } else {
                // park_m on g0: CAS Running→Waiting, then the unlock function (I2).
                status
                    .compare_exchange(RUNNING, WAITING, Ordering::AcqRel, Ordering::Acquire)
                    .unwrap();
                drop(ch);
            }
        } else {
            drop(ch);
        }
        let readied = sender.join().unwrap();
        if parked {
            // Some M's execute(): only the winner of Runnable→Running resumes the G.
            assert!(readied, "lost wakeup: parked G never readied");
            if status
                .compare_exchange(RUNNABLE, RUNNING, Ordering::AcqRel, Ordering::Acquire)
                .is_ok()
            {
                resumed.fetch_add(1, Ordering::Relaxed);
            }
            assert_eq!(resumed.load(Ordering::Relaxed), 1);
            assert_eq!(chan.lock().unwrap().1, Some(7));
        }
    });
}

#[test]
fn park_ready_no_lost_wakeup() {
    park_ready(false);
}

#[test]
#[should_panic]
fn park_ready_unlock_before_status_change_is_caught() {
    park_ready(true);
}

#[test]
fn note_wakeup_is_never_lost() {
    loom::model(|| {
        let n = Arc::new(Note::new());
        let n2 = n.clone();
        let t = thread::spawn(move || n2.wakeup());
        n.sleep(); // returns whether the wakeup came before or after
        t.join().unwrap();
    });
}

#[test]
fn note_stopm_startm_handoff() {
    loom::model(|| {
        // sched.lock guards midle; M.nextp is set before notewakeup.
        let midle = Arc::new(Mutex::new(Vec::<usize>::new()));
        let nextp = Arc::new(Mutex::new(None::<u32>));
        let park = Arc::new(Note::new());
        let (mi, np, pk) = (midle.clone(), nextp.clone(), park.clone());
        // stopm: mput under the lock, then notesleep, then take nextp.
        let m = thread::spawn(move || {
            mi.lock().unwrap().push(1);
            pk.sleep();
            np.lock().unwrap().take()
        });
        // startm: mget under the lock; if an M is idle, hand it the P and wake it.
        loop {
            let got = midle.lock().unwrap().pop();
            if got.is_some() {
                *nextp.lock().unwrap() = Some(7);
                park.wakeup();
                break;
            }
            thread::yield_now();
        }
        assert_eq!(m.join().unwrap(), Some(7));
    });
}
