-- CP-15: accessibility is considered: plain language and a norm-critical
-- review (seed 000 slide 5).
local ITEMS = {
  { key = "plain_language",       what = "written in plain language (klarspråk)" },
  { key = "norm_critical_review", what = "given a norm-critical review (normkritisk granskning)" },
}

return {
  id = "CP-15",
  severity = "warning",
  applies_to = "communication-plan",
  title = "Accessibility: plain language and a norm-critical review",
  explain = [[
Seed 000 (workshop Kommunikationsplanering, slide 5 "Workshop dag 1") gives
a session to "Normkritiskt tänkande och tillgänglighet". Information about a
care service has to be understood by everyone it concerns, whatever their
language, abilities or background, and must not exclude by the norms it
takes for granted (images, examples, who is addressed).
Fix: write the material in plain language and have it reviewed from a
norm-critical perspective, then record
`accessibility: {plain_language: true, norm_critical_review: true}`
(and the `formats` offered: text, film, ...).]],
  check = function(doc, report)
    local a = doc.accessibility
    if type(a) ~= "table" then
      report {
        path = { "accessibility" },
        message = "the plan does not consider accessibility (tillgänglighet): neither plain language (klarspråk) "
          .. "nor a norm-critical review (normkritiskt tänkande) is recorded",
      }
      return
    end
    for _, item in ipairs(ITEMS) do
      local v = a[item.key]
      if v ~= true then
        local state = v == false and "is not" or "is not recorded as"
        report {
          path = { "accessibility", item.key },
          message = "the communication material " .. state .. " " .. item.what,
        }
      end
    end
  end,
}
