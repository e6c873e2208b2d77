-- ND-01: a differential test, not a rule. sk's hottest helpers run in C
-- (engine/native.c), their one implementation; this file keeps the Lua code
-- they replaced as the reference and checks, on edge values (a rule's own
-- tables with metamethods, long lists, long separators) and on every
-- document it is given, that both answer alike.
-- Run by tests/cli/native.sh; a difference is reported as an error finding.
local function parse_date(s)
  if type(s) ~= "string" then return nil end
  local y, m, d = s:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
  if not y then return nil end
  return tonumber(y), tonumber(m), tonumber(d)
end
local function day_number(y, m, d)
  if m <= 2 then y = y - 1 end
  local era = y // 400
  local yoe = y - era * 400
  local mp = (m + 9) % 12
  local doy = (153 * mp + 2) // 5 + d - 1
  local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
  return era * 146097 + doe - 719468
end
local function is_date(s) return parse_date(s) ~= nil end
local function days(a, b)
  local ay, am, ad = parse_date(a)
  local by, bm, bd = parse_date(b)
  if not ay or not by then return nil end
  return day_number(by, bm, bd) - day_number(ay, am, ad)
end
local function present(v)
  if v == nil or v == false then return false end
  if type(v) == "string" then return v:find("%S") ~= nil end
  if type(v) == "table" then return next(v) ~= nil end
  return true
end
local function each(list)
  if type(list) ~= "table" then return function() return nil end end
  local i, n = 0, #list
  return function()
    while i < n do
      i = i + 1
      local v = list[i]
      if v ~= nil then return i, v end
    end
  end
