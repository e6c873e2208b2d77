-- A list whose second item is no rule table, and a rule id defined twice.
return {
  { id = "LD-03", severity = "info", applies_to = "unit", title = "t", check = function() end },
  5,
  { id = "LD-03", severity = "info", applies_to = "unit", title = "t", check = function() end },
}
