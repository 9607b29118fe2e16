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
//! - `chan_send_recv_close_unbuffered`: chan.rs chansend/chanrecv/closechan as a state
//!   machine (channel lock = loom Mutex, sudog elem/success = loom UnsafeCell, G status/
//!   param = loom atomics, park_m's status CAS before the unlock) with a sender, a receiver
//!   and a closer: the value is received at most once and only if the send succeeded, a
//!   receiver woken by close sees (None, false), a sender on a closed channel gets "send on
//!   closed channel", every parked G is readied exactly once, no sudog is left queued.
//! - `select_two_senders_one_winner`: select.rs passes 1–3 on two unbuffered channels
//!   with two racing senders: exactly one wins `select_done` and hands off its value, the
//!   other skips the taken sudog and parks (then is collected by a receive), the selecting
//!   G is readied exactly once and its losing sudog is removed.
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

// ---------------------------------------------------------------------------------------
// chan_* / select_*: chan.rs and select.rs as a state machine over loom's Mutex, atomics
// and UnsafeCell. The channel lock is a loom Mutex over the locked state (`ChanState`);
// a sudog's `elem`/`success` are loom UnsafeCells, so loom also checks C4 (written only
// by the one waker that dequeued it, under the lock, ordered before the G reads them by
// ready's status CAS). A G's status/param/select_done are loom atomics, as in G.
// ---------------------------------------------------------------------------------------

use loom::cell::UnsafeCell;
use loom::sync::atomic::AtomicUsize;
use loom::sync::{MutexGuard, Notify};
use std::collections::VecDeque;
use std::sync::atomic::AtomicBool as StdAtomicBool;

/// The parts of `G` the channel protocol touches.
struct ModelG {
    status: AtomicU32,
    /// `gp.param`: the address (here: id) of the sudog that woke the G.
    param: AtomicUsize,
    /// `gp.selectDone`.
    select_done: AtomicU32,
    /// Instrumentation: successful `ready`s and won `select_done` CASes.
    readied: AtomicU32,
    select_wins: AtomicU32,
    /// The descheduled G's wakeup (stands in for the runq + an M's execute()); a
    /// one-permit token, so a notify before the wait is not lost.
    sched: Notify,
}

impl ModelG {
    fn new() -> Arc<ModelG> {
        Arc::new(ModelG {
            status: AtomicU32::new(RUNNING),
            param: AtomicUsize::new(0),
            select_done: AtomicU32::new(0),
            readied: AtomicU32::new(0),
            select_wins: AtomicU32::new(0),
            sched: Notify::new(),
        })
    }
}

/// chan.rs `Sudog` (id stands in for `Sudog::addr`).
struct ModelSudog {
    g: Arc<ModelG>,
    id: usize,
    elem: UnsafeCell<Option<u32>>,
    success: UnsafeCell<bool>,
    is_select: bool,
}

impl ModelSudog {
    fn new(g: &Arc<ModelG>, id: usize, elem: Option<u32>, is_select: bool) -> Arc<ModelSudog> {
        Arc::new(ModelSudog {
            g: g.clone(),
            id,
            elem: UnsafeCell::new(elem),
            success: UnsafeCell::new(false),
            is_select,
        })
    }
}

/// chan.rs `ChanState` + `closed` for an unbuffered channel (no `buf`), under `HChan::lock`.
#[derive(Default)]
struct ModelChan {
    closed: bool,
    recvq: VecDeque<Arc<ModelSudog>>,
    sendq: VecDeque<Arc<ModelSudog>>,
}

type Ch = Arc<Mutex<ModelChan>>;

/// Set when some execution takes an interesting path (checked after loom::model, to
/// show the race was actually explored, not just that the asserts held).
static SEEN_CLOSE_WOKE_RECEIVER: StdAtomicBool = StdAtomicBool::new(false);
static SEEN_SEND_ON_CLOSED: StdAtomicBool = StdAtomicBool::new(false);
static SEEN_SELECT_SKIPPED: StdAtomicBool = StdAtomicBool::new(false);
static SEEN_SELECT_PARKED: StdAtomicBool = StdAtomicBool::new(false);

/// chan.rs `dequeue` (Go's waitq.dequeue): select sudogs whose G another waker already
/// won are skipped.
fn model_dequeue(q: &mut VecDeque<Arc<ModelSudog>>) -> Option<Arc<ModelSudog>> {
    while let Some(sg) = q.pop_front() {
        if sg.is_select {
            if sg
                .g
                .select_done
                .compare_exchange(0, 1, Ordering::AcqRel, Ordering::Acquire)
                .is_err()
            {
                // "We lost the race to wake this goroutine."
                SEEN_SELECT_SKIPPED.store(true, std::sync::atomic::Ordering::Relaxed);
                continue;
            }
            sg.g.select_wins.fetch_add(1, Ordering::Relaxed);
        }
        return Some(sg);
    }
    None
}

