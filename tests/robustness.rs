//! Robustness of the front end: no input may make the parser, the type checker or the compiler
//! panic or hang ("never a Rust panic on bad input: errors are values").
//!
//! `front_end_survives_mutants` takes every `.go` file under `tests/corpus/` and `benches/go/`,
//! derives a few hundred mutants from each with a fixed-seed PRNG (so every run tests the same
//! inputs), and feeds each mutant to `minigo::parse::parse_file`, then, when it parses, to
//! `minigo::check::check_file`, and with `MINIGO_ROBUSTNESS_COMPILE=1`, when it type-checks, to
//! `minigo::compile::Compiler` (off by default while the compiler is being written).
//! Mutations work on bytes:
//!
//! - truncation at every N-th byte,
//! - deletion of a random range,
//! - duplication of a random range,
//! - insertion of a Go token, an unbalanced bracket or quote, or a random byte (NUL, invalid
//!   UTF-8 lead and continuation bytes, ...),
//! - replacing an identifier-like word by another word of the file or by a type, builtin,
//!   constant or expression (mutants that often parse, to reach the checker and compiler),
//! - swapping two lines,
//! - and combinations of two or three of these.
//!
//! `parse_file` takes `&str`, so mutants that are not valid UTF-8 are skipped there (the CLI
//! reads bytes and reports `invalid UTF-8 encoding` itself: see `cli_invalid_utf8`).
//!
//! A mutant that panics, or takes more than 2 s, fails the test; it is written to
//! `target/tmp/robustness/` (with a shrunk version when it panics) and the failure message names
//! the files. A hang (no progress for 10 s) is caught by a watchdog, which saves the mutant
//! being processed before failing.
//!
//!     cargo test --test robustness
//!     MINIGO_ROBUSTNESS_MUTANTS=50 cargo test --test robustness   # fewer mutants per file
//!     MINIGO_ROBUSTNESS_ONLY=channels cargo test --test robustness # files whose path contains it
//!     MINIGO_ROBUSTNESS_COMPILE=1 cargo test --test robustness     # also run the compiler

use std::cell::RefCell;
use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Once};
use std::thread;
use std::time::{Duration, Instant};

use minigo::ast::IdGen;
use minigo::diag::SourceMap;
use minigo::types::TypeTable;

/// Random mutants per file (the truncations come on top: [`TRUNCATIONS`] per file).
const DEFAULT_MUTANTS: usize = 120;
/// Truncation points per file.
const TRUNCATIONS: usize = 20;
/// A single parse + check slower than this is a failure.
const SLOW: Duration = Duration::from_secs(2);
/// No progress for this long: the front end is hanging.
const HANG: Duration = Duration::from_secs(10);
/// At most this many failing mutants are saved and reported (per worker)...
const MAX_REPORTED: usize = 20;
/// ... and at most this many per panic location (file:line:col of the panic).
const PER_LOCATION: usize = 2;
/// Worker threads (capped by the number of cores).
const WORKERS: usize = 2;

