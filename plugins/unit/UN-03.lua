-- UN-03: a unit that has a communication plan has an onboarding checklist
-- (seed 004); without one, no rule of the checklist judges the unit.
local sk, tostring = sk, tostring
local documents, present = sk.documents, sk.present

return {
  id = "UN-03",
  severity = "error",
  applies_to = "communication-plan",
  title = {
    en = "A unit with a communication plan has an onboarding checklist",
    sv = "En enhet med kommunikationsplan har en införandechecklista",
  },
  explain = {
    en = [[
Seed 004 (Införandeguiden, "Checklista för enhetens införande") is what a
unit must have in place to launch: "Medarbetare på enheten behöver ha en
eller flera av dessa obligatoriska roller", "Gör alltid en riskanalys när
en verksamhet ansluts", the connection steps, and at the start
"Förvaltningen stämmer av med verksamheten att de är startklara". The
onboarding checklist (`kind: unit-onboarding`) records all of it, and the
ON- rules judge it. A unit whose communication plan is checked without any
checklist escapes every one of those rules and would read as ready, as
would a unit whose checklist names another, well-formed HSA-id by mistake
(the unit is split in two, and each half looks complete).
The rule reports a communication plan whose unit (the same
`unit.hsa_id`) has no `unit-onboarding` document among the files checked;
a file of the unit that could not be loaded may be the checklist, and then
the unit is "not judged in full" and this rule is silent. It is not in
REQUIREMENTS.md's 62 rules: startklar adds it so that a
missing checklist is never a silent "ready" (docs/gating.md). The mirror,
a checklist without a plan, is ON-17, a warning: seed 004 calls the plan a
help ("kan vara ett stöd"). A unit of only a social-media strategy is an
organisation's strategy and is not asked for a checklist.
Fix: write the unit's onboarding checklist (kind: unit-onboarding, with
the same `unit.hsa_id` as the plan) and check it together with the plan;
if it exists, check that both documents name the same HSA-id.]],
    sv = [[
Underlag 004 (Införandeguiden, "Checklista för enhetens införande") är det
som en enhet måste ha på plats för att starta: "Medarbetare på enheten
behöver ha en eller flera av dessa obligatoriska roller", "Gör alltid en
riskanalys när en verksamhet ansluts", anslutningsstegen, och vid starten
"Förvaltningen stämmer av med verksamheten att de är startklara".
Införandechecklistan (`kind: unit-onboarding`) registrerar allt detta, och
ON-reglerna bedömer den. En enhet vars kommunikationsplan kontrolleras utan
någon checklista går förbi alla de reglerna och skulle se ut att vara redo,
liksom en enhet vars checklista av misstag anger ett annat, korrekt
uppbyggt HSA-id (enheten delas i två, och varje halva ser komplett ut).
Regeln visar en kommunikationsplan vars enhet (samma `unit.hsa_id`) inte
har något dokument av slaget `unit-onboarding` bland de filer som
kontrolleras; en fil i enheten som inte gick att läsa in kan vara
checklistan, och då är enheten inte bedömd i sin helhet och regeln säger
inget. Den finns inte bland de 62 reglerna i REQUIREMENTS.md:
startklar lägger till den så att en checklista som saknas aldrig blir ett
tyst "redo" (docs/gating.md). Motsvarigheten, en checklista utan plan, är
ON-17, en varning: underlag 004 kallar planen ett stöd ("kan vara ett
stöd"). En enhet med bara en strategi för sociala medier är en
organisations strategi och behöver ingen checklista.
Åtgärd: skriv enhetens införandechecklista (kind: unit-onboarding, med
samma `unit.hsa_id` som planen) och kontrollera den tillsammans med planen;
finns den redan, kontrollera att båda dokumenten anger samma HSA-id.]],
  },
  messages = {
    no_checklist = {
      en = "the unit {unit} has no onboarding checklist (införandechecklista): no unit-onboarding document names "
        .. "the HSA-id {hsa_id}, so its roles, connection steps, risk analysis and data retention are not judged",
      sv = "enheten {unit} har ingen införandechecklista: inget dokument av slaget unit-onboarding anger HSA-id "
        .. "{hsa_id}, så rollerna, anslutningsstegen, riskanalysen och gallringen är inte bedömda",
    },
  },
  check = function(doc, report, ctx)
    -- a file of the unit that could not be loaded may be the checklist: the
    -- unit is reported not judged in full, and this rule says nothing false
    if #documents(ctx.unit, "unit-onboarding") > 0 or #ctx.unit.unread > 0 then return end
    local unit = doc.unit or {}
    local hsa_id = tostring(unit.hsa_id)
    local name = present(unit.name) and unit.name .. " (" .. hsa_id .. ")" or hsa_id
    report { path = { "unit" }, message = "no_checklist", data = { unit = name, hsa_id = hsa_id } }
  end,
}
