//! The REPL driven through a pipe: declarations and variables persist across inputs, a lone
//! expression prints its value as fmt.Println would, errors are reported and the session goes
//! on, and goroutines started at the prompt keep running.

use std::io::Write;
use std::process::{Command, Stdio};

fn repl(input: &str) -> (String, String, i32) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_minigo"))
        .arg("repl")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start minigo repl");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().expect("wait for minigo repl");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn variables_functions_and_types_persist() {
    let (out, err, code) = repl(
        "x := 21\nx * 2\nfunc sq(n int) int { return n * n }\nsq(x)\n\
         type P struct{ X, Y int }\np := P{1, 2}\np.X = 7\np\n",
    );
    assert_eq!(err, "");
    assert_eq!(out, "42\n441\n{7 2}\n");
    assert_eq!(code, 0);
}

#[test]
fn multi_line_input_until_brackets_balance() {
    let (out, _, _) = repl("s := 0\nfor i := range 4 {\n\ts += i\n}\ns\n");
    assert_eq!(out, "6\n");
}

#[test]
fn imports_persist_and_calls_without_results_run() {
    let (out, err, _) = repl(
        "import \"strings\"\nimport \"fmt\"\nstrings.Repeat(\"ab\", 3)\nfmt.Println(\"hi\")\n",
    );
    assert_eq!(err, "");
    // fmt.Println's results (n, err) are printed too, as for any expression with a value.
    assert_eq!(out, "ababab\nhi\n3 <nil>\n");
}

#[test]
fn an_error_is_shown_and_the_session_goes_on() {
    let (out, err, code) = repl("y\nz := 5\nz + 1\n");
    assert_eq!(err, "undefined: y\n");
    assert_eq!(out, "6\n");
    assert_eq!(code, 0);
}

#[test]
fn a_panic_is_shown_and_the_session_goes_on() {
    let (out, err, _) = repl("var m map[string]int\nm[\"a\"] = 1\n1 + 1\n");
    assert!(
        err.starts_with("panic: assignment to entry in nil map"),
        "{err}"
    );
    assert_eq!(out, "2\n");
}

#[test]
fn goroutines_keep_running_while_the_prompt_waits() {
    let (out, _, _) = repl("ch := make(chan int)\ngo func() { ch <- 42 }()\nv := <-ch\nv\n");
    assert_eq!(out, "42\n");
}
