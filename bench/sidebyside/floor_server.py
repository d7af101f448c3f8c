#!/usr/bin/env python3
"""floor_server.py - the transport floor of open -> diagnostics: an LSP server that does no work.

It reads every message whole (so the client's write of a 20 MB didOpen completes exactly as it does
against a real server), never decodes a document, and answers at once: initialize with pull
diagnostics, textDocument/diagnostic with an empty report, every other request with null. Its pipes
grow to 1 MB as PaperLsp's do (cli PipeBuffers). Run by bench/run-sidebyside.sh through
../shared/bench/lspbench.py: the open -> diagnostics it measures is what that client and a pipe cost
before any server has done anything, the part of PaperLsp's figure no server can win back.

Usage: lspbench.py --server "python3 bench/sidebyside/floor_server.py" --file DIGEST ...
"""
import fcntl
import json
import os
import re
import sys

F_SETPIPE_SZ = 1031  # <fcntl.h>, Linux
for fd in (0, 1):
    try:
        fcntl.fcntl(fd, F_SETPIPE_SZ, 1 << 20)
    except OSError:
        pass  # not a pipe, or over the system's limit: the default size

inp = sys.stdin.buffer.raw  # unbuffered: bodies are read straight into their own buffer
out = sys.stdout.buffer
pending = bytearray()


def read_exact(n):
    """n bytes: what is already buffered, then readinto a buffer of the rest's size."""
    global pending
    body = bytearray(n)
    take = min(n, len(pending))
    body[:take] = pending[:take]
    del pending[:take]
    view = memoryview(body)
    while take < n:
        got = inp.readinto(view[take:])
        if not got:
            sys.exit(0)
        take += got
    return body


def read_header():
    global pending
    while b"\r\n\r\n" not in pending:
        chunk = os.read(0, 65536)
        if not chunk:
            sys.exit(0)
        pending += chunk
    head, _, rest = bytes(pending).partition(b"\r\n\r\n")
    pending = bytearray(rest)
    m = re.search(rb"content-length:\s*(\d+)", head, re.IGNORECASE)
    return int(m.group(1)) if m else 0


def send(obj):
    body = json.dumps(obj, separators=(",", ":")).encode()
    out.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    out.flush()


while True:
    body = read_exact(read_header())
    head = bytes(body[:400])  # method and id come first in every client we drive; the text is never looked at
    method = re.search(rb'"method"\s*:\s*"([^"]+)"', head)
    rid = re.search(rb'"id"\s*:\s*(\d+)', head)
    method = method.group(1).decode() if method else None
    if rid is None:
        if method == "exit":
            sys.exit(0)
        continue
    rid = int(rid.group(1))
    if method == "initialize":
        send({"jsonrpc": "2.0", "id": rid, "result": {"capabilities": {
            "textDocumentSync": 2, "diagnosticProvider": {"interFileDependencies": True, "workspaceDiagnostics": False}}}})
    elif method == "textDocument/diagnostic":
        send({"jsonrpc": "2.0", "id": rid, "result": {"kind": "full", "items": []}})
    else:
        send({"jsonrpc": "2.0", "id": rid, "result": None})
