-- wrk script for the verify benchmark (bench/verify.sh). wrk runs one thread per
-- connection here, so each thread is one user with one connection: a closed loop, as a
-- VPN or an application holding one connection per user would send. Each thread reads
-- its user's name and HOTP codes (each code new, so every right answer is "accepted")
-- from <dir>/user-<n>.txt, written by VerifyBenchmark, and counts every answer that is
-- not "accepted".

local threads = {}
local created = 0

function setup(thread)
	thread:set("id", created)
	created = created + 1
	table.insert(threads, thread)
end

function init(args)
	local dir = args[1]
	local lines = io.lines(dir .. "/user-" .. id .. ".txt")
	wrk.headers["Authorization"] = lines()
	wrk.headers["Content-Type"] = "application/json"
	prefix = '{"userPrincipalName":"' .. lines() .. '","code":"'
	codes = {}
	for line in lines do
		codes[#codes + 1] = line
	end
	sent = 0
	refused = 0
	exhausted = 0
end

function request()
	sent = sent + 1
	if sent > #codes then
		-- out of codes: a reused code is refused and counted, never silently accepted
		exhausted = 1
		sent = #codes
	end
	return wrk.format("POST", "/api/v1/verify", nil, prefix .. codes[sent] .. '"}')
end

function response(status, headers, body)
	if status ~= 200 or not string.find(body, '"accepted"', 1, true) then
		refused = refused + 1
	end
end

function done(summary, latency, requests)
	local notAccepted = 0
	local outOfCodes = 0
	for _, thread in ipairs(threads) do
		notAccepted = notAccepted + thread:get("refused")
		outOfCodes = outOfCodes + thread:get("exhausted")
	end
	io.write(string.format("not_accepted=%d out_of_codes=%d\n", notAccepted, outOfCodes))
end
