#!/usr/bin/env bash
# Plan substance: for each set with an expert answer key in ../shared/plan-keys,
# generate the plan with defaults (on a copy of the set), score it with
# ../shared/tools/plan-substance.py, and compare with the gates in
# .ci/plan_substance_gates.json:
#   * the issue's bars (PSS >= 0.75, no junk line, boilerplate <= 35 %) are
#     printed as MET / NOT MET for each set — they are the goal, not yet the gate;
#   * the ratchet (per set: the lowest PSS, the most junk lines and the largest
#     boilerplate share we accept) fails the run, so no change makes a plan worse.
#     Raise it when a change improves a set; never lower it to let a change land.
# Usage: .ci/plan_substance.sh SHARED_DIR [--verbose]
set -euo pipefail
SHARED="${1:?usage: plan_substance.sh SHARED_DIR}"
shift || true
BIN="${DEPLOYPLAN_BIN:?set DEPLOYPLAN_BIN to the deployplan binary}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
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
python3 "$SHARED/tools/plan-substance.py" "$WORK/plans" "$SHARED/plan-keys" "$@" | tee "$WORK/score.txt"
python3 "$HERE/plan_substance_gate.py" "$HERE/plan_substance_gates.json" "$WORK/score.txt"
