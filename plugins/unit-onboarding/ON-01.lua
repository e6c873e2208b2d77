-- ON-01: the manager is named and a contact person is designated (seed 004).
return {
  id = "ON-01",
  severity = "error",
  applies_to = "unit-onboarding",
  title = "The manager and a contact person are named",
  explain = [[
Seed 004 (Införandeguiden, "Förberedelser på enheten/verksamheten", "Vilka?"):
"Ledningens stöd är viktig" and the guide says to "Involvera chefen i
införandet" and to have "en utsedd kontaktperson gentemot förvaltningen",
during the introduction and after it. Without a named manager nobody creates
the conditions for the change; without a contact person the regional
administration (förvaltningen) does not know whom to guide.
Fix: name the manager in `team.manager` and the contact person in
`team.contact_person`. (The local administrator and the business developer
are ON-02.)]],
  check = function(doc, report)
    local team = doc.team or {}
    if not sk.present(team.manager) then
      report { path = { "team", "manager" },
               message = "the unit's manager (chef) is not named: the introduction needs "
                 .. "the management's support (ledningens stöd)" }
    end
    if not sk.present(team.contact_person) then
      report { path = { "team", "contact_person" },
               message = "no contact person toward the regional administration "
                 .. "(kontaktperson gentemot förvaltningen) is designated" }
    end
  end,
}
