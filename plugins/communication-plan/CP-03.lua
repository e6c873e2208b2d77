-- CP-03: every target group states what it should know, feel and do (seed 000).
local sk = sk

local GOALS = { "know", "feel", "do" }

return {
  id = "CP-03",
  severity = "warning",
  applies_to = "communication-plan",
  title = {
    en = "Every target group states what it should know, feel and do",
    sv = "Varje målgrupp anger vad den ska veta, känna och göra",
  },
  explain = {
    en = [[
Seed 000 (workshop Kommunikationsplanering, slide 11 "Målgrupper/intressenter
Kommunikationsmål") sets a communication goal for each target group in three
parts: "Veta" (what they should know), "Känna" (what they should feel) and
"Göra" (what they should do), e.g. for Behandlare/professionen "Veta: Stor
kunskap om sin behandling", "Känna: professionalism, stolthet", "Göra: Bidra
till vidareutveckling, vara ambassadör". Without all three it is not clear
what the communication with the group shall achieve, nor how to tell whether
it did.
Fix: fill in `know`, `feel` and `do` for the target group.]],
    sv = [[
Underlag 000 (workshop Kommunikationsplanering, bild 11 "Målgrupper/intressenter
Kommunikationsmål") sätter ett kommunikationsmål för varje målgrupp i tre
delar: "Veta" (vad de ska veta), "Känna" (vad de ska känna) och "Göra" (vad
de ska göra), till exempel för Behandlare/professionen "Veta: Stor kunskap om
sin behandling", "Känna: professionalism, stolthet", "Göra: Bidra till
vidareutveckling, vara ambassadör". Utan alla tre delarna är det oklart vad
kommunikationen med målgruppen ska uppnå, och hur man ser om den lyckades.
Åtgärd: fyll i `know`, `feel` och `do` för målgruppen.]],
  },
  -- one message for each combination of missing parts, named after them
  messages = {
    know = { en = "target group '{group}' does not state what it should know (veta)",
             sv = "målgruppen '{group}' anger inte vad den ska veta" },
    feel = { en = "target group '{group}' does not state what it should feel (känna)",
             sv = "målgruppen '{group}' anger inte vad den ska känna" },
    ["do"] = { en = "target group '{group}' does not state what it should do (göra)",
               sv = "målgruppen '{group}' anger inte vad den ska göra" },
    know_feel = { en = "target group '{group}' does not state what it should know (veta) or feel (känna)",
                  sv = "målgruppen '{group}' anger inte vad den ska veta eller känna" },
    know_do = { en = "target group '{group}' does not state what it should know (veta) or do (göra)",
                sv = "målgruppen '{group}' anger inte vad den ska veta eller göra" },
    feel_do = { en = "target group '{group}' does not state what it should feel (känna) or do (göra)",
                sv = "målgruppen '{group}' anger inte vad den ska känna eller göra" },
    know_feel_do = {
      en = "target group '{group}' does not state what it should know (veta), feel (känna) or do (göra)",
      sv = "målgruppen '{group}' anger inte vad den ska veta, känna eller göra",
    },
  },
  check = function(doc, report)
    for i, group in sk.each(doc.target_groups) do
      local missing -- made for the first missing goal: most groups state all
      for k = 1, #GOALS do
        if not sk.present(group[GOALS[k]]) then
          missing = missing and (missing .. "_" .. GOALS[k]) or GOALS[k]
        end
      end
      if missing then
        report { path = { "target_groups", i }, message = missing,
                 data = { group = sk.plan_label(group, i) } }
      end
    end
  end,
}
