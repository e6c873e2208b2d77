-- CP-02: every target group has at least one channel and an owner (seed 001).
return {
  id = "CP-02",
  severity = "error",
  applies_to = "communication-plan",
  title = "Every target group has a channel and an owner",
  explain = [[
Seed 001's needs analysis asks for each target group "Hur når vi dem? Genom
vilka kanaler?" and names an "Ansvarig". A group with no channel is never
reached; a group with no owner is reached by nobody in particular.
Fix: give the group at least one entry in `channels` (APT, ledningsmejl,
dialogmöte, ...) and an `owner`.]],
  check = function(doc, report)
    for i, group in sk.each(doc.target_groups) do
      local name = group.id or group.name or ("#" .. i)
      local no_channel = sk.count(group.channels) == 0
      local no_owner = not sk.present(group.owner)
      local what
      if no_channel and no_owner then
        what = "has no channel and no owner (kanal, ansvarig)"
      elseif no_channel then
        what = "has no channel (Hur når vi dem?)"
      elseif no_owner then
        what = "has no owner (ansvarig)"
      end
      if what then
        report { path = { "target_groups", i }, message = "target group '" .. name .. "' " .. what }
      end
    end
  end,
}
