#!/usr/bin/env bash
# The Double 11 flash sale under wrk (sale-orders.lua): 50,000 distinct buyers rush 1,000 units of one
# sale, every click a new Idempotency-Key, against the running order-service on loopback. The same
# run measures the same rush on a no-op endpoint of the same server behind the same authentication
# (the HTTP ceiling) and on the naive design (one transaction per click: update ... set stock =
# stock - 1 where stock > 0 on one counter row, then the order row), counts the orders on the server
# (exactly the units, no buyer twice), then lets the reservations lapse and shows the stock back.
#   ./platform bench sale
# Settings, from the environment (defaults = the issue's figures):
#   BENCH_SECONDS=30 per measured run, WARMUP_SECONDS=10 before each (on a sale of its own, so the
#   measured rush starts with every unit in stock), BUYERS=50000, UNITS=1000, CONNECTIONS=64 and
#   THREADS=2 for wrk, ORDER_URL=http://127.0.0.1:8084 (the service), EXPIRY_WAIT=180 s at most for
#   the lapse scan to give every unit back.
#   A quick run: BENCH_SECONDS=5 WARMUP_SECONDS=3 BUYERS=5000 UNITS=200 ./platform bench sale
# Why 64 connections: see auction.sh (a closed loop; two cores saturate at about 64).
#
# Tokens, and why they are made this way: a password grant hashes the password (the auction bench's
# 2,000 took ~106 s), so 50,000 would take most of an hour. Instead the bench holds an RSA key of its
# own (made once with openssl, kept in .platform/bench/, never committed) and registers it with the
# local realm as a *passive* key (admin API, provider "rsa", active=false): Keycloak never signs with
# it, but publishes its public half in the realm's key set, exactly like a key being rotated out.
# BenchTokens.java then signs 50,000 access tokens with the claims of Keycloak's own (iss = the
# realm, azp bench, aud account, sub, exp, realm_access.roles = buyer) in seconds. order-service is
# not changed or configured for it in any way: it verifies each token's signature against the
# realm's key set by kid, its issuer and expiry, as for every token; a token signed by any other key
# is still refused. Only the local realm ever gets the key; remove it with BENCH_KEY_REMOVE=true.
# A password policy with fewer hash iterations was the other option; it changes how the realm
# stores every bench password rather than adding nothing but a key, and still costs a request each.
set -euo pipefail
# shellcheck source=../lib/common.sh
source "$(dirname "$0")/../lib/common.sh"
for part in jdk keycloak bench; do
  # shellcheck source=/dev/null
  source "$ROOT/deploy/local/lib/$part.sh"
done

BENCH_SECONDS=${BENCH_SECONDS:-30}
WARMUP_SECONDS=${WARMUP_SECONDS:-10}
BUYERS=${BUYERS:-50000}
UNITS=${UNITS:-1000}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
EXPIRY_WAIT=${EXPIRY_WAIT:-180}
for setting in BENCH_SECONDS WARMUP_SECONDS BUYERS UNITS CONNECTIONS THREADS EXPIRY_WAIT; do
  [[ "${!setting}" =~ ^[1-9][0-9]*$ ]] || die "$setting must be a positive whole number (is '${!setting}')"
done
(( BUYERS <= 99999 )) || die "BUYERS: at most 99999 (bench-buyer-00001..bench-buyer-99999)"
(( UNITS <= BUYERS )) || die "UNITS ($UNITS) must be at most BUYERS ($BUYERS): each buyer may order one"
(( UNITS <= 100000 )) || die "UNITS: at most 100000 (a sale's largest)"
(( CONNECTIONS >= THREADS )) || die "CONNECTIONS must be >= THREADS"

