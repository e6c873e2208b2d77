-- SM-15: the strategy's period has not ended before today (seed 002).
local sk = sk

return {
  id = "SM-15",
  severity = "warning",
  applies_to = "social-media-strategy",
  title = {
    en = "The strategy's period has not ended",
    sv = "Strategins period har inte gått ut",
  },
  explain = {
    en = [[
Seed 002 (Regionshospitalet Randers) is a "Strategi for sociale medier
2014-2015", and its action plan (slide 12, "Efterår 2015") ends with
"Evaluering af strategien" and "Formulering af strategi for 2016-2017". A
strategy runs for a stated period; once `period.end` lies before today
(the run's as-of date) the strategy is expired and due for renewal: its
targets, platforms and maturity level were chosen for a time that is over.
A strategy that states no end of its period is never due for renewal,
which is itself a gap.
Fix: evaluate the strategy and write the next one with a new `period`
(`start` and `end`), or, when the strategy is extended, move `period.end`
and say so in the action plan.]],
    sv = [[
Underlag 002 (Regionshospitalet Randers) är en "Strategi for sociale medier
2014-2015", och dess handlingsplan (bild 12, "Efterår 2015") slutar med
"Evaluering af strategien" och "Formulering af strategi for 2016-2017". En
strategi gäller för en angiven period; när `period.end` ligger före dagens
datum (körningens as-of-datum) har strategin gått ut och behöver förnyas:
dess mål, plattformar och mognadsnivå valdes för en tid som är förbi. En
strategi som inte anger när perioden slutar blir aldrig aktuell för
förnyelse, och det är i sig en brist.
Åtgärd: utvärdera strategin och skriv nästa med en ny `period` (`start` och
`end`), eller, om strategin förlängs, flytta `period.end` och skriv det i
handlingsplanen.]],
  },
  messages = {
    no_end = {
      en = "the strategy's period has no end (period.end), so it is never due for renewal",
      sv = "strategins period har inget slutdatum (period.end), så det framgår aldrig när strategin ska förnyas",
    },
    expired = {
      en = "the strategy's period ended {end:date}, {days:days} before today {today:date}: the strategy is expired and due for renewal",
      sv = "strategins period slutade {end:date}, {days:days} före dagens datum {today:date}: strategin har gått ut och behöver förnyas",
    },
  },
  check = function(doc, report, ctx)
    local period = doc.period
    local last = period and period["end"]
    if not sk.is_date(last) then
      report { path = { "period", "end" }, message = "no_end" }
      return
    end
    local today = ctx.as_of
    if sk.is_date(today) and last < today then
      report { path = { "period", "end" }, message = "expired",
               data = { ["end"] = last, days = sk.days(last, today), today = today } }
    end
  end,
}
