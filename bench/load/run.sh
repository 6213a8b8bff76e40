#!/usr/bin/env bash
# Issue 10: load benchmark of the bot vs an echo bot on the official Bot Framework JS SDK vs a minimal Kestrel
# endpoint (the machine's ceiling), plus booking flow, 10 000 conversations, two instances behind Redis, cold start.
# One command, ~9 minutes, everything on 127.0.0.1, every process it starts is stopped by PID at the end.
#   bench/load/run.sh                 # full run, results on stdout and in $OUT (default /tmp/vpw-bench-<time>.txt)
#   SECONDS_PER_RUN=5 bench/load/run.sh   # shorter runs
#   ONLY="redis cold" bench/load/run.sh   # some sections only: side booking fill redis cold
# Needs: dotnet 10 SDK, node + npm (registry reachable), and from Debian: wrk nginx redis-server.
# Not part of CI (too slow and too noisy on shared machines).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
QUESTIONS=${QUESTIONS:-$ROOT/bot.tests/Evaluation/dev.tsv}
DUR=${SECONDS_PER_RUN:-10}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-64}
WORK=$(mktemp -d /tmp/vpw-bench.XXXXXX)
OUT=${OUT:-/tmp/vpw-bench-$(date +%Y%m%d-%H%M%S).txt}
PIDS=()

for tool in wrk nginx redis-server node npm dotnet python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y wrk nginx redis-server nodejs npm)" >&2; exit 2; }
done
[ -f "$QUESTIONS" ] || { echo "questions not found: $QUESTIONS" >&2; exit 2; }

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

say() { echo "$*" | tee -a "$OUT"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
load1() { cut -d' ' -f1 /proc/loadavg; }
cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }   # utime+stime in clock ticks
clk_tck=$(getconf CLK_TCK)
rss_mb() { awk '/VmRSS/{printf "%.0f", $2/1024}' "/proc/$1/status"; }
hwm_mb() { awk '/VmHWM/{printf "%.0f", $2/1024}' "/proc/$1/status"; }
wait_ready() { # url timeout_s
  local i; for i in $(seq 1 $(($2 * 20))); do curl -fs -o /dev/null "$1" && return 0; sleep 0.05; done
  echo "not ready: $1" >&2; return 1
}
stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }
LOAD="dotnet $WORK/load/VpWijzer.Load.dll"

say "# VP-wijzer load benchmark (issue 10) $(date -u +%FT%TZ)"
say "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r), dotnet $(dotnet --version), node $(node --version), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2), load1 at start $(load1)"

# ---- build (Release) -------------------------------------------------------------------------------------------
dotnet publish bot -c Release -r linux-x64 --self-contained false -o "$WORK/bot" -v q -nologo >/dev/null   # ReadyToRun, as in production
dotnet publish bench/load -c Release -o "$WORK/load" -v q -nologo >/dev/null
dotnet publish bench/ceiling -c Release -o "$WORK/ceiling" -v q -nologo >/dev/null
mkdir -p "$WORK/jsecho" && cp bench/jsecho/index.js bench/jsecho/package.json bench/jsecho/package-lock.json "$WORK/jsecho/"
(cd "$WORK/jsecho" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
say "botbuilder $(node -p "require('$WORK/jsecho/node_modules/botbuilder/package.json').version")"

# ---- nginx as the fast stand-in connector for wrk runs ---------------------------------------------------------
NGINX_PORT=$(free_port)
mkdir -p "$WORK/nginx"
cat > "$WORK/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx; proxy_temp_path $WORK/nginx; fastcgi_temp_path $WORK/nginx; uwsgi_temp_path $WORK/nginx; scgi_temp_path $WORK/nginx;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location = /status { stub_status; }
    location /v3/conversations/ { default_type application/json; return 200 '{"id":"1"}'; }
  }
}
EOF
nginx -c "$WORK/nginx/nginx.conf" -g 'daemon off;' & PIDS+=($!)
wait_ready "http://127.0.0.1:$NGINX_PORT/status" 5
nginx_requests() { curl -s "http://127.0.0.1:$NGINX_PORT/status" | awk 'NR==3{print $3}'; }

