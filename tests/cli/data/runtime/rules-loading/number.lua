-- A plugin that returns no rule table.
return 42
