-- CP-02: every target group has at least one channel and an owner (seed 001).
local sk, tostring = sk, tostring

return {
  id = "CP-02",
  severity = "error",
  applies_to = "communication-plan",
  title = {
    en = "Every target group has a channel and an owner",
    sv = "Varje målgrupp har en kanal och en ansvarig",
  },
  explain = {
    en = [[
Seed 001's needs analysis asks for each target group "Hur når vi dem? Genom
vilka kanaler?" and names an "Ansvarig". A group with no channel is never
reached; a group with no owner is reached by nobody in particular.
Fix: give the group at least one entry in `channels` (APT, ledningsmejl,
dialogmöte, ...) and an `owner`.]],
    sv = [[
Behovsanalysen i underlag 001 frågar för varje målgrupp "Hur når vi dem? Genom
vilka kanaler?" och anger en "Ansvarig". En målgrupp utan kanal nås aldrig.
En målgrupp utan ansvarig nås inte av någon särskild, och då blir det lätt
inte gjort.
Åtgärd: ge målgruppen minst en kanal i `channels` (APT, ledningsmejl,
dialogmöte ...) och en ansvarig i `owner`.]],
  },
  messages = {
    no_channel_no_owner = {
      en = "target group '{group}' has no channel and no owner (kanal, ansvarig)",
      sv = "målgruppen '{group}' saknar både kanal och ansvarig",
    },
    no_channel = {
      en = "target group '{group}' has no channel (Hur når vi dem?)",
      sv = "målgruppen '{group}' saknar kanal (Hur når vi dem?)",
    },
    no_owner = {
      en = "target group '{group}' has no owner (ansvarig)",
      sv = "målgruppen '{group}' saknar ansvarig",
    },
  },
  check = function(doc, report)
    for i, group in sk.each(doc.target_groups) do
      local no_channel = sk.count(group.channels) == 0
      local no_owner = not sk.present(group.owner)
      local message
      if no_channel and no_owner then
        message = "no_channel_no_owner"
      elseif no_channel then
        message = "no_channel"
      elseif no_owner then
        message = "no_owner"
      end
      if message then
        report { path = { "target_groups", i }, message = message,
                 data = { group = tostring(group.id or group.name or ("#" .. i)) } }
      end
    end
  end,
}
