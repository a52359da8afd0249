#!/usr/bin/env bash
# One hot lot, thousands of bidders: the auction engine under wrk (auction-bids.lua: each bid is
# "current price + increment" from a stale read), against the running auction-service on loopback.
# The same run measures the same load on a no-op endpoint of the same server behind the same
# authentication (the HTTP ceiling) and on the naive one-transaction SELECT … FOR UPDATE design,
# checks the bid logs afterwards, then measures SSE watchers of a lot while it takes bids.
#   ./platform bench auction
# Settings, from the environment (defaults = the issue's figures):
#   BENCH_SECONDS=60 per measured run, WARMUP_SECONDS=10 before each, BIDDERS=2000 distinct buyers
#   (Keycloak users bench-0001..., created once, passwords bench-NNNN-pw), CONNECTIONS=64 and
#   THREADS=2 for wrk, WATCHERS=10000 SSE streams, WATCH_CONNECTIONS=CONNECTIONS (the bidding while
#   they watch, at the engine row's connection count), TOKEN_PARALLELISM=4 password grants at once,
#   REPLICA=http://127.0.0.1:8087 the second auction replica (the "through the non-owner" row).
#   PROFILE=1 records JFR of both replicas during the "through the non-owner" row and prints their
#   hottest methods after the figures (the answer to "what bounds it").
#   A quick run: BENCH_SECONDS=10 BIDDERS=200 WATCHERS=500 ./platform bench auction
# Why 64 connections: wrk is a closed loop, so connections = requests in flight, and by Little's
# law latency = connections / throughput. Two cores saturate at about 64 (the no-op ceiling does
# not rise beyond it, NOTES.md: 14,500/s with p99 20 ms at 64, 45 ms at 200); more connections
# only add queueing to every row alike. The 2,000 bidders share them, one token per request.
set -euo pipefail
# shellcheck source=../lib/common.sh
source "$(dirname "$0")/../lib/common.sh"
for part in jdk kafka keycloak bench; do
  # shellcheck source=/dev/null
  source "$ROOT/deploy/local/lib/$part.sh"
done

BENCH_SECONDS=${BENCH_SECONDS:-60}
WARMUP_SECONDS=${WARMUP_SECONDS:-10}
BIDDERS=${BIDDERS:-2000}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
WATCHERS=${WATCHERS:-10000}
WATCH_CONNECTIONS=${WATCH_CONNECTIONS:-$CONNECTIONS}
WATCH_RAMP_SECONDS=${WATCH_RAMP_SECONDS:-120}
TOKEN_PARALLELISM=${TOKEN_PARALLELISM:-4}
for setting in BENCH_SECONDS WARMUP_SECONDS BIDDERS CONNECTIONS THREADS WATCHERS WATCH_CONNECTIONS \
    WATCH_RAMP_SECONDS TOKEN_PARALLELISM; do
  [[ "${!setting}" =~ ^[1-9][0-9]*$ ]] || die "$setting must be a positive whole number (is '${!setting}')"
done
(( BIDDERS <= 9999 )) || die "BIDDERS: at most 9999 (users bench-0001..bench-9999)"
(( CONNECTIONS >= THREADS && WATCH_CONNECTIONS >= THREADS )) || die "CONNECTIONS and WATCH_CONNECTIONS must be >= THREADS"

