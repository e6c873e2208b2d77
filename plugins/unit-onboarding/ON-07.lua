-- ON-07: a risk analysis focused on patient safety was done before launch (seed 004).
return {
  id = "ON-07",
  severity = "error",
  applies_to = "unit-onboarding",
  title = "A patient-safety risk analysis was done before launch",
  explain = [[
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
  check = function(doc, report, ctx)
    local ra = doc.risk_analysis
    if ra == nil then
      report { path = { "risk_analysis" },
               message = "no risk analysis (riskanalys) is recorded; one must be done before launch"
                 .. (sk.is_date(doc.launch_date) and " " .. doc.launch_date or "") }
      return
    end
    if not sk.is_date(ra.date) then
      report { path = { "risk_analysis", "date" },
               message = "the risk analysis (riskanalys) has no date, so it is not done" }
    else
      local gap = sk.done_gap(ra.date, doc.launch_date, ctx.as_of)
      if gap then
        report { path = { "risk_analysis", "date" },
                 message = "the risk analysis (riskanalys) dated " .. ra.date .. " " .. gap
                   .. "; it must be done before launch" }
      end
    end
    if ra.patient_safety ~= true then
      report { path = { "risk_analysis", "patient_safety" },
               message = "the risk analysis is not "
                 .. (ra.patient_safety == false and "" or "stated to be ")
                 .. "focused on patient safety (Fokus för analysen är patientsäkerhet!)" }
    end
  end,
}
