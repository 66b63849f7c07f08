#!/usr/bin/env bash
# Builds and launches DeployPlan on the bundled sample project (or on the folder given).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_apt_packages "${APT_PACKAGES[@]}"
ensure_ui_dependencies
build_ui
log "building and starting the app"
cd "$REPO"
exec cargo run -p deployplan-app -- "${1:-$REPO/examples/sample-project}"
