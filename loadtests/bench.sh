#!/usr/bin/env bash
# loadtests/bench.sh: the whole-ACS benchmark of issue 6, in one run on this machine, loopback only.
#
#   1. ceiling   a bare Kestrel server answering the same HTTP exchanges with canned bytes (loadtests/Cwmp.Ceiling)
#   2. embedded  the ACS on its embedded default (Garnet in-process, AOF with commit wait), lab mode, fresh data dir
#   3. redis     the ACS on a real redis-server started here (AOF, appendfsync everysec), lab mode
#
# Stages 2 and 3 first register every device with one bootstrap pass, then measure unchanged periodic informs
# (2 PERIODIC, nothing to do) and read the server's own cwmp.storage.round_trips counter from /metrics on the NBI
# port. Optional stages: --storm N (boot storm against a fresh embedded ACS, time until every device has informed)
# and --scale "1 2 4" (N silo+gateway processes on one Redis, one swarm per gateway).
#
# Every stage is bounded (--duration, --max-sessions, timeouts); every process started here is stopped on exit,
# failure or Ctrl-C. Results: loadtests/results/<UTC time>/ (summary.json, summary.md, swarm reports, logs).
set -euo pipefail

usage() {
  cat <<'EOF'
usage: loadtests/bench.sh [options]
  --devices N          devices per measured stage (default 10000)
  --duration S         seconds per measured swarm run (default 30)
  --interval S         periodic inform interval of the measured runs (default 2: offered load = devices / interval)
  --concurrency N      sessions in flight per swarm (default 256)
  --stages LIST        comma-separated subset of ceiling,embedded,redis (default all three)
  --storm N            also run a boot storm of N devices against a fresh embedded ACS
  --storm-timeout S    longest the storm may run (default 300)
  --storm-admit N      the ACS's Cwmp:Gateway:MaxConcurrentSessions during the storm (default 1000)
  --storm-concurrency N  swarm sessions in flight during the storm (default 2000)
  --scale "1 2 4"      also run N silo+gateway processes on one redis-server, for each N listed
  --results DIR        where to write the results (default loadtests/results/<UTC time>)
  --no-build           use the existing Release build
EOF
}

ORIGINAL_ARGS="$*"
DEVICES=10000
DURATION=30
INTERVAL=2
CONCURRENCY=256
STAGES="ceiling,embedded,redis"
STORM=0
STORM_TIMEOUT=300
STORM_ADMIT=1000
STORM_CONCURRENCY=2000
SCALE=""
RESULTS=""
BUILD=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --devices) DEVICES="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --interval) INTERVAL="$2"; shift 2 ;;
    --concurrency) CONCURRENCY="$2"; shift 2 ;;
    --stages) STAGES="$2"; shift 2 ;;
    --storm) STORM="$2"; shift 2 ;;
    --storm-timeout) STORM_TIMEOUT="$2"; shift 2 ;;
    --storm-admit) STORM_ADMIT="$2"; shift 2 ;;
    --storm-concurrency) STORM_CONCURRENCY="$2"; shift 2 ;;
    --scale) SCALE="$2"; shift 2 ;;
    --results) RESULTS="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done
for n in "$DEVICES" "$DURATION" "$INTERVAL" "$CONCURRENCY" "$STORM" "$STORM_TIMEOUT" "$STORM_ADMIT" "$STORM_CONCURRENCY"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "not a whole number: $n" >&2; exit 2; }
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
RESULTS="${RESULTS:-$ROOT/loadtests/results/$STAMP}"
mkdir -p "$RESULTS"
RESULTS="$(cd "$RESULTS" && pwd)"
WORK="$(mktemp -d /tmp/cwmp-bench.XXXXXX)"
SERVER_DLL="$ROOT/src/Cwmp.Server/bin/Release/net10.0/Cwmp.Server.dll"
SWARM_DLL="$ROOT/loadtests/Cwmp.Swarm/bin/Release/net10.0/Cwmp.Swarm.dll"
CEILING_DLL="$ROOT/loadtests/Cwmp.Ceiling/bin/Release/net10.0/Cwmp.Ceiling.dll"
ROWS="$RESULTS/rows.jsonl"
: > "$ROWS"

