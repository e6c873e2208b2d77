-- SM-11: a target level of 5 needs a legal review and a facilitating
-- department (seed 003).
return {
  id = "SM-11",
  severity = "error",
  applies_to = "social-media-strategy",
  title = "A target level of 5 has a legal review and a facilitating department",
  explain = [[
Seed 003 ("Skala for sygehuses kommunikation på sociale medier"): level 5,
closed networks around patient and relative groups, is drawn with dotted
red lines "fordi det er usikkert, om niveau 5 er en mulighed på grund af
lovgivningen om beskyttelse af personfølsomme oplysninger og om offentlige
ansattes og sundhedspersoners tavshedspligt", and "på niveau 5 vil det
naturligt være en afdeling, der driver og faciliterer patient- og
pårørendeinddragelsen". Aiming for level 5 without a legal review of
personal data and professional secrecy, or without a department that runs
the groups, risks patients' data and leaves the groups unattended.
Fix: have the plans reviewed by the legal function and record
`maturity.legal_review: true`; name the department that runs and
facilitates the groups in `maturity.facilitating_department`. Or aim for
level 4.]],
  check = function(doc, report)
    local m = sk.sm_maturity(doc)
    if m.target == nil or m.target < 5 then return end
    local level = sk.sm_level(m.target)
    if m.legal_review ~= true then
      report {
        path = { "maturity", "legal_review" },
        message = "target maturity " .. level .. " needs a legal review of personal data and professional"
          .. " secrecy (personfølsomme oplysninger, tavshedspligt), "
          .. (m.legal_review == false and "which is recorded as not done (legal_review is false)"
              or "which is not recorded (no legal_review)"),
      }
    end
    if not sk.present(m.facilitating_department) then
      report {
        path = { "maturity", "facilitating_department" },
        message = "target maturity " .. level .. " needs a department that runs and facilitates the patient"
          .. " and relative groups (en afdeling, der driver og faciliterer), and none is named",
      }
    end
  end,
}
