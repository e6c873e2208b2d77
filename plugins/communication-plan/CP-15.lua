-- CP-15: accessibility is considered: plain language and a norm-critical
-- review (seed 000 slide 5).
local type, ipairs = type, ipairs

local ITEMS = { "plain_language", "norm_critical_review" }

return {
  id = "CP-15",
  severity = "warning",
  applies_to = "communication-plan",
  title = {
    en = "Accessibility: plain language and a norm-critical review",
    sv = "Tillgänglighet: klarspråk och normkritisk granskning",
  },
  explain = {
    en = [[
Seed 000 (workshop Kommunikationsplanering, slide 5 "Workshop dag 1") gives
a session to "Normkritiskt tänkande och tillgänglighet". Information about a
care service has to be understood by everyone it concerns, whatever their
language, abilities or background, and must not exclude by the norms it
takes for granted (images, examples, who is addressed).
Fix: write the material in plain language and have it reviewed from a
norm-critical perspective, then record
`accessibility: {plain_language: true, norm_critical_review: true}`
(and the `formats` offered: text, film, ...).]],
    sv = [[
Underlag 000 (workshop Kommunikationsplanering, bild 5 "Workshop dag 1") ägnar
ett pass åt "Normkritiskt tänkande och tillgänglighet". Information om en
vårdtjänst måste kunna förstås av alla som den gäller, oavsett språk,
förmågor eller bakgrund, och får inte utesluta någon genom normer som den
tar för givna (bilder, exempel, vem som tilltalas).
Åtgärd: skriv materialet på klarspråk och låt det granskas ur ett
normkritiskt perspektiv. För sedan in
`accessibility: {plain_language: true, norm_critical_review: true}`
(och de format som erbjuds i `formats`: text, film ...).]],
  },
  messages = {
    not_considered = {
      en = "the plan does not consider accessibility (tillgänglighet): neither plain language (klarspråk) nor a "
        .. "norm-critical review (normkritiskt tänkande) is recorded",
      sv = "planen tar inte hänsyn till tillgänglighet: varken klarspråk eller normkritisk granskning (normkritiskt tänkande) finns angivet",
    },
    plain_language_false = {
      en = "the communication material is not written in plain language (klarspråk)",
      sv = "kommunikationsmaterialet är inte skrivet på klarspråk",
    },
    plain_language_missing = {
      en = "the communication material is not recorded as written in plain language (klarspråk)",
      sv = "det står inte att kommunikationsmaterialet är skrivet på klarspråk",
    },
    norm_critical_review_false = {
      en = "the communication material is not given a norm-critical review (normkritisk granskning)",
      sv = "kommunikationsmaterialet har inte fått någon normkritisk granskning",
    },
    norm_critical_review_missing = {
      en = "the communication material is not recorded as given a norm-critical review (normkritisk granskning)",
      sv = "det står inte att kommunikationsmaterialet har fått en normkritisk granskning",
    },
  },
  check = function(doc, report)
    local a = doc.accessibility
    if type(a) ~= "table" then
      report { path = { "accessibility" }, message = "not_considered" }
      return
    end
    for _, key in ipairs(ITEMS) do
      local v = a[key]
      if v ~= true then
        report { path = { "accessibility", key }, message = key .. (v == false and "_false" or "_missing") }
      end
    end
  end,
}
