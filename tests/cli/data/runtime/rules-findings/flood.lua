-- A rule that reports a 1 MB message 1 500 times per unit (issue 20 item 3):
-- before the caps, 1.5 GB per unit, then "out of memory" and no report for
-- anyone. Now the call is stopped past 1 MB of findings.
local big = ("x"):rep(1 << 20)
return {
  id = "RT-10", severity = "warning", applies_to = "unit-onboarding", title = "flood of big findings",
  check = function(doc, report)
    for _ = 1, 1500 do report { message = big } end
  end,
}
