//! select: Go's `selectgo` — random poll order, lock order by channel address, three
//! passes (poll; enqueue on all and park; dequeue from the losers), `select_done` CAS.

use std::cell::UnsafeCell;
use std::sync::atomic::Ordering;

use parking_lot::lock_api::RawMutex as _;

use crate::chan::{dequeue, Chan, HChan, SgRef, Sudog};
use crate::park::Gctx;
use crate::runtime2::{Unlock, WaitReason};

/// One case of a select statement. `Nil` stands for a case on a nil channel (it never
/// fires) and keeps the case indices aligned with the source.
pub enum SelectCase<'a, T: Send> {
    /// `case c <- v:`
    Send(&'a Chan<T>, T),
    /// `case v, ok := <-c:`
    Recv(&'a Chan<T>),
    /// A case whose channel is nil.
    Nil,
}

enum Kind<T> {
    Send(Option<T>),
    Recv,
}

struct Case<'a, T: Send> {
    c: &'a HChan<T>,
    kind: Kind<T>,
}

fn lock_addr<T: Send>(c: &HChan<T>) -> usize {
    c as *const HChan<T> as *const u8 as usize
}

/// `sellock`: lock each distinct channel in lock order.
fn sellock<T: Send>(cases: &[Option<Case<'_, T>>], lockorder: &[usize]) {
    let mut last = 0usize;
    for &i in lockorder {
        if let Some(cs) = &cases[i] {
            let a = lock_addr(cs.c);
            if a != last {
                cs.c.lock.lock();
                last = a;
            }
        }
    }
}

/// `selunlock`: unlock in reverse lock order, each distinct channel once.
fn selunlock<T: Send>(cases: &[Option<Case<'_, T>>], lockorder: &[usize]) {
    for (k, &i) in lockorder.iter().enumerate().rev() {
        let Some(cs) = &cases[i] else { continue };
        if k > 0 {
            if let Some(prev) = &cases[lockorder[k - 1]] {
                if lock_addr(prev.c) == lock_addr(cs.c) {
                    continue; // will unlock this channel at its first occurrence
                }
            }
        }
        // SAFETY: sellock locked every distinct channel of the lock order exactly once.
        unsafe { cs.c.lock.unlock() };
    }
}

/// `selectgo`: run a select statement. Returns `(chosen case index, received value,
/// recvOK)`, or `None` when `block` is false and no case is ready (the `default` case).
///
/// For a *send* case the bool says whether the send happened: `false` means the channel
/// was closed, and the VM must panic with `ChanError::SendOnClosed` ("send on closed
/// channel"), as Go's selectgo does. An empty case list with `block` parks forever with
/// wait reason "select (no cases)" (`select {}`); only-nil cases park forever with "select".
pub fn select<T: Send>(
    g: &mut Gctx,
    cases: Vec<SelectCase<'_, T>>,
    block: bool,
) -> Option<(usize, Option<T>, bool)> {
    if cases.is_empty() {
        if block {
            g.block_forever(WaitReason::SelectNoCases);
        }
        return None;
    }
    let mut cs: Vec<Option<Case<'_, T>>> = cases
        .into_iter()
        .map(|c| match c {
            SelectCase::Send(ch, v) => Some(Case {
                c: &*ch.0,
                kind: Kind::Send(Some(v)),
            }),
            SelectCase::Recv(ch) => Some(Case {
                c: &*ch.0,
                kind: Kind::Recv,
            }),
            SelectCase::Nil => None,
        })
        .collect();

    // pollorder: a uniform random permutation of the non-nil cases (cheaprandn).
    let mut pollorder: Vec<usize> = Vec::with_capacity(cs.len());
    for (i, c) in cs.iter().enumerate() {
        if c.is_none() {
            continue;
        }
        let j = g.cheaprandn(pollorder.len() as u32 + 1) as usize;
        pollorder.push(i);
        let last = pollorder.len() - 1;
        pollorder.swap(last, j);
    }
    if pollorder.is_empty() {
        if block {
            g.block_forever(WaitReason::Select);
        }
        return None;
    }
    // lockorder: by channel address (Go heap-sorts by c.sortkey()).
    let mut lockorder = pollorder.clone();
    lockorder.sort_by_key(|&i| cs[i].as_ref().map(|c| lock_addr(c.c)).unwrap_or(0));

    sellock(&cs, &lockorder);

    // Pass 1: look for something already waiting, in poll order.
    for &i in &pollorder {
        let Some(case) = cs[i].as_mut() else { continue };
        let c = case.c;
        // SAFETY: all channels of the select are locked (sellock); dropped before unlock.
        let st = unsafe { c.state() };
        match &mut case.kind {
            Kind::Recv => {
                if !c.closed.load(Ordering::Relaxed) {
                    if let Some(sg) = dequeue(&mut st.sendq) {
                        // recv from a parked sender.
                        // SAFETY: dequeued under the lock (chan.rs C4).
                        let sent = unsafe { (*sg.elem.get()).take() };
                        let v = if c.cap == 0 {
                            sent
                        } else {
                            let head = st.buf.pop_front();
                            if let Some(s) = sent {
                                st.buf.push_back(s);
                            }
                            head
                        };
                        // SAFETY: as above.
                        unsafe { *sg.success.get() = true };
                        sg.g.param.store(sg.addr(), Ordering::Relaxed); // ordered by ready's CAS
                        let gp = sg.g.clone(); // C5: sg is not touched after the unlock
                        c.sync_mirrors(st);
                        selunlock(&cs, &lockorder);
                        g.goready(gp);
                        return Some((i, v, true));
                    }
                }
                if let Some(v) = st.buf.pop_front() {
                    c.sync_mirrors(st);
                    selunlock(&cs, &lockorder);
                    return Some((i, Some(v), true));
                }
                if c.closed.load(Ordering::Relaxed) {
                    selunlock(&cs, &lockorder);
                    return Some((i, None, false)); // rclose
                }
            }
            Kind::Send(v) => {
                if c.closed.load(Ordering::Relaxed) {
                    selunlock(&cs, &lockorder);
                    return Some((i, None, false)); // sclose: the VM panics
                }
                if let Some(sg) = dequeue(&mut st.recvq) {
                    // SAFETY: dequeued under the lock (C4).
                    unsafe {
                        *sg.elem.get() = v.take();
                        *sg.success.get() = true;
                    }
                    sg.g.param.store(sg.addr(), Ordering::Relaxed); // ordered by ready's CAS
                    let gp = sg.g.clone(); // C5: sg is not touched after the unlock
                    c.sync_mirrors(st);
                    selunlock(&cs, &lockorder);
                    g.goready(gp);
                    return Some((i, None, true));
                }
                if st.buf.len() < c.cap {
                    if let Some(v) = v.take() {
                        st.buf.push_back(v);
                    }
                    c.sync_mirrors(st);
                    selunlock(&cs, &lockorder);
                    return Some((i, None, true));
                }
            }
        }
    }
    if !block {
        selunlock(&cs, &lockorder);
        return None;
    }

    // Pass 2: enqueue a sudog on every channel, in lock order, then park. The sudogs live
    // in this frame (`sudogs` is never resized once built), see chan.rs C5.
    let sudogs: Vec<Option<Sudog<T>>> = cs
        .iter_mut()
        .map(|c| {
            c.as_mut().map(|case| Sudog {
                g: g.g.clone(),
                elem: UnsafeCell::new(match &mut case.kind {
                    Kind::Send(v) => v.take(),
                    Kind::Recv => None,
                }),
                success: UnsafeCell::new(false),
                is_select: true,
            })
        })
        .collect();
    g.g.param.store(0, Ordering::Relaxed); // read back after wakeup
    g.g.select_done.store(0, Ordering::Release); // Release: before any waker can see our sudogs
    for &i in &lockorder {
        let (Some(case), Some(sg)) = (cs[i].as_ref(), sudogs[i].as_ref()) else {
            continue;
        };
        // SAFETY: channels locked.
        let st = unsafe { case.c.state() };
        match case.kind {
            Kind::Send(_) => st.sendq.push_back(SgRef::new(sg)),
            Kind::Recv => st.recvq.push_back(SgRef::new(sg)),
        }
        case.c.sync_mirrors(st);
    }
    // selparkcommit: g0 unlocks every distinct channel after the switch.
    let mut locks = Vec::new();
    let mut last = 0usize;
    for &i in &lockorder {
        if let Some(case) = &cs[i] {
            let a = lock_addr(case.c);
            if a != last {
                locks.push(case.c.lock_ptr());
                last = a;
            }
        }
    }
    g.gopark(WaitReason::Select, Unlock::Locks(locks));

    // Pass 3: relock, find the winner, dequeue our sudogs from the other channels.
    sellock(&cs, &lockorder);
    g.g.select_done.store(0, Ordering::Release); // see pass 2
    let winner_addr = g.g.param.swap(0, Ordering::Relaxed);
    let mut result: Option<(usize, Option<T>, bool)> = None;
    for &i in &lockorder {
        let (Some(case), Some(sg)) = (cs[i].as_ref(), sudogs[i].as_ref()) else {
            continue;
        };
        if sg.addr() == winner_addr {
            // SAFETY: the winning waker is done with sg; channels are locked again.
            let ok = unsafe { *sg.success.get() };
            let v = match case.kind {
                // SAFETY: as above.
                Kind::Recv => unsafe { (*sg.elem.get()).take() },
                Kind::Send(_) => None,
            };
            result = Some((i, v, ok));
        } else {
            // SAFETY: channels locked.
            let st = unsafe { case.c.state() };
            let q = match case.kind {
                Kind::Send(_) => &mut st.sendq,
                Kind::Recv => &mut st.recvq,
            };
            if let Some(pos) = q.iter().position(|x| x.addr() == sg.addr()) {
                q.remove(pos);
            }
            case.c.sync_mirrors(st);
        }
    }
    selunlock(&cs, &lockorder);
    match result {
        Some(r) => Some(r),
        None => crate::fatal::throw("selectgo: bad wakeup"),
    }
}
