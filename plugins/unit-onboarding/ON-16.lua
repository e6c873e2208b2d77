-- ON-16: a follow-up within the first N days after launch (seed 004).
return {
  id = "ON-16",
  severity = "warning",
  applies_to = "unit-onboarding",
  title = "Close follow-up in the first weeks after launch",
  explain = [[
Seed 004 (Införandeguiden, "Följ upp användning"): "Initialt är det bra att
ha nära och täta uppföljningar med medarbetare för att tidigt fånga upp
behov av stöd eller annat som man upptäcker behöver justeras i arbetssätt."
The rule asks for a date in `follow_ups` within `follow_up_days` (30 by
default) after `launch_date`, both ends included. It judges only once
today is more than that many days after launch: before then the follow-up
may still come. A unit without a launch date is not judged.
Fix: hold a follow-up with the staff in the first weeks after launch and
record its date in `follow_ups`.]],
  params = { follow_up_days = 30 },
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
    local recorded = #dates > 0 and "the follow-ups recorded are " .. table.concat(dates, ", ")
      or "no follow-up is recorded"
    report { path = { "follow_ups" },
             message = "no follow-up (uppföljning) within " .. n .. " days after launch " .. launch
               .. " (" .. launch .. " to " .. last .. "; today is " .. ctx.as_of .. "): " .. recorded }
  end,
}
