//! chan: Go's `chan.go` — hchan with a ring buffer, recvq/sendq of sudogs, direct
//! handoff between a sender and a parked receiver (and vice versa), close waking all.
//!
//! Invariants (chan.go):
//! - C1: at least one of `sendq` and `recvq` is empty, except for a G selecting on both
//!   directions of one unbuffered channel.
//! - C2: buffered: `qcount > 0` ⇒ recvq empty; `qcount < cap` ⇒ sendq empty.
//! - C3: the channel lock is never held while readying a G: every path unlocks first, then
//!   goready (Go: "Do not change another G's status while holding this lock").
//! - C4: a parked G's sudog is only written by the one waker that dequeued it (for select
//!   sudogs, the one that won `select_done`), under the channel lock, before the ready.
//! - C5: sudogs live in the blocked G's frame; queue entries (`SgRef`) are dereferenced
//!   only under the channel lock, and wakers copy the G out before unlocking.
//!
//! Go's panics are values: `ChanError`.

use std::cell::UnsafeCell;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

use parking_lot::lock_api::RawMutex as _;
use parking_lot::RawMutex;

use crate::park::Gctx;
use crate::runtime2::{Unlock, WaitReason, G};

/// A Go channel operation that panics in Go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChanError {
    /// `panic: send on closed channel`.
    SendOnClosed,
    /// `panic: close of closed channel`.
    CloseOfClosed,
    /// `panic: close of nil channel` (for the VM, which represents nil channels itself).
    CloseOfNil,
}

impl ChanError {
    /// Go's panic message (a plainError: printed without "runtime error: ").
    pub fn message(self) -> &'static str {
        match self {
            ChanError::SendOnClosed => "send on closed channel",
            ChanError::CloseOfClosed => "close of closed channel",
            ChanError::CloseOfNil => "close of nil channel",
        }
    }
}

impl std::fmt::Display for ChanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message())
    }
}

/// A G waiting on a channel (Go's `sudog`). It lives in the blocked G's own frame
/// (`chansend`/`chanrecv`/`selectgo`) — no allocation per blocking operation, where Go
/// takes one from the P's sudog cache (`acquireSudog`) — and the channel queues hold
/// `SgRef` pointers to it (see `SgRef` for why they never dangle).
pub(crate) struct Sudog<T> {
    pub(crate) g: Arc<G>,
    /// `elem`: the value to send, or the slot a receiver gets its value in (C4).
    pub(crate) elem: UnsafeCell<Option<T>>,
    /// `success`: woken by a real communication (true) or by close (false).
    pub(crate) success: UnsafeCell<bool>,
    /// `isSelect`.
    pub(crate) is_select: bool,
}

// SAFETY: `elem`/`success` are accessed only under the channel lock by the waker that
// dequeued the sudog (C4), or by the owning G after it was readied and (for select)
// after re-locking the channels; the ready's status CAS orders the two.
unsafe impl<T: Send> Sync for Sudog<T> {}
// SAFETY: as above; T is Send.
unsafe impl<T: Send> Send for Sudog<T> {}

impl<T> Sudog<T> {
    pub(crate) fn addr(&self) -> usize {
        self as *const Self as *const u8 as usize
    }
}

/// A queued sudog (`waitq` entry): a pointer into a parked G's frame.
///
/// C5: an `SgRef` is dereferenced only with its channel's lock held, and the sudog
/// outlives its queue entry: the G that owns it is parked (or, for select, about to park:
/// the channels stay locked until g0 has switched away) from the push until a waker
/// dequeues the entry under the lock, and after its wakeup the G removes its remaining
/// select entries under the locks (selectgo pass 3) before its frame ends. A waker copies
/// what it needs (`g`) out of the sudog before unlocking and never touches it after.
pub(crate) struct SgRef<T>(*const Sudog<T>);

// SAFETY: the pointee is Sync (Sudog: Sync for T: Send) and is only reached under the
// channel lock (C5).
unsafe impl<T: Send> Send for SgRef<T> {}

impl<T> SgRef<T> {
    pub(crate) fn new(sg: &Sudog<T>) -> SgRef<T> {
        SgRef(sg as *const Sudog<T>)
    }

