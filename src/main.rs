//! The `minigo` command: run, repl, disasm, test.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Running out of memory ends the program as Go's runtime does (`fatal error: runtime: out of
/// memory`, exit 2).
#[global_allocator]
static ALLOC: minigo_runtime::GoAlloc = minigo_runtime::GoAlloc;

#[derive(Parser)]
#[command(
    name = "minigo",
    version,
    about = "A small, fast interpreter for Go programs, on a runtime that reproduces Go's GMP scheduler",
    long_about = None
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run a Go program as `go run FILE.go ARGS...` would (os.Args = [FILE, ARGS...])
    Run {
        /// The program (package main, one file)
        file: PathBuf,
        /// Arguments passed to the program
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Interactive prompt: declarations persist, expressions print their values (default)
    Repl,
    /// Print the bytecode of a program
    Disasm { file: PathBuf },
    /// Run every .go program under DIR against its expected .out/.err/.exit files
    Test { dir: PathBuf },
}

fn main() -> ExitCode {
    minigo_runtime::mallocinit();
    let cli = Cli::parse();
    let code = match cli.command {
        Some(Command::Run { file, args }) => minigo::driver::run_file(&file, &args),
        None | Some(Command::Repl) => minigo::repl::run(),
        Some(Command::Disasm { file }) => match minigo::driver::disasm_file(&file) {
            Ok(text) => {
                print!("{text}");
                0
            }
            Err(text) => {
                eprint!("{text}");
                1
            }
        },
        Some(Command::Test { dir }) => test_dir(&dir),
    };
    // As the OS does with a Go exit status: only the low 8 bits survive.
    ExitCode::from((code & 0xff) as u8)
}

/// `minigo test DIR`: run every program under DIR against its expected files, print one line
/// per program and a summary; exit 1 if any differs.
fn test_dir(dir: &std::path::Path) -> i32 {
    let exe = match std::env::current_exe() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("minigo test: cannot find own executable: {e}");
            return 2;
        }
    };
    let files = match minigo::testrunner::collect(dir) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("minigo test: {}: {e}", dir.display());
            return 2;
        }
    };
    let (mut passed, mut failed) = (0, 0);
    for f in &files {
        match minigo::testrunner::check_file(&exe, f) {
            Ok(()) => {
                passed += 1;
                println!("ok   {}", minigo::testrunner::test_name(dir, f));
            }
            Err(why) => {
                failed += 1;
                println!("FAIL {}\n{}", minigo::testrunner::test_name(dir, f), why);
            }
        }
    }
    println!("{passed} passed, {failed} failed");
    i32::from(failed > 0)
}
