#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""mirror_server.py: a small HTTP server for the update tests.

Serves the files under --root on 127.0.0.1 (port 0: the system picks one)
and prints the port on standard output.  Every request is logged to --log
as "METHOD PATH STATUS".  Faults, each for one URL path (repeatable):

  --not-found PATH    answer 404
  --corrupt PATH      flip bytes in the middle of the body (same length)
  --truncate PATH     announce the full Content-Length, send half, close
  --stall PATH        send the headers, then nothing until the end
  --flaky PATH:N      answer 503 to the first N requests, then serve
  --gzip PATH         send the body gzip-compressed (Content-Encoding),
                      though no encoding was asked for
  --oversize PATH     send the body and 4 MiB more (announced)
  --redirect PATH=TO  answer 302 to TO on this server (same origin)
  --redirect-foreign PATH=TO
                      answer 302 to TO on "localhost" (another origin)

The server stops by itself after --lifetime seconds (default 60), so a
test that dies cannot leave it running.
"""
import argparse
import gzip
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--log", required=True)
    ap.add_argument("--lifetime", type=float, default=60.0)
    ap.add_argument("--not-found", action="append", default=[])
    ap.add_argument("--corrupt", action="append", default=[])
    ap.add_argument("--truncate", action="append", default=[])
    ap.add_argument("--stall", action="append", default=[])
    ap.add_argument("--flaky", action="append", default=[])
    ap.add_argument("--gzip", action="append", default=[])
    ap.add_argument("--oversize", action="append", default=[])
    ap.add_argument("--redirect", action="append", default=[])
    ap.add_argument("--redirect-foreign", action="append", default=[])
    args = ap.parse_args()
    redirects = {}
    for r in args.redirect:
        path, _, to = r.partition("=")
        redirects[path] = ("127.0.0.1", to)
    for r in args.redirect_foreign:
        path, _, to = r.partition("=")
        redirects[path] = ("localhost", to)

    root = os.path.realpath(args.root)
    flaky = {}
    for f in args.flaky:
        path, _, n = f.rpartition(":")
        flaky[path] = int(n)
    lock = threading.Lock()
    log = open(args.log, "a", buffering=1)

    def record(method, path, status):
        with lock:
            log.write("%s %s %d\n" % (method, path, status))

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, fmt, *a):
            pass

        def fail(self, status):
            record(self.command, self.path_only, status)
            body = b"error\n"
            self.send_response(status)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body)
            self.close_connection = True

        def do_GET(self):
            self.path_only = unquote(urlsplit(self.path).path)
            p = self.path_only
            if p in args.not_found:
                return self.fail(404)
            if p in redirects:
                host, to = redirects[p]
                record("GET", p, 302)
                self.send_response(302)
                self.send_header("Location", "http://%s:%d%s"
                                 % (host, self.server.server_address[1], to))
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            with lock:
                left = flaky.get(p, 0)
                if left > 0:
                    flaky[p] = left - 1
            if left > 0:
                return self.fail(503)
            full = os.path.realpath(os.path.join(root, p.lstrip("/")))
            if not full.startswith(root + os.sep) or not os.path.isfile(full):
                return self.fail(404)
            with open(full, "rb") as fh:
                body = fh.read()
            if p in args.corrupt and body:
                mid = len(body) // 2
                body = body[:mid] + bytes([body[mid] ^ 0x20]) + body[mid + 1:]
            if p in args.gzip:
                body = gzip.compress(body)
            if p in args.oversize:
                body = body + b" " * (4 << 20)
            record("GET", p, 200)
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            if p in args.gzip:
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            if p in args.truncate or p in args.stall:
                self.send_header("Connection", "close")
            self.end_headers()
            if p in args.stall:
                self.wfile.flush()
                time.sleep(args.lifetime)
                return
            if p in args.truncate:
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
                self.close_connection = True
                return
            self.wfile.write(body)

    class Server(ThreadingHTTPServer):
        def handle_error(self, request, client_address):
            # A client that gives up on a body (a refused or oversized
            # download) is what the tests want, not a server error.
            if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
                return
            super().handle_error(request, client_address)

    server = Server(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdout.write("%d\n" % server.server_address[1])
    sys.stdout.flush()
    time.sleep(args.lifetime)
    os._exit(0)


if __name__ == "__main__":
    main()
