#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates the README screenshots as a user would make them: starts the studio on the DGX
# SuperPOD template under Xvfb and drives it with the mouse and keyboard (xdotool).
#   scripts/studio-screenshot.sh [studio|catalog-h100|catalog-item ID|power|feed-a] [OUT.png]
#   studio        racks and an in-row cooler dragged onto the floor plan, rack A03 selected
#   catalog-h100  the catalog searched for "H100", a system selected with its sourced figures
#   catalog-item  the catalog searched for one item id and that item selected
#   power         rack A01 selected, the Rack Power panel (PDUs, legs, feeds, PSUs)
#   feed-a        the same with feed A failed: the Failure overlay and the verdict list
#   gb200-cooling the DGX SuperPOD GB200 SU, Cooling overlay, rack A01 in Rack Cooling, the loops
#   heatmap       the H100 SU with the Heat map overlay and the Cooling Charts
#   new-from-template  File ▸ New from Template with the DGX SuperPOD H100 4-SU chosen
#   fabric        the H100 4-SU: compute (N01-N03, 4 UFM ports) and storage (N04) fabrics added in
#                 the Fabric panel, the Fabric overlay, the compute fabric's counts and placement
#                 suggestion (written to fabric-4su.png)
#   workloads     the H100 4-SU with a training pool (rows A and B, Slurm) running Llama 2 70B
#                 pre-training and an inference pool (rows C and D, Kubernetes) serving Llama 3
#                 70B in FP8: the pools on the floor plan, the Workloads dock with the training
#                 run's checks (written to workloads-4su.png)
#   workloads-charts  the same with the Charts tab: the training run's time to train against
#                 GPUs (workloads-4su-charts.png)
#   workloads-cost    the same with the inference workload's cost per million tokens by
#                 precision (workloads-4su-cost.png)
# Needs xvfb, xdotool and imagemagick.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
scene=${1:-studio}
item=
if [ "$scene" = catalog-item ]; then
  item=${2:?"usage: $0 catalog-item ID [OUT.png]"}
  shift
