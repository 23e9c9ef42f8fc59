#!/usr/bin/env bash
# Local single-node Apache Kafka broker (KRaft, no Docker, no ZooKeeper).
#
#   kafka.sh start [--foreground]   start in the background and wait until ready
#                                   (--foreground: same as `run`)
#   kafka.sh run                    run in the foreground (exec; for supervisors)
#   kafka.sh stop                   SIGTERM, wait, SIGKILL as a last resort
#   kafka.sh restart                stop, then start
#   kafka.sh status                 exit 0 if running and ready, 3 if not
#   kafka.sh logs [-f] [N]          show the last N (200) lines of the broker log
#   kafka.sh reset                  stop and delete the data dir (topics, offsets)
#   kafka.sh classpath              print the broker classpath (resolving it if needed)
#
# Environment (all optional):
#   KAFKA_PORT             PLAINTEXT port                  (9092)
#   KAFKA_CONTROLLER_PORT  KRaft controller port           (9093)
#   KAFKA_HOST             address to bind and advertise   (127.0.0.1)
#   KAFKA_DATA_DIR         data, config, pid and log file  (<this folder>/.data)
#   KAFKA_CACHE_DIR        resolved classpath cache        (<this folder>/.cache)
#   KAFKA_HEAP             heap flags                      (-Xms256m -Xmx512m)
#   KAFKA_JAVA_OPTS        extra JVM flags                 (none)
#   KAFKA_START_TIMEOUT    seconds to wait for readiness, per attempt (120)
#   KAFKA_STOP_TIMEOUT     seconds to wait after SIGTERM before SIGKILL (30)
#   KAFKA_CLUSTER_ID       cluster id for the first format (random)
#   JAVA_HOME / MVN        java and maven to use (java and mvn from PATH)
# The Maven local repository is Maven's default (~/.m2/repository, or whatever
# your settings.xml says); this script does not override it.
set -euo pipefail

SCRIPT_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"

