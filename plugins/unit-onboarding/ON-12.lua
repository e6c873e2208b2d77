-- ON-12: a journaling routine names the record system, which is not the
-- platform (seed 004).
local sk, type, ipairs = sk, type, ipairs

-- Names that are never a record system, besides the document's `service`:
-- the platform and 1177's e-services ("Stöd och behandling är INTE ett
-- journalsystem"); folded once, when the plugin is loaded.
local NOT_RECORD_SYSTEMS = { "Stöd och behandling", "1177" }
local FOLDED = {}
for i, name in ipairs(NOT_RECORD_SYSTEMS) do FOLDED[i] = sk.fold(name) end

return {
  id = "ON-12",
  severity = "error",
  applies_to = "unit-onboarding",
  title = {
    en = "Journaling goes to a record system, not the platform",
    sv = "Journalföring sker i ett journalsystem, inte i plattformen",
  },
  explain = {
    en = [[
Seed 004 (Införandeguiden, "Skapa riktlinjer, rutiner och processer" and
"Tänk på"): "Rutiner för journalföring (vid behov av dokumentation ska det
ske i ett journalsystem)" and "Stöd och behandling är INTE ett
journalsystem". Documentation left in the platform is not in the patient's
record, and the platform's data is removed within a year (ON-11).
The rule reports a missing `routines.journaling`, a routine without a name,
a missing `record_system`, and a record system whose name contains,
ignoring case, the document's `service`, "Stöd och behandling" or "1177":
"Stöd och behandling (plattformen)" and "1177 Vårdguiden" are not record
systems. (A blank `service` is not compared.)
Fix: write the journaling routine and name the unit's record system
(TakeCare, Cosmic, Melior, ...), e.g.
`journaling: {routine: Rutin R-14, record_system: TakeCare}`.]],
    sv = [[
Underlag 004 (Införandeguiden, "Skapa riktlinjer, rutiner och processer" och
"Tänk på"): "Rutiner för journalföring (vid behov av dokumentation ska det
ske i ett journalsystem)" och "Stöd och behandling är INTE ett
journalsystem". Dokumentation som bara finns i plattformen hamnar inte i
patientens journal, och plattformens data gallras inom ett år (ON-11).
Regeln visar om `routines.journaling` saknas, om rutinen saknar namn, om
`record_system` saknas och om journalsystemets namn, oavsett stora och små
bokstäver, innehåller dokumentets `service`, "Stöd och behandling" eller
"1177": "Stöd och behandling (plattformen)" och "1177 Vårdguiden" är inga
journalsystem. (En tom `service` jämförs inte.)
Åtgärd: skriv rutinen för journalföring och ange enhetens journalsystem
(TakeCare, Cosmic, Melior …), till exempel
`journaling: {routine: Rutin R-14, record_system: TakeCare}`.]],
  },
  messages = {
    no_journaling = {
      en = "no journaling routine: documentation must go to a record system",
      sv = "det finns ingen rutin för journalföring: dokumentation ska göras i ett journalsystem",
    },
    no_routine = {
      en = "the journaling routine is not named",
      sv = "rutinen för journalföring har inget namn",
    },
    no_record_system = {
      en = "the journaling routine names no record system",
      sv = "rutinen för journalföring anger inget journalsystem",
    },
    not_a_record_system = {
      en = "'{system}' is not a record system: the name contains '{platform}', and "
        .. "documentation must go to the unit's record system",
      sv = "'{system}' är inget journalsystem: namnet innehåller '{platform}', och "
        .. "dokumentationen ska göras i enhetens journalsystem",
    },
  },
  check = function(doc, report)
    local routines = type(doc.routines) == "table" and doc.routines or {}
    local j = routines.journaling
    if type(j) ~= "table" then
      report { path = { "routines", "journaling" }, message = "no_journaling" }
      return
    end
    if not sk.present(j.routine) then
      report { path = { "routines", "journaling", "routine" }, message = "no_routine" }
    end
    local system = j.record_system
    if not sk.present(system) then
      report { path = { "routines", "journaling", "record_system" }, message = "no_record_system" }
      return
    end
    -- the first name the record system's contains, ignoring case: the
    -- service, then NOT_RECORD_SYSTEMS
    local folded = sk.fold(system)
    local platform
    if sk.present(doc.service) then
      local service = sk.trim(doc.service)
      if folded:find(sk.fold(service), 1, true) then platform = service end
    end
    for i = 1, #FOLDED do
      if platform then break end
      if folded:find(FOLDED[i], 1, true) then platform = NOT_RECORD_SYSTEMS[i] end
    end
    if platform then
      report { path = { "routines", "journaling", "record_system" }, message = "not_a_record_system",
               data = { system = system, platform = platform } }
    end
  end,
}