# ---- the three bots ----------------------------------------------------------------------------------------------
export DOTNET_gcServer=${DOTNET_gcServer:-0} DOTNET_TieredPGO=1
BOT_ENV=(Endpoint__PerIpPerSecond=0 Endpoint__PerConversationPerMinute=0 Logging__LogLevel__Default=Warning
  "Logging__LogLevel__System.Net.Http.HttpClient=Warning" Bot__MicrosoftAppId= DOTNET_ENVIRONMENT=Production ASPNETCORE_ENVIRONMENT=Production)
start_target() { # name port [extra env...] -> sets TARGET_PID
  local name=$1 port=$2; shift 2
  case $name in
    ours) env "${BOT_ENV[@]}" "$@" dotnet "$WORK/bot/VpWijzer.Bot.dll" --urls "http://127.0.0.1:$port" >"$WORK/$name-$port.log" 2>&1 & ;;
    ceiling) dotnet "$WORK/ceiling/VpWijzer.Ceiling.dll" --urls "http://127.0.0.1:$port" >"$WORK/$name.log" 2>&1 & ;;
    jsecho) PORT=$port node "$WORK/jsecho/index.js" >"$WORK/$name.log" 2>&1 & ;;
  esac
  TARGET_PID=$!; PIDS+=("$TARGET_PID")
  wait_ready "http://127.0.0.1:$port/readyz" 60
}

# Tiered JIT + PGO need real traffic and some seconds before code is at tier 1: with only a few seconds of
# warm-up our bot measured 3-4x more CPU per turn than in steady state. So: 15 s of saturation first.
warm_up() { # host:port
  QUESTIONS=$QUESTIONS SERVICE_URL="http://127.0.0.1:$NGINX_PORT/" CONVERSATIONS=500 wrk -t2 -c32 -d"${WARMUP_SECONDS:-15}s" --timeout 5s -s bench/load/wrk-messages.lua "http://$1/api/messages" >/dev/null 2>&1 || true
}

field() { sed -n "s/.*[ (]$1=\([^ ]*\).*/\1/p" | head -1; }

# Latency at a fixed arrival rate through the .NET generator + its in-process connector; prints one table row.
latency_run() { # name pid url rate scenario
  local name=$1 pid=$2 url=$3 rate=$4 scenario=${5:-qa} c0 c1 l out
  l=$(load1); c0=$(cpu_ticks "$pid")
  full=$($LOAD "$scenario" --target "$url" --rate "$rate" --seconds "$DUR" --questions "$QUESTIONS" 2>&1) || true
  c1=$(cpu_ticks "$pid")
  out=$(echo "$full" | tail -1)
  local ok; ok=$(echo "$out" | field ok)
  say "| $name | $scenario @ $rate/s | $(echo "$out" | field p50_ms) | $(echo "$out" | field p95_ms) | $(echo "$out" | field p99_ms) | $(echo "$out" | field errors) | $(( (c1 - c0) * 1000000 / clk_tck / (ok > 0 ? ok : 1) )) µs | $(rss_mb "$pid") MB | $l |"
  echo "$full" | sed 's/^/  /' >>"$OUT"
}

# Saturation through wrk (closed loop, $WRK_CONNECTIONS connections) with nginx as connector; prints one table row.
throughput_run() { # name pid host:port [wrk threads]
  local name=$1 pid=$2 hostport=$3 c0 c1 n0 n1 l out req errs
  l=$(load1); c0=$(cpu_ticks "$pid"); n0=$(nginx_requests)
  out=$(QUESTIONS=$QUESTIONS SERVICE_URL="http://127.0.0.1:$NGINX_PORT/" wrk -t2 -c"$WRK_CONNECTIONS" -d"${DUR}s" --timeout 5s -s bench/load/wrk-messages.lua "http://$hostport/api/messages" 2>&1)
  c1=$(cpu_ticks "$pid"); n1=$(nginx_requests)
  req=$(echo "$out" | grep wrk_summary | field requests)
  errs=$(echo "$out" | grep wrk_summary | awk '{s=0; for(i=3;i<=7;i++){split($i,a,"="); s+=a[2]} print s}')
  local rps; rps=$(echo "$out" | awk '/Requests\/sec/{printf "%.0f", $2}')
  say "| $name | wrk -c$WRK_CONNECTIONS, saturation | $(echo "$out" | grep wrk_summary | field p50_ms) | — | $(echo "$out" | grep wrk_summary | field p99_ms) | $errs | $(( (c1 - c0) * 1000000 / clk_tck / (req > 0 ? req : 1) )) µs | $(hwm_mb "$pid") MB peak | $l | **$rps/s**, replies at connector $((n1 - n0 - 1))/$req"
  echo "$out" | sed 's/^/  /' >>"$OUT"
  THROUGHPUT=$rps
}

