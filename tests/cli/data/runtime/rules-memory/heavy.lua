-- Keeps about 30 MB alive and allocates about 60 MB in one call, in large
-- strings so that it reaches the memory cap long before the 2 s deadline even
-- under a sanitizer on a loaded machine: always stopped for memory (a call
-- may allocate 32 MB); before the cap counted allocations, --jobs 1, 2, 3
-- stopped it on 11, 15 and 11 of 200 units.
return {
  id = "RM-02", severity = "info", applies_to = "unit-onboarding", title = "heavy",
  check = function(doc, report)
    local t = {}
    for i = 1, 300 do t[i] = ("x"):rep(100000) .. i end
    report { message = "kept " .. #t }
  end,
}
