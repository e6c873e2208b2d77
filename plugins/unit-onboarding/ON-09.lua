-- ON-09: every risk action has an owner and a due date and is not overdue (seed 004).
return {
  id = "ON-09",
  severity = "error",
  applies_to = "unit-onboarding",
  title = "Risk actions are owned, dated and not overdue",
  explain = [[
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
  check = function(doc, report, ctx)
    local ra = doc.risk_analysis
    if ra == nil then return end
    for i, a in sk.each(ra.actions) do
      local text = sk.present(a.action) and a.action or a.risk
      local name = "risk action #" .. i .. (sk.present(text) and " '" .. tostring(text) .. "'" or "")
      if not sk.present(a.owner) then
        report { path = { "risk_analysis", "actions", i, "owner" },
                 message = name .. " has no owner (ansvarig)" }
      end
      if not sk.is_date(a.due) then
        report { path = { "risk_analysis", "actions", i, "due" },
                 message = name .. " has no due date (åtgärdsplan)" }
      elseif a.status ~= "done" and a.due < ctx.as_of then
        local late = sk.days(a.due, ctx.as_of)
        report { path = { "risk_analysis", "actions", i, "due" },
                 message = name .. " is still open " .. late .. (late == 1 and " day" or " days")
                   .. " after its due date " .. a.due .. " (today " .. ctx.as_of .. ")" }
      end
    end
  end,
}
