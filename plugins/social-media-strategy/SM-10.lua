-- SM-10: a target level of 2 or more needs management backing (seed 003).
return {
  id = "SM-10",
  severity = "error",
  applies_to = "social-media-strategy",
  title = "A target level of 2 or more has management backing",
  explain = [[
Seed 003 ("Skala for sygehuses kommunikation på sociale medier"): from
level 2 on the hospital answers and takes part in dialogue, and "jo større
ambition om brugerinddragelse, des mere kræver det involvering af
sygehusets afdelinger i forhold til input, drift og facilitering";
"Dialog og brugerinddragelse kræver ledelsesopbakning". Without the
management's backing the departments give neither the time nor the
answers that dialogue needs.
Fix: secure the management's backing (ledelsesopbakning) for the target
level and record it as `maturity.management_backing: true`, or aim for
level 1.]],
  check = function(doc, report)
    local m = sk.sm_maturity(doc)
    local target = m.target
    if target == nil or target < 2 or m.management_backing == true then return end
    report {
      path = { "maturity", "management_backing" },
      message = "target maturity " .. sk.sm_level(target) .. " needs management backing (ledelsesopbakning), "
        .. (m.management_backing == false and "which is recorded as absent (management_backing is false)"
            or "which is not recorded (no management_backing)"),
    }
  end,
}
