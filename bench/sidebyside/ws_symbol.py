#!/usr/bin/env python3
"""ws_symbol.py - workspace/symbol over a folder of digests, the same way for any language server.

Usage:
  ws_symbol.py --server "CMD ARGS" --folder DIR [--query Neural] [--repeat 5]
               [--wait-progress] [--settings JSON] [--timeout 600] --out result.json

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
No file is opened. The client is bench/lsp_latency.py's Conn (server requests answered with null,
workspace/configuration with one null per item, as ../shared/bench/lspbench.py does); the settings
go by workspace/didChangeConfiguration. Stdlib only.
"""
import argparse
import json
import os
import shlex
import statistics
import sys
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from lsp_latency import Conn  # noqa: E402


def tree_peak_rss_kb(pid):
    parent_of = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = open(f"/proc/{entry}/stat").read()
                parent_of[int(entry)] = int(stat[stat.rindex(")") + 2:].split()[1])
            except (OSError, ValueError, IndexError):
                pass
    pids, todo = [pid], [pid]
    while todo:
        parent = todo.pop()
        kids = [c for c, p in parent_of.items() if p == parent]
        pids += kids
        todo += kids
    total = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/status") as f:
                total += next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
        except (OSError, StopIteration):
            pass
    return total


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--server", required=True)
    ap.add_argument("--folder", required=True)
    ap.add_argument("--query", default="Neural")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--wait-progress", action="store_true")
    ap.add_argument("--settings")
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()

    folder = Path(a.folder).resolve()
    uri = "file://" + urllib.parse.quote(str(folder))
    res = {"server": a.server, "folder": str(folder), "files": sum(1 for _ in folder.iterdir()),
           "query": a.query, "loadavg_start": os.getloadavg(), "errors": []}
    c = Conn(shlex.split(a.server))
    try:
        caps = {"window": {"workDoneProgress": True},
                "workspace": {"configuration": True, "workspaceFolders": True, "symbol": {"dynamicRegistration": True},
                              "didChangeConfiguration": {"dynamicRegistration": True}},
                "textDocument": {"documentSymbol": {"hierarchicalDocumentSymbolSupport": True}}}
        c.request("initialize", {"processId": os.getpid(), "rootUri": uri, "capabilities": caps,
                                 "workspaceFolders": [{"uri": uri, "name": folder.name}]}, a.timeout)
        t_init = c.notify("initialized", {})
        if a.settings:
            c.notify("workspace/didChangeConfiguration", {"settings": json.loads(a.settings)})
        if a.wait_progress:
            t_end, _ = c.wait_note(lambda m: m.get("method") == "$/progress" and m["params"]["value"].get("kind") == "end", a.timeout)
            res["index_ms"] = round((t_end - t_init) * 1000, 1)
        t_ask = time.perf_counter()
        ms, first = c.request("workspace/symbol", {"query": a.query}, a.timeout)
        res["cold_ms"] = round((t_ask - t_init) * 1000 + ms, 1)
        res["results"] = len(first or [])
        warm = [round(c.request("workspace/symbol", {"query": a.query}, a.timeout)[0], 2) for _ in range(a.repeat)]
        res["warm"] = {"first": warm[0], "min": min(warm), "median": statistics.median(warm), "max": max(warm), "samples": warm}
    except (RuntimeError, TimeoutError) as e:
        res["errors"].append(f"{type(e).__name__}: {e}")
    finally:
        res["peak_rss_kb"] = tree_peak_rss_kb(c.p.pid)
        c.close()
        res["loadavg_end"] = os.getloadavg()
    Path(a.out).write_text(json.dumps(res, indent=1))
    print(f"workspace/symbol {a.query!r} on {res['files']} files: cold {res.get('cold_ms')} ms "
          f"(index {res.get('index_ms', '-')} ms), warm median {res.get('warm', {}).get('median')} ms, "
          f"{res.get('results')} results, peak RSS {res['peak_rss_kb'] // 1024} MB, errors {res['errors']}")
    return 0 if not res["errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
