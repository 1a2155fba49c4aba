#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""crash_safety.py: proeftoets killed with SIGKILL loses nothing.

usage: crash_safety.py PROEFTOETS SRCDIR WORKDIR

Two rounds, each against a registry that already holds the bundled laws, a
saved proeftuin and review decisions (the "earlier content"):

1. import: a generated law of about CRASH_MB MiB (default 24) is imported
   and the process is killed at a random moment of the import,
   CRASH_IMPORT_KILLS times (default 25), each time on a fresh copy of the
   registry;
2. review: `review set` decisions are written one after another and the
   writer is killed at a random moment, CRASH_REVIEW_KILLS times
   (default 40), all on one registry;
3. update: `update` from a file:// mirror of a generated law of
   CRASH_UPDATE_MB MiB (default 8) is killed CRASH_UPDATE_KILLS times
   (default 30): no version may keep a temporary download as its source,
   and the next run removes the downloads of killed runs;
4. proeftuin add: a batch of three designs is killed CRASH_BATCH_KILLS
   times (default 15): it lands whole or not at all;
5. amendments -o FILE: killed CRASH_OUTPUT_KILLS times (default 15)
   while it replaces an earlier file: the file afterwards is the earlier
   one or the new one, byte for byte, and no temporary file is left;
6. serve: the web workspace is killed CRASH_SERVE_KILLS times (default
   10) while a signed-in reviewer posts a decision: a decision the
   server acknowledged (303) is in the log, an unacknowledged one is in
   it whole or not at all.

After every kill: PRAGMA integrity_check and foreign_key_check are clean,
the full-text index matches its content, every row of the earlier content
is still there unchanged, and the interrupted write either landed whole or
not at all.  After the import round a repeated import completes; after the
review round the log holds exactly the decisions that were acknowledged
(plus, at most, the one that was interrupted), in order.

