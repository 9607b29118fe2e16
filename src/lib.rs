//! minigo: an interpreter for Go programs.
//!
//! Pipeline: `lexer` (logos tokens + Go's semicolon insertion) → `parse` (LALRPOP grammar in
//! `grammar/go.lalrpop`) → `ast` → `check` (Go's type checker: untyped constants, assignability,
//! method sets) → `compile` (statically typed bytecode, `opcode`) → `vm` (one VM per goroutine,
//! run as a G on `minigo_runtime`'s GMP scheduler).
#![forbid(unsafe_code)]

pub mod ast;
pub mod check;
pub mod compile;
pub mod diag;
pub mod disasm;
pub mod driver;
pub mod lexer;
pub mod opcode;
pub mod parse;
pub mod repl;
pub mod stdlib;
pub mod testrunner;
pub mod token;
pub mod types;
pub mod vm;
