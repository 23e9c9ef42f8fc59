#!/usr/bin/env bash
# Runs tests/bench/e2e.bench.ts (npm run bench:e2e) against a broker of its own and a fresh
# database; arguments go to the bench (--items, --rate, --seed, --mix, --profile, ...).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
export KAFKA_PORT="${BENCH_KAFKA_PORT:-19292}"
export KAFKA_CONTROLLER_PORT="${BENCH_KAFKA_CONTROLLER_PORT:-19293}"
export KAFKA_DATA_DIR="$ROOT/tmp/bench-e2e-kafka"
export KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT"
export DATABASE_URL="${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/copydesk_bench_e2e}"
ensure_packages
build
npx tsc -p tests/bench/tsconfig.json
ensure_postgres
trap 'bash infra/kafka/kafka.sh stop >/dev/null 2>&1 || true' EXIT
bash infra/kafka/kafka.sh stop >/dev/null 2>&1 || true
rm -rf "$KAFKA_DATA_DIR"
bash infra/kafka/kafka.sh start
admin_url="$(node -e 'const u=new URL(process.argv[1]); u.pathname="/postgres"; console.log(u.toString())' "$DATABASE_URL")"
database="$(node -e 'console.log(new URL(process.argv[1]).pathname.slice(1))' "$DATABASE_URL")"
psql -q "$admin_url" -c "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" >/dev/null
node_modules/.bin/copydesk setup >/dev/null
node -r ./tools/register-paths.js dist/tests/bench/e2e.bench.js "$@"