/// proc.rs `ready`: Waiting→Runnable, anything else is "bad g->status in ready".
/// Called with no channel lock held (C3).
fn model_ready(gp: &ModelG) {
    // Counted before the CAS so the resumed G (which acquires the status) sees it.
    gp.readied.fetch_add(1, Ordering::Relaxed);
    let ok = gp
        .status
        .compare_exchange(WAITING, RUNNABLE, Ordering::AcqRel, Ordering::Acquire)
        .is_ok();
    assert!(ok, "bad g->status in ready");
    gp.sched.notify(); // runqput + wakep
}

/// gopark + park_m (I2): the status CAS Running→Waiting happens while the channel
/// lock(s) are still held, then the unlock function releases them; then the G is
/// descheduled until some M's execute() wins Runnable→Running.
fn model_gopark(g: &ModelG, locks: Vec<MutexGuard<'_, ModelChan>>) {
    g.status
        .compare_exchange(RUNNING, WAITING, Ordering::AcqRel, Ordering::Acquire)
        .unwrap();
    // selparkcommit / Unlock::Lock(s): release after the status change.
    for l in locks.into_iter().rev() {
        drop(l);
    }
    while g
        .status
        .compare_exchange(RUNNABLE, RUNNING, Ordering::AcqRel, Ordering::Acquire)
        .is_err()
    {
        g.sched.wait();
    }
}

/// chan.rs `chansend` (block = true, cap 0). Returns (result, parked).
fn model_chansend(c: &Ch, g: &Arc<ModelG>, id: usize, v: u32) -> (Result<(), &'static str>, bool) {
    let mut st = c.lock().unwrap(); // c.lock.lock()
    if st.closed {
        return (Err("send on closed channel"), false); // ChanError::SendOnClosed
    }
    if let Some(sg) = model_dequeue(&mut st.recvq) {
        // send(): direct handoff to the parked receiver (C4).
        sg.elem.with_mut(|p| unsafe { *p = Some(v) });
        sg.success.with_mut(|p| unsafe { *p = true });
        sg.g.param.store(sg.id, Ordering::Relaxed); // ordered by ready's CAS
        let gp = sg.g.clone(); // C5
        drop(st); // unlock, then ready (C3)
        model_ready(&gp);
        return (Ok(()), false);
    }
    // cap 0: no buffer. Block: enqueue the sudog and park.
    let mysg = ModelSudog::new(g, id, Some(v), false);
    g.param.store(0, Ordering::Relaxed);
    st.sendq.push_back(mysg.clone());
    model_gopark(g, vec![st]);
    assert_eq!(
        g.param.swap(0, Ordering::Relaxed),
        id,
        "G waiting list is corrupted"
    );
    let ok = mysg.success.with(|p| unsafe { *p });
    if !ok {
        assert!(c.lock().unwrap().closed, "chansend: spurious wakeup");
        return (Err("send on closed channel"), true);
    }
    (Ok(()), true)
}

/// chan.rs `chanrecv` (block = true, cap 0). Returns ((value, ok), parked).
fn model_chanrecv(c: &Ch, g: &Arc<ModelG>, id: usize) -> ((Option<u32>, bool), bool) {
    let mut st = c.lock().unwrap();
    if st.closed {
        return ((None, false), false); // closed and (cap 0) drained
    }
    if let Some(sg) = model_dequeue(&mut st.sendq) {
        // recv(): unbuffered → straight from the sender.
        let v = sg.elem.with_mut(|p| unsafe { (*p).take() });
        sg.success.with_mut(|p| unsafe { *p = true });
        sg.g.param.store(sg.id, Ordering::Relaxed);
        let gp = sg.g.clone();
        drop(st);
        model_ready(&gp);
        return ((v, true), false);
    }
    let mysg = ModelSudog::new(g, id, None, false);
    g.param.store(0, Ordering::Relaxed);
    st.recvq.push_back(mysg.clone());
    model_gopark(g, vec![st]);
    assert_eq!(
        g.param.swap(0, Ordering::Relaxed),
        id,
        "G waiting list is corrupted"
    );
    let ok = mysg.success.with(|p| unsafe { *p });
    let v = mysg.elem.with_mut(|p| unsafe { (*p).take() });
    ((v, ok), true)
}

