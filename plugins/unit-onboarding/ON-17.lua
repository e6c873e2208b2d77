-- ON-17: the unit has a communication plan (seed 004).
local sk, tostring = sk, tostring

return {
  id = "ON-17",
  severity = "warning",
  applies_to = "unit-onboarding",
  title = {
    en = "The unit has a communication plan",
    sv = "Enheten har en kommunikationsplan",
  },
  explain = {
    en = [[
Seed 004 (Införandeguiden, "Kommunicera tjänsten"): "I analysen av
intressenter ringar ni in vilka som behöver känna till tjänsten eller de
program ni har valt att erbjuda ... Kommunikationsplan kan vara ett stöd i
planeringen." Without a plan, staff, other units and patients may never
hear of the service.
The rule reports an onboarding checklist whose unit (the same
`unit.hsa_id`) has no `communication-plan` document among the files
checked; a file of the unit that could not be loaded may be the plan, and
then the unit is "not judged in full" and this rule is silent. Whether the
plan is complete is the communication-plan rules' business (CP-..), and whether it names the same service and launch date
is UN-01.
Fix: write a communication plan for the unit (kind: communication-plan,
with the same `unit.hsa_id`) and check it together with this document.]],
    sv = [[
Underlag 004 (Införandeguiden, "Kommunicera tjänsten"): "I analysen av
intressenter ringar ni in vilka som behöver känna till tjänsten eller de
program ni har valt att erbjuda ... Kommunikationsplan kan vara ett stöd i
planeringen." Utan en plan kanske personalen, andra enheter och patienterna
aldrig får höra talas om tjänsten.
Regeln visar en checklista för införande vars enhet (samma `unit.hsa_id`)
inte har något dokument av slaget `communication-plan` bland de filer som
kontrolleras; en fil i enheten som inte gick att läsa in kan vara planen,
och då är enheten inte bedömd i sin helhet och regeln säger inget. Om
planen är komplett kontrolleras av reglerna för
kommunikationsplanen (CP-..), och om den anger samma tjänst och startdatum
kontrolleras av UN-01.
Åtgärd: skriv en kommunikationsplan för enheten (kind:
communication-plan, med samma `unit.hsa_id`) och kontrollera den tillsammans
med det här dokumentet.]],
  },
  messages = {
    no_plan = {
      en = "the unit {unit} has no communication plan (kommunikationsplan): no communication-plan document names the HSA-id {hsa_id}",
      sv = "enheten {unit} har ingen kommunikationsplan: inget dokument av slaget communication-plan anger HSA-id {hsa_id}",
    },
  },
  check = function(doc, report, ctx)
    -- a file of the unit that could not be loaded may be the plan: the unit
    -- is reported not judged in full, and this rule says nothing false
    if #sk.documents(ctx.unit, "communication-plan") > 0 or #ctx.unit.unread > 0 then return end
    local unit = doc.unit or {}
    local name = sk.present(unit.name) and unit.name .. " (" .. tostring(unit.hsa_id) .. ")"
      or tostring(unit.hsa_id)
    report { path = { "unit" }, message = "no_plan", data = { unit = name, hsa_id = tostring(unit.hsa_id) } }
  end,
}
