#!/usr/bin/env bash
# Builds the .deb with `tauri build --bundles deb`, installs it with dpkg,
# checks the package's metadata and desktop entry, launches the installed app
# once under Xvfb (it must reach the welcome view), exports a PDF with the
# installed app alone (no Chromium on PATH: the app prints with its own web
# engine), records the package's sizes, and removes the package.
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
                usr/share/deployplan/sample-project/project_docs/technicalSpecification.md; do
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

log "exporting a PDF with the installed app alone (no Chromium on PATH)"
export_dir="$(mktemp -d)"
xvfb-run -a -s "-screen 0 1280x800x24" env PATH=/nonexistent DEPLOYPLAN_CHROMIUM=/nonexistent \
    /usr/bin/deployplan-app --export-pdf "$export_dir/plan.pdf" --paper letter /usr/share/deployplan/sample-project
pdfinfo "$export_dir/plan.pdf" | tee "$export_dir/info.txt"
grep -Eq "Page size: +612(\.[0-9]+)? x 792(\.[0-9]+)? pts" "$export_dir/info.txt" || { echo "the PDF is not on Letter paper" >&2; exit 1; }
pages="$(awk '/^Pages:/ {print $2}' "$export_dir/info.txt")"
[ "$pages" -gt 3 ] || { echo "the PDF has only $pages pages" >&2; exit 1; }
pdftotext -layout "$export_dir/plan.pdf" "$export_dir/plan.txt"
grep -q "1 / $pages" "$export_dir/plan.txt" || { echo "no page numbers in the PDF" >&2; exit 1; }
grep -q "Contents" "$export_dir/plan.txt" || { echo "no table of contents in the PDF" >&2; exit 1; }
echo "ok: the installed app printed a $pages-page PDF with no browser"
rm -rf "$export_dir"

log "package sizes"
echo "package file: $(stat -c %s "$deb") bytes; installed size: $(dpkg-deb --field "$deb" Installed-Size) KiB"
as_root dpkg -r "$package"
trap - EXIT
[ ! -e /usr/bin/deployplan-app ] || { echo "the package did not remove /usr/bin/deployplan-app" >&2; exit 1; }
echo "ok: the .deb installs, launches and removes cleanly"
