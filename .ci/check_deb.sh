#!/usr/bin/env bash
# Builds the .deb with `tauri build --bundles deb`, installs it with dpkg,
# checks the package's metadata and desktop entry, launches the installed app
# once under Xvfb (it must reach the welcome view), and removes the package.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
cd "$REPO"

log "building the .deb (release build)"
(cd src-tauri && ../ui/node_modules/.bin/tauri build --bundles deb)
deb="$(ls -t "$CARGO_TARGET_DIR"/release/bundle/deb/*.deb | head -n 1)"
echo "package: $deb"

log "package metadata"
dpkg-deb --info "$deb" | tee /tmp/deployplan-deb-info.txt
grep -q "Package: deploy-plan\|Package: deployplan" /tmp/deployplan-deb-info.txt
grep -q "libwebkit2gtk-4.1-0" /tmp/deployplan-deb-info.txt
contents="$(dpkg-deb --contents "$deb")"
for expected in usr/bin/deployplan-app usr/share/applications/DeployPlan.desktop usr/share/icons/hicolor/128x128/apps/deployplan-app.png \
                usr/share/deployplan/sample-project/project_docs/technicalSpecification.md usr/share/deployplan/mermaid.min.js; do
    grep -qF "$expected" <<< "$contents" || { echo "missing from the package: $expected" >&2; exit 1; }
done

log "installing, launching once under Xvfb, removing"
package="$(dpkg-deb --field "$deb" Package)"
as_root dpkg -i "$deb" || { as_root apt-get install -f -y -qq; as_root dpkg -i "$deb"; }
trap 'as_root dpkg -r "$package" >/dev/null 2>&1 || true' EXIT
desktop="$(ls /usr/share/applications/*.desktop | xargs grep -l deployplan-app | head -n 1)"
grep -q "^Categories=.*Development" "$desktop"
grep -q "^Icon=" "$desktop"
xvfb-run -a -s "-screen 0 1280x800x24" node tests/deb/launch-installed.mjs /usr/bin/deployplan-app
as_root dpkg -r "$package"
trap - EXIT
[ ! -e /usr/bin/deployplan-app ] || { echo "the package did not remove /usr/bin/deployplan-app" >&2; exit 1; }
echo "ok: the .deb installs, launches and removes cleanly"
