-- report() bypassed the memory caps (issue 20 item 3): 1 MB reported 1 500
-- times is now stopped past 1 MB of findings in the call.
local big = ("x"):rep(1 << 20)
return {
  id = "FZ-04", severity = "error", applies_to = "communication-plan", title = "t",
  check = function(doc, report)
    for _ = 1, 1500 do pcall(report, { message = big }) end
  end,
}
