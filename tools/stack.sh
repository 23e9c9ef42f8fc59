#!/usr/bin/env bash
# Starts the whole stack in the foreground: the Kafka broker, the database set-up, the
# four services and the operators' console, with readable logs. Ctrl-C stops everything cleanly.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

export KAFKA_PORT="${KAFKA_PORT:-9092}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:$KAFKA_PORT}"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/copydesk}"
export HOST="${HOST:-127.0.0.1}"
# The token between the console and ingest's source administration; a new one each start.
export INGEST_ADMIN_TOKEN="${INGEST_ADMIN_TOKEN:-$(node -e 'console.log(require("node:crypto").randomBytes(24).toString("base64url"))')}"

ensure_packages
build
ensure_postgres
log "starting the Kafka broker on $KAFKA_BROKERS"
bash infra/kafka/kafka.sh start
log "database and topics"
node_modules/.bin/copydesk setup | node tools/pretty-logs.js setup

pids=()
stopping=0
shutdown() {
  [ $stopping -eq 1 ] && return
  stopping=1
  log "stopping the services"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  done
  sleep 0.3 # let the log printers drain
  log "stopping the broker"
  bash infra/kafka/kafka.sh stop || true
  log "stopped"
}
trap shutdown EXIT
trap 'exit 130' INT TERM

# Each service runs in a session of its own, so Ctrl-C reaches only this script, which then
# stops the services one SIGTERM each (a second signal would cut their graceful shutdown
# short). The log printers ignore Ctrl-C and end when their service closes its output.
for service in ingest normalise dedupe publish; do
  setsid node -r ./tools/register-paths.js "dist/services/$service/src/main.js" \
    > >(exec node tools/pretty-logs.js "$service") 2>&1 &
  pids+=($!)
done

for port in 8081 8082 8083 8084; do wait_http "http://$HOST:$port/health/ready" 120; done

# A source to try the stack with; its key is kept in tmp/ so the next start shows it again.
mkdir -p tmp
key_file="tmp/stack-source.json"
if [ -f "$key_file" ] && node_modules/.bin/copydesk sources list | grep -q "$(node -e 'console.log(require(process.argv[1]).id)' "$ROOT/$key_file")"; then
  :
else
  node_modules/.bin/copydesk sources add "demo $(date -u +%Y%m%d%H%M%S)" > "$key_file"
fi
api_key="$(node -e 'console.log(require(process.argv[1]).apiKey)' "$ROOT/$key_file")"

# A consumer key to read the stories API with, kept the same way.
consumer_file="tmp/stack-consumer.json"
if [ -f "$consumer_file" ] && node_modules/.bin/copydesk consumers list | grep -q "$(node -e 'console.log(require(process.argv[1]).id)' "$ROOT/$consumer_file")"; then
  :
else
  node_modules/.bin/copydesk consumers add "demo reader $(date -u +%Y%m%d%H%M%S)" > "$consumer_file"
fi
reader_key="$(node -e 'console.log(require(process.argv[1]).apiKey)' "$ROOT/$consumer_file")"

# The console reads the stories API with a key of its own (every status: operators see withheld
# and canceled copy too), and an operator login is made for trying it; both are kept in tmp/.
console_key_file="tmp/stack-console-consumer.json"
if [ -f "$console_key_file" ] && node_modules/.bin/copydesk consumers list | grep -q "$(node -e 'console.log(require(process.argv[1]).id)' "$ROOT/$console_key_file")"; then
  :
else
  node_modules/.bin/copydesk consumers add "console $(date -u +%Y%m%d%H%M%S)" --all-statuses > "$console_key_file"
fi
export CONSOLE_PUBLISH_KEY="$(node -e 'console.log(require(process.argv[1]).apiKey)' "$ROOT/$console_key_file")"
operator_file="tmp/stack-operator.json"
if [ -f "$operator_file" ] && node_modules/.bin/copydesk users list | grep -q "\"username\":\"$(node -e 'console.log(require(process.argv[1]).username)' "$ROOT/$operator_file")\""; then
  :
else
  node_modules/.bin/copydesk users add "operator-$(date -u +%Y%m%d%H%M%S)" --role operator |
    node -e 'const u = JSON.parse(require("fs").readFileSync(0, "utf8")); console.log(JSON.stringify({ username: u.username, password: u.password }))' > "$operator_file"
fi
operator_name="$(node -e 'console.log(require(process.argv[1]).username)' "$ROOT/$operator_file")"
operator_password="$(node -e 'console.log(require(process.argv[1]).password)' "$ROOT/$operator_file")"

setsid node -r ./tools/register-paths.js dist/services/console/src/main.js > >(exec node tools/pretty-logs.js console) 2>&1 &
pids+=($!)
wait_http "http://$HOST:${CONSOLE_PORT:-8080}/health/ready" 120

cat >&2 <<INFO

  Copydesk is running.
    console    http://$HOST:${CONSOLE_PORT:-8080}   log in as $operator_name / $operator_password (also in $operator_file)
    ingest     http://$HOST:8081   POST /v1/wire
    normalise  http://$HOST:8082   /health/ready
    dedupe     http://$HOST:8083   /health/ready
    publish    http://$HOST:8084   GET /v1/stories, GET /v1/stories/:id, GET /v1/stream
    kafka      $KAFKA_BROKERS
    database   $DATABASE_URL

  Source key (also in $key_file):
    $api_key
  Consumer key for the stories API (also in $consumer_file):
    $reader_key

  Try it:
    curl -s -X POST http://$HOST:8081/v1/wire -H "Authorization: Bearer $api_key" \\
      -H 'Content-Type: text/plain' -H 'X-Captured-At: 2025-03-21T10:00:00Z' \\
      --data-binary @../shared/corpus/seed/000_3dd1195f19a70900.txt
    curl -s -H "Authorization: Bearer $reader_key" http://$HOST:8084/v1/stories

  Ctrl-C stops everything.

INFO
# Wait until a service exits on its own (a crash) or Ctrl-C arrives.
while true; do
  for pid in "${pids[@]}"; do
    if ! kill -0 "$pid" 2>/dev/null; then log "a service exited; stopping the stack"; exit 1; fi
  done
  sleep 1
done
