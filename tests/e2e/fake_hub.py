#!/usr/bin/env python3
"""A small stand-in for linli-hub in the kiosk's end-to-end tests.

Serves one kiosk the protocol of docs/protocol.md (bundle with ETag/304
and gzip, idempotent events, heartbeat) from a bundle file, and can
misbehave on purpose: the file STATE_DIR/mode holds one of

  ok  truncated-gzip  invalid-json  invalid-utf8  wrong-types  huge
  hang  unavailable  no-results

read at every request, so a test switches it without a restart. Events it
accepted are kept by uuid in STATE_DIR/events.json (a replay is a
duplicate), so a test counts them. Prints {"url": ...} on its first line.

usage: fake_hub.py BUNDLE_FILE STATE_DIR TOKEN
"""
import gzip
import hashlib
import json
import os
import sys
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BUNDLE, STATE, TOKEN = sys.argv[1], sys.argv[2], sys.argv[3]
LOCK = threading.Lock()


def mode():
    try:
        with open(os.path.join(STATE, "mode")) as f:
            return f.read().strip() or "ok"
    except OSError:
        return "ok"


def events_path():
    return os.path.join(STATE, "events.json")


def load_events():
    try:
        with open(events_path()) as f:
            return json.load(f)
    except (OSError, ValueError):
        return {}


def save_events(ev):
    tmp = events_path() + ".tmp"
    with open(tmp, "w") as f:
        json.dump(ev, f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, events_path())


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", headers=None):
        with LOCK, open(os.path.join(STATE, "requests.log"), "a") as log:
            log.write("%s %s %d\n" % (self.command, self.path, status))
        self.send_response(status)
        self.send_header("Date", formatdate(usegmt=True))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def error(self, status, code, msg, headers=None):
        body = json.dumps({"error": code, "message": msg}).encode()
        self.send(status, body, dict(headers or {},
                                     **{"Content-Type": "application/json"}))

    def authorised(self):
        if self.headers.get("Authorization") != "Bearer " + TOKEN:
            self.error(401, "unauthorized", "unknown token")
            return False
        return True

    def do_GET(self):
        if not self.authorised():
            return
        if self.path != "/api/v1/bundle":
            return self.error(404, "not_found", self.path)
        m = mode()
        if m == "hang":
            time.sleep(3600)
            return
        if m == "unavailable":
            return self.error(503, "unavailable", "maintenance",
                              {"Retry-After": "7"})
        with open(BUNDLE, "rb") as f:
            body = f.read()
        if m == "invalid-json":
            body = body[: len(body) // 2]
        elif m == "invalid-utf8":
            body = body.replace("邻".encode(), b"\xff\xfe", 1)
            if b"\xff\xfe" not in body:
                body = body.replace(b'"zh": "', b'"zh": "\xc3\x28', 1)
        elif m == "wrong-types":
            doc = json.loads(body)
            doc["services"][0]["lat"] = "north"
            body = json.dumps(doc, ensure_ascii=False).encode()
        elif m == "huge":
            body = b"[" + b"0," * (40 << 20) + b"0]"
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        if self.headers.get("If-None-Match") == etag and m == "ok":
            return self.send(304, b"", {"ETag": etag})
        headers = {"ETag": etag, "Content-Type": "application/json"}
        if "gzip" in (self.headers.get("Accept-Encoding") or ""):
            body = gzip.compress(body, 6)
            headers["Content-Encoding"] = "gzip"
            if m == "truncated-gzip":
                body = body[: len(body) * 2 // 3]
        self.send(200, body, headers)

    def do_POST(self):
        if not self.authorised():
            return
        n = int(self.headers.get("Content-Length") or 0)
        data = self.rfile.read(n)
        if self.path == "/api/v1/heartbeat":
            with open(os.path.join(STATE, "heartbeat.json"), "wb") as f:
                f.write(data)
            return self.send(200, b'{"ok": true}',
                             {"Content-Type": "application/json"})
        if self.path != "/api/v1/events":
            return self.error(404, "not_found", self.path)
        if mode() == "unavailable":
            return self.error(503, "unavailable", "maintenance",
                              {"Retry-After": "7"})
        try:
            batch = json.loads(data)["events"]
        except (ValueError, KeyError, TypeError):
            return self.error(400, "bad_request", "events: expected an array")
        if len(batch) > 100:
            return self.error(400, "bad_request", "events: more than 100")
        results = []
        with LOCK:
            seen = load_events()
            for e in batch:
                u = e["uuid"]
                if e["type"] == "booking":
                    result = {"booking": "confirmed"}
                else:
                    result = {}
                status = "duplicate" if u in seen else "accepted"
                if u not in seen:
                    seen[u] = {"event": e, "result": result}
                results.append({"uuid": u, "status": status,
                                "result": seen[u]["result"]})
            save_events(seen)
        if mode() == "no-results":
            results = []
        self.send(200, json.dumps({"results": results}).encode(),
                  {"Content-Type": "application/json"})


def main():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    print(json.dumps({"url": "http://127.0.0.1:%d" % srv.server_port}),
          flush=True)
    srv.serve_forever()


main()
