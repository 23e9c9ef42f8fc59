#!/usr/bin/env bash
# The Kafka client comparison (infra/kafka/bench/compare.js) against a broker of its own:
# both compatibility probes, then the null pipeline with each client, taking turns.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
export KAFKA_PORT="${BENCH_KAFKA_PORT:-19192}"
export KAFKA_CONTROLLER_PORT="${BENCH_KAFKA_CONTROLLER_PORT:-19193}"
export KAFKA_DATA_DIR="$ROOT/tmp/bench-client-kafka"
export KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT"
ensure_packages
trap 'bash infra/kafka/kafka.sh stop >/dev/null 2>&1 || true' EXIT
rm -rf "$KAFKA_DATA_DIR"
bash infra/kafka/kafka.sh start
log "broker $(bash infra/kafka/kafka.sh status 2>&1 || true)"
node infra/kafka/bench/compare.js
