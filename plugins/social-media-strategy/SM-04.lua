-- SM-04: every platform states a posting frequency (seed 002 slide 6).
return {
  id = "SM-04",
  severity = "warning",
  applies_to = "social-media-strategy",
  title = "Every platform states a posting frequency",
  explain = [[
Seed 002 (Regionshospitalet Randers, "Strategi for sociale medier
2014-2015") slide 6, "Prioritering af indhold", ends with "Hospitalet
tilstræber at lægge 2-3 opslag på Facebook-siden pr. uge", and the weekly
production meeting (slide 9) decides "ugens historier på Facebook". Without
a stated frequency the content calendar cannot be planned, and a page that
goes quiet loses its followers.
Fix: give each platform `posts_per_week` with a `min` and/or a `max`
(e.g. `{min: 2, max: 3}`), with `min` no greater than `max`.]],
  check = function(doc, report)
    for i, p in sk.each(doc.platforms) do
      local f = p.posts_per_week
      local name = "platform " .. sk.sm_platform(p, i)
      local path = { "platforms", i, "posts_per_week" }
      if f == nil or (f.min == nil and f.max == nil) then
        report { path = path,
                 message = name .. " states no posting frequency (posts_per_week, e.g. 2-3 opslag pr. uge)" }
      elseif f.min ~= nil and f.max ~= nil and f.min > f.max then
        report { path = path,
                 message = name .. " states at least " .. sk.fmt_num(f.min) .. " but at most "
                   .. sk.fmt_num(f.max) .. " posts a week: min is greater than max" }
      end
    end
  end,
}
