# shellcheck shell=bash
# What the benchmarks of deploy/local/bench share: wrk (installed from Debian on first use), and
# calls as the realm's operator and as Keycloak's bootstrap admin.

# bench_wrk: wrk on the PATH, installing Debian's package if it is missing
bench_wrk() {
  command -v wrk >/dev/null && return 0
  say "installing wrk (Debian package)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk) >"$LOGS/wrk-install.log" 2>&1 \
    || { show_log wrk-install; die "could not install wrk"; }
}

# bench_token USER [CLIENT]: an access token by password grant (client bench: tokens live an hour)
bench_token() {
  curl -fsS --max-time 60 -d grant_type=password -d "client_id=${2:-bench}" -d "username=$1" -d "password=$1-pw" \
      "$REALM_URL/protocol/openid-connect/token" | jq -r .access_token
}

# keycloak_admin_token: the bootstrap admin's token (master realm; it lives a minute, so one per use)
keycloak_admin_token() {
  curl -fsS --max-time 60 -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin \
      "$KEYCLOAK_URL/realms/master/protocol/openid-connect/token" | jq -r .access_token
}

# api METHOD PATH [JSON] [IDEMPOTENCY_KEY]: a call to $BASE as $OPERATOR; prints the body, fails on >= 400
api() {
  local args=(-sS --max-time 120 -X "$1" -H "Authorization: Bearer $OPERATOR" -w '\n%{http_code}')
  [ -n "${3:-}" ] && args+=(-H 'Content-Type: application/json' -d "$3")
  [ -n "${4:-}" ] && args+=(-H "Idempotency-Key: $4")
  local answer code
  answer=$(curl "${args[@]}" "$BASE$2") || return 1
  code=${answer##*$'\n'}
  answer=${answer%$'\n'*}
  if (( code >= 400 )); then printf '%s %s: HTTP %s %s\n' "$1" "$2" "$code" "$answer" >&2; return 1; fi
  printf '%s\n' "$answer"
}

# bench_row NAME CONNECTIONS WRK_ARGS...: a warm-up of WARMUP seconds (the JIT settles; default 10),
# then a measured run of DURATION seconds; prints one table row and keeps the rate in
# $STATE/bench-NAME.rps for the ratios the benchmark prints after its rows
bench_row() {
  local name=$1 connections=$2 out rps p50 p99 errors
  shift 2
  wrk -t2 -c"$connections" -d"${WARMUP:-10}s" "$@" >/dev/null
  out=$(wrk -t2 -c"$connections" -d"${DURATION}s" --latency "$@")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/ {e = e $0 "; "} END {print (e == "" ? "0" : e)}' <<<"$out")
  printf '%-34s %10s %9s %9s  %s\n' "$name" "$rps" "$p50" "$p99" "$errors"
  echo "$rps" >"$STATE/bench-$name.rps"
}