/// chan.rs `closechan`: wake every receiver (elem None, success false) and every sender
/// (success false: it will panic), readying them only after the unlock (C3).
fn model_closechan(c: &Ch) -> Result<(), &'static str> {
    let mut st = c.lock().unwrap();
    if st.closed {
        return Err("close of closed channel");
    }
    st.closed = true;
    let mut glist = Vec::new();
    while let Some(sg) = model_dequeue(&mut st.recvq) {
        sg.elem.with_mut(|p| unsafe { *p = None });
        sg.success.with_mut(|p| unsafe { *p = false });
        sg.g.param.store(sg.id, Ordering::Relaxed);
        glist.push(sg.g.clone());
        SEEN_CLOSE_WOKE_RECEIVER.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    while let Some(sg) = model_dequeue(&mut st.sendq) {
        sg.success.with_mut(|p| unsafe { *p = false });
        sg.g.param.store(sg.id, Ordering::Relaxed);
        glist.push(sg.g.clone());
    }
    drop(st);
    for gp in glist {
        model_ready(&gp);
    }
    Ok(())
}

fn builder() -> loom::model::Builder {
    let mut b = loom::model::Builder::new();
    b.preemption_bound = Some(3);
    b
}

/// One sender (`ch <- 7`), one receiver (`v, ok := <-ch`) and a closer on an unbuffered
/// channel.
#[test]
fn chan_send_recv_close_unbuffered() {
    builder().check(|| {
        let ch: Ch = Arc::new(Mutex::new(ModelChan::default()));
        let (gs, gr) = (ModelG::new(), ModelG::new());

        let (c1, g1) = (ch.clone(), gs.clone());
        let sender = thread::spawn(move || model_chansend(&c1, &g1, 1, 7));
        let (c2, g2) = (ch.clone(), gr.clone());
        let receiver = thread::spawn(move || model_chanrecv(&c2, &g2, 2));

        assert_eq!(model_closechan(&ch), Ok(()));
        assert_eq!(model_closechan(&ch), Err("close of closed channel"));

        let (sent, s_parked) = sender.join().unwrap();
        let ((v, ok), r_parked) = receiver.join().unwrap();

        // The value is received at most once, and only if the send succeeded; an
        // unbuffered send succeeds only by handing its value to the receiver.
        match sent {
            Ok(()) => assert_eq!((v, ok), (Some(7), true), "send completed, value lost"),
            Err(e) => {
                assert_eq!(e, "send on closed channel");
                SEEN_SEND_ON_CLOSED.store(true, std::sync::atomic::Ordering::Relaxed);
                // Woken by close (or closed before): ok=false and no value.
                assert_eq!((v, ok), (None, false), "value received but send failed");
            }
        }
        if !ok {
            assert_eq!(v, None, "receiver woken by close got a value");
        }
        // No lost wakeup, no double wakeup: every parked G was readied exactly once
        // (and joined, so it was resumed); unparked Gs were never readied.
        assert_eq!(gs.readied.load(Ordering::Relaxed), s_parked as u32);
        assert_eq!(gr.readied.load(Ordering::Relaxed), r_parked as u32);
        assert_eq!(gs.status.load(Ordering::Relaxed), RUNNING);
        assert_eq!(gr.status.load(Ordering::Relaxed), RUNNING);
        let st = ch.lock().unwrap();
        assert!(
            st.recvq.is_empty() && st.sendq.is_empty(),
            "sudog left queued"
        );
    });
    let seen = |f: &StdAtomicBool| f.load(std::sync::atomic::Ordering::Relaxed);
    assert!(
        seen(&SEEN_CLOSE_WOKE_RECEIVER),
        "close never woke a parked receiver"
    );
    assert!(seen(&SEEN_SEND_ON_CLOSED), "send on closed never explored");
}

