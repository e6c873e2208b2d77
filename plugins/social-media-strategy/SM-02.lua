-- SM-02: a quantitative measure with a target and an actual value meets its
-- target in its direction (seed 002 slide 11).
local sk, type, math = sk, type, math

-- How far a measure is from its target: the gap, and the gap as a share
-- (percent) of the target when the target is above 0 and the share shows
-- at one decimal.
local function shortfall(actual, target)
  local gap = math.abs((target + 0.0) - (actual + 0.0))
  gap = math.tointeger(gap) or gap -- a whole gap is shown as an integer
  if target > 0 then
    local share = gap / target * 100
    if share >= 0.05 then return gap, share end
  end
  return gap, nil
end

return {
  id = "SM-02",
  severity = "warning",
  applies_to = "social-media-strategy",
  title = {
    en = "Quantitative measures meet their targets",
    sv = "Kvantitativa mått når sina mål",
  },
  explain = {
    en = [[
Seed 002 (Regionshospitalet Randers, "Strategi for sociale medier
2014-2015") sets numbers for each purpose on slide 11, "Kvantitative
målepunkter 2014-2015": "Reach/måned 20.000", "Følgere 3000", "Engagement
... 10 %", "Konverteringsgrad (gennemsnitlig) Min. 50". The evaluation on
slide 12 asks "har vi indfriet formålene og nået vores mål?". Higher is
better unless the measure says `direction: lower` (a response time, a
number of complaints): a measure below its target, or with `direction:
lower` above it, is a goal not reached, and the finding gives the gap in
numbers and as a share of the target. A measure exactly at its target meets
it; one without both a `target` and an `actual` is not judged.
Fix: act on the gap (content, frequency, advertising, the platform mix)
and record the new `actual`, or revise the `target` at the mid-term
evaluation ("eventuel tilretning") and say why.]],
    sv = [[
Underlag 002 (Regionshospitalet Randers strategi för sociala medier
2014–2015) sätter siffror för varje syfte på bild 11, "Kvantitative
målepunkter": räckvidd 20 000 i månaden, 3 000 följare, 10 % engagemang
och en konverteringsgrad på minst 50. Utvärderingen på bild 12 frågar om
man har uppfyllt syftena och nått målen ("har vi indfriet formålene og nået
vores mål?"). Högre är bättre om inte måttet anger `direction: lower` (en
svarstid, ett antal klagomål): ett mått under sitt mål, eller med
`direction: lower` över det, är ett mål som inte är nått, och fyndet anger
avståndet i siffror och som andel av målet. Ett mått som ligger exakt på
målet når det; ett mått utan både `target` och `actual` bedöms inte.
Åtgärd: gör något åt avståndet (innehåll, frekvens, annonsering, valet av
plattformar) och för in det nya värdet i `actual`, eller ändra `target` vid
halvtidsutvärderingen och ange varför.]],
  },
  messages = {
    below = {
      en = "purpose {purpose}: {metric} is {actual:number} against the target {target:number}, "
        .. "{gap:number} ({share:percent}) short",
      sv = "syfte {purpose}: {metric} ligger på {actual:number} mot målet {target:number}, "
        .. "{gap:number} ({share:percent}) under målet",
    },
    below_by = {
      en = "purpose {purpose}: {metric} is {actual:number} against the target {target:number}, "
        .. "{gap:number} short",
      sv = "syfte {purpose}: {metric} ligger på {actual:number} mot målet {target:number}, "
        .. "{gap:number} under målet",
    },
    above = {
      en = "purpose {purpose}: {metric} is {actual:number} against the target of at most "
        .. "{target:number}, {gap:number} ({share:percent}) over",
      sv = "syfte {purpose}: {metric} ligger på {actual:number} mot målet högst {target:number}, "
        .. "{gap:number} ({share:percent}) över målet",
    },
    above_by = {
      en = "purpose {purpose}: {metric} is {actual:number} against the target of at most "
        .. "{target:number}, {gap:number} over",
      sv = "syfte {purpose}: {metric} ligger på {actual:number} mot målet högst {target:number}, "
        .. "{gap:number} över målet",
    },
  },
  check = function(doc, report)
    for i, purpose in sk.each(doc.purposes) do
      for j, m in sk.each(type(purpose) == "table" and purpose.measures or nil) do
        local target, actual = m.target, m.actual
        if m.type == "quantitative" and sk.finite(target) and sk.finite(actual) then
          local lower = m.direction == "lower"
          if (lower and actual > target) or (not lower and actual < target) then
            local gap, share = shortfall(actual, target)
            local message = (lower and "above" or "below") .. (share and "" or "_by")
            report {
              path = { "purposes", i, "measures", j },
              message = message,
              data = {
                purpose = sk.sm_purpose(purpose, i),
                metric = sk.sm_measure_ref(m, j),
                actual = actual, target = target, gap = gap, share = share,
              },
            }
          end
        end
      end
    end
  end,
}