# ---- process bookkeeping: everything started here is stopped on exit, by its own pid only ----
PIDS=()
stop_pid() {
  local pid="$1"
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -KILL "$pid" 2>/dev/null || true
}
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  for ((i=${#PIDS[@]}-1; i>=0; i--)); do stop_pid "${PIDS[i]}"; done
  cp "$WORK"/*.log "$RESULTS"/ 2>/dev/null || true
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# start NAME COMMAND...: runs in the background with its log in $WORK/NAME.log; the pid goes to LAST_PID and PIDS.
start() {
  local name="$1"; shift
  "$@" > "$WORK/$name.log" 2>&1 &
  LAST_PID=$!
  PIDS+=("$LAST_PID")
}

# wait_http URL PID SECONDS: until URL answers 2xx, the process dies, or the time is up.
wait_http() {
  local url="$1" pid="$2" limit="$3" start_s=$SECONDS
  until curl -sf -o /dev/null --max-time 2 "$url"; do
    kill -0 "$pid" 2>/dev/null || { echo "process $pid died before $url answered" >&2; return 1; }
    (( SECONDS - start_s < limit )) || { echo "$url did not answer within $limit s" >&2; return 1; }
    sleep 0.5
  done
}

# ---- build once ----
if [[ $BUILD == 1 ]]; then
  log "building Release: server, swarm, ceiling"
  for project in src/Cwmp.Server loadtests/Cwmp.Swarm loadtests/Cwmp.Ceiling; do
    dotnet build "$ROOT/$project" -c Release -nologo -v quiet > "$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
  done
fi
for dll in "$SERVER_DLL" "$SWARM_DLL" "$CEILING_DLL"; do [[ -f "$dll" ]] || { echo "missing $dll (run without --no-build)" >&2; exit 1; }; done

# ---- the pieces ----

# run_swarm NAME URL OFFSET DEVICES FIRST-CONTACT DURATION MAX-SESSIONS [extra swarm options...]
# Foreground, bounded by the swarm's own --duration/--max-sessions (and a hard timeout on top).
run_swarm() {
  local name="$1" url="$2" offset="$3" devices="$4" first="$5" duration="$6" max="$7"; shift 7
  timeout --signal=INT --kill-after=30 $((duration + 90)) \
    dotnet "$SWARM_DLL" --acs-url "$url" --scenario steady --devices "$devices" --index-offset "$offset" \
      --first-contact "$first" --duration "$duration" --max-sessions "$max" --concurrency "$CONCURRENCY" \
      --no-connection-requests --output "$RESULTS/$name.json" "$@" > "$WORK/$name.log" 2>&1 \
    || { echo "swarm $name failed (exit $?); see $RESULTS/$name.log" >&2; tail -5 "$WORK/$name.log" >&2; return 1; }
  tail -n 9 "$WORK/$name.log" | { grep -E '^(scenario|sessions|failures|devices informed)' || true; } | sed "s/^/  [$name] /"
}

# The same, in the background (scaling runs one swarm per gateway at the same time); the pid goes to LAST_PID.
start_swarm() {
  local name="$1" url="$2" offset="$3" devices="$4" first="$5" duration="$6" max="$7"; shift 7
  start "$name" timeout --signal=INT --kill-after=30 $((duration + 90)) \
    dotnet "$SWARM_DLL" --acs-url "$url" --scenario steady --devices "$devices" --index-offset "$offset" \
      --first-contact "$first" --duration "$duration" --max-sessions "$max" --concurrency "$CONCURRENCY" \
      --no-connection-requests --output "$RESULTS/$name.json" "$@"
}

# start_acs NAME MODE(embedded|redis) [extra server options...]: sets ACS_URL, NBI_URL, ACS_PID.
start_acs() {
  local name="$1" mode="$2"; shift 2
  local cwmp nbi files silo gateway
  cwmp=$(free_port); nbi=$(free_port); files=$(free_port); silo=$(free_port); gateway=$(free_port)
  local storage=()
  if [[ $mode == embedded ]]; then
    mkdir -p "$WORK/$name-data"
    storage=(--Cwmp:Storage:Mode=Embedded "--Cwmp:Storage:DataDirectory=$WORK/$name-data")
  else
    storage=(--Cwmp:Storage:Mode=Redis "--Cwmp:Storage:ConnectionString=127.0.0.1:$REDIS_PORT" --Cwmp:Orleans:AdvertisedIPAddress=127.0.0.1)
  fi
  # Development = lab mode (Cwmp:Auth:Required=false in appsettings.json): no CPE authentication.
  start "$name" env ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development \
    dotnet "$SERVER_DLL" --Cwmp:Ports:BindAddress=127.0.0.1 --Cwmp:Ports:Cwmp="$cwmp" --Cwmp:Ports:Nbi="$nbi" \
      --Cwmp:Ports:Files="$files" --Cwmp:Orleans:SiloPort="$silo" --Cwmp:Orleans:GatewayPort="$gateway" \
      --Cwmp:Orleans:ClusterId="bench-$STAMP-$CLUSTER" --Logging:LogLevel:Default=Warning "${storage[@]}" "$@"
  ACS_PID=$LAST_PID
  ACS_URL="http://127.0.0.1:$cwmp/"
  NBI_URL="http://127.0.0.1:$nbi"
  wait_http "$NBI_URL/readyz" "$ACS_PID" 120
}

start_redis() {
  REDIS_PORT=$(free_port)
  mkdir -p "$WORK/redis-$REDIS_PORT"
  command -v redis-server > /dev/null || { log "installing redis-server"; apt-get install -y redis-server > "$WORK/apt.log" 2>&1; }
  start "redis-$REDIS_PORT" redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$WORK/redis-$REDIS_PORT" \
    --save "" --appendonly yes --appendfsync everysec --protected-mode yes
  REDIS_PID=$LAST_PID
  for _ in $(seq 1 40); do redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && return 0; sleep 0.25; done
  echo "redis-server did not answer on $REDIS_PORT" >&2; return 1
}

scrape() { curl -sf --max-time 10 "$1/metrics" > "$2"; }

# metric_delta BEFORE AFTER: JSON with the round trips by operation, periodic informs, sessions by outcome.
metric_delta() {
  python3 - "$1" "$2" <<'PY'
import json, re, sys
def read(path):
    values = {}
    for line in open(path):
        if line.startswith('#') or not line.strip():
            continue
        m = re.match(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)', line)
        if m:
            values[(m.group(1), m.group(2) or '')] = values.get((m.group(1), m.group(2) or ''), 0) + float(m.group(3))
    return values
before, after = read(sys.argv[1]), read(sys.argv[2])
def delta(name, label=None):
    out = {}
    for (metric, labels), value in after.items():
        if metric != name:
            continue
        m = re.search(label + r'="([^"]*)"', labels) if label else None
        key = m.group(1) if m else labels
        out[key] = out.get(key, 0) + value - before.get((metric, labels), 0)
    return {k: int(v) for k, v in sorted(out.items()) if v}
trips = delta('cwmp_storage_round_trips_total', 'operation')
informs = delta('cwmp_informs_total', 'event')
sessions = delta('cwmp_sessions_total', 'outcome')
periodic = informs.get('2 PERIODIC', 0)
print(json.dumps({
    'roundTripsByOperation': trips,
    'roundTrips': sum(trips.values()),
    'informsByEvent': informs,
    'sessionsByOutcome': sessions,
    'roundTripsPerPeriodicInform': round(sum(trips.values()) / periodic, 3) if periodic else None,
    'admissionRejections': sum(delta('cwmp_gateway_admission_rejections_total').values()),
}))
PY
}

# row STAGE KEY=JSON...: one line of rows.jsonl
row() {
  local stage="$1"; shift
  local args=(--arg stage "$stage" --arg load "$(loadavg)")
  local expr='{stage: $stage, loadAverage: $load}'
  for kv in "$@"; do
    local k="${kv%%=*}" v="${kv#*=}"
    args+=(--argjson "$k" "$v"); expr="$expr + {$k: \$$k}"
  done
  jq -nc "${args[@]}" "$expr" >> "$ROWS"
}

swarm_figures() { jq -c '{sessionsPerSecond, sessionsSucceeded, sessionsFailed, elapsedSeconds, devicesInformed, allInformedSeconds, latencyMs, failuresByKind}' "$1"; }

# measure_acs STAGE: pre-registration pass, then the measured periodic pass with /metrics before and after.
measure_acs() {
  local stage="$1"
  log "$stage: registering $DEVICES devices (one 0 BOOTSTRAP session each), load $(loadavg)"
  run_swarm "$stage-register" "$ACS_URL" 0 "$DEVICES" bootstrap 180 "$DEVICES" --interval 3600 --ramp 1
  scrape "$NBI_URL" "$WORK/$stage-before.prom"
  local load_before; load_before="$(loadavg)"
  log "$stage: measuring unchanged periodic informs, $DEVICES devices every $INTERVAL s for $DURATION s, load $load_before"
  run_swarm "$stage" "$ACS_URL" 0 "$DEVICES" periodic "$DURATION" 100000000 --interval "$INTERVAL" --ramp 1
  scrape "$NBI_URL" "$WORK/$stage-after.prom"
  cp "$WORK/$stage-before.prom" "$WORK/$stage-after.prom" "$RESULTS/"
  local metrics; metrics="$(metric_delta "$WORK/$stage-before.prom" "$WORK/$stage-after.prom")"
  echo "  [$stage] server: $(jq -c '{roundTripsPerPeriodicInform, roundTripsByOperation, sessionsByOutcome}' <<< "$metrics")"
  row "$stage" swarm="$(swarm_figures "$RESULTS/$stage.json")" server="$metrics" loadBefore="\"$load_before\""
}

CLUSTER=0
IFS=',' read -r -a STAGE_LIST <<< "$STAGES"
log "results in $RESULTS; machine: $(nproc) cores, load $(loadavg)"

for stage in "${STAGE_LIST[@]}"; do
  case "$stage" in
    ceiling)
      port=$(free_port)
      start ceiling dotnet "$CEILING_DLL" --port "$port"
      ceiling_pid=$LAST_PID
      for _ in $(seq 1 60); do grep -q "listening" "$WORK/ceiling.log" 2>/dev/null && break; sleep 0.5; done
      grep -q "listening" "$WORK/ceiling.log" || { echo "the ceiling did not start" >&2; cat "$WORK/ceiling.log" >&2; exit 1; }
      load_before="$(loadavg)"
      log "ceiling: $DEVICES devices every $INTERVAL s for $DURATION s, load $load_before"
      run_swarm ceiling "http://127.0.0.1:$port/" 0 "$DEVICES" periodic "$DURATION" 100000000 --interval "$INTERVAL" --ramp 1
      row ceiling swarm="$(swarm_figures "$RESULTS/ceiling.json")" loadBefore="\"$load_before\""
      stop_pid "$ceiling_pid"
      ;;
    embedded)
      CLUSTER=$((CLUSTER + 1))
      start_acs acs-embedded embedded
      measure_acs embedded
      stop_pid "$ACS_PID"
      ;;
    redis)
      CLUSTER=$((CLUSTER + 1))
      start_redis
      start_acs acs-redis redis
      measure_acs redis
      stop_pid "$ACS_PID"
      stop_pid "$REDIS_PID"
      ;;
    *) echo "unknown stage $stage" >&2; exit 2 ;;
  esac
done

if [[ $STORM -gt 0 ]]; then
  CLUSTER=$((CLUSTER + 1))
  start_acs acs-storm embedded "--Cwmp:Gateway:MaxConcurrentSessions=$STORM_ADMIT"
  scrape "$NBI_URL" "$WORK/storm-before.prom"
  load_before="$(loadavg)"
  log "storm: $STORM devices boot within 10 s, admission $STORM_ADMIT sessions, swarm concurrency $STORM_CONCURRENCY, at most $STORM_TIMEOUT s, load $load_before"
  timeout --signal=INT --kill-after=30 $((STORM_TIMEOUT + 90)) \
    dotnet "$SWARM_DLL" --acs-url "$ACS_URL" --scenario storm --devices "$STORM" --storm-seconds 10 --interval 3600 \
      --duration "$STORM_TIMEOUT" --concurrency "$STORM_CONCURRENCY" --no-connection-requests --until-all-informed \
      --output "$RESULTS/storm.json" > "$WORK/storm.log" 2>&1 || { echo "storm swarm failed; see storm.log" >&2; exit 1; }
  tail -n 9 "$WORK/storm.log" | { grep -E '^(scenario|sessions|failures|devices informed)' || true; } | sed 's/^/  [storm] /'
  scrape "$NBI_URL" "$WORK/storm-after.prom"
  cp "$WORK/storm-before.prom" "$WORK/storm-after.prom" "$RESULTS/"
  kill -0 "$ACS_PID" 2>/dev/null && alive=true || alive=false
  metrics="$(metric_delta "$WORK/storm-before.prom" "$WORK/storm-after.prom")"
  echo "  [storm] server alive: $alive; $(jq -c '{sessionsByOutcome, admissionRejections, informsByEvent}' <<< "$metrics")"
  row storm swarm="$(swarm_figures "$RESULTS/storm.json")" server="$metrics" serverAlive="$alive" loadBefore="\"$load_before\""
  stop_pid "$ACS_PID"
fi

for silos in $SCALE; do
  [[ "$silos" =~ ^[1-9]$ ]] || { echo "--scale takes 1 to 9 processes, got $silos" >&2; exit 2; }
  CLUSTER=$((CLUSTER + 1))
  start_redis
  urls=(); nbis=(); acs_pids=()
  for ((i=0; i<silos; i++)); do
    start_acs "scale$silos-acs$i" redis
    urls+=("$ACS_URL"); nbis+=("$NBI_URL"); acs_pids+=("$ACS_PID")
  done
  share=$((DEVICES / silos))
  log "scale $silos: registering $((share * silos)) devices through $silos gateways, load $(loadavg)"
  swarm_pids=()
  for ((i=0; i<silos; i++)); do
    start_swarm "scale$silos-register$i" "${urls[i]}" $((i * share)) "$share" bootstrap 180 "$share" --interval 3600 --ramp 1
    swarm_pids+=("$LAST_PID")
  done
  for pid in "${swarm_pids[@]}"; do wait "$pid" || { echo "a registration swarm failed" >&2; exit 1; }; done
  for ((i=0; i<silos; i++)); do scrape "${nbis[i]}" "$WORK/scale$silos-before$i.prom"; done
  load_before="$(loadavg)"
  log "scale $silos: measuring, $share devices per gateway every $INTERVAL s for $DURATION s, load $load_before"
  swarm_pids=()
  for ((i=0; i<silos; i++)); do
    start_swarm "scale$silos-swarm$i" "${urls[i]}" $((i * share)) "$share" periodic "$DURATION" 100000000 --interval "$INTERVAL" --ramp 1
    swarm_pids+=("$LAST_PID")
  done
  for pid in "${swarm_pids[@]}"; do wait "$pid" || { echo "a measuring swarm failed" >&2; exit 1; }; done
  total=0; parts="[]"; trips=0; periodic=0
  for ((i=0; i<silos; i++)); do
    scrape "${nbis[i]}" "$WORK/scale$silos-after$i.prom"
    m="$(metric_delta "$WORK/scale$silos-before$i.prom" "$WORK/scale$silos-after$i.prom")"
    trips=$((trips + $(jq '.roundTrips' <<< "$m"))); periodic=$((periodic + $(jq '.informsByEvent["2 PERIODIC"] // 0' <<< "$m")))
    parts="$(jq -c --argjson s "$(swarm_figures "$RESULTS/scale$silos-swarm$i.json")" --argjson m "$m" '. + [{swarm: $s, server: $m}]' <<< "$parts")"
  done
  total="$(jq '[.[].swarm.sessionsPerSecond] | add' <<< "$parts")"
  echo "  [scale $silos] $total sessions/s in all; $(jq -c '[.[].swarm.sessionsFailed] | add' <<< "$parts") failed"
  row "scale-$silos" silos="$silos" sessionsPerSecond="$total" roundTrips="$trips" periodicInforms="$periodic" processes="$parts" loadBefore="\"$load_before\""
  for ((i=${#acs_pids[@]}-1; i>=0; i--)); do stop_pid "${acs_pids[i]}"; done
  stop_pid "$REDIS_PID"
done

# ---- summary ----
jq -s --arg machine "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB" \
  --arg command "loadtests/bench.sh $ORIGINAL_ARGS" --arg devices "$DEVICES" --arg interval "$INTERVAL" --arg duration "$DURATION" '
  (map(select(.stage == "ceiling"))[0].swarm.sessionsPerSecond // null) as $ceiling
  | {machine: $machine, devices: ($devices|tonumber), intervalSeconds: ($interval|tonumber), durationSeconds: ($duration|tonumber),
     command: $command, ceilingSessionsPerSecond: $ceiling,
     ratioEmbeddedToCeiling: (if $ceiling then ((map(select(.stage == "embedded"))[0].swarm.sessionsPerSecond // null) as $e | if $e then ($e / $ceiling * 1000 | round / 1000) else null end) else null end),
     ratioRedisToCeiling: (if $ceiling then ((map(select(.stage == "redis"))[0].swarm.sessionsPerSecond // null) as $r | if $r then ($r / $ceiling * 1000 | round / 1000) else null end) else null end),
     stages: .}' "$ROWS" > "$RESULTS/summary.json"

{
  echo "# Whole-ACS benchmark $STAMP"
  echo
  echo "Machine: $(jq -r .machine "$RESULTS/summary.json"). $DEVICES devices, interval $INTERVAL s, $DURATION s per measured run."
  echo
  echo "| Stage | Sessions/s | Ok | Failed | p50 ms | p95 ms | p99 ms | Round trips / periodic inform | Load before → after |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---|"
  jq -r '.stages[] | select(.swarm) | "| \(.stage) | \(.swarm.sessionsPerSecond) | \(.swarm.sessionsSucceeded) | \(.swarm.sessionsFailed) | \(.swarm.latencyMs.p50) | \(.swarm.latencyMs.p95) | \(.swarm.latencyMs.p99) | \(.server.roundTripsPerPeriodicInform // "—") | \(.loadBefore) → \(.loadAverage) |"' "$RESULTS/summary.json"
  jq -r '.stages[] | select(.silos) | "| \(.silos) silo+gateway processes on Redis | \(.sessionsPerSecond) | \([.processes[].swarm.sessionsSucceeded] | add) | \([.processes[].swarm.sessionsFailed] | add) | | | | \(if .periodicInforms > 0 then (.roundTrips / .periodicInforms * 1000 | round / 1000) else "—" end) | \(.loadBefore) → \(.loadAverage) |"' "$RESULTS/summary.json"
  echo
  echo "Ratio ACS / ceiling: embedded $(jq -r '.ratioEmbeddedToCeiling // "—"' "$RESULTS/summary.json"), Redis $(jq -r '.ratioRedisToCeiling // "—"' "$RESULTS/summary.json")."
  jq -r '.stages[] | select(.stage == "storm") | "\nStorm: \(.swarm.devicesInformed) devices informed, all after \(.swarm.allInformedSeconds // "—") s; \(.swarm.sessionsSucceeded) sessions ok, \(.swarm.sessionsFailed) failed \(.swarm.failuresByKind); server alive \(.serverAlive), sessions by outcome \(.server.sessionsByOutcome), admission rejections \(.server.admissionRejections)."' "$RESULTS/summary.json"
} > "$RESULTS/summary.md"
echo
cat "$RESULTS/summary.md"
