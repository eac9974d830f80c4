#!/usr/bin/env bash
# What 10% hostile traffic costs the settled rate, measured in pairs on one API: plain and --mix runs of
# benchmarks/load/callbacks alternate, so a machine that grows busier or quieter moves both halves of each pair alike.
#
#   benchmarks/load/callbacks-paired.sh "<npgsql connection string to a database that does not exist yet>" [pairs=3] [N=5000] [C=64]
#
# Publishes Hotspot.Api (Release; PUBLISHED=<folder> runs an existing publish output instead), starts it in Development
# on port 5080 with the reconciler off and the rate limits raised, warms it up with two runs, then runs PAIRS pairs:
# N callbacks plain, then N callbacks plus N/20 re-deliveries and N/20 forgeries (--mix). Prints each run's settled
# rate and CPU per settled callback, each pair's ratio, and the mean of the settled rates of each half. With the
# postmaster's pid known (POSTGRES_PID=<pid>) PostgreSQL's CPU per callback is printed too.
set -euo pipefail
cd "$(dirname "$0")/../.."
connection=${1:?usage: callbacks-paired.sh "<npgsql connection string>" [pairs] [N] [C]}
pairs=${2:-3}; count=${3:-5000}; concurrency=${4:-64}
out=$(mktemp -d)
api=""
cleanup() { [ -n "$api" ] && kill "$api" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$out"; }
trap cleanup EXIT

if [ -n "${PUBLISHED:-}" ]; then mkdir -p "$out/api"; cp -r "$PUBLISHED"/. "$out/api"/; else
  dotnet publish Hotspot.Api/Hotspot.Api.csproj -c Release -o "$out/api" -v q -nologo >/dev/null
fi
dotnet build -c Release -v q -nologo benchmarks/load/callbacks >/dev/null
ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS=http://127.0.0.1:5080 ConnectionStrings__Hotspot="$connection" \
  HOTSPOT_DATA_DIR="$out/data" HOTSPOT_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)" \
  HOTSPOT_AUTH_TOKEN_KEY="$(head -c 32 /dev/urandom | base64)" Payments__ReconcilerEnabled=false \
  RateLimits__PortalPermitsPerMinute=1000000 RateLimits__CallbackPermitsPerMinute=1000000 \
  RateLimits__PurchasesPerAddressPerMinute=1000000 RateLimits__PromptsPerPhone=1000000 Serilog__MinimumLevel__Default=Warning \
  dotnet "$out/api/Hotspot.Api.dll" >"$out/api.log" 2>&1 &
api=$!
until curl -sf -o /dev/null http://127.0.0.1:5080/healthz; do
  kill -0 "$api" 2>/dev/null || { echo "the API exited:"; tail -n 20 "$out/api.log"; exit 1; }
  sleep 0.2
done

# One run; prints "<settled per second> <API ms per callback> <PostgreSQL ms per callback>" and fails unless exactly once.
run() {
  dotnet benchmarks/load/callbacks/bin/Release/net10.0/CallbackLoad.dll http://127.0.0.1:5080 "$connection" "$count" "$concurrency" \
    --analyze --api-pid "$api" ${POSTGRES_PID:+--postgres-pid "$POSTGRES_PID"} "$@" >"$out/run.log" 2>&1 || { cat "$out/run.log"; exit 1; }
  grep -q "exactly once: yes" "$out/run.log" || { cat "$out/run.log"; echo "FAIL: not exactly once"; exit 1; }
  awk '/settled per second/ { rate = $8 } /^API CPU/ { apims = $5 } /^PostgreSQL backends/ { pgms = $7 }
       END { gsub(",", "", rate); printf "%s %s %s\n", rate, apims, (pgms == "" ? "-" : pgms) }' "$out/run.log"
}

run >/dev/null; run --mix >/dev/null   # warm-up: the JIT, the pools, PostgreSQL's caches
printf "%-6s %18s %18s %8s   (CPU per settled callback, ms: API / PostgreSQL)\n" pair "plain settled/s" "--mix settled/s" "ratio"
plain_sum=0; mix_sum=0
for i in $(seq 1 "$pairs"); do
  read -r p pa pp < <(run)
  read -r m ma mp < <(run --mix)
  printf "%-6s %18s %18s %8s   plain %s / %s, --mix %s / %s\n" "$i" "$p" "$m" "$(awk -v p="$p" -v m="$m" 'BEGIN { printf "%.3f", m / p }')" "$pa" "$pp" "$ma" "$mp"
  plain_sum=$((plain_sum + p)); mix_sum=$((mix_sum + m))
done
awk -v p="$plain_sum" -v m="$mix_sum" -v n="$pairs" 'BEGIN { printf "mean: plain %.0f, --mix %.0f settled per second; --mix settles %.1f%% fewer\n", p / n, m / n, 100 * (1 - m / p) }'
errors=$(grep -c '\[ERR\]\|\[FTL\]' "$out/api.log" || true)
echo "API log lines at Error or above: $errors"