    pub(crate) fn addr(&self) -> usize {
        self.0 as *const u8 as usize
    }
}

pub(crate) struct ChanState<T> {
    pub(crate) buf: VecDeque<T>,
    pub(crate) recvq: VecDeque<SgRef<T>>,
    pub(crate) sendq: VecDeque<SgRef<T>>,
}

/// Go's `hchan`.
pub(crate) struct HChan<T> {
    pub(crate) lock: RawMutex,
    /// `dataqsiz`.
    pub(crate) cap: usize,
    /// `closed` (written under lock, read lock-free by the fast paths).
    pub(crate) closed: AtomicBool,
    /// `qcount` mirror.
    pub(crate) qcount: AtomicUsize,
    /// Queue length mirrors for the lock-free `full`/`empty` checks.
    pub(crate) nrecvq: AtomicUsize,
    pub(crate) nsendq: AtomicUsize,
    /// `c.timer != nil`: a `time.Timer`/`Ticker` channel (Go 1.23+ reports len and cap 0).
    pub(crate) timer: bool,
    pub(crate) st: UnsafeCell<ChanState<T>>,
}

// SAFETY: `st` is only accessed with `lock` held (see `HChan::state`); the rest is atomic.
unsafe impl<T: Send> Sync for HChan<T> {}
// SAFETY: as above.
unsafe impl<T: Send> Send for HChan<T> {}

impl<T: Send> HChan<T> {
    /// The locked state.
    ///
    /// # Safety
    /// `self.lock` must be held by the caller, and the returned reference must not outlive
    /// the critical section (not be kept across an unlock or a park).
    #[allow(clippy::mut_from_ref)]
    pub(crate) unsafe fn state(&self) -> &mut ChanState<T> {
        &mut *self.st.get()
    }

    /// Update the lock-free mirrors; lock held.
    pub(crate) fn sync_mirrors(&self, st: &ChanState<T>) {
        // Relaxed: the fast paths are allowed to be stale, as Go's; decisions are re-made
        // under the lock.
        self.qcount.store(st.buf.len(), Ordering::Relaxed);
        self.nrecvq.store(st.recvq.len(), Ordering::Relaxed);
        self.nsendq.store(st.sendq.len(), Ordering::Relaxed);
    }

    /// `full(c)`.
    fn full(&self) -> bool {
        if self.cap == 0 {
            self.nrecvq.load(Ordering::Relaxed) == 0
        } else {
            self.qcount.load(Ordering::Relaxed) == self.cap
        }
    }

    /// `empty(c)`.
    fn empty(&self) -> bool {
        if self.cap == 0 {
            self.nsendq.load(Ordering::Relaxed) == 0
        } else {
            self.qcount.load(Ordering::Relaxed) == 0
        }
    }

    pub(crate) fn lock_ptr(&self) -> *const RawMutex {
        &self.lock as *const RawMutex
    }
}

/// `waitq.dequeue()`: first sudog whose G can still be woken; select sudogs whose G was
/// already won by another case are skipped ("We lost the race to wake this goroutine").
/// The channel lock must be held, and the returned sudog used only until it is released
/// (C5).
pub(crate) fn dequeue<'a, T>(q: &mut VecDeque<SgRef<T>>) -> Option<&'a Sudog<T>> {
    while let Some(r) = q.pop_front() {
        // SAFETY: the caller holds the channel lock (C5); the sudog stays valid until the
        // waker readies its G, after the unlock.
        let sg = unsafe { &*r.0 };
        // AcqRel: exactly one waker wins the select; pairs with the G's reset to 0.
        if sg.is_select
            && sg
                .g
                .select_done
                .compare_exchange(0, 1, Ordering::AcqRel, Ordering::Acquire)
                .is_err()
        {
            continue;
        }
        return Some(sg);
    }
    None
}

/// A Go channel of `T` values. Cheap to clone (an `Arc`); compare with `ptr_eq`.
pub struct Chan<T: Send>(pub(crate) Arc<HChan<T>>);

impl<T: Send> Clone for Chan<T> {
    fn clone(&self) -> Self {
        Chan(self.0.clone())
    }
}

