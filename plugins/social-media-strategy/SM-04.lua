-- SM-04: every platform states a posting frequency (seed 002 slide 6).
local sk = sk

return {
  id = "SM-04",
  severity = "warning",
  applies_to = "social-media-strategy",
  title = {
    en = "Every platform states a posting frequency",
    sv = "Varje plattform anger hur ofta det publiceras",
  },
  explain = {
    en = [[
Seed 002 (Regionshospitalet Randers, "Strategi for sociale medier
2014-2015") slide 6, "Prioritering af indhold", ends with "Hospitalet
tilstræber at lægge 2-3 opslag på Facebook-siden pr. uge", and the weekly
production meeting (slide 9) decides "ugens historier på Facebook". Without
a stated frequency the content calendar cannot be planned, and a page that
goes quiet loses its followers.
Fix: give each platform `posts_per_week` with a `min` and/or a `max`
(e.g. `{min: 2, max: 3}`), with `min` no greater than `max`.]],
    sv = [[
Underlag 002 (Regionshospitalet Randers, "Strategi for sociale medier
2014-2015") bild 6, "Prioritering af indhold", slutar med "Hospitalet
tilstræber at lægge 2-3 opslag på Facebook-siden pr. uge", och det
veckovisa produktionsmötet (bild 9) bestämmer "ugens historier på
Facebook". Utan en angiven publiceringstakt går innehållskalendern inte att
planera, och en sida som tystnar tappar sina följare.
Åtgärd: ge varje plattform `posts_per_week` med `min` och/eller `max`
(t.ex. `{min: 2, max: 3}`), där `min` inte är större än `max`.]],
  },
  messages = {
    no_frequency = {
      en = "platform {platform} states no posting frequency (posts_per_week, e.g. 2-3 opslag pr. uge)",
      sv = "plattformen {platform} anger inte hur ofta det ska publiceras (posts_per_week, t.ex. 2–3 inlägg i veckan)",
    },
    min_above_max = {
      en = "platform {platform} states at least {min:number} but at most {max:number} posts a week: min is greater than max",
      sv = "plattformen {platform} anger minst {min:number} men högst {max:number} inlägg i veckan: min är större än max",
    },
  },
  check = function(doc, report)
    for i, p in sk.each(doc.platforms) do
      local f = p.posts_per_week
      local path = { "platforms", i, "posts_per_week" }
      if f == nil or (f.min == nil and f.max == nil) then
        report { path = path, message = "no_frequency", data = { platform = sk.sm_platform(p, i) } }
      elseif f.min ~= nil and f.max ~= nil and f.min > f.max then
        report { path = path, message = "min_above_max",
                 data = { platform = sk.sm_platform(p, i), min = f.min, max = f.max } }
      end
    end
  end,
}
