-- ON-16: a follow-up within the first N days after launch (seed 004).
local sk = sk

return {
  id = "ON-16",
  severity = "warning",
  applies_to = "unit-onboarding",
  title = {
    en = "Close follow-up in the first weeks after launch",
    sv = "Tät uppföljning under de första veckorna efter starten",
  },
  explain = {
    en = [[
Seed 004 (Införandeguiden, "Följ upp användning"): "Initialt är det bra att
ha nära och täta uppföljningar med medarbetare för att tidigt fånga upp
behov av stöd eller annat som man upptäcker behöver justeras i arbetssätt."
The rule asks for a date in `follow_ups` within `follow_up_days` (30 by
default) after `launch_date`, both ends included. It judges only once
today is more than that many days after launch: before then the follow-up
may still come. A unit without a launch date is not judged.
Fix: hold a follow-up with the staff in the first weeks after launch and
record its date in `follow_ups`.]],
    sv = [[
Underlag 004 (Införandeguiden, "Följ upp användning"): "Initialt är det bra att
ha nära och täta uppföljningar med medarbetare för att tidigt fånga upp
behov av stöd eller annat som man upptäcker behöver justeras i arbetssätt."
Regeln kräver ett datum i `follow_ups` inom `follow_up_days` dagar (som
standard 30) efter `launch_date`, båda dagarna inräknade. Den bedömer först
när dagens datum ligger fler dagar än så efter starten: innan dess kan
uppföljningen fortfarande komma. En enhet utan startdatum bedöms inte.
Åtgärd: håll en uppföljning med medarbetarna under de första veckorna
efter starten och för in datumet i `follow_ups`.]],
  },
  params = { follow_up_days = 30 },
  messages = {
    none_recorded = {
      en = "no follow-up (uppföljning) within {days:days} after launch {launch:date} ({launch:date} to "
        .. "{last:date}; today is {today:date}): no follow-up is recorded",
      sv = "ingen uppföljning inom {days:days} efter starten {launch:date} (från {launch:date} till {last:date}; "
        .. "i dag är det {today:date}): ingen uppföljning är registrerad",
    },
    none_in_time = {
      en = "no follow-up (uppföljning) within {days:days} after launch {launch:date} ({launch:date} to "
        .. "{last:date}; today is {today:date}): the follow-ups recorded are {dates:list}",
      sv = "ingen uppföljning inom {days:days} efter starten {launch:date} (från {launch:date} till {last:date}; "
        .. "i dag är det {today:date}): registrerade uppföljningar: {dates:list}",
    },
  },
  check = function(doc, report, ctx)
    local launch = doc.launch_date
    local n = ctx.params.follow_up_days
    if not sk.is_date(launch) or sk.days(launch, ctx.as_of) <= n then return end
    local last = sk.add_days(launch, n)
    local dates = {}
    for i = 1, sk.count(doc.follow_ups) do -- by index: a null item must not hide the rest
      local d = doc.follow_ups[i]
      if sk.is_date(d) then
        if d >= launch and d <= last then return end
        dates[#dates + 1] = d
      end
    end
    report { path = { "follow_ups" }, message = #dates > 0 and "none_in_time" or "none_recorded",
             data = { days = n, launch = launch, last = last, today = ctx.as_of, dates = dates } }
  end,
}
