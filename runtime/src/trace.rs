//! trace: GODEBUG=schedtrace/scheddetail output (Go's `schedtrace`) and goroutine dumps
//! (`goroutineheader`, `traceback`, `printcreatedby`, `tracebackothers`).

use std::fmt::Write as _;
use std::io::Write as _;
use std::sync::atomic::Ordering;

use crate::runtime2::{gstatus_string, Sched, G, G_DEAD, G_IDLE, G_RUNNING, G_WAITING};
use crate::time::nanotime;

/// `goroutineheader(gp)` + traceback + `printcreatedby`: the block printed for one G.
/// `running` forces the `[running]` status (the panicking G).
pub(crate) fn goroutine_block(g: &G, running: bool) -> String {
    let st = g.readstatus();
    let status = if running {
        "running".to_string()
    } else if st == G_WAITING {
        let r = g.waitreason();
        if r.as_str().is_empty() {
            gstatus_string(st).to_string()
        } else {
            r.as_str().to_string()
        }
    } else {
        gstatus_string(st).to_string()
    };
    let mut out = format!("goroutine {} [{}", g.goid(), status);
    let since = g.waitsince.load(Ordering::Relaxed);
    if st == G_WAITING && since != 0 {
        let mins = (nanotime() - since) / 60_000_000_000;
        if mins >= 1 {
            let _ = write!(out, ", {mins} minutes");
        }
    }
    if g.locked_ext.load(Ordering::Relaxed) != 0 {
        out.push_str(", locked to thread");
    }
    out.push_str("]:\n");
    let info = g.info.lock();
    let tb = info.traceback.clone();
    let start_fn = info.start_fn.clone();
    let parent = info.parent_goid;
    let creator_fn = info.creator_fn.clone();
    let creator_loc = info.creator_loc.clone();
    drop(info);
    match tb {
        Some(f) => {
            let mut t = f();
            if !t.is_empty() && !t.ends_with('\n') {
                t.push('\n');
            }
            out.push_str(&t);
        }
        None => {
            let _ = writeln!(out, "{start_fn}()\n\t?:0 +0x0");
        }
    }
    if g.goid() != 1 && !creator_fn.is_empty() {
        let loc = creator_loc.as_deref().unwrap_or("?:0 +0x0");
        let _ = writeln!(
            out,
            "created by {creator_fn} in goroutine {parent}\n\t{loc}"
        );
    }
    out
}

/// The dump for the panicking goroutine `goid` (level "single").
pub(crate) fn goroutine_dump(s: &Sched, goid: u64, running: bool) -> String {
    let allgs = s.allgs.lock().clone();
    for g in allgs.iter() {
        let st = g.readstatus();
        if g.goid() == goid && st != G_DEAD && st != G_IDLE {
            return goroutine_block(g, running);
        }
    }
    format!("goroutine {goid} [running]:\n")
}

/// `tracebackothers`: a blank line then the block of every live goroutine, in allgs
/// order (the order Go prints them), skipping `skip`.
pub(crate) fn tracebackothers(s: &Sched, skip: Option<u64>) -> String {
    let allgs = match s.allgs.try_lock() {
        Some(v) => v.clone(),
        None => return String::new(),
    };
    let mut out = String::new();
    for g in allgs.iter() {
        let st = g.readstatus();
        if st == G_DEAD
            || st == G_IDLE
            || Some(g.goid()) == skip
            || g.system.load(std::sync::atomic::Ordering::Relaxed)
        {
            continue;
        }
        out.push('\n');
        out.push_str(&goroutine_block(g, false));
        if st == G_RUNNING {
            // Go: "goroutine running on other thread; stack unavailable" when no frames.
        }
    }
    out
}

/// `schedtrace(detailed)`: Go's `SCHED` line (tip format, with `schedticks`), and with
/// scheddetail the P, M and G lines.
pub(crate) fn schedtrace(s: &Sched, detailed: bool) {
    let now = nanotime();
    let allp = s.allp();
    let (mcount, nmidle, nmidlelocked, runqsize, stopwait) =
        match s.lock.try_lock_for(std::time::Duration::from_millis(10)) {
            Some(l) => (
                l.mnext - l.nmfreed,
                l.nmidle,
                l.nmidlelocked,
                l.runq.len(),
                l.stopwait,
            ),
            None => return,
        };
    let mut out = format!(
        "SCHED {}ms: gomaxprocs={} idleprocs={} threads={} spinningthreads={} needspinning={} idlethreads={} runqueue={}",
        (now - s.starttime) / 1_000_000,
        s.gomaxprocs(),
        s.npidle.load(Ordering::Relaxed),
        mcount,
        s.nmspinning.load(Ordering::Relaxed),
        s.needspinning.load(Ordering::Relaxed),
        nmidle,
        runqsize
    );
    if detailed {
        let _ = writeln!(
            out,
            " gcwaiting={} nmidlelocked={} stopwait={} sysmonwait=false",
            s.gcwaiting.load(Ordering::Relaxed),
            nmidlelocked,
            stopwait
        );
    }
    for (i, p) in allp.ps.iter().enumerate() {
        let mut rq = p.runqsize();
        if !p.runnext.load(Ordering::Relaxed).is_null() {
            rq += 1;
        }
        if detailed {
            let m = p.m_id.load(Ordering::Relaxed);
            let ms = if m >= 0 { m.to_string() } else { "nil".into() };
            let _ = writeln!(
                out,
                "  P{}: status={} schedtick={} syscalltick={} m={} runqsize={} gfreecnt={} timerslen={}",
                p.id,
                p.status.load(Ordering::Relaxed),
                p.schedtick.load(Ordering::Relaxed),
                p.syscalltick.load(Ordering::Relaxed),
                ms,
                rq,
                p.gfreecnt.load(Ordering::Relaxed),
                p.timers.len()
            );
        } else {
            if i == 0 {
                out.push_str(" [ ");
            }
            let _ = write!(out, "{rq} ");
            if i == allp.ps.len() - 1 {
                out.push(']');
            }
        }
    }
    if !detailed {
        out.push_str(" schedticks=[ ");
        for p in allp.ps.iter() {
            let _ = write!(out, "{} ", p.schedtick.load(Ordering::Relaxed));
        }
        out.push_str("]\n");
        let _ = std::io::stderr().write_all(out.as_bytes());
        return;
    }
    // allm is a list with the newest M first.
    for m in s.allm.lock().iter().rev() {
        let pid = m.p_id.load(Ordering::Relaxed);
        let curg = m.curg_goid.load(Ordering::Relaxed);
        let _ = writeln!(
            out,
            "  M{}: p={} curg={} mallocing=0 throwing=0 preemptoff= locks=0 dying=0 spinning={} blocked={} lockedg=nil",
            m.id,
            if pid >= 0 { pid.to_string() } else { "nil".into() },
            if curg != 0 { curg.to_string() } else { "nil".into() },
            m.spinning.load(Ordering::Relaxed),
            m.blocked.load(Ordering::Relaxed)
        );
    }
    if let Some(allgs) = s.allgs.try_lock() {
        for g in allgs.iter() {
            let m = g.m_id.load(Ordering::Relaxed);
            let _ = writeln!(
                out,
                "  G{}: status={}({}) m={} lockedm=nil",
                g.goid(),
                g.readstatus(),
                g.waitreason().as_str(),
                if m >= 0 { m.to_string() } else { "nil".into() }
            );
        }
    }
    let _ = std::io::stderr().write_all(out.as_bytes());
}
