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

--- s (through tostring) without leading and trailing blanks (%s), as
--- tostring(s):match("^%s*(.-)%s*$") gives it, but charged one instruction a
--- byte where the pattern is charged n^3/6 steps. (Native.)
sk.trim = native.trim

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
--- A cancelled activity reaches nobody; an activity's entry is one table,
--- in the list of every group it reaches. For a document the result is
--- read-only and shared: computed once, by the first rule that asks (which
--- is charged for it), and the same for every rule after it.
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

--- The case fold of a text (Unicode simple case folding for the Latin,
--- Greek and Cyrillic letters: Å = å, É = é, Ł = ł), for comparing words
--- ignoring case; string.lower only knows A-Z.
-- (Native, table-driven: engine/native_text.c holds the tables of the folds
-- and of the code points that make words; a text is read as utf8.codes
-- reads it.)
sk.fold = native.fold

--- The words of a text, case-folded (sk.fold): the runs of letters and
--- digits between any other characters (spaces, hyphens, dashes, commas,
--- slashes, parentheses). "Fysiska, mindre möten" -> fysiska, mindre, möten;
--- "APT-möte" -> apt, möte.
sk.words = native.words

-- (Native: engine/native_text.c; channel_survey folds the stems once per
-- call, when the first name is tested.)
local two_way, channel_survey = native.make_two_way(sk.TWO_WAY_STEMS)

--- True when one of the words of `name` (sk.words) begins, ignoring case,
--- with one of `stems` (default sk.TWO_WAY_STEMS): "dialogmöten",
--- "APT-möte", "Fysiska, mindre möten" and "utbildningar" are two-way;
--- "ledningsmejl", "ledningsmöte" and "intranät" are not.
sk.two_way = two_way

--- Of a list of channel names (blank ones and non-texts skipped): whether one
--- is two-way (sk.two_way with `stems`), and the distinct ones, ignoring case,
--- in order (what CP-11's and CP-19's messages name).
sk.channel_survey = channel_survey

---------------------------------------------------------------------------
-- names compared ignoring case (ON-20, ON-21); maturity (SM-08 ... SM-12)
---------------------------------------------------------------------------

--- The key a name is compared by: without leading and trailing blanks, case
--- folded (sk.fold), so " Oro och ÅNGEST" and "oro och ångest" are one
--- program; no other normalisation.
sk.name_key = native.name_key

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
