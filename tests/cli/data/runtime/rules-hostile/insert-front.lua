-- table.insert at the front of a large table shifts it in C, in a loop.
return {
  id = "RT-05", severity = "error", applies_to = "unit-onboarding", title = "hostile: insert-front",
  check = function(doc, report)
    local t = {} for i = 1, 2e5 do t[i] = i end for i = 1, 1e7 do table.insert(t, 1, i) end
    report { message = "RT-05 was not stopped" }
  end,
}
