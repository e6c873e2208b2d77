-- A rule that reports 1 500 small findings in one call: stopped past 1 000,
-- the first 1 000 kept.
return {
  id = "RT-11", severity = "info", applies_to = "unit-onboarding", title = "flood of small findings",
  check = function(doc, report)
    for i = 1, 1500 do report { message = "finding " .. i } end
  end,
}
