-- sk: the helper library every rule sees as the read-only global `sk`.
-- Shared logic of the rule packs lives here once (dates, maturity levels,
-- the order of vocabularies), so no rule copies another's code. Helpers
-- give data, never words: a message's words live in the rule's `messages`
-- and values are shown in words by the engine (engine/vocab.c).
-- The engine embeds this file and runs it once per lua_State, inside the
-- sandbox, before any plugin is loaded.

local sk = {}

-- The engine's native helpers for the hottest functions below (the chunk's
-- argument, so no rule can reach them): each does exactly what the Lua code
-- it replaces did, without running instructions under the count hook.
local native = ...

---------------------------------------------------------------------------
-- Dates: "YYYY-MM-DD" strings, as the loader hands them to rules.
---------------------------------------------------------------------------

-- The year, month and day of a "YYYY-MM-DD" string (any digits), or nil.
local parse_date = native.date_parts

-- Days since 1970-01-01 of a civil date (proleptic Gregorian calendar).
local function day_number(y, m, d)
  if m <= 2 then y = y - 1 end
  local era = y // 400
  local yoe = y - era * 400
  local mp = (m + 9) % 12
  local doy = (153 * mp + 2) // 5 + d - 1
  local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
  return era * 146097 + doe - 719468
end

local function civil_from_days(z)
  z = z + 719468
  local era = z // 146097
  local doe = z - era * 146097
  local yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
  local y = yoe + era * 400
  local doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
  local mp = (5 * doy + 2) // 153
  local d = doy - (153 * mp + 2) // 5 + 1
  local m = mp < 10 and mp + 3 or mp - 9
  if m <= 2 then y = y + 1 end
  return y, m, d
end

--- True when s is a "YYYY-MM-DD" string.
sk.is_date = native.is_date

--- Days from date a to date b (negative when b is earlier); nil if either
--- is not a date: day_number(b) - day_number(a), computed natively.
sk.days = native.days

--- The date n days after d (n may be negative).
function sk.add_days(d, n)
  local y, m, dd = parse_date(d)
  if not y then return nil end
  local ny, nm, nd = civil_from_days(day_number(y, m, dd) + n)
  return string.format("%04d-%02d-%02d", ny, nm, nd)
end

---------------------------------------------------------------------------
-- Values
---------------------------------------------------------------------------

--- True when v holds something: not nil, not false, not a blank string,
--- not an empty list or map.
--- (Native: for a string, whether it has a byte that is not a space; for a
--- table, whether next() finds anything.)
sk.present = native.present

