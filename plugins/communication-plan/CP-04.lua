-- CP-04: every high-priority target group is reached by an activity with a
-- verification (seed 001).
return {
  id = "CP-04",
  severity = "error",
  applies_to = "communication-plan",
  title = "High-priority target groups are reached with a verification",
  explain = [[
Seed 001 (Kommunikationsplan för införande av nytt kunskapsstöd, the needs
analysis column "Hur säkerställer vi att informationen har tagits emot och
blivit förstådd?") says "Fokusera på prioriterade målgrupper och prioriterad
information." A group with `priority: high` must not only be sent
information: the plan must say how we know it was received and understood.
Cancelled activities reach nobody and do not count.
Fix: add, for the group, an activity that names it in `target_groups` and
has a `verification` (frågestund, kort enkät, återkoppling på APT, ...), or
add a verification to an activity that already reaches it.]],
  check = function(doc, report)
    local reach = sk.plan_reach(doc)
    for i, group in sk.each(doc.target_groups) do
      if group.priority == "high" then
        local name = sk.plan_label(group, i)
        local acts = group.id ~= nil and reach[tostring(group.id)] or {}
        local verified = false
        for _, r in ipairs(acts) do
          if sk.present(r.act.verification) then verified = true break end
        end
        if not verified then
          local why
          if group.id == nil then
            why = "has no id, so no activity can name it and nothing verifies that the information was received and understood"
          elseif #acts == 0 then
            why = "is not reached by any activity (a cancelled one reaches nobody), so nothing verifies that the information was received and understood"
          else
            local ids = {}
            for _, r in ipairs(acts) do
              ids[#ids + 1] = r.act.id ~= nil and ("'" .. tostring(r.act.id) .. "'") or ("#" .. r.path[#r.path] .. " in " .. r.phase)
            end
            why = "is reached by " .. sk.fmt_int(#acts) .. (#acts == 1 and " activity" or " activities")
              .. " (" .. table.concat(ids, ", ") .. ")"
              .. (#acts == 1 and " but it has no verification" or " but none has a verification")
              .. " (hur säkerställer vi att informationen har tagits emot och blivit förstådd?)"
          end
          report {
            path = { "target_groups", i },
            message = "high-priority target group '" .. name .. "' " .. why,
          }
        end
      end
    end
  end,
}
