//! The `minigo` command: run, repl, disasm, test.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

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
    Disasm {
        file: PathBuf,
    },
    /// Run every .go program under DIR against its expected .out/.err/.exit files
    Test {
        dir: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Some(Command::Run { file, args }) => minigo::driver::run_file(&file, &args),
        None | Some(Command::Repl) => minigo::repl::run(),
        Some(Command::Disasm { file }) => match minigo::driver::disasm_file(&file) {
            Ok(text) => {
                print!("{text}");
                0
            }
            Err(code) => code,
        },
        Some(Command::Test { dir }) => minigo::testrunner::run_dir_cli(&dir),
    };
    // As the OS does with a Go exit status: only the low 8 bits survive.
    ExitCode::from((code & 0xff) as u8)
}
