-- A seed for the rule target (issue 20 item 11): every sk helper that walks
-- a list, on long lists and with long separators, on document views and on
-- a rule's own tables (the sk.join crash is found at once from here).
return {
  id = "FZ-05", severity = "error", applies_to = "communication-plan", title = "t",
  check = function(doc, report)
    local own = {}
    for i = 1, 300 do own[i] = (i % 7 == 0) and ("x"):rep(i) or i end
    own[150] = nil
    local seps = { nil, "", ", ", ("-"):rep(5000), 7 }
    for k = 1, 5 do
      local sep = seps[k]
      local a = sk.join(own, sep)
      local b = sk.join(doc.target_groups, sep)
      local c = sk.join(doc.target_groups[1].channels, sep)
      report{ message = #a .. " " .. #b .. " " .. #c }
    end
    local n = 0
    for _, v in sk.each(own) do n = n + (sk.present(v) and 1 or 0) end
    for _ in sk.each(doc.target_groups) do n = n + 1 end
    local s = sk.set(own)
    local g, r = sk.plan_groups(doc), sk.plan_reach(doc)
    report{ message = n .. " " .. sk.count(own) .. tostring(s[7] ~= nil) .. tostring(g ~= nil and r ~= nil) }
    report{ message = sk.lower(("ÅÄÖ"):rep(2000)):sub(1, 6) .. tostring(sk.same_text(("a"):rep(3000), ("A"):rep(3000))) }
  end,
}
