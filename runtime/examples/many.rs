//! Park N goroutines (default 100,000) on one channel, report the time to start them and
//! the resident memory per parked goroutine, then release them all with close.
//!
//! `cargo run --release -p minigo-runtime --example many [n]`

use std::sync::Arc;
use std::time::Instant;

use minigo_runtime::{run_main, Chan, Config};

fn rss_kib() -> u64 {
    status_kib("VmRSS:")
}

/// A `kB` line of /proc/self/status (VmRSS: resident memory; VmPTE: page tables, which
/// RSS does not count).
fn status_kib(key: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let cfg = Config::from_env();
    run_main(
        cfg,
        Box::new(move |g| {
            let before = rss_kib();
            let pte_before = status_kib("VmPTE:");
            let gate: Chan<()> = Chan::new(0);
            let done: Chan<()> = Chan::new(0);
            let t0 = Instant::now();
            for _ in 0..n {
                let (gt, d) = (gate.clone(), done.clone());
                g.go(
                    Arc::from("main.waiter"),
                    Box::new(move |g| {
                        gt.recv(g);
                        let _ = d.send(g, ());
                    }),
                );
            }
            // Let every goroutine run up to its park.
            while g.num_goroutine() > 1 && gate.cap() == 0 {
                g.gosched();
                if t0.elapsed().as_secs() > 60 {
                    break;
                }
                if g.num_goroutine() == n + 1 {
                    break;
                }
            }
            let spawn = t0.elapsed();
            // Spin until all are parked: each parked G shows up as a recvq entry; we just yield a while.
            for _ in 0..1000 {
                g.gosched();
            }
            let parked = rss_kib();
            let pte_parked = status_kib("VmPTE:");
            let t1 = Instant::now();
            gate.close_g(g).unwrap();
            for _ in 0..n {
                done.recv(g);
            }
            println!(
                "goroutines={n} spawn={:.1}ms rss_before={}KiB rss_parked={}KiB per_g={:.2}KiB page_tables_per_g={:.2}KiB release_all={:.1}ms",
                spawn.as_secs_f64() * 1e3,
                before,
                parked,
                (parked.saturating_sub(before)) as f64 / n as f64,
                (pte_parked.saturating_sub(pte_before)) as f64 / n as f64,
                t1.elapsed().as_secs_f64() * 1e3
            );
        }),
    );
}
