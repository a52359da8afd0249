# Keycloak 26.4.5 server distribution from Maven Central (cached in ~/.m2), realm from deploy/keycloak.
KEYCLOAK_VERSION=26.4.5
KEYCLOAK_HOME="$STATE/keycloak/keycloak-$KEYCLOAK_VERSION"
REALM_FILE="$ROOT/deploy/keycloak/goodcar-realm.json"
REALM_URL="http://127.0.0.1:8180/realms/goodcar"

keycloak_install() {
  [ -x "$KEYCLOAK_HOME/bin/kc.sh" ] && return
  say "keycloak: resolving keycloak-quarkus-dist $KEYCLOAK_VERSION (once; ~160 MB, cached in ~/.m2)"
  "$ROOT/mvnw" -B -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
      -DoutputDirectory="$STATE/downloads" >"$LOGS/keycloak-install.log" 2>&1 \
    || { show_log keycloak-install; die "could not resolve the Keycloak distribution"; }
  mkdir -p "$STATE/keycloak"
  unzip -q -o "$STATE/downloads/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$STATE/keycloak" \
    || die "could not unzip Keycloak"
}

# Keycloak imports a realm only if it does not exist yet: when the realm file changed, start from
# fresh data so the new realm is what runs.
keycloak_realm() {
  local sum
  sum=$(sha256sum "$REALM_FILE" | cut -d' ' -f1)
  if [ "$(cat "$STATE/keycloak/realm.sha256" 2>/dev/null)" != "$sum" ]; then
    [ -d "$KEYCLOAK_HOME/data/h2" ] && say "keycloak: realm file changed; resetting Keycloak's data"
    rm -rf "$KEYCLOAK_HOME/data/h2"
    mkdir -p "$KEYCLOAK_HOME/data/import"
    cp "$REALM_FILE" "$KEYCLOAK_HOME/data/import/goodcar-realm.json"
    echo "$sum" >"$STATE/keycloak/realm.sha256"
  fi
}

keycloak_up() {
  if alive keycloak && http_ok "$REALM_URL"; then say "keycloak: already running"; return; fi
  port_open 8180 && die "something else listens on 127.0.0.1:8180; stop it or free the port"
  keycloak_install
  keycloak_realm
  say "keycloak: starting on http://127.0.0.1:8180 (first start builds, ~35 s)"
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
  JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
    spawn keycloak "$KEYCLOAK_HOME/bin/kc.sh" start-dev --http-port=8180 --http-host=127.0.0.1 --import-realm
}

keycloak_wait() { wait_until keycloak 180 http_ok "$REALM_URL/.well-known/openid-configuration"; }

keycloak_state() {
  if alive keycloak && http_ok "$REALM_URL"; then echo ready; elif alive keycloak; then echo starting; else echo stopped; fi
}