end
local function count(list) if type(list) ~= "table" then return 0 end return #list end
local function set(list) local s = {} for _, v in each(list) do s[v] = true end return s end
local function join(list, sep)
  local parts = {}
  for _, v in each(list) do parts[#parts + 1] = tostring(v) end
  return table.concat(parts, sep or ", ")
end
local FOLD = {
  ["Å"] = "å", ["Ä"] = "ä", ["Ö"] = "ö", ["Æ"] = "æ", ["Ø"] = "ø",
  ["É"] = "é", ["Ü"] = "ü", ["È"] = "è", ["Á"] = "á",
}
local function lower(s) return (string.lower(s):gsub("\xC3[\x80-\x9E]", FOLD)) end
local function same_text(a, b)
  if type(a) ~= "string" or type(b) ~= "string" then return false end
  local function norm(s) return lower(s:match("^%s*(.-)%s*$")) end
  return norm(a) == norm(b)
end
local PHASES = { "planning", "anchoring", "implementation", "maintenance" }
local function activities(plan)
  local phases = type(plan) == "table" and plan.phases
  if type(phases) ~= "table" then return function() return nil end end
  local p, list, i, n = 0, nil, 0, 0
  return function()
    while true do
      if i < n then
        i = i + 1
        local act = list[i]
        if act ~= nil then
          local phase = PHASES[p]
          return act, { "phases", phase, "activities", i }, phase
        end
      else
        p = p + 1
        local phase = PHASES[p]
        if not phase then return nil end
        local ph = phases[phase]
        list = type(ph) == "table" and type(ph.activities) == "table" and ph.activities or nil
        i, n = 0, list and #list or 0
      end
    end
  end
end
local function plan_status(act)
  if type(act) == "table" and present(act.status) then return act.status end
  return "planned"
end

local function plan_groups(plan)
  local byid = {}
  for i, g in each(plan.target_groups) do
    if type(g) == "table" and g.id ~= nil and byid[tostring(g.id)] == nil then
      byid[tostring(g.id)] = { group = g, index = i, path = { "target_groups", i } }
    end
  end
  return byid
end
local function plan_reach(plan)
  local reach = {}
  for act, path, phase in activities(plan) do
    if type(act) == "table" and plan_status(act) ~= "cancelled" then
      local seen = {}
      for _, id in each(act.target_groups) do
        local key = tostring(id)
        if not seen[key] then
          seen[key] = true
          local list = reach[key]
          if not list then list = {}; reach[key] = list end
          list[#list + 1] = { act = act, path = path, phase = phase }
        end
      end
    end
  end
  return reach
end
local function ser(v, depth)
  depth = depth or 0
  if type(v) ~= "table" then return type(v) .. ":" .. tostring(v) end
  if depth > 3 then return "table" end
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  local out = {}
  for _, k in ipairs(keys) do out[#out + 1] = tostring(k) .. "=" .. ser(v[k], depth + 1) end
  return "{" .. table.concat(out, ",") .. "}#" .. #v
end
local function iter_all(f, x)
  local out = {}
  for a, b, c in f(x) do out[#out + 1] = ser(a) .. "|" .. ser(b) .. "|" .. ser(c) end
  return table.concat(out, ";")
end

local samples = {
  nil, false, true, 0, 1, 2.5, "", " ", "\t\n", "x", "  x  ", "2027-01-01", "2027-13-45",
  "0000-01-01", "0000-02-29", "9999-99-99", "2027-1-01", " 2027-01-01", "2027-01-01 ", "abcd-ef-gh",
  "ÅSA ÖBERG", "åsa öberg", "Åsa Öberg ", "\xC3\x80\xC3", "\xC3", "É\xC3\x9F", "MIXED Case", {}, { 1 }, { nil, 2 },
  { "a", "b" }, { 1, 2.0, true }, { a = 1 }, setmetatable({}, { __len = function() return 3 end, __index = function(_, k) return type(k) == "number" and k * 2 or nil end }),
  "1999-12-31", "2000-02-29", "1900-03-01", "0001-01-01",
}
local N = 40

return {
  id = "ND-01", severity = "error", applies_to = "communication-plan",
  title = "sk's native helpers answer as the Lua they replaced", explain = "A test of the engine, see the first lines.",
  check = function(doc, report, ctx)
    local bad = {}
    local function cmp(what, a, b) if a ~= b then bad[#bad + 1] = what .. ": " .. tostring(a) .. " ~= " .. tostring(b) end end
    local vals = {}
    for i = 1, N do vals[#vals + 1] = samples[i] end
    vals[#vals + 1] = doc.target_groups; vals[#vals + 1] = doc.phases; vals[#vals + 1] = doc
    vals[#vals + 1] = doc.launch_date; vals[#vals + 1] = doc.owner; vals[#vals + 1] = doc.title
    for _, g in sk.each(doc.target_groups) do vals[#vals + 1] = g; vals[#vals + 1] = g.channels; vals[#vals + 1] = g.name; vals[#vals + 1] = g.id end
    for act in activities(doc) do vals[#vals + 1] = act; vals[#vals + 1] = act.target_groups; vals[#vals + 1] = act.date; vals[#vals + 1] = act.status; vals[#vals + 1] = act.owner end
    local nv = #vals
    for i = 1, nv + 1 do
      local a = vals[i]
      cmp("is_date " .. i, is_date(a), sk.is_date(a))
      cmp("present " .. i, present(a), sk.present(a))
      cmp("count " .. i, count(a), sk.count(a))
      cmp("each " .. i, iter_all(each, a), iter_all(sk.each, a))
      cmp("set " .. i, ser(set(a)), ser(sk.set(a)))
      cmp("join " .. i, join(a), sk.join(a))
      cmp("join; " .. i, join(a, "; "), sk.join(a, "; "))
      cmp("join1 " .. i, join(a, 1), sk.join(a, 1))
      cmp("acts " .. i, iter_all(activities, a), iter_all(sk.activities, a))
      cmp("status " .. i, ser(plan_status(a)), ser(sk.plan_status(a)))
      if type(a) == "string" or type(a) == "number" then cmp("lower " .. i, lower(a), sk.lower(a)) end
      for j = i % 3 + 1, nv + 1, 19 do -- a sample of pairs (the budget is shared by the whole test rule)
        local b = vals[j]
        cmp("days " .. i .. "," .. j, days(a, b), sk.days(a, b))
        cmp("same " .. i .. "," .. j, same_text(a, b), sk.same_text(a, b))
      end
    end
    -- an activity naming more target groups than sk.plan_reach scans for
    -- repeats (8) before it keeps a set, with repeats on both sides of that
    local many = { "a", "b", "a", 1, "1", "c", "d", "e", "f", "g", "h", "i", "b", "j", 2.5, "k", "j", "2.5" }
    local fake = { phases = { planning = { activities = { { id = 1 }, nil, { id = 3, status = " " },
      { id = 4, target_groups = many }, { id = 5, target_groups = { "a", "a", "z" } } } }, anchoring = {},
      implementation = { activities = "x" }, maintenance = { activities = setmetatable({}, { __len = function() return 2 end, __index = function(_, k) return { k = k } end }) } } }
    cmp("fakeacts", iter_all(activities, fake), iter_all(sk.activities, fake))
    for act in activities(fake) do cmp("fakestatus", ser(plan_status(act)), ser(sk.plan_status(act))) end
    local long = { ("ÅÄÖ abc É"):rep(10), ("åäö ABC é"):rep(10), "  " .. ("ÅÄÖ abc É"):rep(10) .. "\n" }
    for i = 1, 3 do
      cmp("lowerlong", lower(long[i]), sk.lower(long[i]))
      local j = i % 3 + 1
      cmp("samelong", same_text(long[i], long[j]), sk.same_text(long[i], long[j]))
    end
    -- long lists and separators longer than a buffer's first block (issue 20)
    local own = {} for i = 1, 300 do own[i] = (i % 7 == 0) and ("x"):rep(i) or i end
    own[150] = nil
    local dashes = ("-"):rep(5000)
    cmp("joinlong", join(own, dashes), sk.join(own, dashes))
    cmp("joinlongdoc", join(doc.target_groups, dashes), sk.join(doc.target_groups, dashes))
    cmp("setlong", ser(set(own), -3), ser(sk.set(own), -3))
    cmp("eachlong", iter_all(each, own), iter_all(sk.each, own))
    cmp("groups", ser(plan_groups(doc), -2), ser(sk.plan_groups(doc), -2))
    cmp("reach", ser(plan_reach(doc), -3), ser(sk.plan_reach(doc), -3))
    cmp("reachfake", ser(plan_reach(fake), -3), ser(sk.plan_reach(fake), -3))
    cmp("groupsfake", ser(plan_groups(fake), -3), ser(sk.plan_groups(fake), -3))
    cmp("reachnil", ser(plan_reach(nil)), ser(sk.plan_reach(nil)))
    -- a document's reach is computed once and shared read-only; a rule's own
    -- table (which may change) gets a new one each time
    local shared = sk.plan_reach(doc)
    cmp("reachshared", true, rawequal(shared, sk.plan_reach(doc)))
    cmp("reachreadonly", false, (pcall(function() shared.x = 1 end)))
    for _, list in pairs(shared) do
      cmp("reachlistreadonly", false, (pcall(function() list[#list + 1] = 1 end)))
      cmp("reachitemreadonly", false, (pcall(function() list[1].phase = "x" end)))
      cmp("reachpathreadonly", false, (pcall(function() list[1].path[1] = "x" end)))
    end
    cmp("reachown", false, rawequal(sk.plan_reach(fake), sk.plan_reach(fake)))
    -- a document's activities are walked once and the walk replayed: the
    -- same each time, a new path each time (a rule may change its own), and
    -- nothing after the last
    cmp("actsdoc", iter_all(activities, doc), iter_all(sk.activities, doc))
    for _, path in sk.activities(doc) do path[1], path[4] = "changed", 0 end
    cmp("actsdocagain", iter_all(activities, doc), iter_all(sk.activities, doc))
    local mine, theirs = activities(doc), sk.activities(doc)
    for _ in mine do end
    for _ in theirs do end
    cmp("actsdocdone", ser((mine())), ser((theirs())))
    if #bad > 0 then report { message = table.concat(bad, "\n", 1, math.min(#bad, 20)) } end
    report { severity = "info", message = "checked " .. nv .. " values" }
  end,
}
