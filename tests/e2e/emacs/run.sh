#!/usr/bin/env bash
# End-to-end: Emacs's eglot (Debian's emacs-nox + elpa-eglot, batch mode) drives the built PaperLsp
# server over stdio on copies of the seed digests, side by side in one workspace folder.
#
# Prints one line per check, "ok NAME" or "not ok NAME: reason" (or "skip NAME: reason" when the seeds
# are absent), then a last line "N passed, N failed". Exits 1 if any check failed, 0 otherwise.
#
# Environment (all optional):
#   PAPERLSP_SEEDS_DIR   folder with the seed digests (default <repo>/../shared/seeds)
#   PAPERLSP_SERVER_DLL  server to test (default the Release build, built here when missing)
#   PAPERLSP_E2E_KEEP=1  keep the temp dir and print its path
set -uo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
# Same names, same order as in paperlsp_e2e.el.
checks=(attach outline diagnostics hover references code-action formatting shutdown)
seeds=${PAPERLSP_SEEDS_DIR:-$root/../shared/seeds}
compact_seed=004_2519e4a23e4788df.txt
spaced_seed=000_28557f506f1a8781.txt
dll=${PAPERLSP_SERVER_DLL:-$root/server/PaperLsp.Cli/bin/Release/net10.0/paperlsp.dll}

all_checks() { for c in "${checks[@]}"; do echo "$1 $c: $2"; done; }
skip_all() { all_checks skip "$1"; echo "0 passed, 0 failed"; exit 0; }
fail_all() { all_checks "not ok" "setup: $1"; echo "0 passed, ${#checks[@]} failed"; exit 1; }
note() { echo "# emacs-e2e: $*" >&2; }

for s in "$compact_seed" "$spaced_seed"; do
  [ -f "$seeds/$s" ] || skip_all "seed digest $seeds/$s is absent (the seeds live in ../shared/seeds beside the repo)"
done

if ! command -v emacs >/dev/null 2>&1 || ! dpkg -s elpa-eglot >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    note "installing Debian's emacs-nox and elpa-eglot"
    export DEBIAN_FRONTEND=noninteractive
    { timeout 600 apt-get update -qq && timeout 600 apt-get install -y -qq emacs-nox elpa-eglot; } >/dev/null 2>&1 \
      || fail_all "apt-get install emacs-nox elpa-eglot failed"
  fi
  command -v emacs >/dev/null 2>&1 || fail_all "emacs is not installed (apt-get install emacs-nox elpa-eglot, as root)"
fi

if [ ! -f "$dll" ]; then
  [ -z "${PAPERLSP_SERVER_DLL:-}" ] || fail_all "PAPERLSP_SERVER_DLL points at a missing file: $dll"
  note "building server/PaperLsp.Cli (Release)"
  (cd "$root" && timeout 600 dotnet build server/PaperLsp.Cli -c Release --nologo -v quiet) >&2 \
    || fail_all "dotnet build server/PaperLsp.Cli -c Release failed"
fi
dotnet=$(command -v dotnet) || fail_all "dotnet is not on PATH"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/paperlsp-emacs-e2e.XXXXXX")
if [ "${PAPERLSP_E2E_KEEP:-}" = 1 ]; then note "keeping $tmp"; else trap 'rm -rf "$tmp"' EXIT; fi
mkdir -p "$tmp/ws" "$tmp/emacs-home"
cp "$seeds/$compact_seed" "$seeds/$spaced_seed" "$tmp/ws/"
chmod u+w "$tmp/ws/"*   # the seeds may be read-only; the copies are edited
: >"$tmp/results"

start=$SECONDS
# --batch skips the user's init file; user-emacs-directory goes to the temp dir. `timeout` is the backstop.
HOME=$tmp/emacs-home PAPERLSP_DOTNET=$dotnet PAPERLSP_SERVER_DLL=$dll PAPERLSP_RESULTS=$tmp/results \
PAPERLSP_SEED_COMPACT=$tmp/ws/$compact_seed PAPERLSP_SEED_SPACED=$tmp/ws/$spaced_seed \
  timeout -k 5 180 emacs --batch --eval "(setq user-emacs-directory \"$tmp/emacs-home/\")" -l "$here/paperlsp_e2e.el" \
  </dev/null >"$tmp/emacs.out" 2>&1
rc=$?
elapsed=$((SECONDS - start))

passed=0 failed=0
for c in "${checks[@]}"; do
  line=$(grep -E "^(ok|not ok) $c(:|$)" "$tmp/results" | head -1)
  [ -n "$line" ] || line="not ok $c: no result (emacs exited with status $rc$([ $rc = 124 ] && echo ', timed out'))"
  case $line in ok*) passed=$((passed + 1)) ;; *) failed=$((failed + 1)) ;; esac
  echo "$line"
done
note "$(emacs --version | head -1), exit status $rc, ${elapsed}s"
if [ "$failed" != 0 ]; then
  grep -E "^not ok error" "$tmp/results" >&2
  tail -20 "$tmp/emacs.out" | sed 's/^/# emacs: /' >&2
fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
