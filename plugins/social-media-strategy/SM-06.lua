-- SM-06: crisis communication names who speaks and who monitors
-- (seed 002 slide 7).
local sk = sk

return {
  id = "SM-06",
  severity = "warning",
  applies_to = "social-media-strategy",
  title = {
    en = "Crisis communication names who speaks and who monitors",
    sv = "Kriskommunikationen anger vem som talar och vem som bevakar",
  },
  explain = {
    en = [[
Seed 002 (Regionshospitalet Randers, "Strategi for sociale medier
2014-2015") slide 7, "Udebane- og krisekommunikation": "Oplever hospitalet
en krise på sociale medier, er det vigtigt, at der hurtigst muligt bliver
taget stilling til, hvem der udtrykker hospitalets holdning. I praksis vil
det ofte være den samme person, som i forvejen er ansvarlig for det
pågældende område", and "Kommunikation vil monitorere dialogen på de
sociale medier." In a crisis there is no time to find out who answers and
who keeps watch.
Fix: set `crisis.spokesperson_rule` (who speaks for the hospital, e.g. the
person responsible for the area, in coordination with Kommunikation) and
`crisis.monitoring` (who monitors the dialogue).]],
    sv = [[
Underlag 002 (Regionshospitalet Randers, "Strategi for sociale medier
2014-2015") bild 7, "Udebane- og krisekommunikation": "Oplever hospitalet
en krise på sociale medier, er det vigtigt, at der hurtigst muligt bliver
taget stilling til, hvem der udtrykker hospitalets holdning. I praksis vil
det ofte være den samme person, som i forvejen er ansvarlig for det
pågældende område", och "Kommunikation vil monitorere dialogen på de
sociale medier." Under en kris finns det ingen tid att ta reda på vem som
svarar och vem som håller uppsikt.
Åtgärd: fyll i `crisis.spokesperson_rule` (vem som talar för sjukhuset,
t.ex. den som ansvarar för området, i samråd med kommunikationsavdelningen)
och `crisis.monitoring` (vem som bevakar dialogen).]],
  },
  messages = {
    none = {
      en = "no crisis communication (krisekommunikation): nobody is named to speak for the hospital or to monitor the dialogue",
      sv = "det finns ingen kriskommunikation: ingen är utsedd att tala för sjukhuset eller att bevaka dialogen",
    },
    no_spokesperson = {
      en = "crisis communication does not say who speaks for the hospital (hvem der udtrykker hospitalets holdning)",
      sv = "kriskommunikationen anger inte vem som talar för sjukhuset och uttrycker dess hållning",
    },
    no_monitoring = {
      en = "crisis communication does not say who monitors the dialogue (monitorere dialogen)",
      sv = "kriskommunikationen anger inte vem som bevakar dialogen",
    },
  },
  check = function(doc, report)
    local crisis = doc.crisis
    if crisis == nil then
      report { path = { "crisis" }, message = "none" }
      return
    end
    if not sk.present(crisis.spokesperson_rule) then
      report { path = { "crisis", "spokesperson_rule" }, message = "no_spokesperson" }
    end
    if not sk.present(crisis.monitoring) then
      report { path = { "crisis", "monitoring" }, message = "no_monitoring" }
    end
  end,
}
