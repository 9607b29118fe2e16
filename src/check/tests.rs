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
