#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates the README screenshots as a user would make them: starts the studio on the DGX
# SuperPOD template under Xvfb and drives it with the mouse and keyboard (xdotool).
#   scripts/studio-screenshot.sh [studio|catalog-h100|catalog-item ID] [OUT.png]
#   studio        racks and an in-row cooler dragged onto the floor plan, rack A03 selected
#   catalog-h100  the catalog searched for "H100", a system selected with its sourced figures
#   catalog-item  the catalog searched for one item id and that item selected
# Needs xvfb, xdotool and imagemagick.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
scene=${1:-studio}
item=
if [ "$scene" = catalog-item ]; then
  item=${2:?"usage: $0 catalog-item ID [OUT.png]"}
  shift
fi
out=$(realpath -m "${2:-$here/docs/screenshots/$scene${item:+-${item//\//-}}.png}")
HOME=$(mktemp -d)  # fresh settings: no recent files, default docks
export HOME
xvfb-run -a -s "-screen 0 1440x900x24" bash -s "$here" "$out" "$scene" "$item" <<'INNER'
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
case "$3" in
  studio)
    search "nvidia/dgx-b200"
    drag 110 105 770 480
    drag 110 105 805 480
    search "nvidia/qm9790"
    drag 110 105 840 480
    search "stulz/cyberrow-crs560cw"
    drag 110 105 852 488
    search "nvidia/dgx-gb200-nvl72"
    drag 110 105 600 520
    drag 110 105 637 520
    xdotool mousemove 552 303 click 1   # select rack A03
    ;;
  catalog-h100)
    search "H100"
    xdotool mousemove 110 357 click 1   # NVIDIA DGX H100
    sleep 0.5
    ;;
  catalog-item)
    search "$4"
    xdotool mousemove 110 105 click 1   # the one item found, under its vendor and kind
    sleep 0.5
    ;;
esac
sleep 1
import -window root "$2"
kill $pid
INNER
echo "wrote $out"
