-- ON-13: the connection steps are done, in order and before launch (seed 004).
local sk, ipairs = sk, ipairs
local is_date, done_when = sk.is_date, sk.done_when

local STEP3 = "programs_distributed"
-- sk.CONNECTION_STEPS as plain tables: walking sk's read-only views costs a
-- lookup through a metamethod per item
local STEPS = {}
for n, keys in ipairs(sk.CONNECTION_STEPS) do
  STEPS[n] = {}
  for i, key in ipairs(keys) do STEPS[n][i] = key end
end

return {
  id = "ON-13",
  severity = "error",
  applies_to = "unit-onboarding",
  title = {
    en = "The connection steps are done in order before launch",
    sv = "Anslutningsstegen är gjorda i rätt ordning före starten",
  },
  explain = {
    en = [[
Seed 004 (Införandeguiden, "Anslut enheten till Stöd och behandling"): the
unit is connected in five steps, "Kortfattat går det till så här": 1. the
regional administration connects the unit to 1177's e-services and the
platform and checks "att enhetens HSA-id matchar"; 2. the first role,
behörighetsadministratör, is assigned; 3. the agreed programs are
distributed; 4. the behörighetsadministratör "loggar in och tilldelar
andra roller"; 5. the e-service is activated and made visible. Each step
needs the one before it, and the unit must be connected before launch.
The rule reports, per step date in `connection`: a missing date (the step
is not done), a date before the step before it (the same day is fine; step
1 is both e_services_connected and hsa_id_verified, step 2 must not precede
either), and a date on or after `launch_date` or after today (not done
yet). Step 3, programs_distributed, is judged here only for its order; its
being done and before launch is ON-18. The visibility checks are ON-14 and
the care provider's connection ON-19.
Fix: complete the missing step, or correct the recorded dates so that they
follow the steps' order; connect the unit before launch.]],
    sv = [[
Underlag 004 (Införandeguiden, "Anslut enheten till Stöd och behandling"):
enheten ansluts i fem steg, "Kortfattat går det till så här": 1. den
regionala förvaltningen ansluter enheten till 1177 Vårdguidens e-tjänster
och till plattformen och kontrollerar "att enhetens HSA-id matchar"; 2. den
första rollen, behörighetsadministratör, tilldelas; 3. de överenskomna
programmen delas ut; 4. behörighetsadministratören "loggar in och tilldelar
andra roller"; 5. e-tjänsten aktiveras och görs synlig. Varje steg bygger på
steget före, och enheten måste vara ansluten före starten.
Regeln visar, för varje datum i `connection`: ett datum som saknas (steget är
inte gjort), ett datum före steget innan (samma dag går bra; steg 1 är både
e_services_connected och hsa_id_verified, och steg 2 får inte komma före
något av dem) och ett datum samma dag som eller efter `launch_date` eller
efter dagens datum (inte gjort än). Steg 3, programs_distributed, bedöms här
bara för ordningen; att det är gjort och före starten kontrolleras av ON-18.
Kontrollerna av att tjänsten syns görs av ON-14 och vårdgivarens anslutning
av ON-19.
Åtgärd: gör det steg som saknas, eller rätta de registrerade datumen så
att de följer stegens ordning. Anslut enheten före starten.]],
  },
  messages = {
    not_done = {
      en = "connection step {step} is not done: {key} ({key:steps}) has no date",
      sv = "anslutningssteg {step} är inte gjort: {key:steps} ({key}) saknar datum",
    },
    out_of_order = {
      en = "{key} {date:date} comes before {prev} {prev_date:date}: connection step {step} ({key:steps}) must not precede step {prev_step} ({prev:steps})",
      sv = "anslutningssteg {step}, {key:steps} ({key} {date:date}), ligger före steg {prev_step}, {prev:steps} "
        .. "({prev} {prev_date:date}): stegen ska göras i ordning",
    },
    launch_day = {
      en = "connection step {step}, {key} ({key:steps}) {date:date}, is the launch day {launch:date}, not before it; the unit must be connected before launch",
      sv = "anslutningssteg {step}, {key:steps} ({key}) {date:date}, är startdagen {launch:date}, inte före den; enheten måste vara ansluten före starten",
    },
    after_launch = {
      en = "connection step {step}, {key} ({key:steps}) {date:date}, is {days:days} after launch {launch:date}; the unit must be connected before launch",
      sv = "anslutningssteg {step}, {key:steps} ({key}) {date:date}, ligger {days:days} efter starten {launch:date}; enheten måste vara ansluten före starten",
    },
    after_today = {
      en = "connection step {step}, {key} ({key:steps}) {date:date}, lies after today {today:date}, so it is not "
        .. "done yet; the unit must be connected before launch",
      sv = "anslutningssteg {step}, {key:steps} ({key}) {date:date}, ligger efter dagens datum {today:date} och "
        .. "är alltså inte gjort än; enheten måste vara ansluten före starten",
    },
    launch_day_after_today = {
      en = "connection step {step}, {key} ({key:steps}) {date:date}, is the launch day {launch:date}, not before "
        .. "it and lies after today {today:date}, so it is not done yet; the unit must be connected before "
        .. "launch",
      sv = "anslutningssteg {step}, {key:steps} ({key}) {date:date}, är startdagen {launch:date}, inte före den, "
        .. "och ligger dessutom efter dagens datum {today:date}, så det är inte gjort än; enheten måste vara "
        .. "ansluten före starten",
    },
    after_launch_after_today = {
      en = "connection step {step}, {key} ({key:steps}) {date:date}, is {days:days} after launch {launch:date} "
        .. "and lies after today {today:date}, so it is not done yet; the unit must be connected before launch",
      sv = "anslutningssteg {step}, {key:steps} ({key}) {date:date}, ligger {days:days} efter starten "
        .. "{launch:date} och dessutom efter dagens datum {today:date}, så det är inte gjort än; enheten måste "
        .. "vara ansluten före starten",
    },
  },
  check = function(doc, report, ctx)
    local c = doc.connection or {}
    local launch, today = doc.launch_date, ctx.as_of
    -- the latest date of the nearest earlier step that has one: its key, date, step
    local prev_key, prev_date, prev_step
    for n = 1, #STEPS do
      local keys = STEPS[n]
      local latest_key, latest_date -- of this step
      for i = 1, #keys do
        local key = keys[i]
        local d = c[key]
        if not is_date(d) then
          if key ~= STEP3 then
            report { path = { "connection", key }, message = "not_done", data = { step = n, key = key } }
          end
        else
          if prev_date and d < prev_date then
            report { path = { "connection", key }, message = "out_of_order",
                     data = { key = key, date = d, prev = prev_key, prev_date = prev_date, step = n,
                              prev_step = prev_step } }
          end
          if key ~= STEP3 then
            local why, days = done_when(d, launch, today)
            if why then
              report { path = { "connection", key }, message = why,
                       data = { step = n, key = key, date = d, launch = launch, today = today,
                                days = days } }
            end
          end
          if latest_date == nil or d > latest_date then latest_key, latest_date = key, d end
        end
      end
      if latest_date then prev_key, prev_date, prev_step = latest_key, latest_date, n end
    end
  end,
}