The random moments come from CRASH_SEED (default: the time), printed so a
failure can be repeated.  Exit 0 when every check holds, 1 otherwise.
"""

import http.client
import os
import random
import re
import threading
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

FINDING = "noord/jw-3.2-1-uitvoering/rvt-noord"
NEW_BWB = "BWBR9990001"
STATUSES = ["confirmed", "needs-amendment", "mitigated", "open"]

# Tables whose earlier rows must survive unchanged (not the FTS shadow
# tables: the FTS integrity-check covers those).
TABLES = ["law", "version", "provision", "reference", "fetched",
          "proeftuin", "proeftuin_version", "finding", "finding_snapshot",
          "review_log", "web_user", "web_session"]

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg, flush=True)


def pt(binary, db, *args, check=True):
    r = subprocess.run([binary, "--db", db] + list(args),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True)
    if check and r.returncode != 0:
        raise SystemExit("setup: proeftoets %s exited %d: %s"
                         % (" ".join(args), r.returncode, r.stderr.strip()))
    return r


def rows(db):
    """Every row of every table, as a set per table."""
    con = sqlite3.connect(db)
    try:
        out = {}
        for t in TABLES:
            out[t] = set(con.execute("SELECT * FROM %s" % t).fetchall())
        return out
    finally:
        con.close()


def sound(db, what):
    """integrity_check, foreign_key_check and the FTS index check."""
    con = sqlite3.connect(db)
    try:
        ic = con.execute("PRAGMA integrity_check").fetchall()
        if ic != [("ok",)]:
            fail("%s: integrity_check: %r" % (what, ic[:5]))
            return False
        fk = con.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            fail("%s: foreign_key_check: %r" % (what, fk[:5]))
            return False
        # The index's tokenizer ("dutch") lives in proeftoets, so Python
        # cannot run FTS5's integrity-check; every whole article must
        # still have its one entry in the index.
        docs = con.execute("SELECT count(*) FROM provision_fts_docsize"
                           ).fetchone()[0]
        arts = con.execute("SELECT count(*) FROM provision"
                           " WHERE lid IS NULL").fetchone()[0]
        stray = con.execute("SELECT count(*) FROM provision_fts_docsize"
                            " WHERE id NOT IN (SELECT id FROM provision"
                            " WHERE lid IS NULL)").fetchone()[0]
        if docs != arts or stray:
            fail("%s: full-text index: %d entries for %d articles"
                 % (what, docs, arts))
            return False
        return True
    finally:
        con.close()


def kept(before, after, what):
    for t in TABLES:
        lost = before[t] - after[t]
        if lost:
            fail("%s: %d earlier rows of %s lost or changed, e.g. %r"
                 % (what, len(lost), t, sorted(lost, key=repr)[0]))
            return False
    return True


def new_law_provisions(db):
    con = sqlite3.connect(db)
    try:
        return con.execute(
            "SELECT count(*) FROM provision p JOIN version v ON v.id = "
            "p.version_id JOIN law l ON l.id = v.law_id WHERE l.bwb = ?",
            (NEW_BWB,)).fetchone()[0]
    finally:
        con.close()


def review_count(db):
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT count(*) FROM review_log WHERE "
                           "finding_id = ?", (FINDING,)).fetchone()[0]
    finally:
        con.close()


def kill_after(cmd, delay):
    """Start cmd, SIGKILL it after delay seconds; returns its exit status
    (negative when the kill came first)."""
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    try:
        p.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        p.send_signal(signal.SIGKILL)
        p.wait()
    return p.returncode


def survived_kill(status, db, before, what):
    """After a kill (or a run that finished first): the program did not
    fail on its own, the registry is sound and every row of before is
    still there."""
    if status not in (0, -signal.SIGKILL):
        fail("%s: exited %d" % (what, status))
        return False
    return sound(db, what) and kept(before, rows(db), what)


def make_law(src, out, mb):
    """A large law: the Jeugdwet 2026 extract's articles repeated to mb
    MiB, under a BWB id of its own (bench/genlaw.sh)."""
    tmp = out + ".gen"
    subprocess.run(["sh", os.path.join(src, "bench", "genlaw.sh"), str(mb),
                    tmp, os.path.join(src, "xml", "bwb",
                                      "BWBR0034925_2026-01-01_extract.xml")],
                   check=True, stdout=subprocess.DEVNULL)
    with open(tmp, encoding="utf-8") as f:
        text = f.read()
    with open(out, "w", encoding="utf-8") as f:
        f.write(text.replace("BWBR0034925", NEW_BWB))
    os.unlink(tmp)


UPDATE_BWB = "BWBR9990002"


def make_mirror(src, work, mb):
    """A file:// mirror laid out as the BWB repository: a generated law
    and a manifest with its size and SHA-512."""
    import hashlib
    mirror = os.path.join(work, "mirror")
    label = "2026-01-01_0"
    d = os.path.join(mirror, UPDATE_BWB, label, "xml")
    os.makedirs(d)
    name = UPDATE_BWB + "_" + label + ".xml"
    tmp = os.path.join(work, "update.gen")
    make_law(src, tmp, mb)
    with open(tmp, encoding="utf-8") as f:
        text = f.read().replace(NEW_BWB, UPDATE_BWB)
    os.unlink(tmp)
    data = text.encode("utf-8")
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)
    manifest = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<work label="%s" gegenereerd="2026-01-02T06:00:00+01:00">'
        "<metadata><datum_inwerkingtreding>2026-01-01"
        "</datum_inwerkingtreding></metadata>\n"
        '<expression label="%s"><metadata>'
        "<datum_inwerkingtreding>2026-01-01</datum_inwerkingtreding>"
        "<zichtdatum_start>2026-01-01</zichtdatum_start></metadata>\n"
        '<manifestation label="xml"><metadata><size>%d</size>'
        "<hashcode>%s</hashcode></metadata>"
        '<item label="%s" _deleted="false"/></manifestation>'
        "</expression></work>\n"
        % (UPDATE_BWB, label, len(data), hashlib.sha512(data).hexdigest(),
           name))
    with open(os.path.join(mirror, UPDATE_BWB, "manifest.xml"), "w",
              encoding="utf-8") as f:
        f.write(manifest)
    return "file://" + mirror


def leaked_downloads(db):
    d, b = os.path.split(db)
    return [n for n in os.listdir(d) if n.startswith(b + ".update-")]


def foreign_sources(db):
    """Versions whose source is not the law's URL: a temporary path."""
    con = sqlite3.connect(db)
    try:
        return con.execute(
            "SELECT source FROM version v JOIN law l ON l.id = v.law_id"
            " WHERE l.bwb = ? AND source NOT LIKE 'file://%'",
            (UPDATE_BWB,)).fetchall()
    finally:
        con.close()


