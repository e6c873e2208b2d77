-- A rule that never ends: stopped by the instruction budget.
return {
  id = "RT-30", severity = "info", applies_to = "unit-onboarding", title = "endless",
  check = function(doc, report)
    while true do end
  end,
}
