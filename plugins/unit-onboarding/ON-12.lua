-- ON-12: a journaling routine names the record system, which is not the
-- platform (seed 004).
local sk, type, ipairs = sk, type, ipairs

-- Names that are never a record system, besides the document's `service`:
-- the platform and 1177's e-services ("Stöd och behandling är INTE ett
-- journalsystem").
local NOT_RECORD_SYSTEMS = { "Stöd och behandling", "1177" }

-- The first of `names` that `text` contains, ignoring case; nil if none.
local function contained(text, names)
  local folded = sk.fold(text)
  for _, name in ipairs(names) do
    if folded:find(sk.fold(name), 1, true) then return name end
  end
  return nil
end

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
    local names = {}
    if sk.present(doc.service) then names[1] = doc.service:match("^%s*(.-)%s*$") end
    for _, name in ipairs(NOT_RECORD_SYSTEMS) do names[#names + 1] = name end
    local platform = contained(system, names)
    if platform then
      report { path = { "routines", "journaling", "record_system" }, message = "not_a_record_system",
               data = { system = system, platform = platform } }
    end
  end,
}
