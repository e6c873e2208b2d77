-- CP-03: every target group states what it should know, feel and do (seed 000).
local GOALS = {
  { key = "know", what = "know (veta)" },
  { key = "feel", what = "feel (känna)" },
  { key = "do",   what = "do (göra)" },
}

return {
  id = "CP-03",
  severity = "warning",
  applies_to = "communication-plan",
  title = "Every target group states what it should know, feel and do",
  explain = [[
Seed 000 (workshop Kommunikationsplanering, slide 11 "Målgrupper/intressenter
Kommunikationsmål") sets a communication goal for each target group in three
parts: "Veta" (what they should know), "Känna" (what they should feel) and
"Göra" (what they should do), e.g. for Behandlare/professionen "Veta: Stor
kunskap om sin behandling", "Känna: professionalism, stolthet", "Göra: Bidra
till vidareutveckling, vara ambassadör". Without all three it is not clear
what the communication with the group shall achieve, nor how to tell whether
it did.
Fix: fill in `know`, `feel` and `do` for the target group.]],
  check = function(doc, report)
    for i, group in sk.each(doc.target_groups) do
      local missing -- made for the first missing goal: most groups state all
      for k = 1, #GOALS do
        local g = GOALS[k]
        if not sk.present(group[g.key]) then
          missing = missing or {}
          missing[#missing + 1] = g.what
        end
      end
      if missing then
        local list
        if #missing == 1 then
          list = missing[1]
        else
          list = table.concat(missing, ", ", 1, #missing - 1) .. " or " .. missing[#missing]
        end
        report {
          path = { "target_groups", i },
          message = "target group '" .. sk.plan_label(group, i) .. "' does not state what it should " .. list,
        }
      end
    end
  end,
}