abs_path() { # make a possibly relative path absolute (relative to $PWD)
  case "$1" in /*) printf '%s\n' "$1" ;; *) printf '%s/%s\n' "$PWD" "$1" ;; esac
}

KAFKA_HOST="${KAFKA_HOST:-127.0.0.1}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_DATA_DIR="$(abs_path "${KAFKA_DATA_DIR:-$SCRIPT_DIR/.data}")"
KAFKA_CACHE_DIR="$(abs_path "${KAFKA_CACHE_DIR:-${KAFKA_HOME_DIR:-$SCRIPT_DIR/.cache}}")"
KAFKA_HEAP="${KAFKA_HEAP:--Xms256m -Xmx512m}"
KAFKA_JAVA_OPTS="${KAFKA_JAVA_OPTS:-}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-120}"
KAFKA_STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"
MVN="${MVN:-mvn}"
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA="java"; fi

POM="$SCRIPT_DIR/pom.xml"
TEMPLATE="$SCRIPT_DIR/server.properties.template"
LOG4J_CONFIG="$SCRIPT_DIR/log4j2.properties"
CP_FILE="$KAFKA_CACHE_DIR/classpath.txt"
CP_STAMP="$KAFKA_CACHE_DIR/classpath.pom.sha256"
CONFIG_FILE="$KAFKA_DATA_DIR/server.properties"
LOG_DIRS="$KAFKA_DATA_DIR/kraft-logs"
CLUSTER_ID_FILE="$KAFKA_DATA_DIR/cluster.id"
PID_FILE="$KAFKA_DATA_DIR/kafka.pid"
LOG_FILE="$KAFKA_DATA_DIR/kafka.log"
ADDRESS="$KAFKA_HOST:$KAFKA_PORT"

# Printed when a start attempt fails in a way a second attempt may fix.
RETRYABLE_RE='TimeoutException|[Tt]imed out|timeout'

log() { printf 'kafka: %s\n' "$*" >&2; }
die() { printf 'kafka: error: %s\n' "$*" >&2; exit 1; }

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//' >&2
}

check_port_number() {
  if ! [[ "$2" =~ ^[0-9]+$ ]] || (( $2 < 1 || $2 > 65535 )); then
    die "$1 must be a port number (got '$2')"
  fi
}

require_tools() {
  command -v "$JAVA" >/dev/null 2>&1 || die "java not found (Java 17+ is required; set JAVA_HOME or PATH)"
}

# ---------------------------------------------------------------- process state

read_pid() { # prints the pid from the pid file if that process is our broker
  local pid
  [[ -f "$PID_FILE" ]] || return 1
  pid="$(tr -dc '0-9' <"$PID_FILE" 2>/dev/null || true)"
  [[ -n "$pid" ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  # Guard against pid reuse: the process must be a JVM running kafka.Kafka.
  if [[ -r "/proc/$pid/cmdline" ]]; then
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'kafka\.Kafka' || return 1
  fi
  printf '%s\n' "$pid"
}

port_open() { # true if something accepts TCP connections on host:port
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# Serialise start/stop/reset of one data dir (e.g. parallel test runners).
# fd 9 must not leak into the broker, or it would hold the lock while running.
take_lock() {
  command -v flock >/dev/null 2>&1 || return 0
  mkdir -p "$KAFKA_DATA_DIR"
  exec 9>"$KAFKA_DATA_DIR/kafka.sh.lock"
  if ! flock -w "$((KAFKA_START_TIMEOUT * 2 + 30))" 9; then
    die "another kafka.sh is busy with $KAFKA_DATA_DIR"
  fi
}
release_lock() { exec 9>&- 2>/dev/null || true; }

log_says_started() {
  [[ -f "$LOG_FILE" ]] && grep -q 'Kafka Server started' "$LOG_FILE"
}

# A running broker keeps the address it was started with: take it from the
# config it was started with, even if KAFKA_HOST / KAFKA_PORT now differ.
adopt_running_address() {
  local l
  [[ -f "$CONFIG_FILE" ]] || return 0
  l="$(sed -n 's#^listeners=PLAINTEXT://\([^,]*\).*#\1#p' "$CONFIG_FILE" | head -n 1)"
  if [[ -n "$l" && "$l" != "$ADDRESS" ]]; then
    log "note: the running broker of $KAFKA_DATA_DIR listens on $l (not $ADDRESS)"
    KAFKA_HOST="${l%:*}"; KAFKA_PORT="${l##*:}"; ADDRESS="$l"
  fi
}

is_ready() { # pid alive + "Kafka Server started" in this run's log + port answers
  read_pid >/dev/null && log_says_started && port_open "$KAFKA_HOST" "$KAFKA_PORT"
}

# ---------------------------------------------------------------- preparation

sha_of() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d' ' -f1
  else shasum -a 256 "$1" | cut -d' ' -f1; fi
}

classpath_valid() {
  [[ -s "$CP_FILE" && -f "$CP_STAMP" ]] || return 1
  [[ "$(cat "$CP_STAMP")" == "$(sha_of "$POM")" ]] || return 1
  # Every jar must still exist (the Maven repo may have been cleaned).
  local jar jars
  IFS=':' read -r -a jars <"$CP_FILE" || true
  for jar in "${jars[@]}"; do [[ -f "$jar" ]] || return 1; done
  return 0
}

resolve_classpath() {
  if classpath_valid; then return 0; fi
  command -v "$MVN" >/dev/null 2>&1 || die "maven ('$MVN') not found; it is needed once to resolve the broker jars"
  mkdir -p "$KAFKA_CACHE_DIR"
  local tmp="$CP_FILE.tmp.$$" started=$SECONDS
  log "resolving broker classpath with Maven (first run, pom.xml changed or a jar went missing)..."
  if ! "$MVN" -q -B -f "$POM" dependency:build-classpath \
        -DincludeScope=runtime -Dmdep.outputFile="$tmp" >"$KAFKA_CACHE_DIR/mvn.log" 2>&1; then
    tail -n 30 "$KAFKA_CACHE_DIR/mvn.log" >&2 || true
    rm -f "$tmp"
    die "maven failed to resolve the classpath (full output: $KAFKA_CACHE_DIR/mvn.log)"
  fi
  [[ -s "$tmp" ]] || die "maven wrote an empty classpath ($tmp)"
  mv -f "$tmp" "$CP_FILE"
  sha_of "$POM" >"$CP_STAMP"
  log "classpath resolved in $((SECONDS - started)) s ($(tr ':' '\n' <"$CP_FILE" | wc -l) jars)"
}

classpath() { cat "$CP_FILE"; }

# JVM flags shared by the broker and the storage tool.
JAVA_COMMON_OPTS=(-Djava.awt.headless=true "-Dlog4j2.configurationFile=$LOG4J_CONFIG" -Dlog4j2.disable.jmx=true)

render_config() {
  [[ -f "$TEMPLATE" ]] || die "missing $TEMPLATE"
  mkdir -p "$KAFKA_DATA_DIR" "$LOG_DIRS"
  local line out=""
  # shellcheck disable=SC2016 # the ${...} placeholders are literal text
  while IFS= read -r line || [[ -n "$line" ]]; do
    line="${line//'${KAFKA_HOST}'/$KAFKA_HOST}"
    line="${line//'${KAFKA_PORT}'/$KAFKA_PORT}"
    line="${line//'${KAFKA_CONTROLLER_PORT}'/$KAFKA_CONTROLLER_PORT}"
    line="${line//'${KAFKA_LOG_DIRS}'/$LOG_DIRS}"
    out+="$line"$'\n'
  done <"$TEMPLATE"
  printf '%s' "$out" >"$CONFIG_FILE.tmp"
  mv -f "$CONFIG_FILE.tmp" "$CONFIG_FILE"
}

format_storage() {
  local cp cluster_id
  cp="$(classpath)"
  if [[ -f "$LOG_DIRS/meta.properties" ]]; then
    return 0 # formatted before; the cluster id lives in meta.properties
  fi
  if [[ -s "$CLUSTER_ID_FILE" ]]; then
    cluster_id="$(cat "$CLUSTER_ID_FILE")"
  elif [[ -n "${KAFKA_CLUSTER_ID:-}" ]]; then
    cluster_id="$KAFKA_CLUSTER_ID"
  else
    cluster_id="$("$JAVA" -Xmx128m "${JAVA_COMMON_OPTS[@]}" -cp "$cp" kafka.tools.StorageTool random-uuid 2>>"$LOG_FILE.format" | tail -n 1)"
    [[ "$cluster_id" =~ ^[A-Za-z0-9_-]{22}$ ]] || die "could not generate a cluster id (got '$cluster_id'; see $LOG_FILE.format)"
  fi
  printf '%s\n' "$cluster_id" >"$CLUSTER_ID_FILE"
  log "formatting storage in $LOG_DIRS (cluster id $cluster_id)"
  # Static voters (controller.quorum.voters): no --standalone / --initial-controllers.
  if ! "$JAVA" -Xmx256m "${JAVA_COMMON_OPTS[@]}" -cp "$cp" kafka.tools.StorageTool format \
        -t "$cluster_id" -c "$CONFIG_FILE" --ignore-formatted >>"$LOG_FILE.format" 2>&1; then
    tail -n 20 "$LOG_FILE.format" >&2 || true
    die "storage format failed (see $LOG_FILE.format)"
  fi
}

check_ports_free() {
  local p
  for p in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    if port_open "$KAFKA_HOST" "$p"; then
      die "port $KAFKA_HOST:$p is already in use by another process (not the broker of $KAFKA_DATA_DIR); set KAFKA_PORT / KAFKA_CONTROLLER_PORT"
    fi
  done
}

prepare() {
  check_port_number KAFKA_PORT "$KAFKA_PORT"
  check_port_number KAFKA_CONTROLLER_PORT "$KAFKA_CONTROLLER_PORT"
  [[ "$KAFKA_PORT" != "$KAFKA_CONTROLLER_PORT" ]] || die "KAFKA_PORT and KAFKA_CONTROLLER_PORT must differ"
  require_tools
  resolve_classpath
  render_config
  format_storage
}

broker_cmd() { # the java command line, one word per line
  # shellcheck disable=SC2086 # word splitting of the flag variables is intended
  printf '%s\n' "$JAVA" $KAFKA_HEAP -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    "${JAVA_COMMON_OPTS[@]}" $KAFKA_JAVA_OPTS -cp "$(classpath)" kafka.Kafka "$CONFIG_FILE"
}

# ---------------------------------------------------------------- commands

launch_background() {
  local -a cmd
  mapfile -t cmd < <(broker_cmd)
  [[ -f "$LOG_FILE" ]] && mv -f "$LOG_FILE" "$LOG_FILE.1"
  rm -f "$PID_FILE"
  # setsid: the broker outlives this shell and ignores the caller's Ctrl-C.
  # The inner shell writes its own pid, then execs java, so the pid is java's.
  local detach=()
  command -v setsid >/dev/null 2>&1 && detach=(setsid) || detach=(nohup)
  # shellcheck disable=SC2016 # $$ and $@ belong to the inner shell
  "${detach[@]}" bash -c 'echo $$ >"$1"; shift; exec "$@"' kafka-launch "$PID_FILE" "${cmd[@]}" \
    </dev/null >"$LOG_FILE" 2>&1 9>&- &
  for _ in $(seq 1 50); do [[ -s "$PID_FILE" ]] && break; sleep 0.1; done
}

# Waits for readiness. Returns 0 ready, 1 failed (not worth retrying),
# 2 failed in a retryable way (quorum / timeout).
wait_ready() {
  local deadline=$((SECONDS + KAFKA_START_TIMEOUT)) pid
  while ((SECONDS < deadline)); do
    if is_ready; then return 0; fi
    if ! pid="$(read_pid)"; then
      log "broker process exited during startup; last log lines:"
      tail -n 25 "$LOG_FILE" >&2 || true
      if grep -Eq "$RETRYABLE_RE" "$LOG_FILE" 2>/dev/null; then return 2; fi
      return 1
    fi
    sleep 0.5
  done
  log "broker not ready after ${KAFKA_START_TIMEOUT}s; last log lines:"
  tail -n 25 "$LOG_FILE" >&2 || true
  return 2
}

cmd_start() {
  local pid
  if pid="$(read_pid)"; then
    adopt_running_address
    if is_ready; then
      log "already running (pid $pid) at $ADDRESS"
      return 0
    fi
    log "broker (pid $pid) is starting; waiting for it"
    if wait_ready; then log "ready at $ADDRESS"; return 0; fi
    die "broker (pid $pid) did not become ready; try: $0 stop && $0 start"
  fi
  rm -f "$PID_FILE"
  check_ports_free
  prepare
  local attempt rc started
  for attempt in 1 2; do
    started=$SECONDS
    launch_background
    pid="$(read_pid || echo '?')"
    log "starting broker (pid $pid, attempt $attempt) at $ADDRESS, log: $LOG_FILE"
    rc=0; wait_ready || rc=$?
    if ((rc == 0)); then
      log "ready at $ADDRESS (took $((SECONDS - started)) s)"
      return 0
    fi
    cmd_stop >/dev/null 2>&1 || true
    if ((rc == 2 && attempt == 1)); then
      log "startup failed or timed out (quorum formation?); retrying once"
      continue
    fi
    break
  done
  if grep -q 'Unsupported metadata version\|No MetadataVersion with feature level' "$LOG_FILE" 2>/dev/null; then
    log "hint: $KAFKA_DATA_DIR was written by a newer Kafka than pom.xml now pins (downgrade)."
    log "      Delete it with: $0 reset   (drops all topics and offsets)"
  fi
  die "broker failed to start (log: $LOG_FILE)"
}

cmd_run() {
  local pid
  if pid="$(read_pid)"; then die "already running in the background (pid $pid) at $ADDRESS; stop it first"; fi
  check_ports_free
  prepare
  local -a cmd
  mapfile -t cmd < <(broker_cmd)
  log "running broker in the foreground at $ADDRESS (data: $KAFKA_DATA_DIR)"
  [[ -f "$LOG_FILE" ]] && mv -f "$LOG_FILE" "$LOG_FILE.1"
  echo $$ >"$PID_FILE" # exec keeps this pid, so status/stop work too
  release_lock
  # Output goes to stdout (for the supervisor) and to $LOG_FILE (for `status`,
  # `start` and `logs`). tee -i survives the Ctrl-C meant for the broker.
  exec > >(tee -i "$LOG_FILE") 2>&1
  exec "${cmd[@]}"
}

cmd_stop() {
  local pid
  if ! pid="$(read_pid)"; then
    rm -f "$PID_FILE"
    log "not running"
    return 0
  fi
  log "stopping broker (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + KAFKA_STOP_TIMEOUT))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then
    log "still alive after ${KAFKA_STOP_TIMEOUT}s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  fi
  rm -f "$PID_FILE"
  log "stopped"
}

cmd_status() {
  local pid
  if pid="$(read_pid)"; then
    adopt_running_address
    if is_ready; then
      echo "running (pid $pid) at $ADDRESS"
      return 0
    fi
    echo "starting (pid $pid), not ready yet at $ADDRESS"
    return 3
  fi
  echo "stopped ($ADDRESS)"
  return 3
}

cmd_logs() {
  local follow="" lines=200 a
  for a in "$@"; do
    case "$a" in
      -f|--follow) follow=1 ;;
      ''|*[!0-9]*) die "usage: $0 logs [-f] [lines]" ;;
      *) lines="$a" ;;
    esac
  done
  [[ -f "$LOG_FILE" ]] || die "no log file yet ($LOG_FILE)"
  if [[ -n "$follow" ]]; then exec tail -n "$lines" -F "$LOG_FILE"; fi
  tail -n "$lines" "$LOG_FILE"
}

cmd_reset() {
  cmd_stop
  case "$KAFKA_DATA_DIR" in
    /|"$HOME"|"$SCRIPT_DIR") die "refusing to delete KAFKA_DATA_DIR=$KAFKA_DATA_DIR" ;;
  esac
  if [[ -d "$KAFKA_DATA_DIR" ]]; then
    rm -rf -- "$KAFKA_DATA_DIR"
    log "deleted $KAFKA_DATA_DIR"
  else
    log "nothing to delete ($KAFKA_DATA_DIR)"
  fi
}

main() {
  local sub="${1:-}"
  [[ $# -gt 0 ]] && shift
  case "$sub" in
    start)
      case "${1:-}" in
        --foreground|-f) take_lock; cmd_run ;;
        '') take_lock; cmd_start ;;
        *) die "unknown option for start: $1" ;;
      esac ;;
    run) take_lock; cmd_run ;;
    stop) take_lock; cmd_stop ;;
    status) cmd_status ;;
    restart) take_lock; cmd_stop; cmd_start ;;
    logs) cmd_logs "$@" ;;
    reset) take_lock; cmd_reset ;;
    classpath) require_tools; resolve_classpath; classpath ;;
    -h|--help|help) usage ;;
    '') usage; exit 2 ;;
    *) log "unknown command: $sub"; usage; exit 2 ;;
  esac
}

main "$@"
