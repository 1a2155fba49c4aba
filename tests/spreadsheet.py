#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Read back what tests/spreadsheet.sh made: the CSV of check and of
amendments in both dialects (csv module) and the two workbooks (zipfile
and the XML of their sheets).

    python3 tests/spreadsheet.py WORKDIR
"""
import csv
import io
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

MARK = "\u2060"
M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
LABEL = {"confirmed": "bevestigd", "mitigated": "ondervangen",
         "needs-amendment": "wetswijziging nodig", "rejected": "verworpen",
         "open": "open"}
FORMULA = "=+-@\t\r"
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg, file=sys.stderr)


def expect(cond, msg):
    if not cond:
        fail(msg)


def read_csv(path, dialect):
    data = open(path, "rb").read()
    if dialect == "excel-nl":
        expect(data.startswith(b"\xef\xbb\xbf"), path + ": no BOM")
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"),
                                           newline=""), delimiter=";"))
    else:
        expect(not data.startswith(b"\xef\xbb\xbf"), path + ": a BOM")
        rows = list(csv.reader(io.StringIO(data.decode("utf-8"),
                                           newline="")))
    # CRLF after every row, only LF inside a field.
    expect(data.count(b"\r\n") == len(rows),
           "%s: %d CRLF for %d rows" % (path, data.count(b"\r\n"), len(rows)))
    width = len(rows[0])
    for i, r in enumerate(rows):
        expect(len(r) == width, "%s row %d: %d fields, not %d" % (
            path, i + 1, len(r), width))
    return rows


def same_rows(a, b, name):
    """excel-nl is rfc4180 with a mark before numbers, nothing else."""
    expect(len(a) == len(b), name + ": the dialects differ in rows")
    for ra, rb in zip(a, b):
        for x, y in zip(ra, rb):
            if y.startswith(MARK):
                expect(re.match(r"^[0-9][0-9.,:/+%eETZ -]*$", x) is not None,
                       "%s: a mark before %r" % (name, x))
                y = y[len(MARK):]
            elif re.match(r"^[0-9][0-9.,:/+%eETZ -]*$", x):
                fail("%s: no mark before %r" % (name, x))
            expect(x == y, "%s: %r became %r" % (name, x, y))


def no_formula(rows, name):
    for r in rows:
        for x in r:
            expect(x == "" or x.lstrip(MARK)[0] not in FORMULA,
                   "%s: a cell a spreadsheet runs: %r" % (name, x))


def check_csv(work, notes, status):
    rows = {}
    for d in ("rfc4180", "excel-nl"):
        rows["check", d] = read_csv("%s/check-%s.csv" % (work, d), d)
        rows["amend", d] = read_csv("%s/amend-%s.csv" % (work, d), d)
    expect(open(work + "/check-default.csv", "rb").read() ==
           open(work + "/check-rfc4180.csv", "rb").read(),
           "the default dialect is not rfc4180")
    for k in ("check", "amend"):
        same_rows(rows[k, "rfc4180"], rows[k, "excel-nl"], k)
        for d in ("rfc4180", "excel-nl"):
            no_formula(rows[k, d], "%s %s" % (k, d))
    c = rows["check", "rfc4180"]
    h = c[0]
    for col in ("bevinding_id", "beoordeling", "toelichting_beoordeling",
                "artikel", "lid", "tekst"):
        expect(col in h, "check CSV: no column " + col)
    seen = set()
    for r in c[1:]:
        f = r[h.index("bevinding_id")]
        if f in notes:
            seen.add(f)
            expect(r[h.index("toelichting_beoordeling")] == "'" + notes[f],
                   "check CSV: note of %s is %r" % (
                       f, r[h.index("toelichting_beoordeling")]))
            expect(r[h.index("beoordeling")] == LABEL[status[f]],
                   "check CSV: status of %s is %r" % (
                       f, r[h.index("beoordeling")]))
        else:
            expect(r[h.index("beoordeling")] == "open", "check CSV: status")
    expect(seen == set(notes), "check CSV: findings missing: %r" %
           (set(notes) - seen))
    # The article numbers that a spreadsheet would make numbers of.
    arts = [r[h.index("artikel")] for r in rows["check", "excel-nl"][1:]]
    expect(any(a == MARK + "7.3.11" for a in arts), "no 7.3.11 with a mark")
    a = rows["amend", "rfc4180"]
    h = a[0]
    for col in ("beoordeling", "toelichting_beoordeling", "link"):
        expect(col in h, "amendment CSV: no column " + col)
    text = "\n".join(r[h.index("toelichting_beoordeling")] for r in a[1:])
    for f, n in notes.items():
        # Rejected findings are left out of the list.
        want = status[f] != "rejected"
        expect(("%s: %s" % (f, n) in text) == want,
               "amendment CSV: note of %s %s" % (f, "missing" if want
                                                 else "not left out"))
    for r in a[1:]:
        link = r[h.index("link")]
        expect(link == "" or link.startswith("https://wetten.overheid.nl/"),
               "amendment CSV: link %r" % link)


class Book:
    def __init__(self, path):
        self.z = zipfile.ZipFile(path)
        self.shared = []
        for si in ET.fromstring(self.z.read("xl/sharedStrings.xml")):
            self.shared.append("".join(t.text or "" for t in si.iter(M + "t")))
        wb = ET.fromstring(self.z.read("xl/workbook.xml"))
        self.names = [s.get("name") for s in wb.iter(M + "sheet")]
        self.workbook = self.z.read("xl/workbook.xml").decode()

    def sheet(self, name):
        n = self.names.index(name) + 1
        xml = self.z.read("xl/worksheets/sheet%d.xml" % n)
        root = ET.fromstring(xml)
        rows = []
        for row in root.iter(M + "row"):
            cells = {}
            for c in row.findall(M + "c"):
                ref = c.get("r")
                col = 0
                for ch in re.match(r"[A-Z]+", ref).group(0):
                    col = col * 26 + ord(ch) - 64
                v = c.find(M + "v")
                expect(c.get("t") == "s" and c.find(M + "f") is None,
                       "%s %s is not a text cell" % (name, ref))
                cells[col - 1] = self.shared[int(v.text)]
            rows.append((row, cells))
        links = {}
        rels = "xl/worksheets/_rels/sheet%d.xml.rels" % n
        if rels in self.z.namelist():
            targets = {r.get("Id"): r.get("Target") for r in
                       ET.fromstring(self.z.read(rels))}
            for h in root.iter(M + "hyperlink"):
                links[h.get("ref")] = targets[h.get(R + "id")]
        return root, xml.decode(), rows, links


def layout(book, name, root, xml):
    expect('state="frozen"' in xml, name + ": header not frozen")
    expect("<autoFilter " in xml, name + ": no autofilter")
    expect('orientation="landscape"' in xml and 'paperSize="9"' in xml,
           name + ": not A4 landscape")
    expect('<pageSetUpPr fitToPage="1"/>' in xml and 'fitToHeight="0"' in xml,
           name + ": not fitted to the page width")
    expect(re.search(r'_xlnm\.Print_Titles"[^>]*>\'?%s\'?!\$1:\$1<' %
                     re.escape(name.replace("'", "''")), book.workbook),
           name + ": header row not repeated on every page")


def check_xlsx(work, notes, status):
    report = json.load(open(work + "/check.json"))
    findings = report["findings"]
    b = Book(work + "/check.xlsx")
    expect(b.names == ["Bevindingen", "Teksten", "Herkomst"],
           "check.xlsx sheets: %r" % b.names)
    root, xml, rows, links = b.sheet("Bevindingen")
    layout(b, "Bevindingen", root, xml)
    head = [rows[0][1][i] for i in range(len(rows[0][1]))]
    expect(head == ["Proeftuin", "Regel", "Soort", "Ernst", "Niveau", "Titel",
                    "Aangehaalde bepalingen", "Geciteerde tekst",
                    "wetten.overheid.nl", "Wijziging", "Beoordeling",
                    "Toelichting beoordeling", "Bevinding"],
           "check.xlsx header: %r" % head)
    expect(len(rows) - 1 == len(findings),
           "check.xlsx: %d rows for %d findings" % (len(rows) - 1,
                                                     len(findings)))
    col = {h: i for i, h in enumerate(head)}
    for (row, cells), f in zip(rows[1:], findings):
        r = int(row.get("r"))
        expect(cells.get(col["Bevinding"]) == f["id"], "row %d: id" % r)
        expect(cells.get(col["Regel"]) == f["rule"], "row %d: rule" % r)
        # The review in Dutch, the note exactly as typed (a text cell
        # needs no guard).
        expect(cells.get(col["Beoordeling"]) ==
               LABEL[f["review"]["status"]], "row %d: status" % r)
        expect(cells.get(col["Toelichting beoordeling"]) ==
               notes.get(f["id"]), "row %d: note %r" % (
                   r, cells.get(col["Toelichting beoordeling"])))
        if f["provisions"]:
            url = f["provisions"][0]["url"]
            ref = "I%d" % r
            expect(links.get(ref) == url,
                   "row %d: link %r, not %r" % (r, links.get(ref), url))
            expect(cells.get(col["wetten.overheid.nl"]) == url,
                   "row %d: link text" % r)
        # As high as the text needs, at most 409 points.
        ht = float(row.get("ht", "15"))
        expect(ht <= 409, "row %d: %s points high" % (r, ht))
        if "\n" in (cells.get(col["Geciteerde tekst"]) or ""):
            expect(row.get("customHeight") == "1" and ht > 15,
                   "row %d: height not set" % r)
    # Every provision's text in full on Teksten.
    _, txml, trows, tlinks = b.sheet("Teksten")
    layout(b, "Teksten", _, txml)
    texts = [(c.get(0), c.get(3)) for _, c in trows[1:]]
    for f in findings:
        for p in f["provisions"]:
            if p.get("text"):
                expect((f["id"], p["text"]) in texts,
                       "Teksten lacks %s %s" % (f["id"], p["citation"]))
    _, hxml, hrows, _ = b.sheet("Herkomst")
    expect(hrows[1][1].get(0) == "Gemaakt (Europe/Amsterdam)" and
           hrows[1][1].get(1) == report["generated"]["at"],
           "Herkomst: the time %r" % (hrows[1][1],))
    laws = [(c.get(1), c.get(2), c.get(3)) for _, c in hrows[5:]]
    want = [(l["bwb"], l["version"] or "onbekend", l["sha256"])
            for l in report["generated"]["laws"]]
    expect(laws == want, "Herkomst laws %r, not %r" % (laws, want))

    a = Book(work + "/amend.xlsx")
    expect(a.names == ["Wijzigingen", "Risico's", "Herkomst"],
           "amend.xlsx sheets: %r" % a.names)
    for name in ("Wijzigingen", "Risico's"):
        root, xml, rows, links = a.sheet(name)
        layout(a, name, root, xml)
        head = rows[0][1]
        k = [i for i, h in head.items() if h == "Toelichting beoordeling"]
        expect(len(k) == 1, name + ": no note column")
        lk = [i for i, h in head.items() if h == "wetten.overheid.nl"]
        expect(len(lk) == 1, name + ": no link column")
        for row, cells in rows[1:]:
            ref = "%s%s" % (chr(65 + lk[0]), row.get("r"))
            if lk[0] in cells:
                expect(links.get(ref) == cells[lk[0]], "%s %s: not a link"
                       % (name, ref))
    _, _, rows, _ = a.sheet("Wijzigingen")
    head = rows[0][1]
    k = [i for i, h in head.items() if h == "Toelichting beoordeling"][0]
    text = "\n".join(c.get(k, "") for _, c in rows[1:])
    kept = [f for f in notes if status[f] != "rejected"]
    _, _, rrows, _ = a.sheet("Risico's")
    rk = [i for i, h in rrows[0][1].items()
          if h == "Toelichting beoordeling"][0]
    text += "\n" + "\n".join(c.get(rk, "") for _, c in rrows[1:])
    for f in kept:
        expect("%s: %s" % (f, notes[f]) in text,
               "amend.xlsx: note of %s missing" % f)


def main():
    work = sys.argv[1]
    notes, status = {}, {}
    # The notes file: "id<TAB>note" records, a note may hold a newline.
    raw = open(work + "/notes", encoding="utf-8").read()
    ids = [l.strip() for l in open(work + "/ids", encoding="utf-8")]
    for i, f in enumerate(ids):
        start = raw.index(f + "\t") + len(f) + 1
        end = raw.index("\n" + ids[i + 1] + "\t") if i + 1 < len(ids) \
            else len(raw) - 1
        notes[f] = raw[start:end]
    order = ["confirmed", "mitigated", "needs-amendment", "rejected"]
    for i, f in enumerate(ids):
        status[f] = order[i]
    check_csv(work, notes, status)
    check_xlsx(work, notes, status)
    if failures:
        sys.exit(1)
    print("spreadsheet: CSV in two dialects and two workbooks read back")


if __name__ == "__main__":
    main()
