-- ON-19: the care provider was connected no later than the unit's first connection step (seed 004).
return {
  id = "ON-19",
  severity = "error",
  applies_to = "unit-onboarding",
  title = "The care provider is connected first",
  explain = [[
Seed 004 (Införandeguiden, "Anslut enheten till Stöd och behandling"): "En
förutsättning är att vårdgivaren är ansluten till tjänsten." A unit cannot
be connected for a care provider (vårdgivare) that is not.
The rule reports a missing `connection.care_provider_connected`, a date
after the earliest of the unit's connection steps (the same day is fine),
and a date after today (not done yet). The unit's own steps are ON-13.
Fix: have the care provider connected to the service first (see
"Checklista förutsättningar för vårdgivare") and record the date.]],
  check = function(doc, report, ctx)
    local c = doc.connection or {}
    local d = c.care_provider_connected
    if not sk.is_date(d) then
      report { path = { "connection", "care_provider_connected" },
               message = "the care provider's connection to the service (vårdgivaren ansluten "
                 .. "till tjänsten) is not recorded: care_provider_connected has no date" }
      return
    end
    local first = nil
    for n, keys in ipairs(sk.CONNECTION_STEPS) do
      for _, key in ipairs(keys) do
        local s = c[key]
        if sk.is_date(s) and (first == nil or s < first.date) then
          first = { key = key, date = s, step = n }
        end
      end
    end
    if first and d > first.date then
      report { path = { "connection", "care_provider_connected" },
               message = "care_provider_connected " .. d .. " comes after " .. first.key .. " "
                 .. first.date .. " (connection step " .. first.step .. "): the care provider "
                 .. "must be connected first (En förutsättning är att vårdgivaren är ansluten)" }
    elseif d > ctx.as_of then
      report { path = { "connection", "care_provider_connected" },
               message = "care_provider_connected " .. d .. " lies after today " .. ctx.as_of
                 .. ", so the care provider is not connected yet (vårdgivaren ansluten)" }
    end
  end,
}
