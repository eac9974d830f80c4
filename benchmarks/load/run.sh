#!/usr/bin/env bash
# One command: builds the servers in Release, installs the Node baseline, runs the load test.
#   benchmarks/load/run.sh [--duration 10] [--rounds 3] [--warmup 3] [--connections 100] [--pipelining 5] [--query '{ ... }']
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
[ -d "$here/node_modules/graphql-http" ] || (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
dotnet build "$repo/tools/GraphQLHost" -c Release -v q -nologo
dotnet build "$repo/benchmarks/BareKestrel" -c Release -v q -nologo
node "$here/load.mjs" "$@"
