#!/usr/bin/env bash
# Plan substance: for each set with an expert answer key in ../shared/plan-keys,
# generate the plan with defaults (on a copy of the set) and score it with
# ../shared/tools/plan-substance.py. Fails below the bars in .ci/plan_substance_bars.
# Usage: .ci/plan_substance.sh SHARED_DIR [--verbose]
set -euo pipefail
SHARED="${1:?usage: plan_substance.sh SHARED_DIR}"
shift || true
BIN="${DEPLOYPLAN_BIN:?set DEPLOYPLAN_BIN to the deployplan binary}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/plans"
for key in "$SHARED"/plan-keys/*.json; do
    set_name="$(basename "$key" .json)"
    cp -r "$SHARED/corpus/$set_name" "$WORK/$set_name"
    chmod -R u+w "$WORK/$set_name"
    rm -f "$WORK/$set_name/expected-facts.json"
    "$BIN" generate "$WORK/$set_name" --out "$WORK/plans/$set_name.md" >/dev/null
done
python3 "$SHARED/tools/plan-substance.py" "$WORK/plans" "$SHARED/plan-keys" "$@"
