-- table.concat over an __index function up to math.maxinteger: a loop in C.
return {
  id = "RT-04", severity = "error", applies_to = "unit-onboarding", title = "hostile: concat-index",
  check = function(doc, report)
    local t = setmetatable({}, { __index = function() return "" end }) local x = table.concat(t, "", 1, math.maxinteger)
    report { message = "RT-04 was not stopped" }
  end,
}
