#!/usr/bin/env python3
"""load_test.py - a typing simulation against a language server (issue 8, part 5).

Usage:
  load_test.py --server "dotnet .../paperlsp.dll lsp" --file DIGEST [--rate 50] [--seconds 60]
               [--mix hover,documentSymbol,hover,workspace/symbol] [--chars-per-title 8]
               [--pull] [--out result.json]

What it does:
  * starts the server, opens DIGEST (didOpen), waits for its first diagnostics;
  * types --rate characters per second for --seconds seconds, on a fixed schedule (edit k is due
    at start + k / rate, whatever the server does): each edit inserts one letter at the end of a
    title around the middle of the file (--chars-per-title letters into one title, then the next
    title, seven titles further on, as bench/lsp_latency.py picks them);
  * right after each edit it sends one read request, the kinds taken in turn from --mix
    (hover on the title being typed, documentSymbol, workspace/symbol for a word of that title,
    textDocument/diagnostic); before the next edit it sends $/cancelRequest for every request
    that has not been answered yet, as an editor does with stale requests;
  * after the last edit: one more request of each kind, which must be answered (the "settled"
    latency), and the wait for the diagnostics of the final version (pushed, or pulled with --pull);
  * samples the server's VmRSS from /proc/PID/status every second, and VmHWM at the end.

Reports, per request kind: sent, answered with a result, answered -32800 (RequestCancelled) or
-32801 (ContentModified), other errors, and p50/p99/max latency of the answered ones (send -> answer
read, ms). It checks that every request got exactly one answer (none missing after a grace period,
no duplicates, no answer to an unknown id) and says so. Also: how late the edits went out against
their schedule (a server that stops reading its input makes the client's writes block), the
number of diagnostics publications, the server's CPU seconds, and the RSS series.
Stdlib only. Server requests (workspace/configuration, progress, registrations) are answered.
"""
import argparse
import json
import os
import re
import shlex
import statistics
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_latency import title_lines  # noqa: E402

KINDS = {"hover": "textDocument/hover", "documentSymbol": "textDocument/documentSymbol",
         "workspace/symbol": "workspace/symbol", "diagnostic": "textDocument/diagnostic"}


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


def status(pid):
    out = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                k, _, v = line.partition(":")
                if k in ("VmRSS", "VmHWM"):
                    out[k] = int(v.split()[0])
    except OSError:
        pass
    return out


