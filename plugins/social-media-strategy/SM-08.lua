-- SM-08: the current maturity level is declared and matches the level its
-- features reach (seed 003).
return {
  id = "SM-08",
  severity = "error",
  applies_to = "social-media-strategy",
  title = "The declared maturity level matches the features in use",
  explain = [[
Seed 003 ("Skala for sygehuses kommunikation på sociale medier") is a
five-level scale to be used for "en vurdering af et sygehus nuværende
engagement og kommunikation på sociale medier". Every level includes the
ones below it ("Niveau 1 og 2 +"), so a level is reached only when all its
features and those of every lower level are in use:
1 posts; 2 replies, comments, sharing, reactions, direct_messages;
3 proactive_dialog, response_24_7; 4 user_involvement,
research_recruitment; 5 closed_patient_groups. (user_posts and reviews
belong to level 2 "hvis det er muligt" and are not needed for it.) A
declared level the features do not bear out, or one below what is already
done, misleads the strategic choice of the next level.
Fix: declare `maturity.current` as the level the `maturity.features`
reach, or correct the feature list.]],
  check = function(doc, report)
    local m = sk.sm_maturity(doc)
    local reached = sk.maturity_level(m.features)
    local current = m.current
    local path = { "maturity", "current" }
    if current == nil and type(doc.maturity) ~= "table" then
      report {
        path = path,
        message = "the strategy has no maturity section: its current level on the five-level scale"
          .. " (skala for sygehuses kommunikation på sociale medier) is not declared",
      }
    elseif current == nil then
      report {
        path = path,
        message = "the current maturity level is not declared; the features reach " .. sk.sm_level(reached),
      }
    elseif current > reached then
      local missing = sk.missing_features(m.features, current)
      report {
        path = path,
        message = "declared maturity " .. sk.sm_level(current) .. " but the features reach only "
          .. sk.sm_level(reached) .. "; missing for level " .. tostring(current) .. ": "
          .. table.concat(missing, ", "),
      }
    elseif current < reached then
      report {
        path = path,
        message = "declared maturity " .. sk.sm_level(current) .. " but the features already reach "
          .. sk.sm_level(reached),
      }
    end
  end,
}
