#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Read back the workbooks build-aux/csv-office.sh had LibreOffice make
from the CSV of check and amendments, and compare every cell of the
columns artikel, lid and toelichting_beoordeling with the CSV: each must
be a text cell with the CSV's value (without the invisible U+2060 mark),
never a number, a date or a formula.  The control (bare-en: the marks
removed, opened as English) must have numbers, or the check proves
nothing.

    python3 tests/csv_cells.py WORKDIR
"""
import csv
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
MARK = "\u2060"
COLUMNS = ("artikel", "lid", "toelichting_beoordeling")


def col_index(ref):
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n - 1


def read_xlsx(path):
    """Rows of the first sheet: lists of (type, value, has_formula)."""
    with zipfile.ZipFile(path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall(
                    "m:si", NS):
                shared.append("".join(t.text or "" for t in si.iter(
                    "{%s}t" % NS["m"])))
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in sheet.find("m:sheetData", NS).findall("m:row", NS):
        cells = {}
        for c in row.findall("m:c", NS):
            t = c.get("t", "n")
            v = c.find("m:v", NS)
            val = v.text if v is not None else ""
            if t == "s":
                val = shared[int(val)]
            elif t == "inlineStr":
                val = "".join(x.text or "" for x in c.iter("{%s}t" % NS["m"]))
            cells[col_index(c.get("r"))] = (t, val, c.find("m:f", NS) is not None)
        width = max(cells) + 1 if cells else 0
        rows.append([cells.get(i, ("s", "", False)) for i in range(width)])
    return rows


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f, delimiter=";"))


def check(work, name):
    want = read_csv("%s/%s/%s.csv" % (work, name, name))
    got = read_xlsx("%s/%s/%s.xlsx" % (work, name, name))
    head = want[0]
    bad = 0
    seen = 0
    for col in COLUMNS:
        if col not in head:
            continue
        k = head.index(col)
        for i, row in enumerate(want[1:], start=1):
            text = row[k].replace(MARK, "")
            if text == "":
                continue
            t, val, formula = got[i][k] if k < len(got[i]) else ("s", "", False)
            seen += 1
            if t not in ("s", "inlineStr", "str") or formula or \
                    val.replace(MARK, "") not in (text, "'" + text.lstrip("'")):
                print("csv-office: %s row %d %s: %r became %s %r%s" % (
                    name, i + 1, col, text, t, val,
                    " (formula)" if formula else ""), file=sys.stderr)
                bad += 1
    print("csv-office: %s: %d cells of %s read back, %d wrong" % (
        name, seen, "/".join(COLUMNS), bad))
    return bad == 0 and seen > 0


def control(work):
    """Without the mark an English spreadsheet makes numbers of 3.1."""
    want = read_csv("%s/bare-en/bare-en.csv" % work)
    got = read_xlsx("%s/bare-en/bare-en.xlsx" % work)
    k = want[0].index("artikel")
    numbers = sum(1 for r in got[1:] if k < len(r) and r[k][0] == "n")
    print("csv-office: control: %d article numbers became numbers" % numbers)
    return numbers > 0


def main():
    work = sys.argv[1]
    ok = True
    for name in ("check-nl", "check-nl-special", "check-en", "amend-nl"):
        ok = check(work, name) and ok
    ok = control(work) and ok
    # The note that starts with '=' is text in both (the report's cell
    # starts with it, so it has the quote in front).
    for name, prefix in (("check-nl", "'=HYPERLINK("), ("amend-nl", "")):
        rows = read_xlsx("%s/%s/%s.xlsx" % (work, name, name))
        cells = [c for row in rows for c in row if "=HYPERLINK(" in c[1]]
        if not cells or any(f or t == "n" or not v.startswith(prefix)
                            for (t, v, f) in cells):
            print("csv-office: %s: the review note is missing or not text: "
                  "%r" % (name, cells), file=sys.stderr)
            ok = False
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
