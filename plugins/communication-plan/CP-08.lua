-- CP-08: each of the four phases has at least one activity (seed 001).
local QUESTION = {
  planning = "Planering och praktiskt förberedelsearbete",
  anchoring = "Förankring – eventuell utbildning om nytt arbetssätt innan införandet",
  implementation = "Implementering av nytt arbetssätt, och uppföljning mot ständiga förbättringar",
  maintenance = "Vidmakthållande över tid. Hur kommuniceras detta?",
}

return {
  id = "CP-08",
  severity = "warning",
  applies_to = "communication-plan",
  title = "Each of the four phases has an activity",
  explain = [[
Seed 001 (Kommunikationsplan för införande av nytt kunskapsstöd, the rows of
the Behovsanalys) divides the introduction into four parts: "Planering och
praktiskt förberedelsearbete", "Förankring", "Implementering av nytt
arbetssätt" and "Vidmakthållande över tid. Hur kommuniceras detta?". A phase
with no activity is usually one nobody thought about; the maintenance phase
is the one most often forgotten, and then the service fades once launched.
Fix: add at least one activity to `phases.planning`, `phases.anchoring`,
`phases.implementation` and `phases.maintenance`.]],
  check = function(doc, report)
    local phases = doc.phases
    if type(phases) ~= "table" then
      report {
        path = { "phases" },
        message = "the plan has no phases: none of planning (planering), anchoring (förankring), "
          .. "implementation (implementering) and maintenance (vidmakthållande) has an activity",
      }
      return
    end
    for _, phase in ipairs(sk.PHASES) do
      local p = phases[phase]
      local n = type(p) == "table" and sk.count(p.activities) or 0
      if n == 0 then
        local where = type(p) == "table" and "has no activity" or "is missing, so it has no activity"
        report {
          path = { "phases", phase, "activities" },
          message = "phase " .. phase .. " (" .. sk.PHASE_NAMES[phase] .. ") " .. where
            .. ": \"" .. QUESTION[phase] .. "\"",
        }
      end
    end
  end,
}