def update_round(binary, src, work, base, before, rnd):
    """Round 3: SIGKILL during `update` from a file:// mirror.  No kill
    leaves a version named after a temporary download, and the next run
    removes the downloads of killed runs and completes."""
    n = int(os.environ.get("CRASH_UPDATE_KILLS", "30"))
    mb = int(os.environ.get("CRASH_UPDATE_MB", "8"))
    url = make_mirror(src, work, mb)
    d = os.path.join(work, "upd")
    os.makedirs(d)
    db = os.path.join(d, "update.db")
    cmd = [binary, "--db", db, "update", "--base", url, UPDATE_BWB]
    shutil.copy(base, db)
    t0 = time.monotonic()
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True)
    span = time.monotonic() - t0
    if r.returncode != 0:
        fail("update: a whole run exited %d: %s" % (r.returncode,
                                                    r.stderr.strip()))
        return
    survived = 0
    for i in range(n):
        for ext in ("", "-wal", "-shm"):
            if os.path.exists(db + ext):
                os.unlink(db + ext)
        shutil.copy(base, db)
        delay = rnd.uniform(0.0, span * 1.05)
        what = "update kill %d at %.3f s" % (i + 1, delay)
        st = kill_after(cmd, delay)
        if not survived_kill(st, db, before, what):
            continue
        bad = foreign_sources(db)
        if bad:
            fail("%s: a version's source is %s" % (what, bad[0][0]))
            continue
        survived += 1
    leaked = len(leaked_downloads(db))
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True)
    if r.returncode != 0:
        fail("update after the kills exited %d: %s"
             % (r.returncode, r.stderr.strip()))
    left = leaked_downloads(db)
    if left:
        fail("update after the kills left %d temporary downloads: %s"
             % (len(left), left[0]))
    if foreign_sources(db):
        fail("update after the kills: a foreign source")
    print("crash_safety: update: %d of %d kills survived; %d downloads of "
          "killed runs were removed by the next run" % (survived, n, leaked),
          flush=True)


def saved_ids(db):
    con = sqlite3.connect(db)
    try:
        return set(r[0] for r in con.execute("SELECT id FROM proeftuin"))
    finally:
        con.close()


def batch_round(binary, src, work, base, before, rnd):
    """Round 4: SIGKILL during `proeftuin add` of several designs: the
    batch lands whole or not at all."""
    n = int(os.environ.get("CRASH_BATCH_KILLS", "15"))
    designs = [os.path.join(src, "xml", "proeftuinen", f) for f in
               ("rvt-integraal.xml", "wijkteam-hulp-en-dwang.xml",
                "rvt-gecertificeerd.xml")]
    db = os.path.join(work, "batch.db")
    cmd = [binary, "--db", db, "proeftuin", "add", "-q", "--rules",
           os.path.join(src, "rules")] + designs
    shutil.copy(base, db)
    old = saved_ids(db)
    t0 = time.monotonic()
    pt(binary, db, "proeftuin", "add", "-q", "--rules",
       os.path.join(src, "rules"), *designs)
    span = time.monotonic() - t0
    whole = saved_ids(db)
    survived = 0
    for i in range(n):
        for ext in ("", "-wal", "-shm"):
            if os.path.exists(db + ext):
                os.unlink(db + ext)
        shutil.copy(base, db)
        delay = rnd.uniform(0.0, span * 1.05)
        what = "proeftuin add kill %d at %.3f s" % (i + 1, delay)
        st = kill_after(cmd, delay)
        if not survived_kill(st, db, before, what):
            continue
        got = saved_ids(db)
        if got not in (old, whole):
            fail("%s: part of the batch was stored: %s"
                 % (what, sorted(got - old)))
            continue
        survived += 1
    print("crash_safety: proeftuin add: %d of %d kills survived, each batch "
          "whole or not at all" % (survived, n), flush=True)