impl<T: Send> std::fmt::Debug for Chan<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:#x}", self.addr())
    }
}

/// Who readies the Gs a channel operation woke: the running G (onto its P, as Go's
/// goready) or, outside any G, the global queue. `gp` was copied out of the sudog before
/// the channel lock was released (C5).
fn wake(g: Option<&mut Gctx>, gp: Arc<G>) {
    match g {
        Some(g) => g.goready(gp),
        None => {
            if let Some(s) = gp.sched.upgrade() {
                crate::proc::ready(&s, None, gp, true);
            }
        }
    }
}

impl<T: Send> Chan<T> {
    /// `makechan(cap)`.
    pub fn new(cap: usize) -> Self {
        Self::make(cap, false)
    }

    /// A timer's channel (`c.timer != nil` in Go): buffered internally, but `len`/`cap`
    /// report 0 as Go 1.23's synchronous timer channels do (see `chanlen`, `chancap`).
    pub fn new_timer(cap: usize) -> Self {
        Self::make(cap, true)
    }

    fn make(cap: usize, timer: bool) -> Self {
        Chan(Arc::new(HChan {
            lock: RawMutex::INIT,
            cap,
            closed: AtomicBool::new(false),
            qcount: AtomicUsize::new(0),
            nrecvq: AtomicUsize::new(0),
            nsendq: AtomicUsize::new(0),
            timer,
            st: UnsafeCell::new(ChanState {
                buf: VecDeque::with_capacity(cap.min(1024)),
                recvq: VecDeque::new(),
                sendq: VecDeque::new(),
            }),
        }))
    }