fi
default=$scene${item:+-${item//\//-}}
[ "$scene" = fabric ] && default=fabric-4su
[ "$scene" = workloads ] && default=workloads-4su
[ "$scene" = workloads-charts ] && default=workloads-4su-charts
[ "$scene" = workloads-cost ] && default=workloads-4su-cost
out=$(realpath -m "${2:-$here/docs/screenshots/$default.png}")
HOME=$(mktemp -d)  # fresh settings: no recent files, default docks
export HOME
if [ "${scene%%-*}" = workloads ]; then
  # The 4-SU template with the scene's two pools and their workloads, as a template file.
  python3 - "$here/templates/dgx-superpod-h100-4su.json" "$HOME/workloads-4su.json" <<'PY'
import json, sys
design = json.load(open(sys.argv[1]))
hall = design["halls"][0]
racks = lambda *rows: [f"{row}{n:02d}" for row in rows for n in range(1, 9)]
llama2 = {"parameters": 70e9, "layers": 80, "hiddenSize": 8192, "ffnSize": 28672, "heads": 64,
          "kvHeads": 8, "vocabSize": 32000, "sequenceLength": 4096}  # Touvron et al. 2023
llama3 = dict(llama2, parameters=70.6e9, vocabSize=128256, sequenceLength=8192)  # model card
hall["pools"] = [
    {"name": "Training pool", "scheduler": "slurm", "colourIndex": 0, "racks": racks("A", "B")},
    {"name": "Inference pool", "scheduler": "kubernetes", "colourIndex": 1,
     "racks": racks("C", "D")}]
hall["workloads"] = [
    {"pool": "Training pool", "name": "Llama 2 70B pre-training", "kind": "training",
     "model": llama2, "precision": "bf16", "tokens": 2e12, "targetDays": 60,
     "recompute": "selective"},
    {"pool": "Inference pool", "name": "Llama 3 70B chat", "kind": "inference",
     "model": llama3, "precision": "fp8", "promptTokens": 2048, "outputTokens": 256,
     "requestsPerSecond": 20, "ttftTargetS": 2, "tpotTargetS": 0.05}]
json.dump(design, open(sys.argv[2], "w"), indent=1)
PY
fi
xvfb-run -a -s "-screen 0 1440x900x24" bash -s "$here" "$out" "$scene" "$item" <<'INNER'
set -euo pipefail
cd "$1"
template=dgx-superpod-h100-1su
[ "$3" = gb200-cooling ] && template=dgx-superpod-gb200-1su
[ "$3" = fabric ] && template=dgx-superpod-h100-4su
[ "${3%%-*}" = workloads ] && template=$HOME/workloads-4su.json
build/app/dcstudio --template "$template" & pid=$!
xdotool search --sync --name "DC Studio" >/dev/null
sleep 2
drag() {  # from (x1,y1) to (x2,y2), in small steps so Qt sees a drag
  xdotool mousemove "$1" "$2" mousedown 1
  for i in 1 2 3 4 5 6 7 8; do
    xdotool mousemove $(( $1 + ($3 - $1) * i / 8 )) $(( $2 + ($4 - $2) * i / 8 )); sleep 0.1
  done
  xdotool mouseup 1; sleep 0.5
}
search() { xdotool mousemove 150 82 click --repeat 3 1 type --delay 20 "$1"; sleep 0.7; }
overlay() {  # the toolbar's Overlay combo, $1 entries down from Power (kW)
  xdotool mousemove 118 33 click 1; sleep 0.5
  for _ in $(seq "$1"); do xdotool key Down; done
  xdotool key Return; sleep 1.5
}
case "$3" in
  studio)
    search "nvidia/dgx-b200"            # two B200 racks at the end of row B
    drag 110 135 608 369
    drag 110 135 641 369
    search "nvidia/qm9790"              # a switch into the second one
    drag 110 135 641 369
    search "stulz/cyberrow-crs560cw"    # an in-row cooler closing the row
    drag 110 135 670 369
    search "nvidia/dgx-gb200-nvl72"     # two NVL72 racks continuing row A
    drag 110 135 754 268
    drag 110 135 780 268
    xdotool mousemove 556 268 click 1   # select rack A03
    ;;
  power)
    xdotool mousemove 489 268 click 1   # rack A01
    sleep 0.5
    xdotool mousemove 1092 864 click 1  # the Rack Power tab
    ;;
  feed-a)
    xdotool mousemove 489 268 click 1
    sleep 0.5
    xdotool mousemove 1092 864 click 1
    sleep 0.5
    xdotool mousemove 380 33 click 1    # Failure scenario ▸ Feed A lost
    sleep 0.7
    xdotool mousemove 327 56 click 1
    sleep 1
    ;;
  gb200-cooling)
    overlay 3                           # Cooling
    xdotool mousemove 601 267 click 1   # rack A01
    sleep 0.5
    xdotool mousemove 1172 863 click 1  # the Rack Cooling tab
    sleep 0.5
    xdotool mousemove 540 863 click 1   # the Cooling Loops tab
    sleep 1
    ;;
  heatmap)
    overlay 5                           # Heat map
    xdotool mousemove 1350 863 click 1  # the Cooling Charts tab
    sleep 1
    ;;
  new-from-template)
    xdotool mousemove 19 8 click 1; sleep 0.5; xdotool key Down Down Return; sleep 2
    xdotool type --delay 30 "DGX SuperPOD H100 — 4"; sleep 1   # keyboard search in the list
    ;;
  fabric)
    xdotool mousemove 1418 862 click 1; sleep 1   # the Fabric tab
    drag 984 400 850 400                          # a wider right dock for the schedule
    for _ in 1 2 3 4; do                          # close the bottom docks: room for the plan
      xdotool mousemove 839 697 click 1; sleep 0.4
    done
    xdotool mousemove 272 58 click 1; sleep 0.5   # and the catalog
    # The template carries its four fabrics (compute, storage, in-band, out-of-band).
    overlay 6                                     # Fabric (trays and cables)
    xdotool mousemove 880 127 click 1; sleep 0.5  # the compute fabric
    xdotool mousemove 1065 245 click 1; sleep 3   # Suggest position
    xdotool mousemove 400 400 key ctrl+0; sleep 1 # Zoom to Fit with the fabric legend
    xdotool mousemove 700 880                     # the pointer off the drawing
    ;;
  workloads | workloads-charts | workloads-cost)
    xdotool mousemove 150 8 click 1; sleep 0.5    # Analysis ▸ Workloads
    xdotool key Down Return; sleep 1
    drag 984 400 850 400                          # a wider right dock for the charts
    for _ in 1 2 3 4; do                          # close the bottom docks: room for the plan
      xdotool mousemove 839 697 click 1; sleep 0.4
    done
    xdotool mousemove 272 58 click 1; sleep 0.5   # and the catalog
    xdotool mousemove 400 400 key ctrl+0; sleep 1 # Zoom to Fit
    if [ "$3" = workloads-cost ]; then
      xdotool mousemove 933 287 click 1; sleep 0.5  # the inference workload
    fi
    if [ "$3" != workloads ]; then
      xdotool mousemove 929 395 click 1; sleep 1    # the Charts tab
    fi
    xdotool mousemove 700 880                     # the pointer off the drawing
    ;;
  catalog-item)
    search "$4"
    xdotool mousemove 110 135 click 1   # the one item found, under its vendor and kind
    sleep 0.5
    ;;
esac
sleep 1
import -window root "$2"
kill $pid
INNER
echo "wrote $out"
