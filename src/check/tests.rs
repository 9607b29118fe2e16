//! Checker tests: small programs parsed with the real parser; assert exact Go error messages
//! (verified against `go build`) and recorded types.

use super::*;
use crate::ast::IdGen;
use crate::diag::SourceMap;

/// Check `src`; Ok(info, table) or the rendered errors (`prog.go:L:C: msg`), sorted.
pub(crate) fn check_src(src: &str) -> Result<(TypeInfo, TypeTable), Vec<String>> {
    let ids = IdGen::new();
    let sm = SourceMap::new("prog.go", src);
    let file = crate::parse::parse_file("prog.go", src, &ids)
        .map_err(|ds| ds.iter().map(|d| sm.render(d)).collect::<Vec<_>>())?;
    let mut tt = TypeTable::new();
    match check_file(&file, &sm, &mut tt) {
        Ok(info) => Ok((info, tt)),
        Err(ds) => Err(ds.iter().map(|d| sm.render(d)).collect()),
    }
}

fn errs(src: &str) -> Vec<String> {
    match check_src(src) {
        Ok(_) => vec![],
        Err(e) => e,
    }
}

/// Debug helper: `MINIGO_CHECK=path cargo test --lib check_env -- --ignored --nocapture`.
#[test]
#[ignore]
fn check_env() {
    let Ok(p) = std::env::var("MINIGO_CHECK") else {
        return;
    };
    let src = std::fs::read_to_string(&p).unwrap_or_default();
    match check_src(&src) {
        Ok(_) => println!("OK"),
        Err(e) => {
            for l in crate::diag::render_all(&SourceMap::new("prog.go", &src), &[]) {
                println!("{}", l);
            }
            for l in e {
                println!("{}", l);
            }
        }
    }
}

#[test]
fn hello_ok() {
    let r =
        check_src("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hi\", 1)\n}\n");
    assert!(r.is_ok(), "{:?}", r.err());
}

/// Debug helper: `MINIGO_CHECK_DIR=dir cargo test --lib check_dir -- --ignored --nocapture`
/// checks every `.go` file below `dir`, printing `FILE: OK` or its errors.
#[test]
#[ignore]
fn check_dir() {
    let Ok(d) = std::env::var("MINIGO_CHECK_DIR") else {
        return;
    };
    let mut files = Vec::new();
    fn walk(p: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        if let Ok(rd) = std::fs::read_dir(p) {
            for e in rd.flatten() {
                let p = e.path();
                if p.is_dir() {
                    walk(&p, out);
                } else if p.extension().is_some_and(|x| x == "go") {
                    out.push(p);
                }
            }
        }
    }
    walk(std::path::Path::new(&d), &mut files);
    files.sort();
    for f in files {
        let src = std::fs::read_to_string(&f).unwrap_or_default();
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let r = std::panic::catch_unwind(|| {
            let ids = IdGen::new();
            let sm = SourceMap::new(&name, &src);
            let res = crate::parse::parse_file(&name, &src, &ids).and_then(|file| {
                let mut tt = TypeTable::new();
                check_file(&file, &sm, &mut tt).map(|_| ())
            });
            res.map_err(|ds| render_go(&sm, &ds))
        });
        match r {
            Ok(Ok(_)) => println!("{}: OK", f.display()),
            Ok(Err(e)) => {
                for l in e {
                    println!("{}:: {}", f.display(), l.replace('\n', "\\n"));
                }
            }
            Err(_) => println!("{}: PANIC", f.display()),
        }
    }
}

/// Render as cmd/compile does: sorted by position; a syntax error per line at most; other
/// errors dropped only when the same line already has the same message; after 10 errors,
/// `too many errors` at the 10th error's position.
pub(crate) fn render_go(sm: &SourceMap, diags: &[crate::diag::Diagnostic]) -> Vec<String> {
    let mut ds: Vec<&crate::diag::Diagnostic> = diags.iter().collect();
    ds.sort_by_key(|d| d.pos);
    let mut out: Vec<String> = Vec::new();
    let mut last_syntax_line = 0;
    let mut last_other: Option<(u32, String)> = None;
    let mut last_pos = 0;
    for d in ds {
        let line = sm.line(d.pos);
        if d.kind == crate::diag::DiagKind::Syntax {
            if line == last_syntax_line {
                continue;
            }
            last_syntax_line = line;
        } else {
            if last_other
                .as_ref()
                .is_some_and(|(l, m)| *l == line && *m == d.msg)
            {
                continue;
            }
            last_other = Some((line, d.msg.clone()));
        }
        if out.len() == 10 {
            let (l, c) = sm.line_col(last_pos);
            out.push(format!("{}:{}:{}: too many errors", sm.name, l, c));
            break;
        }
        last_pos = d.pos;
        out.push(sm.render(d));
    }
    out
}
