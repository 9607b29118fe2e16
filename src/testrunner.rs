//! Corpus test runner: runs `minigo run` on a program of `tests/corpus/` and compares what it
//! prints with the expected files that real Go produced (`scripts/regen-expected.py`).
//!
//! Used by the cargo harness `tests/corpus.rs` and by the `minigo test DIR` command. The format
//! is documented in `tests/corpus/README.md`; in short, each `<name>.go` starts with a header
//! line and has beside it:
//!
//! - `<name>.out`: expected stdout, compared byte for byte;
//! - `<name>.err`: expected stderr after [`filter_run_stderr`] / [`filter_compile_stderr`]
//!   (absent = empty);
//! - `<name>.exit`: expected exit code (absent = 0);
//! - `<name>.in`: stdin fed to the program (absent = empty stdin).
//!
//! Headers: `// run` (one run), `// run GOMAXPROCS=1,2,4` (one run per value, then one run per
//! seed of [`SCHED_SEEDS`] with `MINIGO_SCHED_SEED` set, every run must match), `// errorcheck`
//! (compile errors expected; exit code 1).
//!
//! The stderr filters must stay identical to the ones in `scripts/regen-expected.py`.

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// How long one run of a program may take before it counts as a hang (a failure).
/// Overridden by the `MINIGO_TEST_TIMEOUT` environment variable (seconds).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);

/// Values of `MINIGO_SCHED_SEED` (minigo's seeded random scheduling mode) under which every
/// concurrency program (header with `GOMAXPROCS=`) is run in addition to the plain runs.
pub const SCHED_SEEDS: [&str; 3] = ["1", "2", "3"];

/// Environment variables removed from the inherited environment before each run, so that the
/// configuration is exactly the one the header asks for.
const SCRUBBED_ENV: [&str; 4] = ["GOMAXPROCS", "GODEBUG", "GOTRACEBACK", "MINIGO_SCHED_SEED"];

/// At most this many bytes of each output stream are kept (a runaway program is cut there).
const MAX_CAPTURE: usize = 16 << 20;

/// What a program's header line says to do with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `// run`: the program compiles and runs; stdout, filtered stderr and exit code compared.
    Run,
    /// `// errorcheck`: the program must fail to compile with Go's diagnostics (exit code 1).
    ErrorCheck,
}

/// The parsed first line of a corpus program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub mode: Mode,
    /// Values listed by `GOMAXPROCS=1,2,4` (empty: run once with the default).
    pub gomaxprocs: Vec<String>,
}

/// Parses the header line (`// run`, `// run GOMAXPROCS=1,2,4`, `// errorcheck`) of `src`.
pub fn parse_header(src: &str) -> Result<Header, String> {
    let first = src.lines().next().unwrap_or("");
    let words: Vec<&str> = first.split_whitespace().collect();
    let mode = match words.get(..2) {
        Some(["//", "run"]) => Mode::Run,
        Some(["//", "errorcheck"]) => Mode::ErrorCheck,
        _ => {
            return Err(format!(
                "first line must be `// run [GOMAXPROCS=1,2,4]` or `// errorcheck`, found {first:?}"
            ))
        }
    };
    let mut gomaxprocs = Vec::new();
    for word in &words[2..] {
        match word.split_once('=') {
            Some(("GOMAXPROCS", values)) if mode == Mode::Run => {
                gomaxprocs.extend(values.split(',').map(str::to_string));
            }
            _ => return Err(format!("unexpected header word {word:?}")),
        }
    }
    Ok(Header { mode, gomaxprocs })
}

/// One way of running a program: the environment variables set for that run.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RunConfig {
    pub env: Vec<(String, String)>,
}

impl fmt::Display for RunConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.env.is_empty() {
            return f.write_str("default env");
        }
        for (i, (k, v)) in self.env.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{k}={v}")?;
        }
        Ok(())
    }
}

