-- wrk body script (issue 10): Teams-shaped message activities to /api/messages, conversation ids and
-- question texts varying per request. Env: QUESTIONS (dev.tsv), SERVICE_URL (the stand-in connector),
-- CONVERSATIONS (distinct conversations per wrk thread, default 2000).
local questions = {}
local counter = 0
local thread_id = 0
local conversations = tonumber(os.getenv("CONVERSATIONS") or "2000")
local service_url = os.getenv("SERVICE_URL") or "http://127.0.0.1:8080/"

local function escape(s)
  return (s:gsub('\\', '\\\\'):gsub('"', '\\"'))
end

local next_thread = 0
function setup(thread)
  next_thread = next_thread + 1
  thread:set("tid", next_thread)
end

function init(args)
  thread_id = tid or 0
  for line in io.lines(os.getenv("QUESTIONS")) do
    if line:sub(1, 1) ~= "#" then
      local q = line:match("^[^\t]*\t(.*)$")
      if q then questions[#questions + 1] = escape(q) end
    end
  end
end

function request()
  counter = counter + 1
  local conv = "wrk-" .. thread_id .. "-" .. (counter % conversations)
  local body = '{"type":"message","id":"w' .. thread_id .. "-" .. counter .. '","timestamp":"2026-11-23T10:00:00.000Z",'
    .. '"serviceUrl":"' .. service_url .. '","channelId":"msteams",'
    .. '"from":{"id":"29:u-' .. conv .. '","name":"Bench Gebruiker","aadObjectId":"00000000-0000-0000-0000-000000000001","role":"user"},'
    .. '"conversation":{"conversationType":"personal","tenantId":"tenant-bench","id":"a:' .. conv .. '"},'
    .. '"recipient":{"id":"28:bot-bench","name":"VP-wijzer"},"textFormat":"plain","locale":"nl-NL",'
    .. '"text":"' .. questions[(counter % #questions) + 1] .. '",'
    .. '"entities":[{"type":"clientInfo","locale":"nl-NL","country":"NL","platform":"Web","timezone":"Europe/Amsterdam"}],'
    .. '"channelData":{"tenant":{"id":"tenant-bench"}}}'
  return wrk.format("POST", "/api/messages", { ["Content-Type"] = "application/json" }, body)
end

function done(summary, latency, requests)
  io.write(string.format("wrk_summary requests=%d non2xx=%d connect_err=%d read_err=%d write_err=%d timeout=%d p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
