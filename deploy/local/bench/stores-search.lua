-- wrk: nearest-site searches from random points weighted like the network's cities (the platform's
-- cities.csv), each with a capability drawn as buyers would ask for them. The token comes from
-- the environment (BENCH_TOKEN); CITIES is "name,lat,lon,weight;..." from the bench script.
local token = os.getenv("BENCH_TOKEN")
local cities, total = {}, 0
for name, lat, lon, weight in string.gmatch(os.getenv("CITIES"), "([^,;]+),([^,;]+),([^,;]+),([^,;]+);") do
  total = total + tonumber(weight)
  cities[#cities + 1] = {lat = tonumber(lat), lon = tonumber(lon), upto = total, spread = 4 + 3 * math.sqrt(tonumber(weight))}
end
local capabilities = {
  {"MAINTENANCE", 0.40}, {"BATTERY_SWAP", 0.70}, {"VEHICLE_HANDOVER", 0.85},
  {"HOME_CHARGER_INSTALLATION", 0.95}, {"TRADE_IN_APPRAISAL", 1.0}}

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end

local function city()
  local u = math.random() * total
  for _, c in ipairs(cities) do
    if u < c.upto then return c end
  end
  return cities[#cities]
end

request = function()
  local c = city()
  -- a buyer somewhere in the city: normally distributed around its centre
  local km = math.abs(math.sqrt(-2 * math.log(1 - math.random())) * math.cos(2 * math.pi * math.random())) * c.spread
  local bearing = math.random() * 2 * math.pi
  local lat = c.lat + km * math.cos(bearing) / 111.32
  local lon = c.lon + km * math.sin(bearing) / (111.32 * math.cos(math.rad(c.lat)))
  local u, capability = math.random(), "MAINTENANCE"
  for _, k in ipairs(capabilities) do
    if u < k[2] then capability = k[1]; break end
  end
  local path = string.format("/sites/nearest?latitude=%.5f&longitude=%.5f&capability=%s&limit=10", lat, lon, capability)
  return wrk.format("GET", path, {["Authorization"] = "Bearer " .. token})
end
