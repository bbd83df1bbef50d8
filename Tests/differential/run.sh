#!/usr/bin/env bash
# Differential test of `cekura-lsp check` against the published test-suite JSON Schema:
# generates mutated suite files with a fixed seed, validates each with Python's jsonschema and
# compares the verdicts with the checker's (see compare.py for the rules of agreement).
#
#   Tests/differential/run.sh [--expect-failures]
#
# Arguments are passed to compare.py. CEKURA_LSP=path/to/cekura-lsp uses that binary instead of
# building one; DIFFERENTIAL_SEED and DIFFERENTIAL_COUNT change what is generated.
set -euo pipefail
cd "$(dirname "$0")/../.."

seed=${DIFFERENTIAL_SEED:-52810}
count=${DIFFERENTIAL_COUNT:-2000}
venv=.venv-differential
python=${PYTHON:-python3}
# Pinned; `pip index versions jsonschema` lists it (and .ci/setup-bench-peers pins the same).
jsonschema_version=4.26.0

if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv"
fi
if ! "$venv/bin/python" -c "from importlib.metadata import version; assert version('jsonschema') == '$jsonschema_version'" 2>/dev/null; then
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "jsonschema==$jsonschema_version"
fi

if [ -z "${CEKURA_LSP:-}" ]; then
    if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
        export PATH="/opt/swift/usr/bin:$PATH"
    fi
    swift build --product cekura-lsp
    CEKURA_LSP="$(swift build --show-bin-path)/cekura-lsp"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$venv/bin/python" Tests/differential/generate_suites.py --seed "$seed" --count "$count" "$work"
"$venv/bin/python" Tests/differential/compare.py --checker "$CEKURA_LSP" "$work" "$@"