    /// Channel identity (`==` on channels).
    pub fn ptr_eq(&self, other: &Chan<T>) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }

    /// An address for printing (`fmt.Println(ch)` prints `0xc000...`).
    pub fn addr(&self) -> usize {
        Arc::as_ptr(&self.0) as *const u8 as usize
    }

    /// `len(ch)`.
    pub fn len(&self) -> usize {
        self.0.qcount.load(Ordering::Relaxed) // racy by nature, as in Go
    }

    /// `len(ch)` as the language reports it (`chanlen`: 0 for a timer channel).
    pub fn chanlen(&self) -> usize {
        if self.0.timer {
            0
        } else {
            self.len()
        }
    }

    /// `cap(ch)` as the language reports it (`chancap`: 0 for a timer channel).
    pub fn chancap(&self) -> usize {
        if self.0.timer {
            0
        } else {
            self.0.cap
        }
    }

    /// `len(ch) == 0`.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `cap(ch)`.
    pub fn cap(&self) -> usize {
        self.0.cap
    }

    /// Whether some goroutine is blocked receiving from (or selecting on) this channel.
    pub fn has_waiting_receivers(&self) -> bool {
        self.0.nrecvq.load(Ordering::Relaxed) > 0 // a hint, as len()
    }

    /// `ch <- v` (`chansend`, blocking).
    pub fn send(&self, g: &mut Gctx, v: T) -> Result<(), ChanError> {
        match self.chansend(Some(g), v, true) {
            Ok(None) => Ok(()),
            Ok(Some(_)) => crate::fatal::throw("chansend: blocking send returned not ready"),
            Err(e) => Err(e),
        }
    }

    /// Non-blocking send (`selectnbsend`, select with one send case and default):
    /// `Ok(None)` sent, `Ok(Some(v))` not ready (v given back), `Err` on a closed channel.
    pub fn try_send(&self, g: &mut Gctx, v: T) -> Result<Option<T>, ChanError> {
        self.chansend(Some(g), v, false)
    }

    /// Non-blocking send from outside any goroutine (timer callbacks: `time.After`'s
    /// `sendTime`). Gives `v` back if the channel is full or closed. Woken receivers go to
    /// the global run queue.
    pub fn offer(&self, v: T) -> Result<(), T> {
        if self.0.closed.load(Ordering::Acquire) {
            return Err(v);
        }
        match self.chansend(None, v, false) {
            Ok(None) => Ok(()),
            Ok(Some(v)) => Err(v),
            Err(_) => Ok(()), // closed meanwhile: the value is dropped, as a timer send would be
        }
    }

    /// `v, ok := <-ch` (`chanrecv`, blocking): `(Some(v), true)`, or `(None, false)` when
    /// the channel is closed and drained (the VM supplies the zero value).
    pub fn recv(&self, g: &mut Gctx) -> (Option<T>, bool) {
        match self.chanrecv(Some(g), true) {
            Some(r) => r,
            None => crate::fatal::throw("chanrecv: blocking receive returned not ready"),
        }
    }

    /// Non-blocking receive (`selectnbrecv`): `None` if nothing is ready.
    pub fn try_recv(&self, g: &mut Gctx) -> Option<(Option<T>, bool)> {
        self.chanrecv(Some(g), false)
    }

    /// `close(ch)` (`closechan`). Woken goroutines go to the global run queue; inside a
    /// goroutine prefer `close_g`, which readies them on the current P as Go does.
    pub fn close(&self) -> Result<(), ChanError> {
        self.closechan(None)
    }

    /// `close(ch)` from a goroutine.
    pub fn close_g(&self, g: &mut Gctx) -> Result<(), ChanError> {
        self.closechan(Some(g))
    }

    /// `chansend(c, ep, block)`: `Ok(None)` sent, `Ok(Some(v))` not ready (non-blocking).
    fn chansend(
        &self,
        mut g: Option<&mut Gctx>,
        v: T,
        block: bool,
    ) -> Result<Option<T>, ChanError> {
        let c = &*self.0;
        // Fast path: fail a non-blocking send on a full open channel without the lock.
        if !block && !c.closed.load(Ordering::Relaxed) && c.full() {
            return Ok(Some(v));
        }
        c.lock.lock();
        // SAFETY: lock held; `st` is not used after the unlock/park below.
        let st = unsafe { c.state() };
        if c.closed.load(Ordering::Relaxed) {
            // SAFETY: we hold the lock.
            unsafe { c.lock.unlock() };
            return Err(ChanError::SendOnClosed);
        }
        if let Some(sg) = dequeue(&mut st.recvq) {
            // send(): direct handoff to the parked receiver.
            // SAFETY: we dequeued sg under the lock: only we write it (C4).
            unsafe {
                *sg.elem.get() = Some(v);
                *sg.success.get() = true;
            }
            sg.g.param.store(sg.addr(), Ordering::Relaxed); // ordered by ready's CAS
            let gp = sg.g.clone(); // C5: sg is not touched after the unlock
            c.sync_mirrors(st);
            // SAFETY: we hold the lock.
            unsafe { c.lock.unlock() };
            wake(g.as_deref_mut(), gp);
            return Ok(None);
        }
        if st.buf.len() < c.cap {
            st.buf.push_back(v);
            c.sync_mirrors(st);
            // SAFETY: we hold the lock.
            unsafe { c.lock.unlock() };
            return Ok(None);
        }
        let g = match (block, g) {
            (true, Some(g)) => g,
            _ => {
                // SAFETY: we hold the lock.
                unsafe { c.lock.unlock() };
                return Ok(Some(v));
            }
        };
        // Block: enqueue a sudog and park; g0 releases the lock after the switch (I2).
        let mysg = Sudog {
            g: g.g.clone(),
            elem: UnsafeCell::new(Some(v)),
            success: UnsafeCell::new(false),
            is_select: false,
        };
        g.g.param.store(0, Ordering::Relaxed); // read back after wakeup
        st.sendq.push_back(SgRef::new(&mysg)); // C5: mysg outlives the entry
        c.sync_mirrors(st);
        g.gopark(WaitReason::ChanSend, Unlock::Lock(c.lock_ptr()));
        if g.g.param.swap(0, Ordering::Relaxed) != mysg.addr() {
            crate::fatal::throw("G waiting list is corrupted");
        }
        // SAFETY: we were readied by the waker that dequeued mysg; it no longer touches it.
        let ok = unsafe { *mysg.success.get() };
        if !ok {
            if !c.closed.load(Ordering::Relaxed) {
                crate::fatal::throw("chansend: spurious wakeup");
            }
            return Err(ChanError::SendOnClosed);
        }
        Ok(None)
    }

    /// `chanrecv(c, ep, block)`: `None` when a non-blocking receive finds nothing.
    fn chanrecv(&self, mut g: Option<&mut Gctx>, block: bool) -> Option<(Option<T>, bool)> {
        let c = &*self.0;
        if !block && c.empty() {
            if !c.closed.load(Ordering::Acquire) {
                return None;
            }
            if c.empty() {
                return Some((None, false));
            }
        }
        c.lock.lock();
        // SAFETY: lock held; `st` is not used after the unlock/park below.
        let st = unsafe { c.state() };
        if c.closed.load(Ordering::Relaxed) {
            if st.buf.is_empty() {
                // SAFETY: we hold the lock.
                unsafe { c.lock.unlock() };
                return Some((None, false));
            }
        } else if let Some(sg) = dequeue(&mut st.sendq) {
            // recv(): unbuffered → straight from the sender; full buffer → take the head,
            // put the sender's value at the tail.
            // SAFETY: we dequeued sg under the lock (C4).
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
            // SAFETY: we hold the lock.
            unsafe { c.lock.unlock() };
            wake(g.as_deref_mut(), gp);
            return Some((v, true));
        }
        if let Some(v) = st.buf.pop_front() {
            c.sync_mirrors(st);
            // SAFETY: we hold the lock.
            unsafe { c.lock.unlock() };
            return Some((Some(v), true));
        }
        let g = match (block, g) {
            (true, Some(g)) => g,
            _ => {
                // SAFETY: we hold the lock.
                unsafe { c.lock.unlock() };
                return None;
            }
        };
        let mysg = Sudog {
            g: g.g.clone(),
            elem: UnsafeCell::new(None),
            success: UnsafeCell::new(false),
            is_select: false,
        };
        g.g.param.store(0, Ordering::Relaxed); // read back after wakeup
        st.recvq.push_back(SgRef::new(&mysg)); // C5: mysg outlives the entry
        c.sync_mirrors(st);
        g.gopark(WaitReason::ChanReceive, Unlock::Lock(c.lock_ptr()));
        if g.g.param.swap(0, Ordering::Relaxed) != mysg.addr() {
            crate::fatal::throw("G waiting list is corrupted");
        }
        // SAFETY: the waker that dequeued mysg is done with it (C4).
        let ok = unsafe { *mysg.success.get() };
        // SAFETY: as above.
        let v = unsafe { (*mysg.elem.get()).take() };
        Some((v, ok))
    }

    /// `closechan(c)`.
    fn closechan(&self, mut g: Option<&mut Gctx>) -> Result<(), ChanError> {
        let c = &*self.0;
        c.lock.lock();
        if c.closed.load(Ordering::Relaxed) {
            // SAFETY: we hold the lock.
            unsafe { c.lock.unlock() };
            return Err(ChanError::CloseOfClosed);
        }
        c.closed.store(true, Ordering::Release); // Release: the lock-free fast paths read it
        let mut glist = Vec::new();
        {
            // SAFETY: lock held; reference dropped before unlock.
            let st = unsafe { c.state() };
            while let Some(sg) = dequeue(&mut st.recvq) {
                // SAFETY: dequeued under the lock (C4).
                unsafe {
                    *sg.elem.get() = None;
                    *sg.success.get() = false;
                }
                sg.g.param.store(sg.addr(), Ordering::Relaxed); // ordered by ready's CAS
                glist.push(sg.g.clone()); // C5: the sudog is not touched after the unlock
            }
            while let Some(sg) = dequeue(&mut st.sendq) {
                // SAFETY: dequeued under the lock (C4). The sender will panic.
                unsafe { *sg.success.get() = false };
                sg.g.param.store(sg.addr(), Ordering::Relaxed); // ordered by ready's CAS
                glist.push(sg.g.clone()); // C5
            }
            c.sync_mirrors(st);
        }
        // SAFETY: we hold the lock.
        unsafe { c.lock.unlock() };
        for gp in glist {
            wake(g.as_deref_mut(), gp);
        }
        Ok(())
    }
}
