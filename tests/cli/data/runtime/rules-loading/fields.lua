-- A rule table with a wrong severity, a misspelt field and a field that is no name.
return {
  id = "LD-02",
  severity = "fatal",
  applies_to = "unit", title = "t", check = function() end,
  explian = "x",
  [1] = 2,
}
