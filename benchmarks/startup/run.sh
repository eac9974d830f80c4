#!/usr/bin/env bash
# Start time and idle memory of the published API on PostgreSQL with its migrations already applied.
#
#   benchmarks/startup/run.sh "<npgsql connection string>" [runs=3] [-- extra dotnet publish arguments]
#
# Publishes Hotspot.Api in Release (with the csproj's own settings, i.e. what the Dockerfile builds; extra publish
# arguments, e.g. -p:PublishReadyToRun=false, measure an alternative), starts it once to apply the migrations,
# then RUNS times: the milliseconds from launching `dotnet Hotspot.Api.dll` to the first 200 from /healthz, and the
# resident memory (VmRSS) after 5 idle seconds, split into files, runtime code and anonymous memory. Beside the wall time it prints the CPU time the process had used when
# /healthz first answered (utime + stime from /proc/<pid>/stat), which a loaded machine disturbs far less. DOTNET_* variables in the environment (e.g. DOTNET_gcServer=1,
# DOTNET_TieredPGO=0) reach the API, so runtime settings can be compared without republishing.
set -euo pipefail
cd "$(dirname "$0")/../.."
connection=${1:?usage: run.sh "<npgsql connection string>" [runs] [-- publish args]}
runs=${2:-3}
shift $(( $# >= 2 ? 2 : 1 ))
[ "${1:-}" = "--" ] && shift
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# PUBLISHED=<folder> measures an existing publish output instead of publishing again.
if [ -n "${PUBLISHED:-}" ]; then cp -r "$PUBLISHED"/. "$out"/; else
  dotnet publish Hotspot.Api/Hotspot.Api.csproj -c Release -o "$out" -v q -nologo "$@" >/dev/null
fi
port=$(( 20000 + RANDOM % 20000 ))
export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" ConnectionStrings__Hotspot="$connection" \
  HOTSPOT_DATA_DIR="$out/data" HOTSPOT_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)"
mkdir -p "$out/data"

ticks=$(getconf CLK_TCK)
# CPU milliseconds (user + system) the process has used so far: fields 14 and 15 of /proc/<pid>/stat.
cpu_ms() { awk -v hz="$ticks" '{ sub(/^.*\) /, ""); printf "%d", ($12 + $13) * 1000 / hz }' "/proc/$1/stat"; }

# Sets $ms (launch to /healthz 200) and $cpu (CPU time by then), and leaves the process in $pid.
start() {
  local t0 t1
  t0=$(date +%s%N)
  dotnet "$out/Hotspot.Api.dll" >"$out/api.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"; do
    kill -0 "$pid" 2>/dev/null || { echo "the API exited:"; tail -n 20 "$out/api.log"; exit 1; }
    sleep 0.01
  done
  t1=$(date +%s%N)
  cpu=$(cpu_ms "$pid")
  ms=$(( (t1 - t0) / 1000000 ))
}
stop() { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }

# Where the resident memory is: pages of files (assemblies, native libraries), the runtime's executable memory (JIT
# code and stubs, a memfd named doublemapper) and anonymous memory (GC heap, native allocations).
rss_parts() {
  awk '/^[0-9a-f]+-[0-9a-f]+ / { kind = ($6 ~ /doublemapper/) ? "code" : ($6 ~ /^\//) ? "files" : "anonymous" }
       /^Rss:/ { kb[kind] += $2 }
       END { printf "files %.1f, code %.1f, anonymous %.1f MiB", kb["files"] / 1024, kb["code"] / 1024, kb["anonymous"] / 1024 }' "/proc/$1/smaps"
}

start; stop   # applies the migrations
for i in $(seq 1 "$runs"); do
  start
  sleep 5
  rss=$(awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status")
  parts=$(rss_parts "$pid")
  stop
  echo "run $i: start to /healthz 200: $ms ms (CPU $cpu ms), idle RSS: $rss MiB ($parts)"
done
