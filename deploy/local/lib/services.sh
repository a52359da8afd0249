# shellcheck shell=bash
# The platform's own services: built with ./mvnw, run as plain jars, checked by /q/health/ready.
service_jar() { echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; }
# a line's module: its 4th column (a second replica of a service), else its name
module_of() { echo "${2:-$1}"; }

# a build is due when a jar is missing or a main source or pom it is made from is newer than it
# (test sources do not change the jar)
build_due() {
  local name port db module jar
  while read -r name port db module; do
    module=$(module_of "$name" "$module")
    jar=$(service_jar "$module")
    [ -f "$jar" ] || return 0
    # (the web pages' installed packages and local builds are not sources)
    [ -n "$(find "$ROOT/$module/src/main" "$ROOT/$module/pom.xml" "$ROOT/pom.xml" "$ROOT/contracts/src/main" \
        "$ROOT/contracts/pom.xml" "$ROOT/service-kit/src/main" "$ROOT/service-kit/pom.xml" \
        \( -name node_modules -o -name dist \) -prune -o -newer "$jar" -type f -print -quit 2>/dev/null)" ] && return 0
  done < <(services)
  return 1
}

# a JVM whose jar is rewritten under it fails on the next class it loads: the running services stop
# before a build (./platform up starts them again on the new jars)
services_stop_for_build() {
  local name port db _
  while read -r name port db _; do
    if alive "$name"; then say "$name: stopping it for the build"; stop "$name" 10; fi
  done < <(services)
}

# services_build [force]: only the listed services and what they depend on (-pl ... -am)
services_build() {
  local modules
  modules=$(services | awk '{print ($4 != "" ? $4 : $1)}' | awk '!seen[$0]++' | paste -sd, -)
  [ -n "$modules" ] || return 0
  if [ "${1:-}" != force ] && ! build_due; then return 0; fi
  services_stop_for_build
  say "building $modules (./mvnw -B package -DskipTests -pl $modules -am; log: $LOGS/build.log)"
  local start=$SECONDS
  (cd "$ROOT" && ./mvnw -B package -DskipTests -pl "$modules" -am) >"$LOGS/build.log" 2>&1 \
    || { show_log build; die "the build failed (log: $LOGS/build.log)"; }
  say "built in $((SECONDS - start)) s"
}

# deploy/local/env/NAME.env: the local platform's own settings of a service (KEY=VALUE lines;
# JAVA_MAX_HEAP=512m sets its -Xmx, 256m otherwise; JAVA_GC=-XX:+UseParallelGC its collector,
# the serial one otherwise: the least memory for a small service)
services_up() {
  local name port db module
  while read -r name port db module; do
    module=$(module_of "$name" "$module")
    if alive "$name" && http_ok "http://127.0.0.1:$port/q/health/ready"; then
      if [ "$(service_jar "$module")" -nt "$RUN/$name.pid" ]; then say "$name: restarting on the new build"
      else say "$name: already running"; continue; fi
    fi
    stop "$name" 10
    port_open "$port" && die "something else listens on 127.0.0.1:$port (wanted by $name)"
    [ -f "$(service_jar "$module")" ] || die "$name: no $(service_jar "$module") (did the build run?)"
    say "$name: starting on http://127.0.0.1:$port"
    local settings=() heap=256m gc=-XX:+UseSerialGC file="$ROOT/deploy/local/env/$module.env"
    if [ -f "$file" ]; then
      mapfile -t settings < <(grep -Ev '^\s*(#|$)|^JAVA_MAX_HEAP=|^JAVA_GC=' "$file")
      heap=$(sed -n 's/^JAVA_MAX_HEAP=//p' "$file" | tail -1); heap=${heap:-256m}
      gc=$(sed -n 's/^JAVA_GC=//p' "$file" | tail -1); gc=${gc:--XX:+UseSerialGC}
    fi
    spawn "$name" env QUARKUS_HTTP_PORT="$port" "${settings[@]}" \
        java "$gc" "-Xmx$heap" -jar "$(service_jar "$module")"
  done < <(services)
}

services_wait() {
  local name port db _
  while read -r name port db _; do
    wait_until "$name" 90 http_ok "http://127.0.0.1:$port/q/health/ready"
  done < <(services)
}

# the listed services in reverse order, then any other service a pid file remembers (e.g. one
# since removed from the list)
services_down() {
  local name port db lines file
  lines=$(services | tac)
  while read -r name port db _; do if [ -n "$name" ]; then stop "$name" 10; fi; done <<<"$lines"
  for file in "$RUN"/*.pid; do
    [ -f "$file" ] || continue
    name=$(basename "$file" .pid)
    case "$name" in kafka|keycloak) ;; *) stop "$name" 10 ;; esac
  done
}

service_state() {
  local name=$1 port=$2
  if http_ok "http://127.0.0.1:$port/q/health/ready"; then
    if alive "$name"; then echo ready; else echo "ready (not started by ./platform)"; fi
  elif alive "$name"; then echo "running, not ready"
  else echo stopped; fi
}
