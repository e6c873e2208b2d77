-- sk.join with a separator longer than the buffer's first block: before the
-- fix of issue 20 it gave "double free or corruption".
return {
  id = "RT-01", severity = "warning", applies_to = "unit-onboarding",
  title = "sk.join with a long separator",
  check = function(doc, report)
    local s = sk.join(doc.staff[1].roles, ("a"):rep(5000))
    report { message = "joined " .. #s .. " bytes" }
  end,
}
