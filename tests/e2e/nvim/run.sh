#!/usr/bin/env bash
# End-to-end: Neovim's own LSP client (Debian's `neovim`, 0.7 or later) drives the built PaperLsp server
# over stdio on copies of the seed digests. See tests/e2e/README.md.
#
# Prints one line per check, "ok NAME" or "not ok NAME: reason" (or "skip NAME: reason" when the seeds
# are absent), then a last line "N passed, N failed". Exits 1 if any check failed, 0 otherwise.
#
# Environment (all optional):
#   PAPERLSP_SEEDS_DIR   folder with the seed digests (default <repo>/../shared/seeds)
#   PAPERLSP_SERVER_DLL  server to test (default the Release build, built here when missing)
#   PAPERLSP_E2E_KEEP=1  keep the temp dir (copies, nvim output, lsp.log) and print its path
set -uo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
# Same names, same order as CHECKS in paperlsp_e2e.lua.
checks=(attach outline diagnostics document-links hover definition shutdown)
seeds=${PAPERLSP_SEEDS_DIR:-$root/../shared/seeds}
compact_seed=004_2519e4a23e4788df.txt
spaced_seed=000_28557f506f1a8781.txt
dll=${PAPERLSP_SERVER_DLL:-$root/server/PaperLsp.Cli/bin/Release/net10.0/paperlsp.dll}

# Every check ends the same way: skipped, or failed before nvim ran.
all_checks() { # all_checks skip|"not ok" REASON
  for c in "${checks[@]}"; do echo "$1 $c: $2"; done
}
skip_all() { all_checks skip "$1"; echo "0 passed, 0 failed"; exit 0; }
fail_all() { all_checks "not ok" "setup: $1"; echo "0 passed, ${#checks[@]} failed"; exit 1; }
note() { echo "# nvim-e2e: $*" >&2; }

# --- what the test needs -------------------------------------------------------------------------
for s in "$compact_seed" "$spaced_seed"; do
  [ -f "$seeds/$s" ] || skip_all "seed digest $seeds/$s is absent (the seeds live in ../shared/seeds beside the repo)"
done

if ! command -v nvim >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    note "installing Debian's neovim package"
    export DEBIAN_FRONTEND=noninteractive
    { timeout 300 apt-get update -qq && timeout 300 apt-get install -y -qq neovim; } >/dev/null 2>&1 \
      || fail_all "apt-get install neovim failed"
  fi
  command -v nvim >/dev/null 2>&1 || fail_all "nvim is not installed (apt-get install neovim, as root)"
fi
version=$(nvim --version 2>/dev/null | sed -nE '1s/^NVIM v([0-9]+)\.([0-9]+).*/\1 \2/p')
read -r major minor <<<"${version:-0 0}"
{ [ "$major" -gt 0 ] || [ "$minor" -ge 7 ]; } || fail_all "nvim 0.7 or later is needed, found: $(nvim --version 2>/dev/null | head -1)"

if [ ! -f "$dll" ]; then
  [ -z "${PAPERLSP_SERVER_DLL:-}" ] || fail_all "PAPERLSP_SERVER_DLL points at a missing file: $dll"
  command -v dotnet >/dev/null 2>&1 || fail_all "dotnet is not on PATH"
  note "building server/PaperLsp.Cli (Release)"
  (cd "$root" && timeout 600 dotnet build server/PaperLsp.Cli -c Release --nologo -v quiet) >&2 \
    || fail_all "dotnet build server/PaperLsp.Cli -c Release failed"
  [ -f "$dll" ] || fail_all "the build did not produce $dll"
fi
dotnet=$(command -v dotnet) || fail_all "dotnet is not on PATH"

# --- the run, in a temp dir: seed copies, nvim's XDG dirs (lsp.log goes to the cache dir), results ----
tmp=$(mktemp -d "${TMPDIR:-/tmp}/paperlsp-nvim-e2e.XXXXXX")
if [ "${PAPERLSP_E2E_KEEP:-}" = 1 ]; then note "keeping $tmp"; else trap 'rm -rf "$tmp"' EXIT; fi
mkdir -p "$tmp/ws" "$tmp/cache" "$tmp/state" "$tmp/data" "$tmp/config"
cp "$seeds/$compact_seed" "$seeds/$spaced_seed" "$tmp/ws/"
: >"$tmp/results"

start=$SECONDS
# -l hangs on 0.7, so the script runs through -c luafile; stdin from /dev/null so nvim never waits on it.
# The Lua watchdog ends nvim after 40 s; `timeout` is the backstop (TERM at 50 s, KILL 5 s later).
XDG_CACHE_HOME=$tmp/cache XDG_STATE_HOME=$tmp/state XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config \
PAPERLSP_DOTNET=$dotnet PAPERLSP_SERVER_DLL=$dll PAPERLSP_RESULTS=$tmp/results \
PAPERLSP_SEED_COMPACT=$tmp/ws/$compact_seed PAPERLSP_SEED_SPACED=$tmp/ws/$spaced_seed \
  timeout -k 5 50 nvim --headless -u NONE -i NONE -n -c "luafile $here/paperlsp_e2e.lua" \
  </dev/null >"$tmp/nvim.out" 2>&1
rc=$?
elapsed=$((SECONDS - start))

# --- one line per check, in order; a check the Lua side never reached fails here -----------------
passed=0 failed=0
for c in "${checks[@]}"; do
  line=$(grep -E "^(ok|not ok) $c(:|$)" "$tmp/results" | head -1)
  [ -n "$line" ] || line="not ok $c: no result (nvim exited with status $rc$([ $rc = 124 ] && echo ', timed out'))"
  case $line in ok*) passed=$((passed + 1)) ;; *) failed=$((failed + 1)) ;; esac
  echo "$line"
done
note "nvim $major.$minor, exit status $rc, ${elapsed}s"
if [ "$failed" != 0 ]; then
  # What nvim printed, and the server's stderr as nvim logged it, to tell why.
  sed 's/^/# nvim: /' "$tmp/nvim.out" | tail -20 >&2
  log=$(find "$tmp/cache" -name lsp.log 2>/dev/null | head -1)
  [ -z "$log" ] || tail -c 3000 "$log" | sed 's/^/# lsp.log: /' >&2
fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
