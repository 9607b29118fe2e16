//! mgc: the garbage collector (Go's `mgc.go`, with the marking of `mgcmark.go`, the freeing
//! of `mgcsweep.go` and the finalizer queue of `mfinal.go`).
//!
//! The VM's heap objects are reference counted (`Arc`), which frees everything but cycles.
//! This collector finds the cycles. It is a *trial-deletion* collector (as CPython's): it
//! needs no list of roots, so a root nobody registered can never cause a live object to be
//! freed. With the world stopped:
//!
//! 1. every tracked object (an object that can hold references: see [`track`]) gets
//!    `refs` = its reference count;
//! 2. each reference from one tracked object to another is subtracted (the object's
//!    [`Trace::trace`] lists them by their [`GcHeader`], in which the cycle has written
//!    each object's number, so no lookup by address is needed). What is left over counts
//!    references from outside the tracked heap: goroutine registers, globals, channel
//!    buffers, library state, anything. An object with `refs > 0` is a root;
//! 3. everything reachable from a root is marked (with a work list, no recursion);
//! 4. objects with a finalizer that are not marked are queued for the finalizer goroutine
//!    (and, with what they reach, kept for one more cycle), as Go's `SetFinalizer` does;
//! 5. the rest is garbage: only cycles are left there, and [`Trace::clear`] drops the
//!    references of each object, which breaks them; reference counting frees the objects.
//!
//! Safety rests on one rule for `Trace::trace`: list only references the object owns (each
//! strong count it holds, once). Listing fewer is safe (an object looks referenced from
//! outside and is kept); listing one it does not hold could clear a live object. The stress
//! mode (`MINIGO_GCSTRESS=1`, a collection at the safe point after each allocation) runs
//! the corpus to check that rule.
//!
//! Pacing is Go's: the next cycle starts when the heap in use reaches
//! `live × (1 + GOGC/100)` (at least 4 MB × GOGC/100); `GOGC=off` (or a negative
//! `debug.SetGCPercent`) turns collection off except for `runtime.GC()`. The tracked-object
//! count has the same goal, so cycles of objects whose bytes are not counted still trigger.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Weak};

use parking_lot::Mutex;

use crate::park::Gctx;
use crate::runtime2::{Sched, WaitReason};
use crate::sema::Sema;
use crate::time::nanotime;

/// An object the collector can look into: the VM's heap cells, closures, interface boxes,
/// maps.
pub trait Trace: std::any::Any + Send + Sync {
    /// The object's collector header.
    fn header(&self) -> &GcHeader;
    /// Call `visit` with the [`GcHeader`] of every object this one holds a strong `Arc`
    /// reference to, once per reference held. Return `false`, having visited anything or
    /// not, when the contents cannot be read now (a lock is held): the object is then kept,
    /// and so is everything it references.
    fn trace(&self, visit: &mut dyn FnMut(&GcHeader)) -> bool;
    /// Drop the references this object holds: it is garbage (unreachable from any root).
    fn clear(&self);
}

/// The word every object the collector can see carries (Go keeps its mark bits beside the
/// span; an `Arc`'s object has no span, so the word is in the object). During a cycle it
/// holds the cycle's number and the object's index in it, so following a reference needs
/// no lookup by address; at other times nothing reads it.
#[derive(Default)]
pub struct GcHeader(AtomicU64);

impl GcHeader {
    /// A header no cycle has numbered.
    pub const fn new() -> GcHeader {
        GcHeader(AtomicU64::new(0))
    }

    /// This object's index in cycle `epoch`, if the cycle numbered it.
    #[inline]
    fn index(&self, epoch: u32) -> Option<u32> {
        let w = self.0.load(Ordering::Relaxed); // written only with the world stopped
        ((w >> 32) as u32 == epoch).then_some(w as u32)
    }

    /// Number this object `i` in cycle `epoch`; false if it already has a number in it.
    #[inline]
    fn number(&self, epoch: u32, i: u32) -> bool {
        if self.index(epoch).is_some() {
            return false;
        }
        self.0
            .store((u64::from(epoch) << 32) | u64::from(i), Ordering::Relaxed);
        true
    }
}

/// The identity of an `Arc`'s object (for finalizers: `SetFinalizer(p, nil)` finds its
/// record by it).
#[inline]
pub fn addr<T: ?Sized>(a: &Arc<T>) -> usize {
    Arc::as_ptr(a) as *const () as usize
}

