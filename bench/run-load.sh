#!/usr/bin/env bash
# Load benchmark (issue 8, part 5; docs/BENCHMARKS.md): a typing simulation on the 20 MB digest
# (digest-100x.txt from ../shared/bench/mkcorpus.py) with bench/load_test.py: 50 edits per second for
# 60 s, hover / documentSymbol / workspace/symbol requests in between, stale ones cancelled;
# p50/p99 latency per request kind, answered vs cancelled, and the server's memory every second.
#
#   bash bench/run-load.sh                 from anywhere inside the repository (about 2-3 minutes)
#
# Environment: RATE (edits/s, default 50), DURATION (seconds, default 60), MIX (default
# hover,documentSymbol,hover,workspace/symbol), EXTRA_RATES (default "10": also run at these rates, to
# show the rate the server keeps up with; "" to skip), PULL=1 (pull diagnostics instead of push),
# PERF (default .artifacts/perf), SHARED (default ../shared).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PERF="${PERF:-$ROOT/.artifacts/perf}"
SHARED="${SHARED:-$ROOT/../shared}"
RATE="${RATE:-50}"
DURATION="${DURATION:-60}"
MIX="${MIX:-hover,documentSymbol,hover,workspace/symbol}"
EXTRA_RATES="${EXTRA_RATES-10}"
CORPUS="$PERF/corpus" OUT="$PERF/results/load"
mkdir -p "$OUT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [[ ! -f "$CORPUS/digest-100x.txt" ]]; then
  python3 "$SHARED/bench/mkcorpus.py" "$CORPUS" --scales 100 --no-workspace \
    --seed000 "$SHARED/seeds/000_28557f506f1a8781.txt" --seed004 "$SHARED/seeds/004_2519e4a23e4788df.txt"
fi
dotnet publish server/PaperLsp.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$PERF/cli" --nologo -v quiet
pull=(); [[ "${PULL:-0}" == 1 ]] && pull=(--pull)

{
  echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB, $(. /etc/os-release; echo "$PRETTY_NAME"), .NET SDK $(dotnet --version); $(date -u '+%Y-%m-%d %H:%M UTC')."
  for rate in "$RATE" $EXTRA_RATES; do
    echo
    python3 bench/load_test.py --server "dotnet $PERF/cli/paperlsp.dll lsp" --file "$CORPUS/digest-100x.txt" \
      --rate "$rate" --seconds "$DURATION" --mix "$MIX" "${pull[@]}" \
      --stderr "$OUT/load-${rate}.err" --out "$OUT/load-${rate}.json" || echo "(load_test.py: not every request was answered exactly once)"
  done
} | tee "$PERF/results/load.md"
