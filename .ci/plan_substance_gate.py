#!/usr/bin/env python3
"""Reads plan-substance.py's output and the gates file; prints the issue's bars
per set (MET / NOT MET) and fails (exit 1) when a set falls below its ratchet.

Usage: plan_substance_gate.py GATES_JSON SCORE_TXT
"""
import json
import re
import sys

LINE = re.compile(r"^(?P<set>\S+): PSS (?P<pss>[+-]\d+\.\d+) \(\d+ entries\); junk (?P<junk>\d+); boilerplate (?P<boiler>\d+)%$")


def main():
    gates = json.load(open(sys.argv[1]))
    bars, ratchet = gates["bars"], gates["ratchet"]
    scores = {}
    for line in open(sys.argv[2]):
        m = LINE.match(line.strip())
        if m:
            scores[m["set"]] = (float(m["pss"]), int(m["junk"]), int(m["boiler"]))
    failed = []
    print(f"\nbars of the issue: PSS >= {bars['min_pss']}, junk <= {bars['max_junk']}, boilerplate <= {bars['max_boilerplate_percent']} %")
    for name, floor in sorted(ratchet.items()):
        if name not in scores:
            failed.append(f"{name}: no score (the plan was not generated or scored)")
            continue
        pss, junk, boiler = scores[name]
        met = pss >= bars["min_pss"] and junk <= bars["max_junk"] and boiler <= bars["max_boilerplate_percent"]
        print(f"  {name}: PSS {pss:+.2f}, junk {junk}, boilerplate {boiler} % -> bars {'MET' if met else 'NOT MET'}; "
              f"ratchet PSS >= {floor['min_pss']}, junk <= {floor['max_junk']}, boilerplate <= {floor['max_boilerplate_percent']} %")
        if pss < floor["min_pss"]:
            failed.append(f"{name}: PSS {pss:+.2f} below the ratchet {floor['min_pss']}")
        if junk > floor["max_junk"]:
            failed.append(f"{name}: {junk} junk lines, ratchet {floor['max_junk']}")
        if boiler > floor["max_boilerplate_percent"]:
            failed.append(f"{name}: boilerplate {boiler} %, ratchet {floor['max_boilerplate_percent']} %")
    for name in sorted(set(scores) - set(ratchet)):
        failed.append(f"{name}: scored but has no ratchet in the gates file; add one")
    if failed:
        print("plan substance below its ratchet:\n  " + "\n  ".join(failed), file=sys.stderr)
        sys.exit(1)
    print("plan substance: every set at or above its ratchet")


if __name__ == "__main__":
    main()
