//! malloc: where the process gets its memory. Until minigo has its own heap (a collector over
//! size-classed spans), every allocation goes to the system allocator; this wrapper only
//! gives running out of memory Go's ending: `fatal error: runtime: out of memory` on standard
//! error and exit status 2, instead of Rust's abort (SIGABRT, exit 134).

use std::alloc::{GlobalAlloc, Layout, System};

/// The process's global allocator: the system allocator, with Go's out-of-memory ending.
/// Installed by the `minigo` binary with `#[global_allocator]`.
pub struct GoAlloc;

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

// SAFETY: every method forwards to `System` with the caller's arguments unchanged and only
// adds a null check, so `System`'s guarantees (alignment, size, ownership) carry over.
unsafe impl GlobalAlloc for GoAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller upholds `alloc`'s contract, which is `System.alloc`'s.
        let p = unsafe { System.alloc(layout) };
        if p.is_null() {
            out_of_memory()
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let p = unsafe { System.alloc_zeroed(layout) };
        if p.is_null() {
            out_of_memory()
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from this allocator (so from `System`) with `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from `System` with `layout`; the caller upholds the rest.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if p.is_null() {
            out_of_memory()
        }
        p
    }
}
