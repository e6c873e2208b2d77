-- CP-06: every activity states what, to whom, through which channel, when and
-- who is responsible (seed 001).
local sk, type = sk, type

-- The fields every activity states, by their keys in the document, in the
-- order the message lists those that are missing: what, target_groups (a
-- list: it needs an item), channel, date, owner. The check reads them one by
-- one, without a loop over a table of them (which cost a lookup of the key and
-- of its kind for every field of every activity).
local present, count, activities, activity_ref = sk.present, sk.count, sk.activities, sk.activity_ref

return {
  id = "CP-06",
  severity = "error",
  applies_to = "communication-plan",
  title = {
    en = "Every activity states what, to whom, how, when and who",
    sv = "Varje aktivitet anger vad, till vem, hur, när och vem som ansvarar",
  },
  explain = {
    en = [[
Seed 001 (Kommunikationsplan för införande av nytt kunskapsstöd,
Kommunikationsinsatser) says that for each activity "framgår konkret vad som
ska kommuniceras, vilken målgruppen och insatsen är, när insatsen ska göras,
och vilken som är ansvarig", and the needs analysis has the columns "Hur når
vi dem?", "Tidplan" and "Ansvarig". An activity without a date is never
scheduled; one without an owner is done by nobody; one without target groups
or a message cannot be judged.
Fix: give the activity `what`, `target_groups` (ids of the plan's target
groups), `channel`, `date` and `owner`.]],
    sv = [[
Underlag 001 (Kommunikationsplan för införande av nytt kunskapsstöd,
Kommunikationsinsatser) säger att det för varje aktivitet "framgår konkret
vad som ska kommuniceras, vilken målgruppen och insatsen är, när insatsen
ska göras, och vilken som är ansvarig", och behovsanalysen har kolumnerna
"Hur når vi dem?", "Tidplan" och "Ansvarig". En aktivitet utan datum blir
aldrig inplanerad. En aktivitet utan ansvarig görs av ingen. En aktivitet
utan målgrupper eller budskap går inte att bedöma.
Åtgärd: ge aktiviteten `what`, `target_groups` (id för planens
målgrupper), `channel`, `date` och `owner`.]],
  },
  messages = {
    missing = {
      en = "activity {activity} in phase {phase:phases} does not fill in: {missing:list}",
      sv = "aktiviteten {activity} i fasen {phase:phases} saknar uppgifter i: {missing:list}",
    },
  },
  check = function(doc, report)
    for act, path in activities(doc) do
      local what, groups, channel, date, owner
      if type(act) == "table" then
        what, groups, channel, date, owner = act.what, act.target_groups, act.channel, act.date, act.owner
      end
      local has_what, has_groups, has_channel = present(what), count(groups) > 0, present(channel)
      local has_date, has_owner = present(date), present(owner)
      if not (has_what and has_groups and has_channel and has_date and has_owner) then
        local missing = {}
        if not has_what then missing[#missing + 1] = "what" end
        if not has_groups then missing[#missing + 1] = "target_groups" end
        if not has_channel then missing[#missing + 1] = "channel" end
        if not has_date then missing[#missing + 1] = "date" end
        if not has_owner then missing[#missing + 1] = "owner" end
        local activity, phase = activity_ref(act, path)
        report { path = path, message = "missing",
                 data = { activity = activity, phase = phase, missing = missing } }
      end
    end
  end,
}
