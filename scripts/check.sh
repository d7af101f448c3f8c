#!/usr/bin/env bash
# The main job: `paperlsp check` on the given paths (default: samples/). Builds what it needs.
set -euo pipefail
source "$(dirname "$0")/env.sh"
need_dotnet
cd "$ROOT"
dotnet build server/PaperLsp.Cli -c Release -v quiet -nologo -clp:ErrorsOnly >&2
exec dotnet server/PaperLsp.Cli/bin/Release/net10.0/paperlsp.dll check "${@:-samples/}"
