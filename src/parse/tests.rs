//! Parser tests. Expected syntax-error texts were produced by running Go 1.27 (`go build`) on
//! the same inputs.

use super::*;
use crate::ast::{ExprKind, StmtKind};
use crate::diag::SourceMap;

fn parse(src: &str) -> Result<ast::File, Vec<String>> {
    let ids = IdGen::new();
    let sm = SourceMap::new("prog.go", src);
    parse_file("prog.go", src, &ids).map_err(|ds| ds.iter().map(|d| sm.render(d)).collect())
}

fn ok(src: &str) -> ast::File {
    match parse(src) {
        Ok(f) => f,
        Err(e) => panic!("parse failed: {e:?}\n{src}"),
    }
}

/// The first error, rendered `prog.go:L:C: msg`.
fn first_err(src: &str) -> String {
    match parse(src) {
        Ok(_) => panic!("parsed, expected an error:\n{src}"),
        Err(e) => e[0].clone(),
    }
}

fn body(stmts: &str) -> String {
    format!("package main\n\nfunc main() {{\n{stmts}\n}}\n")
}

#[test]
fn parses_benchmark_programs() {
    let dir = "/work/shared/bench/go";
    let Ok(rd) = std::fs::read_dir(dir) else {
        return; // corpus not present on this machine
    };
    let mut n = 0;
    let mut failures = Vec::new();
    for ent in rd.flatten() {
        let p = ent.path();
        if p.extension().is_some_and(|e| e == "go") {
            let src = std::fs::read_to_string(&p).unwrap_or_default();
            if let Err(e) = parse(&src) {
                failures.push(format!("{}: {:?}", p.display(), e));
            }
            n += 1;
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(n > 0);
}
