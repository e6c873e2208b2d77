-- ON-09: every risk action has an owner and a due date and is not overdue (seed 004).
local sk, tostring = sk, tostring

return {
  id = "ON-09",
  severity = "error",
  applies_to = "unit-onboarding",
  title = {
    en = "Risk actions are owned, dated and not overdue",
    sv = "Riskåtgärder har ansvarig och slutdatum och är inte försenade",
  },
  explain = {
    en = [[
Seed 004 (Införandeguiden, "Checklista för enhetens införande" and "Skapa
riktlinjer, rutiner och processer"): "Upprätta åtgärdsplan vid behov" and
"Utifrån riskanalysen kan ni hitta åtgärder som minimerar risker som ni har
identifierat." An action nobody owns or that has no date is not carried
out; an open action past its due date leaves the risk to the patient in
place.
The rule reports, for each entry of `risk_analysis.actions` (even when
ON-07 fails), a missing `owner`, a missing `due` date and an action that is
still open (status `open`, or no status) after its due date, judged against
today. An action due today is not yet overdue.
Fix: name an `owner` and a `due` date; carry out the action and set
`status: done`, or plan it anew with a later due date.]],
    sv = [[
Underlag 004 (Införandeguiden, "Checklista för enhetens införande" och "Skapa
riktlinjer, rutiner och processer"): "Upprätta åtgärdsplan vid behov" och
"Utifrån riskanalysen kan ni hitta åtgärder som minimerar risker som ni har
identifierat." En åtgärd som ingen är ansvarig för eller som saknar datum
blir inte genomförd. En öppen åtgärd som har passerat sitt slutdatum lämnar
risken för patienten kvar.
Regeln visar, för varje post i `risk_analysis.actions` (även när ON-07 inte
är uppfylld), om `owner` saknas, om slutdatum `due` saknas och om åtgärden
fortfarande är öppen (status `open` eller ingen status) efter sitt slutdatum,
räknat mot dagens datum. En åtgärd med slutdatum i dag är inte försenad än.
Åtgärd: ange en ansvarig i `owner` och ett slutdatum i `due`. Genomför
åtgärden och sätt `status: done`, eller planera om den med ett senare
slutdatum.]],
  },
  messages = {
    no_owner = { en = "risk action {action} has no owner (ansvarig)", sv = "riskåtgärd {action} saknar ansvarig" },
    no_due = {
      en = "risk action {action} has no due date (åtgärdsplan)",
      sv = "riskåtgärd {action} saknar slutdatum i åtgärdsplanen",
    },
    overdue = {
      en = "risk action {action} is still open {late:days} after its due date {due:date} (today {today:date})",
      sv = "riskåtgärd {action} är fortfarande öppen {late:days} efter sitt slutdatum {due:date} (i dag är det {today:date})",
    },
  },
  check = function(doc, report, ctx)
    local ra = doc.risk_analysis
    if ra == nil then return end
    for i, a in sk.each(ra.actions) do
      local text = sk.present(a.action) and a.action or a.risk
      local name = "#" .. i .. (sk.present(text) and " '" .. tostring(text) .. "'" or "")
      if not sk.present(a.owner) then
        report { path = { "risk_analysis", "actions", i, "owner" }, message = "no_owner", data = { action = name } }
      end
      if not sk.is_date(a.due) then
        report { path = { "risk_analysis", "actions", i, "due" }, message = "no_due", data = { action = name } }
      elseif a.status ~= "done" and a.due < ctx.as_of then
        report { path = { "risk_analysis", "actions", i, "due" }, message = "overdue",
                 data = { action = name, late = sk.days(a.due, ctx.as_of), due = a.due, today = ctx.as_of } }
      end
    end
  end,
}
