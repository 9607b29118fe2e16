//! Go's standard library, the parts minigo reproduces byte for byte, as pure Rust over byte
//! strings (`&[u8]`: Go strings may hold invalid UTF-8). Nothing here depends on the VM: the
//! VM converts its values (for fmt, into [`fmt::FmtValue`]) and calls these functions.
//!
//! - [`fmt`]: the Printf engine (verbs, flags, width/precision, composite values, %!verb errors,
//!   Errorf's %w, methods Error/String/GoString and their panics).
//! - [`scan`]: Sscan/Sscanln/Sscanf (and Fscan* over a rune source) with Go's error texts.
//! - [`strconv`]: FormatFloat/ParseFloat/ParseInt/Atoi/Quote/Unquote with Go's error texts.
//! - [`strings`]: the strings package on byte strings (incl. `Replacer`).
//! - [`utf8`], [`unicode`]: Go's decoding rules and Unicode tables (dumped from Go).
//! - [`sort`]: Go's pdqsort and stable sort, so unstable sorts order equal keys as Go does.
//! - [`heap`]: container/heap's up/down/init/fix, so equal priorities pop in Go's order.
//! - [`math`]: math functions bit-exact with Go on amd64 (Exp, Log, Pow, trig, ...).
//! - [`json`]: `encoding/json` Marshal/MarshalIndent and Go's struct-field rules (tags,
//!   omitempty/omitzero/string, embedding).
//! - [`runtime`]: `print`/`println` builtin output and `panic: <value>` text.
//! - [`bufio`]: `bufio.Scanner` and ScanLines/ScanWords/ScanRunes/ScanBytes.
//! - [`time`]: Duration (String, Seconds, Round...), Month/Weekday names, `time.Date`
//!   normalisation, civil fields, `Time.Format`/`String` for UTC and fixed zones.
//!
//! Every module is tested against results of real Go runs: the generators in `gen/*.go`
//! write `testdata/*.txt` (regenerate with `go run src/stdlib/gen/<name>.go >
//! src/stdlib/testdata/<name>.txt`), which the unit tests compare with (`cargo test --lib
//! stdlib`).

pub mod bufio;
pub mod fmt;
pub mod heap;
pub mod json;
pub mod math;
mod robustness;
pub mod runtime;
pub mod scan;
pub mod sort;
pub mod strconv;
pub mod strings;
pub mod time;
pub mod unicode;
#[rustfmt::skip]
mod unicode_tables;
pub mod utf8;
