-- SM-12: a strategy at or aiming for level 3 or more names who answers
-- outside office hours (seed 003).
local sk = sk

return {
  id = "SM-12",
  severity = "warning",
  applies_to = "social-media-strategy",
  title = {
    en = "A strategy at or aiming for level 3 or more names who answers after hours",
    sv = "En strategi på eller mot nivå 3 eller högre anger vem som svarar utanför kontorstid",
  },
  explain = {
    en = [[
Seed 003 ("Skala for sygehuses kommunikation på sociale medier"): level 3,
"Dialog – Proaktiv tilgang", asks for "Hurtig svartid 365/24/7". A
hospital that invites dialogue must answer in the evening, at weekends and
on holidays too, and somebody has to be given that task; the communication
department's office hours do not cover it. The level judged is the higher
of `maturity.current` and `maturity.target` (where only one is given, that
one).
Fix: name who answers outside office hours (e.g. the hospital's duty
communicator, the patient office's evening shift) in
`maturity.after_hours_owner`, or stay at level 2.]],
    sv = [[
Underlag 003 (skalan för sjukhusens kommunikation på sociala medier): nivå
3, dialog med ett proaktivt förhållningssätt, kräver snabba svar dygnet
runt, årets alla dagar ("Hurtig svartid 365/24/7"). Ett sjukhus som bjuder
in till dialog måste svara på kvällar, helger och helgdagar också, och
någon måste ha den uppgiften; kommunikationsavdelningens kontorstid räcker
inte. Den nivå som bedöms är den högre av `maturity.current` och
`maturity.target` (finns bara den ena är det den).
Åtgärd: ange i `maturity.after_hours_owner` vem som svarar utanför
kontorstid (till exempel sjukhusets jourhavande kommunikatör eller
patientkontorets kvällspass), eller stanna på nivå 2.]],
  },
  messages = {
    at = {
      en = "the strategy is at maturity level {level} ({level:levels}), which needs quick replies "
        .. "around the clock, but nobody is named to answer outside office hours",
      sv = "strategin är på mognadsnivå {level} ({level:levels}), som kräver snabba svar dygnet "
        .. "runt, men ingen är utsedd att svara utanför kontorstid",
    },
    aim = {
      en = "the strategy aims for maturity level {level} ({level:levels}), which needs quick replies "
        .. "around the clock, but nobody is named to answer outside office hours",
      sv = "strategin siktar mot mognadsnivå {level} ({level:levels}), som kräver snabba svar dygnet "
        .. "runt, men ingen är utsedd att svara utanför kontorstid",
    },
  },
  check = function(doc, report)
    local m = sk.sm_maturity(doc)
    local level, aims = sk.sm_top_level(m)
    if level == nil or level < 3 or sk.present(m.after_hours_owner) then return end
    report { path = { "maturity", "after_hours_owner" }, message = aims and "aim" or "at",
             data = { level = level } }
  end,
}
