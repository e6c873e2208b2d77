-- CP-14: a frequently-asked-questions document exists (seed 000 slides 17-18).
return {
  id = "CP-14",
  severity = "info",
  applies_to = "communication-plan",
  title = "A questions-and-answers document exists",
  explain = [[
Seed 000 (workshop Kommunikationsplanering, slides 17–18 "Idéer på
aktiviteter") proposes a "Frågor & svar (FAQ) dokument för att svara
konsekvent på frågor" and "Frågor & svar-listor till cheferna". With one
shared set of answers, managers, practitioners and 1177 staff give patients
and colleagues the same answer to the same question.
Fix: write the FAQ (frågor & svar) and record it as
`faq: {exists: true, location: <where it is published>}`.]],
  check = function(doc, report)
    local faq = doc.faq
    if type(faq) ~= "table" then
      report { path = { "faq" }, message = "the plan has no questions-and-answers document (frågor & svar, FAQ)" }
    elseif faq.exists == false then
      report {
        path = { "faq", "exists" },
        message = "the questions-and-answers document (frågor & svar, FAQ) does not exist yet (faq.exists is false)",
      }
    elseif faq.exists ~= true and not sk.present(faq.location) then
      report {
        path = { "faq", "exists" },
        message = "the plan does not say that a questions-and-answers document (frågor & svar, FAQ) exists, nor where it is",
      }
    end
  end,
}
