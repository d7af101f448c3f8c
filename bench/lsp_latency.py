#!/usr/bin/env python3
"""lsp_latency.py - cold-start and edit -> fresh diagnostics latency of a language server.

Usage:
  lsp_latency.py --server "dotnet .../paperlsp.dll lsp" --file DIGEST [--edits 30] [--starts 5] [--out result.json]

Measures, all wall-clock milliseconds (time.perf_counter):
  initialize_ms      process start -> initialize response, over --starts fresh processes
  open_to_diag_ms    didOpen -> response to the first textDocument/diagnostic (pull)
  edit_to_diag_pull  didChange (one character typed into a title near the middle) -> textDocument/diagnostic response
  edit_to_diag_push  the same edit -> textDocument/publishDiagnostics carrying the new version (a client without pull)
  requests           with --requests N: documentSymbol, foldingRange, hover (on a title), documentLink and
                     semanticTokens/full, each N times on the open document (first sample reported apart)
A response counts when its last byte has arrived, before this client decodes its JSON (as
../shared/bench/lspbench.py times it): decoding a 760 KB report takes Python 15-20 ms here, which is the
client's time, not the server's.
The edit figures are over --edits edits after --warmup edits (the first edit's time is reported too).
Each edit lands on another title line, so every measurement analyses a new version.
Stdlib only. Requests the server makes are answered with null (workspace/configuration: one null per item).
"""
import argparse, json, os, shlex, statistics, subprocess, sys, threading, time


class Conn:
    def __init__(self, argv):
        self.t_spawn = time.perf_counter()
        self.p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.lock = threading.Condition()
        self.responses, self.notes, self.next_id = {}, [], 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.p.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                k, _, v = line.partition(b":")
                if k.lower() == b"content-length":
                    length = int(v)
            body = out.read(length)
            t = time.perf_counter()
            msg = json.loads(body)
            if "method" in msg and "id" in msg:
                items = (msg.get("params") or {}).get("items") if msg["method"] == "workspace/configuration" else None
                self.send({"jsonrpc": "2.0", "id": msg["id"], "result": [None] * len(items) if items is not None else None})
                continue
            with self.lock:
                if "id" in msg:
                    self.responses[msg["id"]] = (t, msg)
                else:
                    self.notes.append((t, msg))
                self.lock.notify_all()

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()
        return time.perf_counter()

    def request(self, method, params, timeout=120):
        self.next_id += 1
        rid = self.next_id
        t0 = self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        with self.lock:
            if not self.lock.wait_for(lambda: rid in self.responses, timeout):
                raise TimeoutError(method)
            t1, msg = self.responses.pop(rid)
        self.last_received = t1  # when the response's last byte arrived, before the client decoded it
        if "error" in msg:
            raise RuntimeError(f"{method}: {msg['error']}")
        return (t1 - t0) * 1000, msg.get("result")

    def notify(self, method, params):
        return self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_note(self, pred, timeout=120):
        with self.lock:
            found = []
            def check():
                for i, (t, m) in enumerate(self.notes):
                    if pred(m):
                        found.append((t, m)); del self.notes[:i + 1]; return True
                return False
            if not self.lock.wait_for(check, timeout):
                raise TimeoutError("notification")
        return found[0]

    def close(self):
        try:
            self.request("shutdown", None, 30)
            self.notify("exit", None)
            self.p.wait(30)
        except Exception:
            self.p.kill()


def caps(pull):
    c = {"textDocument": {"documentSymbol": {"hierarchicalDocumentSymbolSupport": True},
                          "publishDiagnostics": {"versionSupport": True, "relatedInformation": True}}}
    if pull:
        c["textDocument"]["diagnostic"] = {"dynamicRegistration": False}
    return c


def start(argv, pull, root):
    c = Conn(argv)
    t_init, _ = c.request("initialize", {"processId": os.getpid(), "rootUri": root, "capabilities": caps(pull)})
    c.notify("initialized", {})
    return c, (time.perf_counter() - c.t_spawn) * 1000


