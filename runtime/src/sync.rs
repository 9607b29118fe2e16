//! sync: the atomics facade. Protocol code that loom models (runq.rs, park.rs `Note`
//! and the park/ready state machine) takes its atomics from here: `std` normally,
//! `loom` under `cfg(loom)`.

#[cfg(loom)]
pub use loom::sync::atomic::AtomicPtr;
#[cfg(not(loom))]
pub use std::sync::atomic::AtomicPtr;
