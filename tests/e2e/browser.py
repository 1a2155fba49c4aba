#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""browser.py: the web workspace end to end in a real browser.

Builds a registry (the bundled laws, the noord proeftuin, a reviewer),
starts `proeftoets serve` on a free loopback port and headless Chromium,
and drives Chromium over the DevTools protocol (its websocket, spoken here
with the standard library only): sign in by typing and clicking, open the
proeftuin, follow the link to a finding, choose a decision, type a note,
send the form; back on the proeftuin, press the save button of the
juridische ruimte and land on the lawful variant (noord-nu), which has no
barriers.  Then, as the same reviewer, it types a new proeftuin (zuid: a
regionaal veiligheidsteam doing the OTS, a wijkteam, a data flow without
grondslag) into /proeftuinen/nieuw and sees its barriers, edits it (the
team also offers jeugdhulp), and reads /versies (two versions) and
/vergelijk (the added task, the barrier that appeared, the risk that
disappeared); filters /bevindingen by soort through its form (only risks,
the counts per status), finds the decision in /logboek with a Dutch date,
and opens /wet and the provision the finding cites.  It checks the audit
log, the saved variant and the two versions of zuid in the database.

Every page visited is saved as a screenshot at 1280 px (NAME.png) and at
390 px as a phone (NAME-390.png, mobile emulation) in --outdir; at 390 px
no page may be wider than the screen (tables scroll inside their box).

