-- ON-13: the connection steps are done, in order and before launch (seed 004).
local STEP3 = "programs_distributed"

-- How a message names a connection key; built only for a message.
local function what(key)
  return key .. " (" .. sk.CONNECTION_NAMES[key] .. ")"
end

return {
  id = "ON-13",
  severity = "error",
  applies_to = "unit-onboarding",
  title = "The connection steps are done in order before launch",
  explain = [[
Seed 004 (Införandeguiden, "Anslut enheten till Stöd och behandling"): the
unit is connected in five steps, "Kortfattat går det till så här": 1. the
regional administration connects the unit to 1177's e-services and the
platform and checks "att enhetens HSA-id matchar"; 2. the first role,
behörighetsadministratör, is assigned; 3. the agreed programs are
distributed; 4. the behörighetsadministratör "loggar in och tilldelar
andra roller"; 5. the e-service is activated and made visible. Each step
needs the one before it, and the unit must be connected before launch.
The rule reports, per step date in `connection`: a missing date (the step
is not done), a date before the step before it (the same day is fine; step
1 is both e_services_connected and hsa_id_verified, step 2 must not precede
either), and a date on or after `launch_date` or after today (not done
yet). Step 3, programs_distributed, is judged here only for its order; its
being done and before launch is ON-18. The visibility checks are ON-14 and
the care provider's connection ON-19.
Fix: complete the missing step, or correct the recorded dates so that they
follow the steps' order; connect the unit before launch.]],
  check = function(doc, report, ctx)
    local c = doc.connection or {}
    local prev = nil -- the latest date of the nearest earlier step that has one
    for n, keys in ipairs(sk.CONNECTION_STEPS) do
      local latest = nil
      for _, key in ipairs(keys) do
        local d = c[key]
        if not sk.is_date(d) then
          if key ~= STEP3 then
            report { path = { "connection", key },
                     message = "connection step " .. n .. " is not done: " .. what(key) .. " has no date" }
          end
        else
          if prev and d < prev.date then
            report { path = { "connection", key },
                     message = key .. " " .. d .. " comes before " .. prev.key .. " " .. prev.date
                       .. ": connection step " .. n .. " (" .. sk.CONNECTION_NAMES[key]
                       .. ") must not precede step " .. prev.step .. " ("
                       .. sk.CONNECTION_NAMES[prev.key] .. ")" }
          end
          if key ~= STEP3 then
            local gap = sk.done_gap(d, doc.launch_date, ctx.as_of)
            if gap then
              report { path = { "connection", key },
                       message = "connection step " .. n .. ", " .. what(key) .. " " .. d .. ", " .. gap
                         .. "; the unit must be connected before launch" }
            end
          end
          if latest == nil or d > latest.date then latest = { key = key, date = d, step = n } end
        end
      end
      if latest then prev = latest end
    end
  end,
}
