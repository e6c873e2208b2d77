-- sk.join over a document list with a separator longer than the buffer's
-- first block: native_join added the separator while the item was above the
-- luaL_Buffer's box, and Lua took the item for the box (issue 20: "double
-- free or corruption", a SIGSEGV with the built-in rules).
return {
  id = "FZ-02", severity = "error", applies_to = "communication-plan", title = "t",
  check = function(doc, report)
    local s = sk.join(doc.target_groups, ("a"):rep(5000))
    local t = sk.join(doc.target_groups[1].channels, ("b"):rep(3000))
    report{ message = "joined " .. #s .. " and " .. #t }
  end,
}