/// Go's `heapminimum` at GOGC=100: the first cycle starts at 4 MB.
const HEAP_MINIMUM: u64 = 4 << 20;
/// The tracked-object count's minimum goal.
const OBJ_MINIMUM: usize = 1 << 16;
/// Objects an M registers before handing them to the heap in one batch.
const BATCH: usize = 128;
/// Stress mode collects after each tracked allocation at first, then after every
/// `live/16 + registered/STRESS_SPACING` allocations: a program that makes n objects
/// runs at most about `STRESS_SPACING * (1 + ln(n / STRESS_SPACING))` cycles however few
/// of them stay live (100,000 short-lived goroutines would otherwise stop the world
/// 100,000 times).
const STRESS_SPACING: usize = 1024;
/// Bytes an M allocates between two checks of the heap goal.
const CHECK_BYTES: u64 = 64 << 10;

/// What `runtime.ReadMemStats` reports about the collector.
#[derive(Clone)]
pub struct GcStats {
    /// `NumGC`.
    pub num_gc: u32,
    /// `NumForcedGC`: cycles started by `runtime.GC()`.
    pub num_forced: u32,
    /// `PauseNs`: the stop-the-world time of recent cycles, a circular buffer.
    pub pause_ns: [u64; 256],
    /// `PauseEnd`: when each of those pauses ended (Unix ns).
    pub pause_end: [u64; 256],
    /// `PauseTotalNs`.
    pub pause_total_ns: u64,
    /// `LastGC` (Unix ns).
    pub last_gc: u64,
    /// `NextGC`: the heap goal.
    pub next_gc: u64,
    /// `GCCPUFraction`.
    pub cpu_fraction: f64,
    /// Objects freed by the collector (garbage cycles) since the start.
    pub freed: u64,
}

/// The tracked objects. An entry is a `Weak`, which keeps the `Arc`'s allocation (not the
/// object) until the entry is dropped: dead entries are pruned whenever the list doubles.
struct Registry {
    objs: Vec<Weak<dyn Trace>>,
    /// Prune dead entries when `objs` reaches this length.
    check_at: usize,
    /// Collect when `objs` (pruned) reaches this length.
    obj_goal: usize,
    /// Objects registered since the start (stress mode's spacing grows with it).
    total: usize,
}

/// A finalizer (`SetFinalizer`): the object it is set on, and the VM's record (the
/// pointer to pass and the function), which holds the object strongly.
struct Special {
    target: usize,
    record: Arc<dyn Trace>,
}

/// A scheduler's heap: the objects that may take part in cycles, the finalizers, pacing.
pub(crate) struct Heap {
    reg: Mutex<Registry>,
    specials: Mutex<Vec<Special>>,
    /// `finq`: records of finalizers ready to run.
    finq: Mutex<Vec<Arc<dyn Trace>>>,
    /// The finalizer goroutine sleeps here (`fingwait`).
    fing: Sema,
    /// A cycle is wanted at the next safe point (`gcTrigger` fired).
    pub(crate) requested: AtomicBool,
    gcpercent: AtomicI32,
    next_gc: AtomicU64,
    stats: Mutex<GcStats>,
    /// CPU time spent collecting, for `GCCPUFraction` and gctrace's percentage.
    gc_ns: AtomicU64,
    /// The number of the last cycle (see [`GcHeader`]).
    epoch: AtomicU32,
    stress: bool,
    gctrace: bool,
    sched: Weak<Sched>,
    fing_created: AtomicBool,
}

/// `GOGC` from the environment: a percentage, or `off` (-1). Go's default is 100.
fn gogc_from_env() -> i32 {
    match std::env::var("GOGC") {
        Ok(v) if v.trim() == "off" => -1,
        Ok(v) => v.trim().parse::<i32>().unwrap_or(100),
        Err(_) => 100,
    }
}

fn heap_goal(live: u64, gcpercent: i32) -> u64 {
    if gcpercent < 0 {
        return u64::MAX;
    }
    let p = gcpercent as u64;
    (live.saturating_mul(100 + p) / 100).max(HEAP_MINIMUM * p / 100)
}

fn obj_goal(live: usize, gcpercent: i32) -> usize {
    if gcpercent < 0 {
        return usize::MAX;
    }
    (live.saturating_mul(100 + gcpercent as usize) / 100).max(OBJ_MINIMUM)
}

impl Heap {
    pub(crate) fn new(sched: Weak<Sched>, gctrace: bool) -> Heap {
        let gcpercent = gogc_from_env();
        let stress = std::env::var("MINIGO_GCSTRESS").is_ok_and(|v| v.trim() == "1");
        Heap {
            reg: Mutex::new(Registry {
                objs: Vec::new(),
                check_at: OBJ_MINIMUM,
                obj_goal: if stress { 1 } else { obj_goal(0, gcpercent) },
                total: 0,
            }),
            specials: Mutex::new(Vec::new()),
            finq: Mutex::new(Vec::new()),
            fing: Sema::new(0),
            requested: AtomicBool::new(false),
            gcpercent: AtomicI32::new(gcpercent),
            next_gc: AtomicU64::new(heap_goal(0, gcpercent)),
            stats: Mutex::new(GcStats {
                num_gc: 0,
                num_forced: 0,
                pause_ns: [0; 256],
                pause_end: [0; 256],
                pause_total_ns: 0,
                last_gc: 0,
                next_gc: heap_goal(0, gcpercent),
                cpu_fraction: 0.0,
                freed: 0,
            }),
            gc_ns: AtomicU64::new(0),
            epoch: AtomicU32::new(0),
            stress,
            gctrace,
            sched,
            fing_created: AtomicBool::new(false),
        }
    }

