#!/usr/bin/env bash
# Runs `deployplan generate` on a copy of each corpus set (the corpus is
# read-only): it must not fail or panic, and the plan must hold all 12 sections.
set -euo pipefail
corpus="${1:?usage: corpus_generate.sh CORPUS_DIR}"
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
cargo build --quiet --bin deployplan
bin="$CARGO_TARGET_DIR/debug/deployplan"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failed=0
for set in "$corpus"/*/; do
    name="$(basename "$set")"
    cp -r "$set" "$work/$name"
    chmod -R u+w "$work/$name"
    out="$work/$name-plan.md"
    if ! "$bin" generate "$work/$name" --out "$out" > "$work/$name.log" 2>&1; then
        echo "FAIL $name: generate exited non-zero"; cat "$work/$name.log"; failed=1; continue
    fi
    if grep -q "panicked" "$work/$name.log"; then
        echo "FAIL $name: panic"; cat "$work/$name.log"; failed=1; continue
    fi
    headings=$(grep -cE '^## ([0-9]|1[01])\. ' "$out" || true)
    if [ "$headings" -ne 12 ]; then
        echo "FAIL $name: $headings section headings, expected 12"; failed=1; continue
    fi
    echo "ok   $name: 12 sections, $(wc -l < "$out") lines"
done
exit $failed
