#!/usr/bin/env bash
# Parser and `paperlsp check` benchmark on the scaled corpora (docs/BENCHMARKS.md).
#
#   bench/run-parser-bench.sh            from anywhere inside the repository
#
# Environment:
#   PERF=DIR        work folder (corpora, published CLI, results); default .artifacts/perf in the repo (gitignored)
#   SHARED=DIR      the shared folder with bench/mkcorpus.py and seeds/; default ../shared next to the repo root
#   REPEAT=N        timed runs of the parse benchmark (default 5, after 1 warm-up)
#   CHECK_RUNS=N    runs of `paperlsp check` on the 1000x corpus (default 3)
#   BREAKDOWN=0     skip the per-stage breakdown of the 1000x parse (default 1: run it, 3 runs)
#   NEW_CORPUS=1    regenerate the corpora even if they are there
#
# Prints Markdown table rows; everything is also kept under $PERF/results/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PERF="${PERF:-$ROOT/.artifacts/perf}"
SHARED="${SHARED:-$ROOT/../shared}"
REPEAT="${REPEAT:-5}"
CHECK_RUNS="${CHECK_RUNS:-3}"
BREAKDOWN="${BREAKDOWN:-1}"
CORPUS="$PERF/corpus"
RESULTS="$PERF/results"
mkdir -p "$PERF" "$RESULTS"
SCRATCH="$(mktemp -d "$PERF/tmp.XXXXXX")"
trap 'rm -rf "$SCRATCH"' EXIT

say() { printf '\n### %s\n\n' "$*"; }

# --- corpora -------------------------------------------------------------------------------
for f in "$SHARED/bench/mkcorpus.py" "$SHARED/seeds/000_28557f506f1a8781.txt" "$SHARED/seeds/004_2519e4a23e4788df.txt"; do
  [[ -f "$f" ]] || { echo "missing $f (set SHARED=...)" >&2; exit 2; }
done
if [[ "${NEW_CORPUS:-0}" == 1 || ! -f "$CORPUS/digest-1000x.txt" || ! -f "$CORPUS/digest-100x.txt" ]]; then
  say "Generating corpora in $CORPUS"
  python3 "$SHARED/bench/mkcorpus.py" "$CORPUS" --scales 1,100,1000 --no-workspace --no-md \
    --seed000 "$SHARED/seeds/000_28557f506f1a8781.txt" --seed004 "$SHARED/seeds/004_2519e4a23e4788df.txt"
fi

# --- parse benchmark -----------------------------------------------------------------------
say "Building bench/PaperLsp.Bench (Release)"
dotnet build bench/PaperLsp.Bench -c Release -nologo -v quiet
bench() { dotnet run -c Release --no-build --project bench/PaperLsp.Bench -- "$@"; }

say "Machine"
echo "$(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB RAM, load average $(cut -d' ' -f1-3 /proc/loadavg), dotnet $(dotnet --version)"

for scale in 1000 100; do
  say "Parse benchmark: digest-${scale}x.txt"
  # Small files need more warm-up runs before tiered JIT has optimised the hot code.
  bench parse "$CORPUS/digest-${scale}x.txt" --repeat "$REPEAT" --warmup $(( scale >= 1000 ? 1 : 5 )) | tee "$RESULTS/parse-${scale}x.txt"
done

if [[ "$BREAKDOWN" == 1 ]]; then
  say "Where the time goes: digest-1000x.txt"
  bench breakdown "$CORPUS/digest-1000x.txt" --repeat 3 | tee "$RESULTS/breakdown-1000x.txt"
fi

# --- paperlsp check ------------------------------------------------------------------------
if [[ ! -x /usr/bin/time ]]; then
  say "Installing GNU time (Debian package 'time')"
  SUDO=""; [[ "$(id -u)" == 0 ]] || SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq time
fi

say "Publishing the CLI to $PERF/cli"
dotnet publish server/PaperLsp.Cli -c Release -o "$PERF/cli" -nologo -v quiet

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

say "paperlsp check digest-1000x.txt ($CHECK_RUNS runs)"
: > "$SCRATCH/wall"; : > "$SCRATCH/rss"; : > "$SCRATCH/cpu"
for i in $(seq 1 "$CHECK_RUNS"); do
  rc=0
  /usr/bin/time -v -o "$SCRATCH/time.txt" "$PERF/cli/paperlsp" check "$CORPUS/digest-1000x.txt" > "$RESULTS/check-1000x.txt" || rc=$?
  # Exit 1 means "findings": the corpus has duplicates on purpose. Anything else is a failure.
  if [[ "$rc" != 0 && "$rc" != 1 ]]; then
    echo "paperlsp check failed with exit code $rc" >&2
    cat "$SCRATCH/time.txt" >&2
    exit 1
  fi
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (k = 1; k <= n; k++) s = s * 60 + t[k]; print s }' "$SCRATCH/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$SCRATCH/time.txt")
  cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.2f", u + s }' "$SCRATCH/time.txt")
  echo "$wall" >> "$SCRATCH/wall"; echo "$rss" >> "$SCRATCH/rss"; echo "$cpu" >> "$SCRATCH/cpu"
  echo "run $i: exit $rc, wall ${wall} s, user+sys ${cpu} s, max RSS ${rss} MB, $(tail -n 1 "$RESULTS/check-1000x.txt")"
done
{
  echo
  echo "| command | runs | wall s (median) | wall s (min–max) | user+sys s (median) | max RSS MB (median) |"
  echo "|---|---|---|---|---|---|"
  echo "| paperlsp check digest-1000x.txt ($(( $(stat -c %s "$CORPUS/digest-1000x.txt") / 1000000 )) MB) | $CHECK_RUNS | **$(median < "$SCRATCH/wall")** | $(sort -g "$SCRATCH/wall" | head -n1)–$(sort -g "$SCRATCH/wall" | tail -n1) | $(median < "$SCRATCH/cpu") | **$(median < "$SCRATCH/rss")** |"
} | tee "$RESULTS/check-1000x-summary.md"