    /// `gcTrigger.test` fired: ask every running G to stop at its next safe point, where
    /// the first one runs the cycle.
    pub(crate) fn request(&self) {
        self.requested.store(true, Ordering::SeqCst); // SeqCst: read at safe points
        if let Some(s) = self.sched.upgrade() {
            crate::sysmon::preemptall(&s);
        }
    }

    fn add(&self, batch: &mut Vec<Weak<dyn Trace>>) {
        let mut reg = self.reg.lock();
        reg.total += batch.len();
        reg.objs.append(batch);
        // In stress mode, a cycle after each allocation while the heap is small, then
        // sparser as the heap and the allocation count grow (see `STRESS_SPACING`).
        if self.stress && reg.objs.len() >= reg.obj_goal {
            drop(reg);
            self.request();
            return;
        }
        if reg.objs.len() >= reg.check_at {
            reg.objs.retain(|w| w.strong_count() > 0);
            reg.check_at = (reg.objs.len() * 2).max(OBJ_MINIMUM);
            if reg.objs.len() >= reg.obj_goal {
                drop(reg);
                self.request();
            }
        }
    }

    /// The heap in use is checked against the goal (from [`note_alloc`]). Reference
    /// counting frees most garbage at once, so the heap in use is the live heap plus the
    /// garbage cycles since the last collection: a program that makes no cycles rarely
    /// needs one (Go's heap also counts acyclic garbage, so Go collects more often).
    fn check_goal(&self) {
        if crate::malloc::memstats::in_use() >= self.next_gc.load(Ordering::Relaxed) {
            self.request();
        }
    }

