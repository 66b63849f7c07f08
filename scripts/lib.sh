# Shared setup for the scripts: installs what is missing, so each command works
# on a fresh Debian 12 machine with Rust and Node. Sourced, not run.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# One target dir reused across checkouts and CI runs when present; created when not.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/deployplan/target}"
mkdir -p "$CARGO_TARGET_DIR"

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Debian packages the app, its build and its tests need.
APT_PACKAGES=(libwebkit2gtk-4.1-dev librsvg2-dev libayatana-appindicator3-dev libxdo-dev libssl-dev
              build-essential pkg-config file xvfb xauth webkit2gtk-driver fonts-noto-color-emoji
              chromium poppler-utils)

ensure_apt_packages() {
    local missing=()
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        log "installing Debian packages: ${missing[*]}"
        as_root apt-get update -qq
        DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}"
    fi
}

ensure_ui_dependencies() {
    if [ ! -d "$REPO/ui/node_modules" ] || [ "$REPO/ui/package-lock.json" -nt "$REPO/ui/node_modules/.package-lock.json" ]; then
        log "installing UI dependencies (npm ci)"
        (cd "$REPO/ui" && npm ci --no-audit --no-fund)
    fi
}

build_ui() {
    log "building the UI"
    (cd "$REPO/ui" && npm run build --silent)
}

ensure_tauri_driver() {
    if ! command -v tauri-driver >/dev/null 2>&1; then
        log "installing tauri-driver"
        cargo install tauri-driver --locked --version '^2.1'
    fi
}

ensure_cargo_deny() {
    if ! command -v cargo-deny >/dev/null 2>&1; then
        log "installing cargo-deny"
        cargo install cargo-deny --locked --version '^0.20'
    fi
}
