-- ON-01: the unit's manager is named (seed 004, "ledningens stöd").
local sk, type = sk, type

return {
  id = "ON-01",
  severity = "error",
  applies_to = "unit-onboarding",
  title = {
    en = "The unit's manager is named",
    sv = "Enhetens chef är angiven",
  },
  explain = {
    en = [[
Seed 004 (Införandeguiden, "Att underlätta en förändring" and "Förberedelser
på enheten/verksamheten"): "Ledningens stöd är viktig när det kommer till
förändringar och implementering av nya verktyg", and "Involvera chefen i
införandet som kan skapa de förutsättningar som behövs för ett lyckat
införande." Without a named manager nobody is accountable for giving the
staff time, routines and priorities for the new way of working. (The
contact person, the local administrator and the business developer help
but are not required: ON-02.)
Fix: name the unit's manager in `team.manager`.]],
    sv = [[
Underlag 004 (Införandeguiden, "Att underlätta en förändring" och
"Förberedelser på enheten/verksamheten"): "Ledningens stöd är viktig när det
kommer till förändringar och implementering av nya verktyg", och "Involvera
chefen i införandet som kan skapa de förutsättningar som behövs för ett
lyckat införande." Utan en angiven chef är ingen ansvarig för att
medarbetarna får tid, rutiner och prioriteringar för det nya arbetssättet.
(Kontaktperson, lokal administratör och verksamhetsutvecklare underlättar
men är inte krav: ON-02.)
Åtgärd: ange enhetens chef i `team.manager`.]],
  },
  messages = {
    no_manager = {
      en = "the unit's manager is not named: the introduction needs the management's support",
      sv = "enhetens chef är inte angiven: införandet behöver ledningens stöd",
    },
  },
  check = function(doc, report)
    local team = type(doc.team) == "table" and doc.team or {}
    if not sk.present(team.manager) then
      report { path = { "team", "manager" }, message = "no_manager" }
    end
  end,
}
