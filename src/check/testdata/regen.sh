#!/bin/sh
# Regenerate the expected compile errors of src/check/testdata/errors/*.go with real Go:
#   sh src/check/testdata/regen.sh [path/to/go]
# Each .err holds `go build`'s stderr without the `# command-line-arguments` header and with
# the `./` path prefix removed.
GO=${1:-/work/.go/bin/go}
cd "$(dirname "$0")/errors" || exit 1
for f in *.go; do
	"$GO" build -o /dev/null "$f" 2>&1 | grep -v '^#' | sed 's|\./||g' > "${f%.go}.err"
done
