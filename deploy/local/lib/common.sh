# Shared by ./platform and its parts: paths, messages, process bookkeeping, waiting.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
STATE="$ROOT/.platform"
LOGS="$STATE/logs"
RUN="$STATE/run"
mkdir -p "$LOGS" "$RUN" "$STATE/downloads"

say()  { printf '[platform] %s\n' "$*"; }
warn() { printf '[platform] WARNING: %s\n' "$*" >&2; }
die()  { printf '[platform] ERROR: %s\n' "$*" >&2; exit 1; }

# show the end of a log when something failed, so nobody has to go looking
show_log() {
  local name=$1 file="$LOGS/$1.log"
  [ -f "$file" ] || return 0
  printf '[platform] --- last 40 lines of %s ---\n' "$file" >&2
  tail -n 40 "$file" >&2
  printf '[platform] ---\n' >&2
}

pid_of()  { [ -f "$RUN/$1.pid" ] && cat "$RUN/$1.pid"; }
alive()   { local pid; pid=$(pid_of "$1") && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
http_ok() { curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null; }

# start a background process in its own session, stdout+stderr to its log, remember its pid
spawn() {
  local name=$1; shift
  : >"$LOGS/$name.log"
  setsid "$@" >>"$LOGS/$name.log" 2>&1 < /dev/null &
  echo $! >"$RUN/$name.pid"
}

# wait_until NAME TIMEOUT_S CHECK...: progress every 5 s; fails early if the process died
wait_until() {
  local name=$1 timeout=$2; shift 2
  local start=$SECONDS next=5
  until "$@"; do
    if [ -f "$RUN/$name.pid" ] && ! alive "$name"; then
      show_log "$name"; die "$name exited while starting (log: $LOGS/$name.log)"
    fi
    if (( SECONDS - start >= timeout )); then
      show_log "$name"; die "$name not ready after ${timeout}s (log: $LOGS/$name.log)"
    fi
    if (( SECONDS - start >= next )); then
      say "waiting for $name ($((SECONDS - start))s)"; next=$((next + 5))
    fi
    sleep 0.5
  done
}

# stop NAME: SIGTERM to its process group, then SIGKILL after a bounded wait
stop() {
  local name=$1 grace=${2:-15} pid
  pid=$(pid_of "$name") || return 0
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    say "stopping $name (pid $pid)"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    local waited=0
    while kill -0 "$pid" 2>/dev/null && (( waited < grace * 2 )); do sleep 0.5; waited=$((waited + 1)); done
    if kill -0 "$pid" 2>/dev/null; then
      warn "$name did not stop in ${grace}s: SIGKILL"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$RUN/$name.pid"
}

# services: "name port database" lines of deploy/local/services
services() { grep -Ev '^\s*(#|$)' "${PLATFORM_SERVICES_FILE:-$ROOT/deploy/local/services}"; }
