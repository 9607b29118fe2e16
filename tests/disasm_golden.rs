//! Golden bytecode tests: `minigo disasm tests/golden/NAME.go` must print exactly
//! `tests/golden/NAME.disasm`.
//!
//! The expected files are produced by the disassembler itself and reviewed by hand when the
//! compiler changes. To regenerate them after an intended change:
//!
//!     UPDATE_GOLDEN=1 cargo test --test disasm_golden
//!
//! then read the diff (`git diff tests/golden`) before committing.

use std::path::Path;

fn check(name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let src = dir.join(format!("{name}.go"));
    let want_path = dir.join(format!("{name}.disasm"));
    let got = match minigo::driver::disasm_file(&src) {
        Ok(s) => s,
        Err(e) => panic!("{name}.go does not compile:\n{e}"),
    };
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&want_path, &got).expect("write golden file");
        return;
    }
    let want = std::fs::read_to_string(&want_path)
        .unwrap_or_else(|_| panic!("missing {}: run with UPDATE_GOLDEN=1", want_path.display()));
    if want != got {
        let diff: Vec<String> = want
            .lines()
            .zip(got.lines())
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .take(5)
            .map(|(i, (a, b))| format!("line {}:\n  want: {a}\n  got:  {b}", i + 1))
            .collect();
        panic!(
            "{name}.disasm differs ({} vs {} lines):\n{}",
            want.lines().count(),
            got.lines().count(),
            diff.join("\n")
        );
    }
}

#[test]
fn golden_fib() {
    check("fib");
}
