-- CP-07: every target group an activity names is defined in the plan.
return {
  id = "CP-07",
  severity = "error",
  applies_to = "communication-plan",
  title = "Activities name only target groups the plan defines",
  explain = [[
An activity reaches the target groups whose ids it lists in `target_groups`.
An id that no entry of the plan's `target_groups` has (a typo, or a group
that was renamed or removed) reaches nobody, and the group it was meant for
may look reached when it is not: seed 001's Syfte is to "säkra att inga
målgrupper glöms bort". (An activity with no target groups at all is CP-06's
finding.)
Fix: correct the id in the activity, or add the target group to the plan's
`target_groups` with its know/feel/do, channels and owner.]],
  check = function(doc, report)
    local groups = sk.plan_groups(doc)
    local ids = {}
    for _, g in sk.each(doc.target_groups) do
      if g.id ~= nil then ids[#ids + 1] = tostring(g.id) end
    end
    for act, path in sk.activities(doc) do
      if type(act) == "table" then
        for j, id in sk.each(act.target_groups) do
          local key = tostring(id)
          if groups[key] == nil then
            local hint
            for _, known in ipairs(ids) do
              if sk.same_text(known, key) then hint = "; did you mean '" .. known .. "'?" break end
            end
            if not hint then
              if #ids == 0 then
                hint = "; the plan defines no target groups"
              else
                hint = " (defined: " .. table.concat(ids, ", ") .. ")"
              end
            end
            report {
              path = sk.sub(path, "target_groups", j),
              message = sk.plan_activity(act, path) .. " names target group '" .. key
                .. "', which the plan does not define" .. hint,
            }
          end
        end
      end
    end
  end,
}
