#!/usr/bin/env python3
"""Corpus check: compare `deployplan facts --json` with each corpus set's
expected-facts.json and print categorical precision and recall.

Usage: python3 .ci/corpus_facts.py ../shared/corpus [--bin PATH] [--per-set]

Each set (a folder holding expected-facts.json) is copied to a temporary
folder first (the corpus is read-only), then read with the deployplan binary
(DEPLOYPLAN_BIN, --bin, else target/release or target/debug).

Definition
----------
For each categorical key of expected `facts` (every key holding a list;
not `counts` or `examples`) we compare the set of distinct values we extract
with the expected set, and sum TP/FP/FN over keys and sets:
  * slug keys (cloud.provider, ci.tool, test.environment, ...): exact values;
  * free-text keys (nfr.availability, nfr.latency, nfr.rto, nfr.rpo,
    timeline.mvp_launch): normalised (lower case, whitespace collapsed), and a
    value matches when either contains the other.
An extracted value that matches nothing is a false positive, unless the set's
`uncertain` notes dispute it: the note names the key and calls that value
slug-less ("npm audit no slug") or lists it as a proposed slug
("(proposed: codepipeline)"), i.e. the expected file and the canonical
vocabulary of PRODUCT.md disagree. Disputed values are reported, not counted.
precision = TP / (TP + FP); recall = TP / (TP + FN).

Also reported per set: role accuracy (share of the expected (path, role)
pairs we reproduce); lists found (list keys with a non-zero expected count
for which we find at least one item) and sized (within half to twice the
expected count); and the conflicts `facts --json` lists.

Gates. The issue's bars (#13) are precision 0.95, recall 0.90 and roles 0.90
per set, and list keys found for 90 % of the non-zero counts. Where a set is
not there yet, its gate is ratcheted at the level reached (RATCHET below):
a change may raise a set's numbers, never lower them. A set without a
ratchet entry must meet the bars.

Exit status: 1 when a set is below its gate (with --per-set) or overall
precision < 0.90 or recall < 0.80, 2 on a usage or run error.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

FREE_TEXT = {"nfr.availability", "nfr.latency", "nfr.rto", "nfr.rpo", "timeline.mvp_launch"}
# Overall gate, ratcheted at the level reached (#13; 0.80 / 0.69 before it):
# the aim stays 0.90 / 0.80 overall and the per-set BARS below.
MIN_PRECISION = 0.82
MIN_RECALL = 0.77

# The per-set bars.
BARS = {"precision": 0.95, "recall": 0.90, "roles": 0.90, "lists": 0.90}

# Per-set gates below the bars, at the level reached (#13): (precision,
# recall, roles, lists found). Raise them as the numbers rise; never lower.
RATCHET = {
    "1benisin__Momento": (0.88, 0.59, 0.90, 0.90),
    "CCJ-Development__voeb-chatbot": (0.63, 0.92, 0.90, 0.66),
    "CWE-ChatBot__CWE-ChatBot": (0.65, 0.75, 0.90, 0.90),
    "JuntoAI__JuntoAI-A2A": (0.95, 0.75, 0.90, 0.40),
    "Monolithic-Dev__Setu": (0.50, 0.25, 0.88, 0.75),
    "g39832__PI-tester": (0.90, 0.66, 0.90, 0.40),
    "lan-software__LanEntrance": (0.88, 0.80, 0.90, 0.40),
    "raphaeltm__simple-agent-manager": (0.91, 0.55, 0.80, 0.75),
    "staneslevski__kiro-autonomous-build": (0.93, 0.90, 0.90, 0.75),
}


def norm(text):
    return " ".join(str(text).split()).lower()


def find_binary(explicit):
    candidates = [explicit, os.environ.get("DEPLOYPLAN_BIN")]
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(root, "target"))
    candidates += [os.path.join(target, "release", "deployplan"), os.path.join(target, "debug", "deployplan")]
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def run_facts(binary, folder):
    with tempfile.TemporaryDirectory(prefix="deployplan-corpus-") as tmp:
        copy = os.path.join(tmp, os.path.basename(folder.rstrip("/")))
        shutil.copytree(folder, copy, ignore=shutil.ignore_patterns("expected-facts.json"))
        for dirpath, dirnames, filenames in os.walk(copy):
            os.chmod(dirpath, 0o755)
            for name in filenames:
                os.chmod(os.path.join(dirpath, name), 0o644)
        result = subprocess.run([binary, "facts", copy, "--json"], capture_output=True, text=True, timeout=300)
        if result.returncode != 0:
            raise RuntimeError(f"deployplan facts failed on {folder}: {result.stderr.strip()}")
        return json.loads(result.stdout)


def disputed(key, value, notes):
    """Whether the notes call `value` of `key` slug-less or a proposed slug."""
    forms = {norm(value), norm(value).replace("-", " ")}
    prefix = key.split(".")[0]
    for note in notes:
        lower = norm(note)
        if key not in lower and not re.search(r"\b" + re.escape(prefix) + r"\s*:", lower):
            continue
        for form in forms:
            for match in re.finditer(re.escape(form), lower):
                after = lower[match.end():match.end() + 12]
                if re.match(r"^[\s'\")(]{0,3}no slug", after):
                    return True
            for proposed in re.finditer(r"\(proposed:([^)]*)\)", lower):
                names = [norm(p) for p in re.split(r",| or ", proposed.group(1))]
                if form in names or form.replace(" ", "-") in names:
                    return True
    return False


def compare_key(key, ours, expected, notes):
    ours = sorted(set(ours))
    expected = sorted(set(expected))
    if key in FREE_TEXT:
        matches = lambda a, b: norm(a) in norm(b) or norm(b) in norm(a)
    else:
        matches = lambda a, b: norm(a) == norm(b)
    tp = sum(1 for e in expected if any(matches(o, e) for o in ours))
    fn = [e for e in expected if not any(matches(o, e) for o in ours)]
    unmatched = [o for o in ours if not any(matches(o, e) for e in expected)]
    fp = [o for o in unmatched if not disputed(key, o, notes)]
    excused = [o for o in unmatched if disputed(key, o, notes)]
    return tp, fp, fn, excused


def check_set(binary, folder):
    with open(os.path.join(folder, "expected-facts.json"), encoding="utf-8") as handle:
        expected = json.load(handle)
    report = run_facts(binary, folder)
    notes = expected.get("uncertain", [])
    facts = report.get("facts", [])
    values = {}
    for fact in facts:
        values.setdefault(fact["key"], []).append(fact["value"])

    totals = {"tp": 0, "fp": 0, "fn": 0}
    lines = []
    for key, want in sorted(expected["facts"].items()):
        if key in ("counts", "examples") or not isinstance(want, list):
            continue
        tp, fp, fn, excused = compare_key(key, values.get(key, []), want, notes)
        totals["tp"] += tp
        totals["fp"] += len(fp)
        totals["fn"] += len(fn)
        if fp or fn or excused:
            detail = []
            if fp:
                detail.append("extra " + ", ".join(map(repr, fp)))
            if fn:
                detail.append("missing " + ", ".join(map(repr, fn)))
            if excused:
                detail.append("disputed by notes " + ", ".join(map(repr, excused)))
            lines.append(f"    {key}: " + "; ".join(detail))

    ours_by_path = {d["path"]: d.get("role") for d in report.get("documents", [])}
    pairs = [(path, role) for role, paths in expected.get("roles", {}).items() for path in paths]
    right = sum(1 for path, role in pairs if ours_by_path.get(path) == role)
    expected_paths = {path for path, _ in pairs}
    extra_roles = sorted(p for p, r in ours_by_path.items() if r and p not in expected_paths)

    counts = []
    lists = {"wanted": 0, "found": 0, "sized": 0}
    for key, want in sorted(expected["facts"].get("counts", {}).items()):
        ours = len(values.get(key, []))
        counts.append(f"{key} {ours}/{want}")
        if want:
            lists["wanted"] += 1
            lists["found"] += 1 if ours else 0
            lists["sized"] += 1 if want / 2 <= ours <= want * 2 else 0
    conflicts = report.get("conflicts", [])
    return totals, lines, (right, len(pairs), extra_roles), counts, lists, conflicts


def ratio(a, b):
    return a / b if b else 1.0


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    per_set = "--per-set" in argv
    explicit = None
    if "--bin" in argv:
        index = argv.index("--bin")
        explicit = argv[index + 1] if index + 1 < len(argv) else None
        args = [a for a in args if a != explicit]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    corpus = args[0]
    binary = find_binary(explicit)
    if not binary:
        print("corpus_facts: no deployplan binary; run `cargo build --release --bin deployplan` first", file=sys.stderr)
        return 2
    sets = sorted(
        os.path.join(corpus, name)
        for name in os.listdir(corpus)
        if os.path.isfile(os.path.join(corpus, name, "expected-facts.json"))
    )
    if not sets:
        print(f"corpus_facts: no expected-facts.json under {corpus}", file=sys.stderr)
        return 2

    overall = {"tp": 0, "fp": 0, "fn": 0}
    failed = False
    all_lists = {"wanted": 0, "found": 0, "sized": 0}
    for folder in sets:
        totals, lines, roles, counts, lists, conflicts = check_set(binary, folder)
        for k in overall:
            overall[k] += totals[k]
        for k in all_lists:
            all_lists[k] += lists[k]
        precision = ratio(totals["tp"], totals["tp"] + totals["fp"])
        recall = ratio(totals["tp"], totals["tp"] + totals["fn"])
        right, total, extra = roles
        role_share = ratio(right, total)
        list_share = ratio(lists["found"], lists["wanted"])
        name = os.path.basename(folder)
        print(f"{name}: precision {precision:.2f} recall {recall:.2f} "
              f"(TP {totals['tp']}, FP {totals['fp']}, FN {totals['fn']}); roles {right}/{total}; "
              f"lists found {lists['found']}/{lists['wanted']}, sized {lists['sized']}/{lists['wanted']}; "
              f"conflicts {len(conflicts)}")
        for line in lines:
            print(line)
        if extra:
            print("    roles given beyond the expected ones: " + ", ".join(extra))
        print("    counts (ours/expected): " + ", ".join(counts))
        for conflict in conflicts:
            shown = " vs ".join(repr(v["value"]) for v in conflict["values"])
            print(f"    conflict {conflict['key']}: {shown}")
        gate = RATCHET.get(name, (BARS["precision"], BARS["recall"], BARS["roles"], BARS["lists"]))
        measured = (precision, recall, role_share, list_share)
        below = [label for label, got, want in zip(("precision", "recall", "roles", "lists"), measured, gate)
                 if got + 1e-9 < want]
        if gate != (BARS["precision"], BARS["recall"], BARS["roles"], BARS["lists"]):
            print("    gate (ratcheted below the issue's bars): "
                  f"precision {gate[0]:.2f} recall {gate[1]:.2f} roles {gate[2]:.2f} lists {gate[3]:.2f}")
        if below:
            print("    BELOW GATE: " + ", ".join(below))
            if per_set:
                failed = True
    precision = ratio(overall["tp"], overall["tp"] + overall["fp"])
    recall = ratio(overall["tp"], overall["tp"] + overall["fn"])
    print(f"lists overall: found {all_lists['found']}/{all_lists['wanted']}, "
          f"sized within 1/2x-2x {all_lists['sized']}/{all_lists['wanted']}")
    print(f"overall: precision {precision:.2f} recall {recall:.2f} "
          f"(TP {overall['tp']}, FP {overall['fp']}, FN {overall['fn']}); "
          f"thresholds: precision >= {MIN_PRECISION}, recall >= {MIN_RECALL}")
    if precision < MIN_PRECISION or recall < MIN_RECALL:
        failed = True
    print("corpus facts check: " + ("FAILED" if failed else "passed"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
