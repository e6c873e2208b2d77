-- ON-06: staff with roles are trained in the basics, their roles and, for practitioners, the program (seed 004).
-- How a message names a staff member with roles; built only for a message.
local function who(member, i)
  return sk.staff_label(member, i) .. " (roles: " .. sk.join(member.roles) .. ")"
end

return {
  id = "ON-06",
  severity = "error",
  applies_to = "unit-onboarding",
  title = "Staff with roles are trained for them",
  explain = [[
Seed 004 (Införandeguiden, "Utse roller på enheten" and "Utbilda
medarbetarna"): staff with roles "behöver lämplig utbildning och rutiner för
att klara sina uppgifter på ett tryggt sätt". Everyone needs "grundläggande
kunskap om Stöd och behandling" (basics) and training in "rollerna på
enheten, rutiner kopplat till dessa samt handhavande i systemet" (roles);
practitioners (behandlare) also "utbilda i det specifika programmet"
(program).
The rule reports each staff member with at least one role, once for each
training missing from `training`. Staff without roles are not judged.
Fix: train the staff member and list the training in `training`
(basics, roles, program; manuals and continued are recommended).]],
  check = function(doc, report)
    for i, member in sk.each(doc.staff) do
      if sk.count(member.roles) > 0 then
        local roles = sk.set(member.roles)
        local trained = sk.set(member.training)
        local needed = { "basics", "roles" }
        if roles.practitioner then needed[#needed + 1] = "program" end
        local name -- who(member, i), once a message needs it
        for _, t in ipairs(needed) do
          if not trained[t] then
            name = name or who(member, i)
            local why = t == "program" and ", which a practitioner (behandlare) needs" or ""
            report { path = { "staff", i, "training" },
                     message = name .. " is not trained in " .. t .. " (" .. sk.TRAINING_NAMES[t] .. ")" .. why }
          end
        end
      end
    end
  end,
}
