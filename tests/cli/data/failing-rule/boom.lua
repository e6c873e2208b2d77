-- A regional rule with a bug: it fails on units whose plan has no owner.
return {
  id = "GOT-01",
  severity = "warning",
  applies_to = "communication-plan",
  title = "The owner is written as 'name, title'",
  check = function(doc, report)
    if not doc.owner:find(",") then
      report { path = { "owner" }, message = "owner '" .. doc.owner .. "' has no title" }
    end
  end,
}
