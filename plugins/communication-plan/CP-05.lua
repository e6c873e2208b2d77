-- CP-05: every target group is reached by at least one activity (seed 001).
return {
  id = "CP-05",
  severity = "warning",
  applies_to = "communication-plan",
  title = "Every target group is reached by an activity",
  explain = [[
Seed 001 (Kommunikationsplan för införande av nytt kunskapsstöd, Syfte) says
the plan is made "genom en behovsanalys säkra att inga målgrupper glöms
bort". A target group that no activity names in its `target_groups` has been
analysed but is never communicated with: it is forgotten. A cancelled
activity reaches nobody and does not count.
Fix: add an activity (in the phase where the group needs to know) that names
the group's id in `target_groups`, or remove the group if it is not a
target group after all.]],
  check = function(doc, report)
    local reach = sk.plan_reach(doc)
    -- activities that name a group but are cancelled, to say so in the message
    local cancelled = {}
    for act, _, _ in sk.activities(doc) do
      if type(act) == "table" and sk.plan_status(act) == "cancelled" then
        for _, id in sk.each(act.target_groups) do cancelled[tostring(id)] = true end
      end
    end
    for i, group in sk.each(doc.target_groups) do
      local name = sk.plan_label(group, i)
      if group.id == nil then
        report {
          path = { "target_groups", i },
          message = "target group '" .. name .. "' has no id, so no activity can name it: it is forgotten (inga målgrupper glöms bort)",
        }
      elseif reach[tostring(group.id)] == nil then
        local why = "no activity names it"
        if cancelled[tostring(group.id)] then why = "the only activities that name it are cancelled" end
        report {
          path = { "target_groups", i },
          message = "target group '" .. name .. "' is reached by no activity (" .. why .. "): it is forgotten (inga målgrupper glöms bort)",
        }
      end
    end
  end,
}
