#!/usr/bin/env bash
# Runs tests/bench/pipeline.bench.ts against a broker of its own and a fresh database.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
fresh_bench_stack 19192 bench-pipeline copydesk_bench_pipeline
node -r ./tools/register-paths.js dist/tests/bench/pipeline.bench.js
