# shellcheck shell=bash
# Keycloak 26.4.5 server distribution from Maven Central (cached in ~/.m2), dev mode (H2 file
# database in its data/), realm imported from deploy/keycloak/goodcar-realm.json.
KEYCLOAK_VERSION=26.4.5
KEYCLOAK_HOME="$STATE/keycloak/keycloak-$KEYCLOAK_VERSION"
KEYCLOAK_ZIP="$STATE/downloads/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
REALM_FILE="$ROOT/deploy/keycloak/goodcar-realm.json"
REALM_SUM="$STATE/keycloak/realm.sha256"
KEYCLOAK_PORT=${PLATFORM_KEYCLOAK_PORT:-8180}   # override only beside a running platform, as for Kafka
KEYCLOAK_URL="http://127.0.0.1:$KEYCLOAK_PORT"
REALM_URL="$KEYCLOAK_URL/realms/goodcar"

keycloak_install() {
  [ -x "$KEYCLOAK_HOME/bin/kc.sh" ] && return
  if [ ! -s "$KEYCLOAK_ZIP" ]; then
    say "keycloak: resolving keycloak-quarkus-dist $KEYCLOAK_VERSION (once; ~160 MB, cached in ~/.m2)"
    "$ROOT/mvnw" -B -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
        -DoutputDirectory="$STATE/downloads" >"$LOGS/keycloak-install.log" 2>&1 \
      || { show_log keycloak-install; die "could not resolve the Keycloak distribution"; }
  fi
  say "keycloak: unpacking"
  local tmp="$STATE/keycloak/.unpack"
  rm -rf "$tmp" && mkdir -p "$tmp"
  if command -v unzip >/dev/null; then unzip -q "$KEYCLOAK_ZIP" -d "$tmp"
  else (cd "$tmp" && jar xf "$KEYCLOAK_ZIP") && chmod +x "$tmp"/keycloak-*/bin/*.sh
  fi || die "could not unpack $KEYCLOAK_ZIP"
  rm -rf "$KEYCLOAK_HOME" && mv "$tmp/keycloak-$KEYCLOAK_VERSION" "$KEYCLOAK_HOME" && rm -rf "$tmp"
}

realm_changed() { [ "$(cat "$REALM_SUM" 2>/dev/null)" != "$(sha256sum "$REALM_FILE" | cut -d' ' -f1)" ]; }

# Keycloak imports a realm only if it does not exist yet (IGNORE_EXISTING): when the realm file
# changed, start from fresh data so the new realm is what runs.
keycloak_realm() {
  if realm_changed || [ ! -f "$KEYCLOAK_HOME/data/import/goodcar-realm.json" ]; then
    [ -d "$KEYCLOAK_HOME/data/h2" ] && say "keycloak: realm file changed; resetting Keycloak's data"
    rm -rf "$KEYCLOAK_HOME/data/h2"
    mkdir -p "$KEYCLOAK_HOME/data/import"
    cp "$REALM_FILE" "$KEYCLOAK_HOME/data/import/goodcar-realm.json"
    sha256sum "$REALM_FILE" | cut -d' ' -f1 >"$REALM_SUM"
  fi
}

keycloak_up() {
  if alive keycloak; then
    if ! realm_changed; then
      if http_ok "$REALM_URL"; then say "keycloak: already running"; else say "keycloak: already starting"; fi
      return
    fi
    say "keycloak: realm file changed; restarting to import it"
    stop keycloak 15
  fi
  rm -f "$RUN/keycloak.pid"
  port_open "$KEYCLOAK_PORT" && die "something else listens on 127.0.0.1:$KEYCLOAK_PORT; stop it or free the port"
  keycloak_install
  keycloak_realm
  if [ -d "$KEYCLOAK_HOME/data/h2" ]; then
    say "keycloak: starting on $KEYCLOAK_URL"
  else
    say "keycloak: starting on $KEYCLOAK_URL (imports the realm; ~35 s on a first start)"
  fi
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
    spawn keycloak "$KEYCLOAK_HOME/bin/kc.sh" start-dev --http-port="$KEYCLOAK_PORT" --http-host=127.0.0.1 --import-realm
}

keycloak_wait() { wait_until keycloak 180 http_ok "$REALM_URL/.well-known/openid-configuration"; }

keycloak_state() {
  if alive keycloak && http_ok "$REALM_URL"; then echo ready
  elif alive keycloak; then echo "running, not responding"
  elif port_open "$KEYCLOAK_PORT"; then echo "port taken by another process"
  else echo stopped; fi
}
