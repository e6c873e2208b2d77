-- SM-11: a strategy at or aiming for level 5 needs a legal review and a
-- facilitating department (seed 003).
local sk = sk

return {
  id = "SM-11",
  severity = "error",
  applies_to = "social-media-strategy",
  title = {
    en = "A strategy at or aiming for level 5 has a legal review and a facilitating department",
    sv = "En strategi på eller mot nivå 5 har en juridisk granskning och en ansvarig avdelning",
  },
  explain = {
    en = [[
Seed 003 ("Skala for sygehuses kommunikation på sociale medier"): level 5,
closed networks around patient and relative groups, is drawn with dotted
red lines "fordi det er usikkert, om niveau 5 er en mulighed på grund af
lovgivningen om beskyttelse af personfølsomme oplysninger og om offentlige
ansattes og sundhedspersoners tavshedspligt", and "på niveau 5 vil det
naturligt være en afdeling, der driver og faciliterer patient- og
pårørendeinddragelsen". Being at or aiming for level 5 without a legal
review of personal data and professional secrecy, or without a department
that runs the groups, risks patients' data and leaves the groups
unattended. The level judged is the higher of `maturity.current` and
`maturity.target` (where only one is given, that one).
Fix: have the plans reviewed by the legal function and record
`maturity.legal_review: true`; name the department that runs and
facilitates the groups in `maturity.facilitating_department`. Or stay at
level 4.]],
    sv = [[
Underlag 003 (skalan för sjukhusens kommunikation på sociala medier): nivå
5, slutna nätverk kring patient- och anhöriggrupper, är ritad med
streckade röda linjer eftersom det är osäkert om nivån alls är möjlig med
lagarna om skydd för känsliga personuppgifter och om offentliganställdas
och vårdpersonals tystnadsplikt. På nivå 5 är det naturligt att en
avdelning driver och samordnar patient- och anhöriginvolveringen. Att vara
på eller sikta mot nivå 5 utan juridisk granskning av personuppgifter och
tystnadsplikt, eller utan en avdelning som driver grupperna, sätter
patienternas uppgifter på spel och lämnar grupperna utan tillsyn. Den nivå
som bedöms är den högre av `maturity.current` och `maturity.target` (finns
bara den ena är det den).
Åtgärd: låt juristerna granska planerna och för in
`maturity.legal_review: true`; ange avdelningen som driver och samordnar
grupperna i `maturity.facilitating_department`. Eller stanna på nivå 4.]],
  },
  messages = {
    review_refused = {
      en = "maturity level 5 needs a legal review of personal data and professional secrecy, "
        .. "and it is recorded as not done (legal_review is false)",
      sv = "mognadsnivå 5 kräver en juridisk granskning av personuppgifter och tystnadsplikt, "
        .. "och den är registrerad som inte gjord (legal_review är false)",
    },
    review_missing = {
      en = "maturity level 5 needs a legal review of personal data and professional secrecy, "
        .. "and none is recorded",
      sv = "mognadsnivå 5 kräver en juridisk granskning av personuppgifter och tystnadsplikt, "
        .. "men ingen sådan granskning är registrerad",
    },
    no_department = {
      en = "maturity level 5 needs a department that runs and facilitates the patient and "
        .. "relative groups, and none is named",
      sv = "mognadsnivå 5 kräver en avdelning som driver och samordnar patient- och "
        .. "anhöriggrupperna, men ingen är angiven",
    },
  },
  check = function(doc, report)
    local m = sk.sm_maturity(doc)
    local level = sk.sm_top_level(m)
    if level == nil or level < 5 then return end
    if m.legal_review ~= true then
      report { path = { "maturity", "legal_review" },
               message = m.legal_review == false and "review_refused" or "review_missing" }
    end
    if not sk.present(m.facilitating_department) then
      report { path = { "maturity", "facilitating_department" }, message = "no_department" }
    end
  end,
}
