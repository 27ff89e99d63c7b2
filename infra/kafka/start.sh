#!/usr/bin/env bash
# Start one local KRaft Kafka node on 127.0.0.1 in the background and wait until it answers.
# Env: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), KAFKA_VERSION, KAFKA_DATA_DIR,
#      KAFKA_START_TIMEOUT (seconds, 90). Data, pid and broker.log: infra/kafka/run/<port>/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
port="${KAFKA_PORT:-9092}"
data="${KAFKA_DATA_DIR:-$here/run/$port}"
timeout="${KAFKA_START_TIMEOUT:-90}"
pidfile="$data/broker.pid"
log="$data/broker.log"

# A TCP connect first (fails at once while nothing listens; kcat would wait its 2 s), then a
# real metadata request with kcat when it is installed.
answers() {
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || return 1
  if command -v kcat >/dev/null; then
    kcat -L -b "127.0.0.1:$port" -m 2 >/dev/null 2>&1
  fi
}

if [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  echo "start.sh: broker already running (pid $(cat "$pidfile")) on 127.0.0.1:$port"
  exit 0
fi
if answers; then
  echo "start.sh: something already answers on 127.0.0.1:$port; not starting another broker" >&2
  exit 0
fi

started=$SECONDS
mapfile -t cmd < <(KAFKA_DATA_DIR="$data" "$here/broker-cmd.sh")
[[ ${#cmd[@]} -gt 0 ]] || { echo "start.sh: broker-cmd.sh failed" >&2; exit 1; }
# setsid + nohup: the broker outlives this shell and its terminal, as a dev server should.
setsid nohup "${cmd[@]}" >"$log" 2>&1 </dev/null &
pid=$!
echo "$pid" >"$pidfile"

while ! answers; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "start.sh: broker exited during startup; last lines of $log:" >&2
    tail -n 40 "$log" >&2
    rm -f "$pidfile"
    exit 1
  fi
  if (( SECONDS - started >= timeout )); then
    echo "start.sh: broker did not answer within ${timeout}s; last lines of $log:" >&2
    tail -n 40 "$log" >&2
    "$here/stop.sh" >&2 || true
    exit 1
  fi
  sleep 0.5
done
echo "start.sh: Kafka broker up on 127.0.0.1:$port (pid $pid, $((SECONDS - started))s, log $log)"