// --- a small deterministic PRNG (splitmix64) ---------------------------------------------------

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// FNV-1a, to give every file its own seed from its path.
fn fnv1a(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

// --- mutations ---------------------------------------------------------------------------------

/// Tokens and fragments inserted by the `insert` mutation: keywords, operators, unbalanced
/// brackets and quotes, comment openers, malformed literals.
const TOKENS: &[&str] = &[
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    "\"",
    "`",
    "'",
    "/*",
    "*/",
    "//",
    "\n",
    ";",
    ",",
    ".",
    "...",
    ":",
    ":=",
    "=",
    "==",
    "!",
    "<-",
    "->",
    "&",
    "&^",
    "|",
    "^",
    "~",
    "*",
    "+",
    "++",
    "-",
    "--",
    "<<",
    ">>=",
    "&&",
    "||",
    "?",
    "@",
    "#",
    "$",
    "\\",
    "_",
    "0",
    "0x",
    "0b",
    "0o",
    "0_",
    "1_",
    "1e",
    "1e+",
    "0x1p",
    "0x.p1",
    "1.5i",
    "'\\",
    "'\\x",
    "'\\u",
    "\"\\U",
    "'ab'",
    "''",
    "08",
    "09.",
    "0b2",
    "1__0",
    "\"\\z\"",
    "func",
    "func(",
    "go",
    "defer",
    "chan",
    "chan<-",
    "<-chan",
    "map[",
    "[]",
    "[...]",
    "struct{",
    "interface{",
    "type",
    "var",
    "const",
    "import",
    "package",
    "if",
    "else",
    "for",
    "range",
    "switch",
    "case",
    "default:",
    "select",
    "return",
    "break",
    "continue",
    "goto",
    "fallthrough",
    "iota",
    "nil",
    "any",
    "comparable",
    "[T any]",
    "[T]",
    "x.(type)",
    "main",
    "init",
    " ",
    "\t",
    "\r",
    "\u{FEFF}",
    "é",
    "\u{2028}",
    "𝔤",
    "\u{0}",
];

/// Replacements for a word by the `replace word` mutation (besides other words of the same
/// file): types, builtins, constants and expressions that parse where an identifier does, so
/// the mutant often parses and exercises the type checker.
const WORDS: &[&str] = &[
    "int",
    "int8",
    "uint64",
    "float64",
    "complex128",
    "string",
    "byte",
    "rune",
    "bool",
    "error",
    "any",
    "comparable",
    "uintptr",
    "nil",
    "true",
    "iota",
    "_",
    "len",
    "cap",
    "make",
    "new",
    "append",
    "copy",
    "delete",
    "panic",
    "recover",
    "print",
    "close",
    "min",
    "max",
    "clear",
    "complex",
    "real",
    "imag",
    "0",
    "-1",
    "1 << 70",
    "1.5",
    "2i",
    "'x'",
    "\"s\"",
    "`r`",
    "[]int",
    "[3]string",
    "[...]int{1}",
    "map[string]int",
    "chan int",
    "<-chan int",
    "func()",
    "func(int) string",
    "struct{}",
    "struct{ x int }",
    "interface{}",
    "interface{ M() }",
    "*int",
    "(*T)",
    "T[int]",
    "fmt",
    "fmt.Println",
    "os.Exit",
    "sync.Mutex",
    "time.Second",
    "x.y",
    "f()",
    "a[0]",
    "a[1:2]",
    "m[\"k\"]",
    "<-c",
    "&x",
    "*p",
    "x.(int)",
    "T{}",
    "T{1, 2}",
    "[]T{}",
    "func() {}",
    "(x)",
    "main",
    "init",
    "go",
    "defer",
    "self",
    "this",
    "T",
    "E",
    "K",
    "V",
];

/// Bytes inserted by the `insert byte` mutation, on top of a random byte.
const BYTES: &[u8] = &[
    0x00, 0x01, 0x7f, 0x80, 0xbf, 0xc0, 0xc3, 0xe2, 0xed, 0xef, 0xf0, 0xf4, 0xf8, 0xfe, 0xff,
];

fn insert_at(src: &[u8], pos: usize, what: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(src.len() + what.len());
    v.extend_from_slice(&src[..pos]);
    v.extend_from_slice(what);
    v.extend_from_slice(&src[pos..]);
    v
}

/// A random range `lo..hi` of `src`, mostly short (a few bytes to a few lines).
fn random_range(rng: &mut Rng, len: usize) -> (usize, usize) {
    let lo = rng.below(len + 1);
    let max = match rng.below(4) {
        0 => 2,
        1 => 16,
        2 => 64,
        _ => 400,
    };
    let hi = (lo + 1 + rng.below(max)).min(len);
    (lo, hi.max(lo))
}

/// Byte ranges of the identifier-like words of `src` (ASCII letters, digits, `_`).
fn words(src: &[u8]) -> Vec<(usize, usize)> {
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut out = Vec::new();
    let mut i = 0;
    while i < src.len() {
        if is_word(src[i]) {
            let lo = i;
            while i < src.len() && is_word(src[i]) {
                i += 1;
            }
            out.push((lo, i));
        } else {
            i += 1;
        }
    }
    out
}

/// One random mutation of `src`; returns the kind and the mutant.
fn mutate_once(rng: &mut Rng, src: &[u8]) -> (&'static str, Vec<u8>) {
    let len = src.len();
    match rng.below(8) {
        5 | 6 => {
            let ws = words(src);
            if ws.is_empty() {
                return ("replace word", src.to_vec());
            }
            let (lo, hi) = ws[rng.below(ws.len())];
            let with: Vec<u8> = if rng.below(2) == 0 {
                let (a, b) = ws[rng.below(ws.len())];
                src[a..b].to_vec()
            } else {
                WORDS[rng.below(WORDS.len())].as_bytes().to_vec()
            };
            let mut v = src[..lo].to_vec();
            v.extend_from_slice(&with);
            v.extend_from_slice(&src[hi..]);
            ("replace word", v)
        }
        0 => {
            let (lo, hi) = random_range(rng, len);
            let mut v = src[..lo].to_vec();
            v.extend_from_slice(&src[hi..]);
            ("delete", v)
        }
        1 => {
            let (lo, hi) = random_range(rng, len);
            let at = rng.below(len + 1);
            ("duplicate", insert_at(src, at, &src[lo..hi]))
        }
        2 | 3 => {
            let tok = TOKENS[rng.below(TOKENS.len())];
            let at = rng.below(len + 1);
            ("insert token", insert_at(src, at, tok.as_bytes()))
        }
        4 => {
            let b = if rng.below(2) == 0 {
                BYTES[rng.below(BYTES.len())]
            } else {
                (rng.next() & 0xff) as u8
            };
            let at = rng.below(len + 1);
            ("insert byte", insert_at(src, at, &[b]))
        }
        _ => {
            let mut lines: Vec<&[u8]> = src.split(|&b| b == b'\n').collect();
            if lines.len() >= 2 {
                let i = rng.below(lines.len());
                let j = rng.below(lines.len());
                lines.swap(i, j);
            }
            ("swap lines", lines.join(&b'\n'))
        }
    }
}

/// The mutants of one file: truncations at every N-th byte, then `n` random mutants (one in
/// five combines two or three mutations).
fn mutants(path: &str, src: &[u8], n: usize) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let step = (src.len() / TRUNCATIONS).max(1);
    for cut in (0..src.len()).step_by(step) {
        out.push((format!("truncate at {cut}"), src[..cut].to_vec()));
    }
    let mut rng = Rng::new(fnv1a(path));
    for i in 0..n {
        let rounds = if i % 5 == 4 { 2 + rng.below(2) } else { 1 };
        let mut cur = src.to_vec();
        let mut kinds = Vec::new();
        for _ in 0..rounds {
            let (kind, next) = mutate_once(&mut rng, &cur);
            kinds.push(kind);
            cur = next;
        }
        out.push((format!("mutant {i} ({})", kinds.join(" + ")), cur));
    }
    out
}

