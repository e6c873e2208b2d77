-- CP-14: a frequently-asked-questions document exists (seed 000 slides 17-18).
local sk, type = sk, type

return {
  id = "CP-14",
  severity = "info",
  applies_to = "communication-plan",
  title = {
    en = "A questions-and-answers document exists",
    sv = "Det finns ett dokument med frågor och svar",
  },
  explain = {
    en = [[
Seed 000 (workshop Kommunikationsplanering, slides 17–18 "Idéer på
aktiviteter") proposes a "Frågor & svar (FAQ) dokument för att svara
konsekvent på frågor" and "Frågor & svar-listor till cheferna". With one
shared set of answers, managers, practitioners and 1177 staff give patients
and colleagues the same answer to the same question.
Fix: write the FAQ (frågor & svar) and record it as
`faq: {exists: true, location: <where it is published>}`.]],
    sv = [[
Underlag 000 (workshop Kommunikationsplanering, bild 17–18 "Idéer på
aktiviteter") föreslår ett "Frågor & svar (FAQ) dokument för att svara
konsekvent på frågor" och "Frågor & svar-listor till cheferna". Med en
gemensam uppsättning svar ger chefer, behandlare och medarbetare på 1177
patienter och kollegor samma svar på samma fråga.
Åtgärd: skriv dokumentet med frågor & svar och för in det som
`faq: {exists: true, location: <där det publiceras>}`.]],
  },
  messages = {
    no_faq = {
      en = "the plan has no questions-and-answers document (frågor & svar, FAQ)",
      sv = "planen har inget dokument med frågor & svar (FAQ)",
    },
    not_yet = {
      en = "the questions-and-answers document (frågor & svar, FAQ) does not exist yet (faq.exists is false)",
      sv = "dokumentet med frågor & svar (FAQ) finns inte än (faq.exists är false)",
    },
    unknown = {
      en = "the plan does not say that a questions-and-answers document (frågor & svar, FAQ) exists, nor where it is",
      sv = "planen anger inte att det finns ett dokument med frågor & svar (FAQ), och inte heller var det finns",
    },
  },
  check = function(doc, report)
    local faq = doc.faq
    if type(faq) ~= "table" then
      report { path = { "faq" }, message = "no_faq" }
    elseif faq.exists == false then
      report { path = { "faq", "exists" }, message = "not_yet" }
    elseif faq.exists ~= true and not sk.present(faq.location) then
      report { path = { "faq", "exists" }, message = "unknown" }
    end
  end,
}
