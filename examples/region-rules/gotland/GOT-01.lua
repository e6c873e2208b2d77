-- GOT-01: Region Gotland's own rule: a unit's onboarding checklist records
-- that its budget is approved (x_budget_approved: true). Written in the
-- tutorial docs/writing-rules.md.
return {
  id = "GOT-01",
  severity = "error",                -- error | warning | info
  applies_to = "unit-onboarding",    -- a document kind, or "unit": once per unit
  title = "The unit's budget is approved",
  explain = [[
Region Gotland starts no digital care service before the unit's budget for
it is approved by the care provider's management (hälso- och sjukvårdsnämnden).
The onboarding checklist records the decision in the region's own key
`x_budget_approved`.
Fix: once the budget is approved, write `x_budget_approved: true` in the
unit's `unit-onboarding` document.]],
  check = function(doc, report)
    local approved = doc.x_budget_approved
    if approved == nil then
      report { path = { "x_budget_approved" },
               message = "the checklist does not record that the budget is approved (x_budget_approved)" }
    elseif approved ~= true then
      report { path = { "x_budget_approved" },
               message = "the budget is not approved: x_budget_approved is " .. tostring(approved)
                 .. ", not true" }
    end
  end,
}