// --- running the front end ---------------------------------------------------------------------

thread_local! {
    /// Set while the front end runs under `catch_unwind`: the panic hook records the message
    /// here instead of printing it.
    static CAPTURE: RefCell<Option<Option<String>>> = const { RefCell::new(None) };
}

fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            let captured = CAPTURE.with(|c| {
                let mut c = c.borrow_mut();
                match c.as_mut() {
                    Some(slot) => {
                        let msg = if let Some(s) = info.payload().downcast_ref::<&str>() {
                            (*s).to_string()
                        } else if let Some(s) = info.payload().downcast_ref::<String>() {
                            s.clone()
                        } else {
                            "<non-string panic payload>".to_string()
                        };
                        let loc = info
                            .location()
                            .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
                            .unwrap_or_default();
                        *slot = Some(format!("{msg} (at {loc})"));
                        true
                    }
                    None => false,
                }
            });
            if !captured {
                default(info);
            }
        }));
    });
}

/// What the front end did with one input.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Verdict {
    /// Not valid UTF-8: `parse_file` takes `&str`, so the mutant is skipped.
    NotUtf8,
    /// Parse errors (as values).
    ParseError,
    /// Parsed; the checker returned errors (as values).
    CheckError,
    /// Parsed and checked; the compiler returned errors (as values).
    CompileError,
    /// Parsed and checked (and compiled, when the compile stage runs).
    Ok,
    /// A Rust panic, with its message and location; `stage` is "parse", "check" or "compile".
    Panic { stage: &'static str, msg: String },
}

/// Runs `f` under `catch_unwind`, returning the captured panic message if it panicked.
fn guarded<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    CAPTURE.with(|c| *c.borrow_mut() = Some(None));
    let r = panic::catch_unwind(AssertUnwindSafe(f));
    let msg = CAPTURE.with(|c| c.borrow_mut().take()).flatten();
    r.map_err(|_| msg.unwrap_or_else(|| "<panic without message>".to_string()))
}

/// Which stages run after the parser.
#[derive(Clone, Copy, Debug)]
struct Stages {
    compile: bool,
}

