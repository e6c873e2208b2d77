-- ON-14: after activation, visibility is checked logged-in and on the contact card, before launch (seed 004).
local CHECKS = {
  { "visible_logged_in", "logged in for citizens" },
  { "visible_on_contact_card", "on the unit's contact card on 1177.se" },
}

return {
  id = "ON-14",
  severity = "error",
  applies_to = "unit-onboarding",
  title = "Visibility is checked after activation, before launch",
  explain = [[
Seed 004 (Införandeguiden, "Anslut enheten till Stöd och behandling", after
step 5, and "Starta igång"): "Kontrollera att e-tjänsten Stöd och behandling
visas i inloggat läge för invånare" and "Kontrollera att e-tjänsten ... visas
på enhetens kontaktkort på 1177 Vårdguidens webbplats." A service citizens
cannot find is not launched for them.
The rule reports, for each of `connection.visible_logged_in` and
`connection.visible_on_contact_card`: a missing date (not checked), a date
before `e_service_activated` (checked before there was anything to see; the
same day is fine), and a date on or after `launch_date` or after today (not
done yet). The activation itself is ON-13.
Fix: after activating the e-service, check both views and record the date
of each check before launch.]],
  check = function(doc, report, ctx)
    local c = doc.connection or {}
    local activated = c.e_service_activated
    for _, chk in ipairs(CHECKS) do
      local key, where = chk[1], chk[2]
      local d = c[key]
      local what = "the visibility " .. where .. " (" .. sk.CONNECTION_NAMES[key] .. ")"
      if not sk.is_date(d) then
        report { path = { "connection", key },
                 message = what .. " is not checked: " .. key .. " has no date" }
      else
        if sk.is_date(activated) and d < activated then
          report { path = { "connection", key },
                   message = key .. " " .. d .. " comes before e_service_activated " .. activated
                     .. ": " .. what .. " must be checked after the e-service is activated" }
        end
        local gap = sk.done_gap(d, doc.launch_date, ctx.as_of)
        if gap then
          report { path = { "connection", key },
                   message = "the check of " .. what:gsub("^the ", "") .. " on " .. d .. " " .. gap
                     .. "; it must be checked before launch" }
        end
      end
    end
  end,
}
