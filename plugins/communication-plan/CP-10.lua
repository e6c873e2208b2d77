-- CP-10: activities for external audiences come no earlier than the launch
-- date (seed 000 slide 14).
return {
  id = "CP-10",
  severity = "warning",
  applies_to = "communication-plan",
  title = "External audiences are addressed no earlier than launch",
  explain = [[
Seed 000 (workshop Kommunikationsplanering, slide 14 "Strategi för att nå
dit?") says of patients, relatives and citizens: "Verksamheterna först redo
och rustade – viktigt med tajmingen!", and slide 17 "Kommunicera mot invånare
– skapa intresse med rätt tajming". Patients who hear about the service
before the launch date ask for something the unit cannot yet give. An
activity is for an external audience when any of its target groups has
`audience: external`; one dated on the launch date is fine, and a cancelled
one reaches nobody.
Fix: move the activity to the launch date or later (implementation phase),
or, if it really is for staff only, name only internal target groups.]],
  check = function(doc, report)
    local launch = doc.launch_date
    if not sk.is_date(launch) then return end
    local groups = sk.plan_groups(doc)
    for act, path in sk.activities(doc) do
      if type(act) == "table" and sk.is_date(act.date) and act.date < launch
          and sk.plan_status(act) ~= "cancelled" then
        local external = {}
        for _, id in sk.each(act.target_groups) do
          local g = groups[tostring(id)]
          if g and g.group.audience == "external" then
            external[#external + 1] = "'" .. tostring(id) .. "'"
          end
        end
        if #external > 0 then
          report {
            path = path,
            message = sk.plan_activity(act, path) .. " reaches external target group"
              .. (#external > 1 and "s " or " ") .. table.concat(external, ", ")
              .. " on " .. act.date .. ", " .. sk.plan_ndays(sk.days(act.date, launch))
              .. " before the launch on " .. launch
              .. " (verksamheterna först redo och rustade – viktigt med tajmingen)",
          }
        end
      end
    end
  end,
}
