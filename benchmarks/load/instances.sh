#!/usr/bin/env bash
# Three API instances on one PostgreSQL, requests spread across them in turn, and the reconciler's holder killed
# mid-run: every purchase paid exactly once, and the reconciler lease handed over to a survivor.
#
#   benchmarks/load/instances.sh "<npgsql connection string to a database that does not exist yet>" [N=3000] [C=64] [--mix]
#
# Publishes Hotspot.Api (Release), starts a fourth instance on port 5100 that only plays M-Pesa (its built-in Daraja
# simulator, reconciler off: one provider for all, as in production, since a token one simulator issued means nothing
# to another's), then three instances in Development on ports 5101-5103 with the reconciler on (a 15 s lease, renewed
# every 3 s, purchases reconciled after 10 s) and the rate limits raised as for
# benchmarks/load/callbacks, and runs that tool with --failover against all three (a refused request goes to the next
# instance, as a balancer does). When a third of the purchases are paid it kills (SIGKILL) the instance holding the
# reconciler lease. The tool then waits for the reconciler to settle what the callbacks lost with the dead instance
# would have, and checks that exactly N purchases are paid with exactly N vouchers. Prints the lease holder before the
# kill and after it, how long the handover took, and PASS or FAIL (the exit code too).
set -euo pipefail
cd "$(dirname "$0")/../.."
connection=${1:?usage: instances.sh "<npgsql connection string>" [N] [C] [--mix]}
count=${2:-3000}; concurrency=${3:-64}; mix=${4:-}
out=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$out"; }
trap cleanup EXIT
psql_url=$(echo "$connection" | sed -E 's/Host=([^;]*);Port=([^;]*);Username=([^;]*);Password=([^;]*);Database=([^;]*).*/postgresql:\/\/\3:\4@\1:\2\/\5/')
sql() { psql "$psql_url" -Atc "$1"; }
# A new database each run (the API creates it): the demo organization's secrets are sealed with this run's key.
if sql "select 1" >/dev/null 2>&1; then echo "give the name of a database that does not exist yet; the API creates it"; exit 2; fi

# PUBLISHED=<folder> runs an existing publish output instead of publishing again.
if [ -n "${PUBLISHED:-}" ]; then mkdir -p "$out/api"; cp -r "$PUBLISHED"/. "$out/api"/; else
  dotnet publish Hotspot.Api/Hotspot.Api.csproj -c Release -o "$out/api" -v q -nologo >/dev/null
fi
dotnet build -c Release -v q -nologo benchmarks/load/callbacks >/dev/null
# Four instances share the server's connections (max_connections): each pool is capped so they cannot exhaust them.
export ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Hotspot="$connection;Maximum Pool Size=40" \
  HOTSPOT_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)" HOTSPOT_AUTH_TOKEN_KEY="$(head -c 32 /dev/urandom | base64)" \
  Serilog__MinimumLevel__Default=Warning RateLimits__PortalPermitsPerMinute=1000000 RateLimits__CallbackPermitsPerMinute=1000000 \
  RateLimits__PurchasesPerAddressPerMinute=1000000 RateLimits__PromptsPerPhone=1000000 \
  Payments__ReconcilerLease=00:00:15 Payments__ReconcilerInterval=00:00:03 Payments__ReconcileAfter=00:00:10
HOTSPOT_DATA_DIR="$out/data-5100" ASPNETCORE_URLS="http://127.0.0.1:5100" Payments__ReconcilerEnabled=false \
  dotnet "$out/api/Hotspot.Api.dll" >"$out/api-5100.log" 2>&1 &
pids+=($!)
until curl -sf -o /dev/null "http://127.0.0.1:5100/healthz"; do sleep 0.2; done  # it seeds the demo organization
export Sandbox__BaseUrl=http://127.0.0.1:5100
urls=()
for port in 5101 5102 5103; do
  HOTSPOT_DATA_DIR="$out/data-$port" ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet "$out/api/Hotspot.Api.dll" >"$out/api-$port.log" 2>&1 &
  pids+=($!)
  until curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"; do sleep 0.2; done
  urls+=("http://127.0.0.1:$port")
done
echo "three instances: ${urls[*]} (pids ${pids[*]})"

# The lease row's holder is "<machine>:<pid>:<guid>"; its pid is one of ours.
holder_pid() { sql "select split_part(holder, ':', 2) from leases where name = 'payment-reconciler' and expires_at > now()" 2>/dev/null || true; }
until [ -n "$(holder_pid)" ]; do sleep 0.5; done
before=$(holder_pid)
echo "reconciler lease held by pid $before"

dotnet "benchmarks/load/callbacks/bin/Release/net10.0/CallbackLoad.dll" "$(IFS=,; echo "${urls[*]}")" "$connection" "$count" "$concurrency" \
  --analyze --failover $mix &
load=$!

# Mid-run: once a third of the purchases of this run are paid, kill the lease holder.
paid_before=$(sql "select count(*) from purchases where status = 'Paid'")
until [ "$(sql "select count(*) from purchases where status = 'Paid'")" -ge $(( paid_before + count / 3 )) ]; do
  kill -0 "$load" 2>/dev/null || break
  sleep 0.2
done
kill -9 "$before"
killed_at=$(date +%s)
echo "killed the lease holder, pid $before, with $(( $(sql "select count(*) from purchases where status = 'Paid'") - paid_before ))/$count paid"

after=$before
while [ "$after" = "$before" ] || [ -z "$after" ]; do
  [ $(( $(date +%s) - killed_at )) -gt 60 ] && break
  sleep 0.5
  after=$(holder_pid)
done
handover=$(( $(date +%s) - killed_at ))
status=0
wait "$load" || status=$?
if [ -n "$after" ] && [ "$after" != "$before" ]; then
  echo "reconciler lease handed over to pid $after within $handover s of the kill (lease 15 s)"
else
  echo "reconciler lease NOT handed over within 60 s"; status=1
fi
[ "$status" = 0 ] || { echo "first errors in each instance's log:"; for f in "$out"/api-*.log; do echo "== $f"; grep -m 3 -A 4 "ERR\]" "$f" || true; done; }
[ "$status" = 0 ] && echo "PASS: every purchase paid exactly once, lease handed over" || echo "FAIL"
exit "$status"
