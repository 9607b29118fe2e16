//! The interactive prompt (`minigo`, `minigo repl`).
//!
//! The REPL runs as goroutine 1 of one runtime for the whole session, so goroutines started by
//! an input keep running while the prompt waits: the line is read by a reader thread (rustyline
//! on a terminal, plain lines from a pipe) and goroutine 1 waits for it inside
//! `Gctx::syscall`, which hands its P to another M as a blocking system call does in Go.
//!
//! Each input is turned into a complete Go program and goes through the ordinary pipeline
//! (parse, check, compile), so the REPL accepts exactly the language `minigo run` does:
//!
//! - imports, and top-level `func`, `type` and `const` declarations, are remembered as source
//!   and included in every later program (a new declaration of a name replaces the old one);
//! - variables declared at the prompt (`x := 1`, `var y T`) become package-level variables of
//!   the generated program; their values are carried from one input's program to the next;
//! - the input's statements become the body of `main`; a lone expression is printed with
//!   `fmt.Println`.
//!
//! Pass 1 checks the statements as they were typed (variables local to `main`) to learn the
//! types of the new variables; pass 2 hoists them to package level and runs the program.
//! Limitation: a goroutine started by an earlier input keeps the variables of its own input's
//! program, so it does not see later re-assignments at the prompt.

use std::collections::HashMap;
use std::io::{BufRead, IsTerminal, Write};
use std::sync::mpsc;
use std::sync::Arc;

use crate::ast::{self, IdGen, StmtKind};
use crate::diag::{render_all, SourceMap};
use crate::parse::{self, ReplItem};
use crate::types::TypeTable;
use crate::vm::value::Value;
use crate::vm::{rt, Shared, Trap, Vm};

const HELP: &str = "\
Enter Go declarations, statements or expressions; an expression's value is printed.
Input continues on the next line while brackets are open.
  :help    this text
  :quit    leave (also Ctrl-D)
  :reset   forget every declaration and variable
  :source  print the program the session has built so far";

/// Name under which the REPL imports fmt for printing values (never clashes with a user name).
const FMT: &str = "__replfmt";

/// Run the REPL; returns the exit code.
pub fn run() -> i32 {
    let interactive = std::io::stdin().is_terminal();
    let (req_tx, req_rx) = mpsc::channel::<&'static str>();
    let (line_tx, line_rx) = mpsc::channel::<Option<String>>();
    std::thread::Builder::new()
        .name("minigo-repl-reader".into())
        .spawn(move || reader(interactive, req_rx, line_tx))
        .expect("spawn the REPL reader thread");
    if interactive {
        println!(
            "minigo {}: Go at the prompt. :help for help, :quit to leave.",
            env!("CARGO_PKG_VERSION")
        );
    }
    let code = Arc::new(std::sync::atomic::AtomicI32::new(0));
    let code2 = code.clone();
    rt::run_main(Box::new(move |g: &mut rt::Gctx| {
        let mut session = Session::new();
        let mut buf = String::new();
        loop {
            let prompt = if buf.is_empty() { ">>> " } else { "... " };
            if req_tx.send(prompt).is_err() {
                break;
            }
            // A blocking read: the P is handed off so other goroutines keep running.
            let line = match g.syscall(|| line_rx.recv()) {
                Ok(Some(l)) => l,
                _ => break,
            };
            if buf.is_empty() {
                match line.trim() {
                    "" => continue,
                    ":quit" | ":q" | ":exit" => break,
                    ":help" | ":h" => {
                        println!("{HELP}");
                        continue;
                    }
                    ":reset" => {
                        session = Session::new();
                        continue;
                    }
                    ":source" => {
                        println!("{}", session.program_text(&[], "", &[]));
                        continue;
                    }
                    _ => {}
                }
            }
            buf.push_str(&line);
            buf.push('\n');
            if parse::is_incomplete(&buf) {
                continue;
            }
            let input = std::mem::take(&mut buf);
            match session.eval(g, &input) {
                Ok(()) => {}
                Err(Trap::Exit(c)) => {
                    code2.store(c, std::sync::atomic::Ordering::Relaxed);
                    let _ = std::io::stdout().flush();
                    std::process::exit(c);
                }
                Err(Trap::Panicking) => {}
            }
            let _ = std::io::stdout().flush();
        }
    }));
    let _ = std::io::stdout().flush();
    code.load(std::sync::atomic::Ordering::Relaxed)
}

