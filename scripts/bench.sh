#!/usr/bin/env bash
# Benchmark minigo against real Go (and Python/Lua twins where present) on benches/.
# Prints median wall times, ratios to compiled Go, CPU and max RSS (benches/run.sh).
#
#   scripts/bench.sh                 every benchmark
#   scripts/bench.sh cpu_fib conc_ring
#   RUNS=3 SYSTEMS="go minigo" scripts/bench.sh
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
bash scripts/install-go.sh >/dev/null
command -v time >/dev/null || [ -x /usr/bin/time ] || apt-get install -y time >/dev/null
cargo build --release --quiet
export GO_BIN_DIR="$ROOT/.go/bin"
export MINIGO="$ROOT/target/release/minigo run"
export RUNS=${RUNS:-3}
exec bash benches/run.sh table "$@"
