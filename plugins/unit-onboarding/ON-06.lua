-- ON-06: staff with roles are trained in the basics, their roles and, for practitioners, the program (seed 004).
local sk, ipairs = sk, ipairs
local count, set, staff_ref = sk.count, sk.set, sk.staff_ref

-- How a message names a staff member with roles; built only for a message.
return {
  id = "ON-06",
  severity = "error",
  applies_to = "unit-onboarding",
  title = {
    en = "Staff with roles are trained for them",
    sv = "Medarbetare med roller är utbildade för dem",
  },
  explain = {
    en = [[
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
    sv = [[
Underlag 004 (Införandeguiden, "Utse roller på enheten" och "Utbilda
medarbetarna"): medarbetare med roller "behöver lämplig utbildning och
rutiner för att klara sina uppgifter på ett tryggt sätt". Alla behöver
"grundläggande kunskap om Stöd och behandling" (basics) och utbildning i
"rollerna på enheten, rutiner kopplat till dessa samt handhavande i
systemet" (roles). Behandlare ska dessutom "utbilda i det specifika
programmet" (program).
Regeln visar varje medarbetare med minst en roll, en gång för varje
utbildning som saknas i `training`. Medarbetare utan roller bedöms inte.
Åtgärd: utbilda medarbetaren och för in utbildningen i `training`
(basics, roles, program; manuals och continued rekommenderas).]],
  },
  messages = {
    untrained = {
      en = "staff member {who} (roles: {roles:roles}) is not trained in {topic:training}",
      sv = "medarbetaren {who} (roller: {roles:roles}) saknar utbildning i {topic:training}",
    },
    untrained_program = {
      en = "staff member {who} (roles: {roles:roles}) is not trained in {topic:training}, which a practitioner (behandlare) needs",
      sv = "medarbetaren {who} (roller: {roles:roles}) saknar utbildning i {topic:training}, som en behandlare behöver",
    },
  },
  check = function(doc, report)
    for i, member in sk.each(doc.staff) do
      if count(member.roles) > 0 then
        local roles = set(member.roles)
        local trained = set(member.training)
        local needed = { "basics", "roles" }
        if roles.practitioner then needed[#needed + 1] = "program" end
        for _, t in ipairs(needed) do
          if not trained[t] then
            report { path = { "staff", i, "training" },
                     message = t == "program" and "untrained_program" or "untrained",
                     data = { who = staff_ref(member, i), roles = member.roles, topic = t } }
          end
        end
      end
    end
  end,
}