BASE=${ORDER_URL:-http://127.0.0.1:8084}
HERE="$ROOT/deploy/local/bench"
OUT="$STATE/bench"
KEY="$OUT/sale-buyers-key.pem"     # the bench's signing key (PKCS#8), made once
TOKENS="$OUT/sale-buyers.tokens"   # one access token a line, bench-buyer-00001 first
TOKENS_META="$OUT/sale-buyers.meta" # "kid count expiry" of the tokens file: reused while valid
RUN_ID="s$(date +%m%d%H%M%S)"
mkdir -p "$OUT"

# --- preconditions -------------------------------------------------------------------------------
select_jdk
command -v jq >/dev/null || die "jq is needed (apt-get install -y jq)"
command -v openssl >/dev/null || die "openssl is needed (apt-get install -y openssl)"
http_ok "$BASE/q/health/ready" || die "order-service is not ready on $BASE: run ./platform up first (or set ORDER_URL)"
http_ok "$REALM_URL/.well-known/openid-configuration" || die "Keycloak does not answer on $KEYCLOAK_URL: run ./platform up first"
bench_wrk
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if pgrep -f 'mvnw|maven' >/dev/null; then
  warn "a Maven build or test run is using this machine's 2 cores too: expect lower figures (pgrep -fa mvnw)"
fi

OPERATOR=$(bench_token olga) \
  || die "no token for olga from the 'bench' client: does the realm have it?"

probe=$(curl -sS -X PUT -H "Authorization: Bearer $OPERATOR" "$BASE/bench/naive/sales/no-such-sale/stock")
if [[ "$probe" == *"Benchmark endpoints are off"* ]] || [[ "$probe" != *"not-found"* ]]; then
  die "order-service has no bench endpoints (PUT /bench/naive/sales/x/stock answered: ${probe:0:200}): start it with ORDER_SALE_BENCH_ENDPOINTS=true (deploy/local/env/order-service.env) and a build that has them (./platform up --build)"
fi

# --- buyers: the bench's key in the realm, and 50,000 tokens signed with it ------------------------
if [ ! -s "$KEY" ]; then
  say "bench key: making an RSA key for the bench buyers' tokens ($KEY)"
  (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$KEY" 2>/dev/null) \
    || die "openssl could not make a key"
fi
fingerprint=$(openssl pkey -in "$KEY" -pubout 2>/dev/null | sha256sum | cut -c1-12)
KEY_NAME="bench-sale-buyers-$fingerprint"
admin=$(keycloak_admin_token) || die "no Keycloak admin token (admin/admin on the master realm)"
components=$(curl -fsS -H "Authorization: Bearer $admin" \
    "$KEYCLOAK_URL/admin/realms/goodcar/components?type=org.keycloak.keys.KeyProvider") || die "could not list the realm's keys"
# keys of earlier bench keys (a removed .platform/) are withdrawn; this one is added once
for stale in $(jq -r --arg n "$KEY_NAME" '.[] | select((.name | startswith("bench-sale-buyers-")) and .name != $n) | .id' <<<"$components"); do
  curl -fsS -X DELETE -H "Authorization: Bearer $admin" "$KEYCLOAK_URL/admin/realms/goodcar/components/$stale" \
    || warn "could not remove an earlier bench key ($stale)"
done
if [ "${BENCH_KEY_REMOVE:-false}" = true ]; then
  for own in $(jq -r --arg n "$KEY_NAME" '.[] | select(.name == $n) | .id' <<<"$components"); do
    curl -fsS -X DELETE -H "Authorization: Bearer $admin" "$KEYCLOAK_URL/admin/realms/goodcar/components/$own"
  done
  rm -f "$TOKENS" "$TOKENS_META"
  say "bench key: removed from the realm"
  exit 0
fi
if [ -z "$(jq -r --arg n "$KEY_NAME" '.[] | select(.name == $n) | .id' <<<"$components")" ]; then
  say "bench key: registering $KEY_NAME with realm goodcar (passive: published for verification, never used by Keycloak to sign)"
  realm_id=$(curl -fsS -H "Authorization: Bearer $admin" "$KEYCLOAK_URL/admin/realms/goodcar" | jq -r .id)
  jq -n --arg name "$KEY_NAME" --arg realm "$realm_id" --rawfile pem "$KEY" '{name: $name, providerId: "rsa",
      providerType: "org.keycloak.keys.KeyProvider", parentId: $realm, config: {priority: ["0"], enabled: ["true"],
      active: ["false"], algorithm: ["RS256"], privateKey: [$pem]}}' \
    | curl -fsS -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' -d @- \
        "$KEYCLOAK_URL/admin/realms/goodcar/components" >/dev/null || die "could not register the bench key"
fi

# tokens must outlive the whole run: 3 phases with warm-ups, the wait for the lapses, set-up and checks
need_until=$(( $(date +%s) + 3 * (BENCH_SECONDS + WARMUP_SECONDS) + 2 * BENCH_SECONDS + EXPIRY_WAIT + 600 ))
read -r meta_kid meta_count meta_exp < <(cat "$TOKENS_META" 2>/dev/null || echo "- 0 0")
current_kid=$(curl -fsS "$REALM_URL/protocol/openid-connect/certs" \
    | jq -r --arg kid "$meta_kid" '[.keys[] | select(.kid == $kid)][0].kid // "-"')
start=$SECONDS
if [ "$current_kid" = "$meta_kid" ] && [ "$meta_kid" != - ] && (( meta_count >= BUYERS && meta_exp >= need_until )) \
    && [ -s "$TOKENS" ]; then
  TOKEN_FIGURE="$meta_count tokens reused from $TOKENS (valid past the run)"
else
  count=$(( BUYERS > 50000 ? BUYERS : 50000 ))
  lifetime=$(( need_until - $(date +%s) + 3600 ))
  say "buyers: signing $count access tokens with the bench key (BenchTokens.java)"
  made=$(java -Xmx512m -XX:+UseSerialGC "$HERE/buyers/BenchTokens.java" "$KEY" "$REALM_URL/protocol/openid-connect/certs" \
      "$(curl -fsS "$REALM_URL/.well-known/openid-configuration" | jq -r .issuer)" "$count" "$lifetime" "$TOKENS.new") \
    || die "BenchTokens failed (exit 3: the realm does not publish the bench key yet)"
  mv "$TOKENS.new" "$TOKENS"
  echo "${made#kid=} $count $(( $(date +%s) + lifetime ))" >"$TOKENS_META"
  TOKEN_FIGURE="$count tokens signed in $((SECONDS - start)) s (bench key ${made#kid=}), no password grant"
fi
say "buyer tokens: $TOKEN_FIGURE"
head -n "$BUYERS" "$TOKENS" >"$OUT/sale-buyers-now.tokens"
# a service that cached the realm's key set before the key was added fetches it again on an unknown kid
first=$(head -1 "$OUT/sale-buyers-now.tokens")
start=$SECONDS
until [ "$(curl -sS -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $first" \
    -H "Idempotency-Key: probe-$RUN_ID-$SECONDS" "$BASE/bench/noop/sales/probe/orders")" = 201 ]; do
  (( SECONDS - start < 60 )) || die "order-service refuses the bench buyers' tokens (has it not refreshed the realm's key set? restart it)"
  sleep 2
done

# --- sales ----------------------------------------------------------------------------------------
# new_sale PAY_WITHIN: a sale of UNITS units open now, one per buyer; prints its id
new_sale() {
  api POST /sales "{\"editionCode\":\"AION-UT-SUPER-STD\",\"priceFen\":11990000,\"units\":$UNITS,\"startsAt\":\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\",\"perBuyerLimit\":1,\"payWithin\":\"$1\"}" \
    "bench-$RUN_ID-$RANDOM$RANDOM" | jq -r .id
}
# the measured sale's units stay reserved through its run and the checks, then lapse: the bench waits
# for them to come back. Every other sale keeps its reservations an hour (no lapse during a run).
PAY_WITHIN="PT$(( BENCH_SECONDS + 60 ))S"
SALE_WARMUP=$(new_sale PT1H) || die "could not schedule the bench sales"
SALE=$(new_sale "$PAY_WITHIN") || die "could not schedule the bench sales"
NAIVE_WARMUP=$(new_sale PT1H) || die "could not schedule the bench sales"
NAIVE=$(new_sale PT1H) || die "could not schedule the bench sales"
for naive in "$NAIVE_WARMUP" "$NAIVE"; do
  api PUT "/bench/naive/sales/$naive/stock" >/dev/null || die "could not give sale $naive its naive counter"
done
say "sales: measured $SALE (pay within $PAY_WITHIN), naive $NAIVE; warm-ups $SALE_WARMUP, $NAIVE_WARMUP; $UNITS units each"

# --- the rush -------------------------------------------------------------------------------------
# wrk_run NAME URL_PATH SECONDS: one wrk run of sale-orders.lua; its RESULT line in $OUT/NAME.out
wrk_run() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${3}s" --timeout 10s -s "$HERE/sale-orders.lua" "$BASE" \
      -- "$OUT/sale-buyers-now.tokens" "$2" "$RUN_ID$1" "$THREADS" >"$OUT/sale-$1.out" 2>&1 \
    || { cat "$OUT/sale-$1.out" >&2; die "wrk failed ($1)"; }
  grep -q '^RESULT' "$OUT/sale-$1.out" || { cat "$OUT/sale-$1.out" >&2; die "wrk printed no result ($1)"; }
}
val() { awk -v k="$2" '/^RESULT/ {for (i = 2; i <= NF; i++) {split($i, kv, "="); if (kv[1] == k) print kv[2]}}' "$OUT/sale-$1.out"; }
errors() {
  local sum=0 k
  for k in connect read write timeout unauthorized forbidden server_errors other conflict early; do sum=$((sum + $(val "$1" "$k"))); done
  echo "$sum"
}
# phase NAME MEASURED_PATH WARMUP_PATH
phase() {
  say "$1: ${WARMUP_SECONDS} s warm-up, then ${BENCH_SECONDS} s measured ($CONNECTIONS connections, $THREADS threads, $BUYERS buyers)"
  wrk_run "$1-warmup" "$3" "$WARMUP_SECONDS"
  wrk_run "$1" "$2" "$BENCH_SECONDS"
  say "$1: $(awk -v r="$(val "$1" requests)" -v d="$(val "$1" duration_us)" 'BEGIN {printf "%.0f", r / d * 1e6}') attempts/s, $(val "$1" ordered) orders answered, $(errors "$1") errors"
}
# a freshly started service compiles its token verification for longer than one warm-up: the first
# phase would be measured on a colder JVM than the others (seen: a no-op ceiling of 2,529/s after a
# restart against 5,443/s warm)
say "jvm: $(( 2 * WARMUP_SECONDS )) s of no-op clicks before the first phase"
wrk_run jvm-warmup "/bench/noop/sales/$SALE_WARMUP/orders" "$(( 2 * WARMUP_SECONDS ))"
phase noop "/bench/noop/sales/$SALE/orders" "/bench/noop/sales/$SALE_WARMUP/orders"
phase naive "/bench/naive/sales/$NAIVE/orders" "/bench/naive/sales/$NAIVE_WARMUP/orders"
phase sale "/sales/$SALE/orders" "/sales/$SALE_WARMUP/orders"

