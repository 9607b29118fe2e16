//! syscall: `entersyscall` / `exitsyscall` around a blocking call, so the P can be handed
//! off (by sysmon's retake) while the M is blocked outside the scheduler.
//!
//! The P is parked in its own `syscall_slot` (Go's `m.oldp` + `_Psyscall`): the G keeps
//! running on its coroutine on this M without a P. On return, the fast path takes the P
//! back from the slot; if sysmon took it, we try an idle P; failing that the G goes to
//! the global queue and the M stops (`exitsyscallNoP`).

use std::sync::atomic::Ordering;
use std::sync::Arc;

use crate::park::Gctx;
use crate::proc::{acquirep, globrunqput, pidleget, stopm};
use crate::runtime2::{MState, Park, Sched, G, G_RUNNABLE, G_RUNNING, G_SYSCALL, P_SYSCALL};

impl Gctx {
    /// Run a blocking call (`f`, e.g. a stdin read) between `entersyscall` and
    /// `exitsyscall`: the P is handed to another M if the call blocks for more than a
    /// sysmon tick and there is other work. `f` must not touch the runtime.
    pub fn syscall<R>(&mut self, f: impl FnOnce() -> R) -> R {
        self.entersyscall();
        let r = f();
        self.exitsyscall();
        r
    }

    /// `entersyscall`: Running→Syscall, P into its syscall slot.
    fn entersyscall(&mut self) {
        let gp = self.g.clone();
        let mc = self.mc();
        let (_s, ms) = mc.split();
        let p = match ms.p.take() {
            Some(p) => p,
            None => crate::fatal::throw("entersyscall: no p"),
        };
        ms.syscalltick = p.sh.syscalltick.load(Ordering::Relaxed);
        let sh = p.sh.clone();
        sh.curg.store(std::ptr::null_mut(), Ordering::Release); // see execute
        gp.casgstatus(G_RUNNING, G_SYSCALL);
        {
            let mut slot = sh.syscall_slot.lock();
            sh.status.store(P_SYSCALL, Ordering::Relaxed); // under the slot lock
            *slot = Some(p);
        }
        ms.m.p_id.store(-1, Ordering::Relaxed); // informational
        ms.oldp = Some(sh);
    }

    /// `exitsyscall`: Syscall→Running; get our P back, or any idle P, or give up the M.
    fn exitsyscall(&mut self) {
        let gp = self.g.clone();
        gp.casgstatus(G_SYSCALL, G_RUNNING);
        {
            let mc = self.mc();
            let (s, ms) = mc.split();
            if let Some(sh) = ms.oldp.take() {
                let p = sh.syscall_slot.lock().take();
                if let Some(p) = p {
                    // Fast path: sysmon did not retake it.
                    p.sh.syscalltick.fetch_add(1, Ordering::Relaxed); // informational
                    acquirep(ms, p); // _Psyscall → _Prunning
                    ms.pp()
                        .sh
                        .curg
                        .store(Arc::as_ptr(&gp) as *mut G, Ordering::Release); // see execute
                    return;
                }
            }
            let pp = {
                let mut l = s.lock.lock();
                pidleget(s, &mut l)
            };
            if let Some(pp) = pp {
                acquirep(ms, pp);
                ms.pp().sh.syscalltick.fetch_add(1, Ordering::Relaxed); // informational
                ms.pp()
                    .sh
                    .curg
                    .store(Arc::as_ptr(&gp) as *mut G, Ordering::Release); // see execute
                return;
            }
        }
        // exitsyscallNoP, on g0.
        self.suspend(Park::SyscallNoP);
    }
}

/// `exitsyscallNoP` (g0 side): Running→Runnable; an idle P runs it, else the global
/// queue, and this M stops.
pub(crate) fn exitsyscall_nop(s: &Sched, ms: &mut MState, gp: Arc<G>) {
    gp.casgstatus(G_RUNNING, G_RUNNABLE);
    let pp = {
        let mut l = s.lock.lock();
        let pp = pidleget(s, &mut l);
        if pp.is_none() {
            globrunqput(s, &mut l, gp.clone());
        }
        pp
    };
    match pp {
        Some(pp) => {
            acquirep(ms, pp);
            let crate::runtime2::MState { p, rng, .. } = ms;
            if let Some(p) = p.as_mut() {
                crate::proc::runqput(s, p, rng, gp, true);
            }
        }
        None => {
            let _ = stopm(s, ms);
        }
    }
}
