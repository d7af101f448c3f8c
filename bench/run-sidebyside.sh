#!/usr/bin/env bash
# Side-by-side benchmark (issue 8, docs/BENCHMARKS.md): PaperLsp against VS Code's Markdown language
# server and remark-lint's duplicate-heading check, on the same generated content, in one run.
#
#   bash bench/run-sidebyside.sh           from anywhere inside the repository
#
# What it does:
#   1. corpora: ../shared/bench/mkcorpus.py makes digest-{1,10,100,1000}x.txt (0.2-206 MB) and the same
#      entries as Markdown (.md), and a 1,000-file workspace (workspace/ as .txt, workspace-md/ as .md);
#   2. peers: `npm ci` of bench/sidebyside/package.json + package-lock.json into $PERF/peers
#      (vscode-markdown-languageserver 0.5.0, markdown-it 14, remark-cli 12, remark-lint-no-duplicate-headings);
#   3. PaperLsp: `dotnet publish` of the CLI (ReadyToRun, as it ships) into $PERF/cli;
#   4. per scale: ../shared/bench/lspbench.py drives PaperLsp on the .txt and the Markdown server on the .md
#      (through bench/sidebyside/mdls-client-shim.mjs, which plays VS Code's client: markdown-it tokens,
#      file reads), the same requests on the same entry; then `paperlsp check` on the .txt and
#      `remark --use remark-lint-no-duplicate-headings` on the .md (bench/sidebyside/timed.py);
#      The transport floor: the same lspbench run against bench/sidebyside/floor_server.py, a server that reads
#      every message and answers at once without decoding the text (what open -> diagnostics costs before any work);
#   5. workspace/symbol on the 1,000-file workspace for both servers (bench/sidebyside/ws_symbol.py);
#   6. bench/sidebyside/table.py writes the ratio table (peer ÷ PaperLsp) and the measured values as
#      Markdown, to stdout and to $PERF/results/sidebyside.md. A peer that fails is a "fail" cell.
#
# Environment:
#   SCALES="1 10 100 1000"   which corpora (any subset)
#   PEERS="mdls remark"      which peers (PaperLsp always runs)
#   WORKSPACE=1              0 to skip the workspace/symbol run
#   REPEAT=5                 lspbench repeats per request (PaperLsp uses 3 at 1000x, the Markdown server 1:
#                            every one of its requests fails there, after ~10 s each)
#   CHECK_RUNS=3             runs of each command-line check (remark runs once at 1000x: 1-1.5 min a run)
#   OPENS=3                  fresh processes per server for open -> diagnostics up to 100x (the table takes their median)
#   PERF=.artifacts/perf     work folder (gitignored); SHARED=../shared (mkcorpus.py, lspbench.py, seeds)
# Runtime on the 2-core box: about 10 minutes for all four scales (the Markdown server at 100x and 1000x
# and on the workspace, and remark at 1000x, are most of it; the publish takes 1-2);
# SCALES="1 10 100" WORKSPACE=0 about 5 minutes.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PERF="${PERF:-$ROOT/.artifacts/perf}"
SHARED="${SHARED:-$ROOT/../shared}"
SCALES="${SCALES:-1 10 100 1000}"
PEERS="${PEERS:-mdls remark}"
WORKSPACE="${WORKSPACE:-1}"
REPEAT="${REPEAT:-5}"
OPENS="${OPENS:-3}"
CHECK_RUNS="${CHECK_RUNS:-3}"
CORPUS="$PERF/corpus"
OUT="$PERF/results/sidebyside"
SBS="$ROOT/bench/sidebyside"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
has_peer() { [[ " $PEERS " == *" $1 "* ]]; }
say() { printf '\n== %s (load average %s)\n' "$*" "$(cut -d' ' -f1-3 /proc/loadavg)" >&2; }

for f in "$SHARED/bench/mkcorpus.py" "$SHARED/bench/lspbench.py" "$SHARED/seeds/000_28557f506f1a8781.txt" "$SHARED/seeds/004_2519e4a23e4788df.txt"; do
  [[ -f "$f" ]] || { echo "missing $f (set SHARED=...)" >&2; exit 2; }
done
rm -rf "$OUT"
mkdir -p "$OUT"
python3 - "$OUT/meta.json" "$SCALES" "$PEERS" <<'PY'
import json, os, platform, subprocess, sys, time
def v(*cmd):
    try: return subprocess.run(cmd, capture_output=True, text=True).stdout.strip().splitlines()[0]
    except Exception: return None
