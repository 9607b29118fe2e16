//! malloc: where the process gets its memory. Until minigo has its own heap (a collector over
//! size-classed spans), every allocation goes to mimalloc, an allocator with per-thread
//! size-classed pages much like Go's `mcache`/`mspan` (glibc's malloc spent a quarter of
//! `cpu_binarytrees` in `_int_malloc`/`_int_free`/`malloc_consolidate`). This wrapper gives
//! running out of memory Go's ending: `fatal error: runtime: out of memory` on standard
//! error and exit status 2, instead of Rust's abort (SIGABRT, exit 134).

use mimalloc::MiMalloc;
use std::alloc::{GlobalAlloc, Layout};

/// The process's global allocator: mimalloc, with Go's out-of-memory ending.
/// Installed by the `minigo` binary with `#[global_allocator]`.
pub struct GoAlloc;

/// mimalloc's option numbers (`mi_option_t` in its `mimalloc.h`), for those its Rust
/// bindings do not name.
const MI_OPTION_ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// `mallocinit`: set the allocator up before the program runs. Memory is committed as it is
/// used, not a whole arena at once, and pages freed are returned to the system at once
/// rather than after 10 ms: a collection frees cycles in bursts. With these two options and
/// transparent huge pages off (the `no_thp` build feature), the 1,000,000-closure loop of
/// docs/memory.md peaks at 17 MB, as with glibc's malloc; with mimalloc's defaults, 54 MB,
/// and a program that only computes started at 14 MB instead of 7.
pub fn mallocinit() {
    // SAFETY: `mi_option_set` only stores the option's value; it is safe to call at any time,
    // and both options are read when memory is next committed or purged.
    unsafe {
        libmimalloc_sys::mi_option_set(MI_OPTION_ARENA_EAGER_COMMIT, 0);
        libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0);
    }
}

/// Out of memory: nothing may allocate any more, so the message goes straight to fd 2.
#[cold]
fn out_of_memory() -> ! {
    const MSG: &[u8] = b"fatal error: runtime: out of memory\n";
    // SAFETY: write(2) reads MSG.len() bytes from a static buffer; _exit(2) ends the process
    // without running destructors or touching the heap.
    unsafe {
        libc::write(2, MSG.as_ptr().cast(), MSG.len());
        libc::_exit(2)
    }
}

// SAFETY: every method forwards to `MiMalloc` with the caller's arguments unchanged and only
// adds a null check, so `MiMalloc`'s guarantees (alignment, size, ownership) carry over.
unsafe impl GlobalAlloc for GoAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller upholds `alloc`'s contract, which is `MiMalloc.alloc`'s.
        let p = unsafe { MiMalloc.alloc(layout) };
        if p.is_null() {
            out_of_memory()
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let p = unsafe { MiMalloc.alloc_zeroed(layout) };
        if p.is_null() {
            out_of_memory()
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from this allocator (so from `MiMalloc`) with `layout`.
        unsafe { MiMalloc.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from `MiMalloc` with `layout`; the caller upholds the rest.
        let p = unsafe { MiMalloc.realloc(ptr, layout, new_size) };
        if p.is_null() {
            out_of_memory()
        }
        p
    }
}

/// Heap accounting for `runtime.ReadMemStats` (Go's `memstats`): objects allocated and freed
/// and their bytes, counted in per-thread shards so that parallel allocation does not share
/// one cache line.
pub mod memstats {
    use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering::Relaxed};

    #[repr(align(64))]
    #[derive(Default)]
    struct Shard {
        mallocs: AtomicU64,
        frees: AtomicU64,
        alloc_bytes: AtomicU64,
        freed_bytes: AtomicU64,
    }

    const SHARDS: usize = 16;
    static STATS: [Shard; SHARDS] = [const {
        Shard {
            mallocs: AtomicU64::new(0),
            frees: AtomicU64::new(0),
            alloc_bytes: AtomicU64::new(0),
            freed_bytes: AtomicU64::new(0),
        }
    }; SHARDS];

    /// This thread's shard, and whether the thread has it to itself: the first `SHARDS - 1`
    /// threads (the Ms of any ordinary program) each own one and count with plain loads and
    /// stores; the threads after them share the last one and count with atomic adds.
    #[inline]
    fn shard() -> (&'static Shard, bool) {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        thread_local! {
            static MINE: std::cell::Cell<usize> = const { std::cell::Cell::new(usize::MAX) };
        }
        let mut i = MINE.with(|m| m.get());
        if i == usize::MAX {
            i = NEXT.fetch_add(1, Relaxed).min(SHARDS - 1);
            MINE.with(|m| m.set(i));
        }
        (&STATS[i], i < SHARDS - 1)
    }

    #[inline]
    fn add(c: &AtomicU64, n: u64, exclusive: bool) {
        if exclusive {
            // Only this thread writes `c`; readers see the old or the new total.
            c.store(c.load(Relaxed).wrapping_add(n), Relaxed);
        } else {
            c.fetch_add(n, Relaxed);
        }
    }

    /// An object of `bytes` bytes was allocated (and counts towards the heap goal).
    pub fn malloc(bytes: u64) {
        let (s, excl) = shard();
        add(&s.mallocs, 1, excl);
        add(&s.alloc_bytes, bytes, excl);
        crate::mgc::note_alloc(bytes);
    }

    /// An object of `bytes` bytes was freed.
    pub fn free(bytes: u64) {
        let (s, excl) = shard();
        add(&s.frees, 1, excl);
        add(&s.freed_bytes, bytes, excl);
    }

    /// Bytes of objects allocated and not yet freed (the heap in use).
    pub fn in_use() -> u64 {
        let (_, _, a, f) = read();
        a.saturating_sub(f)
    }

    /// (mallocs, frees, bytes allocated in total, bytes freed).
    pub fn read() -> (u64, u64, u64, u64) {
        let mut t = (0, 0, 0, 0);
        for s in &STATS {
            t.0 += s.mallocs.load(Relaxed);
            t.1 += s.frees.load(Relaxed);
            t.2 += s.alloc_bytes.load(Relaxed);
            t.3 += s.freed_bytes.load(Relaxed);
        }
        t
    }
}