    /// One collection, with the world stopped. Returns (tracked objects, freed, finalizers
    /// queued).
    fn collect(&self) -> (usize, usize, usize) {
        MCACHE.with(|c| c.borrow_mut().flush());
        let weaks = std::mem::take(&mut self.reg.lock().objs);
        let mut specials = self.specials.lock();
        let epoch = self.epoch.fetch_add(1, Ordering::Relaxed).wrapping_add(1);
        let mut nodes: Vec<Arc<dyn Trace>> = Vec::with_capacity(weaks.len() + specials.len());
        // The node of each finalizer's target (looked up by address: there are few).
        let mut targets: HashMap<usize, u32, foldhash::fast::FixedState> =
            specials.iter().map(|s| (s.target, u32::MAX)).collect();
        for w in weaks {
            if let Some(a) = w.upgrade() {
                // An object registered twice (by its allocation and by SetFinalizer) is one node.
                if a.header().number(epoch, nodes.len() as u32) {
                    if let Some(t) = targets.get_mut(&addr(&a)) {
                        *t = nodes.len() as u32;
                    }
                    nodes.push(a);
                }
            }
        }
        let nobj = nodes.len();
        for s in specials.iter() {
            s.record.header().number(epoch, nodes.len() as u32);
            nodes.push(s.record.clone());
        }
        let n = nodes.len();
        // 1. Reference counts, less our own handle (and the specials table's, for records).
        let mut refs: Vec<i64> = nodes
            .iter()
            .enumerate()
            .map(|(i, a)| Arc::strong_count(a) as i64 - 1 - i64::from(i >= nobj))
            .collect();
        // 2. Subtract the references between tracked objects, recording the edges (traced on
        // every P's thread when the heap is large: this is most of a cycle's work).
        let procs = self
            .sched
            .upgrade()
            .map_or(1, |s| s.gomaxprocs().max(1) as usize);
        let (start, edges, unreadable) = trace_nodes(&nodes, epoch, procs);
        for &j in &edges {
            refs[j as usize] -= 1;
        }
        for i in unreadable {
            refs[i as usize] = i64::MAX / 2;
        }
        let out = |i: usize| &edges[start[i] as usize..start[i + 1] as usize];
        // 3. Mark from the roots.
        let mut marked = vec![false; n];
        let mut work: Vec<u32> = Vec::new();
        let mark = |i: u32, marked: &mut Vec<bool>, work: &mut Vec<u32>| {
            if !marked[i as usize] {
                marked[i as usize] = true;
                work.push(i);
            }
        };
        let drain = |marked: &mut Vec<bool>, work: &mut Vec<u32>| {
            while let Some(i) = work.pop() {
                for &j in out(i as usize) {
                    if !marked[j as usize] {
                        marked[j as usize] = true;
                        work.push(j);
                    }
                }
            }
        };
        for (i, &r) in refs.iter().enumerate() {
            if r > 0 {
                mark(i as u32, &mut marked, &mut work);
            }
        }
        drain(&mut marked, &mut work);
        // 4. Finalizers (Go's specials): what an object with a finalizer references is kept,
        // and so is the finalizer function; the object itself only if something else reaches
        // it (its own references, a cycle back to it included, do not keep it).
        let target_of = |s: &Special| targets.get(&s.target).copied().filter(|&t| t != u32::MAX);
        for (k, s) in specials.iter().enumerate() {
            let rec = nobj + k;
            let t = target_of(s);
            let was = t.map(|t| std::mem::replace(&mut marked[t as usize], true));
            for &j in out(rec) {
                if Some(j) == t {
                    for &c in out(j as usize) {
                        mark(c, &mut marked, &mut work);
                    }
                } else {
                    mark(j, &mut marked, &mut work);
                }
            }
            drain(&mut marked, &mut work);
            if let (Some(t), Some(false)) = (t, was) {
                marked[t as usize] = false;
            }
        }
        let mut ready = Vec::new();
        let mut k = 0;
        specials.retain(|s| {
            let rec = nobj + k;
            k += 1;
            let dead = target_of(s).is_some_and(|t| !marked[t as usize]);
            if dead {
                ready.push(s.record.clone());
            }
            // The record (live or queued) keeps its object and function.
            mark(rec as u32, &mut marked, &mut work);
            !dead
        });
        drop(specials);
        drain(&mut marked, &mut work);
        let queued = ready.len();
        if queued > 0 {
            self.finq.lock().extend(ready);
        }
        // 5. Sweep: break the garbage cycles; dropping our handles frees them.
        let mut freed = 0;
        let mut live = Vec::with_capacity(nobj);
        for (i, node) in nodes[..nobj].iter().enumerate() {
            if marked[i] {
                live.push(Arc::downgrade(node));
            } else {
                node.clear();
                freed += 1;
            }
        }
        drop(nodes);
        let gcpercent = self.gcpercent.load(Ordering::Relaxed);
        let mut reg = self.reg.lock();
        let n = live.len();
        reg.obj_goal = if self.stress {
            n + 1 + n / 16 + reg.total / STRESS_SPACING
        } else {
            obj_goal(n, gcpercent)
        };
        reg.check_at = (n * 2).max(OBJ_MINIMUM);
        // Objects registered while we ran (finalizers' objects) stay.
        live.append(&mut reg.objs);
        reg.objs = live;
        (nobj, freed, queued)
    }

    fn set_gcpercent(&self, p: i32) -> i32 {
        let old = self.gcpercent.swap(p, Ordering::Relaxed);
        let live = crate::malloc::memstats::in_use();
        let goal = heap_goal(live, p);
        self.next_gc.store(goal, Ordering::Relaxed);
        self.stats.lock().next_gc = goal;
        let mut reg = self.reg.lock();
        reg.obj_goal = obj_goal(reg.objs.len(), p);
        old
    }
}

/// An M's allocation cache (Go's `mcache`, which belongs to a P; here to the M's thread,
/// which runs one P at a time): the heap it allocates from and newly tracked objects, handed
/// to the heap in batches.
struct MCache {
    heap: Option<Arc<Heap>>,
    buf: Vec<Weak<dyn Trace>>,
}

impl MCache {
    fn flush(&mut self) {
        if let Some(h) = &self.heap {
            if !self.buf.is_empty() {
                h.add(&mut self.buf);
            }
        }
    }
}

impl Drop for MCache {
    fn drop(&mut self) {
        self.flush();
    }
}

thread_local! {
    static MCACHE: RefCell<MCache> = const {
        RefCell::new(MCache { heap: None, buf: Vec::new() })
    };
}

/// Attach this thread (an M) to a scheduler's heap.
pub(crate) fn mcache_init(heap: &Arc<Heap>) {
    MCACHE.with(|c| {
        let mut c = c.borrow_mut();
        c.flush();
        c.heap = Some(heap.clone());
    });
}

/// Nodes traced per thread at least before a cycle traces on more than one.
const PARALLEL_MIN: usize = 1 << 15;

