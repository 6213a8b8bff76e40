#!/usr/bin/env bash
# Cold start to ready: launches the published bot N times on a free loopback port and reports
# milliseconds from process start to the first 200 from /readyz (content loaded, index built).
set -euo pipefail
dll=${1:?path to VpWijzer.Bot.dll}; runs=${2:-5}
for i in $(seq 1 "$runs"); do
  port=$((20000 + RANDOM % 20000))
  start=$(date +%s%N)
  dotnet "$dll" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do sleep 0.01; done
  echo "run $i: $(( ($(date +%s%N) - start) / 1000000 )) ms to ready"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
