#!/bin/bash
# Renders every example (its own template and each built-in one, every format) and every sign-in sheet into DIR, so that
# two checkouts' outputs compare byte for byte: `diff -r DIR1 DIR2` (a refactoring must leave them equal).
# Usage: bash scripts/snapshot-outputs.sh DIR   (after npm run build)
set -euo pipefail
out=${1:?usage: bash scripts/snapshot-outputs.sh DIR}
here=$(cd "$(dirname "$0")/.." && pwd)
clu="$here/bin/clu"
rm -rf "$out"; mkdir -p "$out"
export SOURCE_DATE_EPOCH=1700000000
cd "$here"
for meeting in $(find examples -name '*.yaml' ! -name '*.composition.yaml' ! -name '*.organisation.yaml' | sort); do
  # "own": the template the meeting names (style.modele), else the default.
  for template in own compte-rendu proces-verbal; do
    dir="$out/$template/$(dirname "$meeting")"
    mkdir -p "$dir"
    option=(); [ "$template" = own ] || option=(--template "$template")
    node "$clu" render -q "${option[@]}" --format docx,pdf,md -o "$dir" "$meeting" >/dev/null || echo "render failed: $meeting ($template)" >&2
  done
  dir="$out/sheet/$(dirname "$meeting")"
  mkdir -p "$dir"
  node "$clu" roster -q --sheet -o "$dir" "$meeting" >/dev/null || echo "sheet failed: $meeting" >&2
done
for composition in $(find examples -name '*.composition.yaml' | sort); do
  dir="$out/sheet-composition/$(dirname "$composition")"
  mkdir -p "$dir"
  node "$clu" roster -q --sheet --date 2026-01-15 --heure 14h30 --lieu Mairie -o "$dir" "$composition" >/dev/null || echo "sheet failed: $composition" >&2
done
find "$out" -type f | wc -l | xargs echo "files:"