--- Iterate a list that may be absent: for i, x in sk.each(doc.staff) do.
--- Null items (nil) are skipped, the items after them are not.
--- (Native: #list once, then list[i] for i = 1 .. #list.)
sk.each = native.each

--- Number of items in a list that may be absent.
--- (Native: #list of a table, else 0.)
sk.count = native.count

--- A set (value -> true) of a list that may be absent.
sk.set = native.set

--- The items of a list joined with sep (default ", "), each passed
--- through tostring.
sk.join = native.join

-- Upper-case letters of Swedish, Danish and common European names that
-- string.lower (a byte function) leaves alone.
local FOLD = {
  ["Å"] = "å", ["Ä"] = "ä", ["Ö"] = "ö", ["Æ"] = "æ", ["Ø"] = "ø",
  ["É"] = "é", ["Ü"] = "ü", ["È"] = "è", ["Á"] = "á",
}

-- Native: string.lower, then the pairs of FOLD, as
-- string.lower(s):gsub("\xC3[\x80-\x9E]", FOLD) would.
local lower, same_text = native.make_lower(FOLD)

--- Lower-case s, including å, ä, ö, æ, ø.
sk.lower = lower

--- True when a and b are equal ignoring case (and surrounding blanks):
--- both without leading and trailing %s, through sk.lower.
sk.same_text = same_text

--- True when n is a finite number (not NaN, not infinite).
function sk.finite(n)
  return type(n) == "number" and n == n and n ~= math.huge and n ~= -math.huge
end

---------------------------------------------------------------------------
-- Vocabularies of the seeds
---------------------------------------------------------------------------

--- The four phases of the communication plan's needs analysis (seed 001),
--- in order.
sk.PHASES = { "planning", "anchoring", "implementation", "maintenance" }

--- The four mandatory roles of seed 004.
sk.ROLES = { "access_admin", "citizen_admin", "data_admin", "practitioner" }

--- The connection steps of seed 004 in order; each entry lists the keys of
--- `connection` that make that step (step 1 has two).
sk.CONNECTION_STEPS = {
  { "e_services_connected", "hsa_id_verified" },
  { "first_access_admin_assigned" },
  { "programs_distributed" },
  { "roles_assigned" },
  { "e_service_activated" },
}

--- Maturity levels of seed 003: the features each level adds.
sk.MATURITY_LEVELS = {
  { "posts" },
  { "replies", "comments", "sharing", "reactions", "direct_messages" },
  { "proactive_dialog", "response_24_7" },
  { "user_involvement", "research_recruitment" },
  { "closed_patient_groups" },
}

--- The highest level whose features, and those of every level below, are
--- all present in the list `features` (0 when not even level 1 is).
function sk.maturity_level(features)
  local have = sk.set(features)
  local level = 0
  for l, needed in ipairs(sk.MATURITY_LEVELS) do
    for _, f in ipairs(needed) do
      if not have[f] then return level end
    end
    level = l
  end
  return level
end

--- The features missing from `features` to reach `level`, in the order of
--- the scale.
function sk.missing_features(features, level)
  local have = sk.set(features)
  local missing = {}
  for l = 1, math.min(level, #sk.MATURITY_LEVELS) do
    for _, f in ipairs(sk.MATURITY_LEVELS[l]) do
      if not have[f] then missing[#missing + 1] = f end
    end
  end
  return missing
end

---------------------------------------------------------------------------
-- Walking a communication plan
---------------------------------------------------------------------------

--- Iterate every activity of a plan, phase by phase in order:
--- for act, path, phase in sk.activities(doc) do ... end
--- `path` is the activity's path for report{}.
-- (Native: a walk, not a list; for each phase of sk.PHASES in order,
-- plan.phases[phase].activities when both are tables, its items but nulls.)
sk.activities = native.make_activities(sk.PHASES)

--- A path extended by more keys: sk.sub(path, "owner") (a new table).
function sk.sub(path, ...)
  local out = {}
  for i, k in ipairs(path) do out[i] = k end
  for _, k in ipairs({ ... }) do out[#out + 1] = k end
  return out
end

--- The documents of one kind in a unit (an empty list when it has none).
function sk.documents(unit, kind)
  local docs = unit and unit.documents and unit.documents[kind]
  return docs or {}
end

---------------------------------------------------------------------------
-- communication plan helpers
---------------------------------------------------------------------------

--- How a message names a plan item (target group, risk, ...): its id, else
--- its name, else its place in the list ("#2").
function sk.plan_label(item, index)
  if type(item) == "table" then
    if sk.present(item.id) or type(item.id) == "number" then return tostring(item.id) end
    if sk.present(item.name) then return tostring(item.name) end
  end
  return "#" .. tostring(index)
end

--- How a message names an activity found by sk.activities, as data for
--- "activity {activity} in phase {phase:phases}": its id in quotes ("'a3'"),
--- else its place in the phase's list ("#2"), and the phase's key.
function sk.activity_ref(act, path)
  local phase, index = path[2], path[#path]
  if type(act) == "table" and (sk.present(act.id) or type(act.id) == "number") then
    return "'" .. tostring(act.id) .. "'", tostring(phase)
  end
  return "#" .. tostring(index), tostring(phase)
end

--- An activity's status; an activity without one counts as "planned".
--- (Native: act.status when act is a table and sk.present(act.status).)
sk.plan_status = native.plan_status

--- The defined target groups of a plan by id (ids compared as text):
--- id -> { group = ..., index = i, path = { "target_groups", i } }.
sk.plan_groups = native.plan_groups

--- Which activities reach each target group: id (as text) -> list of
--- { act = ..., path = ..., phase = ... }, phase by phase in order.
--- A cancelled activity reaches nobody.
sk.plan_reach = native.make_plan_reach(sk.PHASES)

---------------------------------------------------------------------------
-- onboarding helpers
---------------------------------------------------------------------------

--- The four areas of the risk analysis (seed 004), in order.
sk.RISK_AREAS = { "methods", "technology", "routines", "communication" }

--- The number (1-5) of the connection step a `connection` key belongs to;
--- nil for the other keys.
function sk.connection_step(key)
  for n, keys in ipairs(sk.CONNECTION_STEPS) do
    for _, k in ipairs(keys) do
      if k == key then return n end
    end
  end
  return nil
end

--- How a message names a staff member, as data for "staff member {who}":
--- the name as written, else the id in quotes ("'s1'"), else "#2".
function sk.staff_ref(member, index)
  if type(member) == "table" then
    if sk.present(member.name) then return tostring(member.name) end
    if sk.present(member.id) or type(member.id) == "number" then
      return "'" .. tostring(member.id) .. "'"
    end
  end
  return "#" .. tostring(index)
end

--- Why a date recorded as the day something was done does not count as
--- done before launch, as data for a message: nil when it lies before
--- `launch` (strictly) and not after `today` (either may be nil: not
--- judged), else a key and the days after launch (0 on the launch day):
--- "launch_day", "after_launch", "after_today", "launch_day_after_today" or
--- "after_launch_after_today". A rule names its messages after the key.
function sk.done_when(date, launch, today)
  if not sk.is_date(date) then return nil end
  local why, days
  if sk.is_date(launch) and date >= launch then
    days = sk.days(launch, date)
    why = date == launch and "launch_day" or "after_launch"
  end
  if sk.is_date(today) and date > today then
    why = why and (why .. "_after_today") or "after_today"
  end
  return why, days
end

---------------------------------------------------------------------------
-- social media helpers
---------------------------------------------------------------------------

--- The features through which users can write to the hospital (SM-05).
sk.SM_WRITE_FEATURES = { "comments", "user_posts", "reviews", "direct_messages" }

--- A strategy's `maturity` map, or an empty table when it has none.
function sk.sm_maturity(doc)
  if type(doc) == "table" and type(doc.maturity) == "table" then return doc.maturity end
  return {}
end

--- The features of a strategy through which users can write (SM_WRITE_FEATURES
--- it has, in that order): SM-05's and SM-17's condition.
function sk.sm_writes(doc)
  local have = sk.set(sk.sm_maturity(doc).features)
  local writes = {}
  for _, f in ipairs(sk.SM_WRITE_FEATURES) do
    if have[f] then writes[#writes + 1] = f end
  end
  return writes
end

--- How a message names a purpose: "'p1' (Øge tilgængeligheden)", else
--- "'Øge tilgængeligheden'", else "#2".
function sk.sm_purpose(p, i)
  if type(p) == "table" then
    local has_id = sk.present(p.id) or type(p.id) == "number"
    local has_text = sk.present(p.text)
    if has_id and has_text then return "'" .. tostring(p.id) .. "' (" .. p.text .. ")" end
    if has_id then return "'" .. tostring(p.id) .. "'" end
    if has_text then return "'" .. p.text .. "'" end
  end
  return "#" .. tostring(i)
end

--- How a message names a platform: "'facebook'", else "#2".
function sk.sm_platform(p, i)
  if type(p) == "table" and sk.present(p.name) then return "'" .. p.name .. "'" end
  return "#" .. tostring(i)
end

--- How a message names a measure, as data for "measure {measure}": its
--- metric, else its place in the list ("#2").
function sk.sm_measure_ref(m, j)
  if type(m) == "table" and sk.present(m.metric) then return tostring(m.metric) end
  return "#" .. tostring(j)
end


---------------------------------------------------------------------------
-- words of a name, and two-way channels (CP-11, CP-19)
---------------------------------------------------------------------------

--- The stems that make a channel two-way (REQUIREMENTS.md CP-11, seeds 000
--- and 001): a channel is two-way when a word of its name begins with one.
--- CP-11 and CP-19 take them as their parameter `two_way_stems`.
sk.TWO_WAY_STEMS = {
  "apt", "dialog", "möte", "fysisk", "workshop", "seminari", "temadag",
  "nätverksträff", "utbildning", "frågestund",
}

-- The code points that are letters, digits or combining marks (Unicode
-- categories L, M, N), as sorted ranges: exact for the Latin, Greek and
-- Cyrillic blocks, the other scripts taken whole; punctuation, spaces,
-- dashes, symbols and emoji between them are not.
local WORD_RANGES = {
  { 0x30, 0x39 }, { 0x41, 0x5A }, { 0x61, 0x7A }, { 0xAA, 0xAA }, { 0xB2, 0xB3 },
  { 0xB5, 0xB5 }, { 0xB9, 0xBA }, { 0xC0, 0xD6 }, { 0xD8, 0xF6 }, { 0xF8, 0x2C1 },
  { 0x2C6, 0x2D1 }, { 0x2E0, 0x2E4 }, { 0x300, 0x374 }, { 0x376, 0x37D },
  { 0x37F, 0x37F }, { 0x386, 0x386 }, { 0x388, 0x3F5 }, { 0x3F7, 0x481 },
  { 0x483, 0x52F }, { 0x531, 0x1FFF }, { 0x2070, 0x2079 }, { 0x207F, 0x2089 },
  { 0x2C00, 0x2DFF }, { 0x3040, 0xD7FF }, { 0xF900, 0xFDFF }, { 0xFE70, 0xFEFF },
  { 0xFF10, 0xFF19 }, { 0xFF21, 0xFF3A }, { 0xFF41, 0xFF5A }, { 0xFF66, 0xFFDC },
  { 0x10000, 0x1EFFF }, { 0x20000, 0x3FFFF },
}

local function is_word_code(c)
  local lo, hi = 1, #WORD_RANGES
  while lo <= hi do
    local mid = (lo + hi) // 2
    local r = WORD_RANGES[mid]
    if c < r[1] then hi = mid - 1
    elseif c > r[2] then lo = mid + 1
    else return true end
  end
  return false
end

-- Simple Unicode case folding of one code point, for the Latin, Greek and
-- Cyrillic alphabets (CaseFolding.txt, status C and S): Å -> å, Ö -> ö,
-- Ł -> ł, Ŵ -> ŵ, ẞ -> ß, Σ -> σ, Ж -> ж. Other code points are their own
-- fold.
local FOLD_SINGLE = {
  [0xB5] = 0x3BC, [0x130] = 0x69, [0x178] = 0xFF, [0x17F] = 0x73, [0x1E9E] = 0xDF,
  [0x3C2] = 0x3C3, [0x386] = 0x3AC, [0x388] = 0x3AD, [0x389] = 0x3AE, [0x38A] = 0x3AF,
  [0x38C] = 0x3CC, [0x38E] = 0x3CD, [0x38F] = 0x3CE,
}
-- { first, last, how }: how = a distance added, or "pair" (an upper-case
-- letter followed by its lower case: even -> odd, or odd -> even for "pair1")
local FOLD_RANGES = {
  { 0x41, 0x5A, 32 }, { 0xC0, 0xD6, 32 }, { 0xD8, 0xDE, 32 },
  { 0x100, 0x12F, "pair" }, { 0x132, 0x137, "pair" }, { 0x139, 0x148, "pair1" },
  { 0x14A, 0x177, "pair" }, { 0x179, 0x17E, "pair1" },
  { 0x391, 0x3A1, 32 }, { 0x3A3, 0x3AB, 32 },
  { 0x400, 0x40F, 80 }, { 0x410, 0x42F, 32 }, { 0x460, 0x481, "pair" }, { 0x48A, 0x4BF, "pair" },
  { 0x4D0, 0x52F, "pair" }, { 0x1E00, 0x1E95, "pair" }, { 0x1EA0, 0x1EFF, "pair" },
}

local function fold_code(c)
  if c < 0x41 or (c > 0x5A and c < 0xB5) then return c end
  local single = FOLD_SINGLE[c]
  if single then return single end
  for _, r in ipairs(FOLD_RANGES) do
    if c >= r[1] and c <= r[2] then
      local how = r[3]
      if how == "pair" then return c % 2 == 0 and c + 1 or c end
      if how == "pair1" then return c % 2 == 1 and c + 1 or c end
      return c + how
    end
  end
  return c
end

--- The case fold of a text (Unicode simple case folding for the Latin,
--- Greek and Cyrillic letters: Å = å, É = é, Ł = ł), for comparing words
--- ignoring case; string.lower only knows A-Z.
function sk.fold(s)
  s = tostring(s)
  if not s:find("[\128-\255]") then return (s:lower()) end
  local out = {}
  for _, c in utf8.codes(s) do out[#out + 1] = utf8.char(fold_code(c)) end
  return table.concat(out)
end

--- The words of a text, case-folded (sk.fold): the runs of letters and
--- digits between any other characters (spaces, hyphens, dashes, commas,
--- slashes, parentheses). "Fysiska, mindre möten" -> fysiska, mindre, möten;
--- "APT-möte" -> apt, möte.
function sk.words(s)
  local words = {}
  if type(s) ~= "string" then return words end
  if not s:find("[\128-\255]") then
    for w in s:gmatch("%w+") do words[#words + 1] = w:lower() end
    return words
  end
  local word = {}
  for _, c in utf8.codes(s) do
    if is_word_code(c) then
      word[#word + 1] = utf8.char(fold_code(c))
    elseif #word > 0 then
      words[#words + 1] = table.concat(word)
      word = {}
    end
  end
  if #word > 0 then words[#words + 1] = table.concat(word) end
  return words
end

--- True when one of the words of `name` (sk.words) begins, ignoring case,
--- with one of `stems` (default sk.TWO_WAY_STEMS): "dialogmöten",
--- "APT-möte", "Fysiska, mindre möten" and "utbildningar" are two-way;
--- "ledningsmejl", "ledningsmöte" and "intranät" are not.
function sk.two_way(name, stems)
  local folded = {}
  for _, stem in sk.each(stems or sk.TWO_WAY_STEMS) do
    if sk.present(stem) then folded[#folded + 1] = sk.fold(stem) end
  end
  for _, w in ipairs(sk.words(name)) do
    for _, stem in ipairs(folded) do
      if w:sub(1, #stem) == stem then return true end
    end
  end
  return false
end

--- Of a list of channel names (blank ones and non-texts skipped): whether one
--- is two-way (sk.two_way with `stems`), and the distinct ones, ignoring case,
--- in order (what CP-11's and CP-19's messages name).
function sk.channel_survey(names, stems)
  local two_way, seen, channels = false, {}, {}
  for _, c in ipairs(names) do
    if type(c) == "string" and sk.present(c) then
      if not two_way and sk.two_way(c, stems) then two_way = true end
      local key = sk.fold(c)
      if not seen[key] then seen[key] = true; channels[#channels + 1] = c end
    end
  end
  return two_way, channels
end


---------------------------------------------------------------------------
-- names compared ignoring case (ON-20, ON-21); maturity (SM-08 ... SM-12)
---------------------------------------------------------------------------

--- The key a name is compared by: without leading and trailing blanks, case
--- folded (sk.fold), so " Oro och ÅNGEST" and "oro och ångest" are one
--- program; no other normalisation.
function sk.name_key(s)
  return sk.fold(tostring(s):match("^%s*(.-)%s*$"))
end

--- The features through which users can write or react (SM-08: level 1 has
--- "ingen mulighed for reaktioner, kommentarer og deling").
sk.SM_REACT_FEATURES = {
  "comments", "sharing", "reactions", "user_posts", "reviews", "direct_messages",
}

--- The maturity level a strategy is at or aims for: the higher of
--- `m.current` and `m.target` (where only one is given, that one), or nil
--- when neither is. The second result is true when the target is the higher
--- (the strategy aims for the level rather than is at it).
function sk.sm_top_level(m)
  local current = type(m) == "table" and math.type(m.current) and m.current or nil
  local target = type(m) == "table" and math.type(m.target) and m.target or nil
  if current and target then
    if target > current then return target, true end
    return current, false
  end
  if target then return target, true end
  return current, false
end

return sk
