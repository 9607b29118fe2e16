//! Entry points the CLI calls: parse → check → compile → run `main.main` as goroutine 1.

use crate::ast::IdGen;
use crate::compile::Compiler;
use crate::diag::{Diagnostic, SourceMap};
use crate::types::TypeTable;
use crate::vm::program::Program;
use crate::vm::{rt, Shared, Trap, Vm};
use std::path::Path;
use std::sync::Arc;

/// Native stack for the compiler passes, which recurse over the syntax tree: Go accepts deeply
/// nested programs, and a Rust stack overflow would abort instead of reporting anything.
/// (Only touched pages are committed.)
const COMPILE_STACK: usize = 1 << 30;

/// Parse, check and compile a file. Errors are rendered as Go prints them. Runs on a thread
/// with a [`COMPILE_STACK`]-byte stack.
pub fn compile_source(name: &str, src: &str) -> Result<Program, String> {
    let (name, src) = (name.to_string(), src.to_string());
    std::thread::Builder::new()
        .name("minigo-compile".into())
        .stack_size(COMPILE_STACK)
        .spawn(move || compile_source_here(&name, &src))
        .map_err(|e| format!("minigo: cannot start the compiler thread: {e}\n"))?
        .join()
        .unwrap_or_else(|_| Err("minigo: internal compiler error (the compiler panicked)\n".into()))
}

/// Read a Go source file. Go source is UTF-8: each invalid sequence is reported as
/// cmd/compile's scanner does (`prog.go:6:22: invalid UTF-8 encoding`).
pub fn read_source(path: &Path, name: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("open {}: {}\n", path.display(), e))?;
    // The go command reads the package clause and imports itself before compiling, and refuses
    // a NUL byte there; past the imports, the compiler's scanner reports it.
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        let header_end = [&b"\nfunc "[..], b"\ntype ", b"\nvar ", b"\nconst "]
            .iter()
            .filter_map(|kw| bytes.windows(kw.len()).position(|w| w == *kw))
            .min()
            .unwrap_or(bytes.len());
        if nul < header_end {
            return Err(format!("go: reading {name}: unexpected NUL in input\n"));
        }
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => {
            let bytes = e.into_bytes();
            let sm = SourceMap::from_bytes(name, &bytes);
            let mut out = String::new();
            let mut at = 0;
            while at < bytes.len() {
                match std::str::from_utf8(&bytes[at..]) {
                    Ok(_) => break,
                    Err(e) => {
                        let bad = at + e.valid_up_to();
                        let d = Diagnostic::syntax(bad as u32, "invalid UTF-8 encoding");
                        out.push_str(&sm.render(&d));
                        out.push('\n');
                        at = bad + e.error_len().unwrap_or(bytes.len() - bad).max(1);
                    }
                }
            }
            Err(out)
        }
    }
}

fn compile_source_here(name: &str, src: &str) -> Result<Program, String> {
    let sm = SourceMap::new(name, src);
    let ids = IdGen::new();
    let render = |ds: Vec<Diagnostic>| {
        let mut s: String = crate::diag::render_all(&sm, &ds)
            .into_iter()
            .map(|l| l + "\n")
            .collect();
        if s.is_empty() {
            s.push_str("internal error\n");
        }
        s
    };
    let file = crate::parse::parse_file(name, src, &ids).map_err(render)?;
    let mut tt = TypeTable::new();
    let info = crate::check::check_file(&file, &sm, &mut tt).map_err(render)?;
    let c = Compiler::new(&tt, &info, &sm, name);
    c.compile_file(&file).map_err(render)
}

/// `minigo run FILE args...`: returns the process exit code (0, 1 compile error, 2 panic,
/// os.Exit(n)).
pub fn run_file(path: &Path, args: &[String]) -> i32 {
    let name = path.to_string_lossy().to_string();
    let src = match read_source(path, &name) {
        Ok(s) => s,
        Err(text) => {
            eprint!("{text}");
            return 1;
        }
    };
    let mut prog = match compile_source(&name, &src) {
        Ok(p) => p,
        Err(text) => {
            eprint!("{text}");
            return 1;
        }
    };
    // Tracebacks print the absolute path, as Go does.
    if let Ok(abs) = std::fs::canonicalize(path) {
        prog.file = Arc::from(abs.to_string_lossy().as_ref());
        // Relative file names of line directives are relative to the file's directory.
        if let Some(dir) = abs.parent() {
            for f in &mut prog.line_files {
                if !f.is_empty() && !Path::new(&**f).is_absolute() {
                    *f = Arc::from(dir.join(&**f).to_string_lossy().as_ref());
                }
            }
        }
    }
    let mut os_args = vec![name];
    os_args.extend(args.iter().cloned());
    run_program(prog, os_args)
}

/// Run a compiled program: package initialisation, then `main.main` on goroutine 1.
pub fn run_program(prog: Program, args: Vec<String>) -> i32 {
    let globals = prog.new_globals();
    let shared = Arc::new(Shared::new(prog, globals, args));
    let code = Arc::new(std::sync::atomic::AtomicI32::new(0));
    let code2 = code.clone();
    rt::run_main(Box::new(move |g: &mut rt::Gctx| {
        let mut vm = Vm::new(shared.clone(), 1, g);
        rt::install_traceback(&mut vm);
        let run = |vm: &mut Vm<'_>, f: Option<u32>| -> i32 {
            let f = match f {
                Some(f) => f,
                None => return 0,
            };
            match vm.call_func(f, &[]) {
                Ok(_) => 0,
                Err(Trap::Exit(c)) => c,
                Err(Trap::Panicking) => rt::fatal_panic(vm),
            }
        };
        let mut c = run(&mut vm, shared.prog.init);
        if c == 0 {
            c = run(&mut vm, shared.prog.main);
        }
        code2.store(c, std::sync::atomic::Ordering::Relaxed);
    }));
    use std::io::Write;
    let _ = std::io::stdout().flush();
    code.load(std::sync::atomic::Ordering::Relaxed)
}

/// `minigo disasm FILE`: the compiled program's bytecode.
pub fn disasm_file(path: &Path) -> Result<String, String> {
    let name = path.to_string_lossy().to_string();
    let src = read_source(path, &name)?;
    let prog = compile_source(&name, &src)?;
    Ok(crate::disasm::disasm(&prog))
}