# --- the orders, as the server has them -----------------------------------------------------------
# orders_of SALE: "orders buyers duplicated states" from GET /sales/{id}/orders, every page
orders_of() {
  local page=0 total=1 all="$OUT/sale-orders-$1.json"
  : >"$all"
  while (( page * 100 < total )); do
    api GET "/sales/$1/orders?page=$page&size=100" >"$OUT/page.json" || return 1
    total=$(jq -r .total "$OUT/page.json")
    jq -c '.items[]' "$OUT/page.json" >>"$all"
    page=$((page + 1))
    (( page <= 1000 )) || break # offset paging stops at 10,000 rows: enough for the default 1,000 units
  done
  jq -s -r --argjson total "$total" '(map(.buyerId) | group_by(.) | map(length)) as $per
      | "\($total) \($per | length) \($per | map(select(. > 1)) | length) \(map(.order.state) | group_by(.) | map("\(.[0])=\(length)") | join(","))"' "$all"
}
read -r sale_orders sale_buyers sale_dups sale_states < <(orders_of "$SALE") || die "could not list the sale's orders"
read -r naive_orders naive_buyers naive_dups _ < <(orders_of "$NAIVE") || die "could not list the naive sale's orders"
sale_left=$(api GET "/sales/$SALE" | jq -r '"\(.unitsLeft) \(.state)"')

