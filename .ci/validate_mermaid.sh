#!/usr/bin/env bash
# Parses every Mermaid diagram of the generated plans with the real Mermaid
# (the copy bundled in ui/node_modules) in headless Chromium.
#
# It builds nothing: it runs the debug `deployplan` binary ($DEPLOYPLAN_BIN, else
# $CARGO_TARGET_DIR/debug/deployplan, else target/debug/deployplan) on temporary
# copies of the sample project and of each corpus set, extracts every
# ```mermaid block, and loads a local HTML page (nothing from the network) that
# calls `await mermaid.parse(text)` for each. It prints ok/FAIL per diagram and
# exits 1 unless every diagram parsed. A deliberately broken diagram is parsed
# too and must FAIL, so a validator that accepts everything is caught.
#
# usage: .ci/validate_mermaid.sh [CORPUS_DIR]   (default ../shared/corpus)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${1:-$repo/../shared/corpus}"

bin="${DEPLOYPLAN_BIN:-}"
if [ -z "$bin" ]; then
    for candidate in "${CARGO_TARGET_DIR:-}/debug/deployplan" "$repo/target/debug/deployplan"; do
        if [ -x "$candidate" ]; then bin="$candidate"; break; fi
    done
fi
if [ -z "$bin" ] || [ ! -x "$bin" ]; then
    echo "validate_mermaid: no deployplan binary; run 'cargo build --bin deployplan' or set DEPLOYPLAN_BIN" >&2
    exit 2
fi
mermaid_js="$repo/ui/node_modules/mermaid/dist/mermaid.min.js"
if [ ! -f "$mermaid_js" ]; then
    echo "validate_mermaid: $mermaid_js is missing; run 'npm ci' in ui/" >&2
    exit 2
fi
if ! command -v chromium > /dev/null; then
    echo "validate_mermaid: installing chromium" >&2
    if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium
fi

work="$(mktemp -d)"
profile="$(mktemp -d)"
trap 'rm -rf "$work" "$profile"' EXIT

# Plans: the sample project, then every corpus set, each from a writable copy.
plans=()
generate() {
    local name="$1" source="$2"
    cp -r "$source" "$work/$name"
    chmod -R u+w "$work/$name"
    rm -rf "$work/$name/.deployplan" "$work/$name/project_docs/deploymentPlan.md" \
        "$work/$name/project_docs/deploymentPlan.draft.json"
    "$bin" generate "$work/$name" --out "$work/$name.plan.md" > /dev/null
    plans+=("$work/$name.plan.md")
}
generate sample "$repo/examples/sample-project"
if [ -d "$corpus" ]; then
    for set in "$corpus"/*/; do
        generate "$(basename "$set")" "$set"
    done
else
    echo "validate_mermaid: no corpus at $corpus; checking the sample plan only" >&2
fi

# The page: every diagram as JSON, parsed one by one, results written to the DOM.
python3 - "$work/page.html" "$mermaid_js" "${plans[@]}" <<'PY'
import json, pathlib, sys
page, mermaid_js, plans = sys.argv[1], sys.argv[2], sys.argv[3:]
diagrams = []
for plan in plans:
    name = pathlib.Path(plan).name.removesuffix(".plan.md")
    block, start = None, 0
    for number, line in enumerate(pathlib.Path(plan).read_text(encoding="utf-8").splitlines(), 1):
        if block is None and line == "```mermaid":
            block, start = [], number + 1
        elif block is not None and line == "```":
            diagrams.append({"id": f"{name}:{start}", "text": "\n".join(block) + "\n", "expect": "ok"})
            block = None
        elif block is not None:
            block.append(line)
# The canary: must fail to parse, or the validator itself is broken.
diagrams.append({"id": "canary:broken", "text": "flowchart LR\n    a[\"unclosed --> b\n", "expect": "fail"})
data = json.dumps(diagrams).replace("</", "<\\/")
pathlib.Path(page).write_text(f"""<!doctype html>
<html><head><meta charset="utf-8"><title>mermaid parse</title></head>
<body><pre id="results"></pre>
<script src="{pathlib.Path(mermaid_js).resolve().as_uri()}"></script>
<script>
const diagrams = {data};
(async () => {{
  const out = document.getElementById("results");
  const lines = [];
  try {{
    mermaid.initialize({{ startOnLoad: false, securityLevel: "strict" }});
  }} catch (error) {{
    lines.push("RESULT\\tsetup\\tFAIL\\tmermaid did not load: " + error);
  }}
  for (const diagram of diagrams) {{
    let status = "ok", message = "";
    try {{
      await mermaid.parse(diagram.text);
    }} catch (error) {{
      status = "FAIL";
      message = String((error && error.message) || error).replace(/\\s+/g, " ").slice(0, 300);
    }}
    lines.push(["RESULT", diagram.id, diagram.expect, status, message].join("\\t"));
  }}
  lines.push("DONE\\t" + diagrams.length);
  out.textContent = lines.join("\\n");
}})();
</script></body></html>
""", encoding="utf-8")
print(f"{len(diagrams) - 1} diagrams from {len(plans)} plans", file=sys.stderr)
PY

chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run \
    --user-data-dir="$profile" --virtual-time-budget=20000 \
    --allow-file-access-from-files --dump-dom "file://$work/page.html" \
    > "$work/dom.html" 2> "$work/chromium.log" || true

python3 - "$work/dom.html" "$work/chromium.log" <<'PY'
import html, re, sys
dom = html.unescape(open(sys.argv[1], encoding="utf-8").read())
if "DONE\t" not in dom:
    print("FAIL: the page did not finish parsing (mermaid did not load or timed out)")
    print(open(sys.argv[2], encoding="utf-8", errors="replace").read()[-2000:])
    sys.exit(1)
failed = 0
for line in dom.splitlines():
    if not line.startswith("RESULT\t"):
        continue
    _, name, expect, status, *rest = line.split("\t")
    message = rest[0] if rest else ""
    if name == "setup":
        print(f"FAIL {name}: {message}"); failed += 1
    elif expect == "fail":
        if status == "FAIL":
            print(f"ok   {name} (rejected as it must be)")
        else:
            print(f"FAIL {name}: a broken diagram parsed, so the validator is not working"); failed += 1
    elif status == "ok":
        print(f"ok   {name}")
    else:
        print(f"FAIL {name}: {message}"); failed += 1
count = int(re.search(r"DONE\t(\d+)", dom).group(1))
print(f"{count - 1} diagrams checked, {failed} failure(s)")
sys.exit(1 if failed else 0)
PY
