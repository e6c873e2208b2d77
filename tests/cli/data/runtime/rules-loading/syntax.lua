-- A plugin that is no Lua.
return {
  id = "LD-01" x
}
