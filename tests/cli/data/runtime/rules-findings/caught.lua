-- The findings stop cannot be caught with pcall.
return {
  id = "RT-12", severity = "info", applies_to = "unit-onboarding", title = "caught flood",
  check = function(doc, report)
    pcall(function() for i = 1, 1500 do report { message = "caught " .. i } end end)
    report { message = "after the stop" }
  end,
}
