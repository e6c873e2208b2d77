-- ON-05: every staff member with a role has an HSA assignment and secure login (seed 004).
-- How a message names a staff member with roles; built only for a message.
local function who(member, i)
  return sk.staff_label(member, i) .. " (roles: " .. sk.join(member.roles) .. ")"
end

return {
  id = "ON-05",
  severity = "error",
  applies_to = "unit-onboarding",
  title = "Staff with roles have an HSA assignment and secure login",
  explain = [[
Seed 004 (Införandeguiden, "Anslut enheten till Stöd och behandling", step 4):
"Varje medarbetare med roll i Stöd och behandling ska ha medarbetaruppdrag
på den aktuella enheten i HSA och kunna logga in med säker autentisering
enligt bruksanvisningen." Without the assignment or secure login the
staff member cannot use the role the unit counts on.
The rule reports each staff member with at least one role, once for each
of the two that is missing or false. Staff without roles are not judged;
which roles are held at all is ON-04.
Fix: set `hsa_assignment: true` and `secure_login: true` for the staff
member once the assignment (medarbetaruppdrag) is registered in HSA and
the member can log in with secure authentication.]],
  check = function(doc, report)
    for i, member in sk.each(doc.staff) do
      if sk.count(member.roles) > 0 then
        if member.hsa_assignment ~= true then
          report { path = { "staff", i, "hsa_assignment" },
                   message = who(member, i) .. " has no HSA assignment on the unit (medarbetaruppdrag i HSA): "
                     .. (member.hsa_assignment == false and "hsa_assignment is false" or "it is not recorded") }
        end
        if member.secure_login ~= true then
          report { path = { "staff", i, "secure_login" },
                   message = who(member, i) .. " cannot log in with secure authentication (säker inloggning): "
                     .. (member.secure_login == false and "secure_login is false" or "it is not recorded") }
        end
      end
    end
  end,
}
