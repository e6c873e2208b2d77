-- Garbage in proportion to the unit's staff: before issue 20 the memory cap of
-- the next rule counted from the state's bytes, garbage included, so its verdict
-- depended on this rule's leftovers and on which units a worker had checked.
return {
  id = "RM-01", severity = "info", applies_to = "unit-onboarding", title = "garbage",
  check = function(doc, report)
    local n = sk.count(doc.staff)
    local t = {}
    for i = 1, n * 3000 do t[i] = "g" .. i end
  end,
}