/// The reader thread: answers each prompt request with a line (None at end of input).
fn reader(
    interactive: bool,
    req: mpsc::Receiver<&'static str>,
    lines: mpsc::Sender<Option<String>>,
) {
    if interactive {
        if let Ok(mut rl) = rustyline::DefaultEditor::new() {
            while let Ok(prompt) = req.recv() {
                let line = match rl.readline(prompt) {
                    Ok(l) => {
                        if !l.trim().is_empty() {
                            let _ = rl.add_history_entry(l.as_str());
                        }
                        Some(l)
                    }
                    // Ctrl-C abandons the current line, as in a shell.
                    Err(rustyline::error::ReadlineError::Interrupted) => Some(String::new()),
                    Err(_) => None,
                };
                let end = line.is_none();
                if lines.send(line).is_err() || end {
                    return;
                }
            }
            return;
        }
    }
    let stdin = std::io::stdin();
    let mut it = stdin.lock().lines();
    while req.recv().is_ok() {
        let line = it.next().and_then(Result::ok);
        let end = line.is_none();
        if lines.send(line).is_err() || end {
            return;
        }
    }
}

/// A persisted variable: its name, its type as Go source, and its current value.
struct Var {
    name: String,
    ty: String,
    value: Option<Value>,
}

/// What the session remembers between inputs.
struct Session {
    /// Import specs as source (`"fmt"`, `str "strings"`), in order.
    imports: Vec<String>,
    /// Top-level declarations as source, each with the names it declares.
    decls: Vec<(Vec<String>, String)>,
    vars: Vec<Var>,
}

/// One input, taken apart.
#[derive(Default)]
struct Input {
    imports: Vec<String>,
    decls: Vec<(Vec<String>, String)>,
    /// Top-level statements as source, in pass-1 form (as typed) and pass-2 form (new and
    /// re-declared variables assigned instead of declared).
    stmts1: Vec<String>,
    stmts2: Vec<String>,
    /// Variables the input declares, in order.
    new_vars: Vec<String>,
    /// The input is one expression whose value(s) should be printed.
    expr: Option<String>,
}

impl Session {
    fn new() -> Session {
        Session {
            imports: Vec::new(),
            decls: Vec::new(),
            vars: Vec::new(),
        }
    }

    fn eval(&mut self, g: &mut rt::Gctx, src: &str) -> Result<(), Trap> {
        let input = match split_input(src) {
            Ok(i) => i,
            Err(msg) => {
                eprintln!("{msg}");
                return Ok(());
            }
        };
        // Pass 1: learn the types of the new variables.
        let mut new_types = Vec::new();
        if !input.new_vars.is_empty() {
            let mut body: Vec<String> = input.stmts1.clone();
            for v in &input.new_vars {
                body.push(format!("_ = {v}"));
            }
            let text = self.program_text(&input.decls, &body.join("\n"), &input.imports);
            match var_types(&text, &input.new_vars) {
                Ok(t) => new_types = t,
                Err(msg) => {
                    eprint!("{msg}");
                    return Ok(());
                }
            }
        }
        // Pass 2: the program that runs.
        let mut vars_after: Vec<(String, String)> = self
            .vars
            .iter()
            .filter(|v| !input.new_vars.contains(&v.name))
            .map(|v| (v.name.clone(), v.ty.clone()))
            .collect();
        for (n, t) in input.new_vars.iter().zip(new_types) {
            vars_after.push((n.clone(), t));
        }
        let mut body = input.stmts2.join("\n");
        if let Some(e) = &input.expr {
            body = format!("{FMT}.Println({e})");
        }
        let mut all_imports = input.imports.clone();
        if input.expr.is_some() {
            all_imports.push(format!("{FMT} \"fmt\""));
        }
        let text = self.program_text_with(&input.decls, &body, &all_imports, &vars_after);
        let prog = match crate::driver::compile_source("repl.go", &text) {
            Ok(p) => p,
            Err(msg) => {
                // A lone call with no result: run it as a statement instead of printing it.
                if input.expr.is_some() && msg.contains("used as value") {
                    let text = self.program_text_with(
                        &input.decls,
                        &input.stmts2.join("\n"),
                        &input.imports,
                        &vars_after,
                    );
                    match crate::driver::compile_source("repl.go", &text) {
                        Ok(p) => p,
                        Err(msg) => {
                            eprint!("{}", strip_positions(&msg));
                            return Ok(());
                        }
                    }
                } else {
                    eprint!("{}", strip_positions(&msg));
                    return Ok(());
                }
            }
        };
        // Globals are the hoisted variables, numbered in declaration order.
        let nglobals = prog.nglobals as usize;
        let globals = prog.new_globals();
        for (i, (name, _)) in vars_after.iter().enumerate() {
            if let Some(Some(v)) = self
                .vars
                .iter()
                .find(|v| &v.name == name)
                .map(|v| v.value.clone())
            {
                if i < nglobals {
                    globals.obj.set(i, v);
                }
            }
        }
        let shared = Arc::new(Shared::new(prog, globals.clone(), vec!["repl".to_string()]));
        let mut result = Ok(());
        {
            let mut vm = Vm::new(shared.clone(), g.goid(), g);
            rt::install_traceback(&mut vm);
            for f in [shared.prog.init, shared.prog.main].into_iter().flatten() {
                match vm.call_func(f, &[]) {
                    Ok(_) => {}
                    Err(Trap::Panicking) => {
                        let text = vm.panic_text_lines();
                        let _ = std::io::stdout().flush();
                        eprint!("{text}");
                        if !text.ends_with('\n') {
                            eprintln!();
                        }
                        result = Err(Trap::Panicking);
                        break;
                    }
                    Err(e) => return Err(e),
                }
            }
        }
        // Commit: the declarations were valid, so they persist even if the run panicked.
        for imp in input.imports {
            if !self.imports.contains(&imp) {
                self.imports.push(imp);
            }
        }
        for (names, text) in input.decls {
            self.decls
                .retain(|(old, _)| !old.iter().any(|n| names.contains(n)));
            self.decls.push((names, text));
        }
        self.vars = vars_after
            .into_iter()
            .enumerate()
            .map(|(i, (name, ty))| Var {
                name,
                ty,
                value: (i < nglobals).then(|| globals.obj.get(i)),
            })
            .collect();
        match result {
            Err(Trap::Panicking) => Ok(()),
            r => r,
        }
    }

