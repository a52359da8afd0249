# shellcheck shell=bash
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
  local file="$LOGS/$1.log"
  [ -f "$file" ] || return 0
  printf '[platform] --- last 40 lines of %s ---\n' "$file" >&2
  tail -n 40 "$file" >&2
  printf '[platform] ---\n' >&2
}

pid_of() { [ -f "$RUN/$1.pid" ] && cat "$RUN/$1.pid"; }
# alive NAME: its pid file names a live process that is ours (its command line mentions this
# checkout), so a pid reused by the system after a reboot is never mistaken for it
alive() {
  local pid; pid=$(pid_of "$1") && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null \
    && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$ROOT/"
}
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
http_ok() { curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null; }

# rotate_log NAME: the last run's log becomes NAME.log.1 (and so on, three kept), so what a crashed
# process wrote is still there after the next start
KEPT_LOGS=3
rotate_log() {
  local log="$LOGS/$1.log" i
  [ -s "$log" ] || return 0
  for ((i = KEPT_LOGS - 1; i >= 1; i--)); do
    [ -f "$log.$i" ] && mv -f "$log.$i" "$log.$((i + 1))"
  done
  mv -f "$log" "$log.1"
}

# spawn NAME CMD...: background process in its own session (pid = process group), stdout+stderr
# to its log (the previous one rotated), pid file
spawn() {
  local name=$1; shift
  rotate_log "$name"
  : >"$LOGS/$name.log"
  setsid "$@" >>"$LOGS/$name.log" 2>&1 </dev/null &
  echo $! >"$RUN/$name.pid"
}

# wait_until NAME TIMEOUT_S CHECK...: progress every 5 s, counted from the process's start (its
# pid file); fails early if the process died
wait_until() {
  local name=$1 timeout=$2; shift 2
  local started age next=5
  started=$(stat -c %Y "$RUN/$name.pid" 2>/dev/null || date +%s)
  until "$@"; do
    if ! alive "$name"; then
      show_log "$name"; die "$name exited while starting (log: $LOGS/$name.log)"
    fi
    age=$(( $(date +%s) - started ))
    if (( age >= timeout )); then
      show_log "$name"; die "$name not ready after ${age}s (log: $LOGS/$name.log)"
    fi
    if (( age >= next )); then
      say "waiting for $name (${age}s)"; next=$(( (age / 5 + 1) * 5 ))
    fi
    sleep 0.5
  done
}

# stop NAME [GRACE_S]: SIGTERM to its process group, SIGKILL after GRACE_S; removes the pid file
stop() {
  local name=$1 grace=${2:-15} pid waited=0
  if alive "$name"; then
    pid=$(pid_of "$name")
    say "stopping $name (pid $pid)"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null && (( waited < grace * 2 )); do sleep 0.5; waited=$((waited + 1)); done
    if kill -0 "$pid" 2>/dev/null; then
      warn "$name did not stop within ${grace}s: SIGKILL"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
    fi
  fi
  rm -f "$RUN/$name.pid"
}

# services: the "name port database" lines of deploy/local/services (or $PLATFORM_SERVICES_FILE)
services() {
  local file=${PLATFORM_SERVICES_FILE:-$ROOT/deploy/local/services}
  [ -f "$file" ] || die "no services file $file"
  grep -Ev '^[[:space:]]*(#|$)' "$file" || true
}
