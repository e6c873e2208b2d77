-- ON-08: the risk analysis covers methods, technology, routines and communication (seed 004).
local sk, ipairs, tostring = sk, ipairs, tostring

return {
  id = "ON-08",
  severity = "warning",
  applies_to = "unit-onboarding",
  title = {
    en = "The risk analysis covers the four areas",
    sv = "Riskanalysen täcker de fyra områdena",
  },
  explain = {
    en = [[
Seed 004 (Införandeguiden, "Gör en riskanalys"): "Områden inom
internetförmedlade stöd- och behandlingsprogram, där ni behöver ta fram
åtgärder för att förebygga, minska eller ta bort risker ... kan vara
metoder, teknik, rutiner och kommunikation."
The rule reports each of the four areas missing from `risk_analysis.areas`,
judged on the areas listed even when the analysis is undated or late
(ON-07). A unit with no `risk_analysis` at all gets only ON-07's finding.
Fix: analyse the missing area and add it to `areas` (methods, technology,
routines, communication).]],
    sv = [[
Underlag 004 (Införandeguiden, "Gör en riskanalys"): "Områden inom
internetförmedlade stöd- och behandlingsprogram, där ni behöver ta fram
åtgärder för att förebygga, minska eller ta bort risker ... kan vara
metoder, teknik, rutiner och kommunikation."
Regeln visar vart och ett av de fyra områdena som saknas i
`risk_analysis.areas`. Den bedömer de områden som finns i listan även när
analysen saknar datum eller är gjord för sent (ON-07). En enhet helt utan
`risk_analysis` får bara anmärkningen från ON-07.
Åtgärd: analysera området som saknas och lägg till det i `areas`
(methods, technology, routines, communication).]],
  },
  messages = {
    none_covered = {
      en = "the risk analysis does not cover the area {area:areas}; it covers no area",
      sv = "riskanalysen tar inte upp området {area:areas}; den tar inte upp något område alls",
    },
    not_covered = {
      en = "the risk analysis does not cover the area {area:areas}; it covers {covered:areas}",
      sv = "riskanalysen tar inte upp området {area:areas}; den tar upp {covered:areas}",
    },
  },
  check = function(doc, report)
    local ra = doc.risk_analysis
    if ra == nil then return end
    local covered = sk.set(ra.areas)
    local listed = {}
    for _, a in sk.each(ra.areas) do listed[#listed + 1] = tostring(a) end
    for _, area in ipairs(sk.RISK_AREAS) do
      if not covered[area] then
        report { path = { "risk_analysis", "areas" }, message = #listed > 0 and "not_covered" or "none_covered",
                 data = { area = area, covered = listed } }
      end
    end
  end,
}
