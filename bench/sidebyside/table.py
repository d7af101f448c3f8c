#!/usr/bin/env python3
"""table.py - the Markdown tables of bench/run-sidebyside.sh, from the JSON files of one run.

Usage: table.py RESULTS_DIR     (prints Markdown to stdout)

Reads meta.json, paperlsp-{s}x.json / mdls-{s}x.json (../shared/bench/lspbench.py),
check-{s}x.json / remark-{s}x.json (timed.py), ws-paperlsp.json / ws-mdls.json (ws_symbol.py),
floor-{s}x.json (lspbench against floor_server.py: open -> diagnostics with no work done), and for
open -> diagnostics the extra fresh-process runs {paperlsp,mdls,floor}-{s}x-open{k}.json (their median).
Ratios are peer ÷ PaperLsp of medians: above 1 PaperLsp is faster (or smaller). A request
the peer could not answer is "fail"; a missing file (a scale or peer not run) is "–".
"""
import json
import os
import sys

D = sys.argv[1]
MB = 1024  # kB per MB, as ../shared/bench/BASELINES.md counts VmHWM


def load(name):
    path = os.path.join(D, name)
    return json.load(open(path)) if os.path.exists(path) else None


meta = load("meta.json") or {}
scales = meta.get("scales") or ["1", "10", "100", "1000"]
P = {s: load(f"paperlsp-{s}x.json") for s in scales}
M = {s: load(f"mdls-{s}x.json") for s in scales}
C = {s: load(f"check-{s}x.json") for s in scales}
R = {s: load(f"remark-{s}x.json") for s in scales}
F = {s: load(f"floor-{s}x.json") for s in scales}
WP, WM = load("ws-paperlsp.json"), load("ws-mdls.json")

FAIL, NONE = "fail", "–"


def lsp(run, key):
    """(median, min, max, first) in ms of one lspbench metric; FAIL if it failed; None if absent."""
    if run is None:
        return None
    v = run["metrics"].get(key, FAIL if key != "open_to_diagnostics_ms" else None)
    if v is None or v == FAIL:
        return FAIL
    if isinstance(v, dict):
        if "skipped" in v:
            return None
        if v.get("median") is None:
            return FAIL
        return v["median"], v["min"], v["max"], v["first"]
    return v, v, v, v


