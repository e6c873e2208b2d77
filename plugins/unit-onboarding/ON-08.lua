-- ON-08: the risk analysis covers methods, technology, routines and communication (seed 004).
return {
  id = "ON-08",
  severity = "warning",
  applies_to = "unit-onboarding",
  title = "The risk analysis covers the four areas",
  explain = [[
Seed 004 (Införandeguiden, "Gör en riskanalys"): "Områden inom
internetförmedlade stöd- och behandlingsprogram, där ni behöver ta fram
åtgärder för att förebygga, minska eller ta bort risker ... kan vara
metoder, teknik, rutiner och kommunikation."
The rule reports each of the four areas missing from `risk_analysis.areas`,
judged on the areas listed even when the analysis is undated or late
(ON-07). A unit with no `risk_analysis` at all gets only ON-07's finding.
Fix: analyse the missing area and add it to `areas` (methods, technology,
routines, communication).]],
  check = function(doc, report)
    local ra = doc.risk_analysis
    if ra == nil then return end
    local covered = sk.set(ra.areas)
    local listed = sk.count(ra.areas) > 0 and sk.join(ra.areas) or "no area"
    for _, area in ipairs(sk.RISK_AREAS) do
      if not covered[area] then
        report { path = { "risk_analysis", "areas" },
                 message = "the risk analysis does not cover the area " .. area
                   .. " (" .. sk.RISK_AREA_NAMES[area] .. "); it covers " .. listed }
      end
    end
  end,
}
