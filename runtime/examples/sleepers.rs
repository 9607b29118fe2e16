//! A few goroutines sleeping and talking over a channel; run with
//! `GODEBUG=schedtrace=10,scheddetail=1` to see the scheduler trace.

use std::sync::Arc;
use std::time::Duration;

use minigo_runtime::{run_main, Chan, Config};

fn main() {
    run_main(
        Config::from_env(),
        Box::new(|g| {
            let c: Chan<i32> = Chan::new(0);
            let c2 = c.clone();
            g.go(
                Arc::from("main.main.func1"),
                Box::new(move |g| {
                    g.sleep(Duration::from_millis(15));
                    let _ = c2.send(g, 1);
                }),
            );
            let _ = c.recv(g);
        }),
    );
}