# ONLY="side fill redis cold" runs a subset (default: all).
ONLY=${ONLY:-side booking fill redis cold}
want() { [[ " $ONLY " == *" $1 "* ]]; }

if want side; then
say ""
say "## Side by side (same generator, same connector, one target at a time)"
say "| target | load | p50 ms | p95 ms | p99 ms | errors | CPU/turn | RSS | load1 | notes |"
say "|---|---|---|---|---|---|---|---|---|---|"
declare -A SAT
for name in ceiling jsecho ours; do
  port=$(free_port)
  start_target "$name" "$port"
  pid=$TARGET_PID
  url="http://127.0.0.1:$port/api/messages"
  warm_up "127.0.0.1:$port"
  latency_run "$name" "$pid" "$url" 500
  latency_run "$name" "$pid" "$url" 1000
  throughput_run "$name" "$pid" "127.0.0.1:$port"
  SAT[$name]=$THROUGHPUT
  stop "$pid"
done
say ""
say "ratios at saturation: ours/jsecho = $(python3 -c "print(f'{${SAT[ours]:-0}/${SAT[jsecho]:-1}:.2f}')" || echo n/a)x, ours/ceiling = $(python3 -c "print(f'{100*${SAT[ours]:-0}/${SAT[ceiling]:-1}:.0f}')" || echo n/a) %"

fi

# ---- booking flow in demo mode ----------------------------------------------------------------------------------
if want booking; then
say ""
say "## Booking flow, demo mode (card submits; each person: question, 8 clicks, cancel)"
say "| target | load | p50 ms | p95 ms | p99 ms | errors | CPU/turn | RSS | load1 | notes |"
say "|---|---|---|---|---|---|---|---|---|---|"
port=$(free_port); start_target ours "$port"; pid=$TARGET_PID; url="http://127.0.0.1:$port/api/messages"
warm_up "127.0.0.1:$port"
$LOAD booking --target "$url" --rate 100 --seconds 5 --questions "$QUESTIONS" >/dev/null 2>&1 || true   # warm-up
latency_run ours "$pid" "$url" 200 booking
say "flows: $(grep -h 'booking people' "$OUT" | tail -1 | sed 's/^ *//')"
stop "$pid"
fi

# ---- 10 000 concurrent conversations ----------------------------------------------------------------------------
if want fill; then
say ""
say "## 10 000 conversations (memory store, one instance)"
port=$(free_port); start_target ours "$port"; pid=$TARGET_PID; url="http://127.0.0.1:$port/api/messages"
$LOAD qa --target "$url" --rate 1000 --seconds 3 --conversations 200 --questions "$QUESTIONS" >/dev/null 2>&1 || true
sleep 1; r0=$(rss_mb "$pid")
fill=$($LOAD fill --target "$url" --count 10000 --rate 1000 --questions "$QUESTIONS" 2>&1 | tail -1)
sleep 2; r1=$(rss_mb "$pid")
say "RSS after warm-up ${r0} MB, with 10 000 more active conversations ${r1} MB: $(( (r1 - r0) * 1024 * 1024 / 10000 )) bytes RSS per conversation; load1 $(load1)"
echo "  $fill" >>"$OUT"
stop "$pid"
fi

