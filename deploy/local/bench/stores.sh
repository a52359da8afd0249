#!/usr/bin/env bash
# Nearest-site search over the whole generated network (3,000 stores + 40,000 outlets), from random
# points weighted like the cities, against the running store-network-service, with wrk on loopback.
# The same run measures /bench/noop behind the same authentication as the ceiling, and prints the
# query plan (EXPLAIN ANALYZE) of a search. Targets: search >= 0.35 of the ceiling, p99 <= 10 ms.
#   ./platform bench stores [seconds per run, default 20] [connections, default 16]
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
source "$ROOT/deploy/local/lib/bench.sh"
source "$ROOT/deploy/local/lib/keycloak.sh"
DURATION=${1:-20}
CONNECTIONS=${2:-16}
BASE=http://127.0.0.1:8085

http_ok "$BASE/q/health/ready" || die "store-network-service is not ready on $BASE: run ./platform up first"
bench_wrk
sites=$(PGPASSWORD=stores psql -h 127.0.0.1 -U stores -d stores -tAc "select count(*) from site where closed_at is null")
(( sites >= 43000 )) || die "the network has $sites open sites, not the 43,000 ./platform up seeds"

BENCH_TOKEN=$(bench_token alice)
OPERATOR=$(bench_token olga)
export BENCH_TOKEN
CITIES=$(grep -v '^#' "$ROOT/store-network-service/src/main/resources/cities.csv" | tr '\n' ';')
export CITIES

# run NAME SCRIPT [CONNECTIONS]: one table row (bench_row) of a wrk script
run() { bench_row "stores-$1" "${3:-$CONNECTIONS}" -s "$ROOT/deploy/local/bench/$2" "$BASE"; }

say "network: $sites open sites; wrk: ${DURATION}s per run, $CONNECTIONS connections, 2 threads, sharing the 2 cores"
printf '\n%-34s %10s %9s %9s  %s\n' RUN "req/s" p50 p99 errors
# ceiling and search alternate, twice: this machine's load drifts within a minute, and a ratio of
# rows measured side by side drifts less than one of rows a minute apart
for round in 1 2; do
  run "ceiling-noop-authenticated-$round" stores-noop.lua
  run "nearest-10-by-capability-$round" stores-search.lua
done
# the same at light load (4 connections): what one search costs when it does not queue behind others
run ceiling-noop-4-connections stores-noop.lua 4
run nearest-10-4-connections stores-search.lua 4
echo
ratio() { awk -v a="$(cat "$STATE/bench-stores-$1.rps")" -v b="$(cat "$STATE/bench-stores-$2.rps")" 'BEGIN {printf "%.2f", a / b}'; }
say "search / ceiling (target >= 0.35): round 1 $(ratio nearest-10-by-capability-1 ceiling-noop-authenticated-1)," \
    "round 2 $(ratio nearest-10-by-capability-2 ceiling-noop-authenticated-2)," \
    "4 connections $(ratio nearest-10-4-connections ceiling-noop-4-connections); p99 target <= 10 ms: see the table"

say "the plan of one search (Guangzhou, battery swap, open now, a free slot tomorrow):"
tomorrow=$(TZ=Asia/Shanghai date -d tomorrow +%F)
now=$(date -u +%FT%TZ)
curl -fsS -H "Authorization: Bearer $OPERATOR" \
    "$BASE/bench/plan?latitude=23.1291&longitude=113.2644&capability=BATTERY_SWAP&openAt=$now&freeOn=$tomorrow"