    /// The program for pass 1 (variables as the session has them).
    fn program_text(
        &self,
        decls: &[(Vec<String>, String)],
        body: &str,
        imports: &[String],
    ) -> String {
        let vars: Vec<(String, String)> = self
            .vars
            .iter()
            .map(|v| (v.name.clone(), v.ty.clone()))
            .collect();
        self.program_text_with(decls, body, imports, &vars)
    }

    fn program_text_with(
        &self,
        new_decls: &[(Vec<String>, String)],
        body: &str,
        new_imports: &[String],
        vars: &[(String, String)],
    ) -> String {
        let new_names: Vec<&String> = new_decls.iter().flat_map(|(n, _)| n).collect();
        let mut decls = String::new();
        for (names, text) in &self.decls {
            if !names.iter().any(|n| new_names.contains(&n)) {
                decls.push_str(text);
                decls.push('\n');
            }
        }
        for (_, text) in new_decls {
            decls.push_str(text);
            decls.push('\n');
        }
        for (name, ty) in vars {
            decls.push_str(&format!("var {name} {ty}\n"));
        }
        let code = format!("{decls}\nfunc main() {{\n{body}\n}}\n");
        // Only imports the program uses: Go rejects unused ones.
        let mut imports = String::new();
        let mut seen = Vec::new();
        for imp in self.imports.iter().chain(new_imports) {
            if seen.contains(imp) {
                continue;
            }
            seen.push(imp.clone());
            let local = import_local_name(imp);
            if uses_name(&code, &local) {
                imports.push_str(&format!("import {imp}\n"));
            }
        }
        format!("package main\n\n{imports}\n{code}")
    }
}

/// The name an import spec binds (`str "strings"` → `str`, `"unicode/utf8"` → `utf8`).
fn import_local_name(spec: &str) -> String {
    let spec = spec.trim();
    if let Some(q) = spec.find('"') {
        let name = spec[..q].trim();
        if !name.is_empty() {
            return name.to_string();
        }
        let path = spec[q..].trim_matches('"');
        return path.rsplit('/').next().unwrap_or(path).to_string();
    }
    spec.to_string()
}

/// Whether `code` mentions `name.` as a qualified identifier (not as the tail of a longer name).
fn uses_name(code: &str, name: &str) -> bool {
    let pat = format!("{name}.");
    code.match_indices(&pat).any(|(i, _)| {
        !code[..i]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
    })
}

