#!/usr/bin/env bash
# Workspace index benchmark (docs/BENCHMARKS.md, issue 5): 1,000 generated digests (155 MB, made by
# ../shared/bench/mkcorpus.py), indexed by the server on `initialized`; then workspace/symbol and
# edit -> the other file's diagnostic (bench/workspace_bench.py); and the index's stages in process
# (paperlsp-bench index).
#
#   bench/run-workspace-bench.sh            from anywhere inside the repository
#
# Environment: PERF (default .artifacts/perf), SHARED (default ../shared), RUNS (default 3).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PERF="${PERF:-$ROOT/.artifacts/perf}"
SHARED="${SHARED:-$ROOT/../shared}"
RUNS="${RUNS:-3}"
WS="$PERF/wscorpus/workspace" RESULTS="$PERF/results"
mkdir -p "$RESULTS"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [[ ! -d "$WS" ]]; then
  python3 "$SHARED/bench/mkcorpus.py" "$PERF/wscorpus" --scales 1 --no-md \
    --seed000 "$SHARED/seeds/000_28557f506f1a8781.txt" --seed004 "$SHARED/seeds/004_2519e4a23e4788df.txt"
fi
dotnet publish server/PaperLsp.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$PERF/cli" --nologo -v quiet
for i in $(seq 1 "$RUNS"); do
  python3 bench/workspace_bench.py --server "dotnet $PERF/cli/paperlsp.dll lsp" --folder "$WS" --edits 20 --symbols 10 \
    --out "$RESULTS/workspace-$i.json" --brief
done
dotnet run --project bench/PaperLsp.Bench -c Release -- index "$WS" --repeat 3