/// The runs a header asks for: one plain run, or one run per `GOMAXPROCS` value followed by
/// one run per [`SCHED_SEEDS`] seed (paired with the listed `GOMAXPROCS` values in turn).
/// A header that pins a single value (`// run GOMAXPROCS=1`) expects Go's exact schedule at
/// that value (Gosched interleavings, goroutine ids in dumps), which a random scheduling mode
/// legitimately changes: such programs get no seeded runs.
pub fn run_configs(header: &Header) -> Vec<RunConfig> {
    if header.gomaxprocs.is_empty() {
        return vec![RunConfig::default()];
    }
    let procs = |v: &str| ("GOMAXPROCS".to_string(), v.to_string());
    let mut configs: Vec<RunConfig> = header
        .gomaxprocs
        .iter()
        .map(|v| RunConfig {
            env: vec![procs(v)],
        })
        .collect();
    if header.gomaxprocs.len() == 1 {
        return configs;
    }
    for (i, seed) in SCHED_SEEDS.iter().enumerate() {
        let p = &header.gomaxprocs[i % header.gomaxprocs.len()];
        configs.push(RunConfig {
            env: vec![
                procs(p),
                ("MINIGO_SCHED_SEED".to_string(), seed.to_string()),
            ],
        });
    }
    configs
}

/// The expected results of a program, read from its `.out`, `.err` and `.exit` files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    pub stdout: String,
    pub stderr: String,
    pub exit: i32,
}

/// Reads the expected files beside `go_file`. A missing `.out` is an error (the program was
/// never regenerated); a missing `.err` means empty stderr, a missing `.exit` means 0.
pub fn load_expected(go_file: &Path) -> Result<Expected, String> {
    let read = |ext: &str| -> Result<Option<String>, String> {
        let p = go_file.with_extension(ext);
        match fs::read(&p) {
            Ok(bytes) => Ok(Some(String::from_utf8_lossy(&bytes).into_owned())),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("reading {}: {e}", p.display())),
        }
    };
    let stdout = read("out")?.ok_or_else(|| {
        format!(
            "{} is missing: run scripts/regen-expected.py",
            go_file.with_extension("out").display()
        )
    })?;
    let stderr = read("err")?.unwrap_or_default();
    let exit = match read("exit")? {
        None => 0,
        Some(s) => s
            .trim()
            .parse()
            .map_err(|e| format!("bad {}: {e}", go_file.with_extension("exit").display()))?,
    };
    Ok(Expected {
        stdout,
        stderr,
        exit,
    })
}

/// Why one run did not match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The program could not be run or its files could not be read.
    Setup(String),
    /// The run took longer than the timeout (a hang) and was killed.
    Timeout(Duration),
    /// stdout or filtered stderr differs; `line` is 1-based; `None` means the text ended there.
    Mismatch {
        stream: &'static str,
        line: usize,
        expected: Option<String>,
        got: Option<String>,
    },
    /// The exit code differs (`got` is `None` when minigo was killed by a signal).
    ExitCode { expected: i32, got: Option<i32> },
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let show = |s: &Option<String>| match s {
            Some(s) => format!("{s:?}"),
            None => "<end of output>".to_string(),
        };
        match self {
            Failure::Setup(msg) => f.write_str(msg),
            Failure::Timeout(d) => write!(f, "timed out after {}s (hang?)", d.as_secs_f64()),
            Failure::Mismatch {
                stream,
                line,
                expected,
                got,
            } => write!(
                f,
                "{stream} differs at line {line}\n  expected: {}\n  got:      {}",
                show(expected),
                show(got)
            ),
            Failure::ExitCode { expected, got } => match got {
                Some(g) => write!(f, "exit code: expected {expected}, got {g}"),
                None => write!(f, "exit code: expected {expected}, got killed by a signal"),
            },
        }
    }
}

/// The result of one run of one program.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub file: PathBuf,
    pub config: RunConfig,
    /// `None` when the run matched.
    pub failure: Option<Failure>,
    /// The first lines of minigo's raw stderr, kept on failure to help diagnose it.
    pub stderr_head: String,
}

impl Outcome {
    pub fn passed(&self) -> bool {
        self.failure.is_none()
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.failure {
            None => write!(f, "{} [{}]: ok", self.file.display(), self.config),
            Some(failure) => {
                write!(f, "{} [{}]: {failure}", self.file.display(), self.config)?;
                if !self.stderr_head.is_empty() && !matches!(failure, Failure::Setup(_)) {
                    write!(f, "\n  minigo stderr (raw, first lines):")?;
                    for line in self.stderr_head.lines() {
                        write!(f, "\n    {line}")?;
                    }
                }
                Ok(())
            }
        }
    }
}

