-- COV-01: a rule whose fixtures never take one branch (tests/cli/timing.sh).
return {
  id = "COV-01",
  severity = "error",
  applies_to = "unit-onboarding",
  title = "The manager is named",
  explain = "A rule of the coverage test: the fixtures never leave out the team.",
  check = function(doc, report)
    if doc.team == nil then
      report { path = {}, message = "the checklist has no team" }
      return
    end
    if not sk.present(doc.team.manager) then
      report { path = { "team", "manager" }, message = "the manager is not named" }
    end
  end,
}
