#!/usr/bin/env bash
# Runs tests/bench/e2e.bench.ts (npm run bench:e2e) against a broker of its own and a fresh
# database; arguments go to the bench (--items, --rate, --seed, --mix, --profile, ...).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
fresh_bench_stack 19292 bench-e2e copydesk_bench_e2e
node -r ./tools/register-paths.js dist/tests/bench/e2e.bench.js "$@"
