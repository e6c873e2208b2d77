-- CP-18: the plan has a target group marked `support: true`, the support
-- functions that must be able to help (seed 000 slides 11-12).
local sk, type = sk, type
local each = sk.each

return {
  id = "CP-18",
  severity = "warning",
  applies_to = "communication-plan",
  title = {
    en = "The support functions are a target group",
    sv = "Stödfunktionerna är en målgrupp",
  },
  explain = {
    en = [[
Seed 000 (workshop Kommunikationsplanering, slides 11–12
"Målgrupper/intressenter") lists among the target groups "Admin för
e-tjänster", "1177 Vårdguiden-medarbetare", "Servicedesk" and
"Sjukvårdsrådgivningen", with the goal "Känna till och kunna ge stöd". When
patients and staff start using the service, their questions reach 1177 på
telefon, the servicedesk and the administrators of the e-services first; if
nobody told them, they cannot help. At least one target group must be marked
`support: true`.
Fix: add the support functions as a target group with `support: true`
(1177 på telefon, servicedesk, administratörer för 1177:s e-tjänster), with
what they need to know and an activity that reaches them, or mark an
existing such group `support: true`.]],
    sv = [[
Underlag 000 (workshopen Kommunikationsplanering, bild 11–12
"Målgrupper/intressenter") räknar bland målgrupperna upp "Admin för
e-tjänster", "1177 Vårdguiden-medarbetare", "Servicedesk" och
"Sjukvårdsrådgivningen", med målet "Känna till och kunna ge stöd". När
patienter och personal börjar använda tjänsten hamnar deras frågor först hos
1177 på telefon, servicedesk och administratörerna för e-tjänsterna; har
ingen informerat dem kan de inte hjälpa till. Minst en målgrupp ska vara
markerad `support: true`.
Åtgärd: lägg till stödfunktionerna som en målgrupp med `support: true`
(1177 på telefon, servicedesk, administratörer för 1177:s e-tjänster), med
vad de behöver veta och en aktivitet som når dem, eller markera en befintlig
sådan målgrupp `support: true`.]],
  },
  messages = {
    no_support = {
      en = "no target group is a support function (support: true): who must be able to help, such as 1177 på telefon or the servicedesk?",
      sv = "ingen målgrupp är en stödfunktion (support: true): vilka ska kunna ge stöd, till exempel 1177 på telefon eller servicedesk?",
    },
  },
  check = function(doc, report)
    for _, group in each(doc.target_groups) do
      if type(group) == "table" and group.support == true then return end
    end
    report { path = { "target_groups" }, message = "no_support" }
  end,
}
