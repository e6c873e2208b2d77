-- ON-20: the risk analysis covers every program the unit will use (seed 004).
local sk, type = sk, type
local present, name_key = sk.present, sk.name_key

return {
  id = "ON-20",
  severity = "error",
  applies_to = "unit-onboarding",
  title = {
    en = "The risk analysis covers every program",
    sv = "Riskanalysen omfattar varje program",
  },
  explain = {
    en = [[
Seed 004 (Införandeguiden, "Gör en riskanalys"): "Även om man gjort en
riskanalys på själva programmet i utvecklingsfasen, behöver verksamheten
som börjar använda det göra en kompletterande riskanalys utifrån sina
specifika förutsättningar", and the analysis is "minst lika aktuellt för
enheten som ska börja använda ett specifikt stöd- eller
behandlingsprogram". A risk analysis of the service in general leaves the
risks of each program (who it is for, how a patient in crisis is noticed)
unexamined. Every name in `programs` must be in `risk_analysis.programs`,
compared after trimming spaces and ignoring case. The rule judges whenever
the unit has programs and a `risk_analysis`, dated or not (a missing date
is ON-07's finding).
Fix: extend the risk analysis to the program and list it in
`risk_analysis.programs`.]],
    sv = [[
Underlag 004 (Införandeguiden, "Gör en riskanalys"): "Även om man gjort en
riskanalys på själva programmet i utvecklingsfasen, behöver verksamheten
som börjar använda det göra en kompletterande riskanalys utifrån sina
specifika förutsättningar", och analysen är "minst lika aktuellt för
enheten som ska börja använda ett specifikt stöd- eller
behandlingsprogram". En riskanalys av tjänsten i allmänhet lämnar varje
programs egna risker (vem det vänder sig till, hur en patient i kris
upptäcks) oprövade. Varje namn i `programs` ska finnas i
`risk_analysis.programs`; namnen jämförs efter att mellanslag i början och
slutet tagits bort, oavsett stora och små bokstäver. Regeln bedömer så
snart enheten har program och en `risk_analysis`, daterad eller inte (ett
saknat datum är ON-07:s fynd).
Åtgärd: utvidga riskanalysen till programmet och för in det i
`risk_analysis.programs`.]],
  },
  messages = {
    not_covered = {
      en = "the risk analysis does not cover the program '{program}'",
      sv = "riskanalysen omfattar inte programmet '{program}'",
    },
  },
  check = function(doc, report)
    local ra = doc.risk_analysis
    if type(ra) ~= "table" then return end
    local covered = {}
    for _, name in sk.each(ra.programs) do
      if present(name) then covered[name_key(name)] = true end
    end
    local seen = {}
    for _, name in sk.each(doc.programs) do
      if present(name) then
        local key = name_key(name)
        if not covered[key] and not seen[key] then
          seen[key] = true
          report { path = { "risk_analysis", "programs" }, message = "not_covered",
                   data = { program = name } }
        end
      end
    end
  end,
}
