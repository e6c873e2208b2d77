-- CP-12: the plan has risks, each with a prepared response and an owner
-- (seed 000 slide 16).
return {
  id = "CP-12",
  severity = "warning",
  applies_to = "communication-plan",
  title = {
    en = "Risks have a prepared communication response and an owner",
    sv = "Risker har ett förberett besked och en ansvarig",
  },
  explain = {
    en = [[
Seed 000 (workshop Kommunikationsplanering) has a session on risk analysis
(slide 6 "Riskanalys ... Vilken risk-/kriskommunikation behöver ni vara
förbedda [sic] på?", slide 16 "Riskanalys, noteringar", after SKL:s "Riskanalys
och händelseanalys"). An outage of the platform, a patient in crisis or a
bad news story must be met with a message prepared in advance, and someone
must own it; a plan with no risks at all has not done the analysis.
Fix: list the plan's `risks`, each with `risk`, a prepared `response` (what
is said, to whom, through which channel) and an `owner`.]],
    sv = [[
Underlag 000 (workshop Kommunikationsplanering) har ett pass om riskanalys (bild 6
"Riskanalys ... Vilken risk-/kriskommunikation behöver ni vara förbedda [sic]
på?", bild 16 "Riskanalys, noteringar", utifrån SKL:s "Riskanalys och
händelseanalys"). Ett driftstopp i plattformen, en patient i kris eller en
negativ nyhet måste mötas med ett budskap som är förberett i förväg, och
någon måste vara ansvarig för det. En plan utan några risker alls har inte
gjort analysen.
Åtgärd: lista planens `risks`, var och en med `risk`, ett förberett
besked i `response` (vad som sägs, till vem och genom vilken kanal) och en
ansvarig i `owner`.]],
  },
  messages = {
    no_risks = {
      en = "the plan lists no risks: no risk and crisis communication (risk-/kriskommunikation) is prepared",
      sv = "planen tar inte upp några risker: ingen risk- och kriskommunikation är förberedd",
    },
    no_response_no_owner = {
      en = "risk {risk} has no prepared communication response and no owner (ansvarig)",
      sv = "risken {risk} saknar både förberett besked och ansvarig",
    },
    no_response = {
      en = "risk {risk} has no prepared communication response (förberett besked)",
      sv = "risken {risk} saknar förberett besked",
    },
    no_owner = { en = "risk {risk} has no owner (ansvarig)", sv = "risken {risk} saknar ansvarig" },
  },
  check = function(doc, report)
    if sk.count(doc.risks) == 0 then
      report { path = { "risks" }, message = "no_risks" }
      return
    end
    for i, risk in sk.each(doc.risks) do
      local no_response = not sk.present(risk.response)
      local no_owner = not sk.present(risk.owner)
      local message
      if no_response and no_owner then
        message = "no_response_no_owner"
      elseif no_response then
        message = "no_response"
      elseif no_owner then
        message = "no_owner"
      end
      if message then
        -- the risk by its id and its words as written, else by its place
        local name
        if risk.id ~= nil then
          name = "'" .. tostring(risk.id) .. "'"
          if sk.present(risk.risk) then name = name .. " (" .. tostring(risk.risk) .. ")" end
        elseif sk.present(risk.risk) then
          name = "'" .. tostring(risk.risk) .. "'"
        else
          name = "#" .. i
        end
        report { path = { "risks", i }, message = message, data = { risk = name } }
      end
    end
  end,
}
