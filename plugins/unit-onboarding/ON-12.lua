-- ON-12: a journaling routine names the record system, which is not the platform (seed 004).
return {
  id = "ON-12",
  severity = "error",
  applies_to = "unit-onboarding",
  title = "Journaling goes to a record system, not the platform",
  explain = [[
Seed 004 (Införandeguiden, "Skapa riktlinjer, rutiner och processer" and
"Tänk på"): "Rutiner för journalföring (vid behov av dokumentation ska det
ske i ett journalsystem)" and "Stöd och behandling är INTE ett
journalsystem". Documentation left in the platform is not in the patient's
record, and the platform's data is removed within a year (ON-11).
The rule reports a missing `routines.journaling`, a routine without a name,
a missing `record_system`, and a record system equal, ignoring case, to the
document's `service` (the platform itself).
Fix: write the journaling routine and name the unit's record system
(TakeCare, Cosmic, Melior, ...), e.g.
`journaling: {routine: Rutin R-14, record_system: TakeCare}`.]],
  check = function(doc, report)
    local routines = doc.routines or {}
    local j = routines.journaling
    if j == nil then
      report { path = { "routines", "journaling" },
               message = "no journaling routine (rutin för journalföring): documentation must go "
                 .. "to a record system (journalsystem)" }
      return
    end
    if not sk.present(j.routine) then
      report { path = { "routines", "journaling", "routine" },
               message = "the journaling routine is not named (rutin för journalföring)" }
    end
    if not sk.present(j.record_system) then
      report { path = { "routines", "journaling", "record_system" },
               message = "the journaling routine names no record system (journalsystem)" }
    elseif sk.same_text(j.record_system, doc.service) then
      report { path = { "routines", "journaling", "record_system" },
               message = "the record system '" .. j.record_system .. "' is the platform itself ("
                 .. doc.service .. " är INTE ett journalsystem); name the unit's record system" }
    end
  end,
}
