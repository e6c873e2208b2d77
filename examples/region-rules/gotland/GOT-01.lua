-- GOT-01: Region Gotland's own rule: a unit's onboarding checklist records
-- that its budget is approved (x_budget_approved: true). Written in the
-- tutorial docs/writing-rules.md. It carries its texts in English and
-- Swedish: the report shows them in the language of the run (--lang).
return {
  id = "GOT-01",
  severity = "error",                -- error | warning | info
  applies_to = "unit-onboarding",    -- a document kind, or "unit": once per unit
  title = {
    en = "The unit's budget is approved",
    sv = "Enhetens budget är beslutad",
  },
  explain = {
    en = [[
Region Gotland starts no digital care service before the unit's budget for
it is approved by the care provider's management (hälso- och sjukvårdsnämnden).
The onboarding checklist records the decision in the region's own key
`x_budget_approved`.
Fix: once the budget is approved, write `x_budget_approved: true` in the
unit's `unit-onboarding` document.]],
    sv = [[
Region Gotland startar ingen digital vårdtjänst förrän enhetens budget för
den är beslutad av vårdgivarens ledning (hälso- och sjukvårdsnämnden).
Införandechecklistan anger beslutet i regionens egen nyckel
`x_budget_approved`.
Åtgärd: när budgeten är beslutad, skriv `x_budget_approved: true` i enhetens
dokument av slaget `unit-onboarding`.]],
  },
  messages = {
    not_recorded = {
      en = "the checklist does not record that the budget is approved (x_budget_approved)",
      sv = "checklistan anger inte att budgeten är beslutad (x_budget_approved)",
    },
    not_approved = {
      en = "the budget is not approved: x_budget_approved is {value}, not true",
      sv = "budgeten är inte beslutad: x_budget_approved är {value}, inte true",
    },
  },
  check = function(doc, report)
    local approved = doc.x_budget_approved
    if approved == nil then
      report { path = { "x_budget_approved" }, message = "not_recorded" }
    elseif approved ~= true then
      report { path = { "x_budget_approved" }, message = "not_approved",
               data = { value = tostring(approved) } }
    end
  end,
}
