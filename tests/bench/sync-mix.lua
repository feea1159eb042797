-- wrk script for tests/bench/SyncBench.cpp (bandmate_bench_sync --wrk): the load on
-- bandmate-server from a second process. `wrk -s sync-mix.lua URL -- mixed` alternates pushes of
-- 10 changes (5 songs, title and notes, a new batch id each) and pulls of 100 changes;
-- `-- health` is the baseline (GET /v1/health). The access token comes from
-- BANDMATE_BENCH_TOKEN. done() prints one line the bench reads:
--   BENCH requests=N seconds=S p50_us=N p99_us=N errors=N
local counter = 0
local threads = 0

function setup(thread)
   threads = threads + 1
   thread:set("tid", threads)
end

function init(args)
   mode = args[1] or "mixed"
   headers = {["Authorization"] = "Bearer " .. (os.getenv("BANDMATE_BENCH_TOKEN") or ""),
              ["Content-Type"] = "application/json"}
   started = os.time()
end

function request()
   counter = counter + 1
   if mode == "health" then
      return wrk.format("GET", "/v1/health")
   end
   if counter % 2 == 0 then
      return wrk.format("GET", "/v1/sync/pull?since=0&limit=100", headers)
   end
   -- A wall clock in milliseconds is enough for the server's skew check; the counter keeps
   -- every stamp of a batch apart.
   local now = os.time() * 1000
   local changes = {}
   for i = 0, 9 do
      local field = (i % 2 == 0) and "title" or "notes"
      changes[#changes + 1] = string.format(
         '{"entity":"song","id":"song-%d-%d-%d","field":"%s","value":"Title %d","hlc":"%d.%d","device":"bench-%d"}',
         tid, counter, math.floor(i / 2), field, i, now, i, tid)
   end
   local body = string.format('{"device_id":"bench-%d","batch_id":"batch-%d-%d-%d","changes":[%s]}',
                              tid, started, tid, counter, table.concat(changes, ","))
   return wrk.format("POST", "/v1/sync/push", headers, body)
end

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format("BENCH requests=%d seconds=%.3f p50_us=%d p99_us=%d errors=%d\n",
                          summary.requests, summary.duration / 1e6, latency:percentile(50),
                          latency:percentile(99), e.connect + e.read + e.write + e.status + e.timeout))
end
