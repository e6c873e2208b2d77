-- ON-15: a start check with the regional administration is done before launch (seed 004).
return {
  id = "ON-15",
  severity = "error",
  applies_to = "unit-onboarding",
  title = "A start check is done before launch",
  explain = [[
Seed 004 (Införandeguiden, "Starta igång"): "Förvaltningen stämmer av med
verksamheten att de är startklara. Checka av att allt fungerar även ur ett
invånarperspektiv." This check, which gives startklar its name, is the last
gate before citizens meet the service.
The rule reports a missing `start_check` or `start_check.date` (not done),
a date on or after `launch_date` or after today (not done yet), and, as a
warning only, a start check that does not say who held it (`by`, normally
the regional administration, förvaltningen).
Fix: hold the start check with the regional administration before launch
and record it, e.g. `start_check: {date: 2027-02-20, by: Förvaltningen}`.]],
  check = function(doc, report, ctx)
    local sc = doc.start_check
    if sc == nil or not sk.is_date(sc.date) then
      report { path = sc == nil and { "start_check" } or { "start_check", "date" },
               message = "no start check with the regional administration (förvaltningen stämmer av "
                 .. "att enheten är startklar) is recorded"
                 .. (sk.is_date(doc.launch_date) and " before launch " .. doc.launch_date or "") }
      return
    end
    local gap = sk.done_gap(sc.date, doc.launch_date, ctx.as_of)
    if gap then
      report { path = { "start_check", "date" },
               message = "the start check (startklar-avstämning) on " .. sc.date .. " " .. gap
                 .. "; it must be done before launch" }
    end
    if not sk.present(sc.by) then
      report { path = { "start_check", "by" }, severity = "warning",
               message = "the start check on " .. sc.date .. " does not say who held it "
                 .. "(förvaltningen stämmer av med verksamheten)" }
    end
  end,
}
