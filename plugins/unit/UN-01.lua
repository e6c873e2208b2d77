-- UN-01: a unit's communication plan and onboarding checklist name the same
-- service and the same launch date (seed 000 slide 14).
return {
  id = "UN-01",
  severity = "error",
  applies_to = "unit",
  title = "Communication plan and onboarding agree on service and launch date",
  explain = [[
Seed 000 (workshop Kommunikationsplanering) slide 14: "Verksamheterna först
redo och rustade – viktigt med tajmingen!" The communication plan times
its activities against the launch, and the onboarding checklist (seed 004)
times the connection steps, the risk analysis and the start check against
it. When the two documents of one unit give different launch dates, or
introduce different services, the rules judge each against its own date
and the unit is told it is ready for a launch that is not the one the
other document prepares. Services are compared ignoring case and
surrounding blanks; a value given in one document and missing in the other
counts as a disagreement.
Fix: agree on one `service` and one `launch_date` and write them in both
the `communication-plan` and the `unit-onboarding` document of the unit.]],
  check = function(unit, report)
    local plans = sk.documents(unit, "communication-plan")
    local onboardings = sk.documents(unit, "unit-onboarding")
    if #plans == 0 or #onboardings == 0 then return end
    local function which(kind, n, total)
      if total > 1 then return "the " .. kind .. " #" .. n end
      return "the " .. kind
    end
    for k, plan in ipairs(plans) do
      local pname = which("communication plan", k, #plans)
      for n, ob in ipairs(onboardings) do
        local oname = which("onboarding checklist", n, #onboardings)
        -- the service
        local ps, os_ = plan.service, ob.service
        local has_p, has_o = sk.present(ps), sk.present(os_)
        local msg
        if has_p and has_o then
          if not sk.same_text(ps, os_) then
            msg = pname .. " introduces '" .. ps .. "' but " .. oname .. " introduces '" .. os_ .. "'"
          end
        elseif has_o then
          msg = pname .. " names no service but " .. oname .. " introduces '" .. os_ .. "'"
        elseif has_p then
          msg = pname .. " introduces '" .. ps .. "' but " .. oname .. " names no service"
        end
        if msg then
          report { path = { "documents", "communication-plan", k, "service" }, message = msg }
        end
        -- the launch date
        local pd, od = plan.launch_date, ob.launch_date
        local date_p, date_o = sk.is_date(pd), sk.is_date(od)
        msg = nil
        if date_p and date_o then
          if pd ~= od then
            local n_days = sk.days(od, pd)
            msg = pname .. " launches on " .. pd .. ", " .. sk.plan_ndays(math.abs(n_days))
              .. (n_days < 0 and " earlier" or " later") .. " than " .. oname .. "'s " .. od
              .. " (viktigt med tajmingen)"
          end
        elseif date_o then
          msg = pname .. " has no launch date but " .. oname .. " launches on " .. od
        elseif date_p then
          msg = pname .. " launches on " .. pd .. " but " .. oname .. " has no launch date"
        end
        if msg then
          report { path = { "documents", "communication-plan", k, "launch_date" }, message = msg }
        end
      end
    end
  end,
}
