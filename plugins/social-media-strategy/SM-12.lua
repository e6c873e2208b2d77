-- SM-12: a target level of 3 or more names who answers outside office hours
-- (seed 003).
return {
  id = "SM-12",
  severity = "warning",
  applies_to = "social-media-strategy",
  title = "A target level of 3 or more names who answers after hours",
  explain = [[
Seed 003 ("Skala for sygehuses kommunikation på sociale medier"): level 3,
"Dialog – Proaktiv tilgang", asks for "Hurtig svartid 365/24/7". A
hospital that invites dialogue must answer in the evening, at weekends and
on holidays too, and somebody has to be given that task; the communication
department's office hours do not cover it.
Fix: name who answers outside office hours (e.g. the hospital's duty
communicator, the patient office's evening shift) in
`maturity.after_hours_owner`, or aim for level 2.]],
  check = function(doc, report)
    local m = sk.sm_maturity(doc)
    if m.target == nil or m.target < 3 or sk.present(m.after_hours_owner) then return end
    report {
      path = { "maturity", "after_hours_owner" },
      message = "target maturity " .. sk.sm_level(m.target) .. " needs a quick reply 365/24/7"
        .. " (hurtig svartid), but nobody is named to answer outside office hours (after_hours_owner)",
    }
  end,
}
