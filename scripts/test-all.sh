#!/usr/bin/env bash
# Runs every test: Rust unit and integration tests, UI unit tests, and the
# end-to-end tests through the real app binary (tauri-driver + WebKitWebDriver
# under Xvfb). Installs what is missing first.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_apt_packages "${APT_PACKAGES[@]}"
ensure_ui_dependencies
ensure_tauri_driver
cd "$REPO"

log "UI unit tests (Vitest)"
(cd ui && npm test --silent)

log "building the UI and the app with its test hooks"
build_ui
cargo build -p deployplan-app --features e2e

log "Rust tests (core and app)"
cargo test --workspace

# The corpus tests read the shared corpus beside the repository; a fresh clone
# has none, so they are ignored by `cargo test` and run here only when present.
if [ -d "$REPO/../shared/corpus" ]; then
    log "Rust corpus tests (../shared/corpus is present)"
    cargo test -p deployplan --test corpus_plans --test readable_plan -- --ignored
else
    log "Rust corpus tests NOT RUN: ../shared/corpus is not beside the repository"
fi

log "end-to-end tests (real app under Xvfb)"
export DEPLOYPLAN_APP_BINARY="$CARGO_TARGET_DIR/debug/deployplan-app"
xvfb-run -a -s "-screen 0 1280x800x24" node --test --test-concurrency=1 tests/e2e/
