# The platform's own services: built once with ./mvnw, run as plain jars, checked by /q/health/ready.
service_jar() { echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; }

# a build is due when a jar is missing or any source or pom is newer than it
build_due() {
  local name port db jar
  while read -r name port db; do
    jar=$(service_jar "$name")
    [ -f "$jar" ] || return 0
    [ -n "$(find "$ROOT/$name/src" "$ROOT/$name/pom.xml" "$ROOT/pom.xml" "$ROOT/contracts/src" "$ROOT/service-kit/src" \
        -newer "$jar" -type f -print -quit 2>/dev/null)" ] && return 0
  done < <(services)
  return 1
}

services_build() {
  if ! build_due; then return; fi
  say "building the services (./mvnw package -DskipTests; log: $LOGS/build.log)"
  local start=$SECONDS
  (cd "$ROOT" && ./mvnw -B package -DskipTests) >"$LOGS/build.log" 2>&1 \
    || { show_log build; die "the build failed"; }
  say "built in $((SECONDS - start)) s"
}

services_up() {
  local name port db
  while read -r name port db; do
    if alive "$name" && http_ok "http://127.0.0.1:$port/q/health/ready"; then
      if [ "$(service_jar "$name")" -nt "$RUN/$name.pid" ]; then say "$name: restarting on the new build"
      else say "$name: already running"; continue; fi
    fi
    stop "$name" 5
    port_open "$port" && die "something else listens on 127.0.0.1:$port (wanted by $name)"
    say "$name: starting on http://127.0.0.1:$port"
    spawn "$name" env QUARKUS_HTTP_PORT="$port" \
        java -XX:+UseSerialGC -Xms128m -Xmx256m -jar "$(service_jar "$name")"
  done < <(services)
}

services_wait() {
  local name port db
  while read -r name port db; do
    wait_until "$name" 90 http_ok "http://127.0.0.1:$port/q/health/ready"
  done < <(services)
}

services_down() {
  local name port db lines
  lines=$(services | tac)
  while read -r name port db; do stop "$name" 10; done <<<"$lines"
}

service_state() {
  local name=$1 port=$2
  if http_ok "http://127.0.0.1:$port/q/health/ready"; then echo ready
  elif alive "$name"; then echo "running, not ready"
  else echo stopped; fi
}
