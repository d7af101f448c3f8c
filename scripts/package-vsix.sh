#!/usr/bin/env bash
# Builds the VS Code extension as one .vsix holding both halves:
#   1. the server: `dotnet publish` of server/PaperLsp.Cli, framework-dependent (runs on any OS with the
#      .NET 10 runtime as `dotnet server/paperlsp.dll lsp`), into client-vscode/server/;
#   2. the client: type-check (tsc), lint (eslint), bundle (esbuild) — vsce runs them as vscode:prepublish;
#   3. the package: @vscode/vsce, from client-vscode's own locked dependencies.
# Prints the path of the .vsix on its last line: .artifacts/vsix/paper-digest-<version>.vsix.
# PAPERLSP_SKIP_PUBLISH=1 reuses client-vscode/server/ as it is (when only the client changed).
set -euo pipefail
source "$(dirname "$0")/env.sh"
need_dotnet
need_node
cd "$ROOT"
client=client-vscode
out=.artifacts/vsix

if [ "${PAPERLSP_SKIP_PUBLISH:-}" != 1 ] || [ ! -f "$client/server/paperlsp.dll" ]; then
  echo "paperlsp: publishing the server into $client/server" >&2
  rm -rf "$client/server"
  dotnet publish server/PaperLsp.Cli -c Release --nologo -v quiet --self-contained false -p:UseAppHost=false -o "$client/server" >&2
  rm -f "$client/server"/*.pdb   # debug symbols stay out of the package
fi
[ -f "$client/server/paperlsp.dll" ] || { echo "paperlsp: the publish produced no $client/server/paperlsp.dll" >&2; exit 1; }

cd "$client"
[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error >&2
version=$(node -p "require('./package.json').version")
mkdir -p "../$out"
vsix="../$out/paper-digest-$version.vsix"
rm -f "$vsix"
# --no-dependencies: the client is bundled by esbuild, node_modules is not shipped.
# --skip-license: the project has not chosen a license yet (see client-vscode/README.md).
npx --no-install vsce package --no-dependencies --skip-license --allow-missing-repository --out "$vsix" >&2
cd "$ROOT"
echo "$out/paper-digest-$version.vsix"
