-- SM-09: where the target level is above the level the features reach, list
-- the features still missing (seed 003).
local sk = sk

return {
  id = "SM-09",
  severity = "warning",
  applies_to = "social-media-strategy",
  title = {
    en = "Features still missing for the target maturity level",
    sv = "Funktioner som fortfarande saknas för mognadsmålet",
  },
  explain = {
    en = [[
Seed 003 ("Skala for sygehuses kommunikation på sociale medier") is also
meant for "en strategisk beslutning om, hvilket niveau, man ønsker at være
på", and "At bevæge sig fra et niveau på skalaen til det næste niveau er
således en proces" that needs the organisation and its resources set up
for it. Where `maturity.target` is above the level the features in use
reach, this lists every feature, of the target level and of the levels
below it, that is not yet in use, so the action plan can name the work.
Fix: plan and introduce the missing features (then add them to
`maturity.features`), or lower `maturity.target`.]],
    sv = [[
Underlag 003 ("Skala for sygehuses kommunikation på sociale medier") är
också avsett för "en strategisk beslutning om, hvilket niveau, man ønsker
at være på", och "At bevæge sig fra et niveau på skalaen til det næste
niveau er således en proces" som kräver att organisationen och dess
resurser ställs om för det. När `maturity.target` ligger över den nivå som
funktionerna i bruk når, räknar regeln upp varje funktion på målnivån och
på nivåerna under den som ännu inte används, så att handlingsplanen kan
beskriva arbetet.
Åtgärd: planera och inför de funktioner som saknas (och lägg sedan till dem
i `maturity.features`), eller sänk `maturity.target`.]],
  },
  messages = {
    above = {
      en = "target maturity level {target} ({target:levels}) is above what the features reach, level {reached} "
        .. "({reached:levels}); still missing: {missing:features}",
      sv = "mognadsmålet nivå {target} ({target:levels}) ligger över det som funktionerna når, nivå {reached} "
        .. "({reached:levels}); fortfarande saknas: {missing:features}",
    },
  },
  check = function(doc, report)
    local m = sk.sm_maturity(doc)
    local target = m.target
    if target == nil then return end
    local reached = sk.maturity_level(m.features)
    if target > reached then
      report { path = { "maturity", "features" }, message = "above",
               data = { target = target, reached = reached, missing = sk.missing_features(m.features, target) } }
    end
  end,
}
