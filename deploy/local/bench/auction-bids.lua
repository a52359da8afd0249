-- wrk script of ./platform bench auction: many bidders on one hot lot, each bid "current price +
-- increment" from a stale read. Every thread bids its last-known minimumNextBidFen (all requests in
-- flight carry the same, stale figure, so most lose to whichever lands first) and learns the new one
-- from every answer: 201 accepted, 409 outbid / already leading, 422 below the increment.
-- Requests take the thread's bidder tokens round-robin; each has its own Idempotency-Key.
--
--   wrk -t THREADS ... -s auction-bids.lua URL -- TOKENS_FILE PATH FIRST_BID RUN_ID THREADS
-- done() prints one line "RESULT key=value ..." for auction.sh (latencies in microseconds);
-- in_flight = requests sent but never answered: wrk stops at the deadline without waiting for them,
-- so the server may have accepted a few bids whose 201 nobody read.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

function init(args)
  local file, nthreads = args[1], tonumber(args[5])
  path, next_bid, run = args[2], tonumber(args[3]), args[4]
  bearers = {}
  local n = 0
  for token in io.lines(file) do
    if n % nthreads == tid - 1 then table.insert(bearers, "Bearer " .. token) end
    n = n + 1
  end
  assert(#bearers > 0, "no bidder tokens for thread " .. tid .. " in " .. file)
  turn, sent, answered = 0, 0, 0
  s201, s409, leading, s422, s401, s403, s5xx, other, last_other = 0, 0, 0, 0, 0, 0, 0, 0, 0
  headers = { ["Content-Type"] = "application/json" }
end

function request()
  turn = turn % #bearers + 1
  sent = sent + 1
  headers["Authorization"] = bearers[turn]
  headers["Idempotency-Key"] = string.format("%s-%d-%d", run, tid, sent)
  return wrk.format("POST", path, headers, string.format('{"maxFen":%d}', next_bid))
end

function response(status, _, body)
  answered = answered + 1
  if status == 201 then s201 = s201 + 1
  elseif status == 409 then
    s409 = s409 + 1
    if body and body:find("already-leading", 1, true) then leading = leading + 1 end
  elseif status == 422 then s422 = s422 + 1
  elseif status == 401 then s401 = s401 + 1
  elseif status == 403 then s403 = s403 + 1
  elseif status >= 500 then s5xx = s5xx + 1; last_other = status
  else other = other + 1; last_other = status
  end
  local seen = body and body:match('"minimumNextBidFen":(%d+)')
  if seen then
    seen = tonumber(seen)
    -- the minimum only rises; an answer overtaken by a newer one must not lower it
    if seen > next_bid then next_bid = seen end
  end
end

function done(summary, latency, _)
  local keys = { "s201", "s409", "leading", "s422", "s401", "s403", "s5xx", "other", "sent", "answered" }
  local sum, last = {}, 0
  for _, k in ipairs(keys) do sum[k] = 0 end
  for _, t in ipairs(threads) do
    for _, k in ipairs(keys) do sum[k] = sum[k] + t:get(k) end
    if t:get("last_other") ~= 0 then last = t:get("last_other") end
  end
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d accepted=%d outbid=%d leading=%d below=%d"
      .. " unauthorized=%d forbidden=%d server_errors=%d other=%d last_unexpected=%d"
      .. " connect=%d read=%d write=%d timeout=%d in_flight=%d p50_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, sum.s201, sum.s409, sum.leading, sum.s422,
    sum.s401, sum.s403, sum.s5xx, sum.other, last,
    e.connect, e.read, e.write, e.timeout, sum.sent - sum.answered,
    latency:percentile(50), latency:percentile(99), latency.max))
end
