#!/usr/bin/env python3
"""ws_symbol.py - workspace/symbol over a folder of digests, the same way for any language server.

Usage:
  ws_symbol.py --server "CMD ARGS" --folder DIR [--query Neural] [--repeat 5]
               [--wait-progress] [--settings JSON] [--timeout 600] [--stderr FILE] --out result.json

What it measures (wall-clock ms, time.perf_counter):
  cold_ms        `initialized` sent -> the first complete workspace/symbol answer.
                 --wait-progress (servers that index in the background and report it with
                 $/progress, like PaperLsp): the query is sent when the first work-done progress
                 ends, so the answer covers every file; index_ms is that end.
                 Without it (VS Code's Markdown server, which reads the files when first asked):
                 the query is sent right after `initialized`.
  warm           the same query --repeat more times: first/min/median/max.
  results        how many symbols the first answer held (servers cap differently).
  peak_rss_kb    VmHWM of the server and every descendant process, summed (shim + server for the
                 Markdown server), read before shutdown.
No file is opened. Server requests are answered like ../shared/bench/lspbench.py answers them:
workspace/configuration -> [null, ...] (the settings go by workspace/didChangeConfiguration),
workspace/workspaceFolders -> the folder, anything else -> null. Stdlib only.
"""
import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path


class Client:
    def __init__(self, argv, folders, stderr):
        self.folders = folders
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr)
        self.cv = threading.Condition()
        self.answers, self.progress_ends, self.next_id = {}, [], 0
        self.closed = False
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        try:
            while True:
                length = None
                while True:
                    line = out.readline()
                    if not line:
                        return
                    line = line.strip()
                    if not line:
                        if length is not None:
                            break
                        continue
                    key, _, value = line.partition(b":")
                    if key.strip().lower() == b"content-length":
                        length = int(value)
                body = out.read(length)
                t = time.perf_counter()
                msg = json.loads(body)
                method = msg.get("method")
                if method is not None and "id" in msg:
                    self._send({"jsonrpc": "2.0", "id": msg["id"], "result": self._answer(method, msg.get("params") or {})})
                    continue
                with self.cv:
                    if method is None:
                        self.answers[msg.get("id")] = (t, msg)
                    elif method == "$/progress" and (msg.get("params") or {}).get("value", {}).get("kind") == "end":
                        self.progress_ends.append(t)
                    self.cv.notify_all()
        finally:
            with self.cv:
                self.closed = True
                self.cv.notify_all()

    def _answer(self, method, params):
        if method == "workspace/configuration":
            return [None for _ in params.get("items", [])]
        if method == "workspace/workspaceFolders":
            return self.folders
        return None

    def _send(self, msg):
        body = json.dumps(msg, ensure_ascii=False).encode("utf-8")
        try:
            self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            pass
        return time.perf_counter()

    def notify(self, method, params):
        return self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params, timeout):
        """(t_sent, t_received, result); raises on an error answer, a timeout or a closed pipe."""
        with self.cv:
            self.next_id += 1
            rid = self.next_id
        t0 = self._send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        with self.cv:
            if not self.cv.wait_for(lambda: rid in self.answers or self.closed, timeout):
                raise RuntimeError(f"{method}: no answer within {timeout} s")
            if rid not in self.answers:
                raise RuntimeError(f"{method}: the server closed its output")
            t1, msg = self.answers.pop(rid)
        if "error" in msg:
            raise RuntimeError(f"{method}: {msg['error'].get('message')}")
        return t0, t1, msg.get("result")

    def wait_progress_end(self, timeout):
        with self.cv:
            if not self.cv.wait_for(lambda: self.progress_ends or self.closed, timeout) or not self.progress_ends:
                raise RuntimeError("no $/progress end")
            return self.progress_ends[0]

    def peak_rss_kb(self):
        pids = [self.proc.pid] + descendants(self.proc.pid)
        total = 0
        for pid in pids:
            try:
                with open(f"/proc/{pid}/status") as f:
                    total += next(int(l.split()[1]) for l in f if l.startswith("VmHWM:"))
            except (OSError, StopIteration):
                pass
        return total

    def stop(self):
        try:
            self.request("shutdown", None, 30)
            self.notify("exit", None)
            self.proc.wait(30)
        except Exception:  # a server that does not stop is killed; the measurement is already taken
            for pid in descendants(self.proc.pid):
                try:
                    os.kill(pid, 9)
                except OSError:
                    pass
            self.proc.kill()
            self.proc.wait()


def descendants(pid):
    parent_of = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = open(f"/proc/{entry}/stat").read()
                parent_of[int(entry)] = int(stat[stat.rindex(")") + 2:].split()[1])
            except (OSError, ValueError, IndexError):
                pass
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        kids = [c for c, pp in parent_of.items() if pp == p]
        out += kids
        todo += kids
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--server", required=True)
    ap.add_argument("--folder", required=True)
    ap.add_argument("--query", default="Neural")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--wait-progress", action="store_true")
    ap.add_argument("--settings")
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--stderr")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()

    folder = Path(a.folder).resolve()
    uri = "file://" + urllib.parse.quote(str(folder))
    folders = [{"uri": uri, "name": folder.name}]
    err = open(a.stderr, "wb") if a.stderr else subprocess.DEVNULL
    res = {"server": a.server, "folder": str(folder), "files": sum(1 for _ in folder.iterdir()),
           "query": a.query, "loadavg_start": os.getloadavg(), "errors": []}
    c = Client(shlex.split(a.server), folders, err)
    try:
        caps = {"window": {"workDoneProgress": True},
                "workspace": {"configuration": True, "workspaceFolders": True, "symbol": {"dynamicRegistration": True},
                              "didChangeConfiguration": {"dynamicRegistration": True}},
                "textDocument": {"documentSymbol": {"hierarchicalDocumentSymbolSupport": True}}}
        c.request("initialize", {"processId": os.getpid(), "rootUri": uri, "workspaceFolders": folders,
                                 "capabilities": caps}, a.timeout)
        t_init = c.notify("initialized", {})
        if a.settings:
            c.notify("workspace/didChangeConfiguration", {"settings": json.loads(a.settings)})
        if a.wait_progress:
            res["index_ms"] = round((c.wait_progress_end(a.timeout) - t_init) * 1000, 1)
        _, t1, first = c.request("workspace/symbol", {"query": a.query}, a.timeout)
        res["cold_ms"] = round((t1 - t_init) * 1000, 1)
        res["results"] = len(first or [])
        warm = []
        for _ in range(a.repeat):
            t0, t1, _ = c.request("workspace/symbol", {"query": a.query}, a.timeout)
            warm.append(round((t1 - t0) * 1000, 2))
        res["warm"] = {"first": warm[0], "min": min(warm), "median": statistics.median(warm), "max": max(warm), "samples": warm}
    except RuntimeError as e:
        res["errors"].append(str(e))
    finally:
        res["peak_rss_kb"] = c.peak_rss_kb()
        c.stop()
        res["loadavg_end"] = os.getloadavg()
    Path(a.out).write_text(json.dumps(res, indent=1))
    print(f"workspace/symbol {a.query!r} on {res['files']} files: cold {res.get('cold_ms')} ms "
          f"(index {res.get('index_ms', '-')} ms), warm median {res.get('warm', {}).get('median')} ms, "
          f"{res.get('results')} results, peak RSS {res['peak_rss_kb'] // 1024} MB, errors {res['errors']}")
    return 0 if not res["errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
