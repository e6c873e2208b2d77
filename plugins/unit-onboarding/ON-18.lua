-- ON-18: at least one program is distributed to the unit (connection step 3, seed 004).
return {
  id = "ON-18",
  severity = "error",
  applies_to = "unit-onboarding",
  title = "Programs are distributed to the unit",
  explain = [[
Seed 004 (Införandeguiden, "Anslut enheten till Stöd och behandling", step
3): "Vårdgivaradministratör delar ut överenskomna stöd och
behandlingsprogram till enheten." A unit with no program has nothing to
offer its patients, however well it is connected.
The rule reports an empty or missing `programs` list, a missing
`connection.programs_distributed` date (step 3 is not done), and a
distribution date on or after `launch_date` or after today (not done yet).
The order of step 3 among the other connection steps is ON-13's.
Fix: agree on the programs with the regional administration, list them in
`programs` and record the date they were distributed to the unit.]],
  check = function(doc, report, ctx)
    local programs = {}
    for i = 1, sk.count(doc.programs) do -- by index: a null item must not hide the rest
      local p = doc.programs[i]
      if sk.present(p) then programs[#programs + 1] = p end
    end
    if #programs == 0 then
      report { path = { "programs" },
               message = "no program (stöd- och behandlingsprogram) is listed for the unit" }
    end
    local c = doc.connection or {}
    local d = c.programs_distributed
    local what = "connection step 3, programs_distributed (" .. sk.CONNECTION_NAMES.programs_distributed .. ")"
    if not sk.is_date(d) then
      report { path = { "connection", "programs_distributed" },
               message = "no program is distributed to the unit: " .. what .. " has no date" }
    else
      local gap = sk.done_gap(d, doc.launch_date, ctx.as_of)
      if gap then
        report { path = { "connection", "programs_distributed" },
                 message = what .. " " .. d .. " " .. gap
                   .. "; the programs must be distributed before launch" }
      end
    end
  end,
}