/// The edges of `nodes` (each node's out-edges, as indices in cycle `epoch`) in compressed
/// rows: node `i`'s are `edges[start[i]..start[i + 1]]`; and the nodes whose contents could
/// not be read (a lock was held), which have no edges listed. With `procs > 1` and enough
/// nodes, consecutive ranges of nodes are traced on `procs` threads at once (Go's mark
/// workers, one per P; the world is stopped, so the other Ps' threads are idle).
fn trace_nodes(
    nodes: &[Arc<dyn Trace>],
    epoch: u32,
    procs: usize,
) -> (Vec<u32>, Vec<u32>, Vec<u32>) {
    let range = |lo: usize, part: &[Arc<dyn Trace>]| {
        let mut start = Vec::with_capacity(part.len());
        let mut edges = Vec::new();
        let mut unreadable = Vec::new();
        let mut scratch = Vec::new();
        for (k, node) in part.iter().enumerate() {
            start.push(edges.len() as u32);
            scratch.clear();
            let ok = node.trace(&mut |h| {
                if let Some(j) = h.index(epoch) {
                    scratch.push(j);
                }
            });
            if ok {
                edges.extend_from_slice(&scratch);
            } else {
                unreadable.push((lo + k) as u32);
            }
        }
        (start, edges, unreadable)
    };
    let workers = procs.min(nodes.len() / PARALLEL_MIN).max(1);
    let parts: Vec<(Vec<u32>, Vec<u32>, Vec<u32>)> = if workers == 1 {
        vec![range(0, nodes)]
    } else {
        let chunk = nodes.len().div_ceil(workers);
        std::thread::scope(|sc| {
            let range = &range;
            let handles: Vec<_> = nodes
                .chunks(chunk)
                .enumerate()
                .skip(1)
                .map(|(w, part)| sc.spawn(move || range(w * chunk, part)))
                .collect();
            let mut parts = vec![range(0, &nodes[..chunk.min(nodes.len())])];
            for h in handles {
                match h.join() {
                    Ok(p) => parts.push(p),
                    Err(e) => std::panic::resume_unwind(e),
                }
            }
            parts
        })
    };
    let total: usize = parts.iter().map(|p| p.1.len()).sum();
    let mut start = Vec::with_capacity(nodes.len() + 1);
    let mut edges = Vec::with_capacity(total);
    let mut unreadable = Vec::new();
    for (s, e, u) in parts {
        let base = edges.len() as u32;
        start.extend(s.into_iter().map(|x| x + base));
        edges.extend_from_slice(&e);
        unreadable.extend(u);
    }
    start.push(edges.len() as u32);
    (start, edges, unreadable)
}

/// Register `obj` with the collector of the scheduler running this thread: it can hold
/// references, so it can be part of a cycle. Outside a scheduler this does nothing (the
/// object is then only reference counted).
pub fn track<T: Trace>(obj: &Arc<T>) {
    MCACHE.with(|c| {
        let Ok(mut c) = c.try_borrow_mut() else {
            return;
        };
        let c = &mut *c;
        let Some(h) = &c.heap else { return };
        c.buf.push(Arc::downgrade(obj) as Weak<dyn Trace>);
        if h.stress || c.buf.len() >= BATCH {
            h.add(&mut c.buf);
        }
    });
}

/// Account `bytes` newly allocated by this thread against the heap goal (`mallocgc`'s
/// trigger test, done every 64 KB).
pub(crate) fn note_alloc(bytes: u64) {
    thread_local! {
        static SCAN_BYTES: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    }
    let n = SCAN_BYTES.with(|c| {
        let n = c.get() + bytes;
        c.set(if n >= CHECK_BYTES { 0 } else { n });
        n
    });
    if n >= CHECK_BYTES {
        check_goal_slow();
    }
}

#[cold]
fn check_goal_slow() {
    MCACHE.with(|c| {
        if let Ok(c) = c.try_borrow() {
            if let Some(h) = &c.heap {
                h.check_goal();
            }
        }
    });
}

/// `itoaDiv`: `val / 10^dec` with `dec` decimals.
fn itoa_div(val: u64, dec: u32) -> String {
    let s = val.to_string();
    if dec == 0 {
        return s;
    }
    let d = dec as usize;
    let s = format!("{s:0>width$}", width = d + 1);
    format!("{}.{}", &s[..s.len() - d], &s[s.len() - d..])
}

/// `fmtNSAsMS`: nanoseconds as milliseconds with two significant digits (at most three
/// decimals), whole milliseconds from 10 ms on.
fn fmt_ns_as_ms(ns: u64) -> String {
    if ns >= 10_000_000 {
        return itoa_div(ns / 1_000_000, 0);
    }
    let mut x = ns / 1000;
    if x == 0 {
        return "0".into();
    }
    let mut dec = 3;
    while x >= 100 {
        x /= 10;
        dec -= 1;
    }
    itoa_div(x, dec)
}

fn unix_ns() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64)
}

impl Gctx {
    fn heap(&mut self) -> Arc<Heap> {
        self.mc().sched.heap.clone()
    }

