-- wrk: the ceiling of ./platform bench stores: the same server, the same bearer token, no query
local token = os.getenv("BENCH_TOKEN")
request = function()
  return wrk.format("GET", "/bench/noop", {["Authorization"] = "Bearer " .. token})
end
