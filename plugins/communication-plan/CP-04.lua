-- CP-04: every high-priority target group is reached by an activity with a
-- verification (seed 001).
local sk, ipairs, tostring = sk, ipairs, tostring
local plan_reach, each, present, plan_label = sk.plan_reach, sk.each, sk.present, sk.plan_label

return {
  id = "CP-04",
  severity = "error",
  applies_to = "communication-plan",
  title = {
    en = "High-priority target groups are reached with a verification",
    sv = "Högt prioriterade målgrupper nås med en kontroll av att budskapet gått fram",
  },
  explain = {
    en = [[
Seed 001 (Kommunikationsplan för införande av nytt kunskapsstöd, the needs
analysis column "Hur säkerställer vi att informationen har tagits emot och
blivit förstådd?") says "Fokusera på prioriterade målgrupper och prioriterad
information." A group with `priority: high` must not only be sent
information: the plan must say how we know it was received and understood.
Cancelled activities reach nobody and do not count.
Fix: add, for the group, an activity that names it in `target_groups` and
has a `verification` (frågestund, kort enkät, återkoppling på APT, ...), or
add a verification to an activity that already reaches it.]],
    sv = [[
Underlag 001 (Kommunikationsplan för införande av nytt kunskapsstöd, kolumnen i
behovsanalysen "Hur säkerställer vi att informationen har tagits emot och
blivit förstådd?") säger: "Fokusera på prioriterade målgrupper och
prioriterad information." En målgrupp med `priority: high` ska inte bara få
information: planen ska också säga hur vi vet att informationen har tagits
emot och blivit förstådd. Inställda aktiviteter når ingen och räknas inte.
Åtgärd: lägg till en aktivitet för målgruppen som anger den i
`target_groups` och har en `verification` (frågestund, kort enkät,
återkoppling på APT ...), eller lägg till en `verification` i en aktivitet
som redan når målgruppen.]],
  },
  messages = {
    no_id = {
      en = "high-priority target group '{group}' has no id, so no activity can name it and nothing verifies that the information was received and understood",
      sv = "den högt prioriterade målgruppen '{group}' saknar id, så ingen aktivitet kan ange den och inget "
        .. "säkerställer att informationen har tagits emot och blivit förstådd",
    },
    not_reached = {
      en = "high-priority target group '{group}' is not reached by any activity (a cancelled one reaches "
        .. "nobody), so nothing verifies that the information was received and understood",
      sv = "den högt prioriterade målgruppen '{group}' nås inte av någon aktivitet (en inställd aktivitet når "
        .. "ingen), så inget säkerställer att informationen har tagits emot och blivit förstådd",
    },
    one_unverified = {
      en = "high-priority target group '{group}' is reached by 1 activity ({activities:list}) but it has no "
        .. "verification (hur säkerställer vi att informationen har tagits emot och blivit förstådd?)",
      sv = "den högt prioriterade målgruppen '{group}' nås av 1 aktivitet ({activities:list}), men den anger "
        .. "inte hur vi säkerställer att informationen har tagits emot och blivit förstådd (verification)",
    },
    none_verified = {
      en = "high-priority target group '{group}' is reached by {count:number} activities ({activities:list}) but "
        .. "none has a verification (hur säkerställer vi att informationen har tagits emot och blivit förstådd?)",
      sv = "den högt prioriterade målgruppen '{group}' nås av {count:number} aktiviteter ({activities:list}), "
        .. "men ingen av dem anger hur vi säkerställer att informationen har tagits emot och blivit förstådd "
        .. "(verification)",
    },
  },
  check = function(doc, report)
    local reach = plan_reach(doc)
    for i, group in each(doc.target_groups) do
      if group.priority == "high" then
        local acts = group.id ~= nil and reach[tostring(group.id)] or {}
        local verified = false
        for _, r in ipairs(acts) do
          if present(r.act.verification) then verified = true break end
        end
        if not verified then
          local data = { group = plan_label(group, i) }
          local message
          if group.id == nil then
            message = "no_id"
          elseif #acts == 0 then
            message = "not_reached"
          else
            -- an activity by its id, else by its path in the document
            local ids = {}
            for _, r in ipairs(acts) do
              ids[#ids + 1] = r.act.id ~= nil and ("'" .. tostring(r.act.id) .. "'")
                or ("phases." .. r.phase .. ".activities[" .. r.path[#r.path] .. "]")
            end
            data.activities, data.count = ids, #acts
            message = #acts == 1 and "one_unverified" or "none_verified"
          end
          report { path = { "target_groups", i }, message = message, data = data }
        end
      end
    end
  end,
}
