#!/usr/bin/env bash
# Callbacks settled per second by three API instances on one PostgreSQL, requests spread across them in turn.
#
#   benchmarks/load/instances.sh "<npgsql connection string>" [N=3000] [C=64] [--mix]
#
# Publishes Hotspot.Api (Release), starts three instances in Development on ports 5101-5103 with the reconciler on
# (one of them holds its lease) and the rate limits raised as for benchmarks/load/callbacks, runs that tool against
# all three, prints which instance holds the reconciler lease, and stops them.
set -euo pipefail
cd "$(dirname "$0")/../.."
connection=${1:?usage: instances.sh "<npgsql connection string>" [N] [C] [--mix]}
count=${2:-3000}; concurrency=${3:-64}; mix=${4:-}
out=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$out"; }
trap cleanup EXIT

dotnet publish Hotspot.Api/Hotspot.Api.csproj -c Release -o "$out/api" -v q -nologo >/dev/null
export ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Hotspot="$connection" \
  HOTSPOT_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)" HOTSPOT_AUTH_TOKEN_KEY="$(head -c 32 /dev/urandom | base64)" \
  Serilog__MinimumLevel__Default=Warning RateLimits__PortalPermitsPerMinute=1000000 RateLimits__CallbackPermitsPerMinute=1000000 \
  RateLimits__PurchasesPerAddressPerMinute=1000000 RateLimits__PromptsPerPhone=1000000
urls=()
for port in 5101 5102 5103; do
  HOTSPOT_DATA_DIR="$out/data-$port" ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet "$out/api/Hotspot.Api.dll" >"$out/api-$port.log" 2>&1 &
  pids+=($!)
  until curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"; do sleep 0.2; done  # one at a time: the first seeds
  urls+=("http://127.0.0.1:$port")
done
echo "three instances: ${urls[*]} (pids ${pids[*]})"
dotnet run -c Release --project benchmarks/load/callbacks -- "$(IFS=,; echo "${urls[*]}")" "$connection" "$count" "$concurrency" --analyze $mix
psql "$(echo "$connection" | sed -E 's/Host=([^;]*);Port=([^;]*);Username=([^;]*);Password=([^;]*);Database=([^;]*).*/postgresql:\/\/\3:\4@\1:\2\/\5/')" \
  -Atc "select 'reconciler lease held by ' || holder from leases where name = 'payment-reconciler'" 2>/dev/null || true
