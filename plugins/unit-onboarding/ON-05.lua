-- ON-05: every staff member with a role has an HSA assignment and secure login (seed 004).
local sk = sk
local count, staff_ref = sk.count, sk.staff_ref

-- How a message names a staff member with roles; built only for a message.
return {
  id = "ON-05",
  severity = "error",
  applies_to = "unit-onboarding",
  title = {
    en = "Staff with roles have an HSA assignment and secure login",
    sv = "Medarbetare med roller har medarbetaruppdrag i HSA och säker inloggning",
  },
  explain = {
    en = [[
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
    sv = [[
Underlag 004 (Införandeguiden, "Anslut enheten till Stöd och behandling", steg 4):
"Varje medarbetare med roll i Stöd och behandling ska ha medarbetaruppdrag på
den aktuella enheten i HSA och kunna logga in med säker autentisering enligt
bruksanvisningen." Utan medarbetaruppdrag eller säker inloggning kan
medarbetaren inte använda den roll som enheten räknar med.
Regeln visar varje medarbetare med minst en roll, en gång för vart och ett
av de två kraven som saknas eller är false. Medarbetare utan roller bedöms
inte. Vilka roller som finns alls kontrolleras av ON-04.
Åtgärd: sätt `hsa_assignment: true` och `secure_login: true` för
medarbetaren när medarbetaruppdraget är registrerat i HSA och medarbetaren
kan logga in med säker autentisering.]],
  },
  messages = {
    hsa_false = {
      en = "staff member {who} (roles: {roles:roles}) has no HSA assignment on the unit (medarbetaruppdrag i HSA): hsa_assignment is false",
      sv = "medarbetaren {who} (roller: {roles:roles}) har inget medarbetaruppdrag på enheten i HSA: hsa_assignment är false",
    },
    hsa_missing = {
      en = "staff member {who} (roles: {roles:roles}) has no HSA assignment on the unit (medarbetaruppdrag i HSA): it is not recorded",
      sv = "medarbetaren {who} (roller: {roles:roles}) har inget registrerat medarbetaruppdrag på enheten i HSA: uppgiften saknas",
    },
    login_false = {
      en = "staff member {who} (roles: {roles:roles}) cannot log in with secure authentication (säker inloggning): secure_login is false",
      sv = "medarbetaren {who} (roller: {roles:roles}) kan inte logga in med säker inloggning: secure_login är false",
    },
    login_missing = {
      en = "staff member {who} (roles: {roles:roles}) cannot log in with secure authentication (säker inloggning): it is not recorded",
      sv = "medarbetaren {who} (roller: {roles:roles}) har ingen registrerad säker inloggning: uppgiften saknas",
    },
  },
  check = function(doc, report)
    for i, member in sk.each(doc.staff) do
      if count(member.roles) > 0 then
        local data = { who = staff_ref(member, i), roles = member.roles }
        if member.hsa_assignment ~= true then
          report { path = { "staff", i, "hsa_assignment" }, data = data,
                   message = member.hsa_assignment == false and "hsa_false" or "hsa_missing" }
        end
        if member.secure_login ~= true then
          report { path = { "staff", i, "secure_login" }, data = data,
                   message = member.secure_login == false and "login_false" or "login_missing" }
        end
      end
    end
  end,
}