mem = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal"))
json.dump({"date": time.strftime("%Y-%m-%d %H:%M %Z"), "host": platform.node(), "cpus": os.cpu_count(),
           "mem_gb": round(mem / 1024 / 1024), "os": v("sh", "-c", ". /etc/os-release; echo $PRETTY_NAME"),
           "dotnet": v("dotnet", "--version"), "node": v("node", "--version"), "python": platform.python_version(),
           "loadavg_start": os.getloadavg(), "scales": sys.argv[2].split(), "peers": sys.argv[3].split()},
          open(sys.argv[1], "w"), indent=1)
PY

# --- 1. corpora -------------------------------------------------------------------------------------
need=()
for s in $SCALES; do
  [[ -f "$CORPUS/digest-${s}x.txt" && -f "$CORPUS/digest-${s}x.md" ]] || need+=("$s")
done
if (( ${#need[@]} )) || [[ "$WORKSPACE" == 1 && ! -d "$CORPUS/workspace-md" ]]; then
  say "Generating corpora in $CORPUS"
  scales=$(IFS=,; echo "${need[*]:-1}")
  python3 "$SHARED/bench/mkcorpus.py" "$CORPUS" --scales "$scales" \
    --seed000 "$SHARED/seeds/000_28557f506f1a8781.txt" --seed004 "$SHARED/seeds/004_2519e4a23e4788df.txt"
fi

# --- 2. peers ---------------------------------------------------------------------------------------
PEERDIR="$PERF/peers"
if ! cmp -s "$SBS/package-lock.json" "$PEERDIR/package-lock.json" || [[ ! -d "$PEERDIR/node_modules" ]]; then
  say "Installing the peers into $PEERDIR (npm ci from bench/sidebyside/package-lock.json)"
  rm -rf "$PEERDIR" && mkdir -p "$PEERDIR"
  cp "$SBS/package.json" "$SBS/package-lock.json" "$PEERDIR/"
  # vscode-markdown-languageserver 0.5.0 declares node >= 22 and runs on node 20; the lock pins 0.5.0.
  (cd "$PEERDIR" && npm ci --engine-strict=false --no-audit --no-fund --loglevel=error)
fi
MDLS="node $SBS/mdls-client-shim.mjs --modules $PEERDIR/node_modules -- node $PEERDIR/node_modules/vscode-markdown-languageserver/dist/node/workerMain.js --stdio"
MDLS_SETTINGS="$(cat "$SBS/mdls-settings.json")"
REMARK=(node "$PEERDIR/node_modules/.bin/remark" --no-config --no-ignore --no-color --quiet --no-stdout --use remark-lint-no-duplicate-headings)

# --- 3. PaperLsp ------------------------------------------------------------------------------------
say "Publishing the CLI to $PERF/cli"
dotnet publish server/PaperLsp.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$PERF/cli" --nologo -v quiet
# PAPERLSP_LOG_STDERR=1: the server's log, with its own account of a slow first report, lands in paperlsp-Nx.err.
PAPERLSP="env PAPERLSP_LOG_STDERR=1 dotnet $PERF/cli/paperlsp.dll lsp"

# --- 4. per scale -----------------------------------------------------------------------------------
for s in $SCALES; do
  txt="$CORPUS/digest-${s}x.txt" md="$CORPUS/digest-${s}x.md"
  # The entry both servers hover and edit: the middle title (a "## " heading in the .md; the same line
  # number in the .txt, which mkcorpus lays out line for line alike).
  line=$(python3 -c 'import sys; h=[i for i,l in enumerate(open(sys.argv[1], encoding="utf-8")) if l.startswith("#")]; print(h[len(h)//2])' "$md")
  rep=$REPEAT; [[ "$s" == 1000 ]] && rep=3
  say "PaperLsp, ${s}x (lspbench, repeat $rep, line $line)"
  python3 "$SHARED/bench/lspbench.py" --server "$PAPERLSP" --file "$txt" --hover-line "$line" --repeat "$rep" \
    --timeout 300 --stderr "$OUT/paperlsp-${s}x.err" --out "$OUT/paperlsp-${s}x.json" >&2 || true
  say "Transport floor, ${s}x (a server that answers without reading the text; lspbench, repeat 1)"
  python3 "$SHARED/bench/lspbench.py" --server "python3 $SBS/floor_server.py" --file "$txt" --hover-line "$line" --repeat 1 \
    --timeout 300 --out "$OUT/floor-${s}x.json" >&2 || true
  if has_peer mdls; then
    rep=$REPEAT; [[ "$s" == 1000 ]] && rep=1
    say "VS Code Markdown server, ${s}x (lspbench, repeat $rep, line $line)"
    # A failing request is recorded as null by lspbench (and exit 1): that is a result, not an error here.
    python3 "$SHARED/bench/lspbench.py" --server "$MDLS" --file "$md" --hover-line "$line" --repeat "$rep" \
      --settings "$MDLS_SETTINGS" --timeout 300 --stderr "$OUT/mdls-${s}x.err" --out "$OUT/mdls-${s}x.json" >&2 || true
  fi
  # open -> diagnostics is one sample per process (lspbench opens once): OPENS-1 more fresh processes per server.
  if [[ "$s" != 1000 ]]; then
    for k in $(seq 2 "$OPENS"); do
      say "open -> diagnostics, ${s}x, fresh process $k of $OPENS (PaperLsp, floor${PEERS:+, peers})"
      python3 "$SHARED/bench/lspbench.py" --server "$PAPERLSP" --file "$txt" --hover-line "$line" --repeat 1 \
        --timeout 300 --stderr "$OUT/paperlsp-${s}x-open$k.err" --out "$OUT/paperlsp-${s}x-open$k.json" >&2 || true
      python3 "$SHARED/bench/lspbench.py" --server "python3 $SBS/floor_server.py" --file "$txt" --hover-line "$line" --repeat 1 \
        --timeout 300 --out "$OUT/floor-${s}x-open$k.json" >&2 || true
      if has_peer mdls; then
        python3 "$SHARED/bench/lspbench.py" --server "$MDLS" --file "$md" --hover-line "$line" --repeat 1 \
          --settings "$MDLS_SETTINGS" --timeout 300 --stderr "$OUT/mdls-${s}x-open$k.err" --out "$OUT/mdls-${s}x-open$k.json" >&2 || true
      fi
    done
  fi
  runs=$CHECK_RUNS
  say "paperlsp check, ${s}x ($runs runs)"
  python3 "$SBS/timed.py" --runs "$runs" --count " PD001: " --log "$OUT/check-${s}x.log" --out "$OUT/check-${s}x.json" \
    -- dotnet "$PERF/cli/paperlsp.dll" check "$txt"
  if has_peer remark; then
    runs=$CHECK_RUNS; [[ "$s" == 1000 ]] && runs=1
    say "remark-lint-no-duplicate-headings, ${s}x ($runs runs)"
    python3 "$SBS/timed.py" --runs "$runs" --count "expected unique headings" --log "$OUT/remark-${s}x.log" \
      --out "$OUT/remark-${s}x.json" --cwd "$PEERDIR" -- "${REMARK[@]}" "$md"
  fi
done

# --- 5. workspace -----------------------------------------------------------------------------------
if [[ "$WORKSPACE" == 1 ]]; then
  say "PaperLsp, workspace/symbol on 1,000 files"
  python3 "$SBS/ws_symbol.py" --server "$PAPERLSP" --folder "$CORPUS/workspace" --wait-progress --repeat "$REPEAT" \
    --out "$OUT/ws-paperlsp.json" >&2 || true
  if has_peer mdls; then
    say "VS Code Markdown server, workspace/symbol on 1,000 files"
    python3 "$SBS/ws_symbol.py" --server "$MDLS" --settings "$MDLS_SETTINGS" --folder "$CORPUS/workspace-md" --repeat "$REPEAT" \
      --out "$OUT/ws-mdls.json" >&2 || true
  fi
fi

# --- 6. table ---------------------------------------------------------------------------------------
python3 - "$OUT/meta.json" <<'PY'
import json, os, sys, time
m = json.load(open(sys.argv[1])); m["loadavg_end"] = os.getloadavg(); m["finished"] = time.strftime("%Y-%m-%d %H:%M %Z")
json.dump(m, open(sys.argv[1], "w"), indent=1)
PY
python3 "$SBS/table.py" "$OUT" | tee "$PERF/results/sidebyside.md"