BASE=http://127.0.0.1:8082
REPLICA=${REPLICA:-http://127.0.0.1:8087}
HERE="$ROOT/deploy/local/bench"
OUT="$STATE/bench"
TOKENS="$OUT/tokens.txt"          # one access token a line, bench-0001 first: what the Lua script reads
CACHE="$OUT/bidders.tsv"          # username, user id, expiry, key id, token: reused while valid
RUN_ID="b$(date +%m%d%H%M%S)"
mkdir -p "$OUT"

# --- preconditions -------------------------------------------------------------------------------
select_jdk
command -v jq >/dev/null || die "jq is needed (apt-get install -y jq)"
http_ok "$BASE/q/health/ready" || die "auction-service is not ready on $BASE: run ./platform up first"
http_ok "$REALM_URL/.well-known/openid-configuration" || die "Keycloak does not answer on $KEYCLOAK_URL: run ./platform up first"
port_open "$KAFKA_PORT" || die "Kafka does not answer on $KAFKA_BOOTSTRAP: run ./platform up first"
bench_wrk
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
(( $(ulimit -n) > WATCHERS + 500 )) || die "WATCHERS=$WATCHERS needs more file descriptors than ulimit -n $(ulimit -n) allows"
service_pid=$(pid_of auction-service || true)
replica_pid=$(pid_of auction-service-2 || true)
CLK_TCK=$(getconf CLK_TCK)
PROFILE=${PROFILE:-0}
if [ -n "$service_pid" ] && [ -r "/proc/$service_pid/limits" ]; then
  service_fds=$(awk '/Max open files/ {print $4}' "/proc/$service_pid/limits")
  [[ "$service_fds" =~ ^[0-9]+$ ]] && (( service_fds < WATCHERS + 500 )) \
    && warn "auction-service may open only $service_fds files: too few for $WATCHERS watchers"
fi

if pgrep -f 'mvnw|maven' >/dev/null; then
  warn "a Maven build or test run is using this machine's 2 cores too: expect lower figures (pgrep -fa mvnw)"
fi

OPERATOR=$(bench_token olga) || die "no token for olga from the 'bench' client: does the realm have it? (a changed deploy/keycloak/goodcar-realm.json is imported by ./platform up)"

# the bench endpoints answer 409 (not open) for a lot that does not exist; 404 when they are off
probe=$(curl -sS -o /dev/null -w '%{http_code}' -X PUT -H "Authorization: Bearer $OPERATOR" \
    "$BASE/bench/naive/auctions/no-such-lot/takeover")
[ "$probe" = 409 ] || die "auction-service has no bench endpoints (PUT /bench/naive/auctions/x/takeover answered $probe): start it with AUCTION_BENCH_ENDPOINTS=true (deploy/local/env/auction-service.env) and a build that has them (./platform up --build)"

# --- bidders: Keycloak users and their tokens -----------------------------------------------------
start=$SECONDS
admin=$(keycloak_admin_token) || die "no Keycloak admin token (admin/admin on the master realm)"
existing=$(curl -fsS -H "Authorization: Bearer $admin" "$KEYCLOAK_URL/admin/realms/goodcar/users/count?search=bench-") \
  || die "could not count the bench users"
if (( existing < BIDDERS )); then
  say "keycloak: creating buyers bench-0001..bench-$(printf %04d "$BIDDERS") ($existing exist; 250 a call, each password hashed once)"
  for ((from = 1; from <= BIDDERS; from += 250)); do
    to=$(( from + 249 < BIDDERS ? from + 249 : BIDDERS ))
    admin=$(keycloak_admin_token) || die "no Keycloak admin token (admin/admin on the master realm)"
    seq -f 'bench-%04g' "$from" "$to" | jq -R -s '{ifResourceExists: "SKIP", users: [split("\n")[] | select(length > 0)
        | {username: ., enabled: true, emailVerified: true, firstName: "Bench", lastName: "Bidder",
           email: (. + "@bench.goodcar.example"), realmRoles: ["buyer"],
           credentials: [{type: "password", value: (. + "-pw"), temporary: false}]}]}' \
      | curl -fsS --max-time 600 -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' -d @- \
          "$KEYCLOAK_URL/admin/realms/goodcar/partialImport" >"$OUT/import.json" \
      || die "partialImport of bench-$from..bench-$to failed"
    say "keycloak: bench-$(printf %04d "$to") done ($(jq -r '"\(.added) added, \(.skipped) skipped"' "$OUT/import.json"), $((SECONDS - start)) s)"
  done
fi

kid=$(curl -fsS "$REALM_URL/protocol/openid-connect/certs" | jq -r '[.keys[] | select(.use == "sig" and .alg == "RS256")][0].kid')
# tokens must outlive the whole run: 4 wrk phases with warm-ups, the watcher phase, set-up and checks
need_until=$(( $(date +%s) + 5 * (BENCH_SECONDS + WARMUP_SECONDS) + WATCH_RAMP_SECONDS + 300 ))
declare -A cached=()
if [ -f "$CACHE" ]; then
  while IFS=$'\t' read -r user sub exp key tok; do
    [ "$key" = "$kid" ] && (( exp >= need_until )) && cached[$user]="$user"$'\t'"$sub"$'\t'"$exp"$'\t'"$key"$'\t'"$tok"
  done <"$CACHE"
