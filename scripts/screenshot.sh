#!/usr/bin/env bash
# Usage: scripts/screenshot.sh OUT.png [dcstudio args...]
# Starts the studio under a virtual X server, waits for it to draw, and saves the screen.
set -euo pipefail
out=$1; shift
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${DCSTUDIO_BIN:-$here/build/app/dcstudio}
xvfb-run -a -s "-screen 0 1440x900x24" bash -c '
  "$0" "${@:2}" & pid=$!
  sleep "${SHOT_DELAY:-4}"
  import -window root "$1"
  kill $pid' "$bin" "$out" "$@"
