#!/usr/bin/env bash
# Runs the whole test suite the way CI does, on a fresh machine with only the .NET SDK:
# installs what the tests need (redis-server), restores, builds, runs every test project and
# ends with one line of totals: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/.artifacts/test-results"

log() { printf '[run-all] %s\n' "$*"; }
totals() { printf '%s passed, %s failed, %s skipped\n' "$1" "$2" "$3"; }

ensure_redis() {
  if command -v redis-server >/dev/null 2>&1; then
    return 0
  fi
  log "redis-server is missing: installing it from Debian's packages (the storage tests start their own instance)"
  local sudo=""
  if [ "$(id -u)" != "0" ]; then sudo="sudo"; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq >/dev/null &&
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq redis-server >/dev/null
  # The package starts a system instance on 6379; the tests use their own on free ports, so stop it.
  $sudo service redis-server stop >/dev/null 2>&1 || true
  command -v redis-server >/dev/null 2>&1
}

if ! ensure_redis; then
  log "could not install redis-server"
  totals 0 1 0
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log "restoring and building (Release)"
if ! dotnet build Cwmp.Orleans.sln -c Release -nologo -v quiet; then
  log "the build failed"
  totals 0 1 0
  exit 1
fi

rm -rf "$results"
log "running tests"
# One test assembly at a time (-m:1): several of them start whole servers (silo ports, Garnet, redis-server), and on a
# two-core machine side-by-side assemblies race for free ports and overrun their timeouts.
dotnet test Cwmp.Orleans.sln -c Release --no-build -nologo -m:1 \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results"
status=$?

passed=0; failed=0; skipped=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*' "$trx" | head -n 1)
  get() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  total=$(get total); executed=$(get executed); p=$(get passed); f=$(get failed)
  e=$(get error); t=$(get timeout); a=$(get aborted)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # A crashed test host leaves no failed count in its TRX: count the run itself as a failure.
  failed=1
fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
  log "no test ran"
  failed=1
fi

totals "$passed" "$failed" "$skipped"
[ "$failed" -eq 0 ]
