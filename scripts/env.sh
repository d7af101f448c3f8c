# Shared settings for the repo's scripts: quiet .NET, and a check that the tools are there.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

need_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "paperlsp: the .NET 10 SDK is required (https://dot.net); this machine has no 'dotnet' on PATH" >&2
    exit 2
  fi
}

need_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
      apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
    else
      echo "paperlsp: Node.js and npm are required for the TypeScript tests" >&2
      exit 2
    fi
  fi
}
