-- ON-21: every program names the patients or citizens it is for (seed 004).
local sk, type = sk, type
local present, name_key = sk.present, sk.name_key

return {
  id = "ON-21",
  severity = "warning",
  applies_to = "unit-onboarding",
  title = {
    en = "Every program names whom it is for",
    sv = "Varje program anger vilka det vänder sig till",
  },
  explain = {
    en = [[
Seed 004 (Införandeguiden, "Att underlätta en förändring" and "Sätt mål för
användningen"): "Syfte och mål med användningen på enheten och vilka
programmen vänder sig till behöver vara solklart för alla på enheten", and
"Vilka patienter/invånare vill man nå?" Without a stated population the
practitioners do not know whom to offer a program, and the goals cannot be
followed up. Every name in `programs` needs an entry in
`target_populations` with the same `program` (compared after trimming
spaces, ignoring case) and a non-blank `population`.
Fix: add `{program: ..., population: ...}` to `target_populations` for each
program, e.g. `{program: Sömnbesvär, population: Vuxna listade patienter
med långvariga sömnbesvär}`.]],
    sv = [[
Underlag 004 (Införandeguiden, "Att underlätta en förändring" och "Sätt mål
för användningen"): "Syfte och mål med användningen på enheten och vilka
programmen vänder sig till behöver vara solklart för alla på enheten", och
"Vilka patienter/invånare vill man nå?" Utan en angiven målgrupp vet
behandlarna inte vem de ska erbjuda programmet, och målen går inte att
följa upp. Varje namn i `programs` behöver en post i `target_populations`
med samma `program` (jämfört efter att mellanslag i början och slutet
tagits bort, oavsett stora och små bokstäver) och en ifylld `population`.
Åtgärd: lägg till `{program: …, population: …}` i `target_populations` för
varje program, till exempel `{program: Sömnbesvär, population: Vuxna
listade patienter med långvariga sömnbesvär}`.]],
  },
  messages = {
    no_population = {
      en = "the program '{program}' does not say which patients or citizens it is for",
      sv = "programmet '{program}' anger inte vilka patienter eller invånare det vänder sig till",
    },
    blank_population = {
      en = "the program '{program}' has an entry in target_populations but no population",
      sv = "programmet '{program}' har en post i target_populations men ingen angiven målgrupp",
    },
  },
  check = function(doc, report)
    -- per program (by name key): the first entry with a population, and the
    -- first entry without one
    local stated, blank = {}, {}
    for i, entry in sk.each(doc.target_populations) do
      if type(entry) == "table" and present(entry.program) then
        local key = name_key(entry.program)
        if present(entry.population) then
          stated[key] = true
        elseif not blank[key] then
          blank[key] = i
        end
      end
    end
    local seen = {}
    for _, name in sk.each(doc.programs) do
      if present(name) then
        local key = name_key(name)
        if not stated[key] and not seen[key] then
          seen[key] = true
          if blank[key] then
            report { path = { "target_populations", blank[key], "population" },
                     message = "blank_population", data = { program = name } }
          else
            report { path = { "target_populations" }, message = "no_population",
                     data = { program = name } }
          end
        end
      end
    end
  end,
}