fn front_end(bytes: &[u8], stages: Stages) -> Verdict {
    let Ok(src) = std::str::from_utf8(bytes) else {
        return Verdict::NotUtf8;
    };
    let ids = IdGen::new();
    let file = match guarded(|| minigo::parse::parse_file("prog.go", src, &ids)) {
        Err(msg) => {
            return Verdict::Panic {
                stage: "parse",
                msg,
            }
        }
        Ok(Err(_)) => return Verdict::ParseError,
        Ok(Ok(file)) => file,
    };
    let sm = SourceMap::new("prog.go", src);
    let mut tt = TypeTable::new();
    let info = match guarded(|| minigo::check::check_file(&file, &sm, &mut tt)) {
        Err(msg) => {
            return Verdict::Panic {
                stage: "check",
                msg,
            }
        }
        Ok(Err(_)) => return Verdict::CheckError,
        Ok(Ok(info)) => info,
    };
    if !stages.compile {
        return Verdict::Ok;
    }
    // A program the checker accepts must compile (an error here is a value too, but unusual).
    let compiled = guarded(|| {
        minigo::compile::Compiler::new(&tt, &info, &sm, "prog.go")
            .compile_file(&file)
            .is_ok()
    });
    match compiled {
        Err(msg) => Verdict::Panic {
            stage: "compile",
            msg,
        },
        Ok(true) => Verdict::Ok,
        Ok(false) => Verdict::CompileError,
    }
}

/// Shrinks a panicking input: removes chunks (halving their size down to one byte) while the
/// front end still panics at the same location. Bounded, deterministic.
fn shrink(
    input: &[u8],
    stage: &'static str,
    msg: &str,
    stages: Stages,
    tick: &AtomicU64,
) -> Vec<u8> {
    let loc = msg.rsplit(" (at ").next().unwrap_or(msg).to_string();
    let still_fails = |cand: &[u8]| {
        tick.fetch_add(1, Ordering::Relaxed); // the watchdog sees the shrinking as progress
        let verdict = front_end(cand, stages);
        match verdict {
            Verdict::Panic { stage: s, msg: m } => s == stage && m.ends_with(&loc),
            _ => false,
        }
    };
    // Remove chunks of lines first (keeps the program well-formed longer), then of bytes.
    let mut budget = 3000;
    let lines: Vec<Vec<u8>> = input
        .split_inclusive(|&b| b == b'\n')
        .map(|l| l.to_vec())
        .collect();
    let lines = ddmin(lines, &mut budget, |units| still_fails(&units.concat()));
    let bytes: Vec<Vec<u8>> = lines.concat().into_iter().map(|b| vec![b]).collect();
    ddmin(bytes, &mut budget, |units| still_fails(&units.concat())).concat()
}

/// Greedy delta debugging: removes chunks of `units` (halving the chunk size down to one unit)
/// while `fails` still holds, within `budget` calls.
fn ddmin(
    mut cur: Vec<Vec<u8>>,
    budget: &mut usize,
    fails: impl Fn(&[Vec<u8>]) -> bool,
) -> Vec<Vec<u8>> {
    let mut chunk = (cur.len() / 2).max(1);
    loop {
        let mut i = 0;
        let mut progressed = false;
        while i < cur.len() && *budget > 0 {
            *budget -= 1;
            let end = (i + chunk).min(cur.len());
            let mut cand = cur[..i].to_vec();
            cand.extend_from_slice(&cur[end..]);
            if fails(&cand) {
                cur = cand;
                progressed = true;
            } else {
                i += chunk;
            }
        }
        if *budget == 0 || (chunk == 1 && !progressed) {
            break;
        }
        if !progressed {
            chunk = (chunk / 2).max(1);
        }
    }
    cur
}

// --- the files ---------------------------------------------------------------------------------

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn go_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            go_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "go") {
            out.push(p);
        }
    }
}

fn out_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("robustness")
}

fn save(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = out_dir();
    let _ = fs::create_dir_all(&dir);
    let p = dir.join(name);
    let _ = fs::write(&p, bytes);
    p
}

