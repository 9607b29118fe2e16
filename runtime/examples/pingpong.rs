//! Ping-pong of 1,000,000 round trips over two unbuffered channels between two
//! goroutines (GOMAXPROCS from the environment). Prints the time per round trip.
//!
//! `cargo run --release -p minigo-runtime --example pingpong [rounds]`

use std::sync::Arc;
use std::time::Instant;

use minigo_runtime::{run_main, Chan, Config};

fn main() {
    let rounds: u64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let cfg = Config::from_env();
    let procs = cfg.gomaxprocs;
    run_main(
        cfg,
        Box::new(move |g| {
            let ping: Chan<u64> = Chan::new(0);
            let pong: Chan<u64> = Chan::new(0);
            let (pi, po) = (ping.clone(), pong.clone());
            g.go(
                Arc::from("main.pong"),
                Box::new(move |g| loop {
                    match pi.recv(g) {
                        (Some(v), true) => {
                            if po.send(g, v + 1).is_err() {
                                return;
                            }
                        }
                        _ => return,
                    }
                }),
            );
            let t0 = Instant::now();
            let mut x = 0;
            for _ in 0..rounds {
                if ping.send(g, x).is_err() {
                    break;
                }
                x = pong.recv(g).0.unwrap_or(0);
                g.safepoint();
            }
            let dt = t0.elapsed();
            println!(
                "GOMAXPROCS={procs} rounds={rounds} total={:.3}s per_round_trip={:.0}ns (x={x})",
                dt.as_secs_f64(),
                dt.as_nanos() as f64 / rounds as f64
            );
        }),
    );
}
