#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates docs/screenshots/studio.png as a user would make it: starts the studio on the
# DGX SuperPOD template under Xvfb, drags catalog items onto the floor plan, selects a rack.
# Needs xvfb, xdotool and imagemagick. Usage: scripts/studio-screenshot.sh [OUT.png]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=$(realpath -m "${1:-$here/docs/screenshots/studio.png}")
export HOME=$(mktemp -d)  # fresh settings: no recent files, default docks
xvfb-run -a -s "-screen 0 1440x900x24" bash -s "$here" "$out" <<'INNER'
set -euo pipefail
cd "$1"
build/app/dcstudio --template dgx-superpod-h100-1su & pid=$!
xdotool search --sync --name "DC Studio" >/dev/null
sleep 2
drag() {  # from (x1,y1) to (x2,y2), in small steps so Qt sees a drag
  xdotool mousemove "$1" "$2" mousedown 1
  for i in 1 2 3 4 5 6 7 8; do
    xdotool mousemove $(( $1 + ($3 - $1) * i / 8 )) $(( $2 + ($4 - $2) * i / 8 )); sleep 0.1
  done
  xdotool mouseup 1; sleep 0.5
}
search() { xdotool mousemove 150 52 click --repeat 3 1 type --delay 20 "$1"; sleep 0.7; }
search "nvidia/dgx-b200"
drag 110 105 870 500
drag 110 105 905 500
search "nvidia/qm9790"
drag 110 105 940 500
search "nvidia/dgx-gb200-nvl72"
drag 110 105 700 540
drag 110 105 737 540
xdotool mousemove 601 316 click 1   # select rack A03
sleep 1
import -window root "$2"
kill $pid
INNER
echo "wrote $out"