/// All `*.go` files under `dir`, recursively, sorted by path.
pub fn collect(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "go") {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Runs `minigo run <basename>` in the program's directory under every configuration its header
/// asks for, and compares each run with the expected files. Stops after the first failing run
/// (so a hanging program costs one timeout, not one per configuration): the returned vector
/// holds the passing runs and, last, the failing one if any.
pub fn run_corpus_file(minigo_bin: &Path, go_file: &Path) -> Vec<Outcome> {
    let setup_failure = |msg: String| {
        vec![Outcome {
            file: go_file.to_path_buf(),
            config: RunConfig::default(),
            failure: Some(Failure::Setup(msg)),
            stderr_head: String::new(),
        }]
    };
    let src = match fs::read_to_string(go_file) {
        Ok(s) => s,
        Err(e) => return setup_failure(format!("reading {}: {e}", go_file.display())),
    };
    let header = match parse_header(&src) {
        Ok(h) => h,
        Err(e) => return setup_failure(e),
    };
    let expected = match load_expected(go_file) {
        Ok(e) => e,
        Err(e) => return setup_failure(e),
    };
    let stdin = match fs::read(go_file.with_extension("in")) {
        Ok(b) => Some(b),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return setup_failure(format!("reading stdin file: {e}")),
    };
    let timeout = std::env::var("MINIGO_TEST_TIMEOUT")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s > 0.0)
        .map_or(DEFAULT_TIMEOUT, Duration::from_secs_f64);

    let mut outcomes = Vec::new();
    for config in run_configs(&header) {
        let outcome = run_once(
            minigo_bin,
            go_file,
            &header,
            &config,
            &expected,
            stdin.as_deref(),
            timeout,
        );
        let failed = !outcome.passed();
        outcomes.push(outcome);
        if failed {
            break;
        }
    }
    outcomes
}

/// Convenience over [`run_corpus_file`]: `Ok` when every run matched, else the failing run's
/// rendered report.
pub fn check_file(minigo_bin: &Path, go_file: &Path) -> Result<(), String> {
    match run_corpus_file(minigo_bin, go_file)
        .into_iter()
        .find(|o| !o.passed())
    {
        None => Ok(()),
        Some(o) => Err(o.to_string()),
    }
}

fn run_once(
    minigo_bin: &Path,
    go_file: &Path,
    header: &Header,
    config: &RunConfig,
    expected: &Expected,
    stdin: Option<&[u8]>,
    timeout: Duration,
) -> Outcome {
    let mut outcome = Outcome {
        file: go_file.to_path_buf(),
        config: config.clone(),
        failure: None,
        stderr_head: String::new(),
    };
    let dir = match go_file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let Some(base) = go_file.file_name() else {
        outcome.failure = Some(Failure::Setup(format!(
            "{}: no file name",
            go_file.display()
        )));
        return outcome;
    };
    let mut cmd = Command::new(minigo_bin);
    cmd.arg("run").arg(base).current_dir(dir);
    for var in SCRUBBED_ENV {
        cmd.env_remove(var);
    }
    for (k, v) in &config.env {
        cmd.env(k, v);
    }
    let captured = match run_with_timeout(cmd, stdin, timeout) {
        Ok(c) => c,
        Err(e) => {
            outcome.failure = Some(Failure::Setup(format!(
                "cannot run {}: {e}",
                minigo_bin.display()
            )));
            return outcome;
        }
    };
    let raw_stderr = String::from_utf8_lossy(&captured.stderr);
    outcome.stderr_head = raw_stderr.lines().take(12).collect::<Vec<_>>().join("\n");
    let Some(status) = captured.status else {
        outcome.failure = Some(Failure::Timeout(timeout));
        return outcome;
    };
    let stdout = String::from_utf8_lossy(&captured.stdout);
    let stderr = match header.mode {
        Mode::Run => filter_run_stderr(&raw_stderr),
        Mode::ErrorCheck => filter_compile_stderr(&raw_stderr),
    };
    outcome.failure = compare("stdout", &expected.stdout, &stdout)
        .or_else(|| compare("stderr (filtered)", &expected.stderr, &stderr))
        .or_else(|| {
            let got = status.code();
            (got != Some(expected.exit)).then_some(Failure::ExitCode {
                expected: expected.exit,
                got,
            })
        });
    outcome
}

