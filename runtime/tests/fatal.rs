//! Fatal paths (checkdead's deadlock report, fatalpanic) run in a child process: the
//! test binary re-executes itself with `MINIGO_FATAL_CHILD=<scenario>`.
#![cfg(not(loom))]

use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use minigo_runtime::{fatalpanic, run_main, select, Chan, Config, SelectCase, WaitReason};

fn child(scenario: &str, procs: usize) -> (i32, String) {
    let exe = std::env::current_exe().unwrap();
    let out = Command::new(exe)
        .args(["--exact", "child_entry", "--nocapture", "--test-threads=1"])
        .env("MINIGO_FATAL_CHILD", scenario)
        .env("MINIGO_FATAL_PROCS", procs.to_string())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn frames(name: &'static str, line: u32) -> minigo_runtime::TracebackFn {
    Arc::new(move || format!("{name}()\n\t/tmp/prog.go:{line} +0x0\n"))
}

/// The scenarios, run only in the child process.
#[test]
fn child_entry() {
    let Ok(scenario) = std::env::var("MINIGO_FATAL_CHILD") else {
        return;
    };
    let procs: usize = std::env::var("MINIGO_FATAL_PROCS")
        .unwrap()
        .parse()
        .unwrap();
    let cfg = Config {
        gomaxprocs: procs,
        schedtrace_ms: 0,
        scheddetail: false,
        sched_seed: None,
    };
    match scenario.as_str() {
        // Mirrors a Go program: worker blocked sending, select {}, nil-chan receive, main
        // blocked receiving.
        "deadlock" => run_main(
            cfg,
            Box::new(|g| {
                g.set_traceback(frames("main.main", 18));
                let c: Chan<i32> = Chan::new(0);
                let c2 = c.clone();
                g.go_at(
                    Arc::from("main.worker"),
                    Arc::from("main.main"),
                    Some(Arc::from("/tmp/prog.go:11 +0x0")),
                    Box::new(move |g| {
                        g.set_traceback(frames("main.worker", 6));
                        let _ = c2.send(g, 1);
                    }),
                );
                g.go_at(
                    Arc::from("main.main.func1"),
                    Arc::from("main.main"),
                    Some(Arc::from("/tmp/prog.go:12 +0x0")),
                    Box::new(|g| {
                        g.set_traceback(frames("main.main.func1", 13));
                        let _ = select::<i32>(g, vec![], true);
                    }),
                );
                g.go_at(
                    Arc::from("main.main.func2"),
                    Arc::from("main.main"),
                    Some(Arc::from("/tmp/prog.go:15 +0x0")),
                    Box::new(|g| {
                        g.set_traceback(frames("main.main.func2", 15));
                        g.sleep(Duration::from_millis(1));
                        g.block_forever(WaitReason::ChanReceiveNilChan);
                    }),
                );
                g.sleep(Duration::from_millis(10));
                let d: Chan<i32> = Chan::new(0);
                let _ = d.recv(g);
            }),
        ),
        "main_alone" => run_main(
            cfg,
            Box::new(|g| {
                let d: Chan<i32> = Chan::new(0);
                let _ = select(g, vec![SelectCase::Recv(&d), SelectCase::Nil], true);
            }),
        ),
        "panic" => run_main(
            cfg,
            Box::new(|g| {
                g.set_traceback(frames("main.main", 4));
                fatalpanic(g.goid(), "panic: boom\n");
            }),
        ),
        _ => unreachable!(),
    }
}

/// Expected text produced by real Go 1.27 for the same program (GOMAXPROCS=1), with the
/// file path and pc offsets normalised to /tmp/prog.go and +0x0.
const GO_DEADLOCK: &str = "fatal error: all goroutines are asleep - deadlock!

goroutine 1 [chan receive]:
main.main()
	/tmp/prog.go:18 +0x0

goroutine 6 [chan send]:
main.worker()
	/tmp/prog.go:6 +0x0
created by main.main in goroutine 1
	/tmp/prog.go:11 +0x0

goroutine 7 [select (no cases)]:
main.main.func1()
	/tmp/prog.go:13 +0x0
created by main.main in goroutine 1
	/tmp/prog.go:12 +0x0

goroutine 8 [chan receive (nil chan)]:
main.main.func2()
	/tmp/prog.go:15 +0x0
created by main.main in goroutine 1
	/tmp/prog.go:15 +0x0
";

#[test]
fn deadlock_report_matches_go() {
    for procs in [1, 2, 4] {
        let (code, err) = child("deadlock", procs);
        assert_eq!(code, 2, "stderr: {err}");
        assert_eq!(err, GO_DEADLOCK, "GOMAXPROCS={procs}");
    }
}

#[test]
fn deadlock_main_alone_default_frames() {
    let (code, err) = child("main_alone", 2);
    assert_eq!(code, 2);
    assert_eq!(err, "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [select]:\nmain.main()\n\t?:0 +0x0\n");
}

#[test]
fn fatalpanic_format() {
    let (code, err) = child("panic", 2);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "panic: boom\n\ngoroutine 1 [running]:\nmain.main()\n\t/tmp/prog.go:4 +0x0\n"
    );
}
