-- ON-14: after activation, visibility is checked logged-in and on the contact card, before launch (seed 004).
local sk, ipairs = sk, ipairs

local CHECKS = { "visible_logged_in", "visible_on_contact_card" }

return {
  id = "ON-14",
  severity = "error",
  applies_to = "unit-onboarding",
  title = {
    en = "Visibility is checked after activation, before launch",
    sv = "Att tjänsten syns kontrolleras efter aktiveringen och före starten",
  },
  explain = {
    en = [[
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
    sv = [[
Underlag 004 (Införandeguiden, "Anslut enheten till Stöd och behandling", efter
steg 5, och "Starta igång"): "Kontrollera att e-tjänsten Stöd och behandling
visas i inloggat läge för invånare" och "Kontrollera att e-tjänsten ...
visas på enhetens kontaktkort på 1177 Vårdguidens webbplats." En tjänst som
invånarna inte hittar är inte startad för dem.
Regeln visar, för både `connection.visible_logged_in` och
`connection.visible_on_contact_card`: ett datum som saknas (inte
kontrollerat), ett datum före `e_service_activated` (kontrollerat innan det
fanns något att se; samma dag går bra) och ett datum samma dag som eller
efter `launch_date` eller efter dagens datum (inte gjort än). Själva
aktiveringen kontrolleras av ON-13.
Åtgärd: kontrollera båda vyerna när e-tjänsten är aktiverad och för in
datumet för varje kontroll, före starten.]],
  },
  messages = {
    not_checked = {
      en = "it is not checked that {key:steps}: {key} has no date",
      sv = "det är inte kontrollerat att {key:steps}: datum saknas ({key})",
    },
    before_activation = {
      en = "{key} {date:date} comes before e_service_activated {activated:date}: that {key:steps} must be checked after the e-service is activated",
      sv = "kontrollen av att {key:steps} ({key} {date:date}) ligger före aktiveringen av e-tjänsten "
        .. "({activated:date}): den måste göras efter att e-tjänsten har aktiverats",
    },
    launch_day = {
      en = "the check that {key:steps} on {date:date} is the launch day {launch:date}, not before it; it must be checked before launch",
      sv = "kontrollen av att {key:steps} {date:date} är startdagen {launch:date}, inte före den; kontrollen måste göras före starten",
    },
    after_launch = {
      en = "the check that {key:steps} on {date:date} is {days:days} after launch {launch:date}; it must be checked before launch",
      sv = "kontrollen av att {key:steps} {date:date} ligger {days:days} efter starten {launch:date}; kontrollen måste göras före starten",
    },
    after_today = {
      en = "the check that {key:steps} on {date:date} lies after today {today:date}, so it is not done yet; it must be checked before launch",
      sv = "kontrollen av att {key:steps} {date:date} ligger efter dagens datum {today:date} och är alltså inte gjord än; kontrollen måste göras före starten",
    },
    launch_day_after_today = {
      en = "the check that {key:steps} on {date:date} is the launch day {launch:date}, not before it and lies "
        .. "after today {today:date}, so it is not done yet; it must be checked before launch",
      sv = "kontrollen av att {key:steps} {date:date} är startdagen {launch:date}, inte före den, och ligger "
        .. "dessutom efter dagens datum {today:date}, så den är inte gjord än; kontrollen måste göras före "
        .. "starten",
    },
    after_launch_after_today = {
      en = "the check that {key:steps} on {date:date} is {days:days} after launch {launch:date} and lies after "
        .. "today {today:date}, so it is not done yet; it must be checked before launch",
      sv = "kontrollen av att {key:steps} {date:date} ligger {days:days} efter starten {launch:date} och "
        .. "dessutom efter dagens datum {today:date}, så den är inte gjord än; kontrollen måste göras före "
        .. "starten",
    },
  },
  check = function(doc, report, ctx)
    local c = doc.connection or {}
    local activated = c.e_service_activated
    for _, key in ipairs(CHECKS) do
      local d = c[key]
      if not sk.is_date(d) then
        report { path = { "connection", key }, message = "not_checked", data = { key = key } }
      else
        if sk.is_date(activated) and d < activated then
          report { path = { "connection", key }, message = "before_activation",
                   data = { key = key, date = d, activated = activated } }
        end
        local why, days = sk.done_when(d, doc.launch_date, ctx.as_of)
        if why then
          report { path = { "connection", key }, message = why,
                   data = { key = key, date = d, launch = doc.launch_date, today = ctx.as_of, days = days } }
        end
      end
    end
  end,
}
