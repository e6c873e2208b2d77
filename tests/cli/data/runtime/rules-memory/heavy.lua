-- Keeps about 31 MB alive and allocates about 62 MB in one call: now always
-- stopped (a call may allocate 32 MB); before, with --jobs 1, 2, 3 stopped on
-- 11, 15 and 11 of 200 units.
return {
  id = "RM-02", severity = "info", applies_to = "unit-onboarding", title = "heavy",
  check = function(doc, report)
    local t = {}
    for i = 1, 30000 do t[i] = ("x"):rep(1000) .. i end
    report { message = "kept " .. #t }
  end,
}
