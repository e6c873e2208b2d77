-- UN-01: a unit's communication plan and onboarding checklist name the same
-- service and the same launch date (seed 000 slide 14).
local sk, ipairs, tostring, math = sk, ipairs, tostring, math
local present, name_key, is_date = sk.present, sk.name_key, sk.is_date

return {
  id = "UN-01",
  severity = "error",
  applies_to = "unit",
  title = {
    en = "Communication plan and onboarding agree on service and launch date",
    sv = "Kommunikationsplanen och införandechecklistan anger samma tjänst och startdatum",
  },
  explain = {
    en = [[
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
    sv = [[
Underlag 000 (workshop Kommunikationsplanering) bild 14: "Verksamheterna först
redo och rustade – viktigt med tajmingen!" Kommunikationsplanen lägger sina
aktiviteter i tid efter starten, och införandechecklistan (underlag 004)
lägger anslutningsstegen, riskanalysen och startklar-avstämningen i tid
efter den. När en enhets två dokument anger olika startdatum, eller inför
olika tjänster, bedömer reglerna vart och ett mot sitt eget datum, och
enheten får höra att den är redo för en start som inte är den som det
andra dokumentet förbereder. Tjänsterna jämförs utan hänsyn till stora och
små bokstäver och blanksteg före och efter; ett värde som finns i det ena
dokumentet men saknas i det andra räknas som en skillnad.
Åtgärd: kom överens om en `service` och ett `launch_date` och skriv in dem
i både dokumentet `communication-plan` och dokumentet `unit-onboarding`
för enheten.]],
  },
  -- each message twice: for a unit with one onboarding checklist, and
  -- (ending in _n) with several, naming which one; the finding points into
  -- the communication plan it is about
  messages = {
    service_differs = {
      en = "the communication plan introduces '{plan_service}' but the onboarding checklist introduces '{ob_service}'",
      sv = "kommunikationsplanen gäller tjänsten '{plan_service}' men införandechecklistan gäller tjänsten '{ob_service}'",
    },
    service_differs_n = {
      en = "the communication plan introduces '{plan_service}' but the onboarding checklist #{checklist} introduces '{ob_service}'",
      sv = "kommunikationsplanen gäller tjänsten '{plan_service}' men införandechecklistan nr {checklist} gäller tjänsten '{ob_service}'",
    },
    plan_no_service = {
      en = "the communication plan names no service but the onboarding checklist introduces '{ob_service}'",
      sv = "kommunikationsplanen anger ingen tjänst men införandechecklistan gäller tjänsten '{ob_service}'",
    },
    plan_no_service_n = {
      en = "the communication plan names no service but the onboarding checklist #{checklist} introduces '{ob_service}'",
      sv = "kommunikationsplanen anger ingen tjänst men införandechecklistan nr {checklist} gäller tjänsten '{ob_service}'",
    },
    ob_no_service = {
      en = "the communication plan introduces '{plan_service}' but the onboarding checklist names no service",
      sv = "kommunikationsplanen gäller tjänsten '{plan_service}' men införandechecklistan anger ingen tjänst",
    },
    ob_no_service_n = {
      en = "the communication plan introduces '{plan_service}' but the onboarding checklist #{checklist} names no service",
      sv = "kommunikationsplanen gäller tjänsten '{plan_service}' men införandechecklistan nr {checklist} anger ingen tjänst",
    },
    launch_earlier = {
      en = "the communication plan launches on {plan_date:date}, {days:days} earlier than the onboarding checklist's {ob_date:date} (viktigt med tajmingen)",
      sv = "kommunikationsplanen har startdatum {plan_date:date}, {days:days} tidigare än införandechecklistan, som har {ob_date:date} (viktigt med tajmingen)",
    },
    launch_earlier_n = {
      en = "the communication plan launches on {plan_date:date}, {days:days} earlier than the onboarding "
        .. "checklist #{checklist}'s {ob_date:date} (viktigt med tajmingen)",
      sv = "kommunikationsplanen har startdatum {plan_date:date}, {days:days} tidigare än införandechecklistan "
        .. "nr {checklist}, som har {ob_date:date} (viktigt med tajmingen)",
    },
    launch_later = {
      en = "the communication plan launches on {plan_date:date}, {days:days} later than the onboarding checklist's {ob_date:date} (viktigt med tajmingen)",
      sv = "kommunikationsplanen har startdatum {plan_date:date}, {days:days} senare än införandechecklistan, som har {ob_date:date} (viktigt med tajmingen)",
    },
    launch_later_n = {
      en = "the communication plan launches on {plan_date:date}, {days:days} later than the onboarding checklist "
        .. "#{checklist}'s {ob_date:date} (viktigt med tajmingen)",
      sv = "kommunikationsplanen har startdatum {plan_date:date}, {days:days} senare än införandechecklistan nr "
        .. "{checklist}, som har {ob_date:date} (viktigt med tajmingen)",
    },
    plan_no_launch = {
      en = "the communication plan has no launch date but the onboarding checklist launches on {ob_date:date}",
      sv = "kommunikationsplanen har inget startdatum men införandechecklistan har startdatum {ob_date:date}",
    },
    plan_no_launch_n = {
      en = "the communication plan has no launch date but the onboarding checklist #{checklist} launches on {ob_date:date}",
      sv = "kommunikationsplanen har inget startdatum men införandechecklistan nr {checklist} har startdatum {ob_date:date}",
    },
    ob_no_launch = {
      en = "the communication plan launches on {plan_date:date} but the onboarding checklist has no launch date",
      sv = "kommunikationsplanen har startdatum {plan_date:date} men införandechecklistan har inget startdatum",
    },
    ob_no_launch_n = {
      en = "the communication plan launches on {plan_date:date} but the onboarding checklist #{checklist} has no launch date",
      sv = "kommunikationsplanen har startdatum {plan_date:date} men införandechecklistan nr {checklist} har inget startdatum",
    },
  },
  check = function(unit, report)
    local plans = sk.documents(unit, "communication-plan")
    local onboardings = sk.documents(unit, "unit-onboarding")
    if #plans == 0 or #onboardings == 0 then return end
    local suffix = #onboardings > 1 and "_n" or ""
    for k, plan in ipairs(plans) do
      for n, ob in ipairs(onboardings) do
        local data = { checklist = n }
        -- the service
        local ps, os_ = plan.service, ob.service
        local has_p, has_o = present(ps), present(os_)
        data.plan_service = has_p and tostring(ps) or nil
        data.ob_service = has_o and tostring(os_) or nil
        local message
        if has_p and has_o then
          if name_key(ps) ~= name_key(os_) then message = "service_differs" end
        elseif has_o then
          message = "plan_no_service"
        elseif has_p then
          message = "ob_no_service"
        end
        if message then
          report { path = { "documents", "communication-plan", k, "service" }, message = message .. suffix,
                   data = data }
        end
        -- the launch date
        local pd, od = plan.launch_date, ob.launch_date
        local date_p, date_o = is_date(pd), is_date(od)
        data.plan_date = date_p and pd or nil
        data.ob_date = date_o and od or nil
        message = nil
        if date_p and date_o then
          if pd ~= od then
            local n_days = sk.days(od, pd)
            data.days = math.abs(n_days)
            message = n_days < 0 and "launch_earlier" or "launch_later"
          end
        elseif date_o then
          message = "plan_no_launch"
        elseif date_p then
          message = "ob_no_launch"
        end
        if message then
          report { path = { "documents", "communication-plan", k, "launch_date" }, message = message .. suffix,
                   data = data }
        end
      end
    end
  end,
}