/// `repl.go:3:5: msg` → `msg`: positions in the generated program mean nothing to the user.
fn strip_positions(msg: &str) -> String {
    let mut out = String::new();
    for line in msg.lines() {
        let stripped = line
            .strip_prefix("repl.go:")
            .and_then(|rest| {
                let mut parts = rest.splitn(3, ':');
                let (l, c, m) = (parts.next()?, parts.next()?, parts.next()?);
                (l.parse::<u32>().is_ok() && c.parse::<u32>().is_ok()).then(|| m.trim_start())
            })
            .unwrap_or(line);
        out.push_str(stripped);
        out.push('\n');
    }
    out
}

/// Take one input apart into imports, declarations and statements.
fn split_input(src: &str) -> Result<Input, String> {
    let ids = IdGen::new();
    let items = parse::parse_repl(src, &ids).map_err(|ds| {
        let sm = SourceMap::new("repl", src);
        render_all(&sm, &ds).join("\n")
    })?;
    let mut input = Input::default();
    let text = |lo: u32, hi: u32| src.get(lo as usize..hi as usize).unwrap_or("").to_string();
    let mut prev_end = 0u32;
    let nstmts = items
        .iter()
        .filter(|i| matches!(i, ReplItem::Stmt(_)))
        .count();
    for item in &items {
        match item {
            ReplItem::Import(imp) => {
                let spec = match &imp.name {
                    Some(n) => format!("{} {:?}", n.name, imp.path),
                    None => format!("{:?}", imp.path),
                };
                input.imports.push(spec);
                prev_end = imp.span.hi;
            }
            ReplItem::Decl(ast::Decl::Var(specs)) => {
                // `var x T = v` at the prompt declares a session variable.
                for s in specs {
                    for n in &s.names {
                        if n.name != "_" && !input.new_vars.contains(&n.name) {
                            input.new_vars.push(n.name.clone());
                        }
                    }
                    let spec = text(s.span.lo, s.span.hi);
                    input.stmts1.push(format!("var {spec}"));
                    let lhs: Vec<&str> = s.names.iter().map(|n| n.name.as_str()).collect();
                    if s.values.is_empty() {
                        let ty = s.ty.as_ref().map(|t| text(t.span.lo, t.span.hi));
                        for n in &lhs {
                            if let Some(ty) = &ty {
                                input.stmts2.push(format!("{n} = *new({ty})"));
                            }
                        }
                    } else {
                        let lo = s.values[0].span.lo;
                        let hi = s.values[s.values.len() - 1].span.hi;
                        input
                            .stmts2
                            .push(format!("{} = {}", lhs.join(", "), text(lo, hi)));
                    }
                    prev_end = s.span.hi;
                }
            }
            ReplItem::Decl(d) => {
                let (names, end) = decl_names_end(d);
                // The declaration's text runs from the end of the previous item (which holds its
                // keyword) through its closing parenthesis for a group.
                let mut hi = end as usize;
                let rest = &src[hi.min(src.len())..];
                let trimmed = rest.trim_start();
                if trimmed.starts_with(')') {
                    hi += rest.len() - trimmed.len() + 1;
                }
                let t = src
                    .get(prev_end as usize..hi)
                    .unwrap_or("")
                    .trim()
                    .to_string();
                input.decls.push((names, t));
                prev_end = hi as u32;
            }
            ReplItem::Stmt(s) => {
                let t = text(s.span.lo, s.span.hi);
                prev_end = s.span.hi;
                match &s.kind {
                    StmtKind::Expr(e) if nstmts == 1 => {
                        input.expr = Some(t.clone());
                        let _ = e;
                        input.stmts1.push(t.clone());
                        input.stmts2.push(t);
                    }
                    StmtKind::Assign {
                        lhs,
                        op: ast::AssignOp::Define,
                        rhs,
                    } => {
                        for l in lhs {
                            if let ast::ExprKind::Ident(n) = &l.kind {
                                if n != "_" && !input.new_vars.contains(n) {
                                    input.new_vars.push(n.clone());
                                }
                            }
                        }
                        input.stmts1.push(t);
                        let lo = lhs[0].span.lo;
                        let l_hi = lhs[lhs.len() - 1].span.hi;
                        let r_lo = rhs[0].span.lo;
                        let r_hi = rhs[rhs.len() - 1].span.hi;
                        input
                            .stmts2
                            .push(format!("{} = {}", text(lo, l_hi), text(r_lo, r_hi)));
                    }
                    _ => {
                        input.stmts1.push(t.clone());
                        input.stmts2.push(t);
                    }
                }
            }
        }
    }
    // A lone call or receive is still a statement; anything else must be printed.
    if let Some(e) = &input.expr {
        let _ = e;
    }
    Ok(input)
}