# --- the reservations lapse: every unit back, once ------------------------------------------------
say "expiry: waiting for the $sale_orders reservations of $SALE to lapse unpaid (pay within $PAY_WITHIN; at most $EXPIRY_WAIT s after)"
start=$SECONDS
deadline=$(( $(date +%s) + BENCH_SECONDS + 60 + EXPIRY_WAIT ))
until read -r left state < <(api GET "/sales/$SALE" | jq -r '"\(.unitsLeft) \(.state)"') && (( left >= UNITS )); do
  (( $(date +%s) < deadline )) || break
  sleep 2
done
back_after=$((SECONDS - start))
read -r _ _ _ expired_states < <(orders_of "$SALE")
resold=$(curl -sS -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $first" \
    -H "Idempotency-Key: resale-$RUN_ID" "$BASE/sales/$SALE/orders")
read -r left_after state_after < <(api GET "/sales/$SALE" | jq -r '"\(.unitsLeft) \(.state)"')

# --- figures --------------------------------------------------------------------------------------
{
  echo
  echo "sale bench $RUN_ID: $BENCH_SECONDS s per run after ${WARMUP_SECONDS} s warm-up, wrk $THREADS threads / $CONNECTIONS connections, $BUYERS distinct buyers rushing $UNITS units, 2 cores shared with the service"
  echo "buyer tokens: $TOKEN_FIGURE"
  printf '\n%-36s %11s %8s %9s %9s %7s %8s %8s %8s\n' RUN attempts/s 201 410 409-limit errors "p50 ms" "p99 ms" "max ms"
  for run in noop naive sale; do
    awk -v name="$run" -v r="$(val $run requests)" -v d="$(val $run duration_us)" -v o="$(val $run ordered)" \
        -v so="$(val $run sold_out)" -v l="$(val $run limit)" -v e="$(errors $run)" -v p50="$(val $run p50_us)" \
        -v p99="$(val $run p99_us)" -v mx="$(val $run max_us)" 'BEGIN {
      label["noop"] = "no-op (HTTP ceiling, same auth)"; label["naive"] = "naive (stock = stock - 1, one row)"
      label["sale"] = "flash sale (unit rows + memory)"
      printf "%-36s %11.0f %8d %9d %9d %7d %8.2f %8.2f %8.2f\n", label[name], r / (d / 1e6), o, so, l, e, p50 / 1000, p99 / 1000, mx / 1000 }'
  done
  for run in noop naive sale; do
    if (( $(errors $run) > 0 || $(val $run busy) > 0 )); then
      echo "  errors of $run: socket connect $(val $run connect) read $(val $run read) write $(val $run write) timeout $(val $run timeout), 401 $(val $run unauthorized), 403 $(val $run forbidden), 409 other $(val $run conflict), not-started $(val $run early), 503 $(val $run busy), 5xx $(val $run server_errors), other $(val $run other) (last unexpected status $(val $run last_unexpected))"
    fi
  done
  echo
  awk -v s="$(val sale requests)" -v sd="$(val sale duration_us)" -v n="$(val noop requests)" -v nd="$(val noop duration_us)" \
      -v v="$(val naive requests)" -v vd="$(val naive duration_us)" -v p99="$(val sale p99_us)" -v np99="$(val noop p99_us)" \
      -v err="$(errors sale)" 'BEGIN {
    sale = s / sd; noop = n / nd; naive = v / vd
    printf "%-46s %8.2f   target >= 0.60       %s\n", "sale / no-op ceiling (attempts/s)", sale / noop, (sale / noop >= 0.60 ? "met" : "NOT met")
    printf "%-46s %7.1fx   target >= 5x         %s\n", "sale / naive (attempts/s)", sale / naive, (sale / naive >= 5 ? "met" : "NOT met")
    printf "%-46s %8.2f   target <= 1.50       %s  (%.2f ms / %.2f ms)\n", "sale p99 / no-op p99", p99 / np99, (p99 <= 1.5 * np99 ? "met" : "NOT met"), p99 / 1000, np99 / 1000
    printf "%-46s %8d   target 0             %s\n", "sale errors", err, (err == 0 ? "met" : "NOT met")
  }'
  echo
  awk -v u="$UNITS" -v o="$sale_orders" -v b="$sale_buyers" -v d="$sale_dups" -v st="$sale_states" -v left="$sale_left" \
      -v a="$(val sale ordered)" -v fl="$(val sale in_flight)" 'BEGIN {
    printf "sale: %d orders on the server (%s), %d 201s read by wrk (+%d in flight at its deadline)   target exactly %d  %s\n", o, st, a, fl, u, (o == u ? "met" : "NOT met")
    printf "sale: oversold %d   target 0  %s; duplicates (buyers with more than one order) %d   target 0  %s; units left %s\n", (o > u ? o - u : 0), (o <= u ? "met" : "NOT met"), d, (d == 0 ? "met" : "NOT met"), left
  }'
  echo "naive: $naive_orders orders on the server for $naive_buyers buyers ($naive_dups buyers with more than one: the naive path checks no limit)"
  awk -v u="$UNITS" -v left="$left" -v after="$back_after" -v st="$expired_states" -v resold="$resold" \
      -v la="$left_after" -v sa="$state_after" 'BEGIN {
    printf "expiry: %d of %d units back in stock %d s after the measured run was checked (orders: %s)   target exactly %d  %s\n", left, u, after, st, u, (left == u ? "met" : "NOT met")
    printf "expiry: a buyer orders again after the return: HTTP %s (units left then %s, %s)   %s\n", resold, la, sa, (resold == 201 && la == u - 1 ? "met" : "NOT met")
  }'
} | tee "$OUT/sale-$RUN_ID.txt"
say "figures kept in $OUT/sale-$RUN_ID.txt; wrk output in $OUT/sale-*.out"
