#!/usr/bin/env bash
# Checks the exports as their users would: GraphML, GEXF and node-link JSON through networkx,
# the HTML page in headless Chromium, SVG/PNG through Graphviz, on the seed page and on the
# dev articles. Installs what it needs (idempotently) and exits non-zero on any failure.
#
#   bash .ci/exports.sh            (from the repository root, with shared/ beside it)
#
# Needs: Debian's graphviz, chromium, chromium-driver, fonts-noto-core; PyPI's networkx and
# selenium. Takes about a minute once those are installed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SHARED=${SHARED:-$ROOT/../shared}
SEED=$SHARED/seeds/000_7e43b818517bb974.txt
if [ ! -f "$SEED" ]; then
  echo "exports: $SEED is missing; shared/ must sit beside the repository" >&2
  exit 1
fi

# --- dependencies, installed only when missing
need_apt=()
command -v dot >/dev/null 2>&1 || need_apt+=(graphviz)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -x /usr/bin/chromedriver ] || need_apt+=(chromium-driver)
[ -d /usr/share/fonts/truetype/noto ] || need_apt+=(fonts-noto-core)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "exports: installing ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi
PY=${PYTHON:-python3}
if ! $PY -c 'import networkx, selenium; assert tuple(map(int, networkx.__version__.split(".")[:2])) >= (3, 4)' 2>/dev/null; then
  echo "exports: installing networkx and selenium from PyPI"
  $PY -m pip install -q "networkx>=3.4" "selenium>=4.10"
fi

# --- the Rust side, with Graphviz required so the picture checks cannot skip
cargo build --quiet
NEWSGRAPH_REQUIRE_DOT=1 cargo test --quiet --test exports

BIN=$ROOT/target/debug/newsgraph
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
mkdir -p "$OUT/rt"
build() { "$BIN" build "$@" 2>>"$OUT/build.log"; }

for view in full actors; do
  for ext in json graphml gexf; do
    build "$SEED" --view $view -o "$OUT/rt/seed-$view.$ext"
    build "$SHARED"/dev/articles/*.txt --view $view -o "$OUT/rt/dev-$view.$ext"
  done
done
for f in svg png; do
  build "$SEED" -o "$OUT/seed.$f"
  build "$SHARED"/dev/articles/*.txt --view actors -o "$OUT/dev-actors.$f"
done
build "$SHARED"/dev/articles/*.txt -o "$OUT/dev.svg"
build "$SEED" -o "$OUT/seed.html"
build "$SEED" --view actors -o "$OUT/seed-actors.html"
build "$SHARED"/dev/articles/*.txt -o "$OUT/dev.html"
build "$SHARED"/dev/articles/*.txt -o "$OUT/dev.csv" --format neo4j-csv
for f in "$OUT"/seed.svg "$OUT"/dev.svg "$OUT"/dev-actors.svg; do
  grep -q '<svg' "$f" || { echo "exports: $f is not an SVG" >&2; exit 1; }
done
for f in "$OUT"/seed.png "$OUT"/dev-actors.png; do
  [ "$(head -c 4 "$f" | tail -c 3)" = "PNG" ] || { echo "exports: $f is not a PNG" >&2; exit 1; }
done
[ -s "$OUT/dev.nodes.csv" ] && [ -s "$OUT/dev.edges.csv" ]

echo "== networkx round trip"
$PY tests/python/roundtrip.py "$OUT/rt"
echo "== HTML in headless Chromium: seed page, full view"
$PY tests/python/html_chromium.py "$OUT/seed.html"
echo "== HTML in headless Chromium: seed page, actors view"
$PY tests/python/html_chromium.py "$OUT/seed-actors.html" --expect-actors
echo "== HTML in headless Chromium: dev articles"
$PY tests/python/html_chromium.py "$OUT/dev.html" --only-load
echo "exports: all checks passed"
