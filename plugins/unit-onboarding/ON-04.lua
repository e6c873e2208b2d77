-- ON-04: each of the four mandatory roles is held by a staff member (seed 004).
local sk, ipairs = sk, ipairs

return {
  id = "ON-04",
  severity = "error",
  applies_to = "unit-onboarding",
  title = {
    en = "The four mandatory roles are held",
    sv = "De fyra obligatoriska rollerna är tillsatta",
  },
  explain = {
    en = [[
Seed 004 (Införandeguiden, "Utse roller på enheten"): the unit's staff need
one or more of the mandatory roles behörighetsadministratör, invånar-
administratör, dataadministratör and behandlare. Without any one of them
the unit cannot assign access, serve citizens, manage data or treat.
Fix: give the role to a staff member in `staff[].roles` (access_admin,
citizen_admin, data_admin, practitioner).]],
    sv = [[
Underlag 004 (Införandeguiden, "Utse roller på enheten"): medarbetarna på enheten
behöver ha en eller flera av de obligatoriska rollerna
behörighetsadministratör, invånaradministratör, dataadministratör och
behandlare. Om någon av dem saknas kan enheten inte dela ut behörigheter,
hantera invånare, hantera data eller behandla.
Åtgärd: ge rollen till en medarbetare i `staff[].roles`
(access_admin, citizen_admin, data_admin, practitioner).]],
  },
  messages = {
    role_missing = {
      en = "no staff member holds the mandatory role {role:roles}",
      sv = "ingen medarbetare har den obligatoriska rollen {role:roles}",
    },
  },
  check = function(doc, report)
    local held = {}
    for _, member in sk.each(doc.staff) do
      for _, role in sk.each(member.roles) do held[role] = true end
    end
    for _, role in ipairs(sk.ROLES) do
      if not held[role] then
        report { path = { "staff" }, message = "role_missing", data = { role = role } }
      end
    end
  end,
}
