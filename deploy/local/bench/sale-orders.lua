-- wrk script of ./platform bench sale: many distinct buyers rush one flash sale, each click a new
-- Idempotency-Key. Requests take the thread's buyer tokens round-robin (each thread has its own
-- share of the buyers, so a buyer's answers are all counted by one thread).
--
--   wrk -t THREADS ... -s sale-orders.lua URL -- TOKENS_FILE PATH RUN_ID THREADS
-- done() prints one line "RESULT key=value ..." for sale.sh (latencies in microseconds):
-- ordered = 201, repeated = 200, limit = 409 limit-reached, early = 409 not-started, sold_out = 410,
-- busy = 503; in_flight = requests wrk sent and stopped waiting for at its deadline (their answers,
-- maybe a 201, are never read). wrk does not say which request an answer belongs to, so orders per
-- buyer (duplicates) are counted on the server: sale.sh lists the sale's orders afterwards.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

function init(args)
  local file, nthreads = args[1], tonumber(args[4])
  path, run = args[2], args[3]
  bearers = {}
  local n = 0
  for token in io.lines(file) do
    if n % nthreads == tid - 1 then table.insert(bearers, "Bearer " .. token) end
    n = n + 1
  end
  assert(#bearers > 0, "no buyer tokens for thread " .. tid .. " in " .. file)
  turn, sent, answered = 0, 0, 0
  s201, s200, limit, early, s409, s410, s503, s401, s403, s5xx, other, last_other = 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
  headers = {}
end

function request()
  turn = turn % #bearers + 1
  sent = sent + 1
  headers["Authorization"] = bearers[turn]
  headers["Idempotency-Key"] = string.format("%s-%d-%d", run, tid, sent)
  return wrk.format("POST", path, headers)
end

function response(status, _, body)
  answered = answered + 1
  if status == 201 then s201 = s201 + 1
  elseif status == 200 then s200 = s200 + 1
  elseif status == 409 then
    if body and body:find("limit-reached", 1, true) then limit = limit + 1
    elseif body and body:find("not-started", 1, true) then early = early + 1
    else s409 = s409 + 1 end
  elseif status == 410 then s410 = s410 + 1
  elseif status == 503 then s503 = s503 + 1
  elseif status == 401 then s401 = s401 + 1
  elseif status == 403 then s403 = s403 + 1
  elseif status >= 500 then s5xx = s5xx + 1; last_other = status
  else other = other + 1; last_other = status
  end
end

function done(summary, latency, _)
  local keys = { "s201", "s200", "limit", "early", "s409", "s410", "s503", "s401", "s403", "s5xx", "other", "sent", "answered" }
  local sum, last = {}, 0
  for _, k in ipairs(keys) do sum[k] = 0 end
  for _, t in ipairs(threads) do
    for _, k in ipairs(keys) do sum[k] = sum[k] + t:get(k) end
    if t:get("last_other") ~= 0 then last = t:get("last_other") end
  end
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d ordered=%d repeated=%d limit=%d early=%d conflict=%d"
      .. " sold_out=%d busy=%d unauthorized=%d forbidden=%d server_errors=%d other=%d last_unexpected=%d"
      .. " connect=%d read=%d write=%d timeout=%d in_flight=%d p50_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, sum.s201, sum.s200, sum.limit, sum.early, sum.s409,
    sum.s410, sum.s503, sum.s401, sum.s403, sum.s5xx, sum.other, last,
    e.connect, e.read, e.write, e.timeout, sum.sent - sum.answered,
    latency:percentile(50), latency:percentile(99), latency.max))
end
