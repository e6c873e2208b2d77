-- A rule that never ends: --skip must keep it out of the run entirely.
return {
  id = "LOOP-01", severity = "error", applies_to = "communication-plan",
  title = "Loops forever",
  check = function() while true do end end,
}
