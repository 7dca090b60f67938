#!/usr/bin/env bash
# Installs the independent validators the tests use, from the package
# registries: Python's jsonschema (and a YAML 1.2 reader for it).
# Safe to run again: already installed packages are kept.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> Python validators (tests/validators/requirements.txt)"
python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore \
    -r tests/validators/requirements.txt
