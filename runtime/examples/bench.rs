//! Micro-benchmarks of the runtime (GOMAXPROCS from the environment):
//! spawn+exit of 1,000,000 goroutines (stacks reused through gfget/gfput), a 2-case
//! select ping-pong, a buffered-channel producer/consumer, 10,000 concurrent 1 ms sleeps.
//!
//! `cargo run --release -p minigo-runtime --example bench`

use std::sync::Arc;
use std::time::{Duration, Instant};

use minigo_runtime::{run_main, select, Chan, Config, SelectCase, WaitGroup};

fn main() {
    let cfg = Config::from_env();
    let procs = cfg.gomaxprocs;
    run_main(
        cfg,
        Box::new(move |g| {
            // 1. spawn + exit, waited for with a WaitGroup.
            let n = 1_000_000u64;
            let wg = Arc::new(WaitGroup::new());
            let t0 = Instant::now();
            for _ in 0..n {
                g.safepoint(); // the VM's loop back-edge
                wg.add(g, 1).unwrap();
                let wg = wg.clone();
                g.go(
                    Arc::from("main.f"),
                    Box::new(move |g| {
                        wg.done(g).unwrap();
                    }),
                );
            }
            wg.wait(g).unwrap();
            let spawn = t0.elapsed().as_nanos() as f64 / n as f64;

            // 2. select ping-pong: each side selects over {recv, never-ready recv}.
            let rounds = 300_000u64;
            let a: Chan<u64> = Chan::new(0);
            let b: Chan<u64> = Chan::new(0);
            let never: Chan<u64> = Chan::new(0);
            let (a2, b2, n2) = (a.clone(), b.clone(), never.clone());
            g.go(
                Arc::from("main.peer"),
                Box::new(move |g| {
                    while let Some((0, Some(v), true)) =
                        select(g, vec![SelectCase::Recv(&a2), SelectCase::Recv(&n2)], true)
                    {
                        if b2.send(g, v + 1).is_err() {
                            return;
                        }
                    }
                }),
            );
            let t0 = Instant::now();
            let mut x = 0;
            for _ in 0..rounds {
                a.send(g, x).unwrap();
                if let Some((0, Some(v), true)) = select(
                    g,
                    vec![SelectCase::Recv(&b), SelectCase::Recv(&never)],
                    true,
                ) {
                    x = v;
                }
            }
            let sel = t0.elapsed().as_nanos() as f64 / rounds as f64;

            // 3. buffered producer/consumer (cap 128).
            let items = 2_000_000u64;
            let c: Chan<u64> = Chan::new(128);
            let c2 = c.clone();
            g.go(
                Arc::from("main.producer"),
                Box::new(move |g| {
                    for i in 0..items {
                        c2.send(g, i).unwrap();
                    }
                    c2.close_g(g).unwrap();
                }),
            );
            let t0 = Instant::now();
            let mut sum = 0u64;
            while let (Some(v), true) = c.recv(g) {
                sum += v;
            }
            let buffered = t0.elapsed().as_nanos() as f64 / items as f64;
            assert_eq!(sum, items * (items - 1) / 2);

            // 4. 10,000 goroutines sleeping 1 ms at once.
            let sleepers = 10_000u64;
            let wg = Arc::new(WaitGroup::new());
            let t0 = Instant::now();
            for _ in 0..sleepers {
                g.safepoint();
                wg.add(g, 1).unwrap();
                let wg = wg.clone();
                g.go(
                    Arc::from("main.sleeper"),
                    Box::new(move |g| {
                        g.sleep(Duration::from_millis(1));
                        wg.done(g).unwrap();
                    }),
                );
            }
            wg.wait(g).unwrap();
            let sleep_all = t0.elapsed();

            println!(
                "GOMAXPROCS={procs} spawn+exit={spawn:.0}ns/goroutine select_pingpong={sel:.0}ns/round buffered_chan={buffered:.0}ns/item sleep_10k_1ms={:.1}ms",
                sleep_all.as_secs_f64() * 1e3
            );
        }),
    );
}
