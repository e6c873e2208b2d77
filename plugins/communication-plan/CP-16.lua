-- CP-16: an activity dated before today that is still planned is overdue.
local sk, type, tostring = sk, type, tostring
local is_date, plan_status, activity_ref, present = sk.is_date, sk.plan_status, sk.activity_ref, sk.present

return {
  id = "CP-16",
  severity = "warning",
  applies_to = "communication-plan",
  title = {
    en = "No planned activity is overdue",
    sv = "Ingen planerad aktivitet är försenad",
  },
  explain = {
    en = [[
Seed 001 (Kommunikationsplan för införande av nytt kunskapsstöd) gives every
activity a "Tidplan" and an "Ansvarig", and says the plan "behöver ofta
uppdateras kontinuerligt i implementeringens olika faser". An activity whose
date has passed but which is still `planned` (or has no status) either did
not happen, and its target group has not been reached, or happened and the
plan was not updated. Cancelled activities are never overdue.
Fix: ask the activity's owner; set `status: done` if it happened, give it a
new `date` if it was postponed, or `status: cancelled` and reach the group
some other way.]],
    sv = [[
Underlag 001 (Kommunikationsplan för införande av nytt kunskapsstöd) ger varje
aktivitet en "Tidplan" och en "Ansvarig", och säger att planen "behöver ofta
uppdateras kontinuerligt i implementeringens olika faser". En aktivitet vars
datum har passerat men som fortfarande är `planned` (eller saknar status)
har antingen inte blivit av, och då har målgruppen inte nåtts, eller blivit
av utan att planen uppdaterades. Inställda aktiviteter är aldrig försenade.
Åtgärd: fråga den ansvariga för aktiviteten. Sätt `status: done` om
den blev av, ge den ett nytt `date` om den sköts upp, eller sätt
`status: cancelled` och nå målgruppen på något annat sätt.]],
  },
  messages = {
    overdue = {
      en = "activity {activity} in phase {phase:phases} was due on {date:date}, {days:days} before today "
        .. "({today:date}), and is still planned: mark it done, move its date or cancel it",
      sv = "aktiviteten {activity} i fasen {phase:phases} skulle ha genomförts {date:date}, {days:days} före i "
        .. "dag ({today:date}), men är fortfarande planerad: markera den som genomförd, flytta datumet eller "
        .. "ställ in den",
    },
    overdue_owner = {
      en = "activity {activity} in phase {phase:phases} was due on {date:date}, {days:days} before today "
        .. "({today:date}), and is still planned (owner: {owner}): mark it done, move its date or cancel it",
      sv = "aktiviteten {activity} i fasen {phase:phases} skulle ha genomförts {date:date}, {days:days} före i "
        .. "dag ({today:date}), men är fortfarande planerad (ansvarig: {owner}): markera den som genomförd, "
        .. "flytta datumet eller ställ in den",
    },
  },
  check = function(doc, report, ctx)
    local today = ctx.as_of
    if not is_date(today) then return end
    for act, path in sk.activities(doc) do
      if type(act) == "table" and is_date(act.date) and act.date < today
          and plan_status(act) == "planned" then
        local activity, phase = activity_ref(act, path)
        local data = { activity = activity, phase = phase, date = act.date,
                       days = sk.days(act.date, today), today = today }
        local message = "overdue"
        if present(act.owner) then message, data.owner = "overdue_owner", tostring(act.owner) end
        report { path = path, message = message, data = data }
      end
    end
  end,
}
