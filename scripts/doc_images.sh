#!/usr/bin/env bash
# Renders the pictures of docs/exports.md from the seed page into docs/img/:
# the full DOT view, the actors view, and a screenshot of the HTML page in headless Chromium.
# Needs what .ci/exports.sh installs; Pillow (if present) shrinks the PNGs to a palette.
set -euo pipefail
cd "$(dirname "$0")/.."
SEED=${SEED:-../shared/seeds/000_7e43b818517bb974.txt}
OUT=docs/img
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cargo build --quiet
BIN=target/debug/newsgraph
mkdir -p "$OUT"
"$BIN" build "$SEED" -o "$TMP/full.dot" 2>/dev/null
"$BIN" build "$SEED" --view actors -o "$TMP/actors.dot" 2>/dev/null
"$BIN" build "$SEED" -o "$TMP/seed.html" 2>/dev/null
dot -Tpng -Gdpi=64 "$TMP/full.dot" -o "$OUT/seed-full.png"
dot -Tpng -Gdpi=80 "$TMP/actors.dot" -o "$OUT/seed-actors.png"
python3 tests/python/html_chromium.py "$TMP/seed.html" --only-load --height 1000 \
  --select "بوتين=event:meet:2023-09-20:4dec66fba5" --screenshot "$OUT/seed-html.png" >/dev/null
python3 - "$OUT"/seed-*.png <<'PY' || echo "doc_images: Pillow missing, PNGs left as drawn"
import sys
from PIL import Image
for path in sys.argv[1:]:
    Image.open(path).convert("RGB").quantize(colors=128).save(path, optimize=True)
PY
ls -l "$OUT"