def output_round(binary, src, work, base, rnd):
    """Round 5: SIGKILL during `amendments -o FILE` over an earlier file:
    the file is the earlier one or the new one, whole."""
    n = int(os.environ.get("CRASH_OUTPUT_KILLS", "15"))
    db = os.path.join(work, "output.db")
    shutil.copy(base, db)
    outdir = os.path.join(work, "out")
    os.mkdir(outdir)
    out = os.path.join(outdir, "wijzigingen.json")
    cmd = [binary, "--db", db, "amendments", "--rules",
           os.path.join(src, "rules"), "--format", "json", "-o", out]
    t0 = time.monotonic()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    span = time.monotonic() - t0
    with open(out, "rb") as f:
        new = f.read()
    old = b"de vorige lijst\n" * 1000
    survived = 0
    for i in range(n):
        with open(out, "wb") as f:
            f.write(old)
        delay = rnd.uniform(0.0, span * 1.05)
        what = "amendments -o kill %d at %.3f s" % (i + 1, delay)
        st = kill_after(cmd, delay)
        if st not in (0, -signal.SIGKILL):
            fail("%s: exited %d" % (what, st))
            continue
        with open(out, "rb") as f:
            got = f.read()
        if got not in (old, new):
            fail("%s: the file is neither the earlier nor the new one "
                 "(%d bytes)" % (what, len(got)))
            continue
        survived += 1
    left = [f for f in os.listdir(outdir) if f != "wijzigingen.json"]
    # Where the file system has anonymous files (O_TMPFILE), a killed
    # write leaves nothing beside the output; elsewhere its temporary
    # file (wijzigingen.json.tmp.XXXXXX) may remain, and nothing else.
    try:
        os.close(os.open(outdir, os.O_TMPFILE | os.O_WRONLY, 0o600))
        anonymous = True
    except (AttributeError, OSError):
        anonymous = False
    stray = [f for f in left
             if anonymous or not f.startswith("wijzigingen.json.tmp.")]
    if stray:
        fail("amendments -o: files left beside the output: %r" % stray)
    print("crash_safety: amendments -o: %d of %d kills survived, the file "
          "always whole" % (survived, n), flush=True)


def serve_start(binary, db, rules):
    p = subprocess.Popen([binary, "--db", db, "serve", "--listen",
                          "127.0.0.1:0", "--rules", rules],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         text=True)
    line = p.stdout.readline()
    m = re.match(r"listening on http://127\.0\.0\.1:(\d+)/", line)
    if not m:
        p.kill()
        p.wait()
        raise SystemExit("setup: serve printed %r" % line)
    return p, int(m.group(1))


