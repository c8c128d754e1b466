#!/usr/bin/env bash
# Install everything eakit needs on a Debian machine, idempotently:
#   system: Graphviz `dot`, Noto fonts with Vietnamese glyphs (and, with --test, Chromium +
#           ChromeDriver for the browser tests, LibreOffice Calc and Writer and poppler-utils
#           to convert the workbook and the report document to PDF and read them back);
#   Python: a virtual environment in .venv with eakit and its dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[[ "${1:-}" == "--test" ]] && want_test=1

missing=()
command -v dot >/dev/null 2>&1 || missing+=(graphviz)
# `grep -q` would stop reading early and, under pipefail, fail the pipe on fc-list's SIGPIPE.
has_font() { fc-list 2>/dev/null | grep -i "$1" >/dev/null; }
has_font "NotoSans-Regular" || missing+=(fonts-noto-core)
command -v fc-list >/dev/null 2>&1 || missing+=(fontconfig)
if [[ $want_test == 1 ]]; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
  command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui libreoffice-writer-nogui)
  command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
  # Metric-compatible Times New Roman, so the report document prints as in Word.
  has_font "LiberationSerif" || missing+=(fonts-liberation2)
fi
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]} with apt" >&2
  sudo_cmd=()
  [[ $(id -u) != 0 ]] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

python=${PYTHON:-python3}
if [[ ! -x .venv/bin/python ]]; then
  "$python" -m venv .venv
fi
stamp=.venv/.eakit-installed
digest=$(sha256sum pyproject.toml | cut -c1-16)
if [[ ! -f $stamp || "$(cat "$stamp")" != "$digest" ]]; then
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -e ".[dev]"
  echo "$digest" >"$stamp"
fi
