-- wrk: every request a query of its own (?n=1, ?n=2, ...), so no answer is served from the
-- server's one-second memory of recent answers: the page's path through a database worker.
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", wrk.path .. "?n=" .. counter)
end