/// Names a top-level declaration declares and the end of its last spec.
fn decl_names_end(d: &ast::Decl) -> (Vec<String>, u32) {
    match d {
        ast::Decl::Func(f) => {
            let name = match &f.recv {
                // Methods are keyed by receiver type and name so redefinition replaces them.
                Some(r) => format!("{}.{}", recv_type_name(&r.ty), f.name.name),
                None => f.name.name.clone(),
            };
            (vec![name], f.span.hi)
        }
        ast::Decl::Type(specs) => (
            specs.iter().map(|s| s.name.name.clone()).collect(),
            specs.iter().map(|s| s.span.hi).max().unwrap_or(0),
        ),
        ast::Decl::Const(specs) => (
            specs
                .iter()
                .flat_map(|s| s.names.iter().map(|n| n.name.clone()))
                .collect(),
            specs.iter().map(|s| s.span.hi).max().unwrap_or(0),
        ),
        ast::Decl::Var(specs) => (
            specs
                .iter()
                .flat_map(|s| s.names.iter().map(|n| n.name.clone()))
                .collect(),
            specs.iter().map(|s| s.span.hi).max().unwrap_or(0),
        ),
    }
}

fn recv_type_name(e: &ast::Expr) -> String {
    match &e.kind {
        ast::ExprKind::Star(inner) => recv_type_name(inner),
        ast::ExprKind::Ident(n) => n.clone(),
        ast::ExprKind::Index(x, _) => recv_type_name(x),
        _ => String::new(),
    }
}

/// Pass 1: check `text` and return the Go source of each new variable's type.
fn var_types(text: &str, names: &[String]) -> Result<Vec<String>, String> {
    let sm = SourceMap::new("repl.go", text);
    let ids = IdGen::new();
    let render =
        |ds: Vec<crate::diag::Diagnostic>| strip_positions(&render_all(&sm, &ds).join("\n"));
    let file = parse::parse_file("repl.go", text, &ids).map_err(render)?;
    let mut tt = TypeTable::new();
    let info = crate::check::check_file(&file, &sm, &mut tt).map_err(render)?;
    // main's body: the last function declared.
    let body_lo = text.rfind("func main() {").unwrap_or(0) as u32;
    let mut found: HashMap<String, String> = HashMap::new();
    for (lo, obj) in &info.defs {
        if *lo < body_lo {
            continue;
        }
        let o = &info.objects[obj.0 as usize];
        if names.contains(&o.name) && !found.contains_key(&o.name) {
            let ts = tt.type_string(o.ty);
            found.insert(o.name.clone(), source_type(&ts));
        }
    }
    names
        .iter()
        .map(|n| {
            found
                .remove(n)
                .ok_or_else(|| format!("cannot determine the type of {n}\n"))
        })
        .collect()
}

/// A type as printed by the checker (`main.Point`, `[]main.T`) → Go source in package main.
fn source_type(ts: &str) -> String {
    let mut out = String::with_capacity(ts.len());
    let mut rest = ts;
    while let Some(i) = rest.find("main.") {
        let boundary = i == 0
            || !rest[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
        out.push_str(&rest[..i]);
        if !boundary {
            out.push_str("main.");
        }
        rest = &rest[i + 5..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_type_strips_package_main() {
        assert_eq!(source_type("main.Point"), "Point");
        assert_eq!(source_type("map[string][]*main.T"), "map[string][]*T");
        assert_eq!(source_type("func(int) string"), "func(int) string");
        assert_eq!(source_type("notmain.X"), "notmain.X");
    }

    #[test]
    fn import_names() {
        assert_eq!(import_local_name("\"unicode/utf8\""), "utf8");
        assert_eq!(import_local_name("str \"strings\""), "str");
    }

    #[test]
    fn positions_are_stripped() {
        assert_eq!(
            strip_positions("repl.go:7:2: undefined: y\n"),
            "undefined: y\n"
        );
    }
}