    /// A safe point found a collection requested: run it here (Go's allocating goroutine
    /// starts the cycle). If another goroutine is stopping the world, a later safe point
    /// retries. Returns whether a cycle ran.
    pub(crate) fn gc_requested(&mut self) -> bool {
        let heap = self.heap();
        if !heap.requested.swap(false, Ordering::SeqCst) {
            return false;
        }
        if !self.gc_cycle(false) {
            heap.requested.store(true, Ordering::SeqCst);
            return false;
        }
        true
    }

    /// `runtime.GC()`: a full collection, blocking until it is done; then the finalizers it
    /// queued are handed to the finalizer goroutine.
    pub fn gc(&mut self) {
        while !self.gc_cycle(true) {
            self.gosched();
        }
    }

    /// One cycle: stop the world, collect, restart, report (gctrace), pace the next.
    fn gc_cycle(&mut self, forced: bool) -> bool {
        let heap = self.heap();
        let t0 = nanotime();
        {
            let mc = self.mc();
            let sched = mc.sched.clone();
            let s = &*sched;
            let Some(_stw) = s.stw.try_lock() else {
                return false;
            };
            let heap0 = crate::malloc::memstats::in_use();
            crate::sysmon::stop_the_world(s, &mut mc.ms);
            let t1 = nanotime();
            let (_n, freed, queued) = heap.collect();
            let t2 = nanotime();
            let live = crate::malloc::memstats::in_use();
            // The next goal is set, and requests made while the world was stopping dropped
            // (this cycle answers them), before any goroutine runs again: otherwise one that
            // allocates at once sees the old goal and starts a second, useless cycle.
            let gcpercent = heap.gcpercent.load(Ordering::Relaxed);
            let goal = heap_goal(live, gcpercent);
            heap.next_gc.store(goal, Ordering::Relaxed);
            heap.requested.store(false, Ordering::SeqCst);
            let nprocs = s.gomaxprocs();
            crate::sysmon::start_the_world(s, &mut mc.ms, nprocs);
            let t3 = nanotime();
            let pause = (t3 - t0).max(0) as u64;
            let gc_ns = heap
                .gc_ns
                .fetch_add(pause * nprocs as u64, Ordering::Relaxed)
                + pause * nprocs as u64;
            let elapsed = ((t3 - s.starttime).max(1) as u64) * nprocs.max(1) as u64;
            let fraction = gc_ns as f64 / elapsed as f64;
            let mut st = heap.stats.lock();
            let k = st.num_gc as usize % 256;
            st.pause_ns[k] = pause;
            st.pause_end[k] = unix_ns();
            st.pause_total_ns += pause;
            st.last_gc = st.pause_end[k];
            st.num_gc += 1;
            st.num_forced += u32::from(forced);
            st.next_gc = goal;
            st.cpu_fraction = fraction;
            st.freed += freed as u64;
            if heap.gctrace {
                let (stop, mark, restart) = ((t1 - t0) as u64, (t2 - t1) as u64, (t3 - t2) as u64);
                let line = format!(
                    "gc {} @{}s {}%: {}+{}+{} ms clock, {}+0/{}/0+{} ms cpu, {}->{}->{} MB, {} MB goal, 0 MB stacks, 0 MB globals, {} P{}\n",
                    st.num_gc,
                    itoa_div(((t0 - s.starttime).max(0) as u64) / 1_000_000, 3),
                    (fraction * 100.0) as u64,
                    fmt_ns_as_ms(stop),
                    fmt_ns_as_ms(mark),
                    fmt_ns_as_ms(restart),
                    fmt_ns_as_ms(stop * nprocs as u64),
                    fmt_ns_as_ms(mark),
                    fmt_ns_as_ms(restart * nprocs as u64),
                    heap0 >> 20,
                    heap0 >> 20,
                    live >> 20,
                    goal >> 20,
                    nprocs,
                    if forced { " (forced)" } else { "" }
                );
                use std::io::Write;
                let _ = std::io::stderr().write_all(line.as_bytes());
            }
            drop(st);
            if queued == 0 {
                return true;
            }
        }
        heap.fing.release(self, false);
        true
    }

    /// `runtime.SetFinalizer`: when `target` is unreachable, queue `record` (which holds
    /// `target` and the function) for the finalizer goroutine. Replaces an earlier one.
    pub fn set_finalizer<T: Trace>(&mut self, target: &Arc<T>, record: Arc<dyn Trace>) {
        let heap = self.heap();
        let t = addr(target);
        // Registered directly (not through this M's batch) so the next cycle sees it (objects
        // of scalar words are not tracked for cycles; one with a finalizer must be).
        heap.reg
            .lock()
            .objs
            .push(Arc::downgrade(target) as Weak<dyn Trace>);
        let mut sp = heap.specials.lock();
        sp.retain(|s| s.target != t);
        sp.push(Special { target: t, record });
    }

