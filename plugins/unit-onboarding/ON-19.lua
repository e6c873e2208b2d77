-- ON-19: the care provider was connected no later than the unit's first connection step (seed 004).
local sk, ipairs = sk, ipairs
local is_date = sk.is_date

return {
  id = "ON-19",
  severity = "error",
  applies_to = "unit-onboarding",
  title = {
    en = "The care provider is connected first",
    sv = "Vårdgivaren ansluts först",
  },
  explain = {
    en = [[
Seed 004 (Införandeguiden, "Anslut enheten till Stöd och behandling"): "En
förutsättning är att vårdgivaren är ansluten till tjänsten." A unit cannot
be connected for a care provider (vårdgivare) that is not.
The rule reports a missing `connection.care_provider_connected`, a date
after the earliest of the unit's connection steps (the same day is fine),
and a date after today (not done yet). The unit's own steps are ON-13.
Fix: have the care provider connected to the service first (see
"Checklista förutsättningar för vårdgivare") and record the date.]],
    sv = [[
Underlag 004 (Införandeguiden, "Anslut enheten till Stöd och behandling"): "En
förutsättning är att vårdgivaren är ansluten till tjänsten." En enhet kan
inte anslutas för en vårdgivare som inte själv är ansluten.
Regeln visar om `connection.care_provider_connected` saknas, om datumet
ligger efter det tidigaste av enhetens anslutningssteg (samma dag går bra)
och om det ligger efter dagens datum (inte gjort än). Enhetens egna steg
kontrolleras av ON-13.
Åtgärd: se till att vårdgivaren ansluts till tjänsten först (se
"Checklista förutsättningar för vårdgivare") och för in datumet.]],
  },
  messages = {
    not_recorded = {
      en = "the care provider's connection to the service (vårdgivaren ansluten till tjänsten) is not recorded: care_provider_connected has no date",
      sv = "det finns inget registrerat om att vårdgivaren är ansluten till tjänsten: care_provider_connected saknar datum",
    },
    after_first_step = {
      en = "care_provider_connected {date:date} comes after {first} {first_date:date} (connection step {step}): "
        .. "the care provider must be connected first (En förutsättning är att vårdgivaren är ansluten)",
      sv = "vårdgivaren anslöts {date:date} (care_provider_connected), efter anslutningssteg {step}, "
        .. "{first:steps} ({first} {first_date:date}): vårdgivaren måste anslutas först (En förutsättning är att "
        .. "vårdgivaren är ansluten)",
    },
    after_today = {
      en = "care_provider_connected {date:date} lies after today {today:date}, so the care provider is not connected yet (vårdgivaren ansluten)",
      sv = "vårdgivaren ansluts {date:date} (care_provider_connected), efter dagens datum {today:date}, så vårdgivaren är inte ansluten än",
    },
  },
  check = function(doc, report, ctx)
    local c = doc.connection or {}
    local d = c.care_provider_connected
    local path = { "connection", "care_provider_connected" }
    if not is_date(d) then
      report { path = path, message = "not_recorded" }
      return
    end
    local first = nil
    for n, keys in ipairs(sk.CONNECTION_STEPS) do
      for _, key in ipairs(keys) do
        local s = c[key]
        if is_date(s) and (first == nil or s < first.date) then
          first = { key = key, date = s, step = n }
        end
      end
    end
    if first and d > first.date then
      report { path = path, message = "after_first_step",
               data = { date = d, first = first.key, first_date = first.date, step = first.step } }
    elseif d > ctx.as_of then
      report { path = path, message = "after_today", data = { date = d, today = ctx.as_of } }
    end
  end,
}