/// Compares two texts line by line and describes the first difference.
fn compare(stream: &'static str, expected: &str, got: &str) -> Option<Failure> {
    if expected == got {
        return None;
    }
    let exp: Vec<&str> = expected.split('\n').collect();
    let gotl: Vec<&str> = got.split('\n').collect();
    let n = exp.len().max(gotl.len());
    for i in 0..n {
        let (e, g) = (exp.get(i), gotl.get(i));
        if e != g {
            // A text ending in '\n' splits into a last empty piece: show that as the end.
            let last = |v: &Vec<&str>, j: usize| j + 1 == v.len() && v[j].is_empty();
            let show = |v: &Vec<&str>, x: Option<&&str>| match x {
                Some(s) if !last(v, i) => Some((*s).to_string()),
                _ => None,
            };
            let (se, sg) = (show(&exp, e), show(&gotl, g));
            let (se, sg) = if se.is_none() && sg.is_none() {
                (Some("<missing final newline?>".to_string()), None)
            } else {
                (se, sg)
            };
            return Some(Failure::Mismatch {
                stream,
                line: i + 1,
                expected: se,
                got: sg,
            });
        }
    }
    None
}

/// What a finished (or killed) child printed.
struct Captured {
    /// `None` when the child was killed after the timeout.
    status: Option<ExitStatus>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

/// Runs `cmd` with piped stdio, feeding `stdin`; kills it after `timeout`.
fn run_with_timeout(
    mut cmd: Command,
    stdin: Option<&[u8]>,
    timeout: Duration,
) -> io::Result<Captured> {
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    })
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let mut child = cmd.spawn()?;
    let writer = match (child.stdin.take(), stdin) {
        (Some(mut pipe), Some(data)) => {
            let data = data.to_vec();
            // A program that stops reading early closes the pipe: the write error is expected.
            Some(thread::spawn(move || {
                let _ = pipe.write_all(&data);
            }))
        }
        _ => None,
    };
    let out_reader = child.stdout.take().map(spawn_reader);
    let err_reader = child.stderr.take().map(spawn_reader);
    let deadline = Instant::now() + timeout;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break Some(status);
        }
        if Instant::now() >= deadline {
            // The child may exit between try_wait and kill: both errors are harmless here.
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        thread::sleep(Duration::from_millis(5));
    };
    let join = |h: Option<thread::JoinHandle<Vec<u8>>>| {
        h.map(|h| h.join().unwrap_or_default()).unwrap_or_default()
    };
    if let Some(w) = writer {
        let _ = w.join();
    }
    Ok(Captured {
        status,
        stdout: join(out_reader),
        stderr: join(err_reader),
    })
}

fn spawn_reader<R: Read + Send + 'static>(mut r: R) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        let mut chunk = [0u8; 8192];
        loop {
            match r.read(&mut chunk) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    if buf.len() < MAX_CAPTURE {
                        buf.extend_from_slice(&chunk[..n]);
                    }
                }
            }
        }
        buf
    })
}

/// Reads `dir/KNOWN_FAILURES` (absent: empty): one program per line, relative to `dir` (a
/// `tests/corpus/` prefix is accepted), optionally followed by `# reason`; `#` lines and blank
/// lines are ignored. Returns program name (as [`test_name`] spells it) → reason.
pub fn load_known_failures(dir: &Path) -> Result<BTreeMap<String, String>, String> {
    let path = dir.join("KNOWN_FAILURES");
    let text = match fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(BTreeMap::new()),
        Err(e) => return Err(format!("reading {}: {e}", path.display())),
    };
    let mut known = BTreeMap::new();
    for line in text.lines() {
        let (entry, reason) = line.split_once('#').unwrap_or((line, ""));
        let entry = entry.trim();
        if entry.is_empty() {
            continue;
        }
        let entry = entry.strip_prefix("tests/corpus/").unwrap_or(entry);
        known.insert(entry.to_string(), reason.trim().to_string());
    }
    Ok(known)
}