    /// `SetFinalizer(p, nil)`: forget the finalizer of the object at `target`.
    pub fn remove_finalizer(&mut self, target: usize) {
        self.heap().specials.lock().retain(|s| s.target != target);
    }

    /// The finalizer goroutine's wait (`runfinq`'s `gopark` in "finalizer wait"): returns
    /// the records of finalizers to run, in the order they were queued.
    pub fn finq_wait(&mut self) -> Vec<Arc<dyn Trace>> {
        let heap = self.heap();
        loop {
            let q = std::mem::take(&mut *heap.finq.lock());
            if !q.is_empty() {
                return q;
            }
            heap.fing.acquire(self, false, WaitReason::FinalizerWait);
        }
    }

    /// Whether the finalizer goroutine still has to be started (true once per heap).
    pub fn createfing(&mut self) -> bool {
        !self.heap().fing_created.swap(true, Ordering::Relaxed)
    }

    /// `debug.SetGCPercent(p)`: returns the previous setting (negative: off).
    pub fn set_gc_percent(&mut self, p: i32) -> i32 {
        self.heap().set_gcpercent(p)
    }

    /// The collector's numbers for `runtime.ReadMemStats`.
    pub fn gc_stats(&mut self) -> GcStats {
        self.heap().stats.lock().clone()
    }

