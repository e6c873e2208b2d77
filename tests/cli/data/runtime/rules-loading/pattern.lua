-- A plugin whose top-level chunk runs a pattern that would take n^2 steps.
local x = ("("):rep(2e5):find("%b()")
return {}
