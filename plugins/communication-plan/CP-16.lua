-- CP-16: an activity dated before today that is still planned is overdue.
return {
  id = "CP-16",
  severity = "warning",
  applies_to = "communication-plan",
  title = "No planned activity is overdue",
  explain = [[
Seed 001 (Kommunikationsplan för införande av nytt kunskapsstöd) gives every
activity a "Tidplan" and an "Ansvarig", and says the plan "behöver ofta
uppdateras kontinuerligt i implementeringens olika faser". An activity whose
date has passed but which is still `planned` (or has no status) either did
not happen, and its target group has not been reached, or happened and the
plan was not updated. Cancelled activities are never overdue.
Fix: ask the activity's owner; set `status: done` if it happened, give it a
new `date` if it was postponed, or `status: cancelled` and reach the group
some other way.]],
  check = function(doc, report, ctx)
    local today = ctx.as_of
    if not sk.is_date(today) then return end
    for act, path in sk.activities(doc) do
      if type(act) == "table" and sk.is_date(act.date) and act.date < today
          and sk.plan_status(act) == "planned" then
        local owner = sk.present(act.owner) and (" (owner: " .. tostring(act.owner) .. ")") or ""
        report {
          path = path,
          message = sk.plan_activity(act, path) .. " was due on " .. act.date .. ", "
            .. sk.plan_ndays(sk.days(act.date, today)) .. " before today (" .. today
            .. "), and is still planned" .. owner .. ": mark it done, move its date or cancel it",
        }
      end
    end
  end,
}
