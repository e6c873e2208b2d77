-- CP-02: every target group has at least one channel and an owner (seed 001).
local sk, tostring = sk, tostring

-- Whether a list of channel names holds one that is not blank: ["", " "]
-- names no channel.
local function names_a_channel(channels)
  for _, c in sk.each(channels) do
    if sk.present(c) then return true end
  end
  return false
end

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
A plan that names no target group at all has done no needs analysis
("Målgrupper: Vilka behöver vi kommunicera med?") and is reported too:
where there is no group, no channel and no owner can be checked, and the
plan would pass this rule by saying nothing.
Fix: list the groups the service must reach in `target_groups`; give each
group at least one entry in `channels` (APT, ledningsmejl, dialogmöte, ...)
and an `owner`.]],
    sv = [[
Behovsanalysen i underlag 001 frågar för varje målgrupp "Hur når vi dem? Genom
vilka kanaler?" och anger en "Ansvarig". En målgrupp utan kanal nås aldrig.
En målgrupp utan ansvarig nås inte av någon särskild, och då blir det lätt
inte gjort.
En plan som inte anger någon målgrupp alls har inte gjort någon
behovsanalys ("Målgrupper: Vilka behöver vi kommunicera med?") och visas
också: där det inte finns någon målgrupp kan ingen kanal och ingen
ansvarig kontrolleras, och planen skulle klara regeln genom att inte säga
något.
Åtgärd: räkna upp de målgrupper som tjänsten måste nå i `target_groups`;
ge varje målgrupp minst en kanal i `channels` (APT, ledningsmejl,
dialogmöte ...) och en ansvarig i `owner`.]],
  },
  messages = {
    no_groups = {
      en = "the plan names no target group (Målgrupper: Vilka behöver vi kommunicera med?), so no channel and no owner can be checked",
      sv = "planen anger ingen målgrupp (Målgrupper: Vilka behöver vi kommunicera med?), så ingen kanal och ingen ansvarig kan kontrolleras",
    },
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
    if sk.count(doc.target_groups) == 0 then
      report { path = { "target_groups" }, message = "no_groups" }
      return
    end
    for i, group in sk.each(doc.target_groups) do
      local no_channel = not names_a_channel(group.channels)
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
