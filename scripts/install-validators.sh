#!/usr/bin/env bash
# Installs the independent validators the tests use, from the package
# registries only (Debian, npm, PyPI; nothing else is downloaded):
#   - Debian's chromium (for axe-core through playwright-core, and for
#     samskap's own PDF printing), a Java runtime (for the Nu HTML Checker),
#     pandoc (reads the Word files), poppler-utils (pdftotext reads the
#     PDFs) and man-db (renders the manual pages), only when missing;
#   - npm: vnu-jar, axe-core, playwright-core, exactly as
#     tests/validators/package-lock.json pins them (install scripts are
#     skipped: vnu-jar's would download a JDK, and no browser is fetched);
#   - Python: tests/validators/requirements.txt (jsonschema, ruamel.yaml,
#     icalendar, python-docx).
# Safe to run again, and quiet and fast when everything is already there.
# Any failed install stops the script with a non-zero exit (set -e).
set -euo pipefail
cd "$(dirname "$0")/.."

V=tests/validators

# --- Debian packages: chromium, Java, pandoc, poppler (only when missing) --
apt_pkgs=()
[ -x /usr/bin/chromium ] || apt_pkgs+=(chromium)
command -v java >/dev/null 2>&1 || apt_pkgs+=(default-jre-headless)
command -v pandoc >/dev/null 2>&1 || apt_pkgs+=(pandoc)
command -v pdftotext >/dev/null 2>&1 || apt_pkgs+=(poppler-utils)
# man-db renders the manual pages `samskap man` writes (tests/check_json.rs).
command -v man >/dev/null 2>&1 || apt_pkgs+=(man-db)
if [ "${#apt_pkgs[@]}" -gt 0 ]; then
    echo "==> apt-get install ${apt_pkgs[*]}"
    as_root=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || {
            echo "install-validators: need root or sudo to install ${apt_pkgs[*]}" >&2
            exit 1
        }
        as_root=(sudo)
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt_log=$(mktemp)
    if ! { "${as_root[@]}" apt-get update -qq &&
        "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${apt_pkgs[@]}"; } \
        >"$apt_log" 2>&1; then
        cat "$apt_log" >&2
        echo "install-validators: apt-get install ${apt_pkgs[*]} failed" >&2
        exit 1
    fi
    rm -f "$apt_log"
fi

# --- npm: vnu-jar, axe-core, playwright-core (from package-lock.json) ------
stamp="$V/node_modules/.samskap-lock-stamp"
if ! cmp -s "$V/package-lock.json" "$stamp" 2>/dev/null; then
    echo "==> npm ci ($V)"
    (cd "$V" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
    cp "$V/package-lock.json" "$stamp"
fi

# --- Python validators (a no-op taking ~1 s when all are installed) -------
python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore \
    -r "$V/requirements.txt"

# --- What was found --------------------------------------------------------
jar="$V/node_modules/vnu-jar/build/dist/vnu.jar"
[ -f "$jar" ] || { echo "install-validators: $jar missing" >&2; exit 1; }
echo "==> validators: java $(java -version 2>&1 | sed -n '1s/.*version "\([^"]*\)".*/\1/p')," \
    "$(/usr/bin/chromium --version 2>/dev/null | sed -n 1p)," \
    "node $(node --version)," \
    "vnu $(java -jar "$jar" --version 2>&1 | sed -n 1p)," \
    "icalendar $(python3 -c 'import icalendar; print(icalendar.__version__)')," \
    "$(pandoc --version | sed -n 1p)," \
    "pdftotext $(pdftotext -v 2>&1 | sed -n '1s/[^0-9.]*//p')," \
    "python-docx $(python3 -c 'import docx; print(docx.__version__)')"
