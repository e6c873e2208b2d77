-- ON-07: a risk analysis focused on patient safety was done before launch (seed 004).
local sk = sk

return {
  id = "ON-07",
  severity = "error",
  applies_to = "unit-onboarding",
  title = {
    en = "A patient-safety risk analysis was done before launch",
    sv = "En riskanalys med fokus på patientsäkerhet är gjord före starten",
  },
  explain = {
    en = [[
Seed 004 (Införandeguiden, "Checklista för enhetens införande" and "Gör en
riskanalys"): "Gör alltid en riskanalys när en verksamhet ansluts" and the
unit that starts using a program must make "en kompletterande riskanalys
utifrån sina specifika förutsättningar ... Fokus för analysen är
patientsäkerhet!"
The rule reports a missing `risk_analysis`, a missing `date` (a risk
analysis without a date is not done), a date on or after `launch_date` or
after today (not done yet), and `patient_safety` not true. The areas it
covers are ON-08 and its actions ON-09, judged even when this rule fails.
Fix: do the risk analysis before launch, with help from a risk-analysis
leader (riskanalysledare) if needed, and record its `date`, `led_by` and
`patient_safety: true`.]],
    sv = [[
Underlag 004 (Införandeguiden, "Checklista för enhetens införande" och "Gör en
riskanalys"): "Gör alltid en riskanalys när en verksamhet ansluts", och den
enhet som börjar använda ett program ska göra "en kompletterande riskanalys
utifrån sina specifika förutsättningar ... Fokus för analysen är
patientsäkerhet!"
Regeln visar om `risk_analysis` saknas, om `date` saknas (en riskanalys utan
datum räknas inte som gjord), om datumet är samma dag som eller efter
`launch_date` eller efter dagens datum (inte gjord än), och om
`patient_safety` inte är true. Vilka områden analysen täcker kontrolleras av
ON-08 och dess åtgärder av ON-09, även när den här regeln inte är uppfylld.
Åtgärd: gör riskanalysen före starten, vid behov med hjälp av en
riskanalysledare, och för in `date`, `led_by` och `patient_safety: true`.]],
  },
  messages = {
    none = {
      en = "no risk analysis (riskanalys) is recorded; one must be done before launch",
      sv = "det finns ingen registrerad riskanalys; en riskanalys måste göras före starten",
    },
    none_launch = {
      en = "no risk analysis (riskanalys) is recorded; one must be done before launch {launch:date}",
      sv = "det finns ingen registrerad riskanalys; en riskanalys måste göras före starten {launch:date}",
    },
    no_date = {
      en = "the risk analysis (riskanalys) has no date, so it is not done",
      sv = "riskanalysen saknar datum och räknas därför inte som gjord",
    },
    launch_day = {
      en = "the risk analysis (riskanalys) dated {date:date} is the launch day {launch:date}, not before it; it must be done before launch",
      sv = "riskanalysen daterad {date:date} är startdagen {launch:date}, inte före den; den måste göras före starten",
    },
    after_launch = {
      en = "the risk analysis (riskanalys) dated {date:date} is {days:days} after launch {launch:date}; it must be done before launch",
      sv = "riskanalysen daterad {date:date} ligger {days:days} efter starten {launch:date}; den måste göras före starten",
    },
    after_today = {
      en = "the risk analysis (riskanalys) dated {date:date} lies after today {today:date}, so it is not done yet; it must be done before launch",
      sv = "riskanalysen daterad {date:date} ligger efter dagens datum {today:date} och är alltså inte gjord än; den måste göras före starten",
    },
    launch_day_after_today = {
      en = "the risk analysis (riskanalys) dated {date:date} is the launch day {launch:date}, not before it and "
        .. "lies after today {today:date}, so it is not done yet; it must be done before launch",
      sv = "riskanalysen daterad {date:date} är startdagen {launch:date}, inte före den, och ligger dessutom "
        .. "efter dagens datum {today:date}, så den är inte gjord än; den måste göras före starten",
    },
    after_launch_after_today = {
      en = "the risk analysis (riskanalys) dated {date:date} is {days:days} after launch {launch:date} and lies "
        .. "after today {today:date}, so it is not done yet; it must be done before launch",
      sv = "riskanalysen daterad {date:date} ligger {days:days} efter starten {launch:date} och dessutom efter "
        .. "dagens datum {today:date}, så den är inte gjord än; den måste göras före starten",
    },
    not_patient_safety = {
      en = "the risk analysis is not focused on patient safety (Fokus för analysen är patientsäkerhet!)",
      sv = "riskanalysen är inte inriktad på patientsäkerhet (Fokus för analysen är patientsäkerhet!)",
    },
    patient_safety_unknown = {
      en = "the risk analysis is not stated to be focused on patient safety (Fokus för analysen är patientsäkerhet!)",
      sv = "det står inte att riskanalysen är inriktad på patientsäkerhet (Fokus för analysen är patientsäkerhet!)",
    },
  },
  check = function(doc, report, ctx)
    local ra = doc.risk_analysis
    if ra == nil then
      local launch = sk.is_date(doc.launch_date) and doc.launch_date or nil
      report { path = { "risk_analysis" }, message = launch and "none_launch" or "none",
               data = { launch = launch } }
      return
    end
    if not sk.is_date(ra.date) then
      report { path = { "risk_analysis", "date" }, message = "no_date" }
    else
      local why, days = sk.done_when(ra.date, doc.launch_date, ctx.as_of)
      if why then
        report { path = { "risk_analysis", "date" }, message = why,
                 data = { date = ra.date, launch = doc.launch_date, today = ctx.as_of, days = days } }
      end
    end
    if ra.patient_safety ~= true then
      report { path = { "risk_analysis", "patient_safety" },
               message = ra.patient_safety == false and "not_patient_safety" or "patient_safety_unknown" }
    end
  end,
}
