-- Work inside one C call never met the count hook (issue 20 item 2): each of
-- these ran for ever before the library functions that loop in C were charged.
return {
  id = "FZ-03", severity = "error", applies_to = "communication-plan", title = "t",
  check = function(doc, report)
    local x = string.rep("", math.maxinteger)
    pcall(function() return ("("):rep(2e5):find("%b()") end)
    pcall(function()
      local t = setmetatable({}, { __index = function() return "" end })
      return table.concat(t, "", 1, math.maxinteger)
    end)
    local t = {} for i = 1, 2e5 do t[i] = i end
    for i = 1, 1e7 do table.insert(t, 1, i) end
    report{ message = "unreachable" .. x }
  end,
}
