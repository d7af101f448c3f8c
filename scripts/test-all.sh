#!/usr/bin/env bash
# Every test: the C# suites (dotnet test) and the TypeScript suites (node's test runner).
# Ends with one line "N passed, N failed, N skipped" summed over all suites.
set -uo pipefail
source "$(dirname "$0")/env.sh"
need_dotnet
cd "$ROOT"
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT
passed=0 failed=0 skipped=0 status=0

# dotnet test prints one "Passed!/Failed! - Failed: N, Passed: N, Skipped: N, Total: N" line per test project.
dotnet test PaperLsp.sln -c Release --nologo 2>&1 | tee "$log/dotnet.txt"
[ "${PIPESTATUS[0]}" = 0 ] || status=1
while read -r f p s; do
  failed=$((failed + f)) passed=$((passed + p)) skipped=$((skipped + s))
done < <(sed -nE 's/.*(Passed|Failed)! +- Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\2 \3 \4/p' "$log/dotnet.txt")
if ! grep -qE '(Passed|Failed)! +- Failed:' "$log/dotnet.txt"; then
  echo "paperlsp: dotnet test ran no test (build failed?)" >&2
  status=1 failed=$((failed + 1))
fi

# Node suites: every package.json under tests/node and client-vscode with a "test" script.
for dir in tests/node client-vscode; do
  [ -f "$dir/package.json" ] || continue
  need_node
  (cd "$dir" && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; }) || { status=1; failed=$((failed + 1)); continue; }
  (cd "$dir" && npm test --silent) 2>&1 | tee "$log/node.txt"
  [ "${PIPESTATUS[0]}" = 0 ] || status=1
  p=$(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$log/node.txt" | tail -1)
  f=$(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$log/node.txt" | tail -1)
  s=$(sed -nE 's/^# skipped ([0-9]+)$/\1/p' "$log/node.txt" | tail -1)
  passed=$((passed + ${p:-0})) failed=$((failed + ${f:-0})) skipped=$((skipped + ${s:-0}))
  [ -n "$p" ] || { echo "paperlsp: $dir ran no test" >&2; status=1; failed=$((failed + 1)); }
done

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ] || status=1
exit $status
