#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""json_contract.py: check a `proeftoets check --format json` report
against the report contract (spec section 4).

Usage: json_contract.py REPORT.json [DESIGN-ID...]
Exits 1 and names every violation when the report breaks the contract.
"""
import json
import re
import sys

KINDS = {"barrier", "risk"}
SEVERITIES = {"blocking", "high", "medium", "low"}
LEVELS = {"wet", "amvb", "ministeriele-regeling", "college", "geen"}
STATUSES = {"open", "confirmed", "rejected", "mitigated", "needs-amendment"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SLUG = re.compile(r"^[a-z0-9-]+$")
JCI = re.compile(r"^jci1\.3:c:BWB[RV]\d{7}(&[a-z]+=[^&]+)*$")

errors = []


def need(cond, where, what):
    if not cond:
        errors.append(f"{where}: {what}")


def check_report(rep, where):
    need(isinstance(rep, dict), where, "report is not an object")
    if not isinstance(rep, dict):
        return
    need(isinstance(rep.get("proeftuin"), str) and SLUG.match(rep["proeftuin"]),
         where, "proeftuin must be a slug string")
    need(isinstance(rep.get("peildatum"), str) and DATE.match(rep["peildatum"]),
         where, "peildatum must be YYYY-MM-DD")
    findings = rep.get("findings")
    need(isinstance(findings, list), where, "findings must be an array")
    ids = set()
    for i, f in enumerate(findings or []):
        w = f"{where}.findings[{i}]"
        need(isinstance(f, dict), w, "finding is not an object")
        if not isinstance(f, dict):
            continue
        for key in ("id", "kind", "rule", "severity", "title"):
            need(isinstance(f.get(key), str) and f[key], w, f"{key} must be a non-empty string")
        need(f.get("id") not in ids, w, f"duplicate id {f.get('id')}")
        ids.add(f.get("id"))
        need(str(f.get("id", "")).startswith(rep.get("proeftuin", "") + "/"), w,
             "id must start with the proeftuin id")
        need(f.get("kind") in KINDS, w, f"kind {f.get('kind')!r} not in {KINDS}")
        need(f.get("severity") in SEVERITIES, w, f"severity {f.get('severity')!r}")
        for key in ("actors", "tasks"):
            need(isinstance(f.get(key), list) and all(isinstance(x, str) for x in f[key]),
                 w, f"{key} must be an array of strings")
        provs = f.get("provisions")
        need(isinstance(provs, list) and provs, w, "provisions must be a non-empty array")
        for k, p in enumerate(provs or []):
            wp = f"{w}.provisions[{k}]"
            need(isinstance(p.get("bwb"), str) and re.match(r"^BWB[RV]\d{7}$", p["bwb"]), wp, "bwb id")
            need(isinstance(p.get("artikel"), str) and p["artikel"], wp, "artikel")
            if "lid" in p:
                need(isinstance(p["lid"], str) and p["lid"], wp, "lid must be a non-empty string when present")
            need(isinstance(p.get("jci"), str) and JCI.match(p["jci"]), wp, f"jci {p.get('jci')!r}")
            need(isinstance(p.get("in_registry"), bool), wp, "in_registry must be a boolean")
            if p.get("in_registry") is True:
                need(isinstance(p.get("text"), str) and p["text"], wp, "text must be quoted when in_registry")
            else:
                need(p.get("text") is None, wp, "text must be null when not in the registry")
            need(f"g={rep.get('peildatum')}" in p.get("jci", ""), wp, "jci must carry the peildatum")
        am = f.get("amendment")
        if f.get("kind") == "barrier":
            need(isinstance(am, dict), w, "a barrier needs an amendment object")
        if isinstance(am, dict):
            need(am.get("level") in LEVELS, w, f"amendment.level {am.get('level')!r}")
            need(isinstance(am.get("text"), str), w, "amendment.text must be a string")
        rv = f.get("review")
        need(isinstance(rv, dict) and rv.get("status") in STATUSES, w, "review.status")


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as fh:
        data = json.load(fh)
    reports = data if isinstance(data, list) else [data]
    for n, rep in enumerate(reports):
        check_report(rep, f"report[{n}]")
    want = sys.argv[2:]
    if want:
        got = [r.get("proeftuin") for r in reports if isinstance(r, dict)]
        need(got == want, "reports", f"proeftuinen {got} != {want}")
    for e in errors:
        print("contract violation:", e)
    print(f"{len(reports)} report(s), {sum(len(r.get('findings', [])) for r in reports if isinstance(r, dict))} findings checked")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
