-- CP-01: the plan names its owner, purpose and goal (seed 001).
local FIELDS = {
  { key = "owner",   what = "owner (ansvarig för kommunikationsplanens upprättande)" },
  { key = "purpose", what = "purpose (syfte)" },
  { key = "goal",    what = "goal (mål)" },
}

return {
  id = "CP-01",
  severity = "error",
  applies_to = "communication-plan",
  title = "The plan names its owner, purpose and goal",
  explain = [[
Seed 001 (Kommunikationsplan för införande av nytt kunskapsstöd) opens with
the plan's Syfte and Mål and asks who is "ansvarig för kommunikationsplanens
upprättande". A plan without an owner is nobody's job to keep up to date;
without a purpose and a goal nobody can tell whether it worked.
Fix: fill in `owner`, `purpose` and `goal` at the top of the plan.]],
  check = function(doc, report)
    for _, f in ipairs(FIELDS) do
      if not sk.present(doc[f.key]) then
        report { path = { f.key }, message = "the plan does not name its " .. f.what }
      end
    end
  end,
}
