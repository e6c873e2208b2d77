-- string.rep loops n times in C even for an empty string (issue 20 item 2):
-- now an empty result is given at once, so this rule ends and reports.
return {
  id = "RT-02", severity = "error", applies_to = "unit-onboarding", title = "hostile: rep-empty",
  check = function(doc, report)
    local s = string.rep("", math.maxinteger)
    report { message = "RT-02 ended: " .. #s .. " bytes" }
  end,
}
