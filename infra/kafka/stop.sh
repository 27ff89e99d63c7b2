#!/usr/bin/env bash
# Stop the local broker started by start.sh (or local-broker.ts) for KAFKA_PORT (9092):
# SIGTERM for a controlled shutdown, SIGKILL after KAFKA_STOP_TIMEOUT seconds (20).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
port="${KAFKA_PORT:-9092}"
data="${KAFKA_DATA_DIR:-$here/run/$port}"
timeout="${KAFKA_STOP_TIMEOUT:-20}"
pidfile="$data/broker.pid"

if [[ ! -f "$pidfile" ]]; then
  echo "stop.sh: no pid file at $pidfile; nothing to stop"
  exit 0
fi
pid="$(cat "$pidfile")"
if ! kill -0 "$pid" 2>/dev/null; then
  echo "stop.sh: broker pid $pid is not running; removing stale pid file"
  rm -f "$pidfile"
  exit 0
fi

kill -TERM "$pid"
for ((i = 0; i < timeout * 10; i++)); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
if kill -0 "$pid" 2>/dev/null; then
  echo "stop.sh: broker pid $pid still alive after ${timeout}s; sending SIGKILL" >&2
  kill -KILL "$pid" 2>/dev/null || true
fi
rm -f "$pidfile"
echo "stop.sh: broker on 127.0.0.1:$port stopped"
