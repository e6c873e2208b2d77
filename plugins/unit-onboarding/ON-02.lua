-- ON-02: the team names a local 1177 administrator and a business developer (seed 004).
return {
  id = "ON-02",
  severity = "warning",
  applies_to = "unit-onboarding",
  title = "The team has a local administrator and a business developer",
  explain = [[
Seed 004 (Införandeguiden, "Förberedelser på enheten/verksamheten", "Vilka?"):
"Skapa gärna ett team för införandet. Ett team kan bestå av: Chef,
verksamhetsutvecklare; Lokal administratör för 1177 Vårdguidens tjänster;
Medarbetare som har roller i systemet." The local administrator activates
the e-service on 1177 (connection step 5); the business developer carries
the change of processes and routines.
Fix: name them in `team.local_admin` and `team.developer`. (The manager and
the contact person are ON-01; staff with roles are ON-04.)]],
  check = function(doc, report)
    local team = doc.team or {}
    if not sk.present(team.local_admin) then
      report { path = { "team", "local_admin" },
               message = "the team names no local administrator for the 1177 e-services "
                 .. "(lokal administratör för 1177 Vårdguidens tjänster)" }
    end
    if not sk.present(team.developer) then
      report { path = { "team", "developer" },
               message = "the team names no business developer (verksamhetsutvecklare)" }
    end
  end,
}