def opens(prefix, s):
    """open -> diagnostics over every fresh process of a scale: {prefix}-{s}x.json and the extra
    {prefix}-{s}x-open{k}.json runs (one sample each, as lspbench opens once per process): median (min–max) [first]."""
    import glob
    runs = [r for r in [load(f"{prefix}-{s}x.json")] + [json.load(open(f)) for f in sorted(glob.glob(os.path.join(D, f"{prefix}-{s}x-open*.json")))] if r]
    if not runs:
        return None
    xs = [r["metrics"].get("open_to_diagnostics_ms") for r in runs]
    if any(x is None for x in xs):
        return FAIL
    ordered = sorted(xs)
    return ordered[len(ordered) // 2] if len(ordered) % 2 else (ordered[len(ordered) // 2 - 1] + ordered[len(ordered) // 2]) / 2, ordered[0], ordered[-1], xs[0]


def rss_mb(run):
    if run is None:
        return None
    kb = (run.get("rss") or {}).get("tree_peak_kb_sum")
    return (kb / MB,) * 4 if kb else None


def timed(run, key="wall_s"):
    if run is None:
        return None
    if not run.get("ok"):
        return FAIL
    if key not in run:
        return None
    w = run[key]
    return w["median"], w["min"], w["max"], run["runs"][0][key]


def timed_rss(run):
    if run is None or not run.get("ok"):
        return None if run is None else FAIL
    return (run["max_rss_kb"] / MB,) * 4


def ws(run, key):
    if run is None:
        return None
    if run.get("errors"):
        return FAIL
    if key == "warm":
        w = run["warm"]
        return w["median"], w["min"], w["max"], w["first"]
    if key == "rss":
        return (run["peak_rss_kb"] / MB,) * 4
    return (run[key],) * 4


def num(v):
    if v >= 100:
        return f"{v:,.0f}"
    if v >= 10:
        return f"{v:.1f}"
    return f"{v:.2f}"


def value(v, first=False):
    """median (min–max) [first] or a single figure."""
    if v is None:
        return NONE
    if v == FAIL:
        return "**fail**"
    med, lo, hi, fst = v
    if lo == hi:
        return num(med)
    out = f"{num(med)} ({num(lo)}–{num(hi)})"
    return out + (f" [1st {num(fst)}]" if first else "")


def ratio(peer, ours):
    if peer is None or ours is None:
        return NONE
    if ours == FAIL and peer == FAIL:
        return "both fail"
    if peer == FAIL:
        return f"**peer fails** (PaperLsp {num(ours[0])})"
    if ours == FAIL:
        return f"**PaperLsp fails** (peer {num(peer[0])})"
    if ours[0] <= 0:
        return NONE
    r = peer[0] / ours[0]
    return f"**{r:,.0f}×**" if r >= 10 else f"**{r:.1f}×**"


rows = [
    ("open → diagnostics (pull), ms", "Markdown server", lambda s: opens("mdls", s), lambda s: opens("paperlsp", s)),
    ("documentSymbol, ms", "Markdown server", lambda s: lsp(M[s], "document_symbol"), lambda s: lsp(P[s], "document_symbol")),
    ("foldingRange, ms", "Markdown server", lambda s: lsp(M[s], "folding_range"), lambda s: lsp(P[s], "folding_range")),
    ("hover on a title, ms", "Markdown server", lambda s: lsp(M[s], "hover"), lambda s: lsp(P[s], "hover")),
    ("edit → fresh outline, ms", "Markdown server", lambda s: lsp(M[s], "edit_to_symbols"), lambda s: lsp(P[s], "edit_to_symbols")),
    ("peak memory of the server, MB", "Markdown server", lambda s: rss_mb(M[s]), lambda s: rss_mb(P[s])),
    ("CLI duplicate check: wall time, s", "remark-lint", lambda s: timed(R[s]), lambda s: timed(C[s])),
    ("CLI duplicate check: CPU time (user+sys), s", "remark-lint", lambda s: timed(R[s], "cpu_s"), lambda s: timed(C[s], "cpu_s")),
    ("CLI duplicate check: peak memory, MB", "remark-lint", lambda s: timed_rss(R[s]), lambda s: timed_rss(C[s])),
]
ws_rows = [
    ("workspace/symbol, cold (from `initialized` to the first complete answer), ms", lambda w: ws(w, "cold_ms")),
    ("workspace/symbol, warm, ms", lambda w: ws(w, "warm")),
    ("peak memory with the workspace indexed, MB", lambda w: ws(w, "rss")),
]


def size(s):
    for run in (P[s], M[s]):
        if run:
            return f"{s}× ({run['bytes'] / 1e6:.1f} MB)"
    return f"{s}×"


out = []
w = out.append
w(f"Run {meta.get('date', '?')} to {meta.get('finished', '?')} on {meta.get('host', '?')}: {meta.get('cpus')} cores, "
  f"{meta.get('mem_gb')} GB, {meta.get('os')}, .NET SDK {meta.get('dotnet')}, node {meta.get('node')}; "
  f"load average at start {', '.join(f'{x:.1f}' for x in meta.get('loadavg_start', []))}, "
  f"at end {', '.join(f'{x:.1f}' for x in meta.get('loadavg_end', []))}.")
w("")
w("**Ratios, peer ÷ PaperLsp** (medians; above 1 PaperLsp is faster or smaller):")
w("")
w("| measure | peer | " + " | ".join(size(s) for s in scales) + " | 1,000-file workspace |")
w("|---|---|" + "---|" * (len(scales) + 1))
for name, peer, fp, fo in rows:
    w(f"| {name.rsplit(',', 1)[0]} | {peer} | " + " | ".join(ratio(fp(s), fo(s)) for s in scales) + f" | {NONE} |")
for name, f in ws_rows:
    w(f"| {name.rsplit(',', 1)[0]} | Markdown server | " + " | ".join(NONE for _ in scales) + f" | {ratio(f(WM), f(WP))} |")
w("")
w("**Measured values**, median (min–max) [first sample: the cold request after open or edit] of "
  "each measure's repeats; memory is VmHWM, summed over the process tree (the Markdown server is two "
  "processes: the client shim that tokenizes and the server):")
w("")
w("| measure | corpus | PaperLsp | peer |")
w("|---|---|---|---|")
for name, peer, fp, fo in rows:
    for s in scales:
        ours, theirs = fo(s), fp(s)
        if ours is None and theirs is None:
            continue
        w(f"| {name} | {s}× | {value(ours, True)} | {peer}: {value(theirs, True)} |")
for s in scales:
    if F[s]:
        w(f"| open → diagnostics (pull), ms: the transport floor (a server that answers without reading the text) | {s}× "
          f"| {value(opens('floor', s), True)} | – |")
for name, f in ws_rows:
    if WP or WM:
        w(f"| {name} | 1,000 files | {value(f(WP), True)} | Markdown server: {value(f(WM), True)} |")
w("")

# What each side returned, so a fast answer cannot hide an empty one.
w("What came back (PaperLsp / peer):")
w("")
for s in scales:
    p, m, c, r = P[s], M[s], C[s], R[s]
    bits = []
    if p or m:
        def cnt(run, k):
            return NONE if not run else run["counts"].get(k, NONE)
        bits.append(f"symbols {cnt(p, 'symbols')} / {cnt(m, 'symbols')}, folding ranges {cnt(p, 'folding_ranges')} / "
                    f"{cnt(m, 'folding_ranges')}, diagnostics {cnt(p, 'diagnostics')} / {cnt(m, 'diagnostics')}, "
                    f"hover with content {cnt(p, 'hover_nonempty')} / {cnt(m, 'hover_nonempty')}")
    if c or r:
        bits.append(f"duplicate findings {c['findings'] if c else NONE} PD001 (both copies) / "
                    f"{r['findings'] if r else NONE} remark warnings (later copy)")
    for label, run in (("PaperLsp", p), ("Markdown server", m)):
        if run and run.get("errors"):
            first = run["errors"][0]
            bits.append(f"{label}: {len(run['errors'])} failed request(s), first: `{first[:110]}`")
    loads = [x for run in (p, m) if run for x in (run["machine"]["loadavg_start"][0], run["machine"].get("loadavg_end", [None])[0]) if x is not None]
    loads += [x["loadavg_1min_before"] for run in (c, r) if run for x in run["runs"]]
    if loads:
        bits.append(f"load average {min(loads):.1f}–{max(loads):.1f}")
    w(f"- {s}×: " + "; ".join(bits))
if WP or WM:
    bits = []
    for label, run in (("PaperLsp", WP), ("Markdown server", WM)):
        if run:
            bits.append(f"{label} {run.get('results', NONE)} results for {run['query']!r}"
                        + (f" (index ready {num(run['index_ms'])} ms after `initialized`)" if "index_ms" in run else "")
                        + (f", failed: {run['errors'][0]}" if run.get("errors") else "")
                        + f", load average {run['loadavg_start'][0]:.1f}–{run['loadavg_end'][0]:.1f}")
    w("- workspace: " + "; ".join(bits))
w("")

# The targets.
def med(v):
    return v[0] if isinstance(v, tuple) else v


def target(label, ok, detail):
    state = "not measured" if ok is None else ("**met**" if ok else "**not met**")
    w(f"- {label}: {state} ({detail})")


# The server's own account of its first (slow) report, from its log (run-sidebyside.sh sets PAPERLSP_LOG_STDERR=1).
accounts = []
for s in scales:
    path = os.path.join(D, f"paperlsp-{s}x.err")
    if os.path.exists(path):
        line = next((l for l in open(path, encoding="utf-8", errors="replace") if "Diagnostics of " in l and " took " in l), None)
        if line:
            accounts.append(f"- {s}×: {line[line.index(' took ') + 1:].strip()}")
if accounts:
    w("PaperLsp's own account of its first pulled report (logged when it takes 100 ms or more):")
    w("")
    out.extend(accounts)
    w("")

w("Targets of issue 8:")
w("")
for key, label in (("open_to_diagnostics_ms", "open → diagnostics"), ("edit_to_symbols", "edit → fresh outline")):
    if "100" in scales and P["100"] and M["100"]:
        o, t = (opens("paperlsp", "100"), opens("mdls", "100")) if key == "open_to_diagnostics_ms" else (lsp(P["100"], key), lsp(M["100"], key))
        r = med(t) / med(o) if isinstance(o, tuple) and isinstance(t, tuple) else None
        floor = opens("floor", "100") if key == "open_to_diagnostics_ms" else None
        budget = (f"; 50× leaves {num(med(t) / 50)} ms end to end, of which the transport floor takes {num(med(floor))}"
                  if isinstance(floor, tuple) and isinstance(t, tuple) else "")
        target(f"≥ 50× faster than the Markdown server on {label} at 100×", None if r is None else r >= 50,
               (f"{num(med(t)) if isinstance(t, tuple) else t} ms ÷ {num(med(o)) if isinstance(o, tuple) else o} ms = {r:.1f}×" if r else "missing") + budget)
    else:
        target(f"≥ 50× faster than the Markdown server on {label} at 100×", None, "100× not run")
if "1000" in scales and C["1000"] and R["1000"]:
    o, t = timed(C["1000"]), timed(R["1000"])
    r = med(t) / med(o) if isinstance(o, tuple) and isinstance(t, tuple) else None
    oc, tc = timed(C["1000"], "cpu_s"), timed(R["1000"], "cpu_s")
    rc = med(tc) / med(oc) if isinstance(oc, tuple) and isinstance(tc, tuple) else None
    target("≥ 25× faster than remark-lint at 1000× (wall time)", None if r is None else r >= 25,
           (f"{num(med(t))} s ÷ {num(med(o))} s = {r:.1f}×" if r else "missing")
           + (f"; in CPU time (user+sys) {num(med(tc))} s ÷ {num(med(oc))} s = {rc:.1f}×" if rc else ""))
else:
    target("≥ 25× faster than remark-lint at 1000×", None, "1000× not run")
if "1000" in scales and P["1000"]:
    p = P["1000"]
    keys = ("open_to_diagnostics_ms", "document_symbol", "folding_range", "hover", "document_link", "diagnostic_pull", "edit_to_symbols")
    failed = [k for k in keys if lsp(p, k) == FAIL]
    mfailed = [k for k in keys if M["1000"] and lsp(M["1000"], k) == FAIL]
    target("every request answered at 1000× where the Markdown server fails", not failed and not p.get("errors"),
           f"PaperLsp failed {len(failed)} of {len(keys)} kinds{': ' + ', '.join(failed) if failed else ''}; "
           f"the Markdown server failed {len(mfailed)} of {len(keys)}" if M["1000"] else "Markdown server not run")
    mem = rss_mb(p)
    target("peak memory ≤ 1.5 GB at 1000×", None if mem is None else mem[0] <= 1536,
           f"{num(mem[0])} MB" if mem else "missing")
else:
    target("every request answered / peak memory at 1000×", None, "1000× not run")
print("\n".join(out))
