//! The corpus harness: every program under `tests/corpus/` is one named test, run with the
//! `minigo` binary cargo built for this test (`CARGO_BIN_EXE_minigo`) and compared with the
//! expected files real Go produced (see `tests/corpus/README.md` and `minigo::testrunner`).
//!
//! Programs listed in `tests/corpus/KNOWN_FAILURES` are reported as ignored, never silently
//! skipped. After the normal run, the harness runs the listed programs too and prints the ones
//! that now pass, so they can be removed from the list (`--ignored`/`--include-ignored` run
//! them as ordinary tests instead; `MINIGO_SKIP_KNOWN_CHECK=1` skips that check).
//!
//!     cargo test --test corpus                    # all programs
//!     cargo test --test corpus -- maps/           # programs whose name contains "maps/"
//!     cargo test --test corpus -- --include-ignored
//!     MINIGO_BIN=target/release/minigo cargo test --test corpus

use std::path::{Path, PathBuf};

use libtest_mimic::{Arguments, Failed, Trial};
use minigo::testrunner;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("corpus")
}

fn main() {
    let args = Arguments::from_args();
    let dir = corpus_dir();
    // MINIGO_BIN runs the corpus against another build (a release binary, or a stand-in that
    // runs real Go to check the corpus and the comparison themselves).
    let minigo = std::env::var_os("MINIGO_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_minigo")));
    let files = match testrunner::collect(&dir) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("corpus: cannot read {}: {e}", dir.display());
            std::process::exit(101);
        }
    };
    let mut known = match testrunner::load_known_failures(&dir) {
        Ok(k) => k,
        Err(e) => {
            eprintln!("corpus: {e}");
            std::process::exit(101);
        }
    };

    let mut trials = Vec::new();
    let mut known_files = Vec::new();
    for file in &files {
        let name = testrunner::test_name(&dir, file);
        let is_known = known.remove(&name).is_some();
        if is_known {
            known_files.push((name.clone(), file.clone()));
        }
        let (bin, path, label) = (minigo.clone(), file.clone(), name.clone());
        trials.push(
            Trial::test(name, move || {
                let result = testrunner::check_file(&bin, &path).map_err(Failed::from);
                if is_known && result.is_ok() {
                    println!("corpus: {label} passes: remove it from KNOWN_FAILURES");
                }
                result
            })
            .with_ignored_flag(is_known),
        );
    }
    for stale in known.keys() {
        eprintln!("corpus: KNOWN_FAILURES lists {stale}, which is not a corpus program");
    }

    let ran_ignored = args.ignored || args.include_ignored;
    // MINIGO_SKIP_KNOWN_CHECK=1 skips the after-run check of KNOWN_FAILURES (saves time when
    // many listed programs hang until the timeout).
    let check_known = !ran_ignored
        && !args.list
        && std::env::var_os("MINIGO_SKIP_KNOWN_CHECK").is_none_or(|v| v.is_empty() || v == "0");
    let threads = args.test_threads.unwrap_or(2).max(1);
    let filter = args.filter.clone();
    let (exact, skip) = (args.exact, args.skip.clone());
    let conclusion = libtest_mimic::run(&args, trials);

    if check_known {
        let selected = |name: &str| {
            let matches = |f: &str| if exact { name == f } else { name.contains(f) };
            filter.as_deref().is_none_or(matches) && !skip.iter().any(|s| matches(s))
        };
        let candidates: Vec<&(String, PathBuf)> = known_files
            .iter()
            .filter(|(name, _)| selected(name))
            .collect();
        let chunk = candidates.len().div_ceil(threads).max(1);
        let mut now_passing: Vec<&String> = std::thread::scope(|s| {
            let handles: Vec<_> = candidates
                .chunks(chunk)
                .map(|part| {
                    let minigo = &minigo;
                    s.spawn(move || {
                        part.iter()
                            .filter(|(_, file)| testrunner::check_file(minigo, file).is_ok())
                            .map(|(name, _)| name)
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        });
        now_passing.sort();
        if !now_passing.is_empty() {
            println!("corpus: these KNOWN_FAILURES programs now pass; remove them from the list:");
            for name in now_passing {
                println!("    {name}");
            }
        }
    }
    conclusion.exit();
}
