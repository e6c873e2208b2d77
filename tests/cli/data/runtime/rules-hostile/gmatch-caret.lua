-- gmatch takes ^ as a plain character: the pattern is tried from every position.
return {
  id = "RT-06", severity = "error", applies_to = "unit-onboarding", title = "hostile: gmatch-caret",
  check = function(doc, report)
    for _ in ("^"):rep(2e5):gmatch("^.-x") do end
    report { message = "RT-06 was not stopped" }
  end,
}
