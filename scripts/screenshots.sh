#!/usr/bin/env bash
# Regenerates docs/screenshots/<view>-<theme>.png (every view, light and dark)
# from the end-to-end run: builds the UI and the app with its test hooks, runs
# tests/e2e/screenshots.test.mjs under Xvfb at 1280x800, and shrinks the PNGs
# with pngquant. Safe to re-run; views no longer photographed are removed.
#
#   scripts/screenshots.sh          # into docs/screenshots
#   scripts/screenshots.sh DIR      # somewhere else (relative to the repository)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

OUT="${1:-docs/screenshots}"

ensure_apt_packages "${APT_PACKAGES[@]}" pngquant
ensure_ui_dependencies
ensure_tauri_driver
cd "$REPO"

build_ui
log "building the app with its test hooks"
cargo build -p deployplan-app --features e2e

# Only the generated files go: hand-made pictures in the folder stay.
mkdir -p "$OUT"
find "$OUT" -maxdepth 1 \( -name '*-light.png' -o -name '*-dark.png' \) -delete

log "photographing every view (real app under Xvfb)"
DEPLOYPLAN_APP_BINARY="$CARGO_TARGET_DIR/debug/deployplan-app" DEPLOYPLAN_SCREENSHOT_DIR="$OUT" \
    xvfb-run -a -s "-screen 0 1280x800x24" node --test --test-concurrency=1 tests/e2e/screenshots.test.mjs

log "compressing"
# 256 colours at high quality: text and diagrams stay crisp, files shrink ~3x.
pngquant --force --skip-if-larger --quality 80-100 --strip --ext .png "$OUT"/*-light.png "$OUT"/*-dark.png || true
du -ch "$OUT"/*-light.png "$OUT"/*-dark.png | tail -1