def http_req(port, method, path, body=None, cookie=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    h = {}
    if body is not None:
        h["Content-Type"] = "application/x-www-form-urlencoded"
    if cookie:
        h["Cookie"] = cookie
    c.request(method, path, body=body, headers=h)
    r = c.getresponse()
    data = r.read().decode("utf-8", "replace")
    out = (r.status, r.getheader("Set-Cookie") or "", data)
    c.close()
    return out


def serve_login(port):
    """Sign in as a browser does; returns the session cookie."""
    _, ck, page = http_req(port, "GET", "/login")
    nonce = re.search(r"pt_aanmelden=([0-9a-f]+)", ck).group(1)
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
    st, ck, _ = http_req(port, "POST", "/login",
                         "csrf=%s&user=anna&password=geheim-wachtwoord"
                         % csrf, "pt_aanmelden=" + nonce)
    m = re.search(r"pt_sessie=([0-9a-f]+)", ck)
    if st != 303 or not m:
        raise SystemExit("setup: sign-in answered %d" % st)
    return "pt_sessie=" + m.group(1)


def serve_round(binary, src, work, base, before, rnd):
    """Round 6: SIGKILL of `serve` while a decision is posted."""
    n = int(os.environ.get("CRASH_SERVE_KILLS", "10"))
    db = os.path.join(work, "serve.db")
    shutil.copy(base, db)
    rules = os.path.join(src, "rules")
    r = subprocess.run([binary, "--db", db, "user", "add", "anna", "--role",
                        "reviewer"], input="geheim-wachtwoord\n", text=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if r.returncode != 0:
        raise SystemExit("setup: user add: " + r.stderr.strip())
    path = "/findings/" + FINDING.replace("/", "%2F")
    survived = 0
    for i in range(n):
        srv, port = serve_start(binary, db, rules)
        cookie = serve_login(port)
        page = http_req(port, "GET", path, cookie=cookie)[2]
        csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
        prev = rows(db)
        count = review_count(db)
        note = "besluit %d via de werkruimte" % i
        body = "csrf=%s&status=%s&note=%s" % (
            csrf, STATUSES[i % len(STATUSES)], note.replace(" ", "+"))
        # Time one decision, then post another and kill in its span.
        t0 = time.monotonic()
        st = http_req(port, "POST", path + "/review", body, cookie)[0]
        one = time.monotonic() - t0
        if st != 303:
            fail("serve kill %d: a decision answered %d" % (i + 1, st))
        count += 1
        answer = []

        def post():
            try:
                answer.append(http_req(port, "POST", path + "/review",
                                       body, cookie)[0])
            except (OSError, http.client.HTTPException):
                answer.append(None)
        t = threading.Thread(target=post)
        delay = rnd.uniform(0.0, one * 1.2)
        t.start()
        time.sleep(delay)
        srv.send_signal(signal.SIGKILL)
        srv.wait()
        t.join()
        srv.stdout.close()
        what = "serve kill %d at %.3f s" % (i + 1, delay)
        if not (sound(db, what) and kept(prev, rows(db), what)):
            continue
        got = review_count(db)
        if answer[0] == 303 and got != count + 1:
            fail("%s: an acknowledged decision is not in the log "
                 "(%d, want %d)" % (what, got, count + 1))
            continue
        if got not in (count, count + 1):
            fail("%s: the log has %d decisions, want %d or %d"
                 % (what, got, count, count + 1))
            continue
        survived += 1
    kept(before, rows(db), "serve round")
    print("crash_safety: serve: %d of %d kills survived, every "
          "acknowledged decision in the log" % (survived, n), flush=True)


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    binary, src, work = sys.argv[1:]
    seed = int(os.environ.get("CRASH_SEED") or time.time())
    rnd = random.Random(seed)
    mb = int(os.environ.get("CRASH_MB", "24"))
    n_import = int(os.environ.get("CRASH_IMPORT_KILLS", "25"))
    n_review = int(os.environ.get("CRASH_REVIEW_KILLS", "40"))
    print("crash_safety: seed %d (CRASH_SEED to repeat)" % seed, flush=True)

    # The earlier content: laws, a saved proeftuin, two decisions.
    base = os.path.join(work, "base.db")
    pt(binary, base, "import", "-q", os.path.join(src, "xml", "bwb"))
    r = pt(binary, base, "check", "--save", "--rules",
           os.path.join(src, "rules"), "--format", "json",
           os.path.join(src, "xml", "proeftuinen", "noord.xml"), check=False)
    if r.returncode not in (0, 1):
        raise SystemExit("setup: check --save exited %d: %s"
                         % (r.returncode, r.stderr.strip()))
    pt(binary, base, "review", "set", FINDING, "confirmed", "--by", "anna",
       "--note", "eerste besluit")
    pt(binary, base, "review", "set", FINDING, "needs-amendment", "--by",
       "bas", "--note", "wetswijziging nodig")
    for ext in ("-wal", "-shm"):
        if os.path.exists(base + ext):
            raise SystemExit("setup: %s%s left behind after a clean exit"
                             % (base, ext))
    before = rows(base)

    law = os.path.join(work, "groot.xml")
    make_law(src, law, mb)

    # How long a whole import takes here, so that kills fall inside it.
    full = os.path.join(work, "full.db")
    shutil.copy(base, full)
    t0 = time.monotonic()
    pt(binary, full, "import", "-q", law)
    span = time.monotonic() - t0
    expect = new_law_provisions(full)
    if expect == 0:
        raise SystemExit("setup: the generated law gave no provisions")
    print("crash_safety: import of %d MiB takes %.2f s, %d provisions"
          % (mb, span, expect), flush=True)

    # Round 1: kills during the import.
    survived = landed = 0
    db = os.path.join(work, "kill.db")
    for i in range(n_import):
        for ext in ("", "-wal", "-shm"):
            if os.path.exists(db + ext):
                os.unlink(db + ext)
        shutil.copy(base, db)
        delay = rnd.uniform(0.0, span * 1.05)
        what = "import kill %d at %.3f s" % (i + 1, delay)
        st = kill_after([binary, "--db", db, "import", "-q", law], delay)
        if not survived_kill(st, db, before, what):
            continue
        n = new_law_provisions(db)
        if n not in (0, expect):
            fail("%s: %d of %d provisions of the new law: a half import"
                 % (what, n, expect))
            continue
        landed += n == expect
        survived += 1
    # The last killed registry takes the import again.
    r = pt(binary, db, "import", "-q", law, check=False)
    if r.returncode != 0:
        fail("import after the kills exited %d: %s"
             % (r.returncode, r.stderr.strip()))
    elif new_law_provisions(db) != expect:
        fail("import after the kills gave %d provisions, not %d"
             % (new_law_provisions(db), expect))
    else:
        r = pt(binary, db, "laws", check=False)
        if NEW_BWB not in r.stdout:
            fail("import after the kills: %s not in `laws`" % NEW_BWB)
    print("crash_safety: import: %d of %d kills survived (%d came after "
          "the commit)" % (survived, n_import, landed), flush=True)

    # Round 2: kills during review writes, all on one registry.
    db = os.path.join(work, "review.db")
    shutil.copy(base, db)
    acked = review_count(db)
    # One review set, timed, to place the kills.
    t0 = time.monotonic()
    pt(binary, db, "review", "set", FINDING, "open", "--by", "timer",
       "--note", "tijdmeting")
    one = time.monotonic() - t0
    acked += 1
    survived = 0
    for i in range(n_review):
        status = STATUSES[i % len(STATUSES)]
        note = "besluit %d: 'quote', \"dubbel\", <b>, komma, regel\nnieuw" % i
        # A few acknowledged writes, then one that is killed.
        for _ in range(rnd.randint(0, 2)):
            pt(binary, db, "review", "set", FINDING, status, "--by", "cees",
               "--note", note)
            acked += 1
        prev = rows(db)
        delay = rnd.uniform(0.0, one * 1.1)
        what = "review kill %d at %.3f s" % (i + 1, delay)
        st = kill_after([binary, "--db", db, "review", "set", FINDING,
                         status, "--by", "dirk", "--note", note], delay)
        if not survived_kill(st, db, prev, what):
            continue
        n = review_count(db)
        if st == 0 and n != acked + 1:
            fail("%s: acknowledged decision missing (%d, want %d)"
                 % (what, n, acked + 1))
            continue
        if n not in (acked, acked + 1):
            fail("%s: review log has %d entries, want %d or %d"
                 % (what, n, acked, acked + 1))
            continue
        acked = n
        survived += 1
    r = pt(binary, db, "review", "log", FINDING, check=False)
    if r.returncode != 0:
        fail("review log after the kills exited %d" % r.returncode)
    elif not kept(before, rows(db), "review round"):
        pass
    print("crash_safety: review: %d of %d kills survived, %d decisions in "
          "the log" % (survived, n_review, acked), flush=True)

    update_round(binary, src, work, base, before, rnd)
    batch_round(binary, src, work, base, before, rnd)
    output_round(binary, src, work, base, rnd)
    serve_round(binary, src, work, base, before, rnd)

    if failures:
        print("crash_safety: %d failures (seed %d)" % (len(failures), seed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
