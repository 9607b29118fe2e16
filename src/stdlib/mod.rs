//! Go's standard library, the parts minigo reproduces byte for byte, as pure Rust over byte
//! strings (`&[u8]`: Go strings may hold invalid UTF-8). Nothing here depends on the VM: the
//! VM converts its values (for fmt, into [`fmt::FmtValue`]) and calls these functions.
//!
//! - [`strconv`]: FormatFloat/ParseFloat/ParseInt/Atoi/Quote/Unquote with Go's error texts.
//! - [`fmt`]: the Printf engine (verbs, flags, width/precision, composite values, %!verb errors).
//! - [`strings`]: the strings package on byte strings.
//! - [`utf8`], [`unicode`]: Go's decoding rules and Unicode tables (dumped from Go).
//! - [`sort`]: Go's pdqsort and stable sort, so unstable sorts order equal keys as Go does.
//! - [`math`]: the math functions whose results differ from Rust's f64 methods.

pub mod fmt;
pub mod math;
pub mod runtime;
pub mod sort;
pub mod strconv;
pub mod strings;
pub mod time;
pub mod unicode;
#[rustfmt::skip]
mod unicode_tables;
pub mod utf8;
