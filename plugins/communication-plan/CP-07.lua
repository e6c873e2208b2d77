-- CP-07: every target group an activity names is defined in the plan.
local sk, type, ipairs, tostring = sk, type, ipairs, tostring
local each, activities, activity_ref, same_text, sub = sk.each, sk.activities, sk.activity_ref, sk.same_text, sk.sub

return {
  id = "CP-07",
  severity = "error",
  applies_to = "communication-plan",
  title = {
    en = "Activities name only target groups the plan defines",
    sv = "Aktiviteter anger bara målgrupper som finns i planen",
  },
  explain = {
    en = [[
An activity reaches the target groups whose ids it lists in `target_groups`.
An id that no entry of the plan's `target_groups` has (a typo, or a group
that was renamed or removed) reaches nobody, and the group it was meant for
may look reached when it is not: seed 001's Syfte is to "säkra att inga
målgrupper glöms bort". (An activity with no target groups at all is CP-06's
finding.)
Fix: correct the id in the activity, or add the target group to the plan's
`target_groups` with its know/feel/do, channels and owner.]],
    sv = [[
En aktivitet når de målgrupper vars id den anger i `target_groups`. Ett id
som ingen post i planens `target_groups` har (ett stavfel, eller en målgrupp
som har bytt namn eller tagits bort) når ingen, och målgruppen som avsågs kan
se ut att vara nådd fast den inte är det. Syftet i underlag 001 är att "säkra att
inga målgrupper glöms bort". (En aktivitet helt utan målgrupper hittas av
CP-06.)
Åtgärd: rätta id:t i aktiviteten, eller lägg till målgruppen i planens
`target_groups` med veta/känna/göra, kanaler och ansvarig.]],
  },
  messages = {
    did_you_mean = {
      en = "activity {activity} in phase {phase:phases} names target group '{id}', which the plan does not define; did you mean '{known}'?",
      sv = "aktiviteten {activity} i fasen {phase:phases} anger målgruppen '{id}', som inte finns i planen; menade du '{known}'?",
    },
    no_groups = {
      en = "activity {activity} in phase {phase:phases} names target group '{id}', which the plan does not define; the plan defines no target groups",
      sv = "aktiviteten {activity} i fasen {phase:phases} anger målgruppen '{id}', som inte finns i planen; planen har inga målgrupper alls",
    },
    undefined = {
      en = "activity {activity} in phase {phase:phases} names target group '{id}', which the plan does not define (defined: {defined:list})",
      sv = "aktiviteten {activity} i fasen {phase:phases} anger målgruppen '{id}', som inte finns i planen (planens målgrupper: {defined:list})",
    },
  },
  check = function(doc, report)
    -- the ids of the defined groups (as text), in order and as a set: the
    -- keys of sk.plan_groups
    local ids, defined = {}, {}
    for _, g in each(doc.target_groups) do
      if g.id ~= nil then
        local key = tostring(g.id)
        ids[#ids + 1] = key
        defined[key] = true
      end
    end
    for act, path in activities(doc) do
      if type(act) == "table" then
        for j, id in each(act.target_groups) do
          local key = tostring(id)
          if not defined[key] then
            local activity, phase = activity_ref(act, path)
            local data = { activity = activity, phase = phase, id = key }
            local message = #ids == 0 and "no_groups" or "undefined"
            for _, known in ipairs(ids) do
              if same_text(known, key) then
                message, data.known = "did_you_mean", known
                break
              end
            end
            data.defined = ids
            report { path = sub(path, "target_groups", j), message = message, data = data }
          end
        end
      end
    end
  end,
}