/// The name of a corpus program: its path relative to the corpus directory, with `/`
/// separators (`maps/basic.go`).
pub fn test_name(dir: &Path, file: &Path) -> String {
    file.strip_prefix(dir)
        .unwrap_or(file)
        .to_string_lossy()
        .replace('\\', "/")
}

// --- stderr filters: keep identical to scripts/regen-expected.py --------------------------

/// Lines never dropped as "function frame" lines, even when a tab-indented line follows them.
const NEVER_FRAME: [&str; 4] = ["goroutine ", "created by ", "panic: ", "fatal error: "];

/// A tab-indented line other than a chained `\tpanic: ...` line: the location of a frame or
/// another traceback detail that varies between Go and minigo.
fn is_location(line: &str) -> bool {
    line.starts_with('\t') && !line.starts_with("\tpanic: ")
}

/// `...additional frames elided...` or `...N frames elided...`.
fn is_elided(line: &str) -> bool {
    let Some(mid) = line.strip_prefix("...").and_then(|s| s.strip_suffix("...")) else {
        return false;
    };
    mid == "additional frames elided"
        || mid
            .strip_suffix(" frames elided")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// `exit status N` (printed by `go run`, never by the program).
fn is_exit_status(line: &str) -> bool {
    line.strip_prefix("exit status ")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Replaces every `0x<hex digits>` with `0x?`.
fn mask_hex(line: &str) -> String {
    let bytes = line.as_bytes();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'0'
            && bytes.get(i + 1) == Some(&b'x')
            && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit)
        {
            out.push_str("0x?");
            i += 2;
            while i < bytes.len() && bytes[i].is_ascii_hexdigit() {
                i += 1;
            }
        } else {
            let ch = line[i..].chars().next().unwrap_or('\u{fffd}');
            out.push(ch);
            i += ch.len_utf8().max(1);
        }
    }
    out
}

fn split_lines(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = text.split('\n').collect();
    if lines.last() == Some(&"") {
        lines.pop();
    }
    lines
}

/// Joins lines, collapsing runs of blank lines and dropping leading and trailing blank lines.
fn join_collapsed(kept: Vec<String>) -> String {
    let mut out: Vec<String> = Vec::new();
    for line in kept {
        if line.is_empty() && out.last().is_none_or(|l| l.is_empty()) {
            continue;
        }
        out.push(line);
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    out.into_iter().map(|l| l + "\n").collect()
}

/// The stable lines of a run's stderr: drops tab-indented traceback lines (except chained
/// `\tpanic: ` lines), the function-frame line before each of them (except goroutine headers,
/// `created by`, `panic: ` and `fatal error: ` lines), `...frames elided...` and
/// `exit status N`; masks hex numbers in `[signal ` and `runtime: ` lines as `0x?`; collapses
/// runs of blank lines and trims blank lines at both ends.
pub fn filter_run_stderr(text: &str) -> String {
    let lines = split_lines(text);
    let mut kept = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if is_location(line) {
            continue;
        }
        let next_is_location = lines.get(i + 1).is_some_and(|n| is_location(n));
        if next_is_location && !NEVER_FRAME.iter().any(|p| line.starts_with(p)) {
            continue;
        }
        if is_elided(line) || is_exit_status(line) {
            continue;
        }
        if line.starts_with("[signal ") || line.starts_with("runtime: ") {
            kept.push(mask_hex(line));
        } else {
            kept.push((*line).to_string());
        }
    }
    join_collapsed(kept)
}

