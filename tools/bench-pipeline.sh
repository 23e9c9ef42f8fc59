#!/usr/bin/env bash
# Runs tests/bench/pipeline.bench.ts against a broker of its own and a fresh database.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
export KAFKA_PORT="${BENCH_KAFKA_PORT:-19192}"
export KAFKA_CONTROLLER_PORT="${BENCH_KAFKA_CONTROLLER_PORT:-19193}"
export KAFKA_DATA_DIR="$ROOT/tmp/bench-kafka"
export KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT"
export DATABASE_URL="${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/copydesk_bench_pipeline}"
ensure_packages
build
npx tsc -p tests/bench/tsconfig.json
ensure_postgres
trap 'bash infra/kafka/kafka.sh stop >/dev/null 2>&1 || true' EXIT
rm -rf "$KAFKA_DATA_DIR"
bash infra/kafka/kafka.sh start
admin_url="$(node -e 'const u=new URL(process.argv[1]); u.pathname="/postgres"; console.log(u.toString())' "$DATABASE_URL")"
psql -q "$admin_url" -c "DROP DATABASE IF EXISTS copydesk_bench_pipeline WITH (FORCE)" >/dev/null
node_modules/.bin/copydesk setup >/dev/null
node -r ./tools/register-paths.js dist/tests/bench/pipeline.bench.js
