-- ON-03: at least one goal is measurable, owned and has a follow-up date (seed 004).
return {
  id = "ON-03",
  severity = "error",
  applies_to = "unit-onboarding",
  title = "A measurable goal with an owner and a follow-up date",
  explain = [[
Seed 004 (Införandeguiden, "Sätt mål för användningen"): "Vad vill enheten
uppnå med införandet av tjänsten och användning av programmen? ... Sätt
mätbara mål och ansvarig att följa upp hur det går." A goal without a
measure and a target cannot be followed up; a goal without an owner and a
date is followed up by nobody.
The rule passes when at least one goal has all four; otherwise it reports
each goal with what it lacks (or the missing `goals` list).
Fix: give a goal a `measure` (how it is measured), a `target`, an `owner`
and a `follow_up` date.]],
  check = function(doc, report)
    local gaps = {}
    for i, goal in sk.each(doc.goals) do
      local lacks = {}
      if not sk.present(goal.measure) then lacks[#lacks + 1] = "a measure (mätbart mål)" end
      if not sk.present(goal.target) then lacks[#lacks + 1] = "a target (målvärde)" end
      if not sk.present(goal.owner) then lacks[#lacks + 1] = "an owner (ansvarig att följa upp)" end
      if not sk.is_date(goal.follow_up) then lacks[#lacks + 1] = "a follow-up date (uppföljning)" end
      if #lacks == 0 then return end
      gaps[#gaps + 1] = { index = i, goal = goal, lacks = lacks }
    end
    if #gaps == 0 then
      report { path = { "goals" },
               message = "the unit has set no goal for the use of the service (mål för användningen); "
                 .. "at least one measurable goal with an owner and a follow-up date is needed" }
      return
    end
    for _, g in ipairs(gaps) do
      local name = "goal #" .. g.index
      if sk.present(g.goal.text) then name = name .. " '" .. g.goal.text .. "'" end
      local lacks = g.lacks
      local list = #lacks == 1 and lacks[1]
        or table.concat(lacks, ", ", 1, #lacks - 1) .. " and " .. lacks[#lacks]
      report { path = { "goals", g.index },
               message = name .. " lacks " .. list .. "; no goal of the unit is complete" }
    end
  end,
}
