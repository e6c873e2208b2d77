-- A slow rule (a few million instructions per unit, within the budget): keeps
-- a run going long enough to be sent a signal (tests/cli/output.sh).
return {
  id = "RT-20", severity = "info", applies_to = "unit-onboarding", title = "slow",
  check = function(doc, report)
    local n = 0
    for i = 1, 2e6 do n = n + i % 3 end
    report { message = "counted " .. n }
  end,
}
