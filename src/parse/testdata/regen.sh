#!/bin/sh
# Regenerates the golden .err files: every error line Go prints for each .go file (cmd/compile
# reports all syntax errors of a file, one per line, at most 10 then `too many errors`).
# Usage: sh src/parse/testdata/regen.sh  (needs a Go toolchain; GO defaults to /work/.go/bin/go)
GO=${GO:-/work/.go/bin/go}
cd "$(dirname "$0")/errors" || exit 1
for f in *.go; do
	"$GO" build -o /dev/null "$f" 2>&1 | grep -v '^#' | sed 's|^\./||' > "${f%.go}.err"
done
