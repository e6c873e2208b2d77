-- A %b pattern scans the text from every position: n^2 steps in C.
return {
  id = "RT-03", severity = "error", applies_to = "unit-onboarding", title = "hostile: balance",
  check = function(doc, report)
    local x = ("("):rep(2e5):find("%b()")
    report { message = "RT-03 was not stopped" }
  end,
}
