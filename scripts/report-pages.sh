#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates the README's pictures of the design report: the DGX SuperPOD H100 4-SU template
# exported to PDF by the CLI, chosen pages turned into PNGs with pdftoppm (poppler-utils); the
# workload-fit section's inference page from the 1-SU template (which serves a model).
#   scripts/report-pages.sh [OUT_DIR]     (default docs/screenshots; the build must exist)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=$(realpath -m "${1:-$here/docs/screenshots}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cli="$here/build/app/dcstudio-cli"
"$cli" new --template dgx-superpod-h100-4su -o "$work/4su.dcstudio" >/dev/null
"$cli" export-pdf "$work/4su.dcstudio" -o "$work/report.pdf" --revision A \
  --author "DC Studio reference designs" 2>/dev/null
cp "$work/report.pdf" "$out/report-4su.pdf"
"$cli" new --template dgx-superpod-h100-1su -o "$work/1su.dcstudio" >/dev/null
"$cli" export-pdf "$work/1su.dcstudio" -o "$work/report-1su.pdf" --revision A \
  --author "DC Studio reference designs" 2>/dev/null
# The first page whose text matches: the section's first sheet. pdftotext writes the font's
# ligatures as such ("ﬁt"), so a pattern should avoid "fi" and "fl".
page_of() {  # PATTERN [PDF]
  pdf=${2:-$work/report.pdf}
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  for p in $(seq 1 "$pages"); do
    # Read the page whole first: grep -q would stop the pipe early (pipefail).
    text=$(pdftotext -layout -f "$p" -l "$p" "$pdf" -)
    if grep -q -- "$1" <<<"$text"; then
      echo "$p"; return
    fi
  done
  echo "no page matches '$1'" >&2; exit 1
}
shot() {  # NAME PAGE DPI [PDF]
  pdftoppm -r "$3" -png -f "$2" -l "$2" -singlefile "${4:-$work/report.pdf}" "$out/report-$1"
  echo "wrote $out/report-$1.png (page $2)"
}
shot cover 1 60
shot summary "$(page_of 'IT power at peak')" 60
shot floor-plan "$(page_of 'rack power')" 50
shot elevations "$(page_of 'Front elevations')" 50
shot single-line "$(page_of 'single-line diagram')" 50
shot cooling-schematic "$(page_of 'cooling-loop schematic')" 50
shot power-schedule "$(page_of 'Power schedule: racks')" 60
shot readiness "$(page_of 'Long-lead items')" 60
shot findings "$(page_of 'Findings of the analysis')" 60
shot fabric-topology "$(page_of 'Compute fabric: topology')" 50
shot fabric "$(page_of 'Compute fabric: counts per tier')" 60
shot workload-pools "$(page_of 'Racks serving each pool')" 60
shot workload-training "$(page_of 'checks against the design')" 60
shot workload-inference "$(page_of 'checks against the design' "$work/report-1su.pdf")" 60 \
  "$work/report-1su.pdf"