/// select.rs `select` for `select { case v := <-a: ...; case v := <-b: ... }`, lock
/// order a < b, poll order fixed (a, b). Returns (case, value, ok, parked).
fn model_select_recv2(a: &Ch, b: &Ch, g: &Arc<ModelG>) -> (usize, Option<u32>, bool, bool) {
    let chans = [a, b];
    // sellock (lock order).
    let mut locks: Vec<MutexGuard<'_, ModelChan>> =
        chans.iter().map(|c| c.lock().unwrap()).collect();
    // Pass 1: poll for a parked sender or a closed channel.
    for i in 0..2 {
        if let Some(sg) = model_dequeue(&mut locks[i].sendq) {
            let v = sg.elem.with_mut(|p| unsafe { (*p).take() });
            sg.success.with_mut(|p| unsafe { *p = true });
            sg.g.param.store(sg.id, Ordering::Relaxed);
            let gp = sg.g.clone();
            drop(locks); // selunlock, then goready (C3)
            model_ready(&gp);
            return (i, v, true, false);
        }
        if locks[i].closed {
            return (i, None, false, false);
        }
    }
    // Pass 2: a sudog on every channel, then park; g0 unlocks after the status CAS.
    let sudogs = [
        ModelSudog::new(g, 100, None, true),
        ModelSudog::new(g, 101, None, true),
    ];
    g.param.store(0, Ordering::Relaxed);
    g.select_done.store(0, Ordering::Release);
    for i in 0..2 {
        locks[i].recvq.push_back(sudogs[i].clone());
    }
    model_gopark(g, locks);
    SEEN_SELECT_PARKED.store(true, std::sync::atomic::Ordering::Relaxed);

    // Pass 3: relock, find the winner, dequeue the losing sudogs.
    let mut locks: Vec<MutexGuard<'_, ModelChan>> =
        chans.iter().map(|c| c.lock().unwrap()).collect();
    g.select_done.store(0, Ordering::Release);
    let winner = g.param.swap(0, Ordering::Relaxed);
    let mut result = None;
    for i in 0..2 {
        let sg = &sudogs[i];
        if sg.id == winner {
            let ok = sg.success.with(|p| unsafe { *p });
            let v = sg.elem.with_mut(|p| unsafe { (*p).take() });
            result = Some((i, v, ok, true));
        } else {
            let q = &mut locks[i].recvq;
            if let Some(pos) = q.iter().position(|x| x.id == sg.id) {
                q.remove(pos);
            }
        }
    }
    drop(locks);
    result.expect("selectgo: bad wakeup")
}

/// A G selecting on two unbuffered channels, two senders racing (`a <- 1`, `b <- 2`).
/// The selecting G then receives from the channel it did not choose, which collects the
/// loser (parked on that channel's sendq, or arriving later).
#[test]
fn select_two_senders_one_winner() {
    builder().check(|| {
        let a: Ch = Arc::new(Mutex::new(ModelChan::default()));
        let b: Ch = Arc::new(Mutex::new(ModelChan::default()));
        let (ga, gb, gsel) = (ModelG::new(), ModelG::new(), ModelG::new());

        let (ca, g1) = (a.clone(), ga.clone());
        let sa = thread::spawn(move || model_chansend(&ca, &g1, 1, 1));
        let (cb, g2) = (b.clone(), gb.clone());
        let sb = thread::spawn(move || model_chansend(&cb, &g2, 2, 2));

        let (i, v, ok, sel_parked) = model_select_recv2(&a, &b, &gsel);
        assert!(ok);
        assert_eq!(v, Some(i as u32 + 1), "value from the wrong case");
        // Exactly one waker won select_done (and only if we parked); the G was readied
        // exactly once by it.
        let wins = gsel.select_wins.load(Ordering::Relaxed);
        assert_eq!(wins, sel_parked as u32, "select_done won {wins} times");
        assert_eq!(gsel.readied.load(Ordering::Relaxed), sel_parked as u32);
        // Our other sudog is gone from the losing channel.
        {
            let other = if i == 0 { &b } else { &a };
            assert!(
                other.lock().unwrap().recvq.is_empty(),
                "losing sudog left queued"
            );
        }
        let readied_before = gsel.readied.load(Ordering::Relaxed);

        // Collect the loser: it either lost the CAS (skipped our sudog and parked) or
        // came after pass 3; either way it is on its sendq or about to be.
        let other = if i == 0 { &b } else { &a };
        let ((v2, ok2), r_parked) = model_chanrecv(other, &gsel, 3);
        assert!(ok2);
        assert_eq!(v2, Some(2 - i as u32), "loser's value lost or duplicated");
        assert_eq!(
            gsel.readied.load(Ordering::Relaxed),
            readied_before + r_parked as u32
        );

        let (ra, pa) = sa.join().unwrap();
        let (rb, pb) = sb.join().unwrap();
        assert_eq!((ra, rb), (Ok(()), Ok(())));
        assert_eq!(ga.readied.load(Ordering::Relaxed), pa as u32);
        assert_eq!(gb.readied.load(Ordering::Relaxed), pb as u32);
        assert_eq!(ga.select_wins.load(Ordering::Relaxed), 0);
        for c in [&a, &b] {
            let st = c.lock().unwrap();
            assert!(
                st.recvq.is_empty() && st.sendq.is_empty(),
                "sudog left queued"
            );
        }
    });
    let seen = |f: &StdAtomicBool| f.load(std::sync::atomic::Ordering::Relaxed);
    assert!(seen(&SEEN_SELECT_PARKED), "select never parked");
    assert!(
        seen(&SEEN_SELECT_SKIPPED),
        "no sender ever lost the select_done race"
    );
}
