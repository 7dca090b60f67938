#!/usr/bin/env bash
# Checks HTML files with the Nu HTML Checker (npm's vnu-jar, run on the
# machine's Java). Prints every error and exits non-zero if there is any.
# Usage: tests/validators/vnu.sh FILE...
set -euo pipefail
if [ "$#" -eq 0 ]; then
    echo "usage: $0 FILE..." >&2
    exit 2
fi
jar="$(cd "$(dirname "$0")" && pwd)/node_modules/vnu-jar/build/dist/vnu.jar"
if [ ! -f "$jar" ]; then
    echo "vnu.sh: $jar missing: run scripts/install-validators.sh" >&2
    exit 2
fi
# vnu itself reports a missing file as "No errors found".
for f in "$@"; do
    if [ ! -f "$f" ]; then
        echo "vnu.sh: $f: no such file" >&2
        exit 1
    fi
done
# vnu exits 1 when it reports an error; its report goes to stderr.
if java -jar "$jar" --errors-only --format text "$@" 2>&1; then
    echo "vnu: $# file(s) checked, 0 errors"
else
    status=$?
    echo "vnu: errors found (exit $status)" >&2
    exit 1
fi