    /// Mark this goroutine as the runtime's own (the finalizer goroutine): not counted by
    /// `NumGoroutine`, not shown in dumps.
    pub fn set_system(&mut self) {
        if !self.g.system.swap(true, Ordering::Relaxed) {
            self.mc().sched.ngoroutine.fetch_sub(1, Ordering::Relaxed); // counter only
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A test object: a node with references to other nodes, behind a lock.
    #[derive(Default)]
    struct Node {
        hdr: GcHeader,
        out: Mutex<Vec<Arc<Node>>>,
    }

    impl Trace for Node {
        fn header(&self) -> &GcHeader {
            &self.hdr
        }
        fn trace(&self, visit: &mut dyn FnMut(&GcHeader)) -> bool {
            let Some(out) = self.out.try_lock() else {
                return false;
            };
            for n in out.iter() {
                visit(&n.hdr);
            }
            true
        }
        fn clear(&self) {
            self.out.lock().clear();
        }
    }

    fn heap() -> Heap {
        Heap::new(Weak::new(), false)
    }

    fn node(h: &Heap) -> Arc<Node> {
        let n = Arc::new(Node::default());
        h.reg
            .lock()
            .objs
            .push(Arc::downgrade(&n) as Weak<dyn Trace>);
        n
    }

    #[test]
    fn cycles_are_freed_and_held_objects_kept() {
        let h = heap();
        // a <-> b: garbage once dropped.
        let a = node(&h);
        let b = node(&h);
        a.out.lock().push(b.clone());
        b.out.lock().push(a.clone());
        let wa = Arc::downgrade(&a);
        drop((a, b));
        // c <-> d, with d also held from outside (a register).
        let c = node(&h);
        let d = node(&h);
        c.out.lock().push(d.clone());
        d.out.lock().push(c.clone());
        let wc = Arc::downgrade(&c);
        drop(c);
        let (n, freed, _) = h.collect();
        assert_eq!((n, freed), (4, 2));
        assert!(wa.upgrade().is_none(), "the garbage cycle was freed");
        assert!(
            wc.upgrade().is_some(),
            "c is reachable from d, held outside"
        );
        assert_eq!(d.out.lock().len(), 1, "live objects are untouched");
        assert_eq!(h.reg.lock().objs.len(), 2);
    }

    #[test]
    fn objects_registered_twice_count_once() {
        let h = heap();
        let a = node(&h);
        let b = node(&h);
        h.reg
            .lock()
            .objs
            .push(Arc::downgrade(&a) as Weak<dyn Trace>);
        a.out.lock().push(b.clone());
        b.out.lock().push(a.clone());
        let c = node(&h);
        c.out.lock().push(c.clone());
        drop((a, b));
        let wc = Arc::downgrade(&c);
        let (n, freed, _) = h.collect();
        assert_eq!((n, freed), (3, 2));
        assert!(wc.upgrade().is_some());
    }

    #[test]
    fn long_chains_and_self_loops() {
        let h = heap();
        let first = node(&h);
        let mut last = first.clone();
        for _ in 0..100_000 {
            let n = node(&h);
            last.out.lock().push(n.clone());
            last = n;
        }
        last.out.lock().push(first.clone()); // close the ring
        let s = node(&h);
        s.out.lock().push(s.clone());
        drop((first, last, s));
        let (_, freed, _) = h.collect();
        assert_eq!(freed, 100_002);
    }

    #[test]
    fn locked_objects_are_kept() {
        let h = heap();
        let a = node(&h);
        let b = node(&h);
        a.out.lock().push(b.clone());
        b.out.lock().push(a.clone());
        let wb = Arc::downgrade(&b);
        let a2 = a.clone();
        drop((a, b));
        let guard = a2.out.lock();
        let (_, freed, _) = h.collect();
        assert_eq!(freed, 0);
        assert!(wb.upgrade().is_some());
        drop(guard);
        drop(a2);
        let (_, freed, _) = h.collect();
        assert_eq!(freed, 2);
    }

    /// A finalizer record: holds its target strongly.
    struct Rec {
        hdr: GcHeader,
        target: Arc<Node>,
    }
    impl Trace for Rec {
        fn header(&self) -> &GcHeader {
            &self.hdr
        }
        fn trace(&self, visit: &mut dyn FnMut(&GcHeader)) -> bool {
            visit(&self.target.hdr);
            true
        }
        fn clear(&self) {}
    }

    fn special(h: &Heap, t: &Arc<Node>) {
        h.specials.lock().push(Special {
            target: addr(t),
            record: Arc::new(Rec {
                hdr: GcHeader::new(),
                target: t.clone(),
            }),
        });
    }

    #[test]
    fn finalizers_run_in_reference_order() {
        let h = heap();
        // a -> b, both with finalizers: a's runs first, b's one cycle later (Go's order).
        let a = node(&h);
        let b = node(&h);
        a.out.lock().push(b.clone());
        special(&h, &a);
        special(&h, &b);
        let wa = Arc::downgrade(&a);
        let keep = b.clone();
        drop((a, b));
        drop(keep);
        let (_, freed, queued) = h.collect();
        assert_eq!((freed, queued), (0, 1));
        assert!(wa.upgrade().is_some(), "a is kept for its finalizer");
        // The finalizer ran: its record is dropped.
        h.finq.lock().clear();
        drop(wa);
        let (_, _, queued) = h.collect();
        assert_eq!(queued, 1, "b's finalizer is ready once a is gone");
        assert!(h.specials.lock().is_empty());
    }

    #[test]
    fn reachable_objects_keep_their_finalizers() {
        let h = heap();
        let a = node(&h);
        special(&h, &a);
        let (_, freed, queued) = h.collect();
        assert_eq!((freed, queued), (0, 0));
        assert_eq!(h.specials.lock().len(), 1);
        drop(a);
        let (_, _, queued) = h.collect();
        assert_eq!(queued, 1);
    }

    #[test]
    fn parallel_trace_lists_what_one_thread_lists() {
        // A ring of nodes, each also pointing two ahead; one node locked (unreadable).
        let h = heap();
        let n = 3 * PARALLEL_MIN + 7;
        let nodes: Vec<Arc<Node>> = (0..n).map(|_| node(&h)).collect();
        for i in 0..n {
            let mut out = nodes[i].out.lock();
            out.push(nodes[(i + 1) % n].clone());
            out.push(nodes[(i + 2) % n].clone());
        }
        let dyns: Vec<Arc<dyn Trace>> = nodes.iter().map(|a| a.clone() as Arc<dyn Trace>).collect();
        for (i, a) in dyns.iter().enumerate() {
            assert!(a.header().number(9, i as u32));
        }
        let locked = nodes[PARALLEL_MIN + 3].out.lock();
        let one = trace_nodes(&dyns, 9, 1);
        let four = trace_nodes(&dyns, 9, 4);
        drop(locked);
        assert_eq!(one.2, vec![(PARALLEL_MIN + 3) as u32]);
        assert_eq!(one, four);
        assert_eq!(one.0.len(), n + 1);
        assert_eq!(one.1.len(), 2 * (n - 1));
        for n in &nodes {
            n.out.lock().clear();
        }
    }

    #[test]
    fn pacing_and_trace_formats() {
        assert_eq!(heap_goal(0, 100), 4 << 20);
        assert_eq!(heap_goal(10 << 20, 100), 20 << 20);
        assert_eq!(heap_goal(10 << 20, 50), 15 << 20);
        assert_eq!(heap_goal(1, -1), u64::MAX);
        assert_eq!(fmt_ns_as_ms(5_000), "0.005");
        assert_eq!(fmt_ns_as_ms(12_345), "0.012");
        assert_eq!(fmt_ns_as_ms(1_234_567), "1.2");
        assert_eq!(fmt_ns_as_ms(9_999_999), "9.9");
        assert_eq!(fmt_ns_as_ms(12_000_000), "12");
        assert_eq!(fmt_ns_as_ms(999), "0");
        assert_eq!(itoa_div(12, 3), "0.012");
        assert_eq!(itoa_div(1234, 3), "1.234");
    }
}
