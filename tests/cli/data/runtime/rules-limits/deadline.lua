-- A rule whose every step is slow C work the budget does not charge (a
-- 256 KB utf8.len): the 10 000 000 instructions would take hours, so the
-- 2 000 ms deadline stops it, on any machine.
local text = ("x"):rep(1 << 18)
return {
  id = "RT-31", severity = "info", applies_to = "unit-onboarding", title = "slow steps",
  check = function(doc, report)
    local n = 0
    while true do n = n + utf8.len(text) end
  end,
}
