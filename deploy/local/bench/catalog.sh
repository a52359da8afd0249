#!/usr/bin/env bash
# Ranking reads of the "Defined by You" campaign at the seed's size (300,000 participants,
# 50,000 suggestions), against the running catalog-service, with wrk on loopback. The same run
# measures a no-op endpoint of the same server (/q/health/live) as the ceiling to compare with.
#   ./platform bench catalog [seconds per run, default 15] [connections, default 64]
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
source "$ROOT/deploy/local/lib/bench.sh"
DURATION=${1:-15}
CONNECTIONS=${2:-64}
BASE=http://127.0.0.1:8081

http_ok "$BASE/q/health/ready" || die "catalog-service is not ready on $BASE: run ./platform up first"
bench_wrk

say "seeding campaign scale-300k into the local catalog database"
start=$SECONDS
PGPASSWORD=catalog psql -q -h 127.0.0.1 -U catalog -d catalog -v ON_ERROR_STOP=1 \
    -f "$ROOT/catalog-service/src/test/resources/scale/campaign-300k.sql" >/dev/null
say "seeded in $((SECONDS - start)) s"

# the cursor that starts rank 20,001: what a client following "next" 1,000 pages deep would send
deep=$(PGPASSWORD=catalog psql -h 127.0.0.1 -U catalog -d catalog -tAc "select '20000.' || vote_count || '.' || id
    from suggestion where campaign_code = 'scale-300k' order by vote_count desc, id offset 19999 limit 1")

# run NAME URL: one table row (bench_row), after a 15-s warm-up
run() { WARMUP=${WARMUP:-15} bench_row "$1" "$CONNECTIONS" "$2"; }

say "wrk: ${DURATION}s per run, $CONNECTIONS connections, 2 threads, sharing the 2 cores with the service"
printf '\n%-34s %10s %9s %9s  %s\n' RUN "req/s" p50 p99 errors
run baseline-health-live "$BASE/q/health/live"
run ranking-top-20 "$BASE/campaigns/scale-300k/suggestions?page=0&size=20"
# offset paging stops at 10,000 rows (PageRequest.MAX_OFFSET): the deepest offset page a client may ask,
# and page 1,000 as asked by offset, which is now refused (400) before the database is touched
run ranking-page-500-offset "$BASE/campaigns/scale-300k/suggestions?page=499&size=20"
run ranking-page-1000-offset-refused "$BASE/campaigns/scale-300k/suggestions?page=1000&size=20"
run ranking-page-1000-cursor "$BASE/campaigns/scale-300k/suggestions?after=$deep&size=20"
run campaign-summary "$BASE/campaigns/scale-300k"
base=$(cat "$STATE/bench-baseline-health-live.rps")
echo
for r in ranking-top-20 ranking-page-500-offset ranking-page-1000-offset-refused ranking-page-1000-cursor campaign-summary; do
  awk -v n="$r" -v a="$(cat "$STATE/bench-$r.rps")" -v b="$base" 'BEGIN {printf "%-34s %5.1f %% of the no-op ceiling\n", n, 100 * a / b}'
done
