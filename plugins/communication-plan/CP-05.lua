-- CP-05: every target group is reached by at least one activity (seed 001).
local sk, type, tostring = sk, type, tostring
local plan_reach, each, plan_status, plan_label = sk.plan_reach, sk.each, sk.plan_status, sk.plan_label

return {
  id = "CP-05",
  severity = "warning",
  applies_to = "communication-plan",
  title = {
    en = "Every target group is reached by an activity",
    sv = "Varje målgrupp nås av en aktivitet",
  },
  explain = {
    en = [[
Seed 001 (Kommunikationsplan för införande av nytt kunskapsstöd, Syfte) says
the plan is made "genom en behovsanalys säkra att inga målgrupper glöms
bort". A target group that no activity names in its `target_groups` has been
analysed but is never communicated with: it is forgotten. A cancelled
activity reaches nobody and does not count.
Fix: add an activity (in the phase where the group needs to know) that names
the group's id in `target_groups`, or remove the group if it is not a
target group after all.]],
    sv = [[
Underlag 001 (Kommunikationsplan för införande av nytt kunskapsstöd, Syfte) säger
att planen görs för att "genom en behovsanalys säkra att inga målgrupper
glöms bort". En målgrupp som ingen aktivitet anger i sina `target_groups` är
analyserad men får aldrig någon kommunikation: den är bortglömd. En inställd
aktivitet når ingen och räknas inte.
Åtgärd: lägg till en aktivitet (i den fas där målgruppen behöver få
veta) som anger målgruppens id i `target_groups`, eller ta bort målgruppen
om den inte är en målgrupp trots allt.]],
  },
  messages = {
    no_id = {
      en = "target group '{group}' has no id, so no activity can name it: it is forgotten (inga målgrupper glöms bort)",
      sv = "målgruppen '{group}' saknar id, så ingen aktivitet kan ange den: målgruppen glöms bort",
    },
    not_named = {
      en = "target group '{group}' is reached by no activity (no activity names it): it is forgotten (inga målgrupper glöms bort)",
      sv = "målgruppen '{group}' nås inte av någon aktivitet (ingen aktivitet anger den): målgruppen glöms bort",
    },
    only_cancelled = {
      en = "target group '{group}' is reached by no activity (the only activities that name it are cancelled): it is forgotten (inga målgrupper glöms bort)",
      sv = "målgruppen '{group}' nås inte av någon aktivitet (de enda aktiviteter som anger den är inställda): målgruppen glöms bort",
    },
  },
  check = function(doc, report)
    local reach = plan_reach(doc)
    -- activities that name a group but are cancelled, to say so in the
    -- message; gathered when a group is first found unreached
    local cancelled
    for i, group in each(doc.target_groups) do
      local message
      if group.id == nil then
        message = "no_id"
      elseif reach[tostring(group.id)] == nil then
        if not cancelled then
          cancelled = {}
          for act in sk.activities(doc) do
            if type(act) == "table" and plan_status(act) == "cancelled" then
              for _, id in each(act.target_groups) do cancelled[tostring(id)] = true end
            end
          end
        end
        message = cancelled[tostring(group.id)] and "only_cancelled" or "not_named"
      end
      if message then
        report { path = { "target_groups", i }, message = message, data = { group = plan_label(group, i) } }
      end
    end
  end,
}