fi
missing=()
for ((i = 1; i <= BIDDERS; i++)); do
  user=$(printf 'bench-%04d' "$i")
  [ -n "${cached[$user]:-}" ] || missing+=("$user")
done

# fetch_tokens USER...: "user<TAB>token" lines (run by xargs, TOKEN_PARALLELISM at once)
fetch_tokens() {
  local user answer
  for user in "$@"; do
    if answer=$(curl -sS --max-time 120 -d grant_type=password -d client_id=bench -d "username=$user" \
        -d "password=$user-pw" "$TOKEN_URL") && [ "$(jq -r '.access_token // empty' <<<"$answer")" != "" ]; then
      printf '%s\t%s\n' "$user" "$(jq -r .access_token <<<"$answer")"
    else
      printf 'token for %s failed: %s\n' "$user" "$answer" >&2
    fi
  done
}
export -f fetch_tokens
export TOKEN_URL="$REALM_URL/protocol/openid-connect/token"

start=$SECONDS
if (( ${#missing[@]} > 0 )); then
  say "keycloak: ${#missing[@]} password grants for bidder tokens ($TOKEN_PARALLELISM at once; ${#cached[@]} reused)"
  : >"$OUT/fetched.tsv"
  printf '%s\n' "${missing[@]}" | xargs -P "$TOKEN_PARALLELISM" -n 20 bash -c 'fetch_tokens "$@"' _ \
      2>"$OUT/fetch-errors.log" | cat >"$OUT/fetched.tsv" &
  fetcher=$!
  while kill -0 "$fetcher" 2>/dev/null; do
    sleep 5
    say "keycloak: $(wc -l <"$OUT/fetched.tsv") of ${#missing[@]} tokens ($((SECONDS - start)) s)"
  done
  wait "$fetcher" || true
  got=$(wc -l <"$OUT/fetched.tsv")
  (( got == ${#missing[@]} )) || { head -3 "$OUT/fetch-errors.log" >&2; die "got $got of ${#missing[@]} bidder tokens (errors: $OUT/fetch-errors.log)"; }
  elapsed=$((SECONDS - start))
  # user id (sub), expiry and key id out of each token
  jq -R -r 'split("\t") as [$u, $t] | ($t | split(".") | map(gsub("-"; "+") | gsub("_"; "/"))) as $p
      | ($p[0] | @base64d | fromjson) as $h | ($p[1] | @base64d | fromjson) as $c
      | [$u, $c.sub, $c.exp, $h.kid, $t] | @tsv' "$OUT/fetched.tsv" >"$OUT/fetched-decoded.tsv"
  for line in "${cached[@]}"; do printf '%s\n' "$line"; done | cat - "$OUT/fetched-decoded.tsv" | sort >"$CACHE"
  TOKEN_FIGURE="${#missing[@]} tokens in ${elapsed} s ($TOKEN_PARALLELISM password grants at once), ${#cached[@]} reused"
else
  TOKEN_FIGURE="all $BIDDERS tokens reused from $CACHE (valid past the run)"
fi
say "bidder tokens: $TOKEN_FIGURE"
# bench-0001..bench-BIDDERS in order (the cache is sorted; the names are zero-padded)
awk -F'\t' -v n="$BIDDERS" '{u = substr($1, 7) + 0} u >= 1 && u <= n' "$CACHE" >"$OUT/bidders-now.tsv"
(( $(wc -l <"$OUT/bidders-now.tsv") == BIDDERS )) || die "the token cache lacks bidders; remove $CACHE and run again"
cut -f5 "$OUT/bidders-now.tsv" >"$TOKENS"

# --- lots and deposit holds -----------------------------------------------------------------------
# new_lot LETTER TITLE: a lot open now, ending long after the run (no soft close during it); prints its id
new_lot() {
  local opens ends
  opens=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  ends=$(date -u -d "+$(( need_until - $(date +%s) + 1800 )) seconds" +%Y-%m-%dT%H:%M:%SZ)
  api POST /auctions "{\"editionCode\":\"AION-UT-SUPER-NGC001\",\"title\":\"bench $RUN_ID $2\",\"opensAt\":\"$opens\",\"endsAt\":\"$ends\"}" \
      "bench-$RUN_ID-$1" | jq -r .id
}
LOT_ENGINE=$(new_lot A engine) || die "could not create the bench lots"
LOT_NAIVE=$(new_lot B naive) || die "could not create the bench lots"
LOT_WATCH=$(new_lot C watched) || die "could not create the bench lots"
say "lots: engine $LOT_ENGINE, naive $LOT_NAIVE, watched $LOT_WATCH"
deposit=$(api GET "/auctions/$LOT_ENGINE" | jq -r .depositFen)

# every bidder's deposit held on every lot, as deposit-service will announce it: deposit.held.v1 on
# deposit.holds keyed by lot id, one event id (a UUID) and one hold id per hold
say "kafka: publishing $((3 * BIDDERS)) deposit.held.v1 events to deposit.holds"
[ -d "$KAFKA_LIB" ] || kafka_install
uuid=$(cat /proc/sys/kernel/random/uuid)
now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
n=0
for lot in "$LOT_ENGINE" "$LOT_NAIVE" "$LOT_WATCH"; do
  awk -F'\t' -v lot="$lot" -v fen="$deposit" -v at="$now" -v id="${uuid:0:24}" -v base="$n" -v run="$RUN_ID" '{
    hold = sprintf("hold-%s-%d", run, base + NR)
    printf "%s\t{\"id\":\"%s%012x\",\"specversion\":\"1.0\",\"type\":\"deposit.held.v1\",\"eventversion\":1,\"source\":\"/deposit-service\",\"subject\":\"%s\",\"time\":\"%s\",\"datacontenttype\":\"application/json\",\"data\":{\"holdId\":\"%s\",\"lotId\":\"%s\",\"userId\":\"%s\",\"amountFen\":%d,\"heldAt\":\"%s\"}}\n",
      lot, id, base + NR, hold, at, hold, lot, $2, fen, at
  }' "$OUT/bidders-now.tsv"
  n=$((n + BIDDERS))
done >"$OUT/holds.tsv"
java -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$KAFKA_LIB/*" org.apache.kafka.tools.ConsoleProducer \
    --bootstrap-server "$KAFKA_BOOTSTRAP" --topic deposit.holds --producer-property acks=all \
    --property parse.key=true --property key.separator=$'\t' <"$OUT/holds.tsv" >"$LOGS/bench-holds.log" 2>&1 \
  || { show_log bench-holds; die "could not publish the deposit events"; }
start=$SECONDS
for lot in "$LOT_ENGINE" "$LOT_NAIVE" "$LOT_WATCH"; do
  until active=$(api GET "/auctions/$lot/holds" | jq -r .active) && (( ${active:-0} >= BIDDERS )); do
    (( SECONDS - start < 60 + BIDDERS / 20 )) || die "lot $lot: ${active:-?} of $BIDDERS holds after $((SECONDS - start)) s (is auction-service consuming deposit.holds?)"
    say "holds on $lot: ${active:-?} of $BIDDERS ($((SECONDS - start)) s)"
    sleep 3
  done
done
say "holds: $BIDDERS bidders may bid on each lot ($((SECONDS - start)) s after publishing)"

# --- bidding --------------------------------------------------------------------------------------
# wrk_run NAME URL_PATH LOT CONNECTIONS SECONDS [BASE]: one wrk run of auction-bids.lua; its RESULT line in $OUT/NAME.out
wrk_run() {
  local name=$1 path=$2 lot=$3 connections=$4 seconds=$5 base=${6:-$BASE} first
  first=$(api GET "/auctions/$lot" | jq -r .minimumNextBidFen)
  local gc_before gc_after
  gc_before=$(service_gc)
  local owner_before replica_before
  owner_before=$(cpu_ticks "$service_pid"); replica_before=$(cpu_ticks "$replica_pid")
  local TIMEFORMAT='%U %S'
  { time wrk -t"$THREADS" -c"$connections" -d"${seconds}s" --timeout 10s -s "$HERE/auction-bids.lua" "$base" \
      -- "$TOKENS" "$path" "$first" "$RUN_ID$name" "$THREADS" >"$OUT/$name.out" 2>&1 ; } 2>"$OUT/$name.cpu" \
    || { cat "$OUT/$name.out" >&2; die "wrk failed ($name)"; }
  # the cores each process used during the run: the servers', and the measuring client's own
  awk -v o="$(( $(cpu_ticks "$service_pid") - owner_before ))" -v r="$(( $(cpu_ticks "$replica_pid") - replica_before ))" \
      -v t="$CLK_TCK" -v s="$seconds" '{printf "RESULT cores_8082=%.2f cores_8087=%.2f cores_wrk=%.2f\n", o / t / s, r / t / s, ($1 + $2) / s}' \
      "$OUT/$name.cpu" >>"$OUT/$name.out"
  grep -q '^RESULT' "$OUT/$name.out" || { cat "$OUT/$name.out" >&2; die "wrk printed no result ($name)"; }
  gc_after=$(service_gc)
  if [ -n "$gc_before" ] && [ -n "$gc_after" ]; then
    awk -v b="$gc_before" -v a="$gc_after" 'BEGIN {split(b, x, " "); split(a, y, " ")
      printf "RESULT full_gcs=%d full_gc_ms=%d\n", y[1] - x[1], (y[2] - x[2]) * 1000}' >>"$OUT/$name.out"
  fi
}
# cpu_ticks PID: user + system clock ticks the process used so far (0 without one)
cpu_ticks() {
  if [ -n "$1" ] && [ -r "/proc/$1/stat" ]; then awk '{print $14 + $15}' "/proc/$1/stat"; else echo 0; fi
}
# service_gc: "count seconds" of auction-service's full collections so far (jstat), or nothing
service_gc() {
  [ -n "$service_pid" ] || return 0
  jstat -gcutil "$service_pid" 2>/dev/null | awk 'NR == 1 {for (i = 1; i <= NF; i++) col[$i] = i}
      NR == 2 {print $col["FGC"], $col["FGCT"]}' || true
}
# val NAME KEY: a figure of run NAME
val() { awk -v k="$2" '/^RESULT/ {for (i = 2; i <= NF; i++) {split($i, kv, "="); if (kv[1] == k) print kv[2]}}' "$OUT/$1.out"; }
errors() {
  local sum=0 k
  for k in connect read write timeout unauthorized forbidden server_errors other; do sum=$((sum + $(val "$1" "$k"))); done
  echo "$sum"
}
# phase NAME PATH LOT [BASE]: warm-up, then the measured run
phase() {
  say "$1: ${WARMUP_SECONDS} s warm-up, then ${BENCH_SECONDS} s measured ($CONNECTIONS connections, $THREADS threads, $BIDDERS bidders${4:+, through $4})"
  wrk_run "$1-warmup" "$2" "$3" "$CONNECTIONS" "$WARMUP_SECONDS" "${4:-$BASE}"
  wrk_run "$1" "$2" "$3" "$CONNECTIONS" "$BENCH_SECONDS" "${4:-$BASE}"
  say "$1: $(awk -v r="$(val "$1" requests)" -v d="$(val "$1" duration_us)" 'BEGIN {printf "%.0f", r / d * 1e6}') attempts/s, $(errors "$1") errors"
}

released=yes
release_naive() {
  if [ "$released" = no ]; then api DELETE "/bench/naive/auctions/$LOT_NAIVE/takeover" >/dev/null && released=yes; fi
}
watchers_pid=
cleanup() {
  release_naive || warn "could not hand lot $LOT_NAIVE back: DELETE /bench/naive/auctions/$LOT_NAIVE/takeover"
  if [ -n "$watchers_pid" ]; then kill "$watchers_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT

phase noop "/bench/noop/auctions/$LOT_ENGINE/bids" "$LOT_ENGINE"
phase engine "/auctions/$LOT_ENGINE/bids" "$LOT_ENGINE"
# the same lot through the replica that does not write it (the engine run made $BASE its owner)
runs="noop engine"
if http_ok "$REPLICA/q/health/ready"; then
  if [ "$PROFILE" = 1 ]; then
    for pid in $service_pid $replica_pid; do
      jcmd "$pid" JFR.start name=bench settings=profile filename="$OUT/forwarded-$pid.jfr" >/dev/null \
        || warn "could not start JFR in $pid"
    done
  fi
  phase forwarded "/auctions/$LOT_ENGINE/bids" "$LOT_ENGINE" "$REPLICA"
  if [ "$PROFILE" = 1 ]; then
    for pid in $service_pid $replica_pid; do jcmd "$pid" JFR.stop name=bench >/dev/null || true; done
  fi
  runs="noop engine forwarded"
else
  warn "no second auction replica on $REPLICA: the 'through the non-owner' row is left out"
fi
api PUT "/bench/naive/auctions/$LOT_NAIVE/takeover" >/dev/null || die "the naive path could not take lot $LOT_NAIVE over"
released=no
phase naive "/bench/naive/auctions/$LOT_NAIVE/bids" "$LOT_NAIVE"
release_naive || die "could not hand lot $LOT_NAIVE back to the engine"

# --- the log of each lot: valid, and one entry per 201 -------------------------------------------
# check_log LOT RUNS...: cancels the lot (its final state publishes the maxima, so the server
# replays every bid through the rules), then compares the verified entries with the runs' 201s.
# wrk stops at its deadline without reading the answers still in flight; the server may have
# accepted some of those bids, so the log may hold up to that many entries more than 201s read.
check_log() {
  local lot=$1 accepted=0 in_flight=0 run verification
  shift
  for run in "$@"; do
    accepted=$((accepted + $(val "$run" accepted)))
    in_flight=$((in_flight + $(val "$run" in_flight)))
  done
  api POST "/auctions/$lot/cancel" >/dev/null || warn "could not cancel lot $lot: its chain is verified without the replay"
  verification=$(api GET "/auctions/$lot/log/verification") || { echo "lot $lot: the verification did not answer  NOT met"; return; }
  jq -r --argjson accepted "$accepted" --argjson flight "$in_flight" --arg lot "$lot" --arg runs "$*" '
      (.entries - $accepted) as $extra
      | "lot \($lot) (\($runs)): log valid \(.valid), replayed \(.replayed); \(.entries) entries = \($accepted) bids answered 201"
      + (if $extra > 0 then " + \($extra) of the \($flight) bids in flight when wrk stopped" elif $extra < 0 then " - \(-$extra) MISSING" else "" end)
      + (if .valid and $extra >= 0 and $extra <= $flight then "  met" else "  NOT met" end)
      + (if .problem then " (\(.problem) at entry \(.firstBadSeq))" else "" end)' <<<"$verification"
}

# --- SSE watchers on the lot while it takes bids --------------------------------------------------
# watchers on the replica that does not write the lot (bids go to $BASE, which becomes its owner):
# the owner's CPU is its bidders', the other replica fans the committed state out
WATCH_BASE=$BASE
if [[ " $runs " == *" forwarded "* ]]; then WATCH_BASE=$REPLICA; fi
say "watchers: opening $WATCHERS SSE streams of lot $LOT_WATCH on $WATCH_BASE (Watchers.java, one NIO thread)"
rm -f "$OUT/watchers.ready"
watch_pid=$service_pid
if [ "$WATCH_BASE" = "$REPLICA" ]; then watch_pid=$replica_pid; fi
rss_mib() { if [ -n "$1" ] && [ -r "/proc/$1/status" ]; then awk '/^VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; else echo 0; fi; }
rss_before=$(rss_mib "$watch_pid")
java -Xmx512m -XX:+UseSerialGC "$HERE/watchers/Watchers.java" "$WATCH_BASE/auctions/$LOT_WATCH/stream" "$WATCHERS" \
    "$BENCH_SECONDS" "$WATCH_RAMP_SECONDS" "$OUT/watchers.ready" >"$OUT/watchers.out" 2>&1 &
watchers_pid=$!
start=$SECONDS
until [ -s "$OUT/watchers.ready" ]; do
  kill -0 "$watchers_pid" 2>/dev/null || { cat "$OUT/watchers.out" >&2; die "the watcher client exited"; }
  (( SECONDS - start < WATCH_RAMP_SECONDS + 60 )) || die "the watchers did not get ready"
  sleep 1
  progress=$(grep '^\[watchers\]' "$OUT/watchers.out" | tail -1 || true)
  if (( (SECONDS - start) % 5 == 0 )) && [ -n "$progress" ]; then say "${progress#\[watchers\] }"; fi
done
rss_open=$(rss_mib "$watch_pid")
say "watchers: $(cat "$OUT/watchers.ready") streams open after $((SECONDS - start)) s (the serving process: RSS $rss_before → $rss_open MiB); bidding for ${BENCH_SECONDS} s ($WATCH_CONNECTIONS connections)"
wrk_run watched "/auctions/$LOT_WATCH/bids" "$LOT_WATCH" "$WATCH_CONNECTIONS" "$BENCH_SECONDS"
wait "$watchers_pid" || { cat "$OUT/watchers.out" >&2; die "the watcher client failed"; }
watchers_pid=
grep -q '^RESULT' "$OUT/watchers.out" || { cat "$OUT/watchers.out" >&2; die "the watcher client printed no result"; }
wval() { awk -v k="$1" '/^RESULT/ {for (i = 2; i <= NF; i++) {split($i, kv, "="); if (kv[1] == k) print kv[2]}}' "$OUT/watchers.out"; }

# --- figures --------------------------------------------------------------------------------------
{
  echo
  echo "auction bench $RUN_ID: $BENCH_SECONDS s per run after ${WARMUP_SECONDS} s warm-up, wrk $THREADS threads / $CONNECTIONS connections, $BIDDERS bidders, 2 cores shared with the service"
  echo "bidder tokens: $TOKEN_FIGURE"
  printf '\n%-28s %11s %11s %10s %8s %7s %8s %8s %8s %10s\n' RUN attempts/s accepted/s outbid/s 422 errors "p50 ms" "p99 ms" "max ms" "full GCs"
  for run in $runs naive watched; do
    gc=$(val $run full_gcs)
    gc=${gc:+$gc/$(( $(val $run full_gc_ms) / 1000 )).$(( $(val $run full_gc_ms) % 1000 / 100 ))s}
    awk -v gc="${gc:--}" -v name="$run" -v r="$(val $run requests)" -v d="$(val $run duration_us)" -v a="$(val $run accepted)" \
        -v o="$(val $run outbid)" -v b="$(val $run below)" -v e="$(errors $run)" -v p50="$(val $run p50_us)" \
        -v p99="$(val $run p99_us)" -v mx="$(val $run max_us)" 'BEGIN {
      label["noop"] = "no-op (HTTP ceiling)"; label["engine"] = "engine"; label["naive"] = "naive SELECT ... FOR UPDATE"
      label["watched"] = "engine, while watched"; label["forwarded"] = "engine via the non-owner"
      s = d / 1e6
      printf "%-28s %11.0f %11.1f %10.1f %8d %7d %8.2f %8.2f %8.2f %10s\n", label[name], r / s, a / s, o / s, b, e, p50 / 1000, p99 / 1000, mx / 1000, gc }'
  done
  for run in $runs naive watched; do
    if (( $(errors $run) > 0 )); then
      echo "  errors of $run: socket connect $(val $run connect) read $(val $run read) write $(val $run write) timeout $(val $run timeout), 401 $(val $run unauthorized), 403 $(val $run forbidden), 5xx $(val $run server_errors), other $(val $run other) (last unexpected status $(val $run last_unexpected))"
    fi
    if (( $(val $run leading) > 0 )); then echo "  $run: $(val $run leading) of the 409s were 'already leading'"; fi
    echo "  $run: cores used (of $(nproc)): auction-service $(val $run cores_8082), auction-service-2 $(val $run cores_8087), wrk $(val $run cores_wrk)"
  done
  echo
  awk -v e="$(val engine requests)" -v ed="$(val engine duration_us)" -v n="$(val noop requests)" -v nd="$(val noop duration_us)" \
      -v v="$(val naive requests)" -v vd="$(val naive duration_us)" -v p99="$(val engine p99_us)" -v np99="$(val noop p99_us)" \
      -v err="$(errors engine)" 'BEGIN {
    engine = e / ed; noop = n / nd; naive = v / vd
    printf "%-44s %8.2f   target >= 0.80  %s\n", "engine / no-op ceiling (attempts/s)", engine / noop, (engine / noop >= 0.80 ? "met" : "NOT met")
    printf "%-44s %8.2f   target <= 1.20  %s\n", "engine p99 / no-op ceiling p99", p99 / np99, (p99 <= 1.2 * np99 ? "met" : "NOT met")
    printf "%-44s %7.1fx   target >= 10x   %s\n", "engine / naive (attempts/s)", engine / naive, (engine / naive >= 10 ? "met" : "NOT met")
    printf "%-44s %8d   target 0        %s\n", "engine errors", err, (err == 0 ? "met" : "NOT met")
  }'
  if [[ " $runs " == *" forwarded "* ]]; then
    awk -v f="$(val forwarded requests)" -v fd="$(val forwarded duration_us)" -v e="$(val engine requests)" -v ed="$(val engine duration_us)" \
        -v w="$(val watched requests)" -v wd="$(val watched duration_us)" 'BEGIN {
      printf "%-44s %8.2f   target >= 0.50  %s\n", "via the non-owner / direct (attempts/s)", (f / fd) / (e / ed), ((f / fd) / (e / ed) >= 0.5 ? "met" : "NOT met")
      printf "%-44s %8.2f   target >= 0.50  %s\n", "while watched / unwatched (attempts/s)", (w / wd) / (e / ed), ((w / wd) / (e / ed) >= 0.5 ? "met" : "NOT met")
    }'
  fi
  echo
  if [[ " $runs " == *" forwarded "* ]]; then check_log "$LOT_ENGINE" engine-warmup engine forwarded-warmup forwarded
  else check_log "$LOT_ENGINE" engine-warmup engine; fi
  check_log "$LOT_NAIVE" naive-warmup naive
  check_log "$LOT_WATCH" watched
  echo
  awk -v w="$WATCHERS" -v open="$(wval open)" -v ev="$(wval events)" -v rep="$(wval repeats)" -v p50="$(wval p50_us)" -v p99="$(wval p99_us)" \
      -v mx="$(wval max_us)" -v fc="$(wval failed_connect)" -v rf="$(wval refused)" -v cl="$(wval closed)" -v cpu="$(wval cpu_ms)" -v s="$BENCH_SECONDS" 'BEGIN {
    printf "watchers: %d of %d streams open to the end (%d failed to connect, %d refused, %d closed by the server)  %s\n", open, w, fc, rf, cl, (open == w ? "met" : "NOT met")
    printf "watchers: %d new states delivered in %d s (%.0f/s; %d heartbeat repeats not counted); staleness p50 %.1f ms, p99 %.1f ms, max %.1f ms   target p99 <= 300 ms  %s\n", ev, s, ev / s, rep, p50 / 1000, p99 / 1000, mx / 1000, (p99 <= 300000 && ev > 0 ? "met" : "NOT met")
    printf "watchers: the measuring client (one JVM, one thread) used %.1f s of CPU in the run\n", cpu / 1000
  }'
  echo "watchers: served by $WATCH_BASE, RSS $rss_before MiB before the streams, $rss_open MiB with them open"
  if [ "$PROFILE" = 1 ]; then
    for pid in $service_pid $replica_pid; do
      [ -f "$OUT/forwarded-$pid.jfr" ] || continue
      echo
      echo "JFR, via the non-owner row, pid $pid ($( [ "$pid" = "$service_pid" ] && echo "the owner, 8082" || echo "the non-owner, 8087")): hottest methods"
      jfr view --width 160 hot-methods "$OUT/forwarded-$pid.jfr" 2>/dev/null | sed -n '1,18p'
    done
  fi
} | tee "$OUT/auction-$RUN_ID.txt"
say "figures kept in $OUT/auction-$RUN_ID.txt; wrk and watcher output in $OUT/"
