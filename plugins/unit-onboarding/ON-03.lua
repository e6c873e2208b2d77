-- ON-03: at least one goal is measurable, owned and has a follow-up date (seed 004).
local sk, ipairs = sk, ipairs

return {
  id = "ON-03",
  severity = "error",
  applies_to = "unit-onboarding",
  title = {
    en = "A measurable goal with an owner and a follow-up date",
    sv = "Ett mätbart mål med ansvarig och datum för uppföljning",
  },
  explain = {
    en = [[
Seed 004 (Införandeguiden, "Sätt mål för användningen"): "Vad vill enheten
uppnå med införandet av tjänsten och användning av programmen? ... Sätt
mätbara mål och ansvarig att följa upp hur det går." A goal without a
measure and a target cannot be followed up; a goal without an owner and a
date is followed up by nobody.
The rule passes when at least one goal has all four; otherwise it reports
each goal with what it lacks (or the missing `goals` list).
Fix: give a goal a `measure` (how it is measured), a `target`, an `owner`
and a `follow_up` date.]],
    sv = [[
Underlag 004 (Införandeguiden, "Sätt mål för användningen"): "Vad vill enheten
uppnå med införandet av tjänsten och användning av programmen? ... Sätt
mätbara mål och ansvarig att följa upp hur det går." Ett mål utan mått och
målvärde går inte att följa upp. Ett mål utan ansvarig och datum följs inte
upp av någon.
Regeln är uppfylld när minst ett mål har alla fyra delarna. Annars visar den
varje mål med det som saknas (eller att listan `goals` saknas).
Åtgärd: ge ett mål ett mått i `measure` (hur det mäts), ett målvärde
i `target`, en ansvarig i `owner` och ett datum för uppföljning i
`follow_up`.]],
  },
  messages = {
    no_goal = {
      en = "the unit has set no goal for the use of the service (mål för användningen); at least one measurable "
        .. "goal with an owner and a follow-up date is needed",
      sv = "enheten har inte satt några mål för användningen; det behövs minst ett mätbart mål med en ansvarig och ett datum för uppföljning",
    },
    incomplete = {
      en = "goal {goal} does not fill in {lacks:list}; no goal of the unit is complete",
      sv = "målet {goal} saknar uppgifter i {lacks:list}; inget av enhetens mål är komplett",
    },
  },
  check = function(doc, report)
    local gaps = {}
    for i, goal in sk.each(doc.goals) do
      -- the keys the goal lacks
      local lacks = {}
      if not sk.present(goal.measure) then lacks[#lacks + 1] = "measure" end
      if not sk.present(goal.target) then lacks[#lacks + 1] = "target" end
      if not sk.present(goal.owner) then lacks[#lacks + 1] = "owner" end
      if not sk.is_date(goal.follow_up) then lacks[#lacks + 1] = "follow_up" end
      if #lacks == 0 then return end
      gaps[#gaps + 1] = { index = i, goal = goal, lacks = lacks }
    end
    if #gaps == 0 then
      report { path = { "goals" }, message = "no_goal" }
      return
    end
    for _, g in ipairs(gaps) do
      local name = "#" .. g.index
      if sk.present(g.goal.text) then name = name .. " '" .. g.goal.text .. "'" end
      report { path = { "goals", g.index }, message = "incomplete", data = { goal = name, lacks = g.lacks } }
    end
  end,
}