def cpu_seconds(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            stat = f.read()
        fields = stat[stat.rindex(")") + 2:].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def pct(xs, p):
    """Nearest-rank percentile."""
    if not xs:
        return None
    xs = sorted(xs)
    k = max(0, min(len(xs) - 1, int(round(p / 100 * len(xs) + 0.5)) - 1))
    return round(xs[k], 2)


class Server:
    def __init__(self, argv, stderr):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, bufsize=0)
        self.write_lock = threading.Lock()
        self.cv = threading.Condition()
        self.next_id = 0
        self.requests = {}      # id -> {"kind", "t_sent", "answers": [(t, outcome, code)], "cancelled": bool}
        self.unknown_answers = 0
        self.pending = set()    # ids sent, neither answered nor cancelled
        self.diag_versions = []  # (t, version, count) of every publishDiagnostics for our document
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
                    k, _, v = line.partition(b":")
                    if k.strip().lower() == b"content-length":
                        length = int(v)
                chunks, left = [], length
                while left:
                    chunk = out.read(left)
                    if not chunk:
                        return
                    chunks.append(chunk)
                    left -= len(chunk)
                t = time.perf_counter()
                body = b"".join(chunks)
                # Big results (an outline of 11,800 symbols) need not be decoded: the head says what it is.
                head = body[:300]
                if b'"method"' in head:
                    if b'"textDocument/publishDiagnostics"' in head and len(body) > 65536:
                        # ~2,000 diagnostics a time, 50 times a second: decoding them all would make this
                        # client the bottleneck. The version is a top-level field near the end.
                        m = self.VERSION.search(body, len(body) - 200)
                        if m:
                            with self.cv:
                                self.diag_versions.append((t, int(m.group(1)), body.count(b'"severity"')))
                                self.cv.notify_all()
                            continue
                    msg = json.loads(body)
                    if "id" in msg:
                        self._answer(msg)
                    elif msg["method"] == "textDocument/publishDiagnostics":
                        p = msg["params"]
                        with self.cv:
                            self.diag_versions.append((t, p.get("version"), len(p.get("diagnostics") or [])))
                            self.cv.notify_all()
                    continue
                rid, outcome, code = self._classify(body)
                with self.cv:
                    req = self.requests.get(rid)
                    if req is None:
                        self.unknown_answers += 1
                    else:
                        req["answers"].append((t, outcome, code))
                        self.pending.discard(rid)
                    self.cv.notify_all()
        finally:
            with self.cv:
                self.closed = True
                self.cv.notify_all()

    VERSION = re.compile(rb'\],"version":(\d+)\}\}$')
    ENVELOPE = re.compile(rb'\{"jsonrpc":"2\.0","id":(\d+),"result":')

    @classmethod
    def _classify(cls, body):
        m = cls.ENVELOPE.match(body)
        if m:  # a result: no need to decode a 3 MB outline to know that
            return int(m.group(1)), "result", None
        msg = json.loads(body)
        rid = msg.get("id")
        if "error" in msg:
            code = msg["error"].get("code")
            return rid, {-32800: "cancelled", -32801: "content_modified"}.get(code, "error"), code
        return rid, "result", None

    def _answer(self, msg):
        method, params = msg["method"], msg.get("params") or {}
        result = [None for _ in params.get("items", [])] if method == "workspace/configuration" else None
        self.send({"jsonrpc": "2.0", "id": msg["id"], "result": result})

    def send(self, msg):
        body = json.dumps(msg, ensure_ascii=False).encode("utf-8")
        with self.write_lock:
            self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        return time.perf_counter()

    def request(self, kind, method, params):
        with self.cv:
            self.next_id += 1
            rid = self.next_id
            self.requests[rid] = {"kind": kind, "t_sent": time.perf_counter(), "answers": [], "cancelled": False}
            self.pending.add(rid)
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        return rid

    def wait(self, rid, timeout):
        with self.cv:
            self.cv.wait_for(lambda: self.requests[rid]["answers"] or self.closed, timeout)
            a = self.requests[rid]["answers"]
            return a[0] if a else None

    def outstanding(self):
        with self.cv:
            return list(self.pending)

    def cancel(self, rid):
        with self.cv:
            self.requests[rid]["cancelled"] = True
            self.pending.discard(rid)
        self.send({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": rid}})

    def notify(self, method, params):
        return self.send({"jsonrpc": "2.0", "method": method, "params": params})


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--server", required=True)
    ap.add_argument("--file", required=True)
    ap.add_argument("--rate", type=float, default=50, help="edits per second")
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--mix", default="hover,documentSymbol,hover,workspace/symbol",
                    help="request kinds sent after the edits, in turn: " + ", ".join(KINDS))
    ap.add_argument("--chars-per-title", type=int, default=8)
    ap.add_argument("--pull", action="store_true", help="announce pull diagnostics (default: the server pushes)")
    ap.add_argument("--grace", type=float, default=30, help="seconds to wait for the last answers")
    ap.add_argument("--stderr", help="the server's stderr goes here")
    ap.add_argument("--out")
    a = ap.parse_args()
    mix = a.mix.split(",")
    for k in mix:
        if k not in KINDS:
            ap.error(f"unknown request kind {k}")

    text = open(a.file, encoding="utf-8").read()
    lines = text.split("\n")
    titles = title_lines(text)
    mid = len(titles) // 2
    uri = "file://" + os.path.abspath(a.file)
    doc = {"textDocument": {"uri": uri}}

    err = open(a.stderr, "wb") if a.stderr else subprocess.DEVNULL
    s = Server(shlex.split(a.server), err)
    pid = s.proc.pid
    res = {"server": a.server, "file": a.file, "bytes": os.path.getsize(a.file), "papers_titles": len(titles),
           "rate": a.rate, "seconds": a.seconds, "mix": mix, "diagnostics_mode": "pull" if a.pull else "push",
           "loadavg_start": os.getloadavg()}

    caps = {"textDocument": {"documentSymbol": {"hierarchicalDocumentSymbolSupport": True},
                             "hover": {"contentFormat": ["markdown", "plaintext"]},
                             "publishDiagnostics": {"versionSupport": True, "relatedInformation": True}},
            "workspace": {"configuration": True, "symbol": {}}}
    if a.pull:
        caps["textDocument"]["diagnostic"] = {"dynamicRegistration": False}
    rid = s.request("init", "initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": caps})
    if s.wait(rid, 60) is None:
        sys.exit("no initialize answer")
    s.notify("initialized", {})

    # RSS every second, from before the open to the end.
    samples, stop = [], threading.Event()
    t_origin = time.perf_counter()

    def sample():
        while not stop.is_set():
            st = status(pid)
            if "VmRSS" in st:
                samples.append((round(time.perf_counter() - t_origin, 2), st["VmRSS"] // 1024))
            stop.wait(1.0)
    threading.Thread(target=sample, daemon=True).start()

    t_open = s.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "paper-digest", "version": 1, "text": text}})
    if a.pull:
        rid = s.request("open", "textDocument/diagnostic", doc)
        ans = s.wait(rid, 300)
        res["open_to_diagnostics_ms"] = round((ans[0] - t_open) * 1000, 1) if ans else None
    else:
        with s.cv:
            s.cv.wait_for(lambda: s.diag_versions or s.closed, 300)
        res["open_to_diagnostics_ms"] = round((s.diag_versions[0][0] - t_open) * 1000, 1) if s.diag_versions else None
    res["rss_mb_after_open"] = status(pid).get("VmRSS", 0) // 1024
    cpu0 = cpu_seconds(pid)

    # Typing.
    n_edits = int(a.rate * a.seconds)
    period = 1.0 / a.rate
    lags, version = [], 1
    kinds_sent = {}
    t_start = time.perf_counter()
    res["typing_starts_at_s"] = round(t_start - t_origin, 2)
    for k in range(n_edits):
        due = t_start + k * period
        now = time.perf_counter()
        if due > now:
            time.sleep(due - now)
        for rid in s.outstanding():
            s.cancel(rid)
        line = titles[(mid + (k // a.chars_per_title) * 7) % len(titles)]
        col = utf16_len(lines[line])
        letter = "abcdefghijklmnopqrstuvwxyz"[k % 26]
        lines[line] += letter
        version += 1
        t = s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [
            {"range": {"start": {"line": line, "character": col}, "end": {"line": line, "character": col}}, "text": letter}]})
        lags.append((t - due) * 1000)
        kind = mix[k % len(mix)]
        kinds_sent[kind] = kinds_sent.get(kind, 0) + 1
        word = lines[line].split()[0] if lines[line].split() else "a"
        params = {"hover": {**doc, "position": {"line": line, "character": 2}},
                  "documentSymbol": doc, "diagnostic": doc, "workspace/symbol": {"query": word}}[kind]
        s.request(kind, KINDS[kind], params)
    t_typed = time.perf_counter()
    res["typing_took_s"] = round(t_typed - t_start, 2)
    res["final_version"] = version

    # Settled: the diagnostics of the final version, and one answered request of each kind.
    if a.pull:
        rid = s.request("settle:diagnostic", "textDocument/diagnostic", doc)
        ans = s.wait(rid, 300)
        res["final_diagnostics_ms"] = round((ans[0] - t_typed) * 1000, 1) if ans and ans[1] == "result" else None
    else:
        with s.cv:
            s.cv.wait_for(lambda: any(v == version for _, v, _ in s.diag_versions) or s.closed, 300)
            hit = [t for t, v, _ in s.diag_versions if v == version]
        res["final_diagnostics_ms"] = round((hit[0] - t_typed) * 1000, 1) if hit else None
    settled = {}
    line = titles[(mid + ((n_edits - 1) // a.chars_per_title) * 7) % len(titles)]
    for kind in dict.fromkeys(mix):
        params = {"hover": {**doc, "position": {"line": line, "character": 2}},
                  "documentSymbol": doc, "diagnostic": doc, "workspace/symbol": {"query": lines[line].split()[0]}}[kind]
        rid = s.request("settle:" + kind, KINDS[kind], params)
        ans = s.wait(rid, 300)
        settled[kind] = {"ms": round((ans[0] - s.requests[rid]["t_sent"]) * 1000, 1) if ans else None,
                         "outcome": ans[1] if ans else "missing"}
    res["settled"] = settled

    # Exactly one answer per request: wait for stragglers, then count.
    deadline = time.perf_counter() + a.grace
    with s.cv:
        s.cv.wait_for(lambda: all(r["answers"] for r in s.requests.values()) or s.closed, max(0, deadline - time.perf_counter()))
    time.sleep(0.5)  # let a duplicate answer, if any, arrive
    cpu1 = cpu_seconds(pid)
    st = status(pid)
    stop.set()
    with s.cv:
        reqs = dict(s.requests)
        res["publishes_during_typing"] = sum(1 for t, _, _ in s.diag_versions if t_start <= t <= t_typed)
        res["publishes_total"] = len(s.diag_versions)
    per = {}
    missing = duplicates = 0
    for rid, r in reqs.items():
        kind = r["kind"]
        if kind == "init" or kind == "open" or kind.startswith("settle"):
            missing += not r["answers"]
            duplicates += len(r["answers"]) > 1
            continue
        p = per.setdefault(kind, {"sent": 0, "result": 0, "cancelled": 0, "content_modified": 0, "error": 0,
                                  "missing": 0, "duplicate_answers": 0, "cancel_sent": 0, "lat": [], "lat_any": []})
        p["sent"] += 1
        p["cancel_sent"] += r["cancelled"]
        if not r["answers"]:
            p["missing"] += 1
            missing += 1
            continue
        if len(r["answers"]) > 1:
            p["duplicate_answers"] += 1
            duplicates += 1
        t, outcome, _ = r["answers"][0]
        p[outcome] += 1
        ms = (t - r["t_sent"]) * 1000
        p["lat_any"].append(ms)
        if outcome == "result":
            p["lat"].append(ms)
    for kind, p in per.items():
        lat, lat_any = p.pop("lat"), p.pop("lat_any")
        p["answered_ms"] = {"p50": pct(lat, 50), "p99": pct(lat, 99), "max": round(max(lat), 2) if lat else None}
        p["any_outcome_ms"] = {"p50": pct(lat_any, 50), "p99": pct(lat_any, 99), "max": round(max(lat_any), 2) if lat_any else None}
    res["requests"] = per
    res["exactly_one_answer"] = {"ok": missing == 0 and duplicates == 0 and s.unknown_answers == 0,
                                 "missing": missing, "duplicates": duplicates, "unknown_ids": s.unknown_answers}
    res["edit_send_lag_ms"] = {"p50": pct(lags, 50), "p99": pct(lags, 99), "max": round(max(lags), 2)}
    res["server_cpu_s_during_typing_and_settle"] = round(cpu1 - cpu0, 2) if cpu0 is not None and cpu1 is not None else None
    res["rss_mb_series"] = samples
    typing = [mb for t, mb in samples if res["typing_starts_at_s"] <= t <= res["typing_starts_at_s"] + res["typing_took_s"]]
    res["rss_mb_while_typing"] = {"min": min(typing), "median": statistics.median(typing), "max": max(typing)} if typing else None
    res["vm_hwm_mb"] = st.get("VmHWM", 0) // 1024
    res["loadavg_end"] = os.getloadavg()

    rid = s.request("shutdown", "shutdown", None)
    s.wait(rid, 30)
    s.notify("exit", None)
    try:
        s.proc.wait(30)
    except subprocess.TimeoutExpired:
        s.proc.kill()
    res["exit_code"] = s.proc.returncode

    if a.out:
        with open(a.out, "w") as f:
            json.dump(res, f, indent=1)
    print(summary(res))
    return 0 if res["exactly_one_answer"]["ok"] else 1


def summary(r):
    out = [f"{os.path.basename(r['file'])} ({r['bytes'] / 1e6:.1f} MB): {r['rate']:.0f} edits/s for {r['seconds']:.0f} s "
           f"(typing took {r['typing_took_s']} s; edits late by p50 {r['edit_send_lag_ms']['p50']} / p99 {r['edit_send_lag_ms']['p99']} / "
           f"max {r['edit_send_lag_ms']['max']} ms), diagnostics {r['diagnostics_mode']}, load average "
           f"{r['loadavg_start'][0]:.1f} -> {r['loadavg_end'][0]:.1f}",
           "", "| request | sent | answered | cancelled (-32800) | content modified (-32801) | other errors | missing | "
           "answered p50 ms | answered p99 ms | answered max ms | any answer p50 / p99 ms |",
           "|---|---|---|---|---|---|---|---|---|---|---|"]
    for kind, p in r["requests"].items():
        am, an = p["answered_ms"], p["any_outcome_ms"]
        out.append(f"| {kind} | {p['sent']} | {p['result']} | {p['cancelled']} | {p['content_modified']} | {p['error']} | "
                   f"{p['missing']} | {am['p50']} | {am['p99']} | {am['max']} | {an['p50']} / {an['p99']} |")
    rs = r["rss_mb_while_typing"] or {}
    settled = ", ".join(f"{k} {v['ms']} ms ({v['outcome']})" for k, v in r["settled"].items())
    out += ["",
            f"- every request answered exactly once: {'yes' if r['exactly_one_answer']['ok'] else 'NO'} ({r['exactly_one_answer']})",
            f"- after the last edit: diagnostics of the final version in {r['final_diagnostics_ms']} ms; {settled}",
            f"- open -> diagnostics {r['open_to_diagnostics_ms']} ms; diagnostics publications while typing: {r.get('publishes_during_typing')}",
            f"- server RSS: {r['rss_mb_after_open']} MB after open; while typing min {rs.get('min')} / median {rs.get('median')} / "
            f"max {rs.get('max')} MB; VmHWM {r['vm_hwm_mb']} MB; server CPU {r['server_cpu_s_during_typing_and_settle']} s",
            "- RSS MB every 5 s from the open: " + " ".join(str(mb) for i, (_, mb) in enumerate(r["rss_mb_series"]) if i % 5 == 0)]
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
