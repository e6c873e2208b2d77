-- SM-16: every platform names its audience (seed 002 "Platform og målgrupper").
local sk = sk

return {
  id = "SM-16",
  severity = "warning",
  applies_to = "social-media-strategy",
  title = {
    en = "Every platform names its audience",
    sv = "Varje plattform anger sin målgrupp",
  },
  explain = {
    en = [[
Seed 002 (Regionshospitalet Randers, "Strategi for sociale medier
2014-2015") builds its platform section on "Platform og målgrupper"
(slide 2) and gives each platform its target group, slide 6: "Facebook
Målgruppe: borgerne generelt", chosen because Facebook "har den bredeste
sammensætning af danskere rent demografisk" (slide 4). The audience
decides what is posted there and in which tone; a platform without one is
there because the others are.
Fix: name who each platform is for in `audience` (borgerne generelt,
patienter og pårørende, fagfolk og kommende medarbejdere, pressen ...).]],
    sv = [[
Underlag 002 (Regionshospitalet Randers, "Strategi for sociale medier
2014-2015") bygger sin del om plattformar på "Platform og målgrupper"
(bild 2) och ger varje plattform dess målgrupp, bild 6: "Facebook
Målgruppe: borgerne generelt", vald eftersom Facebook "har den bredeste
sammensætning af danskere rent demografisk" (bild 4). Målgruppen avgör vad
som publiceras där och i vilken ton; en plattform utan målgrupp finns bara
där för att de andra gör det.
Åtgärd: ange vem varje plattform är till för i `audience` (invånare i
allmänhet, patienter och anhöriga, fackfolk och blivande medarbetare,
pressen ...).]],
  },
  messages = {
    no_audience = {
      en = "platform {platform} names no audience (målgruppe)",
      sv = "plattformen {platform} anger ingen målgrupp",
    },
  },
  check = function(doc, report)
    for i, p in sk.each(doc.platforms) do
      if not sk.present(p.audience) then
        report { path = { "platforms", i, "audience" }, message = "no_audience",
                 data = { platform = sk.sm_platform(p, i) } }
      end
    end
  end,
}