# ---- scale-out: two instances behind Redis ----------------------------------------------------------------------
if want redis; then
say ""
say "## Scale-out: two instances, State__Store=Redis"
RPORT=$(free_port)
redis-server --port "$RPORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize no >"$WORK/redis.log" 2>&1 & PIDS+=($!); RPID=$!
for _ in $(seq 1 100); do redis-cli -p "$RPORT" ping >/dev/null 2>&1 && break; sleep 0.05; done
REDIS_ENV=(State__Store=Redis "State__RedisConnection=127.0.0.1:$RPORT")
p1=$(free_port); start_target ours "$p1" "${REDIS_ENV[@]}"; pid1=$TARGET_PID
p2=$(free_port); start_target ours "$p2" "${REDIS_ENV[@]}"; pid2=$TARGET_PID
for p in $p1 $p2; do warm_up "127.0.0.1:$p"; done
say "| target | load | p50 ms | p95 ms | p99 ms | errors | CPU/turn | RSS | load1 | notes |"
say "|---|---|---|---|---|---|---|---|---|---|"
latency_run "redis, instance 1 alone" "$pid1" "http://127.0.0.1:$p1/api/messages" 1000
# Same conversations on both instances at once (each instance serves every conversation in turn).
l=$(load1); c0=$(( $(cpu_ticks "$pid1") + $(cpu_ticks "$pid2") ))
$LOAD qa --target "http://127.0.0.1:$p1/api/messages" --rate 500 --seconds "$DUR" --questions "$QUESTIONS" >"$WORK/o1.txt" 2>&1 & j1=$!
$LOAD qa --target "http://127.0.0.1:$p2/api/messages" --rate 500 --seconds "$DUR" --questions "$QUESTIONS" >"$WORK/o2.txt" 2>&1 || true
wait $j1 || true
c1=$(( $(cpu_ticks "$pid1") + $(cpu_ticks "$pid2") ))
say "two instances, 2 x 500/s on the same 2000 conversations: CPU $(( (c1 - c0) * 1000000 / clk_tck / (DUR * 1000) )) µs/turn (both processes), load1 $l"
say "  instance 1: $(tail -1 "$WORK/o1.txt")"
say "  instance 2: $(tail -1 "$WORK/o2.txt")"
# Throughput: one wrk per instance at the same time, half the connections each.
wrk_half() { QUESTIONS=$QUESTIONS SERVICE_URL="http://127.0.0.1:$NGINX_PORT/" wrk -t1 -c$((WRK_CONNECTIONS / 2)) -d"${DUR}s" --timeout 5s -s bench/load/wrk-messages.lua "http://127.0.0.1:$1/api/messages" 2>&1; }
wrk_half "$p1" >"$WORK/w1.txt" & w1=$!
wrk_half "$p2" >"$WORK/w2.txt"; wait $w1 || true
say "two instances at saturation: $(awk '/Requests\/sec/{s+=$2} END{printf "%.0f", s}' "$WORK/w1.txt" "$WORK/w2.txt")/s total; $(grep -h wrk_summary "$WORK/w1.txt" "$WORK/w2.txt" | tr '\n' ';')"
keys=$(redis-cli -p "$RPORT" dbsize)
{ redis-cli -p "$RPORT" --scan 2>/dev/null || true; } | head -500 >"$WORK/keys.txt" || true
avg=$(while read -r k; do redis-cli -p "$RPORT" strlen "$k"; done <"$WORK/keys.txt" | awk '{s+=$1; n++; if($1>m)m=$1} END{if(n) printf "%.0f bytes average, %d max (%d keys sampled)", s/n, m, n}')
say "state in Redis: $keys keys; $avg; used_memory $(redis-cli -p "$RPORT" info memory | awk -F: '/^used_memory_human/{print $2}' | tr -d '\r')"
stop "$pid1"; stop "$pid2"; stop "$RPID"
fi

# ---- cold start -------------------------------------------------------------------------------------------------
if want cold; then
say ""
say "## Cold start: process start -> first reply at the connector (3 runs each)"
for name in ceiling jsecho ours; do
  runs=()
  for _ in 1 2 3; do
    port=$(free_port)
    case $name in
      ours) cmd=(env "${BOT_ENV[@]}" dotnet "$WORK/bot/VpWijzer.Bot.dll" --urls "http://127.0.0.1:$port") ;;
      ceiling) cmd=(dotnet "$WORK/ceiling/VpWijzer.Ceiling.dll" --urls "http://127.0.0.1:$port") ;;
      jsecho) cmd=(env PORT="$port" node "$WORK/jsecho/index.js") ;;
    esac
    runs+=("$($LOAD coldstart --target "http://127.0.0.1:$port/api/messages" --questions "$QUESTIONS" -- "${cmd[@]}" | field first_reply_ms)")
  done
  say "$name: ${runs[*]} ms (load1 $(load1))"
done
fi
say ""
say "done; full output in $OUT"
