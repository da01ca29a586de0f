#!/usr/bin/env bash
# Runs every example and fails on the first error:
#   - the Python chart (examples/python/who_met_chart.py) on the seed graph and on the dev
#     articles graph, checking `newsgraph query top` against networkx on the way;
#   - each Rust example, `cargo run --example NAME`.
# Installs the Python requirements first (pip leaves satisfied ones alone, so it is idempotent).
# Without ../shared the graph parts are skipped with a message, except under CI=true.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
SHARED=${SHARED:-../shared}
SEED=$SHARED/seeds/000_7e43b818517bb974.txt
passed=0

"$PYTHON" -m pip install --quiet --disable-pip-version-check --root-user-action=ignore \
    -r examples/python/requirements.txt

cargo build --quiet
BIN=./target/debug/newsgraph
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

chart() { # NAME GRAPH_INPUTS...
    local name=$1
    shift
    "$BIN" build "$@" -o "$OUT/$name.json"
    "$BIN" query top -n 0 --json -g "$OUT/$name.json" >"$OUT/$name-top.json"
    "$PYTHON" examples/python/who_met_chart.py "$OUT/$name.json" "$OUT/$name.png" \
        --check-top "$OUT/$name-top.json"
    test -s "$OUT/$name.png" || { echo "examples: $name.png was not written" >&2; exit 1; }
    passed=$((passed + 1))
}

if [ -f "$SEED" ]; then
    chart seed "$SEED"
    chart dev "$SHARED"/dev/articles/*.txt
elif [ "${CI:-}" = true ]; then
    echo "examples: $SEED is missing, and CI=true" >&2
    exit 1
else
    echo "examples: SKIPPED the Python chart: $SEED is absent" >&2
fi

for ex in build_from_text who_met export; do
    echo "== cargo run --example $ex"
    if [ "$ex" = export ]; then
        cargo run --quiet --example "$ex" -- "$OUT/export"
    else
        cargo run --quiet --example "$ex"
    fi
    passed=$((passed + 1))
done

echo "examples: $passed passed, 0 failed"
