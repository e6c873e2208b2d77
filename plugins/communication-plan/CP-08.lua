-- CP-08: each of the four phases has at least one activity, unless it says
-- why it is not relevant (`not_relevant`, seed 001).
local sk, type, ipairs = sk, type, ipairs

return {
  id = "CP-08",
  severity = "warning",
  applies_to = "communication-plan",
  title = {
    en = "Each of the four phases has an activity or says why it is not relevant",
    sv = "Varje fas har en aktivitet eller säger varför den inte är relevant",
  },
  explain = {
    en = [[
Seed 001 (Kommunikationsplan för införande av nytt kunskapsstöd, the rows of
the Behovsanalys) divides the introduction into four parts: "Planering och
praktiskt förberedelsearbete", "Förankring", "Implementering av nytt
arbetssätt" and "Vidmakthållande över tid. Hur kommuniceras detta?". It also
says "Fyll i de delar av införandet, där det är relevant med en
kommunikationsinsats": a phase may be left out, but then the plan says why.
A phase with no activity and no reason is usually one nobody thought about;
the maintenance phase is the one most often forgotten, and then the service
fades once launched. A phase given as `{not_relevant: text}` with a
non-blank text needs no activity; a blank `not_relevant` gives no reason and
counts as an empty phase.
Fix: add at least one activity to each of `phases.planning`,
`phases.anchoring`, `phases.implementation` and `phases.maintenance`, or
write in the phase's `not_relevant` why it needs none.]],
    sv = [[
Underlag 001 (Kommunikationsplan för införande av nytt kunskapsstöd, raderna
i behovsanalysen) delar in införandet i fyra delar: "Planering och praktiskt
förberedelsearbete", "Förankring", "Implementering av nytt arbetssätt" och
"Vidmakthållande över tid. Hur kommuniceras detta?". Där står också "Fyll i
de delar av införandet, där det är relevant med en kommunikationsinsats": en
fas kan utelämnas, men då säger planen varför. En fas utan aktivitet och
utan skäl är oftast en fas som ingen har tänkt på; vidmakthållandet glöms
oftast, och då falnar tjänsten efter starten. En fas som skrivs
`{not_relevant: text}` med en text som inte är tom behöver ingen aktivitet;
en tom `not_relevant` anger inget skäl och räknas som en tom fas.
Åtgärd: lägg till minst en aktivitet i var och en av `phases.planning`,
`phases.anchoring`, `phases.implementation` och `phases.maintenance`, eller
skriv i fasens `not_relevant` varför den inte behöver någon.]],
  },
  messages = {
    no_phases = {
      en = "the plan has no phases: none of planning, anchoring, implementation and maintenance has an activity or a reason (not_relevant)",
      sv = "planen har inga faser: varken planering, förankring, implementering eller vidmakthållande har en aktivitet eller ett skäl (not_relevant)",
    },
    missing = {
      en = "phase {phase:phases} is missing: it has no activity and does not say why it is not relevant (not_relevant)",
      sv = "fasen {phase:phases} saknas: den har ingen aktivitet och säger inte varför den inte är relevant (not_relevant)",
    },
    empty = {
      en = "phase {phase:phases} has no activity and does not say why it is not relevant (not_relevant)",
      sv = "fasen {phase:phases} har ingen aktivitet och säger inte varför den inte är relevant (not_relevant)",
    },
    blank = {
      en = "phase {phase:phases} has no activity, and its not_relevant is blank: it gives no reason",
      sv = "fasen {phase:phases} har ingen aktivitet, och dess not_relevant är tom: den anger inget skäl",
    },
    maintenance_missing = {
      en = "phase {phase:phases} is missing: how is the service communicated over time? Add an activity, or a reason (not_relevant)",
      sv = "fasen {phase:phases} saknas: hur kommuniceras tjänsten över tid? Lägg till en aktivitet, eller ett skäl (not_relevant)",
    },
    maintenance_empty = {
      en = "phase {phase:phases} has no activity: how is the service communicated over time? Add an activity, or a reason (not_relevant)",
      sv = "fasen {phase:phases} har ingen aktivitet: hur kommuniceras tjänsten över tid? Lägg till en aktivitet, eller ett skäl (not_relevant)",
    },
    maintenance_blank = {
      en = "phase {phase:phases} has no activity, and its not_relevant is blank: how is the service communicated over time?",
      sv = "fasen {phase:phases} har ingen aktivitet, och dess not_relevant är tom: hur kommuniceras tjänsten över tid?",
    },
  },
  check = function(doc, report)
    local phases = doc.phases
    if type(phases) ~= "table" then
      report { path = { "phases" }, message = "no_phases" }
      return
    end
    for _, phase in ipairs(sk.PHASES) do
      local p = phases[phase]
      local why -- why it has no activity: the message (maintenance asks its own question)
      if type(p) ~= "table" then
        why = "missing"
      elseif sk.count(p.activities) == 0 and not sk.present(p.not_relevant) then
        why = p.not_relevant ~= nil and "blank" or "empty"
      end
      if why then
        report {
          path = { "phases", phase, "activities" },
          message = (phase == "maintenance" and "maintenance_" or "") .. why,
          data = { phase = phase },
        }
      end
    end
  end,
}
