-- SM-02: a quantitative measure with a target and an actual value meets its
-- target (seed 002 slide 11).
return {
  id = "SM-02",
  severity = "warning",
  applies_to = "social-media-strategy",
  title = "Quantitative measures meet their targets",
  explain = [[
Seed 002 (Regionshospitalet Randers, "Strategi for sociale medier
2014-2015") sets numbers for each purpose on slide 11, "Kvantitative
målepunkter 2014-2015": "Reach/måned 20.000", "Følgere 3000", "Engagement
... 10 %", "Konverteringsgrad (gennemsnitlig) Min. 50". The evaluation on
slide 12 asks "har vi indfriet formålene og nået vores mål?". A measure
whose `actual` is below its `target` is a goal not reached; the finding
gives the shortfall in numbers and as a share of the target. Higher is
better for every quantitative measure; a measure without both a `target`
and an `actual` is not judged.
Fix: act on the shortfall (content, frequency, advertising, the platform
mix) and record the new `actual`, or revise the `target` at the mid-term
evaluation ("eventuel tilretning") and say why.]],
  check = function(doc, report)
    for i, purpose in sk.each(doc.purposes) do
      for j, m in sk.each(purpose.measures) do
        local target, actual = m.target, m.actual
        if m.type == "quantitative" and sk.finite(target) and sk.finite(actual)
            and actual < target then
          local short = (target + 0.0) - (actual + 0.0)
          local how
          if target > 0 then
            local pct = sk.fmt_pct(short / target)
            if pct == "0.0 %" then pct = "under 0.1 %" end
            how = pct .. " short"
          else
            how = sk.fmt_num(short) .. " short"
          end
          report {
            path = { "purposes", i, "measures", j },
            message = "purpose " .. sk.sm_purpose(purpose, i) .. ": " .. sk.sm_measure(m, j) .. " "
              .. sk.fmt_num(actual) .. " of target " .. sk.fmt_num(target) .. ", " .. how,
          }
        end
      end
    end
  end,
}
