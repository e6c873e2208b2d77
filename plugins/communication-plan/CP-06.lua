-- CP-06: every activity states what, to whom, through which channel, when and
-- who is responsible (seed 001).
local sk, type = sk, type

-- The fields every activity states, by their keys in the document (the
-- message lists the keys that are missing).
local FIELDS = {
  { key = "what" },
  { key = "target_groups", list = true },
  { key = "channel" },
  { key = "date" },
  { key = "owner" },
}
local present, count = sk.present, sk.count

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
    for act, path in sk.activities(doc) do
      local is_table = type(act) == "table"
      local missing -- made for the first missing field: most activities have all
      for k = 1, #FIELDS do
        local f = FIELDS[k]
        local v = is_table and act[f.key] or nil
        local ok
        if f.list then ok = count(v) > 0 else ok = present(v) end
        if not ok then
          missing = missing or {}
          missing[#missing + 1] = f.key
        end
      end
      if missing then
        local activity, phase = sk.activity_ref(act, path)
        report { path = path, message = "missing",
                 data = { activity = activity, phase = phase, missing = missing } }
      end
    end
  end,
}
