#!/usr/bin/env bash
# LSP latency benchmark (docs/BENCHMARKS.md): cold start, open -> diagnostics, edit -> fresh
# diagnostics (pull and push) with bench/lsp_latency.py, and the request set of ../shared/bench/lspbench.py,
# on the 1x (200 KB) and 100x (20 MB) corpora.
#
#   bench/run-lsp-bench.sh             from anywhere inside the repository
#
# Environment: PERF (default .artifacts/perf), SHARED (default ../shared), SCALES (default "1 100").
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PERF="${PERF:-$ROOT/.artifacts/perf}"
SHARED="${SHARED:-$ROOT/../shared}"
SCALES="${SCALES:-1 100}"
BIG="${BIG:-1000}"          # request latency only (no edit series) on this scale; BIG= to skip
CORPUS="$PERF/corpus" RESULTS="$PERF/results"
mkdir -p "$RESULTS"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [[ ! -f "$CORPUS/digest-100x.txt" ]]; then
  python3 "$SHARED/bench/mkcorpus.py" "$CORPUS" --scales 1,100,1000 --no-workspace --no-md \
    --seed000 "$SHARED/seeds/000_28557f506f1a8781.txt" --seed004 "$SHARED/seeds/004_2519e4a23e4788df.txt"
fi
# Published as it ships: framework-dependent, ReadyToRun (precompiled, so less JIT at start-up).
dotnet publish server/PaperLsp.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$PERF/cli" --nologo -v quiet
SERVER="dotnet $PERF/cli/paperlsp.dll lsp"

for s in $SCALES; do
  f="$CORPUS/digest-${s}x.txt"
  python3 bench/lsp_latency.py --server "$SERVER" --file "$f" --edits 40 --warmup 10 --starts 5 --requests 6 --out "$RESULTS/latency-${s}x.json" >/dev/null
  python3 "$SHARED/bench/lspbench.py" --server "$SERVER" --file "$f" --repeat 5 --hover-line 13 \
    --stderr "$RESULTS/lspbench-${s}x.err" --out "$RESULTS/lspbench-${s}x.json" >/dev/null
done

if [[ -n "$BIG" ]]; then
  python3 bench/lsp_latency.py --server "$SERVER" --file "$CORPUS/digest-${BIG}x.txt" --starts 1 --requests 3 --skip-edits \
    --out "$RESULTS/latency-${BIG}x.json" >/dev/null
fi

python3 - "$RESULTS" $SCALES <<'PY'
import json, sys
results, scales = sys.argv[1], sys.argv[2:]
def cell(v):
    if v is None: return "fail"
    if isinstance(v, dict):
        if "skipped" in v: return "not offered"
        return f"{v['median']:.1f} ({v['min']:.1f}–{v['max']:.1f})"
    return f"{v:.1f}"
print("| corpus | initialize ms | open→diag (pull) ms | edit→diag pull ms | edit→diag push ms | first edit (pull) ms |")
print("|---|---|---|---|---|---|")
for s in scales:
    d = json.load(open(f"{results}/latency-{s}x.json"))
    print(f"| {s}x ({d['bytes']/1e6:.1f} MB) | {cell(d['initialize_ms'])} | {d['open_to_diag_ms']:.1f} | {cell(d['edit_to_diag_pull'])} | {cell(d['edit_to_diag_push'])} | {d['edit_to_diag_pull']['first_edit']:.1f} |")
print()
import os
print("| corpus | documentSymbol ms | foldingRange ms | hover ms | documentLink ms | semanticTokens/full ms |")
print("|---|---|---|---|---|---|")
for s in scales + [f.split("-")[1][:-6] for f in sorted(os.listdir(results)) if f.startswith("latency-1000x")]:
    d = json.load(open(f"{results}/latency-{s}x.json"))
    r = d.get("requests", {})
    print(f"| {s}x ({d['bytes']/1e6:.1f} MB) | " + " | ".join(cell(r.get(k)) + f" [{r[k]['items']:,}]" if k in r else "–" for k in ("documentSymbol", "foldingRange", "hover", "documentLink", "semanticTokens")) + " |")
print()
print("| corpus | documentSymbol ms | foldingRange ms | hover ms | documentLink ms | diagnostic pull ms | edit→fresh symbols ms | peak RSS MB |")
print("|---|---|---|---|---|---|---|---|")
for s in scales:
    d = json.load(open(f"{results}/lspbench-{s}x.json"))
    m = d["metrics"]
    rss = (d.get("rss") or {}).get("tree_peak_kb_sum")
    print(f"| {s}x | {cell(m.get('document_symbol'))} | {cell(m.get('folding_range'))} | {cell(m.get('hover'))} | {cell(m.get('document_link'))} | {cell(m.get('diagnostic_pull'))} | {cell(m.get('edit_to_symbols'))} | {round(rss / 1024) if rss else '–'} |")
PY
