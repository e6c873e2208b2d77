-- SM-16: every platform names its audience (seed 002 "Platform og målgrupper").
return {
  id = "SM-16",
  severity = "warning",
  applies_to = "social-media-strategy",
  title = "Every platform names its audience",
  explain = [[
Seed 002 (Regionshospitalet Randers, "Strategi for sociale medier
2014-2015") builds its platform section on "Platform og målgrupper"
(slide 2) and gives each platform its target group, slide 6: "Facebook
Målgruppe: borgerne generelt", chosen because Facebook "har den bredeste
sammensætning af danskere rent demografisk" (slide 4). The audience
decides what is posted there and in which tone; a platform without one is
there because the others are.
Fix: name who each platform is for in `audience` (borgerne generelt,
patienter og pårørende, fagfolk og kommende medarbejdere, pressen ...).]],
  check = function(doc, report)
    for i, p in sk.each(doc.platforms) do
      if not sk.present(p.audience) then
        report {
          path = { "platforms", i, "audience" },
          message = "platform " .. sk.sm_platform(p, i) .. " names no audience (målgruppe)",
        }
      end
    end
  end,
}
