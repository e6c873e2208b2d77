-- CP-01: the plan names its owner, purpose and goal (seed 001).
local sk, ipairs = sk, ipairs

local FIELDS = { "owner", "purpose", "goal" }

return {
  id = "CP-01",
  severity = "error",
  applies_to = "communication-plan",
  title = {
    en = "The plan names its owner, purpose and goal",
    sv = "Planen anger ansvarig, syfte och mål",
  },
  explain = {
    en = [[
Seed 001 (Kommunikationsplan för införande av nytt kunskapsstöd) opens with
the plan's Syfte and Mål and asks who is "ansvarig för kommunikationsplanens
upprättande". A plan without an owner is nobody's job to keep up to date;
without a purpose and a goal nobody can tell whether it worked.
Fix: fill in `owner`, `purpose` and `goal` at the top of the plan.]],
    sv = [[
Underlag 001 (Kommunikationsplan för införande av nytt kunskapsstöd) börjar med
planens Syfte och Mål och frågar vem som är "ansvarig för kommunikationsplanens
upprättande". En plan utan ansvarig är ingens uppgift att hålla aktuell. Utan
syfte och mål kan ingen avgöra om planen fungerade.
Åtgärd: fyll i `owner`, `purpose` och `goal` överst i planen.]],
  },
  messages = {
    no_owner = {
      en = "the plan does not name its owner (ansvarig för kommunikationsplanens upprättande)",
      sv = "planen anger inte vem som är ansvarig för kommunikationsplanens upprättande",
    },
    no_purpose = { en = "the plan does not name its purpose (syfte)", sv = "planen anger inte sitt syfte" },
    no_goal = { en = "the plan does not name its goal (mål)", sv = "planen anger inte sitt mål" },
  },
  check = function(doc, report)
    for _, key in ipairs(FIELDS) do
      if not sk.present(doc[key]) then
        report { path = { key }, message = "no_" .. key }
      end
    end
  end,
}