fn sanitize(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

/// The input a worker is on, for the watchdog.
struct Current {
    label: String,
    bytes: Vec<u8>,
}

/// What the watchdog sees of one worker.
#[derive(Default)]
struct WorkerState {
    current: Mutex<Option<Current>>,
    progress: AtomicU64,
    finished: AtomicBool,
}

#[derive(Default)]
struct Stats {
    inputs: usize,
    not_utf8: usize,
    parse_errors: usize,
    check_errors: usize,
    compile_errors: usize,
    ok: usize,
    panics: usize,
}

impl Stats {
    fn add(&mut self, o: &Stats) {
        self.inputs += o.inputs;
        self.not_utf8 += o.not_utf8;
        self.parse_errors += o.parse_errors;
        self.check_errors += o.check_errors;
        self.compile_errors += o.compile_errors;
        self.panics += o.panics;
        self.ok += o.ok;
    }
}

/// Runs the front end on every input of `files`; returns the statistics and the failures
/// (each a message naming the saved mutant).
fn work(
    files: &[PathBuf],
    root: &Path,
    per_file: usize,
    stages: Stages,
    state: &WorkerState,
) -> (Stats, Vec<String>) {
    install_panic_hook();
    let mut stats = Stats::default();
    let mut failures: Vec<String> = Vec::new();
    let mut locations: std::collections::HashMap<String, usize> = Default::default();
    for path in files {
        let rel = path
            .strip_prefix(root)
            .unwrap_or(path)
            .to_string_lossy()
            .into_owned();
        let Ok(src) = fs::read(path) else { continue };
        let mut inputs = vec![("original".to_string(), src.clone())];
        inputs.extend(mutants(&rel, &src, per_file));
        for (label, bytes) in inputs {
            let label = format!("{rel}: {label}");
            *state.current.lock().unwrap() = Some(Current {
                label: label.clone(),
                bytes: bytes.clone(),
            });
            let t0 = Instant::now();
            let verdict = front_end(&bytes, stages);
            let took = t0.elapsed();
            state.progress.fetch_add(1, Ordering::Relaxed);
            stats.inputs += 1;
            match &verdict {
                Verdict::NotUtf8 => stats.not_utf8 += 1,
                Verdict::ParseError => stats.parse_errors += 1,
                Verdict::CheckError => stats.check_errors += 1,
                Verdict::CompileError => stats.compile_errors += 1,
                Verdict::Ok => stats.ok += 1,
                Verdict::Panic { .. } => stats.panics += 1,
            }
            if failures.len() >= MAX_REPORTED {
                continue;
            }
            let base = format!("{}-{:02}", sanitize(&rel), failures.len());
            if let Verdict::Panic { stage, msg } = &verdict {
                // Report the first PER_LOCATION mutants of each panic location, and shrink the
                // first one.
                let loc = msg.rsplit(" (at ").next().unwrap_or(msg).to_string();
                let seen = locations.entry(loc).or_insert(0);
                *seen += 1;
                if *seen > PER_LOCATION {
                    continue;
                }
                let saved = save(&format!("{base}.go"), &bytes);
                let shrunk = if *seen == 1 {
                    let small = shrink(&bytes, stage, msg, stages, &state.progress);
                    let p = save(&format!("{base}.min.go"), &small);
                    format!(
                        "\n    shrunk to {} bytes: {} = {:?}",
                        small.len(),
                        p.display(),
                        String::from_utf8_lossy(&small)
                    )
                } else {
                    String::new()
                };
                failures.push(format!(
                    "{label}: {stage} panicked: {msg}\n    mutant: {}{shrunk}",
                    saved.display()
                ));
            } else if took > SLOW {
                let saved = save(&format!("{base}.slow.go"), &bytes);
                failures.push(format!(
                    "{label}: took {took:?} (limit {SLOW:?})\n    mutant: {}",
                    saved.display()
                ));
            }
        }
    }
    *state.current.lock().unwrap() = None;
    state.finished.store(true, Ordering::SeqCst);
    (stats, failures)
}

#[test]
fn front_end_survives_mutants() {
    install_panic_hook();
    let per_file = std::env::var("MINIGO_ROBUSTNESS_MUTANTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(DEFAULT_MUTANTS);
    let only = std::env::var("MINIGO_ROBUSTNESS_ONLY").ok();
    // TODO(compile): make the compile stage the default once the compiler has settled (it
    // still panics on some checked programs, e.g. tests/corpus/defer_panic/
    // defer_loop_and_methods.go: TypeInfo::object index out of bounds from store_var).
    let stages = Stages {
        compile: std::env::var_os("MINIGO_ROBUSTNESS_COMPILE").is_some_and(|v| v == "1"),
    };
    let root = repo();
    let mut files = Vec::new();
    go_files(&root.join("tests").join("corpus"), &mut files);
    go_files(&root.join("benches").join("go"), &mut files);
    if let Some(only) = &only {
        files.retain(|p| p.to_string_lossy().contains(only.as_str()));
    }
    assert!(
        only.is_some() || files.len() > 10,
        "no corpus files found under {}",
        root.display()
    );
    let _ = fs::remove_dir_all(out_dir());

    // Files are dealt round-robin to the workers (at most WORKERS, one per core).
    let n_workers = thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, WORKERS);
    let start = Instant::now();
    let mut handles = Vec::new();
    let mut states = Vec::new();
    for w in 0..n_workers {
        let mine: Vec<PathBuf> = files.iter().skip(w).step_by(n_workers).cloned().collect();
        let state = Arc::new(WorkerState::default());
        states.push(Arc::clone(&state));
        let root = root.clone();
        let handle = thread::Builder::new()
            .name(format!("robustness-{w}"))
            .stack_size(16 << 20)
            .spawn(move || work(&mine, &root, per_file, stages, &state))
            .expect("spawn worker");
        handles.push(handle);
    }

    // Watchdog: every worker must make progress.
    let mut last: Vec<(u64, Instant)> = states.iter().map(|_| (0, Instant::now())).collect();
    while !states.iter().all(|s| s.finished.load(Ordering::SeqCst)) {
        thread::sleep(Duration::from_millis(50));
        for (s, last) in states.iter().zip(last.iter_mut()) {
            let p = s.progress.load(Ordering::Relaxed);
            if p != last.0 || s.finished.load(Ordering::SeqCst) {
                *last = (p, Instant::now());
            } else if last.1.elapsed() > HANG {
                let cur = s.current.lock().unwrap();
                let (label, saved) = match cur.as_ref() {
                    Some(c) => (
                        c.label.clone(),
                        save(&format!("hang-{}.go", sanitize(&c.label)), &c.bytes),
                    ),
                    None => ("<unknown>".to_string(), PathBuf::new()),
                };
                panic!(
                    "front end hangs: no progress for {HANG:?} on {label}\n    mutant: {}",
                    saved.display()
                );
            }
        }
    }
    let mut stats = Stats::default();
    let mut failures = Vec::new();
    for h in handles {
        let (s, f) = h.join().expect("worker thread");
        stats.add(&s);
        failures.extend(f);
    }
    eprintln!(
        "robustness: {} inputs from {} files in {:.1?} ({} workers): {} not UTF-8 (skipped), \
         {} parse errors, {} check errors, {} compile errors, {} ok, {} panics",
        stats.inputs,
        files.len(),
        start.elapsed(),
        n_workers,
        stats.not_utf8,
        stats.parse_errors,
        stats.check_errors,
        stats.compile_errors,
        stats.ok,
        stats.panics
    );
    assert!(
        failures.is_empty(),
        "{} front-end failure(s) (at most {MAX_REPORTED} reported per worker):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The mutation engine is deterministic: the same file always gives the same mutants.
#[test]
fn mutants_are_deterministic() {
    let src = b"package main\n\nfunc main() {\n\tprintln(\"hi\")\n}\n";
    let a = mutants("x.go", src, 50);
    let b = mutants("x.go", src, 50);
    assert_eq!(a, b);
    assert_ne!(mutants("y.go", src, 50), a);
    assert!(a.iter().any(|(_, m)| std::str::from_utf8(m).is_err()) || a.len() > 50);
}

// --- the CLI on a file that is not valid UTF-8 -------------------------------------------------

/// A program with invalid UTF-8 inside a comment, a string, a raw string and a rune literal.
const INVALID_UTF8_PROG: &[u8] = b"package main\n\nimport \"fmt\"\n\nfunc main() {\n\t// a comment with a \xff byte\n\tfmt.Println(\"a\xfeb\")\n\tfmt.Println(`raw \xc3(`)\n}\n";

/// What `go build` prints for `INVALID_UTF8_PROG` (go1.27.3, produced by running real Go on the
/// bytes above: `go run prog.go` in a temporary directory), after the corpus compile filter
/// (`# command-line-arguments` dropped, `./` stripped). Exit code 1.
const INVALID_UTF8_GO_STDERR: &str = "\
prog.go:6:22: invalid UTF-8 encoding
prog.go:7:16: invalid UTF-8 encoding
prog.go:8:19: invalid UTF-8 encoding
";

/// A NUL byte outside any literal: the go command refuses the file before compiling it.
const NUL_PROG: &[u8] = b"package main\x00\n\nfunc main() {\n}\n";
/// `go run prog.go` on `NUL_PROG` (go1.27.3). Exit code 1.
const NUL_GO_STDERR: &str = "go: reading prog.go: unexpected NUL in input\n";

fn run_cli(src: &[u8], tag: &str) -> std::process::Output {
    let dir = out_dir().join(format!("cli-{tag}"));
    fs::create_dir_all(&dir).expect("create temp dir");
    fs::write(dir.join("prog.go"), src).expect("write prog.go");
    std::process::Command::new(env!("CARGO_BIN_EXE_minigo"))
        .args(["run", "prog.go"])
        .current_dir(&dir)
        .output()
        .expect("run minigo")
}

/// Whatever the CLI does with bytes that are not UTF-8, it must not be a Rust panic.
#[test]
fn cli_invalid_bytes_do_not_panic() {
    for (tag, src) in [("utf8", INVALID_UTF8_PROG), ("nul", NUL_PROG)] {
        let out = run_cli(src, tag);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            !stderr.contains("panicked at") && out.status.code() != Some(101),
            "minigo panicked on {tag} input: {stderr}"
        );
        assert!(
            out.status.code().is_some(),
            "minigo killed by a signal on {tag} input: {stderr}"
        );
    }
}

/// The CLI reports Go's errors for invalid UTF-8 and NUL bytes: `invalid UTF-8 encoding` at
/// each bad sequence (cmd/compile's scanner), and the go command refuses a NUL byte in the
/// header (`go: reading prog.go: unexpected NUL in input`), both with exit code 1.
#[test]
fn cli_invalid_utf8() {
    for (tag, src, want) in [
        ("utf8", INVALID_UTF8_PROG, INVALID_UTF8_GO_STDERR),
        ("nul", NUL_PROG, NUL_GO_STDERR),
    ] {
        let out = run_cli(src, tag);
        let stderr =
            minigo::testrunner::filter_compile_stderr(&String::from_utf8_lossy(&out.stderr));
        assert_eq!(stderr, want, "{tag}: stderr");
        assert_eq!(out.status.code(), Some(1), "{tag}: exit code");
        assert!(out.stdout.is_empty(), "{tag}: stdout");
    }
}

// --- deep nesting -------------------------------------------------------------------------------

/// Deeply nested inputs that Go accepts (go1.27.3 builds each of them at depth 100000; not
/// nested types: `var x [][]...[]int` already takes Go minutes at depth 10000): a front end
/// that recurses on the AST overflows its stack on them, which aborts the process instead of
/// reporting an error. Each case runs in a child process (this test binary re-run on
/// `deep_nesting_child`), on a thread with the main thread's 8 MiB stack.
const DEEP: usize = 10_000;

fn deep_case(name: &str) -> Option<String> {
    let n = DEEP;
    Some(match name {
        "parens" => format!(
            "package main\n\nvar x = {}1{}\n\nfunc main() {{ _ = x }}\n",
            "(".repeat(n),
            ")".repeat(n)
        ),
        "blocks" => format!(
            "package main\n\nfunc main() {{\n{}{}\n}}\n",
            "{".repeat(n),
            "}".repeat(n)
        ),
        "sum" => format!(
            "package main\n\nvar x = 1{}\n\nfunc main() {{ _ = x }}\n",
            "+1".repeat(n)
        ),
        "unary" => format!(
            "package main\n\nvar x = {}1\n\nfunc main() {{ _ = x }}\n",
            "- ".repeat(n)
        ),
        "ifs" => format!(
            "package main\n\nfunc main() {{\n{}{}\n}}\n",
            "if true {".repeat(n / 4),
            "}".repeat(n / 4)
        ),
        _ => return None,
    })
}

const DEEP_CASES: [&str; 5] = ["parens", "blocks", "sum", "unary", "ifs"];

/// The child side: parses and checks the case named by `MINIGO_DEEP_CASE` (does nothing when
/// the variable is unset, so a plain `--include-ignored` run passes it).
#[test]
#[ignore = "run by deep_nesting in a child process"]
fn deep_nesting_child() {
    let Some(src) = std::env::var("MINIGO_DEEP_CASE")
        .ok()
        .and_then(|c| deep_case(&c))
    else {
        return;
    };
    let h = thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(move || {
            let ids = IdGen::new();
            let file =
                minigo::parse::parse_file("prog.go", &src, &ids).map_err(|_| "parse error")?;
            let sm = SourceMap::new("prog.go", &src);
            let mut tt = TypeTable::new();
            minigo::check::check_file(&file, &sm, &mut tt).map_err(|_| "check error")?;
            Ok::<(), &str>(())
        })
        .expect("spawn");
    let r = h.join().expect("front end panicked");
    // Go accepts every case; an error (rather than a crash) is still acceptable here.
    let _ = r;
}

/// Deeply nested programs must not crash the front end (a stack overflow aborts the process).
// TODO(check): un-ignore when the checker no longer recurses without bound: at depth 10000
// it overflows an 8 MiB stack on "blocks" ({{{...}}}) and "sum" (1+1+...+1); at 100000 on
// "parens" too. The parser handles all of them at depth 100000.
#[test]
#[ignore = "the checker overflows its stack on deep nesting (see TODO(check))"]
fn deep_nesting() {
    let exe = std::env::current_exe().expect("current exe");
    let mut crashed = Vec::new();
    for case in DEEP_CASES {
        let out = std::process::Command::new(&exe)
            .args(["deep_nesting_child", "--exact", "--ignored", "--nocapture"])
            .env("MINIGO_DEEP_CASE", case)
            .output()
            .expect("run child");
        if !out.status.success() {
            let stderr = String::from_utf8_lossy(&out.stderr);
            let why = stderr
                .lines()
                .find(|l| l.contains("overflowed") || l.contains("panicked"))
                .unwrap_or("");
            crashed.push(format!("{case} (depth {DEEP}): {} {why}", out.status));
        }
    }
    assert!(
        crashed.is_empty(),
        "front end crashed on:\n{}",
        crashed.join("\n")
    );
}

// --- closed pipes -------------------------------------------------------------------------------

/// `minigo run yes.go | head -1`: once the reader has gone, the next write to stdout fails with
/// EPIPE and the program dies of SIGPIPE, as Go's runtime lets it (before, minigo swallowed
/// the write error and printed forever).
#[test]
fn cli_closed_stdout_pipe_ends_program() {
    use std::io::Read;
    use std::os::unix::process::ExitStatusExt;
    let dir = out_dir().join("cli-sigpipe");
    fs::create_dir_all(&dir).expect("create temp dir");
    fs::write(
        dir.join("prog.go"),
        "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfor {\n\t\tfmt.Println(\"y\")\n\t}\n}\n",
    )
    .expect("write prog.go");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_minigo"))
        .args(["run", "prog.go"])
        .current_dir(&dir)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("run minigo");
    let mut out = child.stdout.take().expect("stdout");
    let mut first = [0u8; 2];
    out.read_exact(&mut first).expect("first line");
    assert_eq!(&first, b"y\n");
    drop(out);
    let start = Instant::now();
    loop {
        if let Some(st) = child.try_wait().expect("wait") {
            assert_eq!(st.signal(), Some(13), "ended by SIGPIPE: {st:?}");
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "minigo kept running after its stdout pipe closed"
        );
        thread::sleep(Duration::from_millis(10));
    }
}

/// Programs of a size and depth Go compiles: a 70,000-term expression (of constants and of a
/// variable), and 10,000-deep parentheses, blocks, function literals and composite literals.
/// Each prints a value fixed by the program's arithmetic.
#[test]
fn cli_large_and_deep_programs_compile() {
    let n = 70_000;
    let d = 10_000;
    let cases: Vec<(String, &str, String)> = vec![
        (
            format!("x := 0\n\tx = x{}\n\tfmt.Println(x)", "+1".repeat(n)),
            "terms-const",
            format!("{n}\n"),
        ),
        (
            format!("x, y := 0, 1\n\tx = x{}\n\tfmt.Println(x)", "+y".repeat(n)),
            "terms-var",
            format!("{n}\n"),
        ),
        (
            format!("x := {}1{}\n\tfmt.Println(x)", "(".repeat(d), ")".repeat(d)),
            "parens",
            "1\n".into(),
        ),
        (
            format!(
                "x := 1\n{}x++{}\n\tfmt.Println(x)",
                "{".repeat(d),
                "}".repeat(d)
            ),
            "blocks",
            "2\n".into(),
        ),
        (
            format!(
                "x := {}1{}\n\tfmt.Println(x)",
                "func() int { return ".repeat(d / 10),
                " }()".repeat(d / 10)
            ),
            "funclits",
            "1\n".into(),
        ),
        (
            format!(
                "x := {}1{}\n\tfmt.Println(len(x))",
                "[]any{".repeat(d),
                "}".repeat(d)
            ),
            "complits",
            "1\n".into(),
        ),
    ];
    for (body, tag, want) in cases {
        let src = format!("package main\n\nimport \"fmt\"\n\nfunc main() {{\n\t{body}\n}}\n");
        let out = run_cli(src.as_bytes(), &format!("large-{tag}"));
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            want,
            "{tag}: stderr {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.status.code(), Some(0), "{tag}");
    }
}

/// Running out of memory (address space capped with `ulimit -v`) ends the program as Go's
/// runtime does: `fatal error: runtime: out of memory` and exit status 2, not Rust's abort.
#[test]
fn cli_out_of_memory_is_go_fatal_error() {
    let dir = out_dir().join("cli-oom");
    fs::create_dir_all(&dir).expect("create temp dir");
    fs::write(
        dir.join("prog.go"),
        "package main\n\nfunc main() {\n\tvar keep [][]int\n\tfor i := 0; ; i++ {\n\t\tkeep = append(keep, make([]int, 1<<26))\n\t\tkeep[i][0] = i\n\t}\n}\n",
    )
    .expect("write prog.go");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v 3000000 && exec '{}' run prog.go",
            env!("CARGO_BIN_EXE_minigo")
        ))
        .current_dir(&dir)
        .output()
        .expect("run minigo");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("fatal error: runtime: out of memory"),
        "stderr: {stderr}"
    );
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
}
