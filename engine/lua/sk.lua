-- sk: the helper library every rule sees as the read-only global `sk`.
-- Shared logic of the rule packs lives here once (dates, maturity levels,
-- vocabularies, number formatting), so no rule copies another's code.
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

--- An integer with a space between thousands: 14500 -> "14 500". Numbers
--- beyond what a message can show exactly (not finite, or 2^53 and more)
--- are written with %g.
function sk.fmt_int(n)
  if not sk.finite(n) or math.abs(n) >= 2^53 then return string.format("%g", n) end
  local neg = n < 0
  local s = string.format("%d", math.floor(math.abs(n) + 0.5))
  local out = s:reverse():gsub("(%d%d%d)", "%1 "):reverse():gsub("^ ", "")
  return (neg and "-" or "") .. out
end

--- A number for a message: integers with thousands spaced, others with
--- up to two decimals.
function sk.fmt_num(n)
  if not sk.finite(n) or math.abs(n) >= 2^53 then return string.format("%g", n) end
  if math.type(n) == "integer" or n == math.floor(n) then return sk.fmt_int(n) end
  return (string.format("%.2f", n):gsub("0+$", ""):gsub("%.$", ""))
end

--- A percentage with one decimal: 0.275 -> "27.5 %".
function sk.fmt_pct(fraction)
  return string.format("%.1f %%", fraction * 100)
end

---------------------------------------------------------------------------
-- Vocabularies of the seeds
---------------------------------------------------------------------------

--- The four phases of the communication plan's needs analysis (seed 001),
--- in order.
sk.PHASES = { "planning", "anchoring", "implementation", "maintenance" }

sk.PHASE_NAMES = {
  planning = "planering", anchoring = "förankring",
  implementation = "implementering", maintenance = "vidmakthållande",
}

--- The four mandatory roles of seed 004 and their Swedish names.
sk.ROLES = { "access_admin", "citizen_admin", "data_admin", "practitioner" }

sk.ROLE_NAMES = {
  access_admin = "behörighetsadministratör",
  citizen_admin = "invånaradministratör",
  data_admin = "dataadministratör",
  practitioner = "behandlare",
}

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

--- How a message names an activity found by sk.activities:
--- "activity 'a3' in phase anchoring" ("activity #2 in phase ..." without id).
function sk.plan_activity(act, path)
  local phase, index = path[2], path[#path]
  local name
  if type(act) == "table" and (sk.present(act.id) or type(act.id) == "number") then
    name = "'" .. tostring(act.id) .. "'"
  else
    name = "#" .. tostring(index)
  end
  return "activity " .. name .. " in phase " .. tostring(phase)
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

--- A count of days for a message: "1 day", "14 days", "1 234 days".
function sk.plan_ndays(n)
  return sk.fmt_int(n) .. (n == 1 and " day" or " days")
end

---------------------------------------------------------------------------
-- onboarding helpers
---------------------------------------------------------------------------

--- Swedish names of the training topics (seed 004 "Utbilda medarbetarna").
sk.TRAINING_NAMES = {
  basics = "grundläggande kunskap om Stöd och behandling",
  roles = "rollerna på enheten, rutiner och handhavande",
  program = "det specifika programmet",
  manuals = "manualer, supportvägar",
  continued = "fortsatt kompetensutveckling",
}

--- The four areas of the risk analysis (seed 004), in order, and their
--- Swedish names.
sk.RISK_AREAS = { "methods", "technology", "routines", "communication" }

sk.RISK_AREA_NAMES = {
  methods = "metoder", technology = "teknik",
  routines = "rutiner", communication = "kommunikation",
}

--- Swedish names of the dates in an onboarding document's `connection`.
sk.CONNECTION_NAMES = {
  care_provider_connected = "vårdgivaren ansluten till tjänsten",
  e_services_connected = "enheten ansluten till 1177:s e-tjänster och plattformen",
  hsa_id_verified = "enhetens HSA-id kontrollerat",
  first_access_admin_assigned = "första behörighetsadministratören tilldelad",
  programs_distributed = "programmen utdelade till enheten",
  roles_assigned = "övriga roller tilldelade",
  e_service_activated = "e-tjänsten aktiverad på enheten",
  visible_logged_in = "visas i inloggat läge för invånare",
  visible_on_contact_card = "visas på enhetens kontaktkort",
}

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

--- How a message names a staff member: "Sara Nyberg", else "staff member
--- 's1'", else "staff member #2".
function sk.staff_label(member, index)
  if type(member) == "table" then
    if sk.present(member.name) then return tostring(member.name) end
    if sk.present(member.id) or type(member.id) == "number" then
      return "staff member '" .. tostring(member.id) .. "'"
    end
  end
  return "staff member #" .. tostring(index)
end

--- Why a date recorded as the day something was done does not count as
--- done before launch: nil when it lies before `launch` (strictly) and not
--- after `today` (either may be nil: not judged), else a phrase such as
--- "is 4 days after launch 2027-03-01" or "lies after today 2027-02-10, so
--- it is not done yet".
function sk.done_gap(date, launch, today)
  if not sk.is_date(date) then return nil end
  local parts = {}
  if sk.is_date(launch) and date >= launch then
    if date == launch then
      parts[#parts + 1] = "is the launch day " .. launch .. ", not before it"
    else
      local n = sk.days(launch, date)
      parts[#parts + 1] = "is " .. n .. (n == 1 and " day" or " days") .. " after launch " .. launch
    end
  end
  if sk.is_date(today) and date > today then
    parts[#parts + 1] = "lies after today " .. today .. ", so it is not done yet"
  end
  if #parts == 0 then return nil end
  return table.concat(parts, " and ")
end

---------------------------------------------------------------------------
-- social media helpers
---------------------------------------------------------------------------

--- Danish names of the five levels of seed 003 ("Skala for sygehuses
--- kommunikation på sociale medier").
sk.SM_LEVEL_NAMES = {
  "informationssøjler, envejskommunikation",
  "feedback, reaktiv tilgang",
  "dialog, proaktiv tilgang",
  "organisatorisk brugerinddragelse",
  "individuel patient- og pårørendeinddragelse",
}

--- The features through which users can write to the hospital (SM-05).
sk.SM_WRITE_FEATURES = { "comments", "user_posts", "reviews", "direct_messages" }

--- A maturity level for a message: "level 3 (dialog, proaktiv tilgang)";
--- level 0 is "level 0 (not even level 1)".
function sk.sm_level(l)
  local name = sk.SM_LEVEL_NAMES[l]
  if name then return "level " .. tostring(l) .. " (" .. name .. ")" end
  if l == 0 then return "level 0 (not even level 1)" end
  return "level " .. tostring(l)
end

--- A strategy's `maturity` map, or an empty table when it has none.
function sk.sm_maturity(doc)
  if type(doc) == "table" and type(doc.maturity) == "table" then return doc.maturity end
  return {}
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

--- How a message names a measure: its metric, else "measure #2".
function sk.sm_measure(m, j)
  if type(m) == "table" and sk.present(m.metric) then return m.metric end
  return "measure #" .. tostring(j)
end

return sk
