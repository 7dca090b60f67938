#!/usr/bin/env bash
# The one command that runs every test on a fresh machine: it installs the
# validators the tests call, then runs the whole suite. CI runs this too.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-validators.sh
echo "==> cargo test"
cargo test --locked
