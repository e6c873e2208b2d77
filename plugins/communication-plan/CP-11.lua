-- CP-11: a target group that is an obstacle to the change is reached through
-- at least one two-way channel (seeds 000 and 001).
local TWO_WAY = {
  "APT", "dialogmöte", "fysiskt möte", "möte", "workshop", "seminarium",
  "temadag", "nätverksträff", "utbildning",
}

return {
  id = "CP-11",
  severity = "warning",
  applies_to = "communication-plan",
  title = "Obstacle target groups are reached through a two-way channel",
  explain = [[
Seed 001 (Kommunikationsplan för införande av nytt kunskapsstöd, Målgrupper)
asks to think of target groups "utifrån perspektivet möjliggörare – hinder
för förändring". Seed 000 (workshop Kommunikationsplanering, slides 13–14
"Strategi för att nå dit?") answers how to reach the sceptical ones:
"fysiskt möte, dialog", "Fysiska, mindre möten", "Dialog, 2-vägs". A group
that resists the change is not won over by a mail or an intranet notice; it
needs a channel where it can ask and object. A channel counts as two-way
when its whole name equals, ignoring case, one of the parameter
`two_way_channels` (by default APT, dialogmöte, fysiskt möte, möte,
workshop, seminarium, temadag, nätverksträff, utbildning); the group's own
`channels` and the channels of the activities that reach it count, a
cancelled activity does not.
Fix: add a dialogue channel to the group's `channels`, or an activity for
the group through such a channel (a dialogmöte, an APT, a workshop).]],
  params = { two_way_channels = TWO_WAY },
  check = function(doc, report, ctx)
    local two_way = (ctx and ctx.params and ctx.params.two_way_channels) or TWO_WAY
    local function is_two_way(channel)
      for _, c in sk.each(two_way) do
        if sk.same_text(channel, c) then return true end
      end
      return false
    end
    local reach = sk.plan_reach(doc)
    for i, group in sk.each(doc.target_groups) do
      if group.stance == "obstacle" then
        local seen, channels, found = {}, {}, false
        local function consider(c)
          if type(c) ~= "string" or not sk.present(c) then return end
          if is_two_way(c) then found = true end
          local key = sk.lower(c)
          if not seen[key] then seen[key] = true; channels[#channels + 1] = c end
        end
        for _, c in sk.each(group.channels) do consider(c) end
        if group.id ~= nil then
          for _, r in ipairs(reach[tostring(group.id)] or {}) do consider(r.act.channel) end
        end
        if not found then
          local how
          if #channels == 0 then
            how = "has no channel at all, neither its own nor through an activity"
          else
            how = "is reached only through one-way channels (" .. table.concat(channels, ", ") .. ")"
          end
          report {
            path = { "target_groups", i },
            message = "target group '" .. sk.plan_label(group, i) .. "' is an obstacle (hinder) to the change but "
              .. how .. "; it needs a two-way channel (dialog, 2-vägs) such as " .. sk.join(two_way),
          }
        end
      end
    end
  end,
}