/// Compile errors: drops `# command-line-arguments` (any line starting with `# `) and strips a
/// `./` at the start of a line or after its leading tabs (Go prints `./prog.go:6:17: ...` and
/// `\t./prog.go:10:7: previous case`, minigo `prog.go:6:17: ...`); blank lines as in
/// [`filter_run_stderr`].
pub fn filter_compile_stderr(text: &str) -> String {
    let kept = split_lines(text)
        .into_iter()
        .filter(|l| !l.starts_with("# "))
        .map(|l| {
            let body = l.trim_start_matches('\t');
            match body.strip_prefix("./") {
                Some(rest) => format!("{}{rest}", &l[..l.len() - body.len()]),
                None => l.to_string(),
            }
        })
        .collect();
    join_collapsed(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_filter_keeps_panic_text_and_headers() {
        let go = "panic: runtime error: invalid memory address or nil pointer dereference\n\
                  \tpanic: second\n\
                  [signal SIGSEGV: segmentation violation code=0x1 addr=0x8 pc=0x49a0e3]\n\
                  \n\
                  goroutine 1 [running]:\n\
                  main.main.func1()\n\
                  \t/tmp/gt/r.go:9 +0x25\n\
                  panic({0x55c878?, 0x56f1a0?})\n\
                  \t/go/src/runtime/panic.go:859 +0x125\n\
                  main.main()\n\
                  \t/tmp/gt/r.go:14 +0x43\n\
                  exit status 2\n";
        assert_eq!(
            filter_run_stderr(go),
            "panic: runtime error: invalid memory address or nil pointer dereference\n\
             \tpanic: second\n\
             [signal SIGSEGV: segmentation violation code=0x? addr=0x? pc=0x?]\n\
             \n\
             goroutine 1 [running]:\n"
        );
    }

    #[test]
    fn run_filter_keeps_created_by_and_user_lines() {
        let go =
            "hello from println\n\npanic: bad 3\n\ngoroutine 7 [running]:\nmain.main.func1()\n\
                  \t/tmp/s.go:10 +0x5a\ncreated by main.main in goroutine 1\n\t/tmp/s.go:9 +0x1a\n";
        assert_eq!(
            filter_run_stderr(go),
            "hello from println\n\npanic: bad 3\n\ngoroutine 7 [running]:\ncreated by main.main in goroutine 1\n"
        );
    }

    #[test]
    fn compile_filter_strips_prefixes() {
        let go = "# command-line-arguments\n./prog.go:6:2: declared and not used: x\n\
                  \thave (number)\n\t./prog.go:1:2: previous case\n";
        assert_eq!(
            filter_compile_stderr(go),
            "prog.go:6:2: declared and not used: x\n\thave (number)\n\tprog.go:1:2: previous case\n"
        );
    }

    #[test]
    fn header_and_configs() {
        let h = parse_header("// run GOMAXPROCS=1,2,4\npackage main\n").unwrap();
        assert_eq!(h.gomaxprocs, ["1", "2", "4"]);
        let c = run_configs(&h);
        assert_eq!(c.len(), 6);
        assert_eq!(c[3].to_string(), "GOMAXPROCS=1 MINIGO_SCHED_SEED=1");
        let one = parse_header("// run GOMAXPROCS=1\npackage main\n").unwrap();
        assert_eq!(
            run_configs(&one).len(),
            1,
            "a pinned schedule gets no seeded runs"
        );
        assert!(parse_header("package main").is_err());
        assert_eq!(
            parse_header("// errorcheck\n").unwrap().mode,
            Mode::ErrorCheck
        );
    }

    #[test]
    fn first_difference() {
        let f = compare("stdout", "a\nb\n", "a\nc\n").unwrap();
        assert_eq!(
            f,
            Failure::Mismatch {
                stream: "stdout",
                line: 2,
                expected: Some("b".into()),
                got: Some("c".into())
            }
        );
        let f = compare("stdout", "a\nb\n", "a\n").unwrap();
        assert!(matches!(
            f,
            Failure::Mismatch {
                line: 2,
                got: None,
                ..
            }
        ));
        assert!(compare("stdout", "x\n", "x\n").is_none());
    }

    #[test]
    fn elided_and_hex() {
        assert!(is_elided("...additional frames elided..."));
        assert!(is_elided("...12 frames elided..."));
        assert!(!is_elided("...hello..."));
        assert_eq!(mask_hex("a 0x1f b 0x c"), "a 0x? b 0x c");
    }
}
