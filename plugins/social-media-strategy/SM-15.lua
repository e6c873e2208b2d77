-- SM-15: the strategy's period has not ended before today (seed 002).
return {
  id = "SM-15",
  severity = "warning",
  applies_to = "social-media-strategy",
  title = "The strategy's period has not ended",
  explain = [[
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
  check = function(doc, report, ctx)
    local period = doc.period
    local last = period and period["end"]
    if not sk.is_date(last) then
      report {
        path = { "period", "end" },
        message = "the strategy's period has no end (period.end), so it is never due for renewal",
      }
      return
    end
    local today = ctx.as_of
    if sk.is_date(today) and last < today then
      report {
        path = { "period", "end" },
        message = "the strategy's period ended " .. last .. ", " .. sk.plan_ndays(sk.days(last, today))
          .. " before today " .. today .. ": the strategy is expired and due for renewal",
      }
    end
  end,
}
