#!/usr/bin/env bash
# Differential check of minigo against Go's own test suite (the `// run` programs of Go 1.19's
# test/ tree), compared with what real Go prints for the same programs.
#
#   scripts/gotest-suite.sh                          # every selected program
#   scripts/gotest-suite.sh --only-supported         # only programs whose imports minigo claims
#   scripts/gotest-suite.sh fixedbugs/bug123.go ...  # just these (paths relative to test/, or absolute)
#
# Setup (cached, so reruns are fast):
#   - Go's test tree comes from Debian's golang-1.19-src package, downloaded with
#     `apt-get download` (a /tmp/golang-1.19-src*.deb is reused when present) and unpacked with
#     `dpkg-deb -x` into the cache dir ${MINIGO_GOTEST_CACHE:-$HOME/.cache/minigo-gotest}.
#     Nothing of Go's test tree is ever copied into the repository.
#   - Real Go is the toolchain scripts/install-go.sh installs (REPO/.go); $GO overrides it.
#   - minigo is REPO/target/release/minigo; $MINIGO overrides it. This script never builds it.
#
# Each program is built with real Go (GO111MODULE=off, GOTOOLCHAIN=local, GOFLAGS empty) and run
# twice (10 s timeout); programs that fail to build, time out or give two different results are
# dropped. Go's results are cached per file (keyed by path, file hash and Go version). minigo
# then runs each program (`minigo run FILE` in the file's directory, 10 s timeout, 2 in
# parallel), and its combined stdout+stderr and exit code are compared with Go's. For exit code 2
# (panics, fatal errors) the traceback part is filtered as tests/corpus does (frame lines and
# addresses dropped).
#
# Output: pass counts per directory and per class (supported = imports only packages minigo
# claims), then the failures of the supported class grouped by the first differing line of
# minigo's output (positions normalised to F.go:N), or "exit code X vs Y (minigo vs go)",
# "timeout", "signal N". A TSV (path, class, status, first-diff-line) is written to
# CACHE/results.tsv, and the outputs of failing programs to CACHE/failures/.
#
# Exits 0 whatever the failures; nonzero only when setup fails.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${MINIGO_GOTEST_CACHE:-$HOME/.cache/minigo-gotest}"
mkdir -p "$cache"
cache="$(cd "$cache" && pwd)"

case "$cache/" in
    "$repo"/*) echo "gotest-suite: the cache dir $cache is inside the repository; set MINIGO_GOTEST_CACHE elsewhere" >&2; exit 1 ;;
esac

# --- Go's test tree --------------------------------------------------------------------------
src="$cache/golang-1.19-src"
testdir="$src/usr/share/go-1.19/test"

extract() { # extract DEB: unpack into $src; fails if the .deb is broken
    local deb="$1"
    rm -rf "$src.tmp"
    mkdir -p "$src.tmp"
    if dpkg-deb -x "$deb" "$src.tmp" && [ -d "$src.tmp/usr/share/go-1.19/test" ]; then
        rm -rf "$src"
        mv "$src.tmp" "$src"
        return 0
    fi
    rm -rf "$src.tmp"
    return 1
}

if [ ! -d "$testdir" ]; then
    done_extract=0
    for deb in "$cache"/golang-1.19-src_*.deb /tmp/golang-1.19-src*.deb; do
        [ -f "$deb" ] || continue
        echo "gotest-suite: unpacking $deb" >&2
        if extract "$deb"; then done_extract=1; break; fi
        echo "gotest-suite: $deb is broken, ignoring it" >&2
        case "$deb" in "$cache"/*) rm -f "$deb" ;; esac
    done
    if [ "$done_extract" = 0 ]; then
        echo "gotest-suite: downloading golang-1.19-src with apt-get" >&2
        if ! (cd "$cache" && apt-get download golang-1.19-src >&2); then
            apt-get update >&2
            (cd "$cache" && apt-get download golang-1.19-src >&2)
        fi
        deb="$(ls -t "$cache"/golang-1.19-src_*.deb 2>/dev/null | head -n1)"
        if [ -z "$deb" ] || ! extract "$deb"; then
            echo "gotest-suite: could not get and unpack golang-1.19-src" >&2
            exit 1
        fi
    fi
fi

# --- real Go -----------------------------------------------------------------------------------
if [ -n "${GO:-}" ]; then
    go_bin="$GO"
else
    go_bin="$("$repo/scripts/install-go.sh" | tail -n1)"
fi
if ! GOTOOLCHAIN=local "$go_bin" version >/dev/null 2>&1; then
    echo "gotest-suite: no working Go toolchain at '$go_bin'" >&2
    exit 1
fi

# --- minigo ------------------------------------------------------------------------------------
minigo="${MINIGO:-$repo/target/release/minigo}"
if [ ! -x "$minigo" ]; then
    echo "gotest-suite: no minigo binary at $minigo (build it with cargo build --release, or set MINIGO)" >&2
    exit 1
fi

exec python3 "$repo/scripts/gotest-suite.py" \
    --testdir "$testdir" --cache "$cache" --go "$go_bin" --minigo "$minigo" "$@"
