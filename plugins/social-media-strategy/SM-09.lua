-- SM-09: where the target level is above the level the features reach, list
-- the features still missing (seed 003).
return {
  id = "SM-09",
  severity = "warning",
  applies_to = "social-media-strategy",
  title = "Features still missing for the target maturity level",
  explain = [[
Seed 003 ("Skala for sygehuses kommunikation på sociale medier") is also
meant for "en strategisk beslutning om, hvilket niveau, man ønsker at være
på", and "At bevæge sig fra et niveau på skalaen til det næste niveau er
således en proces" that needs the organisation and its resources set up
for it. Where `maturity.target` is above the level the features in use
reach, this lists every feature, of the target level and of the levels
below it, that is not yet in use, so the action plan can name the work.
Fix: plan and introduce the missing features (then add them to
`maturity.features`), or lower `maturity.target`.]],
  check = function(doc, report)
    local m = sk.sm_maturity(doc)
    local target = m.target
    if target == nil then return end
    local reached = sk.maturity_level(m.features)
    if target > reached then
      local missing = sk.missing_features(m.features, target)
      report {
        path = { "maturity", "features" },
        message = "target maturity " .. sk.sm_level(target) .. " is above what the features reach, "
          .. sk.sm_level(reached) .. "; still missing: " .. table.concat(missing, ", "),
      }
    end
  end,
}
