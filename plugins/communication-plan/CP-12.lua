-- CP-12: the plan has risks, each with a prepared response and an owner
-- (seed 000 slide 16).
return {
  id = "CP-12",
  severity = "warning",
  applies_to = "communication-plan",
  title = "Risks have a prepared communication response and an owner",
  explain = [[
Seed 000 (workshop Kommunikationsplanering) has a session on risk analysis
(slide 6 "Riskanalys ... Vilken risk-/kriskommunikation behöver ni vara
förbedda [sic] på?", slide 16 "Riskanalys, noteringar", after SKL:s "Riskanalys
och händelseanalys"). An outage of the platform, a patient in crisis or a
bad news story must be met with a message prepared in advance, and someone
must own it; a plan with no risks at all has not done the analysis.
Fix: list the plan's `risks`, each with `risk`, a prepared `response` (what
is said, to whom, through which channel) and an `owner`.]],
  check = function(doc, report)
    if sk.count(doc.risks) == 0 then
      report {
        path = { "risks" },
        message = "the plan lists no risks: no risk and crisis communication (risk-/kriskommunikation) is prepared",
      }
      return
    end
    for i, risk in sk.each(doc.risks) do
      local no_response = not sk.present(risk.response)
      local no_owner = not sk.present(risk.owner)
      local what
      if no_response and no_owner then
        what = "has no prepared communication response and no owner (ansvarig)"
      elseif no_response then
        what = "has no prepared communication response (förberett besked)"
      elseif no_owner then
        what = "has no owner (ansvarig)"
      end
      if what then
        local name
        if risk.id ~= nil then
          name = "'" .. tostring(risk.id) .. "'"
          if sk.present(risk.risk) then name = name .. " (" .. tostring(risk.risk) .. ")" end
        elseif sk.present(risk.risk) then
          name = "'" .. tostring(risk.risk) .. "'"
        else
          name = "#" .. i
        end
        report { path = { "risks", i }, message = "risk " .. name .. " " .. what }
      end
    end
  end,
}