def title_lines(text):
    lines = text.split("\n")
    # A title: a short non-blank line followed by a blank line or a long line.
    return [i for i, l in enumerate(lines[:-1]) if 0 < len(l) < 250 and (lines[i + 1] == "" or len(lines[i + 1]) > 300)]


def summary(xs):
    xs = sorted(xs)
    return {"median": round(statistics.median(xs), 2), "p90": round(xs[int(0.9 * (len(xs) - 1))], 2),
            "min": round(xs[0], 2), "max": round(xs[-1], 2), "n": len(xs)}


def time_requests(argv, uri, text, title_line, repeat):
    """Each read request `repeat` times on the opened document; the first (cold) sample is kept apart."""
    c, _ = start(argv, True, None)
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "paper-digest", "version": 1, "text": text}})
    c.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})
    doc = {"textDocument": {"uri": uri}}
    calls = {
        "documentSymbol": ("textDocument/documentSymbol", doc),
        "foldingRange": ("textDocument/foldingRange", doc),
        "hover": ("textDocument/hover", {**doc, "position": {"line": title_line, "character": 2}}),
        "documentLink": ("textDocument/documentLink", doc),
        "semanticTokens": ("textDocument/semanticTokens/full", doc),
    }
    out = {}
    for name, (method, params) in calls.items():
        samples, size = [], 0
        for _ in range(repeat):
            ms, result = c.request(method, params, timeout=600)
            samples.append(ms)
            size = len(result) if isinstance(result, list) else len((result or {}).get("data", [])) if name == "semanticTokens" else 1
        out[name] = summary(samples[1:] if repeat > 1 else samples)
        out[name]["first"] = round(samples[0], 2)
        out[name]["items"] = size
    c.close()
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--server", required=True)
    ap.add_argument("--file", required=True)
    ap.add_argument("--edits", type=int, default=30)
    ap.add_argument("--starts", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=10, help="edits made (and measured separately) before the timed ones")
    ap.add_argument("--requests", type=int, default=0,
                    help="also time documentSymbol, foldingRange, hover, documentLink, semanticTokens/full this many times each")
    ap.add_argument("--skip-edits", action="store_true", help="only initialize, open and --requests (for 200 MB files)")
    ap.add_argument("--out")
    a = ap.parse_args()
    argv = shlex.split(a.server)
    text = open(a.file, encoding="utf-8").read()
    uri = "file://" + os.path.abspath(a.file)
    titles = title_lines(text)
    mid = len(titles) // 2
    res = {"file": a.file, "bytes": os.path.getsize(a.file)}

    inits = []
    for _ in range(a.starts):
        c, t = start(argv, True, None)
        inits.append(t)
        c.close()
    res["initialize_ms"] = summary(inits)

    if a.requests:
        res["requests"] = time_requests(argv, uri, text, titles[mid], a.requests)
    for pull in ((True, False) if not a.skip_edits else ()):
        c, _ = start(argv, pull, None)
        t0 = c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "paper-digest", "version": 1, "text": text}})
        if pull:
            _, r = c.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})
            res["open_to_diag_ms"] = round((c.last_received - t0) * 1000, 2)
            res["diagnostics"] = len(r.get("items") or [])
        else:
            c.wait_note(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("version") == 1)
        samples = []
        for k in range(a.warmup + a.edits):
            line = titles[(mid + k * 7) % len(titles)]
            version = k + 2
            t0 = c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [
                {"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}, "text": "x"}]})
            if pull:
                _, r = c.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})
                t1 = c.last_received
            else:
                t1, _ = c.wait_note(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("version") == version)
            samples.append((t1 - t0) * 1000)
        key = "edit_to_diag_pull" if pull else "edit_to_diag_push"
        res[key] = summary(samples[a.warmup:])
        res[key]["first_edit"] = round(samples[0], 2)
        c.close()
    print(json.dumps(res, indent=1))
    if a.out:
        with open(a.out, "w") as f:
            json.dump(res, f, indent=1)


if __name__ == "__main__":
    main()
