-- A rule that catches the memory cap's error with pcall and goes on: still
-- stopped, its reason said once.
return {
  id = "RT-32", severity = "info", applies_to = "unit-onboarding", title = "caught memory",
  check = function(doc, report)
    pcall(function() local t = {} for i = 1, 1e6 do t[i] = ("x"):rep(1000) .. i end end)
    report { message = "after the memory stop" }
  end,
}
