-- table.move loops in C, where the count hook never fires: before the fix
-- this rule never returned (found in review while writing the rule target).
return {
  id = "FZ-01", severity = "error", applies_to = "communication-plan", title = "t",
  check = function(doc, report)
    table.move({}, 1, 1 << 62, 1, {})
    report{ message = "unreachable" }
  end,
}
