-- ON-02: the team names a contact person toward the regional administration,
-- a local 1177 administrator and a business developer (seed 004: they
-- "underlättar").
local sk, type, ipairs = sk, type, ipairs

local MEMBERS = { "contact_person", "local_admin", "developer" }

return {
  id = "ON-02",
  severity = "warning",
  applies_to = "unit-onboarding",
  title = {
    en = "The team names a contact person, a local administrator and a business developer",
    sv = "Teamet har kontaktperson, lokal administratör och verksamhetsutvecklare",
  },
  explain = {
    en = [[
Seed 004 (Införandeguiden, "Förberedelser på enheten/verksamheten", "Vilka?"):
"Skapa gärna ett team för införandet. Det underlättar också att ha en utsedd
kontaktperson gentemot förvaltningen, framförallt under införandet men även
i förlängningen. Ett team kan bestå av: Chef, verksamhetsutvecklare; Lokal
administratör för 1177 Vårdguidens tjänster; Medarbetare som har roller i
systemet." The guide words these as help, not as demands ("gärna",
"underlättar", "kan bestå av"), so a missing one is a warning: the contact
person is whom the regional administration guides, the local administrator
activates the e-service on 1177 (connection step 5), and the business
developer carries the change of processes and routines. (The manager is
required: ON-01; staff with roles are ON-04.)
Fix: name them in `team.contact_person`, `team.local_admin` and
`team.developer` (one person may hold more than one of them).]],
    sv = [[
Underlag 004 (Införandeguiden, "Förberedelser på enheten/verksamheten",
"Vilka?"): "Skapa gärna ett team för införandet. Det underlättar också att
ha en utsedd kontaktperson gentemot förvaltningen, framförallt under
införandet men även i förlängningen. Ett team kan bestå av: Chef,
verksamhetsutvecklare; Lokal administratör för 1177 Vårdguidens tjänster;
Medarbetare som har roller i systemet." Guiden beskriver dem som en hjälp,
inte som krav ("gärna", "underlättar", "kan bestå av"), så en som saknas
ger en varning: kontaktpersonen är den som förvaltningen vägleder, den
lokala administratören aktiverar e-tjänsten på 1177 (anslutningssteg 5) och
verksamhetsutvecklaren driver förändringen av processer och rutiner.
(Chefen är ett krav: ON-01; medarbetare med roller: ON-04.)
Åtgärd: ange dem i `team.contact_person`, `team.local_admin` och
`team.developer` (samma person kan ha flera av uppdragen).]],
  },
  messages = {
    contact_person = {
      en = "the team names no contact person toward the regional administration",
      sv = "teamet har ingen utsedd kontaktperson gentemot förvaltningen",
    },
    local_admin = {
      en = "the team names no local administrator for the 1177 e-services",
      sv = "teamet har ingen lokal administratör för 1177:s e-tjänster",
    },
    developer = {
      en = "the team names no business developer",
      sv = "teamet har ingen verksamhetsutvecklare",
    },
  },
  check = function(doc, report)
    local team = type(doc.team) == "table" and doc.team or {}
    for _, member in ipairs(MEMBERS) do
      if not sk.present(team[member]) then
        report { path = { "team", member }, message = member }
      end
    end
  end,
}
