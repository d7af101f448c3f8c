#!/usr/bin/env python3
"""workspace_bench.py - the workspace index of a language server on a folder of digests (issue 5).

Usage:
  workspace_bench.py --server "dotnet .../paperlsp.dll lsp" --folder WORKSPACE [--edits 20] [--symbols 10] [--out result.json]

Measures, wall-clock milliseconds (time.perf_counter):
  index_ms           `initialized` -> the end of the server's $/progress (every digest read, parsed, and the
                     duplicate index built); ready_ms is the same from the process start
  peak_rss_mb        the server's VmHWM (peak resident memory) after indexing and at the end of the run
  symbol_ms          workspace/symbol "Neural" and "Diffusion", --symbols times each (first sample apart)
  cross_file_ms      with two files A and B open: an edit that turns a title of A into a title of B ->
                     the publishDiagnostics of B that names A's line; cleared_ms: the edit back -> B's
                     diagnostics without it. --edits pairs, each on other titles.
Stdlib only; reuses lsp_latency.Conn. Requests from the server (progress tokens, registrations) are answered.
"""
import argparse, json, os, shlex, statistics, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_latency import Conn, summary, title_lines  # noqa: E402


def vm_hwm(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--server", required=True)
    ap.add_argument("--folder", required=True)
    ap.add_argument("--edits", type=int, default=20)
    ap.add_argument("--symbols", type=int, default=10)
    ap.add_argument("--out")
    ap.add_argument("--brief", action="store_true", help="print one summary line instead of the JSON")
    a = ap.parse_args()
    folder = os.path.abspath(a.folder)
    root = "file://" + folder
    files = sorted(f for f in os.listdir(folder) if not f.startswith("."))
    out = {"folder": folder, "files": len(files), "mb": round(sum(os.path.getsize(os.path.join(folder, f)) for f in files) / 1e6, 1)}

    c = Conn(shlex.split(a.server))
    caps = {"window": {"workDoneProgress": True},
            "textDocument": {"publishDiagnostics": {"versionSupport": True, "relatedInformation": True}}}
    c.request("initialize", {"processId": os.getpid(), "rootUri": root, "workspaceFolders": [{"uri": root, "name": "ws"}], "capabilities": caps})
    t0 = c.notify("initialized", {})
    t_end, end = c.wait_note(lambda m: m.get("method") == "$/progress" and m["params"]["value"].get("kind") == "end", timeout=600)
    out["index_ms"] = round((t_end - t0) * 1000, 1)
    out["ready_ms"] = round((t_end - c.t_spawn) * 1000, 1)
    out["index_message"] = end["params"]["value"].get("message")
    out["peak_rss_mb_after_index"] = vm_hwm(c.p.pid)

    sym = {}
    for q in ("Neural", "Diffusion"):
        xs, n = [], 0
        for _ in range(a.symbols):
            ms, res = c.request("workspace/symbol", {"query": q})
            xs.append(ms)
            n = len(res or [])
        sym[q] = {"first": round(xs[0], 2), **summary(xs[1:] or xs), "results": n}
    out["symbol_ms"] = sym

    # Two open files; titles of their own (" (file N)") so the pairs start unique.
    name_a, name_b = files[0], files[1]
    text_a = open(os.path.join(folder, name_a), encoding="utf-8").read()
    text_b = open(os.path.join(folder, name_b), encoding="utf-8").read()
    uri_a, uri_b = f"{root}/{name_a}", f"{root}/{name_b}"
    lines_a, lines_b = text_a.split("\n"), text_b.split("\n")
    own_a = [i for i in title_lines(text_a) if lines_a[i].endswith(")") and "(file " in lines_a[i]]
    own_b = [i for i in title_lines(text_b) if lines_b[i].endswith(")") and "(file " in lines_b[i]]
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri_a, "languageId": "paper-digest", "version": 1, "text": text_a}})
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri_b, "languageId": "paper-digest", "version": 1, "text": text_b}})
    c.wait_note(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri_b, timeout=120)
    time.sleep(0.3)

    def b_names(line):
        needle = f"{name_a}:{line + 1}"
        return lambda m: (m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri_b
                          and any(needle in d["message"] for d in m["params"]["diagnostics"]))

    def b_clean(line):
        needle = f"{name_a}:{line + 1}"
        return lambda m: (m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri_b
                          and not any(needle in d["message"] for d in m["params"]["diagnostics"]))

    made, cleared, version = [], [], 1
    for k in range(min(a.edits, len(own_a), len(own_b))):
        line, old, new = own_a[k], lines_a[own_a[k]], lines_b[own_b[k]]
        rng = {"start": {"line": line, "character": 0}, "end": {"line": line, "character": len(old)}}
        version += 1
        t = c.notify("textDocument/didChange", {"textDocument": {"uri": uri_a, "version": version}, "contentChanges": [{"range": rng, "text": new}]})
        t1, _ = c.wait_note(b_names(line), timeout=60)
        made.append((t1 - t) * 1000)
        time.sleep(0.2)
        rng["end"]["character"] = len(new)
        version += 1
        t = c.notify("textDocument/didChange", {"textDocument": {"uri": uri_a, "version": version}, "contentChanges": [{"range": rng, "text": old}]})
        t1, _ = c.wait_note(b_clean(line), timeout=60)
        cleared.append((t1 - t) * 1000)
        time.sleep(0.2)
    out["cross_file_ms"] = summary(made)
    out["cleared_ms"] = summary(cleared)
    out["peak_rss_mb"] = vm_hwm(c.p.pid)
    c.close()
    if a.brief:
        sy = out["symbol_ms"]
        print(f"index {out['index_ms']:.0f} ms | RSS {out['peak_rss_mb_after_index']} MB after index, {out['peak_rss_mb']} MB peak | "
              f"symbol Neural {sy['Neural']['first']:.0f} -> {sy['Neural']['median']:.1f} ms, Diffusion {sy['Diffusion']['median']:.1f} ms | "
              f"edit -> other file {out['cross_file_ms']['median']:.1f} ms (max {out['cross_file_ms']['max']:.0f}), cleared {out['cleared_ms']['median']:.1f} ms\n"
              f"    {out['index_message']}")
    else:
        print(json.dumps(out, indent=1))
    if a.out:
        with open(a.out, "w") as f:
            json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
