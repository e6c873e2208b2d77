-- ON-15: a start check with the regional administration is done before
-- launch, and not before the e-service was activated and both visibility
-- checks were made (seed 004).
local sk, type, ipairs = sk, type, ipairs

-- The connection dates the start check confirms, each with its message: the
-- start check may be the same day, not earlier. A missing date is ON-13's or
-- ON-14's finding, not this rule's.
local CONFIRMS = {
  { key = "e_service_activated", message = "before_activation" },
  { key = "visible_logged_in", message = "before_visible_logged_in" },
  { key = "visible_on_contact_card", message = "before_visible_on_contact_card" },
}

return {
  id = "ON-15",
  severity = "error",
  applies_to = "unit-onboarding",
  title = {
    en = "A start check confirms the connected unit before launch",
    sv = "En startklar-avstämning bekräftar den anslutna enheten före starten",
  },
  explain = {
    en = [[
Seed 004 (Införandeguiden, "Starta igång"): "Förvaltningen stämmer av med
verksamheten att de är startklara. Checka av att allt fungerar även ur ett
invånarperspektiv (inloggning till e-tjänsten Stöd och behandling, kolla även
att tjänsten visas på enhetens kontaktkort på 1177.se)." This check, which
gives startklar its name, is the last gate before citizens meet the
service, and it confirms a connected unit: it cannot come before the
e-service was activated (connection step 5) and both visibility checks were
made (the same day is fine). A missing activation or visibility check is
ON-13's or ON-14's finding.
The rule reports a missing `start_check` or `start_check.date` (not done), a
date on or after `launch_date` or after today (not done yet), a date before
`connection.e_service_activated`, `connection.visible_logged_in` or
`connection.visible_on_contact_card`, and, as a warning only, a start check
that does not say who held it (`by`, normally the regional administration,
förvaltningen).
Fix: hold the start check with the regional administration after the
e-service is activated and visible, before launch, and record it, e.g.
`start_check: {date: 2027-02-20, by: Förvaltningen}`.]],
    sv = [[
Underlag 004 (Införandeguiden, "Starta igång"): "Förvaltningen stämmer av med
verksamheten att de är startklara. Checka av att allt fungerar även ur ett
invånarperspektiv (inloggning till e-tjänsten Stöd och behandling, kolla även
att tjänsten visas på enhetens kontaktkort på 1177.se)." Den här
avstämningen, som har gett startklar dess namn, är den sista kontrollen
innan invånarna möter tjänsten, och den bekräftar en ansluten enhet: den
kan inte ligga före aktiveringen av e-tjänsten (anslutningssteg 5) och de
två kontrollerna av att tjänsten syns (samma dag går bra). Saknas
aktiveringen eller en kontroll är det ON-13:s eller ON-14:s fynd.
Regeln visar om `start_check` eller `start_check.date` saknas (inte gjord),
om datumet är samma dag som eller efter `launch_date` eller efter dagens
datum (inte gjord än), om datumet ligger före
`connection.e_service_activated`, `connection.visible_logged_in` eller
`connection.visible_on_contact_card`, och, bara som en varning, om
avstämningen inte anger vem som höll i den (`by`, normalt den regionala
förvaltningen).
Åtgärd: håll startklar-avstämningen med förvaltningen när e-tjänsten är
aktiverad och syns, före starten, och för in den, till exempel
`start_check: {date: 2027-02-20, by: Förvaltningen}`.]],
  },
  messages = {
    missing = {
      en = "no start check with the regional administration is recorded",
      sv = "ingen startklar-avstämning med förvaltningen är registrerad",
    },
    missing_before = {
      en = "no start check with the regional administration is recorded before launch {launch:date}",
      sv = "ingen startklar-avstämning med förvaltningen är registrerad före starten {launch:date}",
    },
    launch_day = {
      en = "the start check on {date:date} is on the launch day, not before it",
      sv = "startklar-avstämningen {date:date} är på startdagen, inte före den",
    },
    after_launch = {
      en = "the start check on {date:date} is {days:days} after launch {launch:date}; it must be done before launch",
      sv = "startklar-avstämningen {date:date} ligger {days:days} efter starten {launch:date}; den ska göras före starten",
    },
    after_today = {
      en = "the start check on {date:date} lies after today {today:date}, so it is not done yet",
      sv = "startklar-avstämningen {date:date} ligger efter dagens datum {today:date} och är alltså inte gjord än",
    },
    before_activation = {
      en = "the start check on {date:date} is before the e-service was activated on {step:date}: "
        .. "it must confirm a connected unit",
      sv = "startklar-avstämningen {date:date} ligger före aktiveringen av e-tjänsten {step:date}: "
        .. "den ska bekräfta en ansluten enhet",
    },
    before_visible_logged_in = {
      en = "the start check on {date:date} is before the check that the e-service shows for "
        .. "logged-in citizens on {step:date}: it must confirm a connected unit",
      sv = "startklar-avstämningen {date:date} ligger före kontrollen {step:date} av att e-tjänsten "
        .. "visas i inloggat läge för invånare: den ska bekräfta en ansluten enhet",
    },
    before_visible_on_contact_card = {
      en = "the start check on {date:date} is before the check that the e-service shows on the "
        .. "unit's contact card on {step:date}: it must confirm a connected unit",
      sv = "startklar-avstämningen {date:date} ligger före kontrollen {step:date} av att e-tjänsten "
        .. "visas på enhetens kontaktkort: den ska bekräfta en ansluten enhet",
    },
    no_by = {
      en = "the start check on {date:date} does not say who held it: the regional administration "
        .. "checks with the unit",
      sv = "startklar-avstämningen {date:date} anger inte vem som höll i den: förvaltningen stämmer "
        .. "av med verksamheten",
    },
  },
  check = function(doc, report, ctx)
    local sc = doc.start_check
    local launch = sk.is_date(doc.launch_date) and doc.launch_date or nil
    if type(sc) ~= "table" or not sk.is_date(sc.date) then
      report { path = type(sc) == "table" and { "start_check", "date" } or { "start_check" },
               message = launch and "missing_before" or "missing", data = { launch = launch } }
      return
    end
    local date, path = sc.date, { "start_check", "date" }
    local why, days = sk.done_when(date, launch, ctx.as_of)
    if why then
      -- a date on or after launch is reported as such, whatever today is
      report { path = path, message = why == "after_today" and why or (why:gsub("_after_today$", "")),
               data = { date = date, launch = launch, days = days, today = ctx.as_of } }
    end
    local connection = type(doc.connection) == "table" and doc.connection or {}
    for _, c in ipairs(CONFIRMS) do
      local step = connection[c.key]
      if sk.is_date(step) and date < step then
        report { path = path, message = c.message, data = { date = date, step = step } }
      end
    end
    if not sk.present(sc.by) then
      report { path = { "start_check", "by" }, severity = "warning", message = "no_by",
               data = { date = date } }
    end
  end,
}
