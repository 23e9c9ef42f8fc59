#!/usr/bin/env bash
# The whole test suite: installs what it needs, starts a Kafka broker of its own on test
# ports and a fresh test database, runs lint, typecheck and every jest tier, stops the broker.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

export KAFKA_PORT="${TEST_KAFKA_PORT:-19092}"
export KAFKA_CONTROLLER_PORT="${TEST_KAFKA_CONTROLLER_PORT:-19093}"
export KAFKA_DATA_DIR="$ROOT/tmp/test-kafka"
export KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT"
export DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/copydesk_test}"
export LOG_LEVEL="${LOG_LEVEL:-warn}"

ensure_packages
# The console's browser tests drive Debian's Chromium; a fresh machine gets it from apt.
if [ ! -x /usr/bin/chromium ]; then
  log "installing Chromium for the browser tests"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi
build
log "lint (formatting included) and typecheck"
npx prettier --check . --log-level warn
npx nx run-many -t lint typecheck --outputStyle=static

ensure_postgres
stop_broker() { bash infra/kafka/kafka.sh stop >/dev/null 2>&1 || true; }
trap stop_broker EXIT
stop_broker
rm -rf "$KAFKA_DATA_DIR"
log "starting the test broker on $KAFKA_BROKERS"
bash infra/kafka/kafka.sh start

log "fresh test database"
db_name="$(node -e 'console.log(new URL(process.argv[1]).pathname.slice(1))' "$DATABASE_URL")"
admin_url="$(node -e 'const u=new URL(process.argv[1]); u.pathname="/postgres"; console.log(u.toString())' "$DATABASE_URL")"
psql -q "$admin_url" -c "DROP DATABASE IF EXISTS \"$db_name\" WITH (FORCE)" >/dev/null
node_modules/.bin/copydesk setup

mkdir -p tmp
set +e
# NestJS 12 ships as ES modules only; Jest 30 loads them from the CommonJS specs (require(esm))
# only where Node's vm modules are on.
export NODE_OPTIONS="--experimental-vm-modules --disable-warning=ExperimentalWarning ${NODE_OPTIONS:-}"
rm -f tmp/jest-*.json
if [ "$#" -eq 0 ]; then
  # The whole suite: unit specs (pure, each in its own worker) on every core; integration and
  # end-to-end specs one file at a time, as they share one broker, one database and fixed ports.
  # The linear-time specs measure their process's own CPU time, so a neighbour does not move them.
  npx jest --ci --selectProjects unit --maxWorkers="$(nproc)" --json --outputFile=tmp/jest-unit.json
  unit_status=$?
  npx jest --ci --selectProjects integration e2e --runInBand --json --outputFile=tmp/jest-results.json
  status=$?
  [ "$unit_status" -eq 0 ] || status=$unit_status
else
  npx jest --ci --runInBand --json --outputFile=tmp/jest-results.json "$@"
  status=$?
fi
set -e
stop_broker
# The closing line: totals over every jest tier.
node -e '
  const fs = require("node:fs");
  const runs = ["tmp/jest-unit.json", "tmp/jest-results.json"].filter((f) => fs.existsSync(f)).map((f) => JSON.parse(fs.readFileSync(f, "utf8")));
  if (runs.length === 0) throw new Error("no results");
  const sum = (k) => runs.reduce((n, r) => n + r[k], 0);
  console.log(`${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed`);
' 2>/dev/null || echo "0 passed, 1 failed"
exit $status
