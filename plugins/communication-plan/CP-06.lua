-- CP-06: every activity states what, to whom, through which channel, when and
-- who is responsible (seed 001).
local FIELDS = {
  { key = "what",          what = "what it communicates (vad)" },
  { key = "target_groups", what = "target groups (målgrupp)", list = true },
  { key = "channel",       what = "a channel (kanal)" },
  { key = "date",          what = "a date (tidplan)" },
  { key = "owner",         what = "an owner (ansvarig)" },
}

return {
  id = "CP-06",
  severity = "error",
  applies_to = "communication-plan",
  title = "Every activity states what, to whom, how, when and who",
  explain = [[
Seed 001 (Kommunikationsplan för införande av nytt kunskapsstöd,
Kommunikationsinsatser) says that for each activity "framgår konkret vad som
ska kommuniceras, vilken målgruppen och insatsen är, när insatsen ska göras,
och vilken som är ansvarig", and the needs analysis has the columns "Hur når
vi dem?", "Tidplan" and "Ansvarig". An activity without a date is never
scheduled; one without an owner is done by nobody; one without target groups
or a message cannot be judged.
Fix: give the activity `what`, `target_groups` (ids of the plan's target
groups), `channel`, `date` and `owner`.]],
  check = function(doc, report)
    for act, path in sk.activities(doc) do
      local is_table = type(act) == "table"
      local missing -- made for the first missing field: most activities have all
      for k = 1, #FIELDS do
        local f = FIELDS[k]
        local v = is_table and act[f.key] or nil
        local ok
        if f.list then ok = sk.count(v) > 0 else ok = sk.present(v) end
        if not ok then
          missing = missing or {}
          missing[#missing + 1] = f.what
        end
      end
      if missing then
        local list = missing[1]
        if #missing > 1 then
          list = table.concat(missing, ", ", 1, #missing - 1) .. " or " .. missing[#missing]
        end
        report { path = path, message = sk.plan_activity(act, path) .. " does not state " .. list }
      end
    end
  end,
}