usage: browser.py --proeftoets BIN --srcdir DIR --outdir DIR [--chromium BIN]
Prints "e2e: N passed, N failed"; exit status 0 when all passed.
"""
import argparse
import base64
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import struct
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

FINDING = "noord/jw-3.2-1-uitvoering/rvt-noord"
VARIANT = "noord-nu"
NOTE = "Uit de browser: de wet moet om <b>nu</b> & niet later"
PASSWORD = "e2e-geheim-wachtwoord"
NEW = "zuid"
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli",
          "augustus", "september", "oktober", "november", "december")


class WebSocket:
    """A minimal RFC 6455 client: text frames, masking, no extensions."""

    def __init__(self, url, timeout=30):
        u = urllib.parse.urlparse(url)
        self.sock = socket.create_connection((u.hostname, u.port), timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        path = u.path + ("?" + u.query if u.query else "")
        req = (f"GET {path} HTTP/1.1\r\nHost: {u.hostname}:{u.port}\r\n"
               "Upgrade: websocket\r\nConnection: Upgrade\r\n"
               f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
        self.sock.sendall(req.encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(1)
            if not chunk:
                raise RuntimeError("websocket handshake cut short")
            head += chunk
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise RuntimeError("websocket handshake refused: %r" % head[:80])

    def _recv_exact(self, n):
        buf = bytearray()
        while len(buf) < n:
            chunk = self.sock.recv(n - len(buf))
            if not chunk:
                raise RuntimeError("websocket closed")
            buf += chunk
        return bytes(buf)

    def send(self, text):
        data = text.encode()
        head = bytearray([0x81])
        n = len(data)
        if n < 126:
            head.append(0x80 | n)
        elif n < 65536:
            head.append(0x80 | 126)
            head += struct.pack(">H", n)
        else:
            head.append(0x80 | 127)
            head += struct.pack(">Q", n)
        mask = os.urandom(4)
        body = bytes(b ^ mask[i % 4] for i, b in enumerate(data))
        self.sock.sendall(bytes(head) + mask + body)

    def recv(self):
        message = b""
        while True:
            b0, b1 = self._recv_exact(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._recv_exact(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._recv_exact(8))[0]
            mask = self._recv_exact(4) if b1 & 0x80 else None
            payload = self._recv_exact(n)
            if mask:
                payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
            op = b0 & 0x0F
            if op == 8:
                raise RuntimeError("websocket closed by the browser")
            if op in (9, 10):      # ping, pong: not used by DevTools
                continue
            message += payload
            if b0 & 0x80:
                return message.decode()

    def close(self):
        self.sock.close()


class Page:
    """One browser tab, driven over the DevTools protocol."""

    def __init__(self, ws):
        self.ws = ws
        self.next_id = 0
        self.events = []

    def call(self, method, **params):
        self.next_id += 1
        mid = self.next_id
        self.ws.send(json.dumps({"id": mid, "method": method,
                                 "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == mid:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            if "method" in msg:
                self.events.append(msg)

    def wait_event(self, name, timeout=30):
        end = time.time() + timeout
        while time.time() < end:
            for i, ev in enumerate(self.events):
                if ev["method"] == name:
                    del self.events[i]
                    return ev
            msg = json.loads(self.ws.recv())
            if "method" in msg:
                self.events.append(msg)
        raise RuntimeError(f"no {name} within {timeout} s")

    def eval(self, expr):
        r = self.call("Runtime.evaluate", expression=expr, returnByValue=True)
        if "exceptionDetails" in r:
            raise RuntimeError(f"evaluate {expr!r}: {r['exceptionDetails']}")
        return r["result"].get("value")

    def goto(self, url):
        self.events.clear()
        self.call("Page.navigate", url=url)
        self.wait_event("Page.loadEventFired")

    def click(self, selector, navigates=True):
        """A real mouse click in the middle of the element (of its first
        line box: a link that wraps has a hole in the middle)."""
        box = self.eval(
            "(() => { const e = document.querySelector(%s);"
            " e.scrollIntoView({block: 'center'});"
            " const r = e.getClientRects()[0];"
            " return [r.x + r.width / 2, r.y + r.height / 2]; })()"
            % json.dumps(selector))
        x, y = box
        if navigates:
            self.events.clear()
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y,
                      button="left", clickCount=1)
        if navigates:
            self.wait_event("Page.loadEventFired")

    def type(self, selector, text):
        """Focus a field by clicking it, then type."""
        self.click(selector, navigates=False)
        self.call("Input.insertText", text=text)

    def html(self):
        return self.eval("document.documentElement.outerHTML")

    def screenshot(self, path, width=1280, mobile=False):
        """Save the whole page at WIDTH px; return its scrollWidth there."""
        self.call("Emulation.setDeviceMetricsOverride", width=width,
                  height=900, deviceScaleFactor=1, mobile=mobile)
        scroll = self.eval("document.documentElement.scrollWidth")
        m = self.call("Page.getLayoutMetrics")
        size = m.get("cssContentSize") or m["contentSize"]
        height = min(int(size["height"]) + 1, 8000)
        self.call("Emulation.setDeviceMetricsOverride", width=width,
                  height=height, deviceScaleFactor=1, mobile=mobile)
        r = self.call("Page.captureScreenshot", format="png",
                      captureBeyondViewport=True)
        with open(path, "wb") as f:
            f.write(base64.b64decode(r["data"]))
        self.call("Emulation.setDeviceMetricsOverride", width=1280,
                  height=900, deviceScaleFactor=1, mobile=False)
        return scroll

    def wide_elements(self, width):
        """What sticks out past WIDTH px: tag.class and its right edge."""
        return self.eval(
            "Array.from(document.querySelectorAll('body *'))"
            ".filter(e => e.getBoundingClientRect().right > %d)"
            ".filter(e => !e.closest('.schuif') || e.matches('.schuif'))"
            ".slice(0, 8).map(e => e.tagName.toLowerCase()"
            " + (e.className ? '.' + e.className : '')"
            " + ':' + Math.round(e.getBoundingClientRect().right))" % width)


def find_chromium(given):
    for c in ([given] if given else []) + ["chromium", "chromium-browser",
                                           "google-chrome"]:
        p = shutil.which(c) if c else None
        if p:
            return p
    return None


def run(cmd, stdin=None):
    r = subprocess.run(cmd, input=stdin, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)}: exit {r.returncode}: {r.stderr}")
    return r.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--proeftoets", required=True)
    ap.add_argument("--srcdir", required=True)
    ap.add_argument("--outdir", required=True)
    ap.add_argument("--chromium")
    a = ap.parse_args()

    chromium = find_chromium(a.chromium)
    if chromium is None:
        print("e2e: chromium not found (sh build-aux/install-deps.sh --browser)",
              file=sys.stderr)
        return 1
    os.makedirs(a.outdir, exist_ok=True)
    work = tempfile.mkdtemp(prefix="proeftoets-e2e-")
    db = os.path.join(work, "reg.db")
    rules = os.path.join(a.srcdir, "rules")
    bin_ = os.path.abspath(a.proeftoets)
    server = browser = None
    passed = failed = 0

    def check(ok, what):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print(f"e2e: FAIL: {what}", file=sys.stderr)

    try:
        run([bin_, "--db", db, "import", "-q",
             os.path.join(a.srcdir, "xml", "bwb")])
        run([bin_, "--db", db, "proeftuin", "add", "-q", "--rules", rules,
             os.path.join(a.srcdir, "xml", "proeftuinen", "noord.xml")])
        run([bin_, "--db", db, "user", "add", "anna", "--role", "reviewer"],
            stdin=PASSWORD + "\n")

        server = subprocess.Popen(
            [bin_, "--db", db, "serve", "--listen", "127.0.0.1:0",
             "--rules", rules], stdout=subprocess.PIPE, text=True)
        line = server.stdout.readline()
        if not line.startswith("listening on "):
            raise RuntimeError(f"server: {line!r}")
        base = line.split()[-1].rstrip("/")

        profile = os.path.join(work, "profile")
        os.mkdir(profile)
        browser = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--disable-dev-shm-usage",
             "--remote-debugging-address=127.0.0.1",
             "--remote-debugging-port=0", f"--user-data-dir={profile}",
             "--window-size=1280,900", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        portfile = os.path.join(profile, "DevToolsActivePort")
        for _ in range(300):
            if os.path.exists(portfile) and open(portfile).read().count("\n"):
                break
            time.sleep(0.1)
        else:
            raise RuntimeError("chromium did not open its DevTools port")
        port = int(open(portfile).read().split("\n")[0])
        targets = json.load(urllib.request.urlopen(
            f"http://127.0.0.1:{port}/json/list", timeout=10))
        page_t = next(t for t in targets if t.get("type") == "page")
        page = Page(WebSocket(page_t["webSocketDebuggerUrl"]))
        page.call("Page.enable")
        page.call("Emulation.setDeviceMetricsOverride", width=1280, height=900,
                  deviceScaleFactor=1, mobile=False)

        def shots(name):
            """Screenshots at 1280 and 390 px; no sideways scroll at 390."""
            page.screenshot(os.path.join(a.outdir, name + ".png"))
            w = page.screenshot(os.path.join(a.outdir, name + "-390.png"),
                                390, True)
            wide = []
            if w > 390:
                page.call("Emulation.setDeviceMetricsOverride", width=390,
                          height=900, deviceScaleFactor=1, mobile=True)
                wide = page.wide_elements(390)
                page.call("Emulation.setDeviceMetricsOverride", width=1280,
                          height=900, deviceScaleFactor=1, mobile=False)
            check(w <= 390, f"{name} at 390 px is {w} px wide: {wide}")

        # Not signed in: the sign-in form.
        page.goto(base + "/")
        check("Inloggen" in page.eval("document.title"), "sign-in page first")
        page.type("#user", "anna")
        page.type("#password", PASSWORD)
        page.click("form[action='/login'] button")
        check("Ingelogd als" in page.html(), "signed in after the form")
        check(page.eval("document.cookie") == "",
              "the session cookie is HttpOnly (not visible to scripts)")
        shots("start")

        # The proeftuin, then the finding through its link.
        page.goto(base + "/proeftuinen/noord")
        html = page.html()
        check("Belemmeringen, per benodigde wijziging" in html,
              "proeftuin page shows the groups")
        shots("proeftuin")
        enc = urllib.parse.quote(FINDING, safe="")
        page.click(f"a[href='/findings/{enc}']")
        check(page.eval("location.pathname") == "/findings/" + enc,
              "the link opens the finding")
        html = page.html()
        check("Bepalingen op de peildatum" in html and "<blockquote" in html,
              "finding page quotes the provisions")
        shots("finding")
        provision = page.eval(
            "(() => { const e = document.querySelector("
            "\"main a[href^='/wet/BWBR']\");"
            " return e ? e.getAttribute('href') : null; })()")

        # Decide: choose, type, send.
        page.eval("document.querySelector('#status').value = 'needs-amendment'")
        page.type("#note", NOTE)
        page.click("form.beoordeling button")
        html = page.html()
        check("wetswijziging nodig" in html, "the new status is shown")
        check("&lt;b&gt;nu&lt;/b&gt;" in html and "<b>nu</b>" not in html,
              "the note is shown escaped")
        shots("finding-besloten")

        # Juridische ruimte: save the lawful variant from the proeftuin
        # page, land on the new proeftuin, which has no barriers.
        page.goto(base + "/proeftuinen/noord")
        save = "form[action='/proeftuinen/noord/ruimte/opslaan'] button"
        check(page.eval("!!document.querySelector(%s)" % json.dumps(save)),
              "the reviewer sees the save button of the juridische ruimte")
        check("Variant opslaan als proeftuin " + VARIANT in
              page.eval("document.querySelector(%s).textContent"
                        % json.dumps(save)),
              "the button names the new proeftuin")
        page.click(save)
        check(page.eval("location.pathname") == "/proeftuinen/" + VARIANT,
              "saving lands on the new proeftuin")
        cells = page.eval(
            "Array.from(document.querySelectorAll('table.velden tr'))"
            ".map(r => r.textContent.trim())")
        check("Belemmeringen0" in [c.replace("\n", "").replace(" ", "")
                                   for c in cells],
              f"the variant has no barriers: {cells}")
        check("Geen juridische belemmeringen gevonden" in page.html(),
              "the variant's verdict: no barriers")
        shots("variant")

        # A new proeftuin typed into the form: a regionaal veiligheidsteam
        # that carries out an OTS, a wijkteam, a data flow without grondslag.
        page.goto(base + "/proeftuinen/nieuw")
        check(page.eval("document.querySelectorAll(\"form[action="
                        "'/proeftuinen'] textarea\").length") >= 4,
              "the form for a new proeftuin has its fields")
        shots("nieuw")
        page.type("#v-id", NEW)
        page.type("#v-naam", "Proeftuin Zuid")
        page.type("#v-omschrijving", "Een veiligheidsteam voert de OTS uit.")
        page.type("#v-peildatum", "2026-07-01")
        page.type("#v-gemeenten", "Maastricht\nHeerlen")
        page.type("#v-actoren",
                  "rvt-zuid; regionaal-veiligheidsteam; Veiligheidsteam Zuid;"
                  " nee; ; jeugd; uitvoering-ots\n"
                  "wt-zuid; wijkteam; Wijkteam Zuid")
        page.type("#v-gegevensdeling",
                  "deling; wt-zuid; rvt-zuid; jeugdhulp; geen")
        check(page.eval("document.querySelector('#v-actoren').value")
              .count("\n") == 1, "two actor lines typed")
        page.click("form[action='/proeftuinen'] button")
        check(page.eval("location.pathname") == "/proeftuinen/" + NEW,
              "the form lands on the new proeftuin: "
              + page.eval("location.pathname"))
        for rule, who in (("jw-3.2-1-uitvoering", "rvt-zuid"),
                          ("jw-7.3.11-gegevensdeling", "wt-zuid>rvt-zuid")):
            href = "/findings/" + urllib.parse.quote(
                f"{NEW}/{rule}/{who}", safe="")
            check(page.eval("!!document.querySelector(%s)"
                            % json.dumps(f"a[href='{href}']")),
                  f"the new proeftuin shows the barrier {rule}")
        shots("nieuw-opgeslagen")

        # Edit: the same team also offers jeugdhulp (a task added).
        page.click(f"a[href='/proeftuinen/{NEW}/bewerken']")
        check(page.eval("document.querySelector('#v-id').value") == NEW,
              "the edit form is filled in from the latest version")
        page.click("#v-actoren", navigates=False)
        page.eval("(t => { const i = t.value.indexOf('\\n');"
                  " t.setSelectionRange(i, i); })"
                  "(document.querySelector('#v-actoren'))")
        page.call("Input.insertText", text=" jeugdhulp")
        page.click(f"form[action='/proeftuinen?vorige={NEW}'] button")
        check(page.eval("location.pathname") == "/proeftuinen/" + NEW,
              "the edit lands on the proeftuin")
        page.click(f"a[href='/proeftuinen/{NEW}/versies']")
        rows = page.eval("Array.from(document.querySelectorAll("
                         "'main tbody tr')).map(r => r.cells[0].textContent)")
        check(rows == ["1", "2"], f"the versions page lists two: {rows}")
        check("webwerkruimte (anna)" in page.html(),
              "the versions page names the source")
        shots("versies")
        page.click(f"a[href='/proeftuinen/{NEW}/vergelijk?van=1&naar=2']")
        html = page.html()
        check("<td>jeugdhulp: rvt-zuid</td><td>toegevoegd</td>" in html,
              "the compare page shows the added task")
        lists = page.eval(
            "Array.from(document.querySelectorAll('main h3')).map(h =>"
            " [h.textContent, h.nextElementSibling.textContent])")
        got = dict(lists or [])
        check(f"{NEW}/jw-3.2-2-hulp-en-maatregel/rvt-zuid"
              in got.get("Nieuw", ""),
              f"the compare page: the new barrier appeared: {lists}")
        check(f"{NEW}/risico-vertrouwenspersoon/rvt-zuid"
              in got.get("Verdwenen", ""),
              f"the compare page: a risk disappeared: {lists}")
        shots("vergelijk")

        # Decisions at a glance: filter by soort through the form.
        page.goto(base + "/bevindingen")
        total = page.eval("document.querySelectorAll('main tbody tr').length")
        page.eval("document.querySelector('#f-soort').value = 'risico'")
        page.click("form.filter button")
        check("soort=risico" in page.eval("location.search"),
              "the filter form sets soort=risico")
        kinds = page.eval("Array.from(document.querySelectorAll("
                          "'main tbody tr')).map(r => r.cells[2].textContent)")
        check(kinds and set(kinds) == {"risico"} and len(kinds) < total,
              f"only risks listed ({len(kinds or [])} of {total}): "
              f"{sorted(set(kinds or []))}")
        counts = page.eval("document.querySelector('p.tellingen').textContent")
        check(f"open: {len(kinds)}" in counts and "bevestigd: 0" in counts,
              f"the counts per status are shown: {counts!r}")
        shots("bevindingen")
        page.goto(base + "/logboek")
        row = page.eval(
            "(() => { const a = document.querySelector(%s);"
            " return a ? a.closest('tr').textContent : ''; })()"
            % json.dumps(f"main a[href='/findings/{enc}']"))
        check("anna" in row and "wetswijziging nodig" in row,
              f"the audit log lists the decision: {row!r}")
        check(re.search(r"\b\d{1,2} (%s) \d{4}\b" % "|".join(MONTHS), row),
              f"the decision has a Dutch date: {row!r}")
        shots("logboek")

        # The law: its list, and a provision the finding cites.
        page.goto(base + "/wet")
        check(page.eval("!!document.querySelector("
                        "\"a[href^='/wet/BWBR0034925']\")"),
              "the law list links to the Jeugdwet")
        shots("wet")
        page.goto(base + (provision or "/wet/BWBR0034925/3.2"))
        h1 = page.eval("document.querySelector('main h1').textContent")
        check("3.2" in h1 and "Jeugdwet" in h1,
              f"the provision page {provision} names the article: {h1!r}")
        check(page.eval("!!document.querySelector(%s)"
                        % json.dumps(f"main a[href='/findings/{enc}']")),
              "the provision page links back to the finding")
        shots("bepaling")
        page.ws.close()

        con = sqlite3.connect(db)
        rows = con.execute(
            "SELECT reviewer, old_status, new_status, note FROM review_log"
            " WHERE finding_id = ?", (FINDING,)).fetchall()
        con.close()
        check(rows == [("anna", "open", "needs-amendment", NOTE)],
              f"the audit log holds the decision: {rows}")
        con = sqlite3.connect(db)
        versions = con.execute(
            "SELECT seq, barriers, design LIKE ? FROM proeftuin_version"
            " WHERE proeftuin_id = ?",
            ('%id="' + VARIANT + '"%', VARIANT)).fetchall()
        nbarriers = con.execute(
            "SELECT count(*) FROM finding_snapshot s"
            " JOIN proeftuin_version v ON v.id = s.version_id"
            " WHERE v.proeftuin_id = ? AND s.kind = 'barrier'",
            (VARIANT,)).fetchone()[0]
        noord = con.execute(
            "SELECT count(*) FROM proeftuin_version"
            " WHERE proeftuin_id = 'noord'").fetchone()[0]
        con.close()
        check(versions == [(1, 0, 1)],
              f"the database holds the variant, one version, no barriers: "
              f"{versions}")
        check(nbarriers == 0, f"no barrier among its findings: {nbarriers}")
        check(noord == 1, f"noord itself is unchanged: {noord} versions")
        con = sqlite3.connect(db)
        zuid = con.execute(
            "SELECT seq, source, barriers, instr(design, 'jeugdhulp') > 0"
            " FROM proeftuin_version WHERE proeftuin_id = ? ORDER BY seq",
            (NEW,)).fetchall()
        con.close()
        check([(r[0], r[1]) for r in zuid]
              == [(1, "webwerkruimte (anna)"), (2, "webwerkruimte (anna)")],
              f"the database holds two versions of {NEW}: {zuid}")
        check(len(zuid) == 2 and zuid[0][2] < zuid[1][2],
              f"the second version has more barriers: {zuid}")
    except Exception as e:                      # report, then clean up
        check(False, f"{type(e).__name__}: {e}")
    finally:
        if browser is not None:
            browser.terminate()
            try:
                browser.wait(10)
            except subprocess.TimeoutExpired:
                browser.kill()
        if server is not None:
            server.send_signal(signal.SIGTERM)
            try:
                rest = server.communicate(timeout=10)[0]
                check(server.returncode == 0 and "stopped" in rest,
                      "the server stops cleanly on SIGTERM")
            except subprocess.TimeoutExpired:
                server.kill()
                check(False, "the server did not stop")
        shutil.rmtree(work, ignore_errors=True)
    print(f"e2e: screenshots in {os.path.abspath(a.outdir)}")
    print(f"e2e: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
