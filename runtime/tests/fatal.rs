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
        gctrace: false,
        sched_seed: None,
    };
    match scenario.as_str() {
        // Mirrors a Go program: worker blocked sending, select {}, nil-chan receive, main
        // blocked receiving.
        // (The Go program imports only "time": no finalizer goroutine, user ids from 6.)
        "deadlock" => minigo_runtime::run_main_with(
            cfg,
            minigo_runtime::RunOpts {
                system_goroutines: 4,
            },
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
        "waitgroup" => run_main(
            cfg,
            Box::new(|g| {
                let wg = minigo_runtime::WaitGroup::new();
                wg.add(g, 1).unwrap();
                let _ = wg.wait(g);
            }),
        ),
        "unlock_unlocked" => run_main(
            cfg,
            Box::new(|g| {
                let mu = minigo_runtime::Mutex::new();
                mu.unlock(g);
            }),
        ),
        "schedtrace" => run_main(
            Config {
                schedtrace_ms: 2,
                scheddetail: procs == 3,
                gomaxprocs: 2,
                gctrace: false,
                sched_seed: None,
            },
            Box::new(|g| {
                let c: Chan<i32> = Chan::new(0);
                let c2 = c.clone();
                g.go(
                    Arc::from("main.main.func1"),
                    Box::new(move |g| {
                        g.sleep(Duration::from_millis(12));
                        let _ = c2.send(g, 1);
                    }),
                );
                let _ = c.recv(g);
            }),
        ),
        "goexit" => run_main(
            cfg,
            Box::new(|g| {
                g.go(
                    Arc::from("main.main.func1"),
                    Box::new(|g| {
                        g.sleep(Duration::from_millis(2));
                        println!("child done");
                    }),
                );
                g.goexit();
            }),
        ),
        // tests/corpus/channels/deadlock_goroutines_listed.go (imports fmt).
        "corpus_listed" => run_main(
            cfg,
            Box::new(|g| {
                let chans: Vec<Chan<i64>> = (0..3).map(|_| Chan::new(0)).collect();
                for (i, c) in chans.iter().enumerate() {
                    let c = c.clone();
                    g.go(
                        Arc::from("main.main.func1"),
                        Box::new(move |g| {
                            let _ = c.send(g, i as i64);
                        }),
                    );
                }
                let a = chans[0].recv(g).0.unwrap();
                let b = chans[2].recv(g).0.unwrap();
                println!("{}", a + b);
                let (x, y): (Chan<bool>, Chan<bool>) = (Chan::new(0), Chan::new(0));
                let _ = select(g, vec![SelectCase::Recv(&x), SelectCase::Recv(&y)], true);
            }),
        ),
        // tests/corpus/channels/deadlock_many.go.
        "corpus_many" => run_main(
            cfg,
            Box::new(|g| {
                let ch: Chan<i64> = Chan::new(0);
                let mu = Arc::new(minigo_runtime::Mutex::new());
                mu.lock(g);
                let mu2 = mu.clone();
                g.go(Arc::from("main.main.func1"), Box::new(move |g| mu2.lock(g)));
                let wg = Arc::new(minigo_runtime::WaitGroup::new());
                wg.add(g, 1).unwrap();
                let wg2 = wg.clone();
                g.go(
                    Arc::from("main.main.func2"),
                    Box::new(move |g| {
                        let _ = wg2.wait(g);
                    }),
                );
                println!("main waits");
                let _ = ch.recv(g);
            }),
        ),
        // A pending time.After channel nobody waits on, and a stopped timer, do not hide a
        // deadlock (Go ≥ 1.23).
        "timer_deadlock" => run_main(
            cfg,
            Box::new(|g| {
                let t: Chan<i64> = Chan::new(1);
                g.after_chan(Duration::from_secs(3600), &t, 1);
                let h = g.after_func(Duration::from_secs(3600), Box::new(|| {}));
                h.stop();
                let c: Chan<i64> = Chan::new(0);
                let _ = c.recv(g);
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

#[test]
fn deadlock_in_waitgroup_wait() {
    let (code, err) = child("waitgroup", 1);
    assert_eq!(code, 2);
    assert!(err.starts_with("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [sync.WaitGroup.Wait]:\n"), "{err}");
}

#[test]
fn unlock_of_unlocked_mutex() {
    let (code, err) = child("unlock_unlocked", 1);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("fatal error: sync: unlock of unlocked mutex\n"),
        "{err}"
    );
}

/// Checks `line` against Go's tip format:
/// `SCHED 0ms: gomaxprocs=2 idleprocs=0 threads=3 spinningthreads=1 needspinning=0 idlethreads=0 runqueue=0 [ 0 0 ] schedticks=[ 0 2 ]`
fn is_sched_line(line: &str) -> bool {
    let t: Vec<&str> = line.split(' ').collect();
    let num = |s: &str, key: &str| {
        s.strip_prefix(key)
            .map(|v| v.parse::<u64>().is_ok())
            .unwrap_or(false)
    };
    t.len() == 17
        && t[0] == "SCHED"
        && t[1].ends_with("ms:")
        && t[1].trim_end_matches("ms:").parse::<u64>().is_ok()
        && t[2] == "gomaxprocs=2"
        && num(t[3], "idleprocs=")
        && num(t[4], "threads=")
        && num(t[5], "spinningthreads=")
        && num(t[6], "needspinning=")
        && num(t[7], "idlethreads=")
        && num(t[8], "runqueue=")
        && t[9] == "["
        && t[10].parse::<u64>().is_ok()
        && t[11].parse::<u64>().is_ok()
        && t[12] == "]"
        && t[13] == "schedticks=["
        && t[14].parse::<u64>().is_ok()
        && t[15].parse::<u64>().is_ok()
        && t[16] == "]"
}

#[test]
fn schedtrace_lines() {
    let (code, err) = child("schedtrace", 2);
    assert_eq!(code, 0);
    let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("SCHED")).collect();
    assert!(lines.len() >= 3, "{err}");
    // The first line comes from sysmon's first tick (0ms unless the machine is loaded).
    let first_ms: u64 = lines[0][6..].split("ms:").next().unwrap().parse().unwrap();
    assert!(first_ms < 100, "{err}");
    for l in &lines {
        assert!(is_sched_line(l), "bad line: {l:?}");
    }
    // scheddetail=1: P, M and G lines.
    let (code, err) = child("schedtrace", 3);
    assert_eq!(code, 0);
    assert!(
        err.lines().any(|l| l.starts_with("SCHED ")
            && l.ends_with(" gcwaiting=false nmidlelocked=0 stopwait=0 sysmonwait=false")),
        "{err}"
    );
    assert!(err.lines().any(|l| l.starts_with("  P0: status=")), "{err}");
    assert!(err.lines().any(|l| l.starts_with("  M0: p=")), "{err}");
    assert!(
        err.lines()
            .any(|l| l == "  G1: status=4(chan receive) m=nil lockedm=nil"),
        "{err}"
    );
}

#[test]
fn main_goexit_waits_for_others_then_dies() {
    let exe = std::env::current_exe().unwrap();
    let out = Command::new(exe)
        .args(["--exact", "child_entry", "--nocapture", "--test-threads=1"])
        .env("MINIGO_FATAL_CHILD", "goexit")
        .env("MINIGO_FATAL_PROCS", "2")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("child done"));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n"
    );
}

/// The stable lines the corpus keeps (headers, "created by", fatal error).
fn stable_lines(err: &str) -> String {
    err.lines()
        .filter(|l| {
            l.is_empty()
                || l.starts_with("fatal error")
                || l.starts_with("goroutine ")
                || l.starts_with("created by ")
        })
        .map(|l| format!("{l}\n"))
        .collect()
}

#[test]
fn corpus_deadlock_listings_match_go() {
    // Expected stderr from tests/corpus/channels/*.err (generated by real Go 1.27).
    let (code, err) = child("corpus_listed", 1);
    assert_eq!(code, 2);
    assert_eq!(
        stable_lines(&err),
        "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [select]:\n\ngoroutine 8 [chan send]:\ncreated by main.main in goroutine 1\n"
    );
    let (code, err) = child("corpus_many", 1);
    assert_eq!(code, 2);
    assert_eq!(
        stable_lines(&err),
        "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\n\ngoroutine 7 [sync.Mutex.Lock]:\ncreated by main.main in goroutine 1\n\ngoroutine 8 [sync.WaitGroup.Wait]:\ncreated by main.main in goroutine 1\n"
    );
}

#[test]
fn unwatched_and_stopped_timers_do_not_hide_deadlock() {
    let t0 = std::time::Instant::now();
    let (code, err) = child("timer_deadlock", 2);
    assert_eq!(code, 2);
    assert!(
        err.starts_with(
            "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\n"
        ),
        "{err}"
    );
    assert!(t0.elapsed() < Duration::from_secs(30));
}
